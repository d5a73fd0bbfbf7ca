//===- FuseLinalgEpilogue.cpp - element-wise linalg into tl.matmul --------===//
//
// Recognizes what an element-wise payload computes by evaluating it, so that
// every spelling of an activation (maximumf or a select for relu, the tanh
// or erf form of GELU, in any association) maps to the one the compute
// kernel applies.
//
//===----------------------------------------------------------------------===//
#include "TTDialect/Conversion/Passes.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MathExtras.h"

#include <cmath>

namespace mlir::tt {
#define GEN_PASS_DEF_TLFUSELINALGEPILOGUE
#include "TTDialect/Conversion/Passes.h.inc"
} // namespace mlir::tt

using namespace mlir;

namespace {
/// What a payload block argument stands for.
enum class Role { Accumulator, Bias };

/// The payload's value for one accumulator value `x` and bias value `bias`,
/// in double precision, or failure naming the op it cannot evaluate.
FailureOr<double> evaluate(Block &payload, ArrayRef<Role> roles, double x,
                           double bias, Operation *&unsupported) {
  DenseMap<Value, double> values;
  for (auto [arg, role] : llvm::zip(payload.getArguments(), roles))
    values[arg] = role == Role::Accumulator ? x : bias;
  auto get = [&](Value v) { return values.lookup(v); };
  for (Operation &op : payload) {
    if (auto yield = llvm::dyn_cast<linalg::YieldOp>(op))
      return get(yield.getValues()[0]);
    double r;
    if (auto c = llvm::dyn_cast<arith::ConstantOp>(op)) {
      auto f = llvm::dyn_cast<FloatAttr>(c.getValue());
      if (!f) {
        unsupported = &op;
        return failure();
      }
      r = f.getValueAsDouble();
    } else if (llvm::isa<arith::AddFOp>(op)) {
      r = get(op.getOperand(0)) + get(op.getOperand(1));
    } else if (llvm::isa<arith::SubFOp>(op)) {
      r = get(op.getOperand(0)) - get(op.getOperand(1));
    } else if (llvm::isa<arith::MulFOp>(op)) {
      r = get(op.getOperand(0)) * get(op.getOperand(1));
    } else if (llvm::isa<arith::DivFOp>(op)) {
      r = get(op.getOperand(0)) / get(op.getOperand(1));
    } else if (llvm::isa<arith::NegFOp>(op)) {
      r = -get(op.getOperand(0));
    } else if (llvm::isa<arith::MaximumFOp, arith::MaxNumFOp>(op)) {
      r = std::max(get(op.getOperand(0)), get(op.getOperand(1)));
    } else if (llvm::isa<arith::MinimumFOp, arith::MinNumFOp>(op)) {
      r = std::min(get(op.getOperand(0)), get(op.getOperand(1)));
    } else if (llvm::isa<arith::ExtFOp, arith::TruncFOp>(op)) {
      r = get(op.getOperand(0)); // the kernel computes in fp32 DST
    } else if (auto cmp = llvm::dyn_cast<arith::CmpFOp>(op)) {
      double a = get(cmp.getLhs()), b = get(cmp.getRhs());
      using P = arith::CmpFPredicate;
      switch (cmp.getPredicate()) {
      case P::OGT: case P::UGT: r = a > b; break;
      case P::OGE: case P::UGE: r = a >= b; break;
      case P::OLT: case P::ULT: r = a < b; break;
      case P::OLE: case P::ULE: r = a <= b; break;
      case P::OEQ: case P::UEQ: r = a == b; break;
      case P::ONE: case P::UNE: r = a != b; break;
      default:
        unsupported = &op;
        return failure();
      }
    } else if (auto select = llvm::dyn_cast<arith::SelectOp>(op)) {
      r = get(select.getCondition()) != 0 ? get(select.getTrueValue())
                                          : get(select.getFalseValue());
    } else if (llvm::isa<math::ExpOp>(op)) {
      r = std::exp(get(op.getOperand(0)));
    } else if (llvm::isa<math::TanhOp>(op)) {
      r = std::tanh(get(op.getOperand(0)));
    } else if (llvm::isa<math::ErfOp>(op)) {
      r = std::erf(get(op.getOperand(0)));
    } else if (llvm::isa<math::SqrtOp>(op)) {
      r = std::sqrt(get(op.getOperand(0)));
    } else if (llvm::isa<math::RsqrtOp>(op)) {
      r = 1.0 / std::sqrt(get(op.getOperand(0)));
    } else if (llvm::isa<math::AbsFOp>(op)) {
      r = std::fabs(get(op.getOperand(0)));
    } else if (llvm::isa<math::FmaOp>(op)) {
      r = get(op.getOperand(0)) * get(op.getOperand(1)) + get(op.getOperand(2));
    } else {
      unsupported = &op;
      return failure();
    }
    values[op.getResult(0)] = r;
  }
  unsupported = payload.getParentOp();
  return failure();
}

double activation(tl::Activation kind, double x) {
  switch (kind) {
  case tl::Activation::Relu:
    return x > 0 ? x : 0.0;
  case tl::Activation::Gelu:
    return 0.5 * x * std::erfc(-x / std::sqrt(2.0));
  case tl::Activation::GeluTanh:
    return x / (1.0 + std::exp(-2.0 * std::sqrt(2.0 / llvm::numbers::pi) *
                               (x + 0.044715 * x * x * x)));
  case tl::Activation::Silu:
    return x / (1.0 + std::exp(-x));
  case tl::Activation::Sigmoid:
    return 1.0 / (1.0 + std::exp(-x));
  case tl::Activation::Tanh:
    return std::tanh(x);
  case tl::Activation::Exp:
    return std::exp(x);
  case tl::Activation::GeluFast:
    break; // a table no payload spells: never matched by value
  }
  llvm_unreachable("unknown activation");
}

/// Accumulator values the payload is compared at: both signs, around the
/// activations' bends, and large enough to tell saturating functions apart.
constexpr double kSamples[] = {-9.5, -6.25, -4.0,  -3.0, -2.2, -1.6, -1.1,
                               -0.75, -0.5, -0.3,  -0.1, 0.0,  0.05, 0.2,
                               0.45, 0.8,  1.3,   1.9,  2.6,  3.5,  5.0,
                               7.75, 10.5};

bool close(double a, double b) {
  if (std::isnan(a) || std::isnan(b))
    return false;
  return std::fabs(a - b) <= 1e-9 + 1e-6 * std::max(std::fabs(a), std::fabs(b));
}

/// The steps `f` matches: one of f(x) = act(x), s * x, act(s * x),
/// s * act(x), for the activations and for `s` among the payload's
/// constants (and their reciprocals, for divisions).
std::optional<SmallVector<Attribute>>
matchSteps(MLIRContext *ctx, function_ref<FailureOr<double>(double)> f,
           ArrayRef<double> constants) {
  auto matches = [&](function_ref<double(double)> g) {
    for (double x : kSamples) {
      FailureOr<double> v = f(x);
      if (failed(v) || !close(*v, g(x)))
        return false;
    }
    return true;
  };
  auto act = [&](tl::Activation kind) -> Attribute {
    return tl::ActivationAttr::get(ctx, kind);
  };
  auto scale = [&](double s) -> Attribute {
    return tl::ScaleAttr::get(
        ctx, FloatAttr::get(Float32Type::get(ctx), static_cast<float>(s)));
  };
  if (matches([](double x) { return x; }))
    return SmallVector<Attribute>{};
  constexpr tl::Activation kinds[] = {
      tl::Activation::Relu,    tl::Activation::Gelu, tl::Activation::GeluTanh,
      tl::Activation::Silu,    tl::Activation::Sigmoid, tl::Activation::Tanh,
      tl::Activation::Exp};
  for (tl::Activation kind : kinds)
    if (matches([&](double x) { return activation(kind, x); }))
      return SmallVector<Attribute>{act(kind)};
  SmallVector<double> factors;
  for (double c : constants)
    if (c != 0 && std::isfinite(c) && std::isfinite(1.0 / c))
      factors.append({c, 1.0 / c});
  for (double s : factors) {
    // (The kernel multiplies by the f32 constant.)
    double sf = static_cast<float>(s);
    if (matches([&](double x) { return sf * x; }))
      return SmallVector<Attribute>{scale(s)};
    for (tl::Activation kind : kinds) {
      if (matches([&](double x) { return activation(kind, sf * x); }))
        return SmallVector<Attribute>{scale(s), act(kind)};
      if (matches([&](double x) { return sf * activation(kind, x); }))
        return SmallVector<Attribute>{act(kind), scale(s)};
    }
  }
  return std::nullopt;
}

struct TLFuseLinalgEpiloguePass
    : tt::impl::TLFuseLinalgEpilogueBase<TLFuseLinalgEpiloguePass> {
  /// Fuses `op` into `matmul`: success, failure with a diagnostic, or
  /// std::nullopt when `op` is not an in-place element-wise op on C (the
  /// fusion stops there).
  std::optional<LogicalResult> fuse(tl::MatmulOp matmul, linalg::LinalgOp op) {
    Value c = matmul.getC();
    auto cType = llvm::cast<MemRefType>(c.getType());
    if (!op.hasPureBufferSemantics() || op.getNumDpsInits() != 1 ||
        op.getDpsInitOperand(0)->get() != c ||
        op.getNumLoops() != unsigned(cType.getRank()) ||
        op.getNumParallelLoops() != op.getNumLoops() ||
        !op.getMatchingIndexingMap(op.getDpsInitOperand(0)).isIdentity())
      return std::nullopt;
    // Inputs: C itself, or a vector indexed by the last (column) loop.
    MLIRContext *ctx = &getContext();
    SmallVector<Role> roles;
    Value bias;
    AffineMap columnMap = AffineMap::get(
        op.getNumLoops(), 0,
        getAffineDimExpr(op.getNumLoops() - 1, ctx), ctx);
    for (OpOperand *input : op.getDpsInputOperands()) {
      AffineMap map = op.getMatchingIndexingMap(input);
      if (input->get() == c && map.isIdentity()) {
        roles.push_back(Role::Accumulator);
        continue;
      }
      auto type = llvm::dyn_cast<MemRefType>(input->get().getType());
      if (!bias && type && type.getRank() == 1 && map == columnMap) {
        bias = input->get();
        roles.push_back(Role::Bias);
        continue;
      }
      std::string mapText;
      llvm::raw_string_ostream(mapText) << map;
      return op.emitOpError()
             << "reads " << input->get().getType() << " with map " << mapText
             << ": an epilogue fused into the matmul reads its result and at "
                "most one bias row (a vector indexed by the column)";
    }
    roles.push_back(Role::Accumulator); // the output's current value
    Block &payload = *op.getBlock();
    SmallVector<double> constants;
    payload.walk([&](arith::ConstantOp constant) {
      if (auto f = llvm::dyn_cast<FloatAttr>(constant.getValue()))
        constants.push_back(f.getValueAsDouble());
    });
    Operation *unsupported = nullptr;
    // With a bias, the payload must be f(x + bias).
    constexpr double kBiasSamples[] = {-2.5, -0.7, 0.0, 0.3, 1.75};
    if (bias)
      for (double x : kSamples)
        for (double b : kBiasSamples) {
          FailureOr<double> withBias = evaluate(payload, roles, x, b, unsupported);
          FailureOr<double> shifted =
              evaluate(payload, roles, x + b, 0.0, unsupported);
          if (failed(withBias) || failed(shifted))
            return op.emitOpError()
                   << "cannot be fused into the matmul's epilogue: '"
                   << unsupported->getName()
                   << "' has no counterpart in the compute kernel";
          if (!close(*withBias, *shifted))
            return op.emitOpError(
                "cannot be fused into the matmul's epilogue: it must add the "
                "bias to the result before anything else (f(x + bias))");
        }
    std::optional<SmallVector<Attribute>> steps = matchSteps(
        ctx,
        [&](double x) { return evaluate(payload, roles, x, 0.0, unsupported); },
        constants);
    if (!steps) {
      InFlightDiagnostic diag =
          op.emitOpError() << "cannot be fused into the matmul's epilogue: ";
      if (unsupported)
        diag << "'" << unsupported->getName()
             << "' has no counterpart in the compute kernel";
      else
        diag << "its payload is none of relu, gelu (erf or tanh form), "
                "silu, sigmoid, tanh, exp, a scaling by one of its "
                "constants, or a scaling with one of them";
      return diag;
    }
    if (bias) {
      if (matmul.getBias())
        return op.emitOpError("adds a second bias to the matmul's result; "
                              "the compute kernel fuses one bias row");
      if (matmul.getEpilogueAttr() && !matmul.getEpilogueAttr().empty())
        return op.emitOpError(
            "adds the bias after other epilogue steps; the compute kernel "
            "adds the bias first (scale the bias instead)");
      if (llvm::cast<MemRefType>(bias.getType()).getDimSize(0) !=
          cType.getDimSize(cType.getRank() - 1))
        return op.emitOpError("the bias must have one value per column of "
                              "the matmul's result");
      matmul.getBiasMutable().assign(bias);
    }
    SmallVector<Attribute> all;
    if (ArrayAttr existing = matmul.getEpilogueAttr())
      all.append(existing.begin(), existing.end());
    all.append(steps->begin(), steps->end());
    matmul.setEpilogueAttr(ArrayAttr::get(ctx, all));
    op->erase();
    return success();
  }

  void runOnOperation() override {
    SmallVector<tl::MatmulOp> matmuls;
    getOperation().walk([&](tl::MatmulOp op) { matmuls.push_back(op); });
    for (tl::MatmulOp matmul : matmuls) {
      while (auto next = llvm::dyn_cast_or_null<linalg::LinalgOp>(
                 matmul->getNextNode())) {
        std::optional<LogicalResult> fused = fuse(matmul, next);
        if (!fused)
          break;
        if (failed(*fused))
          return signalPassFailure();
      }
    }
  }
};
} // namespace
