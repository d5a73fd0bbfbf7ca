//===- FoldSharedBatch.cpp - a batch sharing B as one taller matmul -------===//
//
// C[i] = A[i] * B for every matrix i of a batch is one matmul of the matrices
// stacked: C' (batch*M x N) = A' (batch*M x K) * B. When M is a whole number
// of tiles the stacked matrices are stored exactly as the batch is (matrix i
// starts at tile row i * Mt, no padding between), so the fold changes no
// data, only the view: the schedules then share B's blocks between the
// matrices (read once per block column instead of once per matrix) and cover
// the cores with blocks of the stacked rows, as ttnn folds a batch into M.
//
//===----------------------------------------------------------------------===//
#include "TTDialect/Transforms/Passes.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::tt {
#define GEN_PASS_DEF_TLFOLDSHAREDBATCH
#include "TTDialect/Transforms/Passes.h.inc"
} // namespace mlir::tt

using namespace mlir;
using namespace mlir::tt;

namespace {
struct FoldSharedBatch : OpRewritePattern<tl::MatmulOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(tl::MatmulOp op,
                                PatternRewriter &rewriter) const override {
    MemRefType a = op.getA().getType(), b = op.getB().getType(),
               c = op.getC().getType();
    // A batch of A against one B, A's rows (M) not transposed and whole
    // tiles: anything else keeps its per-matrix padding or layout. (A matmul
    // writing its own A is left for tt-infer-schedule to diagnose.)
    if (a.getRank() != 3 || b.getRank() != 2 || op.getTransposeA() ||
        a.getDimSize(1) % tl::kTileSize != 0 || !a.getLayout().isIdentity() ||
        !c.getLayout().isIdentity() || op.getA() == op.getC())
      return rewriter.notifyMatchFailure(op, "not a foldable shared-B batch");
    Location loc = op.getLoc();
    SmallVector<ReassociationIndices> stackRows{{0, 1}, {2}};
    Value stackedA =
        memref::CollapseShapeOp::create(rewriter, loc, op.getA(), stackRows);
    Value stackedC =
        memref::CollapseShapeOp::create(rewriter, loc, op.getC(), stackRows);
    rewriter.modifyOpInPlace(op, [&] {
      op.getAMutable().assign(stackedA);
      op.getCMutable().assign(stackedC);
    });
    return success();
  }
};

struct TLFoldSharedBatchPass
    : tt::impl::TLFoldSharedBatchBase<TLFoldSharedBatchPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<FoldSharedBatch>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
