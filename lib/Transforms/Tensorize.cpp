//===- Tensorize.cpp - block matmuls to matmul_tiles ----------------------===//
#include "TTDialect/Transforms/Passes.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::tt {
#define GEN_PASS_DEF_TTTENSORIZE
#include "TTDialect/Transforms/Passes.h.inc"
} // namespace mlir::tt

using namespace mlir;
using namespace mlir::tt;

namespace {
/// DST tiles available to one side in the default half-sync, bf16 mode.
constexpr int64_t kDstTiles = 8;

Value i32Constant(PatternRewriter &rewriter, Location loc, int64_t v) {
  return arith::ConstantIntOp::create(rewriter, loc, rewriter.getI32Type(), v);
}

struct MatmulBlockToTiles : OpRewritePattern<MatmulBlockOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(MatmulBlockOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    int64_t m = op.getM(), k = op.getK(), n = op.getN();
    Value aTiles = i32Constant(rewriter, loc, m * k);
    Value bTiles = i32Constant(rewriter, loc, k * n);
    CBWaitFrontOp::create(rewriter, loc, op.getIn0(), aTiles);
    CBWaitFrontOp::create(rewriter, loc, op.getIn1(), bTiles);
    // C[i][j] += sum_kk A[i][kk] * B[kk][j], blocks stored row-major.
    for (int64_t i = 0; i < m; ++i)
      for (int64_t j = 0; j < n; ++j)
        for (int64_t kk = 0; kk < k; ++kk)
          MatmulTilesOp::create(rewriter, loc, op.getIn0(), op.getIn1(),
                                i32Constant(rewriter, loc, i * k + kk),
                                i32Constant(rewriter, loc, kk * n + j),
                                i32Constant(rewriter, loc, i * n + j));
    CBPopFrontOp::create(rewriter, loc, op.getIn0(), aTiles);
    CBPopFrontOp::create(rewriter, loc, op.getIn1(), bTiles);
    rewriter.eraseOp(op);
    return success();
  }
};

struct PackBlockToTiles : OpRewritePattern<PackBlockOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(PackBlockOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value count = i32Constant(rewriter, loc, op.getCount());
    TileRegsCommitOp::create(rewriter, loc);
    CBReserveBackOp::create(rewriter, loc, op.getOut(), count);
    TileRegsWaitOp::create(rewriter, loc);
    for (int64_t i = 0; i < op.getCount(); ++i) {
      Value index = i32Constant(rewriter, loc, i);
      PackTileOp::create(rewriter, loc, index, op.getOut(), index);
    }
    TileRegsReleaseOp::create(rewriter, loc);
    CBPushBackOp::create(rewriter, loc, op.getOut(), count);
    rewriter.eraseOp(op);
    return success();
  }
};

struct TTTensorizePass : tt::impl::TTTensorizeBase<TTTensorizePass> {
  void runOnOperation() override {
    bool ok = true;
    getOperation().walk([&](MatmulBlockOp op) {
      if (op.getM() * op.getN() > kDstTiles) {
        op.emitOpError() << "accumulates " << op.getM() << "x" << op.getN()
                         << " = " << op.getM() * op.getN()
                         << " tiles in DST, which holds " << kDstTiles
                         << " bf16 tiles in half-sync mode";
        ok = false;
      }
    });
    if (!ok)
      return signalPassFailure();
    RewritePatternSet patterns(&getContext());
    patterns.add<MatmulBlockToTiles, PackBlockToTiles>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
