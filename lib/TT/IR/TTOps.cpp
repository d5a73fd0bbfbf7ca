//===- TTOps.cpp - tt operations ------------------------------------------===//
#include "TTDialect/TT/IR/TTOps.h"

#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

using namespace mlir;
using namespace mlir::tt;

//===----------------------------------------------------------------------===//
// Kernel placement
//===----------------------------------------------------------------------===//

std::optional<KernelRole> mlir::tt::getEnclosingKernelRole(Operation *op) {
  auto func = op->getParentOfType<func::FuncOp>();
  if (!func)
    return std::nullopt;
  auto role = func->getAttrOfType<KernelRoleAttr>(TTDialect::kKernelRoleAttrName);
  if (!role)
    return std::nullopt;
  return role.getValue();
}

LogicalResult mlir::tt::verifyKernelPlacement(Operation *op, bool computeOp) {
  std::optional<KernelRole> role = getEnclosingKernelRole(op);
  // Outside a kernel (before the kernel split) every op is allowed.
  if (!role)
    return success();
  bool computeKernel = *role == KernelRole::Compute;
  if (computeOp == computeKernel)
    return success();
  auto func = op->getParentOfType<func::FuncOp>();
  return op->emitOpError()
         << "is a " << (computeOp ? "compute" : "data-movement")
         << " op and cannot run in " << stringifyKernelRole(*role)
         << " kernel @" << func.getSymName();
}

//===----------------------------------------------------------------------===//
// Circular buffer ops
//===----------------------------------------------------------------------===//

static LogicalResult verifyPageCount(Operation *op, Value cbValue,
                                     Value count) {
  auto cb = llvm::cast<CircularBufferType>(cbValue.getType());
  APInt pages;
  if (!matchPattern(count, m_ConstantInt(&pages)))
    return success();
  int64_t n = pages.getSExtValue();
  if (n <= 0)
    return op->emitOpError() << "page count must be positive, got " << n;
  if (static_cast<uint64_t>(n) > cb.getNumPages())
    return op->emitOpError() << "asks for " << n << " pages of circular buffer "
                             << cb.getIndex() << ", which holds only "
                             << cb.getNumPages();
  return success();
}

LogicalResult CBReserveBackOp::verify() {
  return verifyPageCount(*this, getCb(), getNumPages());
}
LogicalResult CBPushBackOp::verify() {
  return verifyPageCount(*this, getCb(), getNumPages());
}
LogicalResult CBWaitFrontOp::verify() {
  return verifyPageCount(*this, getCb(), getNumPages());
}
LogicalResult CBPopFrontOp::verify() {
  return verifyPageCount(*this, getCb(), getNumPages());
}

//===----------------------------------------------------------------------===//
// Host program
//===----------------------------------------------------------------------===//

void ProgramOp::build(OpBuilder &builder, OperationState &state, StringRef name,
                      DeviceAttr device, MeshAttr mesh) {
  Properties &props = state.getOrAddProperties<Properties>();
  props.sym_name = builder.getStringAttr(name);
  props.device = device;
  props.mesh = mesh;
  state.addRegion()->push_back(new Block());
}

static LogicalResult verifyCoresOnDevice(Operation *op, CoreRangeSetAttr cores,
                                         DeviceAttr device) {
  for (CoreRangeAttr r : cores.getRanges())
    if (r.getEndX() >= device.getGridX() || r.getEndY() >= device.getGridY())
      return op->emitOpError()
             << "uses core (" << r.getEndX() << ", " << r.getEndY()
             << ") outside the " << device.getGridX() << "x"
             << device.getGridY() << " compute grid of "
             << stringifyArch(device.getArch());
  return success();
}

/// An argument list entry is an integer or the symbol of a buffer of
/// `program` (a runtime argument may also name a semaphore); over a work
/// split, also a core's share of it or a fact of its multicast group.
static LogicalResult verifyArgList(Operation *op, ArrayAttr args,
                                   ProgramOp program, StringRef what,
                                   bool workArgs = false,
                                   bool semaphores = false) {
  for (auto [i, arg] : llvm::enumerate(args)) {
    if (llvm::isa<WorkArgAttr, McastArgAttr>(arg)) {
      if (!workArgs)
        return op->emitOpError()
               << what << " " << i << " (" << arg
               << ") depends on the core's place in a work split, but the "
                  "arguments are not set over a split";
      if (auto mcast = llvm::dyn_cast<McastArgAttr>(arg);
          mcast && mcast.isSemaphore())
        return op->emitOpError()
               << what << " " << i << " (" << arg
               << ") is a semaphore: name the program's tt.semaphore instead";
      continue;
    }
    if (auto integer = llvm::dyn_cast<IntegerAttr>(arg)) {
      if (integer.getValue().getActiveBits() > 32 || integer.getInt() < 0)
        return op->emitOpError() << what << " " << i << " (" << integer.getInt()
                                 << ") does not fit in uint32_t";
      continue;
    }
    auto ref = llvm::dyn_cast<FlatSymbolRefAttr>(arg);
    if (!ref)
      return op->emitOpError() << what << " " << i
                               << " must be an integer or a buffer symbol, got "
                               << arg;
    if (!program)
      continue;
    Operation *symbol =
        ::mlir::SymbolTable::lookupSymbolIn(program, ref.getAttr());
    if (llvm::isa_and_nonnull<BufferOp>(symbol))
      continue;
    if (semaphores && llvm::isa_and_nonnull<SemaphoreOp>(symbol))
      continue;
    return op->emitOpError() << what << " " << i << " refers to " << ref
                             << ", which is not a buffer"
                             << (semaphores ? " or a semaphore" : "")
                             << " of the program";
  }
  return success();
}

LogicalResult ProgramOp::verifyRegions() {
  DeviceAttr device = getDevice();
  struct KernelInfo {
    CreateKernelOp op;
    llvm::DenseSet<std::pair<uint32_t, uint32_t>> coresWithArgs;
  };
  llvm::StringMap<KernelInfo> kernels;
  SmallVector<CreateCBOp> cbs;

  for (Operation &op : getBodyBlock()) {
    if (auto cb = llvm::dyn_cast<CreateCBOp>(op)) {
      if (cb.getIndex() >= device.getNumCBs())
        return cb.emitOpError() << "circular buffer index " << cb.getIndex()
                                << " is out of range: "
                                << stringifyArch(device.getArch())
                                << " has indices 0-" << device.getNumCBs() - 1;
      if (failed(verifyCoresOnDevice(cb, cb.getCores(), device)))
        return failure();
      for (CreateCBOp other : cbs)
        if (other.getIndex() == cb.getIndex() &&
            other.getCores().intersects(cb.getCores()))
          return (cb.emitOpError() << "circular buffer index " << cb.getIndex()
                                   << " is already configured on some of these cores")
                     .attachNote(other.getLoc())
                 << "first configured here";
      cbs.push_back(cb);
      continue;
    }
    if (auto kernel = llvm::dyn_cast<CreateKernelOp>(op)) {
      if (failed(verifyCoresOnDevice(kernel, kernel.getCores(), device)))
        return failure();
      if (kernels.count(kernel.getKernel()))
        return kernel.emitOpError() << "kernel @" << kernel.getKernel()
                                    << " is placed twice in one program";
      // Two kernels of one kind cannot share a RISC-V core.
      for (auto &entry : kernels) {
        CreateKernelOp other = entry.second.op;
        if (!other.getCores().intersects(kernel.getCores()))
          continue;
        bool sameSlot = false;
        if (auto dm = llvm::dyn_cast<DataMovementConfigAttr>(kernel.getConfig())) {
          if (auto otherDm =
                  llvm::dyn_cast<DataMovementConfigAttr>(other.getConfig()))
            sameSlot = dm.getProcessor() == otherDm.getProcessor();
        } else {
          sameSlot = llvm::isa<ComputeConfigAttr>(other.getConfig());
        }
        if (sameSlot)
          return (kernel.emitOpError()
                  << "kernel @" << kernel.getKernel()
                  << " shares a processor with kernel @" << other.getKernel()
                  << " on some cores")
                     .attachNote(other.getLoc())
                 << "other kernel placed here";
      }
      kernels[kernel.getKernel()] = KernelInfo{kernel, {}};
      if (failed(verifyArgList(kernel, kernel.getCompileArgs(), *this,
                               "compile-time argument")))
        return failure();
      continue;
    }
    if (auto args = llvm::dyn_cast<SetRuntimeArgsOp>(op)) {
      auto it = kernels.find(args.getKernel());
      if (it == kernels.end())
        return args.emitOpError() << "sets arguments of @" << args.getKernel()
                                  << ", which no earlier tt.create_kernel places";
      CoreRangeSetAttr kernelCores = it->second.op.getCores();
      auto addCore = [&](uint32_t x, uint32_t y) -> LogicalResult {
        if (!kernelCores.contains(x, y))
          return args.emitOpError()
                 << "core (" << x << ", " << y
                 << ") is not one of the cores kernel @" << args.getKernel()
                 << " runs on";
        if (!it->second.coresWithArgs.insert({x, y}).second)
          return args.emitOpError()
                 << "runtime arguments of kernel @" << args.getKernel()
                 << " on core (" << x << ", " << y << ") are set twice";
        return success();
      };
      if (CoreCoordAttr core = args.getCoreAttr()) {
        if (failed(addCore(core.getX(), core.getY())))
          return failure();
      } else {
        WorkSplitAttr split = args.getSplitAttr();
        if (split.getGridX() > device.getGridX() ||
            split.getGridY() > device.getGridY())
          return args.emitOpError()
                 << "splits work over a " << split.getGridX() << "x"
                 << split.getGridY() << " grid, which does not fit the "
                 << stringifyArch(device.getArch()) << "'s "
                 << device.getGridX() << "x" << device.getGridY() << " grid";
        for (uint64_t i = 0; i < split.getCores(); ++i) {
          auto [x, y] = split.getCore(i);
          if (failed(addCore(x, y)))
            return failure();
        }
      }
      if (failed(verifyArgList(args, args.getArgs(), *this, "runtime argument",
                               /*workArgs=*/bool(args.getSplitAttr()),
                               /*semaphores=*/true)))
        return failure();
      continue;
    }
    if (auto semaphore = llvm::dyn_cast<SemaphoreOp>(op)) {
      if (failed(verifyCoresOnDevice(semaphore, semaphore.getCores(), device)))
        return failure();
      continue;
    }
    if (auto write = llvm::dyn_cast<EnqueueWriteBufferOp>(op)) {
      if (!llvm::isa_and_nonnull<BufferOp>(
              ::mlir::SymbolTable::lookupSymbolIn(*this, write.getBufferAttr())))
        return write.emitOpError() << "@" << write.getBuffer()
                                   << " is not a buffer of the program";
      continue;
    }
    if (auto read = llvm::dyn_cast<EnqueueReadBufferOp>(op)) {
      if (!llvm::isa_and_nonnull<BufferOp>(
              ::mlir::SymbolTable::lookupSymbolIn(*this, read.getBufferAttr())))
        return read.emitOpError() << "@" << read.getBuffer()
                                  << " is not a buffer of the program";
      continue;
    }
  }

  // Every core a kernel runs on needs its runtime arguments, but only when the
  // program sets any: kernels that read none need no table.
  for (auto &entry : kernels) {
    KernelInfo &info = entry.second;
    if (info.coresWithArgs.empty())
      continue;
    uint64_t expected = info.op.getCores().size();
    if (info.coresWithArgs.size() == expected)
      continue;
    // Name the first core without arguments.
    std::pair<uint32_t, uint32_t> missing{0, 0};
    bool found = false;
    info.op.getCores().forEachCore([&](uint32_t x, uint32_t y) {
      if (!found && !info.coresWithArgs.count({x, y})) {
        missing = {x, y};
        found = true;
      }
    });
    return info.op.emitOpError()
           << "kernel @" << entry.first() << " runs on " << expected
           << " cores but has runtime arguments for "
           << info.coresWithArgs.size() << "; core (" << missing.first << ", "
           << missing.second << ") has none";
  }
  return success();
}

LogicalResult BufferOp::verify() {
  if (getSize() % getPageSize() != 0)
    return emitOpError() << "size " << getSize()
                         << " is not a whole number of " << getPageSize()
                         << "-byte pages";
  if (std::optional<ArrayRef<int64_t>> shape = getShape()) {
    if (shape->empty() || shape->size() > 3 ||
        llvm::any_of(*shape, [](int64_t size) { return size <= 0; }))
      return emitOpError("shape must be [elements] (a vector, stored as one "
                         "row), [rows, columns] or [matrices, rows, columns] "
                         "with positive sizes");
  }
  if (MeshShardAttr shard = getMeshShardAttr()) {
    std::optional<ArrayRef<int64_t>> shape = getShape();
    if (!shape || shape->size() == 3)
      return emitOpError("a buffer distributed over a mesh needs its global "
                         "matrix's shape [rows, columns] or [elements]");
    int64_t rows = shape->size() == 1 ? 1 : (*shape)[0];
    constexpr int64_t kTileSide = 32; // elements per tile side
    if (shard.getTilesY() * kTileSide < rows ||
        shard.getTilesX() * kTileSide < shape->back())
      return emitOpError() << "the mesh shard's " << shard.getTilesY() << "x"
                           << shard.getTilesX()
                           << "-tile grid does not cover the global shape";
    if (shard.getShardTilesY() * shard.getShardTilesX() != getNumPages())
      return emitOpError() << "size holds " << getNumPages()
                           << " pages but one device's shard is "
                           << shard.getShardTilesY() << "x"
                           << shard.getShardTilesX() << " tiles";
  }
  return success();
}

LogicalResult CreateCBOp::verify() {
  if (getTotalSize() % getPageSize() != 0)
    return emitOpError() << "total size " << getTotalSize()
                         << " is not a whole number of " << getPageSize()
                         << "-byte pages";
  return success();
}

LogicalResult
CreateKernelOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  // Kernels live beside the program (its own symbol table holds buffers).
  Operation *program = (*this)->getParentOp();
  auto func = program->getParentOp()
                  ? symbolTable.lookupNearestSymbolFrom<func::FuncOp>(
                        program->getParentOp(), getKernelAttr())
                  : func::FuncOp();
  if (!func)
    return emitOpError() << "kernel @" << getKernel()
                         << " does not name a func.func";
  auto role =
      func->getAttrOfType<KernelRoleAttr>(TTDialect::kKernelRoleAttrName);
  if (!role)
    return emitOpError() << "@" << getKernel() << " is not a kernel: it has no '"
                         << TTDialect::kKernelRoleAttrName << "'";
  bool compute = role.getValue() == KernelRole::Compute;
  if (compute != llvm::isa<ComputeConfigAttr>(getConfig()))
    return emitOpError() << stringifyKernelRole(role.getValue()) << " kernel @"
                         << getKernel() << " needs a "
                         << (compute ? "#tt.compute" : "#tt.data_movement")
                         << " config";
  return success();
}

LogicalResult CreateKernelOp::verify() {
  return verifyArgList(*this, getCompileArgs(), nullptr,
                       "compile-time argument");
}

LogicalResult SetRuntimeArgsOp::verify() {
  if (bool(getCoreAttr()) == bool(getSplitAttr()))
    return emitOpError("sets the arguments of one core ('at <x, y>') or of a "
                       "work split ('split #tt.work_split<...>'): give "
                       "exactly one");
  if (getArgs().size() > kMaxRuntimeArgs)
    return emitOpError() << "sets " << getArgs().size()
                         << " runtime arguments; Metalium allows at most "
                         << kMaxRuntimeArgs << " per kernel and core";
  if (failed(verifyArgList(*this, getArgs(), nullptr, "runtime argument",
                           /*workArgs=*/bool(getSplitAttr()))))
    return failure();
  // A multicast group is a row or column of the split's grid: every core of
  // the grid must take part.
  WorkSplitAttr split = getSplitAttr();
  bool multicast = llvm::any_of(getArgs(), [](Attribute arg) {
    return llvm::isa<McastArgAttr>(arg);
  });
  if (multicast &&
      split.getCores() != uint64_t(split.getGridX()) * split.getGridY())
    return emitOpError() << "passes multicast group arguments over a work "
                            "split that uses "
                         << split.getCores() << " of its " << split.getGridX()
                         << "x" << split.getGridY()
                         << " cores; multicast rows and columns need the whole "
                            "grid";
  return success();
}

//===----------------------------------------------------------------------===//
// Multicast
//===----------------------------------------------------------------------===//

/// A constant count of receiving cores must be positive.
static LogicalResult verifyNumDests(Operation *op, Value numDests,
                                     bool countsSender = false) {
  APInt value;
  if (matchPattern(numDests, m_ConstantInt(&value)) && value.isZero())
    return op->emitOpError()
           << "multicasts to 0 cores: num_dests counts "
           << (countsSender ? "the cores of the rectangle, the sender "
                              "included"
                            : "the receivers, which must not be empty");
  return success();
}

LogicalResult GetNocMulticastAddrOp::verify() {
  for (Value coordinate : {getStartX(), getStartY(), getEndX(), getEndY()}) {
    APInt value;
    if (matchPattern(coordinate, m_ConstantInt(&value)) &&
        value.getZExtValue() > 63)
      return emitOpError() << "NoC coordinate " << value.getZExtValue()
                           << " is outside the NoC's 0-63 range";
  }
  return success();
}

/// A multicast write moves some bytes to some cores.
static LogicalResult verifyMulticastWrite(Operation *op, Value size,
                                          Value numDests, bool countsSender) {
  APInt bytes;
  if (matchPattern(size, m_ConstantInt(&bytes)) && bytes.isZero())
    return op->emitOpError("multicasts 0 bytes");
  return verifyNumDests(op, numDests, countsSender);
}

LogicalResult NocAsyncWriteMulticastOp::verify() {
  return verifyMulticastWrite(*this, getSize(), getNumDests(),
                              /*countsSender=*/false);
}

LogicalResult NocSemaphoreSetMulticastOp::verify() {
  return verifyNumDests(*this, getNumDests());
}

LogicalResult NocAsyncWriteMulticastLoopbackOp::verify() {
  return verifyMulticastWrite(*this, getSize(), getNumDests(),
                              /*countsSender=*/true);
}

LogicalResult NocSemaphoreSetMulticastLoopbackOp::verify() {
  return verifyNumDests(*this, getNumDests(), /*countsSender=*/true);
}

LogicalResult ReferenceMatmulOp::verify() {
  auto program = (*this)->getParentOfType<ProgramOp>();
  SmallVector<ArrayRef<int64_t>, 3> shapes;
  for (FlatSymbolRefAttr ref : {getAAttr(), getBAttr(), getCAttr()}) {
    auto buffer = llvm::dyn_cast_or_null<BufferOp>(
        ::mlir::SymbolTable::lookupSymbolIn(program, ref.getAttr()));
    if (!buffer)
      return emitOpError() << ref << " is not a buffer of the program";
    if (!buffer.getShape())
      return emitOpError() << "buffer " << ref << " needs a shape";
    shapes.push_back(*buffer.getShape());
  }
  // op(A) is m x k, op(B) is k x n, per matrix of a batch; C is batched
  // when A or B is, and batches agree.
  bool ta = getTransposeA(), tb = getTransposeB();
  auto matrix = [](ArrayRef<int64_t> shape) { return shape.take_back(2); };
  auto batch = [](ArrayRef<int64_t> shape) {
    return shape.size() == 3 ? shape[0] : int64_t(1);
  };
  ArrayRef<int64_t> a = matrix(shapes[0]), b = matrix(shapes[1]),
                    c = matrix(shapes[2]);
  int64_t m = a[ta], k = a[!ta];
  int64_t kOfB = b[tb], n = b[!tb];
  bool batched = shapes[0].size() == 3 || shapes[1].size() == 3;
  bool batchesAgree =
      batched == (shapes[2].size() == 3) &&
      (shapes[0].size() == 2 || batch(shapes[0]) == batch(shapes[2])) &&
      (shapes[1].size() == 2 || batch(shapes[1]) == batch(shapes[2]));
  if (k != kOfB || c[0] != m || c[1] != n || !batchesAgree) {
    auto print = [](ArrayRef<int64_t> shape) {
      std::string text;
      llvm::raw_string_ostream os(text);
      llvm::interleave(shape, os, "x");
      return text;
    };
    return emitOpError() << "shapes " << print(shapes[0]) << (ta ? "^T" : "")
                         << " * " << print(shapes[1]) << (tb ? "^T" : "")
                         << " -> " << print(shapes[2]) << " do not compose";
  }
  if (FlatSymbolRefAttr bias = getBiasAttr()) {
    auto buffer = llvm::dyn_cast_or_null<BufferOp>(
        ::mlir::SymbolTable::lookupSymbolIn(program, bias.getAttr()));
    if (!buffer || !buffer.getShape())
      return emitOpError() << "bias " << bias
                           << " is not a buffer of the program with a shape";
    ArrayRef<int64_t> shape = *buffer.getShape();
    if (shape.size() != 1 || shape[0] != n)
      return emitOpError() << "bias " << bias << " must be a vector of N = "
                           << n << " elements";
  }
  if (ArrayAttr steps = getEpilogueAttr())
    return verifyEpilogueSteps(*this, steps);
  return success();
}

LogicalResult mlir::tt::verifyEpilogueSteps(Operation *op, ArrayAttr steps) {
  for (Attribute step : steps)
    if (!llvm::isa<ActivationAttr, ScaleAttr>(step))
      return op->emitOpError() << "epilogue steps are #tt.activation or "
                                  "#tt.scale attributes, got "
                               << step;
  return success();
}

LogicalResult PackBlockOp::verify() {
  if (ArrayAttr steps = getEpilogueAttr())
    return verifyEpilogueSteps(*this, steps);
  return success();
}

LogicalResult EpilogueBlockOp::verify() {
  if (getM() % getSubblockH() != 0 || getN() % getSubblockW() != 0)
    return emitOpError() << "subblock " << getSubblockH() << "x"
                         << getSubblockW() << " does not tile the " << getM()
                         << "x" << getN() << " block";
  auto pages = [](Value cb) {
    return llvm::cast<CircularBufferType>(cb.getType()).getNumPages();
  };
  uint64_t subblock = uint64_t(getSubblockH() * getSubblockW());
  if (pages(getIn()) < subblock || pages(getOut()) < subblock)
    return emitOpError() << "in and out must hold a " << getSubblockH() << "x"
                         << getSubblockW() << " subblock";
  if (getBias() && pages(getBias()) < uint64_t(getN()))
    return emitOpError() << "the bias CB holds " << pages(getBias())
                         << " pages, fewer than the block's " << getN()
                         << " columns";
  if (!getBias() && getEpilogue().empty())
    return emitOpError("has neither a bias nor epilogue steps");
  return verifyEpilogueSteps(*this, getEpilogue());
}

//===----------------------------------------------------------------------===//
// Block dataflow ops
//===----------------------------------------------------------------------===//

static LogicalResult verifyTileTransfer(Operation *op, Value bufferValue,
                                        Value cbValue, int64_t rows,
                                        int64_t cols) {
  auto cb = llvm::cast<CircularBufferType>(cbValue.getType());
  if (static_cast<uint64_t>(rows * cols) > cb.getNumPages())
    return op->emitOpError() << "moves a " << rows << "x" << cols
                             << " tile block through circular buffer "
                             << cb.getIndex() << ", which holds only "
                             << cb.getNumPages() << " pages";
  // An accessor carries no shape: the memref was checked before the split.
  auto buffer = llvm::dyn_cast<MemRefType>(bufferValue.getType());
  if (!buffer)
    return success();
  // (A vector, a bias row, is stored as one row of tiles.)
  if (buffer.getRank() > 3 || !buffer.hasStaticShape() ||
      buffer.getMemorySpace())
    return op->emitOpError() << "expects a static global vector, matrix or "
                                "batch of matrices, got "
                             << buffer;
  DataFormat format = cb.getTile().getFormat();
  Type element = buffer.getElementType();
  // Block floating point stores bf16 or f32 values (tt.format).
  bool matches = (format == DataFormat::Float16_b && element.isBF16()) ||
                 (format == DataFormat::Float32 && element.isF32()) ||
                 (isBlockFloat(format) &&
                  (element.isBF16() || element.isF32()));
  if (!matches)
    return op->emitOpError() << "circular buffer " << cb.getIndex()
                             << " holds " << stringifyDataFormat(format)
                             << " tiles but the buffer holds " << element;
  return success();
}

LogicalResult ReadTilesOp::verify() {
  return verifyTileTransfer(*this, getBuffer(), getCb(), getRows(), getCols());
}

LogicalResult WriteTilesOp::verify() {
  if (getRows() % getSubblockRows() != 0 || getCols() % getSubblockCols() != 0)
    return emitOpError() << "subblock " << getSubblockRows() << "x"
                         << getSubblockCols() << " does not tile the "
                         << getRows() << "x" << getCols() << " block";
  // The writer drains the CB one subblock at a time.
  return verifyTileTransfer(*this, getBuffer(), getCb(), getSubblockRows(),
                            getSubblockCols());
}

LogicalResult TransposeBlockOp::verify() {
  uint64_t tiles = uint64_t(getRows() * getCols());
  for (auto [name, cb] : {std::pair<StringRef, Value>{"in", getIn()},
                          {"out", getOut()}}) {
    auto type = llvm::cast<CircularBufferType>(cb.getType());
    if (type.getNumPages() < tiles)
      return emitOpError() << name << " holds " << type.getNumPages()
                           << " pages, fewer than the " << getRows() << "x"
                           << getCols() << " block";
  }
  auto format = [](Value cb) {
    return llvm::cast<CircularBufferType>(cb.getType()).getTile().getFormat();
  };
  if (format(getIn()) != format(getOut()))
    return emitOpError() << "transposes " << stringifyDataFormat(format(getIn()))
                         << " tiles into a "
                         << stringifyDataFormat(format(getOut()))
                         << " CB; the formats must match";
  return success();
}

LogicalResult MatmulBlockOp::verify() {
  if (getM() % getSubblockRows() != 0 || getN() % getSubblockCols() != 0)
    return emitOpError() << "subblock " << getSubblockRows() << "x"
                         << getSubblockCols() << " does not tile the "
                         << getM() << "x" << getN() << " output block";
  bool spill = static_cast<bool>(getPartials());
  if (spill != static_cast<bool>(getOut()) ||
      spill != static_cast<bool>(getStep()) ||
      spill != static_cast<bool>(getNumSteps()))
    return emitOpError("spill needs partials, out, step and num_steps together");
  if (getInitial() && !spill)
    return emitOpError("starts from C's block only when it spills (without "
                       "spilling the block's DST tiles are loaded before the K "
                       "loop)");
  if (getInitial() &&
      getInitial().getType().getNumPages() < uint64_t(getM() * getN()))
    return emitOpError() << "initial CB holds "
                         << getInitial().getType().getNumPages()
                         << " pages, fewer than the " << getM() << "x" << getN()
                         << " block";
  if (spill &&
      getPartials().getType().getTile().getFormat() != DataFormat::Float32)
    return emitOpError("partial sums are kept in an f32 circular buffer");
  // The packer accumulates each subblock onto its own pages: the partials
  // CB holds exactly one block, so its ring comes back to the same pages.
  if (spill && getPartials().getType().getNumPages() !=
                   uint64_t(getM() * getN()))
    return emitOpError() << "partial sums CB holds "
                         << getPartials().getType().getNumPages()
                         << " pages; it must hold the " << getM() << "x"
                         << getN() << " block exactly (" << getM() * getN()
                         << ") for the packer to accumulate in place";
  return success();
}

//===----------------------------------------------------------------------===//
// Result names
//===----------------------------------------------------------------------===//

/// Prints `%Kt = tt.get_arg_val 4 as "Kt"` rather than `%3 = ...` when the
/// name is a valid identifier.
static void nameResult(Value result, std::optional<StringRef> name,
                       OpAsmSetValueNameFn setNameFn) {
  if (name && !name->empty())
    setNameFn(result, *name);
}

void GetArgValOp::getAsmResultNames(OpAsmSetValueNameFn setNameFn) {
  nameResult(getResult(), getName(), setNameFn);
}
void GetCommonArgValOp::getAsmResultNames(OpAsmSetValueNameFn setNameFn) {
  nameResult(getResult(), getName(), setNameFn);
}
void GetCompileTimeArgValOp::getAsmResultNames(OpAsmSetValueNameFn setNameFn) {
  nameResult(getResult(), getName(), setNameFn);
}
void GetCBOp::getAsmResultNames(OpAsmSetValueNameFn setNameFn) {
  nameResult(getCb(), getName(), setNameFn);
}
void TensorAccessorOp::getAsmResultNames(OpAsmSetValueNameFn setNameFn) {
  nameResult(getAccessor(), getName(), setNameFn);
}
void GetSemaphoreOp::getAsmResultNames(OpAsmSetValueNameFn setNameFn) {
  nameResult(getAddress(), getName(), setNameFn);
}
void RuntimeParamOp::getAsmResultNames(OpAsmSetValueNameFn setNameFn) {
  nameResult(getResult(), getName(), setNameFn);
}

LogicalResult RuntimeParamOp::verify() {
  int64_t value = getValueAttr().getValue().getSExtValue();
  if (value < 0 || value > int64_t(UINT32_MAX))
    return emitOpError() << "parameter \"" << getName() << "\" = " << value
                         << " does not fit a 32-bit runtime argument";
  // One name is one runtime argument: the first parameter of that name in
  // the function decides its value; a later one that disagrees is the error.
  Operation *scope = (*this)->getParentOfType<FunctionOpInterface>();
  if (!scope)
    return success();
  RuntimeParamOp first;
  scope->walk([&](RuntimeParamOp other) {
    if (first || other.getName() != getName())
      return other == *this ? WalkResult::interrupt() : WalkResult::advance();
    first = other;
    return WalkResult::interrupt();
  });
  if (first && first != *this && first.getValue() != getValue()) {
    InFlightDiagnostic diag =
        emitOpError() << "parameter \"" << getName() << "\" = " << getValue()
                      << " conflicts with \"" << getName()
                      << "\" = " << first.getValue()
                      << " in the same function: a name is one runtime "
                         "argument, so it has one value";
    diag.attachNote(first.getLoc()) << "first defined here";
    return diag;
  }
  return success();
}

#define GET_OP_CLASSES
#include "TTDialect/TT/IR/TTInterfaces.cpp.inc"
#include "TTDialect/TT/IR/TTOps.cpp.inc"
