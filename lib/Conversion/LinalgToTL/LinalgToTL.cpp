//===- LinalgToTL.cpp - linalg matmuls to tl.matmul -----------------------===//
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

/// Whether the maps of A, B and C over the loops `m`, `n`, `k` (and `batch`,
/// when the op has one) of a `numLoops`-loop op are a matmul's, and which
/// operands they read transposed: A indexed (m, k) or (k, m), B (k, n) or
/// (n, k), C (m, n); in a batch each with the batch index first, except that
/// A or B may lack it (one matrix shared by every product). None for other
/// maps (broadcasts of lower rank, a transposed C, a batch index elsewhere).
std::optional<std::pair<bool, bool>>
matmulTransposes(ArrayRef<AffineMap> maps, std::optional<unsigned> batch,
                 unsigned m, unsigned n, unsigned k, unsigned numLoops,
                 MLIRContext *ctx) {
  AffineExpr dm = getAffineDimExpr(m, ctx), dn = getAffineDimExpr(n, ctx),
             dk = getAffineDimExpr(k, ctx);
  auto map = [&](bool batched, AffineExpr r, AffineExpr c) {
    SmallVector<AffineExpr, 3> results;
    if (batched)
      results.push_back(getAffineDimExpr(*batch, ctx));
    results.append({r, c});
    return AffineMap::get(numLoops, 0, results, ctx);
  };
  if (maps.size() != 3 || maps[2] != map(batch.has_value(), dm, dn))
    return std::nullopt;
  // Whether `operand` reads its (r, c) matrix transposed; counts the
  // operands that are batched rather than shared.
  unsigned batchedOperands = 0;
  auto transposed = [&](AffineMap operand, AffineExpr r,
                        AffineExpr c) -> std::optional<bool> {
    for (bool batched : {true, false}) {
      if (batched && !batch)
        continue;
      batchedOperands += batched;
      if (operand == map(batched, r, c))
        return false;
      if (operand == map(batched, c, r))
        return true;
      batchedOperands -= batched;
    }
    return std::nullopt;
  };
  std::optional<bool> transposeA = transposed(maps[0], dm, dk);
  std::optional<bool> transposeB = transposed(maps[1], dk, dn);
  // A batch needs A or B to vary along it.
  if (!transposeA || !transposeB || (batch && batchedOperands == 0))
    return std::nullopt;
  return std::pair{*transposeA, *transposeB};
}

std::optional<std::pair<bool, bool>> transposesOf(linalg::MatmulOp op) {
  if (!op.hasUserDefinedMaps())
    return std::pair{false, false};
  return matmulTransposes(op.getIndexingMapsArray(), std::nullopt, 0, 1, 2, 3,
                          op.getContext());
}

/// linalg.batch_matmul's loops are (batch, m, n, k).
std::optional<std::pair<bool, bool>> transposesOf(linalg::BatchMatmulOp op) {
  return matmulTransposes(op.getIndexingMapsArray(), 0, 1, 2, 3, 4,
                          op.getContext());
}

/// Whether a `linalg.generic` computes a matmul, C[m, n] += A * B with a
/// multiply-add body, or a batch of them (C[b, m, n] += A * B), and which
/// operands it reads transposed: A indexed (m, k) or (k, m), B (k, n) or
/// (n, k), C (m, n), each with the batch index first in a batch (A or B may
/// lack it), whatever the loop order. None for other contractions (several
/// m/n/k or batch dimensions) and for generics that are not contractions.
std::optional<std::pair<bool, bool>> transposesOf(linalg::GenericOp op) {
  if (op.getNumDpsInputs() != 2 || op.getNumDpsInits() != 1 ||
      !linalg::isaContractionOpInterface(op))
    return std::nullopt;
  FailureOr<linalg::ContractionDimensions> dims =
      linalg::inferContractionDims(op);
  if (failed(dims) || dims->batch.size() > 1 || dims->m.size() != 1 ||
      dims->n.size() != 1 || dims->k.size() != 1 ||
      op.getNumLoops() != 3 + dims->batch.size())
    return std::nullopt;
  std::optional<unsigned> batch;
  if (!dims->batch.empty())
    batch = dims->batch[0];
  return matmulTransposes(op.getIndexingMapsArray(), batch, dims->m[0],
                          dims->n[0], dims->k[0], op.getNumLoops(),
                          op.getContext());
}

/// Why `op` cannot become a tl.matmul, or an empty string when it can.
/// The transposes of a matmul this pass converts, or none.
std::optional<std::pair<bool, bool>> transposesOf(linalg::LinalgOp op) {
  if (auto matmul = llvm::dyn_cast<linalg::MatmulOp>(op.getOperation()))
    return transposesOf(matmul);
  if (auto batch = llvm::dyn_cast<linalg::BatchMatmulOp>(op.getOperation()))
    return transposesOf(batch);
  if (auto generic = llvm::dyn_cast<linalg::GenericOp>(op.getOperation()))
    return transposesOf(generic);
  return std::nullopt;
}

std::string unsupportedReason(linalg::LinalgOp op) {
  if (!transposesOf(op)) {
    if (llvm::isa<linalg::MatmulOp>(op))
      return "indexing maps other than a matmul with transposed operands "
             "(broadcasts, a transposed result) are not supported";
    if (llvm::isa<linalg::BatchMatmulOp>(op))
      return "indexing maps other than a batch of matmuls with transposed "
             "operands, or with A or B shared by the batch (lower-rank "
             "broadcasts, a transposed result) are not supported";
    return "a contraction other than one matmul (C[m, n] += A[m, k] * B[k, "
           "n], either operand possibly transposed) or one batch of them "
           "(C[b, m, n] += A[b, m, k] * B[b, k, n], A or B possibly without "
           "b) is not supported";
  }
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

/// A `linalg.matmul`, or a `linalg.generic` that is one, to `tl.matmul`.
template <typename LinalgOpTy>
struct MatmulToTL : OpConversionPattern<LinalgOpTy> {
  using OpConversionPattern<LinalgOpTy>::OpConversionPattern;

  LogicalResult
  matchAndRewrite(LinalgOpTy op, typename LinalgOpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!op.hasPureBufferSemantics() || !unsupportedReason(op).empty())
      return rewriter.notifyMatchFailure(op, "not a static memref matmul");
    Value a = op.getDpsInputOperand(0)->get();
    Value b = op.getDpsInputOperand(1)->get();
    Value c = op.getDpsInitOperand(0)->get();
    linalg::FillOp fill = findZeroFill(op, c);
    auto [transposeA, transposeB] = *transposesOf(linalg::LinalgOp(op));
    tl::MatmulOp::create(rewriter, op.getLoc(), a, b, c, transposeA,
                         transposeB, /*accumulate=*/fill == nullptr,
                         /*bias=*/Value(), /*epilogue=*/ArrayAttr());
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
    // A linalg.generic that is no contraction at all is not a matmul and is
    // left alone; one that contracts but not as one matmul is reported.
    bool ok = true;
    getOperation().walk([&](linalg::LinalgOp op) {
      if (!op.hasPureBufferSemantics())
        return;
      if (!llvm::isa<linalg::MatmulOp, linalg::BatchMatmulOp>(op) &&
          !(llvm::isa<linalg::GenericOp>(op) &&
            linalg::isaContractionOpInterface(op)))
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
    target.addDynamicallyLegalOp<linalg::BatchMatmulOp>(
        [](linalg::BatchMatmulOp op) { return !op.hasPureBufferSemantics(); });
    target.addDynamicallyLegalOp<linalg::GenericOp>([](linalg::GenericOp op) {
      return !op.hasPureBufferSemantics() || !transposesOf(op);
    });
    RewritePatternSet patterns(&getContext());
    patterns.add<MatmulToTL<linalg::MatmulOp>, MatmulToTL<linalg::BatchMatmulOp>,
                 MatmulToTL<linalg::GenericOp>>(&getContext());
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
