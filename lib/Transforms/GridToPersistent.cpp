//===- GridToPersistent.cpp - block grid to a per-core loop ---------------===//
#include "TTDialect/Transforms/LoopUtils.h"
#include "TTDialect/Transforms/Passes.h"

#include "mlir/IR/PatternMatch.h"

namespace mlir::tt {
#define GEN_PASS_DEF_TTGRIDTOPERSISTENT
#include "TTDialect/Transforms/Passes.h.inc"
} // namespace mlir::tt

using namespace mlir;
using namespace mlir::tt;

namespace {
struct TTGridToPersistentPass
    : tt::impl::TTGridToPersistentBase<TTGridToPersistentPass> {
  void runOnOperation() override {
    func::FuncOp func = getOperation();
    auto walkResult = func.walk([&](tl::KernelOp kernel) {
      if (failed(convert(kernel)))
        return WalkResult::interrupt();
      return WalkResult::advance();
    });
    if (walkResult.wasInterrupted())
      signalPassFailure();
  }

  LogicalResult convert(tl::KernelOp kernel) {
    if (kernel.getGrid().size() != 2)
      return kernel.emitOpError("expects a 2-D grid");
    IRRewriter rewriter(kernel);
    Location loc = kernel.getLoc();
    Type i32 = rewriter.getI32Type();
    // Name the work units for what they are: tiles, or blocks of tiles.
    bool blocks = false;
    kernel.walk([&](tl::AllocFragmentOp fragment) {
      blocks |= fragment.getType().getNumElements() > tl::kTileSize * tl::kTileSize;
    });
    auto tileRange = CoreTileRangeOp::create(rewriter, loc, i32, i32, blocks);
    Value gridX = RuntimeParamOp::create(rewriter, loc, i32, "grid_x",
                                         kernel.getGrid()[0]);
    Value one = arith::ConstantIntOp::create(rewriter, loc, i32, 1);
    Value end = arith::AddIOp::create(rewriter, loc, tileRange.getStart(),
                                      tileRange.getCount());
    auto loop =
        scf::ForOp::create(rewriter, loc, tileRange.getStart(), end, one);
    loop->setAttr(tl::kPersistentAttrName, rewriter.getUnitAttr());
    setCppName(loop, blocks ? "block" : "tile");
    loop->setAttr(TTDialect::kCommentAttrName,
                  rewriter.getStringAttr("For each output block this core owns "
                                         "(row-major block ids)"));
    rewriter.setInsertionPointToStart(loop.getBody());
    Value tile = loop.getInductionVar();
    // Row-major tile ids: t = by * grid_x + bx.
    // Named, so each kernel computes them once per output block.
    auto bx = arith::RemUIOp::create(rewriter, loc, tile, gridX);
    auto by = arith::DivUIOp::create(rewriter, loc, tile, gridX);
    setCppName(bx, "out_col");
    setCppName(by, "out_row");
    Value bxIndex = arith::IndexCastUIOp::create(rewriter, loc,
                                                 rewriter.getIndexType(), bx);
    Value byIndex = arith::IndexCastUIOp::create(rewriter, loc,
                                                 rewriter.getIndexType(), by);
    rewriter.inlineBlockBefore(&kernel.getBodyBlock(),
                               loop.getBody()->getTerminator(),
                               ValueRange{bxIndex, byIndex});
    rewriter.eraseOp(kernel);
    return success();
  }
};
} // namespace
