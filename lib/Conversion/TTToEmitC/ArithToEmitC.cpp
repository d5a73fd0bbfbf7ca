//===- ArithToEmitC.cpp - i32 kernel arithmetic as uint32_t C++ -----------===//
//
// Kernel integers are uint32_t in C++ (i32 converts to ui32), so i32
// arithmetic prints as plain C++ operators on them. Upstream's arith patterns
// assume integer types convert to themselves and would wrap every operand in
// casts; these patterns take precedence (benefit 2) and upstream's handle the
// rest.
//
//===----------------------------------------------------------------------===//
#include "KernelNames.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/EmitC/IR/EmitC.h"
#include "llvm/Support/FormatVariadic.h"

using namespace mlir;
using namespace mlir::tt;
using namespace mlir::tt::emitc_kernel;

void emitc_kernel::replaceNamed(Operation *op, Value result, const KernelNames &names,
                  ConversionPatternRewriter &rewriter) {
  auto it = names.valueName.find(op);
  if (it == names.valueName.end()) {
    rewriter.replaceOp(op, result);
    return;
  }
  // Conditions are bools, everything else the kernel's uint32_t.
  StringRef type = result.getType().isInteger(1) ? "bool" : "uint32_t";
  emitc::VerbatimOp::create(
      rewriter, op->getLoc(),
      rewriter.getStringAttr(
          llvm::formatv("const {0} {1} = {{};", type, it->second).str()),
      ValueRange{result});
  rewriter.replaceOpWithNewOp<emitc::LiteralOp>(op, result.getType(),
                                                it->second);
}

namespace {
/// Integer constants become literals, printed where they are used.
struct ConstantPattern : OpConversionPattern<arith::ConstantOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(arith::ConstantOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto attr = llvm::dyn_cast<IntegerAttr>(op.getValue());
    if (!attr)
      return failure();
    Type type = getTypeConverter()->convertType(op.getType());
    if (!type)
      return failure();
    std::string text;
    if (attr.getType().isInteger(1)) {
      text = attr.getValue().isZero() ? "false" : "true";
    } else if (type.isUnsignedInteger() || llvm::isa<emitc::SizeTType>(type)) {
      uint64_t v = attr.getValue().getZExtValue();
      text = std::to_string(v);
      if (v > 0x7fffffffu)
        text += "u";
    } else {
      text = std::to_string(attr.getValue().getSExtValue());
    }
    rewriter.replaceOpWithNewOp<emitc::LiteralOp>(op, type, text);
    return success();
  }
};

template <typename ArithOp, typename EmitCOp>
struct UnsignedBinaryPattern : OpConversionPattern<ArithOp> {
  UnsignedBinaryPattern(const TypeConverter &converter, MLIRContext *ctx,
                        const KernelNames &names, PatternBenefit benefit = 1)
      : OpConversionPattern<ArithOp>(converter, ctx, benefit), names(names) {}
  LogicalResult
  matchAndRewrite(ArithOp op, typename ArithOp::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type type = this->getTypeConverter()->convertType(op.getType());
    if (!type || !type.isUnsignedInteger())
      return failure();
    Value result =
        EmitCOp::create(rewriter, op.getLoc(), type, adaptor.getLhs(), adaptor.getRhs());
    replaceNamed(op, result, names, rewriter);
    return success();
  }
  const KernelNames &names;
};

/// Signed i32 operations: computed on int32_t, converted back to uint32_t.
template <typename ArithOp, typename EmitCOp>
struct SignedBinaryPattern : OpConversionPattern<ArithOp> {
  SignedBinaryPattern(const TypeConverter &converter, MLIRContext *ctx,
                      const KernelNames &names, PatternBenefit benefit = 1)
      : OpConversionPattern<ArithOp>(converter, ctx, benefit), names(names) {}
  LogicalResult
  matchAndRewrite(ArithOp op, typename ArithOp::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type type = this->getTypeConverter()->convertType(op.getType());
    if (!type || !type.isUnsignedInteger())
      return failure();
    Type signedType = op.getType();
    Location loc = op.getLoc();
    Value lhs = emitc::CastOp::create(rewriter, loc, signedType, adaptor.getLhs());
    Value rhs = emitc::CastOp::create(rewriter, loc, signedType, adaptor.getRhs());
    Value result = EmitCOp::create(rewriter, loc, signedType, lhs, rhs);
    replaceNamed(op, emitc::CastOp::create(rewriter, loc, type, result), names,
                 rewriter);
    return success();
  }
  const KernelNames &names;
};

struct CmpIPattern : OpConversionPattern<arith::CmpIOp> {
  CmpIPattern(const TypeConverter &converter, MLIRContext *ctx,
              const KernelNames &names, PatternBenefit benefit = 1)
      : OpConversionPattern(converter, ctx, benefit), names(names) {}
  LogicalResult
  matchAndRewrite(arith::CmpIOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type operandType =
        getTypeConverter()->convertType(op.getLhs().getType());
    if (!operandType || !operandType.isUnsignedInteger())
      return failure();
    using P = arith::CmpIPredicate;
    emitc::CmpPredicate predicate = emitc::CmpPredicate::eq;
    bool isSigned = false;
    switch (op.getPredicate()) {
    case P::eq: predicate = emitc::CmpPredicate::eq; break;
    case P::ne: predicate = emitc::CmpPredicate::ne; break;
    case P::ult: predicate = emitc::CmpPredicate::lt; break;
    case P::ule: predicate = emitc::CmpPredicate::le; break;
    case P::ugt: predicate = emitc::CmpPredicate::gt; break;
    case P::uge: predicate = emitc::CmpPredicate::ge; break;
    case P::slt: predicate = emitc::CmpPredicate::lt; isSigned = true; break;
    case P::sle: predicate = emitc::CmpPredicate::le; isSigned = true; break;
    case P::sgt: predicate = emitc::CmpPredicate::gt; isSigned = true; break;
    case P::sge: predicate = emitc::CmpPredicate::ge; isSigned = true; break;
    }
    Value lhs = adaptor.getLhs(), rhs = adaptor.getRhs();
    if (isSigned) {
      Type signedType = op.getLhs().getType();
      lhs = emitc::CastOp::create(rewriter, op.getLoc(), signedType, lhs);
      rhs = emitc::CastOp::create(rewriter, op.getLoc(), signedType, rhs);
    }
    Value result = emitc::CmpOp::create(rewriter, op.getLoc(),
                                        rewriter.getI1Type(), predicate, lhs,
                                        rhs);
    replaceNamed(op, result, names, rewriter);
    return success();
  }
  const KernelNames &names;
};

/// `a && b` / `a || b` on conditions.
template <typename ArithOp, typename EmitCOp>
struct ConditionPattern : OpConversionPattern<ArithOp> {
  ConditionPattern(const TypeConverter &converter, MLIRContext *ctx,
                   const KernelNames &names, PatternBenefit benefit = 1)
      : OpConversionPattern<ArithOp>(converter, ctx, benefit), names(names) {}
  LogicalResult
  matchAndRewrite(ArithOp op, typename ArithOp::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!op.getType().isInteger(1))
      return failure();
    Value result = EmitCOp::create(rewriter, op.getLoc(), op.getType(),
                                   adaptor.getLhs(), adaptor.getRhs());
    replaceNamed(op, result, names, rewriter);
    return success();
  }
  const KernelNames &names;
};

/// A condition as a uint32_t argument (0 or 1).
struct ExtUIConditionPattern : OpConversionPattern<arith::ExtUIOp> {
  ExtUIConditionPattern(const TypeConverter &converter, MLIRContext *ctx,
                        const KernelNames &names, PatternBenefit benefit = 1)
      : OpConversionPattern(converter, ctx, benefit), names(names) {}
  LogicalResult
  matchAndRewrite(arith::ExtUIOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type type = getTypeConverter()->convertType(op.getType());
    if (!op.getIn().getType().isInteger(1) || !type)
      return failure();
    replaceNamed(op,
                 emitc::CastOp::create(rewriter, op.getLoc(), type,
                                       adaptor.getIn()),
                 names, rewriter);
    return success();
  }
  const KernelNames &names;
};

/// `a < b ? a : b` and `a > b ? a : b` on uint32_t.
template <typename ArithOp, emitc::CmpPredicate Predicate>
struct UnsignedMinMaxPattern : OpConversionPattern<ArithOp> {
  UnsignedMinMaxPattern(const TypeConverter &converter, MLIRContext *ctx,
                        const KernelNames &names, PatternBenefit benefit = 1)
      : OpConversionPattern<ArithOp>(converter, ctx, benefit), names(names) {}
  LogicalResult
  matchAndRewrite(ArithOp op, typename ArithOp::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type type = this->getTypeConverter()->convertType(op.getType());
    if (!type || !type.isUnsignedInteger())
      return failure();
    Value cond = emitc::CmpOp::create(rewriter, op.getLoc(),
                                      rewriter.getI1Type(), Predicate,
                                      adaptor.getLhs(), adaptor.getRhs());
    replaceNamed(op,
                 emitc::ConditionalOp::create(rewriter, op.getLoc(), type, cond,
                                              adaptor.getLhs(),
                                              adaptor.getRhs()),
                 names, rewriter);
    return success();
  }
  const KernelNames &names;
};

} // namespace

void emitc_kernel::populateUnsignedArithPatterns(const TypeConverter &converter,
                                   RewritePatternSet &patterns,
                                   const KernelNames &names) {
  MLIRContext *ctx = patterns.getContext();
  PatternBenefit high(2);
  patterns.add<UnsignedBinaryPattern<arith::AddIOp, emitc::AddOp>,
               UnsignedBinaryPattern<arith::SubIOp, emitc::SubOp>,
               UnsignedBinaryPattern<arith::MulIOp, emitc::MulOp>,
               UnsignedBinaryPattern<arith::DivUIOp, emitc::DivOp>,
               UnsignedBinaryPattern<arith::RemUIOp, emitc::RemOp>,
               UnsignedBinaryPattern<arith::AndIOp, emitc::BitwiseAndOp>,
               UnsignedBinaryPattern<arith::OrIOp, emitc::BitwiseOrOp>,
               UnsignedBinaryPattern<arith::XOrIOp, emitc::BitwiseXorOp>,
               UnsignedBinaryPattern<arith::ShLIOp, emitc::BitwiseLeftShiftOp>,
               UnsignedBinaryPattern<arith::ShRUIOp, emitc::BitwiseRightShiftOp>,
               SignedBinaryPattern<arith::DivSIOp, emitc::DivOp>,
               SignedBinaryPattern<arith::RemSIOp, emitc::RemOp>,
               SignedBinaryPattern<arith::ShRSIOp, emitc::BitwiseRightShiftOp>,
               CmpIPattern,
               ConditionPattern<arith::AndIOp, emitc::LogicalAndOp>,
               ConditionPattern<arith::OrIOp, emitc::LogicalOrOp>,
               ExtUIConditionPattern>(converter, ctx, names, high);
  patterns.add<UnsignedMinMaxPattern<arith::MinUIOp, emitc::CmpPredicate::lt>,
               UnsignedMinMaxPattern<arith::MaxUIOp, emitc::CmpPredicate::gt>>(
      converter, ctx, names, high);
  patterns.add<ConstantPattern>(converter, ctx, high);
}

