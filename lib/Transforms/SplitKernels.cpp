//===- SplitKernels.cpp - reader / compute / writer kernels and their ABI -===//
#include "TTDialect/Transforms/LoopUtils.h"
#include "TTDialect/Transforms/Passes.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/IRMapping.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/Support/FormatVariadic.h"

namespace mlir::tt {
#define GEN_PASS_DEF_TTSPLITKERNELS
#include "TTDialect/Transforms/Passes.h.inc"
} // namespace mlir::tt

using namespace mlir;
using namespace mlir::tt;

namespace {
/// The name a global buffer goes by: a, b, c for the operands of the matmul.
std::string bufferName(func::FuncOp func, unsigned arg) {
  std::string name;
  func.walk([&](Operation *op) {
    if (auto read = llvm::dyn_cast<ReadTilesOp>(op)) {
      // (C's initial values, read into their own CB, keep C's name.)
      uint32_t cb = read.getCb().getType().getIndex();
      if (read.getBuffer() == func.getArgument(arg) && cb <= 1)
        name = cb == 0 ? "a" : "b";
      // (A vector is a fused epilogue's bias row.)
      else if (read.getBuffer() == func.getArgument(arg) &&
               llvm::cast<MemRefType>(read.getBuffer().getType()).getRank() == 1)
        name = "bias";
    } else if (auto write = llvm::dyn_cast<WriteTilesOp>(op)) {
      if (write.getBuffer() == func.getArgument(arg))
        name = "c";
    }
  });
  return name.empty() ? "buf" + std::to_string(arg) : name;
}

bool belongsTo(Operation *op, KernelRole role) {
  // A block multicast down the core's column (B) goes with the writer, on
  // the other RISC and NoC, as in tt-metal's multicast matmul: the row's
  // and the column's transfers then proceed side by side. So does a block
  // multicast to the whole grid, beside the core's own reads.
  if (auto read = llvm::dyn_cast<ReadTilesOp>(op)) {
    std::optional<McastDirection> along = read.getMulticast();
    bool writer = along == McastDirection::Column || along == McastDirection::Grid;
    return role == (writer ? KernelRole::Writer : KernelRole::Reader);
  }
  if (llvm::isa<WriteTilesOp>(op))
    return role == KernelRole::Writer;
  // Before the split only the compute stage talks to CBs directly.
  if (op->hasTrait<ComputeOnly>() ||
      llvm::isa<CBReserveBackOp, CBPushBackOp, CBWaitFrontOp, CBPopFrontOp>(op))
    return role == KernelRole::Compute;
  return true;
}

struct TTSplitKernelsPass : tt::impl::TTSplitKernelsBase<TTSplitKernelsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<func::FuncOp> planned;
    // A declaration with a work split is a function this pass already split
    // (its host interface): nothing is left to slice.
    for (auto func : module.getOps<func::FuncOp>())
      if (func->hasAttr(TTDialect::kWorkSplitAttrName) && !func.isDeclaration())
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
    // The host program creates buffers and nothing else: the function's
    // interface is its buffers, with no other arguments and no results.
    for (BlockArgument arg : func.getArguments())
      if (!llvm::isa<MemRefType>(arg.getType()))
        return func.emitError()
               << "argument " << arg.getArgNumber() << " of @"
               << func.getSymName() << " has type " << arg.getType()
               << ": the host program passes only buffers (memrefs) to a "
                  "Tenstorrent program; remove it";
    if (func.getNumResults() != 0)
      return func.emitError()
             << "@" << func.getSymName() << " returns "
             << func.getNumResults()
             << (func.getNumResults() == 1 ? " value" : " values")
             << ": a Tenstorrent program returns nothing, its results are "
                "the buffers it writes";
    for (BlockArgument arg : func.getArguments())
      if (llvm::isa<MemRefType>(arg.getType()) &&
          !func.getArgAttrOfType<ShardAttr>(arg.getArgNumber(),
                                            TTDialect::kShardAttrName))
        return func.emitError()
               << "argument " << arg.getArgNumber()
               << " has no DRAM layout (" << TTDialect::kShardAttrName
               << "): run tt-infer-shard first";
    // Buffers are named after their place in the matmul: the kernels'
    // argument names and the host program's buffers use these names.
    for (BlockArgument arg : func.getArguments())
      if (llvm::isa<MemRefType>(arg.getType()))
        func.setArgAttr(arg.getArgNumber(), TTDialect::kNameAttrName,
                        StringAttr::get(func.getContext(),
                                        bufferName(func, arg.getArgNumber())));
    OpBuilder b(func);
    SmallVector<Attribute> kernels;
    for (KernelRole role :
         {KernelRole::Reader, KernelRole::Compute, KernelRole::Writer}) {
      auto kernel = llvm::cast<func::FuncOp>(b.clone(*func));
      kernel.setSymName((func.getSymName() + "_" + stringifyKernelRole(role)).str());
      if (failed(buildKernel(func, kernel, role)))
        return failure();
      kernels.push_back(FlatSymbolRefAttr::get(kernel));
    }
    // What remains of the function is its host interface: the buffers (with
    // their layouts and names), the target, the work split and the kernels,
    // from which tt-build-program builds the tt.program.
    func.getBody().getBlocks().clear();
    func.setPrivate();
    func->setAttr(TTDialect::kKernelsAttrName, b.getArrayAttr(kernels));
    return success();
  }

  /// Reduces the clone `kernel` of `func` to the work of `role`.
  LogicalResult buildKernel(func::FuncOp func, func::FuncOp kernel,
                            KernelRole role) {
    MLIRContext *ctx = &getContext();
    SmallVector<Operation *> foreign;
    kernel.walk([&](Operation *op) {
      if (!belongsTo(op, role))
        foreign.push_back(op);
    });
    for (Operation *op : llvm::reverse(foreign))
      op->erase();
    if (failed(simplifyLoops(kernel)))
      return kernel.emitError("could not simplify the kernel");
    // A core that only counts its tiles (compute) need not know where they
    // start.
    kernel.walk([&](scf::ForOp loop) {
      if (!loop.getInductionVar().use_empty())
        return;
      // (The block loop: from the core's first block, its count long.)
      auto range = loop.getLowerBound().getDefiningOp<CoreTileRangeOp>();
      if (!range || range.getStart() != loop.getLowerBound())
        return;
      OpBuilder lb(loop);
      loop.setLowerBound(i32Const(lb, loop.getLoc(), 0));
      loop.setUpperBound(range.getCount());
    });
    if (failed(simplifyLoops(kernel)))
      return kernel.emitError("could not simplify the kernel");

    // Runtime arguments: buffer addresses, the tile range, then parameters.
    OpBuilder b(ctx);
    Block &entry = kernel.getBody().front();
    b.setInsertionPointToStart(&entry);
    Location loc = kernel.getLoc();
    // Where each runtime argument comes from, in the vocabulary of
    // tt.set_runtime_args (a buffer's address by the buffer's name).
    SmallVector<Attribute> runtimeArgs, compileArgs;
    auto nextArg = [&](Attribute source, StringRef name) {
      unsigned index = runtimeArgs.size();
      runtimeArgs.push_back(source);
      return GetArgValOp::create(b, loc, b.getI32Type(), index,
                                 b.getStringAttr(name));
    };
    SmallVector<std::tuple<BlockArgument, StringRef, Value>> addresses;
    for (BlockArgument arg : kernel.getArguments()) {
      if (arg.use_empty())
        continue;
      StringRef name = func.getArgAttrOfType<StringAttr>(
                               arg.getArgNumber(), TTDialect::kNameAttrName)
                           .getValue();
      addresses.push_back(
          {arg, name, nextArg(b.getStringAttr(name), (name + "_addr").str())});
    }
    for (auto range : llvm::make_early_inc_range(kernel.getOps<CoreTileRangeOp>())) {
      bool blocks = range.getBlocks();
      if (!range.getStart().use_empty())
        range.getStart().replaceAllUsesWith(nextArg(
            WorkArgAttr::get(ctx, WorkArg::Start),
            blocks ? "start_block" : "start_tile"));
      if (!range.getCount().use_empty())
        range.getCount().replaceAllUsesWith(nextArg(
            WorkArgAttr::get(ctx, WorkArg::Count),
            blocks ? "num_blocks" : "num_tiles"));
      range.erase();
    }
    llvm::StringMap<Value> params;
    for (auto param : llvm::make_early_inc_range(kernel.getOps<RuntimeParamOp>())) {
      Value &arg = params[param.getName()];
      if (!arg)
        arg = nextArg(b.getI64IntegerAttr(param.getValue()), param.getName());
      param.getResult().replaceAllUsesWith(arg);
      param.erase();
    }
    // Then the accessors built from the addresses, chained over the
    // compile-time arguments (two per interleaved buffer).
    DenseMap<Value, Value> accessorOf;
    for (auto [arg, name, address] : addresses) {
      unsigned offset = 2 * compileArgs.size();
      compileArgs.push_back(b.getStringAttr(name));
      accessorOf[arg] = TensorAccessorOp::create(
          b, loc, TensorAccessorType::get(ctx), address, offset,
          b.getStringAttr(name));
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
    // Each group of declarations opens with what it is, in the C++.
    auto commentFirst = [&](auto ops, StringRef comment) {
      if (!ops.empty())
        setComment(*ops.begin(), comment);
    };
    commentFirst(kernel.getOps<GetArgValOp>(),
                 "Runtime arguments: this core's share of the work, set by "
                 "the host with SetRuntimeArgs");
    commentFirst(kernel.getOps<TensorAccessorOp>(),
                 "DRAM buffers: page layout from the compile-time args "
                 "(TensorAccessorArgs), base address from the runtime args");
    commentFirst(kernel.getOps<GetCBOp>(), "Circular buffers in L1");

    // Tile reads and writes now go through the kernel's accessors.
    kernel.walk([&](Operation *op) {
      if (auto read = llvm::dyn_cast<ReadTilesOp>(op))
        read.getBufferMutable().assign(accessorOf.lookup(read.getBuffer()));
      else if (auto write = llvm::dyn_cast<WriteTilesOp>(op))
        write.getBufferMutable().assign(accessorOf.lookup(write.getBuffer()));
    });
    if (role == KernelRole::Compute)
      startCompute(kernel);

    // Kernels are `void kernel_main()`; their buffers now come as arguments.
    BitVector all(kernel.getNumArguments(), true);
    if (failed(kernel.eraseArguments(all)))
      return kernel.emitError("could not drop the buffer arguments");
    SmallVector<NamedAttribute> keep;
    for (NamedAttribute attr : kernel->getAttrs())
      if (!attr.getName().getValue().starts_with("tt."))
        keep.push_back(attr);
    kernel->setAttrs(keep);
    kernel.setPublic();
    kernel->setAttr(TTDialect::kKernelRoleAttrName, KernelRoleAttr::get(ctx, role));
    kernel->setAttr(TTDialect::kRuntimeArgsAttrName, b.getArrayAttr(runtimeArgs));
    if (!compileArgs.empty())
      kernel->setAttr(TTDialect::kCompileArgsAttrName,
                      b.getArrayAttr(compileArgs));
    return success();
  }

  void startCompute(func::FuncOp kernel) {
    // compute_kernel_hw_startup + matmul_init on the CBs the matmul reads.
    MatmulTilesOp first;
    kernel.walk([&](MatmulTilesOp op) {
      if (!first)
        first = op;
    });
    // The packer starts set for the result, not for a CB the matmul reads
    // (a transposed A block is packed before the product).
    PackTileOp pack;
    kernel.walk([&](PackTileOp op) {
      if (!pack && op.getOut() != first.getIn0() && op.getOut() != first.getIn1())
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
    auto startup = ComputeKernelHwStartupOp::create(
        b, kernel.getLoc(), first.getIn0(), first.getIn1(), pack.getOut());
    auto cbName = [](Value cb) {
      auto get = cb.getDefiningOp<GetCBOp>();
      return get && get.getName()
                 ? get.getName()->str()
                 : "c_" + std::to_string(
                              llvm::cast<CircularBufferType>(cb.getType())
                                  .getIndex());
    };
    setComment(startup, llvm::formatv("Configure unpack, math and pack "
                                          "for {0} x {1} -> {2}, then the "
                                          "matrix engine",
                                          cbName(first.getIn0()),
                                          cbName(first.getIn1()),
                                          cbName(pack.getOut()))
                                .str());
    createMatmulInit(b, kernel.getLoc(), first.getIn0(), first.getIn1(),
                     first.getTransposeIn1());
  }

};
} // namespace
