//===- InferShard.cpp - WS2 buffer layout descriptors ---------------------===//
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
    auto layout =
        func->getAttrOfType<BufferLayoutAttr>(TTDialect::kLayoutAttrName);
    if (!layout) {
      func.emitError("run tt-apply-target-defaults first: no buffer layout");
      return signalPassFailure();
    }
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
      bool padded = rows % tl::kTileSize != 0 || cols % tl::kTileSize != 0;
      auto shard = ShardAttr::get(
          &getContext(), layout.getValue(), tl::kTileSize, tl::kTileSize,
          llvm::divideCeil(rows, tl::kTileSize),
          llvm::divideCeil(cols, tl::kTileSize), getTileSizeInBytes(format),
          format, padded);
      func.setArgAttr(arg.getArgNumber(), TTDialect::kShardAttrName, shard);
    }
  }
};
} // namespace
