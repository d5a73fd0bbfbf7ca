//===- LoopUtils.h - i32 loop builders shared by the passes -----*- C++ -*-===//
#ifndef TTDIALECT_TRANSFORMS_LOOPUTILS_H
#define TTDIALECT_TRANSFORMS_LOOPUTILS_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "TTDialect/TT/IR/TTDialect.h"
#include "TTDialect/TT/IR/TTOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::tt {
/// An i32 constant: kernel arithmetic is uint32_t, as in Metalium kernels.
inline Value i32Const(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantIntOp::create(b, loc, b.getI32Type(), v);
}

/// Says what the stage `op` opens (a loop, a group of declarations, a
/// transfer) in a comment above it in the emitted C++ (see
/// TTDialect::kCommentAttrName).
inline void setComment(Operation *op, StringRef comment) {
  op->setAttr(TTDialect::kCommentAttrName,
              StringAttr::get(op->getContext(), comment));
}

/// The comments of the compute kernel's math and pack stages, which two
/// passes create.
inline constexpr llvm::StringLiteral kMathComment =
    "Math: acquire DST, accumulate into it, hand it to the packer";
inline constexpr llvm::StringLiteral kPackComment =
    "Pack: reserve output space, pack DST into it, release DST, publish the "
    "tile";

/// The tile format of a circular buffer value.
inline DataFormat cbFormat(Value cb) {
  return llvm::cast<CircularBufferType>(cb.getType()).getTile().getFormat();
}

/// `matmul_init(in0, in1)`, or `matmul_init(in0, in1, 1)` when in1's tiles
/// are stored transposed: every place that sets the matrix engine up again
/// (after a copy or a transpose) must pass the same flag.
inline void createMatmulInit(OpBuilder &b, Location loc, Value in0, Value in1,
                             bool transposeIn1) {
  MatmulInitOp::create(b, loc, in0, in1,
                       transposeIn1 ? i32Const(b, loc, 1) : Value());
}

/// Names a loop's counter or an op's result in the emitted C++ (see
/// TTDialect::kNameAttrName).
inline void setCppName(Operation *op, StringRef name) {
  op->setAttr(TTDialect::kNameAttrName, StringAttr::get(op->getContext(), name));
}

/// for (name = 0; name < count; ++name) body(name) with i32 bounds. One-trip
/// loops fold away in canonicalization, so callers need not special-case
/// them.
inline void forRange(OpBuilder &b, Location loc, Value count, StringRef name,
                     StringRef comment,
                     function_ref<void(OpBuilder &, Value)> body) {
  auto loop = scf::ForOp::create(b, loc, i32Const(b, loc, 0), count,
                                 i32Const(b, loc, 1));
  setCppName(loop, name);
  if (!comment.empty())
    setComment(loop, comment);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(loop.getBody());
  body(b, loop.getInductionVar());
}

inline void forRange(OpBuilder &b, Location loc, int64_t count, StringRef name,
                     StringRef comment,
                     function_ref<void(OpBuilder &, Value)> body) {
  forRange(b, loc, i32Const(b, loc, count), name, comment, body);
}

inline void forRange(OpBuilder &b, Location loc, int64_t count, StringRef name,
                     function_ref<void(OpBuilder &, Value)> body) {
  forRange(b, loc, count, name, StringRef(), body);
}

/// Removes what no longer contributes to `root`: dead values, loops with
/// empty or single-trip bodies, duplicate constants. Only folding and the scf
/// loop patterns run, so loop structure that is kept stays as written.
inline LogicalResult simplifyLoops(Operation *root) {
  MLIRContext *ctx = root->getContext();
  RewritePatternSet patterns(ctx);
  scf::ForOp::getCanonicalizationPatterns(patterns, ctx);
  scf::IfOp::getCanonicalizationPatterns(patterns, ctx);
  GreedyRewriteConfig config;
  config.setRegionSimplificationLevel(GreedySimplifyRegionLevel::Disabled);
  return applyPatternsGreedily(root, std::move(patterns), config);
}
} // namespace mlir::tt

#endif // TTDIALECT_TRANSFORMS_LOOPUTILS_H
