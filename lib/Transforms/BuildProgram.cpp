//===- BuildProgram.cpp - the host tt.program of split kernels ------------===//
#include "TTDialect/Transforms/Passes.h"

#include "llvm/ADT/MapVector.h"
#include "llvm/Support/FormatVariadic.h"

namespace mlir::tt {
#define GEN_PASS_DEF_TTBUILDPROGRAM
#include "TTDialect/Transforms/Passes.h.inc"
} // namespace mlir::tt

using namespace mlir;
using namespace mlir::tt;

namespace {
/// The kernels of one host interface, by role.
struct Kernels {
  DenseMap<KernelRole, func::FuncOp> byRole;
  /// Circular buffers by index, as the kernels declare them.
  std::map<int64_t, CircularBufferType> cbs;
};

struct TTBuildProgramPass
    : tt::impl::TTBuildProgramBase<TTBuildProgramPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<func::FuncOp> interfaces;
    for (auto func : module.getOps<func::FuncOp>())
      if (func->hasAttr(TTDialect::kKernelsAttrName))
        interfaces.push_back(func);
    SymbolTable symbols(module);
    for (func::FuncOp func : interfaces)
      if (failed(build(func, symbols)))
        return signalPassFailure();
  }

  FailureOr<Kernels> collectKernels(func::FuncOp func, SymbolTable &symbols) {
    Kernels kernels;
    for (Attribute ref :
         func->getAttrOfType<ArrayAttr>(TTDialect::kKernelsAttrName)) {
      auto sym = llvm::dyn_cast<FlatSymbolRefAttr>(ref);
      auto kernel =
          sym ? symbols.lookup<func::FuncOp>(sym.getValue()) : func::FuncOp();
      auto role = kernel ? kernel->getAttrOfType<KernelRoleAttr>(
                               TTDialect::kKernelRoleAttrName)
                         : KernelRoleAttr();
      if (!role)
        return func.emitError() << "'" << TTDialect::kKernelsAttrName
                                << "' of @" << func.getSymName() << " names "
                                << ref << ", which is not a kernel";
      if (!kernels.byRole.try_emplace(role.getValue(), kernel).second)
        return func.emitError() << "@" << func.getSymName() << " has two "
                                << stringifyKernelRole(role.getValue())
                                << " kernels";
      WalkResult clash = kernel.walk([&](GetCBOp cb) {
        CircularBufferType type = cb.getType();
        auto [it, inserted] = kernels.cbs.try_emplace(type.getIndex(), type);
        if (inserted || it->second == type)
          return WalkResult::advance();
        cb.emitError() << "circular buffer " << type.getIndex() << " is "
                       << type << " here but " << it->second
                       << " in another kernel of @" << func.getSymName();
        return WalkResult::interrupt();
      });
      if (clash.wasInterrupted())
        return failure();
    }
    for (KernelRole role :
         {KernelRole::Reader, KernelRole::Compute, KernelRole::Writer})
      if (!kernels.byRole.count(role))
        return func.emitError() << "@" << func.getSymName() << " has no "
                                << stringifyKernelRole(role) << " kernel";
    return kernels;
  }

  LogicalResult build(func::FuncOp func, SymbolTable &symbols) {
    MLIRContext *ctx = &getContext();
    FailureOr<TargetAttr> target = getTarget(func, "tt-build-program");
    if (failed(target))
      return failure();
    auto split =
        func->getAttrOfType<WorkSplitAttr>(TTDialect::kWorkSplitAttrName);
    if (!split)
      return func.emitError() << "tt-build-program needs the function's work "
                                 "split ("
                              << TTDialect::kWorkSplitAttrName
                              << "): run tt-grid-to-persistent first";
    FailureOr<Kernels> kernels = collectKernels(func, symbols);
    if (failed(kernels))
      return failure();

    OpBuilder b(func);
    Location loc = func.getLoc();
    CoreRangeSetAttr cores = split.getCoreRanges();
    // A matmul split over a mesh runs on every device of it.
    MeshAttr mesh = func->hasAttr(TTDialect::kMeshSplitAttrName)
                        ? target->getMesh()
                        : MeshAttr();
    auto program = ProgramOp::create(b, loc, func.getSymName(),
                                     target->getDevice(), mesh);
    b.setInsertionPointToStart(&program.getBodyBlock());

    // DRAM buffers, one tile per page, in argument order.
    llvm::MapVector<StringRef, unsigned> bufferArg;
    for (unsigned i = 0, e = func.getNumArguments(); i < e; ++i) {
      auto type = llvm::dyn_cast<MemRefType>(func.getArgumentTypes()[i]);
      auto shard =
          func.getArgAttrOfType<ShardAttr>(i, TTDialect::kShardAttrName);
      auto name = func.getArgAttrOfType<StringAttr>(i, TTDialect::kNameAttrName);
      if (!type || !shard || !name)
        return func.emitError() << "argument " << i << " of @"
                                << func.getSymName()
                                << " needs a memref type, a DRAM layout ("
                                << TTDialect::kShardAttrName << ") and a name ("
                                << TTDialect::kNameAttrName << ")";
      bufferArg[name.getValue()] = i;
      int64_t pages =
          shard.getMatrices() * shard.getTilesY() * shard.getTilesX();
      // On a mesh the host holds the global matrix and the buffer cuts it
      // into the devices' shards.
      auto meshShard =
          func.getArgAttrOfType<MeshShardAttr>(i, TTDialect::kMeshShardAttrName);
      auto globalShape = func.getArgAttrOfType<DenseI64ArrayAttr>(
          i, TTDialect::kGlobalShapeAttrName);
      if (mesh && (!meshShard || !globalShape))
        return func.emitError()
               << "argument " << i << " of @" << func.getSymName()
               << " has no mesh shard (" << TTDialect::kMeshShardAttrName
               << ", " << TTDialect::kGlobalShapeAttrName
               << "): run tt-split-mesh first";
      BufferOp::create(b, loc, name.getValue(), pages * shard.getPageSize(),
                       shard.getPageSize(), shard.getFormat(),
                       shard.getLayout(),
                       mesh ? globalShape
                            : b.getDenseI64ArrayAttr(type.getShape()),
                       mesh ? meshShard : MeshShardAttr());
    }
    // A buffer named in a kernel's arguments must be one of the function's.
    auto bufferRef = [&](func::FuncOp kernel,
                         Attribute source) -> FailureOr<Attribute> {
      auto name = llvm::dyn_cast<StringAttr>(source);
      if (!name)
        return source;
      if (!bufferArg.count(name.getValue()))
        return kernel.emitError() << "@" << kernel.getSymName()
                                  << " takes the address of buffer '"
                                  << name.getValue() << "', which @"
                                  << func.getSymName() << " does not have";
      return Attribute(FlatSymbolRefAttr::get(ctx, name.getValue()));
    };
    // A multicast group's semaphores, created on every core of the split
    // the first time a kernel takes their id.
    llvm::SmallDenseMap<Attribute, FlatSymbolRefAttr> semaphores;
    auto semaphoreRef = [&](McastArgAttr field) {
      auto [it, inserted] = semaphores.try_emplace(field);
      if (inserted) {
        std::string name = llvm::formatv(
            "{0}_{1}",
            getMcastGroupPrefix(field.getDirection()),
            field.getField() == McastField::ReadySemaphore ? "ready" : "valid");
        SemaphoreOp::create(b, loc, name, cores, /*initial=*/0);
        it->second = FlatSymbolRefAttr::get(ctx, name);
      }
      return it->second;
    };
    auto argsOf = [&](func::FuncOp kernel,
                      StringRef attrName) -> FailureOr<ArrayAttr> {
      SmallVector<Attribute> args;
      if (auto list = kernel->getAttrOfType<ArrayAttr>(attrName))
        for (Attribute source : list) {
          if (auto field = llvm::dyn_cast<McastArgAttr>(source);
              field && field.isSemaphore()) {
            args.push_back(semaphoreRef(field));
            continue;
          }
          FailureOr<Attribute> arg = bufferRef(kernel, source);
          if (failed(arg))
            return failure();
          args.push_back(*arg);
        }
      return b.getArrayAttr(args);
    };

    // Circular buffers on every core of the split.
    for (auto &[index, type] : kernels->cbs) {
      uint64_t page = type.getTile().getSizeInBytes();
      CreateCBOp::create(b, loc, index, cores, type.getNumPages() * page, page,
                         type.getTile().getFormat());
    }
    // Kernels: reader on RISCV_1 / NoC 1 and writer on RISCV_0 / NoC 0, as in
    // tt-metal's matmul examples.
    for (KernelRole role :
         {KernelRole::Reader, KernelRole::Writer, KernelRole::Compute}) {
      func::FuncOp kernel = kernels->byRole.lookup(role);
      Attribute config;
      if (role == KernelRole::Compute)
        config = ComputeConfigAttr::get(ctx, target->getMathFidelity(),
                                        target->getFp32DestAcc(),
                                        /*dst_full_sync_en=*/false);
      else if (role == KernelRole::Reader)
        config = DataMovementConfigAttr::get(ctx, Processor::RISCV_1,
                                             Noc::RISCV_1_default);
      else
        config = DataMovementConfigAttr::get(ctx, Processor::RISCV_0,
                                             Noc::RISCV_0_default);
      FailureOr<ArrayAttr> compileArgs =
          argsOf(kernel, TTDialect::kCompileArgsAttrName);
      if (failed(compileArgs))
        return failure();
      CreateKernelOp::create(b, loc, kernel.getSymName(), cores, config,
                             *compileArgs);
    }
    // One op per kernel over the split: the host loops over its cores.
    for (KernelRole role :
         {KernelRole::Reader, KernelRole::Compute, KernelRole::Writer}) {
      func::FuncOp kernel = kernels->byRole.lookup(role);
      FailureOr<ArrayAttr> runtimeArgs =
          argsOf(kernel, TTDialect::kRuntimeArgsAttrName);
      if (failed(runtimeArgs))
        return failure();
      if (!runtimeArgs->empty())
        SetRuntimeArgsOp::create(b, loc, kernel.getSymName(), split,
                                 *runtimeArgs);
    }

    // Host steps: inputs up, run, output back, checked against C = A * B.
    // A buffer a kernel reads pages of is an input, one it writes pages of
    // an output; a kernel without page transfers (hand-written interfaces)
    // reads its buffers if it is the reader and writes them if the writer.
    llvm::SmallDenseSet<StringRef> readNames, writtenNames;
    for (auto &[role, kernel] : kernels->byRole) {
      auto list =
          kernel->getAttrOfType<ArrayAttr>(TTDialect::kCompileArgsAttrName);
      if (!list)
        continue;
      // TensorAccessorArgs of an interleaved buffer are two values.
      auto bufferAt = [&](TensorAccessorOp acc) -> StringRef {
        unsigned i = acc.getArgsOffset() / 2;
        return i < list.size() ? llvm::cast<StringAttr>(list[i]).getValue()
                               : StringRef();
      };
      bool transfers = false;
      kernel.walk([&](Operation *op) {
        Value accessor;
        if (auto read = llvm::dyn_cast<NocAsyncReadPageOp>(op))
          accessor = read.getAccessor();
        else if (auto write = llvm::dyn_cast<NocAsyncWritePageOp>(op))
          accessor = write.getAccessor();
        auto acc = accessor ? accessor.getDefiningOp<TensorAccessorOp>()
                            : TensorAccessorOp();
        if (!acc)
          return;
        transfers = true;
        (llvm::isa<NocAsyncReadPageOp>(op) ? readNames : writtenNames)
            .insert(bufferAt(acc));
      });
      if (transfers || role == KernelRole::Compute)
        continue;
      for (Attribute name : list)
        (role == KernelRole::Reader ? readNames : writtenNames)
            .insert(llvm::cast<StringAttr>(name).getValue());
    }
    SmallVector<FlatSymbolRefAttr> inputs, outputs;
    for (auto &[name, arg] : bufferArg) {
      if (readNames.contains(name))
        inputs.push_back(FlatSymbolRefAttr::get(ctx, name));
      if (writtenNames.contains(name))
        outputs.push_back(FlatSymbolRefAttr::get(ctx, name));
    }
    // Only kernels that compute the whole product can be checked against
    // one; others run without a reference.
    // C += A * B reads C too: its initial values are the third input.
    // A fused epilogue's bias row is one more input, named by its argument.
    auto form = func->getAttrOfType<MatmulFormAttr>(
        TTDialect::kWholeMatmulAttrName);
    FlatSymbolRefAttr bias;
    if (form && form.getBiasArg() >= 0) {
      for (auto &[name, arg] : bufferArg)
        if (int64_t(arg) == form.getBiasArg())
          bias = FlatSymbolRefAttr::get(ctx, name);
      if (!bias || !llvm::is_contained(inputs, bias))
        return func.emitError()
               << "argument " << form.getBiasArg()
               << " is the matmul's bias but no kernel reads it";
      llvm::erase(inputs, bias);
    }
    size_t expectedInputs = form && form.getAccumulate() ? 3 : 2;
    if (form && inputs.size() == expectedInputs && outputs.size() == 1 &&
        (!form.getAccumulate() || inputs[2] == outputs[0])) {
      auto flag = [&](bool set) { return set ? b.getUnitAttr() : UnitAttr(); };
      ReferenceMatmulOp::create(b, loc, inputs[0], inputs[1], outputs[0],
                                flag(form.getTransposeA()),
                                flag(form.getTransposeB()),
                                flag(form.getAccumulate()), bias,
                                form.getEpilogue());
    }
    if (bias)
      inputs.push_back(bias);
    for (FlatSymbolRefAttr in : inputs)
      EnqueueWriteBufferOp::create(b, loc, in);
    EnqueueProgramOp::create(b, loc);
    for (FlatSymbolRefAttr out : outputs)
      EnqueueReadBufferOp::create(b, loc, out);

    // The program now carries the kernels' interface.
    for (auto &[role, kernel] : kernels->byRole) {
      kernel->removeAttr(TTDialect::kRuntimeArgsAttrName);
      kernel->removeAttr(TTDialect::kCompileArgsAttrName);
    }
    symbols.erase(func);
    return success();
  }
};
} // namespace
