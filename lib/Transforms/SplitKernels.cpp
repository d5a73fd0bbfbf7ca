//===- SplitKernels.cpp - reader / compute / writer kernels and host ------===//
#include "TTDialect/Transforms/LoopUtils.h"
#include "TTDialect/Transforms/Passes.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SetVector.h"

namespace mlir::tt {
#define GEN_PASS_DEF_TTSPLITKERNELS
#include "TTDialect/Transforms/Passes.h.inc"
} // namespace mlir::tt

using namespace mlir;
using namespace mlir::tt;

namespace {
/// Where a kernel's runtime argument comes from, per core.
struct ArgSource {
  enum Kind { BufferAddress, StartTile, NumTiles, Param } kind;
  unsigned bufferArg = 0; // BufferAddress: the function argument
  int64_t value = 0;      // Param: the value on every core
};

/// What a kernel needs from the host once its body is final.
struct KernelInterface {
  SmallVector<ArgSource> runtimeArgs;
  SmallVector<unsigned> accessorBuffers; // compile-time TensorAccessorArgs
};

/// The name a global buffer goes by: a, b, c for the operands of the matmul.
std::string bufferName(func::FuncOp func, unsigned arg) {
  std::string name;
  func.walk([&](Operation *op) {
    if (auto read = llvm::dyn_cast<ReadTilesOp>(op)) {
      if (read.getBuffer() == func.getArgument(arg))
        name = read.getCb().getType().getIndex() == 0 ? "a" : "b";
    } else if (auto write = llvm::dyn_cast<WriteTilesOp>(op)) {
      if (write.getBuffer() == func.getArgument(arg))
        name = "c";
    }
  });
  return name.empty() ? "buf" + std::to_string(arg) : name;
}

bool belongsTo(Operation *op, KernelRole role) {
  if (llvm::isa<ReadTilesOp>(op))
    return role == KernelRole::Reader;
  if (llvm::isa<WriteTilesOp>(op))
    return role == KernelRole::Writer;
  // Before the split only the compute stage talks to CBs directly.
  if (op->hasTrait<ComputeOnly>() ||
      llvm::isa<CBReserveBackOp, CBPushBackOp, CBWaitFrontOp, CBPopFrontOp>(op))
    return role == KernelRole::Compute;
  return true;
}

/// Removes what no longer contributes to the kernel: dead values, loops with
/// empty bodies. Only folding and dead-code patterns run, so loop structure
/// the kernel keeps is left as written.
LogicalResult simplify(func::FuncOp kernel) {
  RewritePatternSet patterns(kernel.getContext());
  scf::ForOp::getCanonicalizationPatterns(patterns, kernel.getContext());
  scf::IfOp::getCanonicalizationPatterns(patterns, kernel.getContext());
  GreedyRewriteConfig config;
  config.setRegionSimplificationLevel(GreedySimplifyRegionLevel::Disabled);
  return applyPatternsGreedily(kernel, std::move(patterns), config);
}


struct TTSplitKernelsPass : tt::impl::TTSplitKernelsBase<TTSplitKernelsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<func::FuncOp> planned;
    for (auto func : module.getOps<func::FuncOp>())
      if (func->hasAttr(TTDialect::kWorkSplitAttrName))
        planned.push_back(func);
    for (func::FuncOp func : planned)
      if (failed(split(func)))
        return signalPassFailure();
  }

  LogicalResult split(func::FuncOp func) {
    bool hasTl = false;
    func.walk([&](Operation *op) {
      hasTl |= llvm::isa<tl::TLDialect>(op->getDialect());
    });
    if (hasTl)
      return func.emitError("run tt-lower-memory-space and tt-tensorize "
                            "before tt-split-kernels: tl ops remain");
    if (failed(getTarget(func, "tt-split-kernels")))
      return failure();
    // The host program creates the function's memref arguments as DRAM
    // buffers and knows no other value: tile reads and writes are the only
    // way kernels touch a buffer, and nothing else may come from outside.
    WalkResult foreignBuffer = func.walk([&](Operation *op) {
      Value buffer;
      if (auto read = llvm::dyn_cast<ReadTilesOp>(op))
        buffer = read.getBuffer();
      else if (auto write = llvm::dyn_cast<WriteTilesOp>(op))
        buffer = write.getBuffer();
      if (!buffer)
        return WalkResult::advance();
      auto arg = llvm::dyn_cast<BlockArgument>(buffer);
      if (!arg || arg.getOwner() != &func.getBody().front()) {
        auto read = llvm::dyn_cast<ReadTilesOp>(op);
        op->emitError() << "the matmul's operand "
                        << (!read ? "C"
                            : read.getCb().getType().getIndex() == 0 ? "A"
                                                                     : "B")
                        << " must be an argument of @" << func.getSymName()
                        << ": the host program places only function arguments "
                           "in DRAM";
        return WalkResult::interrupt();
      }
      return WalkResult::advance();
    });
    if (foreignBuffer.wasInterrupted())
      return failure();
    for (BlockArgument arg : func.getArguments())
      for (Operation *user : arg.getUsers()) {
        if (llvm::isa<ReadTilesOp, WriteTilesOp>(user))
          continue;
        if (llvm::isa<MemRefType>(arg.getType()))
          return (user->emitError()
                  << "'" << user->getName() << "' uses buffer argument "
                  << arg.getArgNumber() << " of @" << func.getSymName()
                  << " directly; on Tenstorrent only the matmul (tl.copy in "
                     "the kernel form) moves data to or from DRAM")
                     .attachNote(func.getLoc())
                 << "in this function";
        return (user->emitError()
                << "this computes with argument " << arg.getArgNumber() << " ("
                << arg.getType()
                << ") of @" << func.getSymName()
                << ", whose value the host program does not know; kernels "
                   "take offsets and shapes as constants")
                   .attachNote(func.getLoc())
               << "in this function";
      }
    for (BlockArgument arg : func.getArguments())
      if (llvm::isa<MemRefType>(arg.getType()) &&
          !func.getArgAttrOfType<ShardAttr>(arg.getArgNumber(),
                                            TTDialect::kShardAttrName))
        return func.emitError()
               << "argument " << arg.getArgNumber()
               << " has no DRAM layout (" << TTDialect::kShardAttrName
               << "): run tt-infer-shard first";
    OpBuilder b(func);
    DenseMap<KernelRole, std::pair<func::FuncOp, KernelInterface>> kernels;
    for (KernelRole role :
         {KernelRole::Reader, KernelRole::Compute, KernelRole::Writer}) {
      auto kernel = llvm::cast<func::FuncOp>(b.clone(*func));
      kernel.setSymName((func.getSymName() + "_" + stringifyKernelRole(role)).str());
      KernelInterface iface;
      if (failed(buildKernel(func, kernel, role, iface)))
        return failure();
      kernels[role] = {kernel, std::move(iface)};
    }
    buildProgram(func, kernels);
    func.erase();
    return success();
  }

  /// Reduces the clone `kernel` of `func` to the work of `role`.
  LogicalResult buildKernel(func::FuncOp func, func::FuncOp kernel,
                            KernelRole role, KernelInterface &iface) {
    MLIRContext *ctx = &getContext();
    SmallVector<Operation *> foreign;
    kernel.walk([&](Operation *op) {
      if (!belongsTo(op, role))
        foreign.push_back(op);
    });
    for (Operation *op : llvm::reverse(foreign))
      op->erase();
    if (failed(simplify(kernel)))
      return kernel.emitError("could not simplify the kernel");
    // A core that only counts its tiles (compute) need not know where they
    // start.
    kernel.walk([&](scf::ForOp loop) {
      if (!loop->hasAttr(tl::kPersistentAttrName) ||
          !loop.getInductionVar().use_empty())
        return;
      auto range = loop.getLowerBound().getDefiningOp<CoreTileRangeOp>();
      if (!range)
        return;
      OpBuilder lb(loop);
      loop.setLowerBound(i32Const(lb, loop.getLoc(), 0));
      loop.setUpperBound(range.getCount());
    });
    if (failed(simplify(kernel)))
      return kernel.emitError("could not simplify the kernel");

    // Runtime arguments: buffer addresses, the tile range, then parameters.
    OpBuilder b(ctx);
    Block &entry = kernel.getBody().front();
    b.setInsertionPointToStart(&entry);
    Location loc = kernel.getLoc();
    auto nextArg = [&](ArgSource source, StringRef name) {
      unsigned index = iface.runtimeArgs.size();
      iface.runtimeArgs.push_back(source);
      return GetArgValOp::create(b, loc, b.getI32Type(), index,
                                 b.getStringAttr(name));
    };
    DenseMap<Value, Value> accessorOf;
    for (BlockArgument arg : kernel.getArguments()) {
      if (arg.use_empty())
        continue;
      std::string name = bufferName(func, arg.getArgNumber());
      Value address =
          nextArg({ArgSource::BufferAddress, arg.getArgNumber()}, name + "_addr");
      unsigned offset = 2 * iface.accessorBuffers.size();
      iface.accessorBuffers.push_back(arg.getArgNumber());
      accessorOf[arg] = TensorAccessorOp::create(
          b, loc, TensorAccessorType::get(ctx), address, offset,
          b.getStringAttr(name));
    }
    for (auto range : llvm::make_early_inc_range(kernel.getOps<CoreTileRangeOp>())) {
      bool blocks = range.getBlocks();
      if (!range.getStart().use_empty())
        range.getStart().replaceAllUsesWith(nextArg(
            {ArgSource::StartTile}, blocks ? "start_block" : "start_tile"));
      if (!range.getCount().use_empty())
        range.getCount().replaceAllUsesWith(nextArg(
            {ArgSource::NumTiles}, blocks ? "num_blocks" : "num_tiles"));
      range.erase();
    }
    llvm::StringMap<Value> params;
    for (auto param : llvm::make_early_inc_range(kernel.getOps<RuntimeParamOp>())) {
      Value &arg = params[param.getName()];
      if (!arg)
        arg = nextArg({ArgSource::Param, 0, int64_t(param.getValue())},
                      param.getName());
      param.getResult().replaceAllUsesWith(arg);
      param.erase();
    }
    // CB handles follow the argument reads, in their original order.
    SmallVector<GetCBOp> cbs = llvm::to_vector(kernel.getOps<GetCBOp>());
    Operation *afterArgs = nullptr;
    for (Operation &op : entry)
      if (llvm::isa<GetArgValOp, TensorAccessorOp>(op))
        afterArgs = &op;
    for (GetCBOp cb : cbs) {
      if (afterArgs)
        cb->moveAfter(afterArgs);
      else
        cb->moveBefore(&entry, entry.begin());
      afterArgs = cb;
    }

    if (role == KernelRole::Reader)
      expandReads(kernel, accessorOf);
    if (role == KernelRole::Writer)
      expandWrites(kernel, accessorOf);
    if (role == KernelRole::Compute)
      startCompute(kernel);
    // Fold the expansions' constants into one set at the top.
    if (failed(simplify(kernel)))
      return kernel.emitError("could not simplify the kernel");

    // Kernels are `void kernel_main()`; their buffers now come as arguments.
    kernel->removeAttr(tl::kPersistentAttrName);
    kernel.walk([](scf::ForOp loop) { loop->removeAttr(tl::kPersistentAttrName); });
    BitVector all(kernel.getNumArguments(), true);
    if (failed(kernel.eraseArguments(all)))
      return kernel.emitError("could not drop the buffer arguments");
    SmallVector<NamedAttribute> keep;
    for (NamedAttribute attr : kernel->getAttrs())
      if (!attr.getName().getValue().starts_with("tt."))
        keep.push_back(attr);
    kernel->setAttrs(keep);
    kernel->setAttr(TTDialect::kKernelRoleAttrName, KernelRoleAttr::get(ctx, role));
    return success();
  }

  void startCompute(func::FuncOp kernel) {
    // compute_kernel_hw_startup + matmul_init on the CBs the matmul reads.
    MatmulTilesOp first;
    kernel.walk([&](MatmulTilesOp op) {
      if (!first)
        first = op;
    });
    PackTileOp pack;
    kernel.walk([&](PackTileOp op) {
      if (!pack)
        pack = op;
    });
    if (!first || !pack)
      return;
    Block &entry = kernel.getBody().front();
    Operation *insertAfter = nullptr;
    for (Operation &op : entry)
      if (llvm::isa<GetArgValOp, GetCBOp>(op))
        insertAfter = &op;
    OpBuilder b(kernel.getContext());
    if (insertAfter)
      b.setInsertionPointAfter(insertAfter);
    else
      b.setInsertionPointToStart(&entry);
    ComputeKernelHwStartupOp::create(b, kernel.getLoc(), first.getIn0(),
                                     first.getIn1(), pack.getOut());
    MatmulInitOp::create(b, kernel.getLoc(), first.getIn0(), first.getIn1());
  }

  /// The DRAM page of tile (row, col): row * tiles_per_row + col.
  static Value pageOf(OpBuilder &b, Location loc, Value row, Value col,
                      Value perRow) {
    Value rowStart = arith::MulIOp::create(b, loc, row, perRow);
    return arith::AddIOp::create(b, loc, rowStart, col);
  }

  /// The L1 address of page `slot` of a CB window starting at `base`.
  static Value slotAddress(OpBuilder &b, Location loc, Value base, Value slot,
                           uint64_t pageBytes) {
    Value offset =
        arith::MulIOp::create(b, loc, slot, i32Const(b, loc, pageBytes));
    return arith::AddIOp::create(b, loc, base, offset);
  }

  /// Adjacent tile reads share one barrier: reserve all, read all, wait once,
  /// push all.
  void expandReads(func::FuncOp kernel, DenseMap<Value, Value> &accessorOf) {
    // Reads separated only by index arithmetic form one group; the
    // arithmetic moves above the group so every address is ready first.
    SmallVector<SmallVector<ReadTilesOp>> groups;
    kernel.walk([&](ReadTilesOp op) {
      if (!groups.empty()) {
        ReadTilesOp last = groups.back().back();
        bool adjacent = last->getBlock() == op->getBlock();
        for (Operation *it = last->getNextNode(); adjacent && it != op;
             it = it->getNextNode())
          adjacent = isPure(it) && it->getNumRegions() == 0;
        if (adjacent) {
          groups.back().push_back(op);
          return;
        }
      }
      groups.push_back({op});
    });
    for (auto &group : groups) {
      for (ReadTilesOp op : ArrayRef(group).drop_front()) {
        SmallVector<Operation *> between;
        for (Operation *it = group.front()->getNextNode(); it != op;
             it = it->getNextNode())
          if (!llvm::isa<ReadTilesOp>(it))
            between.push_back(it);
        for (Operation *it : between)
          it->moveBefore(group.front());
      }
      OpBuilder b(group.front());
      Location loc = group.front().getLoc();
      for (ReadTilesOp op : group) {
        int64_t rows = op.getRows(), cols = op.getCols();
        CBReserveBackOp::create(b, loc, op.getCb(), i32Const(b, loc, rows * cols));
        Value l1 = GetWritePtrOp::create(b, loc, b.getI32Type(), op.getCb());
        uint64_t pageBytes = op.getCb().getType().getTile().getSizeInBytes();
        Value accessor = accessorOf.lookup(op.getBuffer());
        // Row-major over the block: page slot i * cols + j.
        forRange(b, loc, rows, "tile_row", "Read the block's tiles row by row",
                 [&](OpBuilder &b, Value i) {
          forRange(b, loc, cols, "tile_col", [&](OpBuilder &b, Value j) {
            Value row = arith::AddIOp::create(b, loc, op.getRow(), i);
            Value col = arith::AddIOp::create(b, loc, op.getCol(), j);
            Value page = pageOf(b, loc, row, col, op.getTilesPerRow());
            Value slot = arith::AddIOp::create(
                b, loc, arith::MulIOp::create(b, loc, i, i32Const(b, loc, cols)),
                j);
            NocAsyncReadPageOp::create(b, loc, page, accessor,
                                       slotAddress(b, loc, l1, slot, pageBytes));
          });
        });
      }
      NocAsyncReadBarrierOp::create(b, loc);
      for (ReadTilesOp op : group)
        CBPushBackOp::create(b, loc, op.getCb(),
                             i32Const(b, loc, op.getRows() * op.getCols()));
      for (ReadTilesOp op : group)
        op.erase();
    }
  }

  /// Pages arrive subblock by subblock, row-major inside each subblock.
  void expandWrites(func::FuncOp kernel, DenseMap<Value, Value> &accessorOf) {
    SmallVector<WriteTilesOp> writes;
    kernel.walk([&](WriteTilesOp op) { writes.push_back(op); });
    for (WriteTilesOp op : writes) {
      OpBuilder b(op);
      Location loc = op.getLoc();
      int64_t rows = op.getRows(), cols = op.getCols();
      int64_t h = op.getSubblockRows(), w = op.getSubblockCols();
      Value tiles = i32Const(b, loc, rows * cols);
      CBWaitFrontOp::create(b, loc, op.getCb(), tiles);
      Value l1 = GetReadPtrOp::create(b, loc, b.getI32Type(), op.getCb());
      uint64_t pageBytes = op.getCb().getType().getTile().getSizeInBytes();
      Value accessor = accessorOf.lookup(op.getBuffer());
      forRange(b, loc, rows / h, "subblock_row",
               "Write the block's tiles in the order compute packed them "
               "(subblock by subblock)",
               [&](OpBuilder &b, Value sbRow) {
        forRange(b, loc, cols / w, "subblock_col", [&](OpBuilder &b, Value sbCol) {
          forRange(b, loc, h, "tile_row", [&](OpBuilder &b, Value i) {
            forRange(b, loc, w, "tile_col", [&](OpBuilder &b, Value j) {
              auto mul = [&](Value v, int64_t c) -> Value {
                return arith::MulIOp::create(b, loc, v, i32Const(b, loc, c));
              };
              auto add = [&](Value x, Value y) -> Value {
                return arith::AddIOp::create(b, loc, x, y);
              };
              Value rowInBlock = add(mul(sbRow, h), i);
              setCppName(rowInBlock.getDefiningOp(), "row_in_block");
              Value row = add(op.getRow(), rowInBlock);
              Value col = add(op.getCol(), add(mul(sbCol, w), j));
              // With one subblock per row of the block, the slot is the
              // tile's row-major index in the block.
              Value slot;
              if (cols / w == 1) {
                slot = add(mul(rowInBlock, w), j);
              } else {
                Value subblock = add(mul(sbRow, cols / w), sbCol);
                slot = add(mul(add(mul(subblock, h), i), w), j);
              }
              NocAsyncWritePageOp::create(
                  b, loc, pageOf(b, loc, row, col, op.getTilesPerRow()),
                  accessor, slotAddress(b, loc, l1, slot, pageBytes));
            });
          });
        });
      });
      NocAsyncWriteBarrierOp::create(b, loc);
      CBPopFrontOp::create(b, loc, op.getCb(), tiles);
      op.erase();
    }
  }

  void buildProgram(
      func::FuncOp func,
      DenseMap<KernelRole, std::pair<func::FuncOp, KernelInterface>> &kernels) {
    MLIRContext *ctx = &getContext();
    OpBuilder b(func);
    Location loc = func.getLoc();
    auto target = func->getAttrOfType<TargetAttr>(TTDialect::kTargetAttrName);
    auto split =
        func->getAttrOfType<WorkSplitAttr>(TTDialect::kWorkSplitAttrName);
    DeviceAttr device = target.getDevice();
    CoreRangeSetAttr cores = split.getCoreRanges();
    auto program = ProgramOp::create(b, loc, func.getSymName(), device);
    b.setInsertionPointToStart(&program.getBodyBlock());

    // DRAM buffers, one tile per page.
    SmallVector<FlatSymbolRefAttr> bufferSym(func.getNumArguments());
    for (BlockArgument arg : func.getArguments()) {
      auto type = llvm::dyn_cast<MemRefType>(arg.getType());
      auto shard = func.getArgAttrOfType<ShardAttr>(arg.getArgNumber(),
                                                    TTDialect::kShardAttrName);
      if (!type || !shard)
        continue;
      std::string name = bufferName(func, arg.getArgNumber());
      bufferSym[arg.getArgNumber()] = FlatSymbolRefAttr::get(ctx, name);
      int64_t pages = shard.getTilesY() * shard.getTilesX();
      BufferOp::create(b, loc, name, pages * shard.getPageSize(),
                       shard.getPageSize(), shard.getFormat(),
                       shard.getLayout(),
                       b.getDenseI64ArrayAttr(type.getShape()));
    }
    // Circular buffers, as the kernels use them.
    for (auto cb : func.getOps<GetCBOp>()) {
      CircularBufferType type = cb.getType();
      uint64_t page = type.getTile().getSizeInBytes();
      CreateCBOp::create(b, loc, type.getIndex(), cores,
                         type.getNumPages() * page, page,
                         type.getTile().getFormat());
    }
    // Kernels: reader on RISCV_1 / NoC 1 and writer on RISCV_0 / NoC 0, as in
    // tt-metal's matmul examples.
    auto symbolsOf = [&](const KernelInterface &iface) {
      SmallVector<Attribute> args;
      for (unsigned arg : iface.accessorBuffers)
        args.push_back(bufferSym[arg]);
      return b.getArrayAttr(args);
    };
    for (KernelRole role :
         {KernelRole::Reader, KernelRole::Writer, KernelRole::Compute}) {
      auto &[kernel, iface] = kernels[role];
      Attribute config;
      if (role == KernelRole::Compute)
        config = ComputeConfigAttr::get(ctx, target.getMathFidelity(),
                                        target.getFp32DestAcc(),
                                        /*dst_full_sync_en=*/false);
      else if (role == KernelRole::Reader)
        config = DataMovementConfigAttr::get(ctx, Processor::RISCV_1,
                                             Noc::RISCV_1_default);
      else
        config = DataMovementConfigAttr::get(ctx, Processor::RISCV_0,
                                             Noc::RISCV_0_default);
      CreateKernelOp::create(b, loc, kernel.getSymName(), cores, config,
                             symbolsOf(iface));
    }
    for (KernelRole role :
         {KernelRole::Reader, KernelRole::Compute, KernelRole::Writer}) {
      auto &[kernel, iface] = kernels[role];
      if (iface.runtimeArgs.empty())
        continue;
      // One op over the split: the host loops over its cores.
      SmallVector<Attribute> args;
      for (const ArgSource &source : iface.runtimeArgs) {
        switch (source.kind) {
        case ArgSource::BufferAddress:
          args.push_back(bufferSym[source.bufferArg]);
          break;
        case ArgSource::StartTile:
          args.push_back(WorkArgAttr::get(ctx, WorkArg::Start));
          break;
        case ArgSource::NumTiles:
          args.push_back(WorkArgAttr::get(ctx, WorkArg::Count));
          break;
        case ArgSource::Param:
          args.push_back(b.getI64IntegerAttr(source.value));
          break;
        }
      }
      SetRuntimeArgsOp::create(b, loc, kernel.getSymName(), split,
                               b.getArrayAttr(args));
    }
    // Host steps: inputs up, run, output back, checked against C = A * B.
    SmallVector<FlatSymbolRefAttr> inputs, outputs;
    for (auto [i, sym] : llvm::enumerate(bufferSym)) {
      if (!sym)
        continue;
      bool read = false, written = false;
      func.walk([&](ReadTilesOp op) { read |= op.getBuffer() == func.getArgument(i); });
      func.walk([&](WriteTilesOp op) { written |= op.getBuffer() == func.getArgument(i); });
      if (read)
        inputs.push_back(sym);
      if (written)
        outputs.push_back(sym);
    }
    // Only a kernel that computes the whole product can be checked against
    // one; others run without a reference.
    if (func->hasAttr(TTDialect::kWholeMatmulAttrName) && inputs.size() == 2 &&
        outputs.size() == 1)
      ReferenceMatmulOp::create(b, loc, FlatSymbolRefAttr::get(ctx, "a"),
                                FlatSymbolRefAttr::get(ctx, "b"),
                                FlatSymbolRefAttr::get(ctx, "c"));
    for (FlatSymbolRefAttr in : inputs)
      EnqueueWriteBufferOp::create(b, loc, in);
    EnqueueProgramOp::create(b, loc);
    for (FlatSymbolRefAttr out : outputs)
      EnqueueReadBufferOp::create(b, loc, out);
  }
};
} // namespace
