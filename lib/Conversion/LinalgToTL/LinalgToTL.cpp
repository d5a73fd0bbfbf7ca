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

/// Which operands `op`'s indexing maps read transposed: A as (k, m) instead
/// of (m, k), B as (n, k) instead of (k, n). None for other maps (broadcasts,
/// a transposed C).
/// Whether the maps of A, B and C over the loops `m`, `n`, `k` of a 3-loop
/// op are a matmul's, and which operands they read transposed.
std::optional<std::pair<bool, bool>>
matmulTransposes(ArrayRef<AffineMap> maps, unsigned m, unsigned n, unsigned k,
                 MLIRContext *ctx) {
  AffineExpr dm = getAffineDimExpr(m, ctx), dn = getAffineDimExpr(n, ctx),
             dk = getAffineDimExpr(k, ctx);
  auto map = [&](AffineExpr r, AffineExpr c) {
    return AffineMap::get(3, 0, {r, c}, ctx);
  };
  if (maps.size() != 3 || maps[2] != map(dm, dn))
    return std::nullopt;
  bool transposeA = maps[0] == map(dk, dm), transposeB = maps[1] == map(dn, dk);
  if ((!transposeA && maps[0] != map(dm, dk)) ||
      (!transposeB && maps[1] != map(dk, dn)))
    return std::nullopt;
  return std::pair{transposeA, transposeB};
}

std::optional<std::pair<bool, bool>> transposesOf(linalg::MatmulOp op) {
  if (!op.hasUserDefinedMaps())
    return std::pair{false, false};
  return matmulTransposes(op.getIndexingMapsArray(), 0, 1, 2, op.getContext());
}

/// Whether a `linalg.generic` computes a matmul, C[m, n] += A * B with a
/// multiply-add body, and which operands it reads transposed: A indexed
/// (m, k) or (k, m), B (k, n) or (n, k), C (m, n), whatever the loop order.
/// None for other contractions (batches, several m/n/k dimensions) and for
/// generics that are not contractions.
std::optional<std::pair<bool, bool>> transposesOf(linalg::GenericOp op) {
  if (op.getNumDpsInputs() != 2 || op.getNumDpsInits() != 1 ||
      op.getNumLoops() != 3 || !linalg::isaContractionOpInterface(op))
    return std::nullopt;
  FailureOr<linalg::ContractionDimensions> dims =
      linalg::inferContractionDims(op);
  if (failed(dims) || !dims->batch.empty() || dims->m.size() != 1 ||
      dims->n.size() != 1 || dims->k.size() != 1)
    return std::nullopt;
  return matmulTransposes(op.getIndexingMapsArray(), dims->m[0], dims->n[0],
                          dims->k[0], op.getContext());
}

/// Why `op` cannot become a tl.matmul, or an empty string when it can.
std::string unsupportedReason(linalg::LinalgOp op) {
  bool matmul = llvm::isa<linalg::MatmulOp>(op);
  bool known = matmul ? transposesOf(llvm::cast<linalg::MatmulOp>(op)).has_value()
                      : transposesOf(llvm::cast<linalg::GenericOp>(op)).has_value();
  if (!known)
    return matmul ? "indexing maps other than a matmul with transposed "
                    "operands (broadcasts, a transposed result) are not "
                    "supported"
                  : "a contraction other than one matmul (C[m, n] += A[m, k] "
                    "* B[k, n], either operand possibly transposed) is not "
                    "supported";
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
    // A linalg.generic that is no contraction at all is not a matmul and is
    // left alone; one that contracts but not as one matmul is reported.
    bool ok = true;
    getOperation().walk([&](linalg::LinalgOp op) {
      if (!op.hasPureBufferSemantics())
        return;
      if (!llvm::isa<linalg::MatmulOp>(op) &&
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
    target.addDynamicallyLegalOp<linalg::GenericOp>([](linalg::GenericOp op) {
      return !op.hasPureBufferSemantics() || !transposesOf(op);
    });
    RewritePatternSet patterns(&getContext());
    patterns.add<MatmulToTL<linalg::MatmulOp>, MatmulToTL<linalg::GenericOp>>(
        &getContext());
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
