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
      // A vector (a bias) is stored as a one-row matrix.
      if (type.getRank() > 3 || type.getRank() < 1 || !type.hasStaticShape()) {
        func.emitError() << "argument " << arg.getArgNumber()
                         << " must be a static vector, matrix or batch of "
                            "matrices (rank 1, 2 or 3), got "
                         << type;
        return signalPassFailure();
      }
      // The host tilizes row-major data: a strided, offset or permuted view
      // (a transpose) would be read as if it were row-major, a wrong answer.
      if (!type.getLayout().isIdentity()) {
        Operation *user = arg.use_empty() ? func.getOperation()
                                          : *arg.getUsers().begin();
        InFlightDiagnostic diag =
            user->emitError()
            << "argument " << arg.getArgNumber() << " of @" << func.getSymName()
            << " has layout " << type.getLayout()
            << ": the Tenstorrent lowering reads buffers row-major (an "
               "identity layout); strided, offset and transposed views are "
               "not supported yet";
        if (user != func.getOperation())
          diag.attachNote(func.getLoc()) << "in this function";
        return signalPassFailure();
      }
      if (!type.getElementType().isBF16() && !type.getElementType().isF32()) {
        func.emitError() << "argument " << arg.getArgNumber()
                         << " has element type " << type.getElementType()
                         << "; Tenstorrent buffers hold bf16 or f32";
        return signalPassFailure();
      }
      // The element type's format, or the one tt.format asks for (bfp8_b).
      DataFormat format = getStorageFormat(arg);
      int64_t rank = type.getRank();
      int64_t rows = rank == 1 ? 1 : type.getDimSize(rank - 2),
              cols = type.getDimSize(rank - 1);
      // DRAM interleaved is the only layout the lowering emits; a partial
      // last tile is stored whole, zero-padded by the host, and a batch's
      // matrices one after the other.
      auto shard = ShardAttr::get(
          &getContext(), BufferLayout::DramInterleaved, tl::tilesFor(rows),
          tl::tilesFor(cols), getTileSizeInBytes(format), format,
          tl::batchOf(type));
      func.setArgAttr(arg.getArgNumber(), TTDialect::kShardAttrName, shard);
    }
  }
};
} // namespace
