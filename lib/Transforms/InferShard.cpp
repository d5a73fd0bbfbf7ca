//===- InferShard.cpp - DRAM layout of the global buffers -----------------===//
#include "TTDialect/Transforms/Passes.h"

namespace mlir::tt {
#define GEN_PASS_DEF_TTINFERSHARD
#include "TTDialect/Transforms/Passes.h.inc"
} // namespace mlir::tt

using namespace mlir;
using namespace mlir::tt;

namespace {
struct TTInferShardPass : tt::impl::TTInferShardBase<TTInferShardPass> {
  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (func.getOps<tl::KernelOp>().empty())
      return;
    for (BlockArgument arg : func.getArguments()) {
      auto type = llvm::dyn_cast<MemRefType>(arg.getType());
      if (!type)
        continue;
      if (type.getRank() != 2 || !type.hasStaticShape()) {
        func.emitError() << "argument " << arg.getArgNumber()
                         << " must be a static 2-D buffer, got " << type;
        return signalPassFailure();
      }
      DataFormat format;
      if (type.getElementType().isBF16())
        format = DataFormat::Float16_b;
      else if (type.getElementType().isF32())
        format = DataFormat::Float32;
      else {
        func.emitError() << "argument " << arg.getArgNumber()
                         << " has element type " << type.getElementType()
                         << "; Tenstorrent buffers hold bf16 or f32";
        return signalPassFailure();
      }
      int64_t rows = type.getDimSize(0), cols = type.getDimSize(1);
      for (auto [dim, size] : llvm::enumerate(type.getShape()))
        if (size % tl::kTileSize != 0) {
          func.emitError() << "argument " << arg.getArgNumber() << " ("
                           << type << ") has " << size << " "
                           << (dim ? "columns" : "rows")
                           << ", not a multiple of " << tl::kTileSize
                           << ": DRAM buffers hold whole 32x32 tiles";
          return signalPassFailure();
        }
      // DRAM interleaved is the only layout the lowering emits.
      auto shard = ShardAttr::get(
          &getContext(), BufferLayout::DramInterleaved, rows / tl::kTileSize,
          cols / tl::kTileSize, getTileSizeInBytes(format), format);
      func.setArgAttr(arg.getArgNumber(), TTDialect::kShardAttrName, shard);
    }
  }
};
} // namespace
