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
    ArrayRef<int64_t> grid = kernel.getGrid();
    if (grid.size() != 2 && grid.size() != 3)
      return kernel.emitOpError(
          "expects a 2-D grid, or a 3-D grid whose third extent is a batch");
    func::FuncOp func = kernel->getParentOfType<func::FuncOp>();
    auto split =
        func->getAttrOfType<WorkSplitAttr>(TTDialect::kWorkSplitAttrName);
    int64_t batch = grid.size() == 3 ? grid[2] : 1;
    int64_t blocksPerMatrix = grid[0] * grid[1];
    // The split's units are every block of every matrix (each core owns some
    // of them), or the blocks of one matrix (a core computes its block of
    // each matrix in turn: the multicast schedule, whose cores of a row and
    // column must step through the batch together).
    bool batchLoop = false;
    if (batch > 1) {
      if (!split)
        return kernel.emitOpError()
               << "a batched grid needs the function's work split ("
               << TTDialect::kWorkSplitAttrName
               << ") to say how blocks go to cores: run tt-infer-schedule "
                  "first";
      if (split.getUnits() == uint64_t(blocksPerMatrix))
        batchLoop = true;
      else if (split.getUnits() != uint64_t(blocksPerMatrix * batch))
        return kernel.emitOpError()
               << "the work split has " << split.getUnits()
               << " units, neither the " << blocksPerMatrix
               << " blocks of one matrix nor the " << blocksPerMatrix * batch
               << " blocks of the batch";
    }
    // Only a tl.kernel may hold tl ops: its body must be in tt terms.
    Operation *tlOp = nullptr;
    kernel.getBodyBlock().walk([&](Operation *op) {
      if (!tlOp && llvm::isa<tl::TLDialect>(op->getDialect()))
        tlOp = op;
    });
    if (tlOp)
      return tlOp->emitOpError()
             << "is still in the grid's body: run tt-lower-memory-space "
                "before tt-grid-to-persistent (the block loop holds tt ops "
                "only)";
    // The block the kernel stores: the work units are tiles, or blocks of
    // tiles.
    WriteTilesOp store;
    kernel.walk([&](WriteTilesOp op) { store = op; });
    bool blocks = store && store.getRows() * store.getCols() > 1;
    IRRewriter rewriter(kernel);
    Location loc = kernel.getLoc();
    Type i32 = rewriter.getI32Type();
    Type index = rewriter.getIndexType();
    auto tileRange = CoreTileRangeOp::create(rewriter, loc, i32, i32, blocks);
    // One-tile-wide blocks over the whole of C: there are as many block
    // columns as C has tile columns, so the kernels get C's `Nt` once rather
    // than two arguments that always agree.
    Value gridX;
    if (kernel.getWholeMatmul() && store && store.getCols() == 1)
      if (auto perRow = store.getTilesPerRow().getDefiningOp<RuntimeParamOp>())
        if (perRow.getValue() == uint64_t(grid[0]))
          gridX = perRow;
    if (!gridX)
      gridX = RuntimeParamOp::create(rewriter, loc, i32, "grid_x", grid[0]);
    Value gridY, matrices;
    if (batch > 1 && !batchLoop)
      gridY = RuntimeParamOp::create(rewriter, loc, i32, "grid_y", grid[1]);
    if (batchLoop)
      matrices = RuntimeParamOp::create(rewriter, loc, i32, "batch", batch);
    Value one = arith::ConstantIntOp::create(rewriter, loc, i32, 1);
    Value end = arith::AddIOp::create(rewriter, loc, tileRange.getStart(),
                                      tileRange.getCount());
    auto loop =
        scf::ForOp::create(rewriter, loc, tileRange.getStart(), end, one);
    setCppName(loop, blocks ? "block" : "tile");
    loop->setAttr(TTDialect::kCommentAttrName,
                  rewriter.getStringAttr(
                      batch > 1 && !batchLoop
                          ? "For each output block this core owns (row-major "
                            "block ids, matrix by matrix)"
                          : "For each output block this core owns "
                            "(row-major block ids)"));
    rewriter.setInsertionPointToStart(loop.getBody());
    Value tile = loop.getInductionVar();
    // Row-major block ids: t = (bz * grid_y + by) * grid_x + bx.
    // Named, so each kernel computes them once per output block.
    auto bx = arith::RemUIOp::create(rewriter, loc, tile, gridX);
    Value by = arith::DivUIOp::create(rewriter, loc, tile, gridX);
    Value bz;
    if (gridY) {
      // The block's row among the rows of every matrix, stacked.
      Value rest = by;
      setCppName(rest.getDefiningOp(), "out_row_in_batch");
      by = arith::RemUIOp::create(rewriter, loc, rest, gridY);
      bz = arith::DivUIOp::create(rewriter, loc, rest, gridY);
      setCppName(bz.getDefiningOp(), "out_matrix");
    }
    setCppName(bx, "out_col");
    setCppName(by.getDefiningOp(), "out_row");
    SmallVector<Value, 3> indices{
        arith::IndexCastUIOp::create(rewriter, loc, index, bx),
        arith::IndexCastUIOp::create(rewriter, loc, index, by)};
    Operation *bodyEnd = loop.getBody()->getTerminator();
    if (batchLoop) {
      // The core's block of each matrix of the batch, in order.
      Value zero = arith::ConstantIntOp::create(rewriter, loc, i32, 0);
      auto matrixLoop = scf::ForOp::create(rewriter, loc, zero, matrices, one);
      setCppName(matrixLoop, "matrix");
      setComment(matrixLoop, "For each matrix of the batch");
      rewriter.setInsertionPointToStart(matrixLoop.getBody());
      bz = matrixLoop.getInductionVar();
      bodyEnd = matrixLoop.getBody()->getTerminator();
    }
    if (bz)
      indices.push_back(arith::IndexCastUIOp::create(rewriter, loc, index, bz));
    else if (grid.size() == 3) // a batch of one
      indices.push_back(arith::ConstantIndexOp::create(rewriter, loc, 0));
    // The body computes with its block indices as uint32_t: it gets the
    // i32 coordinates themselves.
    SmallVector<Value, 3> coords{bx, by};
    if (bz)
      coords.push_back(bz);
    else if (grid.size() == 3)
      coords.push_back(arith::ConstantIntOp::create(rewriter, loc, i32, 0));
    for (auto [blockIndex, coord] :
         llvm::zip(kernel.getBlockIndices(), coords))
      for (Operation *user :
           llvm::make_early_inc_range(blockIndex.getUsers()))
        if (llvm::isa<arith::IndexCastUIOp, arith::IndexCastOp>(user) &&
            user->getResult(0).getType() == i32)
          rewriter.replaceOp(user, coord);
    rewriter.inlineBlockBefore(&kernel.getBodyBlock(), bodyEnd, indices);
    rewriter.eraseOp(kernel);
    // Casts of the block indices nothing computes with.
    for (Value value : llvm::concat<Value>(indices, llvm::drop_begin(coords, 2)))
      if (value.use_empty() && value != bz)
        rewriter.eraseOp(value.getDefiningOp());
    return success();
  }
};
} // namespace
