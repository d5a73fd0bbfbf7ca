//===- MatmulToKernel.cpp - tl.matmul to the tl kernel form ---------------===//
#include "TTDialect/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::tt {
#define GEN_PASS_DEF_TLMATMULTOKERNEL
#include "TTDialect/Transforms/Passes.h.inc"
} // namespace mlir::tt

using namespace mlir;
using namespace mlir::tt;

namespace {
struct MatmulToKernel : OpRewritePattern<tl::MatmulOp> {
  MatmulToKernel(MLIRContext *ctx, int64_t blockM, int64_t blockN,
                 int64_t blockK, int64_t stages)
      : OpRewritePattern(ctx), blockM(blockM), blockN(blockN), blockK(blockK),
        stages(stages) {}

  LogicalResult matchAndRewrite(tl::MatmulOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    // Partial tiles are zero padding (tl.copy reads 0 there and drops
    // stores): the blocks cover the padded extents, and zeros along K add
    // nothing to the product.
    tl::MatmulShape shape = op.getShape();
    int64_t m = tl::paddedToTiles(shape.m), k = tl::paddedToTiles(shape.k),
            n = tl::paddedToTiles(shape.n);
    bool transposeA = op.getTransposeA(), transposeB = op.getTransposeB();
    Type inElem = op.getA().getType().getElementType();
    auto shared = tl::MemoryScopeAttr::get(getContext(), tl::MemoryScope::Shared);
    auto fragment =
        tl::MemoryScopeAttr::get(getContext(), tl::MemoryScope::Fragment);
    // Shared blocks hold a region of the operand as it is stored (as
    // TileLang's `transpose_B=True` GEMM declares B_shared[block_N, block_K]);
    // the gemm applies the transposes.
    auto stored = [&](int64_t rows, int64_t cols, bool transposed) {
      return transposed ? SmallVector<int64_t>{cols, rows}
                        : SmallVector<int64_t>{rows, cols};
    };
    auto aShared = MemRefType::get(stored(blockM, blockK, transposeA), inElem,
                                   nullptr, shared);
    auto bShared = MemRefType::get(stored(blockK, blockN, transposeB), inElem,
                                   nullptr, shared);
    auto cLocal = MemRefType::get({blockM, blockN}, rewriter.getF32Type(),
                                  nullptr, fragment);

    auto constant = [&](int64_t v) -> Value {
      return arith::ConstantIndexOp::create(rewriter, loc, v);
    };
    Value bm = constant(blockM), bn = constant(blockN), bk = constant(blockK);
    // T.Kernel(ceildiv(N, block_N), ceildiv(M, block_M)) as (bx, by)
    // The blocks cover C and the K loop covers K: the whole product, which
    // the host program checks as C = A * B of the function's first three
    // arguments.
    // (A batch sharing B reads its A and C as stacked views of them.)
    auto isArg = [&](Value v, unsigned index) {
      if (auto stacked = v.getDefiningOp<memref::CollapseShapeOp>())
        v = stacked.getSrc();
      auto arg = llvm::dyn_cast<BlockArgument>(v);
      return arg && arg.getArgNumber() == index &&
             llvm::isa<func::FuncOp>(arg.getOwner()->getParentOp());
    };
    bool whole = isArg(op.getA(), 0) && isArg(op.getB(), 1) &&
                 isArg(op.getC(), 2);
    // A block size that does not divide its dimension leaves an edge block
    // reaching past it: tl.copy reads zeros there and drops stores.
    // A batch is the grid's third extent: T.Kernel(..., batch) as
    // (bx, by, bz), matrix bz of every batched operand.
    SmallVector<int64_t, 3> grid{int64_t(llvm::divideCeil(n, blockN)),
                                 int64_t(llvm::divideCeil(m, blockM))};
    bool batched = op.getC().getType().getRank() == 3;
    if (batched)
      grid.push_back(op.getBatch());
    auto kernel = tl::KernelOp::create(rewriter, loc, grid, whole);
    OpBuilder::InsertionGuard guard(rewriter);
    rewriter.setInsertionPointToStart(&kernel.getBodyBlock());
    Value bx = kernel.getBlockIndices()[0], by = kernel.getBlockIndices()[1];
    Value bz = batched ? kernel.getBlockIndices()[2] : Value();
    // The region's start in `buffer`: with its matrix first when batched.
    auto at = [&](Value buffer, SmallVector<Value> rowCol) {
      if (llvm::cast<MemRefType>(buffer.getType()).getRank() == 3)
        rowCol.insert(rowCol.begin(), bz);
      return rowCol;
    };
    Value aBuf = tl::AllocSharedOp::create(rewriter, loc, aShared);
    Value bBuf = tl::AllocSharedOp::create(rewriter, loc, bShared);
    Value cBuf = tl::AllocFragmentOp::create(rewriter, loc, cLocal);
    Value row = arith::MulIOp::create(rewriter, loc, by, bm);
    Value col = arith::MulIOp::create(rewriter, loc, bx, bn);
    // C = A * B starts from zero, C += A * B from C's block (TileLang's
    // T.copy(C[...], C_local) in place of T.clear).
    if (op.getAccumulate())
      tl::CopyOp::create(rewriter, loc, op.getC(), at(op.getC(), {row, col}),
                         cBuf, ValueRange{});
    else
      tl::ClearOp::create(rewriter, loc, cBuf);
    auto loop = tl::PipelinedOp::create(
        rewriter, loc, int64_t(llvm::divideCeil(k, blockK)), stages);
    {
      OpBuilder::InsertionGuard loopGuard(rewriter);
      rewriter.setInsertionPointToStart(&loop.getBodyBlock());
      Value kk = arith::MulIOp::create(rewriter, loc, loop.getInductionVar(), bk);
      auto region = [](Value r, Value c, bool transposed) {
        return transposed ? SmallVector<Value>{c, r} : SmallVector<Value>{r, c};
      };
      tl::CopyOp::create(rewriter, loc, op.getA(),
                         at(op.getA(), region(row, kk, transposeA)), aBuf,
                         ValueRange{});
      tl::CopyOp::create(rewriter, loc, op.getB(),
                         at(op.getB(), region(kk, col, transposeB)), bBuf,
                         ValueRange{});
      tl::GemmOp::create(rewriter, loc, aBuf, bBuf, cBuf, transposeA,
                         transposeB);
    }
    // The epilogue, on the fragment between the K loop and the store.
    if (Value bias = op.getBias())
      tl::AddBiasOp::create(rewriter, loc, bias, col, cBuf);
    if (ArrayAttr steps = op.getEpilogueAttr())
      for (Attribute step : steps) {
        if (auto activation = llvm::dyn_cast<tl::ActivationAttr>(step))
          tl::ActivationOp::create(rewriter, loc, activation, cBuf);
        else
          tl::ScaleOp::create(rewriter, loc, cBuf,
                              llvm::cast<tl::ScaleAttr>(step).getFactor());
      }
    tl::CopyOp::create(rewriter, loc, cBuf, ValueRange{}, op.getC(),
                       at(op.getC(), {row, col}));
    rewriter.eraseOp(op);
    return success();
  }

  int64_t blockM, blockN, blockK, stages;
};

struct TLMatmulToKernelPass
    : tt::impl::TLMatmulToKernelBase<TLMatmulToKernelPass> {
  using Base::Base;

  /// Diagnoses what the Tenstorrent lowering cannot take yet.
  LogicalResult check(tl::MatmulOp op) {
    if (!llvm::isa<func::FuncOp>(op->getParentOp()))
      return op.emitOpError()
             << "must sit directly in its function's body, not inside '"
             << op->getParentOp()->getName()
             << "': the Tenstorrent lowering compiles one whole matmul per "
                "function (call the function in a loop instead)";
    tl::MatmulShape shape = op.getShape();
    struct Dim {
      const char *name;
      int64_t size, block;
    } dims[] = {{"M", shape.m, blockM}, {"K", shape.k, blockK},
                {"N", shape.n, blockN}};
    for (const Dim &d : dims) {
      if (d.block == 0)
        continue; // not given: reported below, after the real errors
      if (d.block < 0 || d.block % tl::kTileSize != 0)
        return op.emitOpError() << "block size for " << d.name << " ("
                                << d.block << ") must be a positive multiple of "
                                << tl::kTileSize;
    }
    for (const Dim &d : dims)
      if (d.block == 0)
        return op.emitOpError()
               << "has no block size for " << d.name
               << ": give one (block-m, block-n, block-k) or run "
                  "tt-select-schedule first";
    // (int64_t: streaming the option itself prints it as a character.)
    if (int64_t(numStages) < 1)
      return op.emitError() << "the K loop needs at least 1 stage (option "
                               "stages), got "
                            << int64_t(numStages);
    return success();
  }

  void runOnOperation() override {
    // The blocks tt-select-schedule chose win over the options.
    if (auto chosen = getOperation()->getAttrOfType<ScheduleAttr>(
            TTDialect::kScheduleAttrName)) {
      blockM = chosen.getBlockM();
      blockN = chosen.getBlockN();
      blockK = chosen.getBlockK();
    }
    bool ok = true;
    getOperation().walk([&](tl::MatmulOp op) { ok &= succeeded(check(op)); });
    if (!ok)
      return signalPassFailure();
    RewritePatternSet patterns(&getContext());
    patterns.add<MatmulToKernel>(&getContext(), blockM, blockN, blockK,
                                 numStages);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
