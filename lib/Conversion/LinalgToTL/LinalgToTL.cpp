//===- LinalgToTL.cpp - linalg.matmul to tl.matmul ------------------------===//
#include "TTDialect/Conversion/Passes.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Transforms/DialectConversion.h"
#include "llvm/Support/FormatVariadic.h"

namespace mlir::tt {
#define GEN_PASS_DEF_CONVERTLINALGTOTL
#include "TTDialect/Conversion/Passes.h.inc"
} // namespace mlir::tt

using namespace mlir;

namespace {
/// The `linalg.fill` of zero into `output` that directly precedes `op`, if any.
linalg::FillOp findZeroFill(Operation *op, Value output) {
  auto fill = llvm::dyn_cast_or_null<linalg::FillOp>(op->getPrevNode());
  if (!fill || !fill.hasPureBufferSemantics() ||
      fill.getDpsInitOperand(0)->get() != output)
    return {};
  if (!matchPattern(fill.getDpsInputOperand(0)->get(), m_AnyZeroFloat()))
    return {};
  return fill;
}

/// Which operands `op`'s indexing maps read transposed: A as (k, m) instead
/// of (m, k), B as (n, k) instead of (k, n). None for other maps (broadcasts,
/// a transposed C).
std::optional<std::pair<bool, bool>> transposesOf(linalg::MatmulOp op) {
  if (!op.hasUserDefinedMaps())
    return std::pair{false, false};
  MLIRContext *ctx = op.getContext();
  AffineExpr m = getAffineDimExpr(0, ctx), n = getAffineDimExpr(1, ctx),
             k = getAffineDimExpr(2, ctx);
  auto map = [&](AffineExpr r, AffineExpr c) {
    return AffineMap::get(3, 0, {r, c}, ctx);
  };
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  if (maps.size() != 3 || maps[2] != map(m, n))
    return std::nullopt;
  bool transposeA = maps[0] == map(k, m), transposeB = maps[1] == map(n, k);
  if ((!transposeA && maps[0] != map(m, k)) ||
      (!transposeB && maps[1] != map(k, n)))
    return std::nullopt;
  return std::pair{transposeA, transposeB};
}

/// Why `op` cannot become a tl.matmul, or an empty string when it can.
std::string unsupportedReason(linalg::MatmulOp op) {
  if (!transposesOf(op))
    return "indexing maps other than a matmul with transposed operands "
           "(broadcasts, a transposed result) are not supported";
  for (Value v : op->getOperands()) {
    auto type = llvm::dyn_cast<MemRefType>(v.getType());
    if (!type || !type.hasStaticShape())
      return "the Tenstorrent pipeline needs static shapes, got " +
             llvm::formatv("{0}", v.getType()).str();
    if (type.getMemorySpace() || !type.getLayout().isIdentity())
      return "operands must be plain row-major memrefs, got " +
             llvm::formatv("{0}", v.getType()).str();
  }
  return "";
}

struct MatmulToTL : OpConversionPattern<linalg::MatmulOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(linalg::MatmulOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!op.hasPureBufferSemantics() || !unsupportedReason(op).empty())
      return rewriter.notifyMatchFailure(op, "not a static memref matmul");
    Value a = op.getDpsInputOperand(0)->get();
    Value b = op.getDpsInputOperand(1)->get();
    Value c = op.getDpsInitOperand(0)->get();
    linalg::FillOp fill = findZeroFill(op, c);
    auto [transposeA, transposeB] = *transposesOf(op);
    tl::MatmulOp::create(rewriter, op.getLoc(), a, b, c, transposeA,
                         transposeB, /*accumulate=*/fill == nullptr);
    if (fill)
      rewriter.eraseOp(fill);
    rewriter.eraseOp(op);
    return success();
  }
};

struct ConvertLinalgToTLPass
    : tt::impl::ConvertLinalgToTLBase<ConvertLinalgToTLPass> {
  void runOnOperation() override {
    // Report every matmul this pass cannot take before rewriting any.
    bool ok = true;
    getOperation().walk([&](linalg::MatmulOp op) {
      if (!op.hasPureBufferSemantics())
        return;
      std::string reason = unsupportedReason(op);
      if (!reason.empty()) {
        op.emitOpError() << "cannot be lowered to Tenstorrent: " << reason;
        ok = false;
      }
    });
    if (!ok)
      return signalPassFailure();

    ConversionTarget target(getContext());
    target.addLegalDialect<tl::TLDialect>();
    // Leave linalg ops this pass does not handle untouched.
    target.markUnknownOpDynamicallyLegal([](Operation *) { return true; });
    target.addDynamicallyLegalOp<linalg::MatmulOp>([](linalg::MatmulOp op) {
      return !op.hasPureBufferSemantics();
    });
    RewritePatternSet patterns(&getContext());
    patterns.add<MatmulToTL>(&getContext());
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
