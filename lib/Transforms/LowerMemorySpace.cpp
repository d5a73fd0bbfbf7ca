//===- LowerMemorySpace.cpp - tile buffers to CBs and DST -----------------===//
#include "TTDialect/Transforms/LoopUtils.h"
#include "TTDialect/Transforms/Passes.h"
#include "TTDialect/Transforms/ScheduleCost.h"

#include "mlir/IR/AffineExpr.h"
#include "mlir/IR/Dominance.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Transforms/DialectConversion.h"
#include "llvm/ADT/MapVector.h"

namespace mlir::tt {
#define GEN_PASS_DEF_TTLOWERMEMORYSPACE
#include "TTDialect/Transforms/Passes.h.inc"
} // namespace mlir::tt

using namespace mlir;
using namespace mlir::tt;

namespace {
constexpr uint32_t kFirstInputCB = 0;
constexpr uint32_t kOutputCB = 16;   // tt-metal's convention for outputs
constexpr uint32_t kPartialsCB = 24; // and for intermediates
constexpr uint32_t kTransposedInputCB = 25;
constexpr uint32_t kInitialOutputCB = 2; // C's block, read for C += A * B
constexpr uint32_t kBiasCB = 3;          // the bias row of a fused epilogue

int64_t tilesOf(MemRefType type) {
  return (type.getDimSize(0) / tl::kTileSize) *
         (type.getDimSize(1) / tl::kTileSize);
}

DataFormat formatOf(Type element) {
  return element.isF32() ? DataFormat::Float32 : DataFormat::Float16_b;
}

/// The i32 form of each block index of the kernel, cast once at the top of
/// its body (tt-grid-to-persistent replaces these casts by the core's i32
/// block coordinates).
using BlockIndexCasts = DenseMap<Value, Value>;

/// What the analysis decided for one function; the patterns only read it.
struct MemoryPlan {
  /// The i32 cast of each block index of the kernel.
  BlockIndexCasts blockIndexCasts;
  /// Each local buffer's circular buffer handle (created at function entry).
  llvm::MapVector<Operation *, Value> cbOf;
  /// `tiles_per_row` parameter of each global buffer a block moves through.
  DenseMap<Value, Value> tilesPerRowOf;
  /// Trip count parameter of the K loop.
  Value kSteps;
  /// Set when the fragment exceeds DST: partial sums spill to `partials`.
  Value partials, out;
  int64_t subblockH = 0, subblockW = 0;
  /// The clear nearest the K loop: the one that takes effect (earlier clears
  /// of the same fragment are redundant).
  Operation *clear = nullptr;
  /// With transpose_a: the CB the A block is transposed into each K step.
  Value transposedA;
  /// The load of the fragment from C (C += A * B), and the CB C's block
  /// arrives in; the CBs the matrix engine reads.
  Operation *initialLoad = nullptr;
  Value initial, in0, in1;
  bool transposeB = false;
  /// Edge blocks: for each copy whose block does not divide its buffer, the
  /// buffer's tile rows and columns the reads or writes stop at (null where
  /// the block divides that dimension).
  DenseMap<Operation *, std::pair<Value, Value>> limitsOf;
  /// For each copy of a batched buffer, the tile rows of one of its
  /// matrices: matrix `i` starts at tile row `i * rows` (the host stores the
  /// matrices one after the other, each padded to whole tiles).
  DenseMap<Operation *, Value> matrixRowsOf;
  /// With a K step that does not divide K: K in tiles and the K step in
  /// tiles, from which the last step's valid tiles follow.
  Value kTiles;
  int64_t kStep = 0;
  /// A fused epilogue: the bias CB (with a bias) and the steps after the
  /// bias, as tt attributes. With either, the matmul leaves its result in
  /// `partials` (`epilogueIn`) and a tt.epilogue_block packs it to the output
  /// CB, unless the block stays in DST and has no bias: then the steps run
  /// on DST before its pack.
  Value bias;
  tl::AddBiasOp biasAdd;
  ArrayAttr epilogue;
  bool hasEpilogue() const { return bias || (epilogue && !epilogue.empty()); }
  /// Whether the matmul result goes through a CB into tt.epilogue_block.
  bool epilogueBlock() const { return hasEpilogue() && (bias || spills()); }
  bool spills() const { return static_cast<bool>(spilledSubblock); }
  bool spilledSubblock = false;
};

/// An element offset as an affine expression of the values it is built from:
/// constants, sums, products with a constant and index casts, each other
/// value (a block index, a loop counter, a runtime value) a dimension whose
/// value is `leaves[i]`. None when the offset is not affine (a product of two
/// unknowns, a division).
std::optional<AffineExpr> affineOffset(Value v, SmallVectorImpl<Value> &leaves) {
  MLIRContext *ctx = v.getContext();
  APInt constant;
  if (matchPattern(v, m_ConstantInt(&constant)))
    return getAffineConstantExpr(constant.getSExtValue(), ctx);
  Operation *def = v.getDefiningOp();
  if (llvm::isa_and_nonnull<arith::AddIOp, arith::MulIOp>(def)) {
    std::optional<AffineExpr> lhs = affineOffset(def->getOperand(0), leaves);
    std::optional<AffineExpr> rhs =
        lhs ? affineOffset(def->getOperand(1), leaves) : std::nullopt;
    if (!rhs)
      return std::nullopt;
    if (llvm::isa<arith::AddIOp>(def))
      return *lhs + *rhs;
    // Affine products have a constant factor.
    if (!llvm::isa<AffineConstantExpr>(*lhs) &&
        !llvm::isa<AffineConstantExpr>(*rhs))
      return std::nullopt;
    return *lhs * *rhs;
  }
  auto *pos = llvm::find(leaves, v);
  if (pos == leaves.end())
    pos = leaves.insert(leaves.end(), v);
  return getAffineDimExpr(pos - leaves.begin(), ctx);
}

/// `index` as the kernel's uint32_t: a block index's cast, the i32 it was
/// cast from, or a new cast.
Value toI32(OpBuilder &b, Location loc, Value index,
            const BlockIndexCasts &casts);

/// The i32 arithmetic of a simplified affine expression of `leaves`:
/// constants, dims, sums and products with a constant.
Value materializeI32(OpBuilder &b, Location loc, AffineExpr e,
                     ArrayRef<Value> leaves, const BlockIndexCasts &casts) {
  Type i32 = b.getI32Type();
  if (auto c = llvm::dyn_cast<AffineConstantExpr>(e))
    return arith::ConstantIntOp::create(b, loc, i32, c.getValue());
  if (auto d = llvm::dyn_cast<AffineDimExpr>(e)) {
    Value leaf = leaves[d.getPosition()];
    return leaf.getType().isInteger(32) ? leaf : toI32(b, loc, leaf, casts);
  }
  auto bin = llvm::cast<AffineBinaryOpExpr>(e);
  Value lhs = materializeI32(b, loc, bin.getLHS(), leaves, casts);
  Value rhs = materializeI32(b, loc, bin.getRHS(), leaves, casts);
  if (e.getKind() == AffineExprKind::Add)
    return arith::AddIOp::create(b, loc, lhs, rhs);
  return arith::MulIOp::create(b, loc, lhs, rhs);
}

/// The offset's leaves looked through index casts of i32 values (the K
/// loop's counter), so the kernel computes with the i32 values themselves.
Value throughCast(Value v) {
  if (auto cast = v.getDefiningOp<arith::IndexCastUIOp>())
    return cast.getIn();
  if (auto cast = v.getDefiningOp<arith::IndexCastOp>())
    return cast.getIn();
  return v;
}

/// The tile coordinate (i32) of an element offset that is provably a multiple
/// of the tile size (its affine expression is a multiple of 32 for every
/// value of its leaves), else null: `offset floordiv 32`, simplified.
Value toTileCoord(OpBuilder &b, Location loc, Value offset,
                  const BlockIndexCasts &casts) {
  SmallVector<Value> leaves;
  std::optional<AffineExpr> expr = affineOffset(offset, leaves);
  if (!expr || !expr->isMultipleOf(tl::kTileSize))
    return {};
  AffineExpr tiles = simplifyAffineExpr(expr->floorDiv(tl::kTileSize),
                                        leaves.size(), 0);
  for (Value &leaf : leaves)
    leaf = throughCast(leaf);
  Value coord = materializeI32(b, loc, tiles, leaves, casts);
  // The only loop counter a copy offset scales is the K loop's (block
  // indices arrive through their casts): a K step of several tiles starts at
  // this tile of K, which the reader uses for A and B.
  if (auto mul = coord.getDefiningOp<arith::MulIOp>())
    if (Value counter = throughCast(mul.getLhs());
        llvm::isa<BlockArgument>(counter) && !casts.count(counter))
      setCppName(mul, "k_tile");
  return coord;
}

/// `index` as the kernel's uint32_t: the i32 it was cast from, or a cast.
Value toI32(OpBuilder &b, Location loc, Value index,
            const BlockIndexCasts &casts) {
  if (Value cast = casts.lookup(index))
    return cast;
  if (auto cast = index.getDefiningOp<arith::IndexCastUIOp>())
    if (cast.getIn().getType().isInteger(32))
      return cast.getIn();
  if (auto cast = index.getDefiningOp<arith::IndexCastOp>())
    if (cast.getIn().getType().isInteger(32))
      return cast.getIn();
  return arith::IndexCastUIOp::create(b, loc, b.getI32Type(), index);
}

/// Whether toTileCoord can express `offset` in tiles.
bool isTileAligned(Value offset) {
  SmallVector<Value> leaves;
  std::optional<AffineExpr> expr = affineOffset(offset, leaves);
  return expr && expr->isMultipleOf(tl::kTileSize);
}

struct AllocLowering : ConversionPattern {
  AllocLowering(MLIRContext *ctx, const MemoryPlan &plan)
      : ConversionPattern(MatchAnyOpTypeTag(), 1, ctx), plan(plan) {}
  LogicalResult
  matchAndRewrite(Operation *op, ArrayRef<Value>,
                  ConversionPatternRewriter &rewriter) const override {
    if (!llvm::isa<tl::AllocSharedOp, tl::AllocFragmentOp>(op))
      return failure();
    rewriter.replaceOp(op, plan.cbOf.lookup(op));
    return success();
  }
  const MemoryPlan &plan;
};

struct ClearLowering : OpConversionPattern<tl::ClearOp> {
  ClearLowering(MLIRContext *ctx, const MemoryPlan &plan)
      : OpConversionPattern(ctx), plan(plan) {}
  LogicalResult
  matchAndRewrite(tl::ClearOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    // A fresh DST half is zero: the packer clears what it releases. A spilled
    // fragment starts from zero on the first K step instead. Earlier clears
    // of a fragment cleared again before the loop do nothing.
    if (plan.spills() || op != plan.clear)
      rewriter.eraseOp(op);
    else
      setComment(rewriter.replaceOpWithNewOp<TileRegsAcquireOp>(op),
                 kMathComment);
    return success();
  }
  const MemoryPlan &plan;
};

struct GemmLowering : OpConversionPattern<tl::GemmOp> {
  GemmLowering(MLIRContext *ctx, const MemoryPlan &plan)
      : OpConversionPattern(ctx), plan(plan) {}
  LogicalResult
  matchAndRewrite(tl::GemmOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    tl::MatmulShape shape = op.getShape();
    int64_t m = shape.m / tl::kTileSize;
    int64_t k = shape.k / tl::kTileSize;
    int64_t n = shape.n / tl::kTileSize;
    Value in0 = adaptor.getA();
    if (plan.transposedA) {
      // A's CB holds the stored k x m block; the matrix engine reads its
      // m x k transpose, and is set up for matmul again after the transpose.
      Location loc = op.getLoc();
      TransposeBlockOp::create(rewriter, loc, in0, plan.transposedA, k, m,
                               plan.out);
      in0 = plan.transposedA;
      createMatmulInit(rewriter, loc, in0, adaptor.getB(), op.getTransposeB());
    }
    // The last K step of a K loop whose step does not divide K holds
    // min(step, Kt - kt * step) tiles of data.
    Value validK;
    if (plan.kTiles) {
      auto loop = op->getParentOfType<scf::ForOp>();
      if (!loop)
        return rewriter.notifyMatchFailure(op, "K loop not lowered yet");
      Location loc = op.getLoc();
      Value start = arith::MulIOp::create(rewriter, loc, loop.getInductionVar(),
                                          i32Const(rewriter, loc, plan.kStep));
      Value left = arith::SubIOp::create(rewriter, loc, plan.kTiles, start);
      validK = arith::MinUIOp::create(rewriter, loc, left,
                                      i32Const(rewriter, loc, plan.kStep));
      setCppName(validK.getDefiningOp(), "k_tiles_in_step");
    }
    MatmulBlockOp matmul;
    if (!plan.spills()) {
      matmul = rewriter.replaceOpWithNewOp<MatmulBlockOp>(
          op, in0, adaptor.getB(), m, k, n);
    } else {
      auto loop = op->getParentOfType<scf::ForOp>();
      if (!loop)
        return rewriter.notifyMatchFailure(op, "K loop not lowered yet");
      matmul = rewriter.replaceOpWithNewOp<MatmulBlockOp>(
          op, in0, adaptor.getB(), m, k, n,
          rewriter.getI64IntegerAttr(plan.subblockH),
          rewriter.getI64IntegerAttr(plan.subblockW), plan.partials, plan.out,
          loop.getInductionVar(), plan.kSteps, /*transpose_in1=*/false,
          plan.initial, validK);
    }
    // The CB holds B's block as stored, n x k tiles.
    matmul.setTransposeIn1(op.getTransposeB());
    if (validK && !plan.spills())
      matmul.getValidKMutable().assign(validK);
    return success();
  }
  const MemoryPlan &plan;
};

struct CopyLowering : OpConversionPattern<tl::CopyOp> {
  CopyLowering(MLIRContext *ctx, const MemoryPlan &plan)
      : OpConversionPattern(ctx), plan(plan) {}
  LogicalResult
  matchAndRewrite(tl::CopyOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto local = llvm::cast<MemRefType>(op.getLocal().getType());
    int64_t rows = local.getDimSize(0) / tl::kTileSize;
    int64_t cols = local.getDimSize(1) / tl::kTileSize;
    Value row =
        toTileCoord(rewriter, loc, op.getMatrixIndices()[0], plan.blockIndexCasts);
    Value col =
        toTileCoord(rewriter, loc, op.getMatrixIndices()[1], plan.blockIndexCasts);
    if (!row || !col)
      return rewriter.notifyMatchFailure(op, "offset not a tile multiple");
    Value perRow = plan.tilesPerRowOf.lookup(op.getGlobal());
    auto [rowLimit, colLimit] = plan.limitsOf.lookup(op);
    // A batch's matrices stacked into one (tl-fold-shared-batch) are the
    // batch's own pages: the transfer goes to the buffer itself.
    Value global = op.getGlobal();
    if (auto stacked = global.getDefiningOp<memref::CollapseShapeOp>())
      global = stacked.getSrc();
    // A batch's matrices lie one after the other in tile rows: the block's
    // rows, and the edge its reads stop at, are offset by its matrix's first
    // row.
    if (Value matrixRows = plan.matrixRowsOf.lookup(op)) {
      Value firstRow = arith::MulIOp::create(
          rewriter, loc, toI32(rewriter, loc, op.getBatchIndex(), plan.blockIndexCasts),
          matrixRows);
      row = arith::AddIOp::create(rewriter, loc, firstRow, row);
      if (rowLimit)
        rowLimit = arith::AddIOp::create(rewriter, loc, firstRow, rowLimit);
    }
    if (op == plan.initialLoad) {
      // C's block comes in through its own CB; the compute kernel starts the
      // accumulator from it (a spilling matmul on its first K step).
      ReadTilesOp::create(rewriter, loc, global, row, col, perRow, rows, cols,
                          plan.initial, McastDirectionAttr(), rowLimit,
                          colLimit);
      if (!plan.spills())
        emitReloadIntoDst(rewriter, loc, rows * cols);
      rewriter.eraseOp(op);
      return success();
    }
    if (op.isLoad()) {
      // tt-infer-schedule marked the loads the cores of a row or column
      // share.
      auto multicast = op->getAttrOfType<McastDirectionAttr>(
          TTDialect::kMulticastAttrName);
      ReadTilesOp::create(rewriter, loc, global, row, col, perRow, rows, cols,
                          adaptor.getDest(), multicast, rowLimit, colLimit);
    } else {
      Value out = adaptor.getSource();
      IntegerAttr subH, subW;
      if (plan.spills()) {
        // The spilling matmul (or the epilogue after it) packs subblock by
        // subblock.
        subH = rewriter.getI64IntegerAttr(plan.subblockH);
        subW = rewriter.getI64IntegerAttr(plan.subblockW);
      }
      if (plan.epilogueBlock()) {
        // The result waits in the partials CB; the epilogue brings it back
        // into DST (adding the bias as it is unpacked) and packs it to out.
        if (!plan.spills())
          PackBlockOp::create(rewriter, loc, plan.partials, rows * cols,
                              ArrayAttr());
        Value in0 = plan.transposedA ? plan.transposedA : plan.in0;
        EpilogueBlockOp::create(
            rewriter, loc, plan.partials, out, rows, cols,
            plan.spills() ? plan.subblockH : rows,
            plan.spills() ? plan.subblockW : cols, plan.bias,
            plan.epilogue ? plan.epilogue : rewriter.getArrayAttr({}), in0,
            plan.in1, plan.transposeB);
      } else if (!plan.spills()) {
        PackBlockOp::create(rewriter, loc, out, rows * cols, plan.epilogue);
      }
      WriteTilesOp::create(rewriter, loc, out, global, row, col, perRow, rows,
                           cols, subH, subW, rowLimit, colLimit);
    }
    rewriter.eraseOp(op);
    return success();
  }

  /// DST tiles 0 .. count-1 = C's block: acquire DST, copy the block in,
  /// set the engine up for matmul again.
  void emitReloadIntoDst(OpBuilder &b, Location loc, int64_t count) const {
    setComment(TileRegsAcquireOp::create(b, loc),
               "Math: acquire DST, start it from C's block, accumulate into "
               "it, hand it to the packer");
    Value pages = i32Const(b, loc, count);
    CBWaitFrontOp::create(b, loc, plan.initial, pages);
    // copy_tile unpacks through source A, which holds in1's format.
    bool reconfigure = cbFormat(plan.initial) != cbFormat(plan.in1);
    if (reconfigure)
      ReconfigDataFormatSrcAOp::create(b, loc, plan.initial);
    CopyTileInitOp::create(b, loc, plan.initial);
    forRange(b, loc, count, "tile", "Load C's block into DST",
             [&](OpBuilder &b, Value t) {
      CopyTileOp::create(b, loc, plan.initial, t, t);
    });
    CBPopFrontOp::create(b, loc, plan.initial, pages);
    if (reconfigure)
      ReconfigDataFormatSrcAOp::create(b, loc, plan.in1);
    createMatmulInit(b, loc, plan.in0, plan.in1, plan.transposeB);
  }
  const MemoryPlan &plan;
};

/// The epilogue's ops: the bias read was placed before the conversion and
/// the steps are in the plan, applied where the result is packed.
struct EpilogueLowering : ConversionPattern {
  EpilogueLowering(MLIRContext *ctx)
      : ConversionPattern(MatchAnyOpTypeTag(), 1, ctx) {}
  LogicalResult
  matchAndRewrite(Operation *op, ArrayRef<Value>,
                  ConversionPatternRewriter &rewriter) const override {
    if (!llvm::isa<tl::AddBiasOp, tl::ActivationOp, tl::ScaleOp>(op))
      return failure();
    rewriter.eraseOp(op);
    return success();
  }
};

struct PipelinedLowering : OpConversionPattern<tl::PipelinedOp> {
  PipelinedLowering(MLIRContext *ctx, const MemoryPlan &plan)
      : OpConversionPattern(ctx), plan(plan) {}
  LogicalResult
  matchAndRewrite(tl::PipelinedOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type i32 = rewriter.getI32Type();
    Value zero = arith::ConstantIntOp::create(rewriter, loc, i32, 0);
    Value one = arith::ConstantIntOp::create(rewriter, loc, i32, 1);
    auto loop = scf::ForOp::create(rewriter, loc, zero, plan.kSteps, one);
    setCppName(loop, "kt");
    loop->setAttr(TTDialect::kCommentAttrName,
                  rewriter.getStringAttr("K loop: one K step of A and B blocks "
                                         "per iteration"));
    rewriter.setInsertionPointToStart(loop.getBody());
    Value k = arith::IndexCastUIOp::create(
        rewriter, loc, rewriter.getIndexType(), loop.getInductionVar());
    rewriter.inlineBlockBefore(&op.getBodyBlock(),
                               loop.getBody()->getTerminator(), ValueRange{k});
    rewriter.eraseOp(op);
    return success();
  }
  const MemoryPlan &plan;
};

struct TTLowerMemorySpacePass
    : tt::impl::TTLowerMemorySpaceBase<TTLowerMemorySpacePass> {
  using Base::Base;

  /// Checks the program is the shape this lowering handles and fills `plan`.
  LogicalResult analyze(func::FuncOp func, MemoryPlan &plan) {
    SmallVector<tl::GemmOp> gemms;
    SmallVector<tl::PipelinedOp> loops;
    func.walk([&](tl::GemmOp op) { gemms.push_back(op); });
    func.walk([&](tl::PipelinedOp op) { loops.push_back(op); });
    if (gemms.empty())
      return success(); // nothing to lower
    if (gemms.size() != 1 || loops.size() != 1)
      return func.emitError()
             << "the Tenstorrent lowering handles one tl.gemm inside one "
                "tl.pipelined K loop per kernel; found "
             << gemms.size() << " gemm(s) and " << loops.size() << " loop(s)";
    tl::GemmOp gemm = gemms.front();
    tl::PipelinedOp loop = loops.front();
    // B^T is the matrix engine's own (the unpacker transposes in1 tiles);
    // A^T passes through DST into a CB of its own each K step.
    if (gemm->getParentOp() != loop)
      return gemm.emitOpError("must sit directly in the tl.pipelined K loop");

    // Every local buffer: who loads it, who stores it, and its CB.
    OpBuilder b(&getContext());
    b.setInsertionPointToStart(&func.getBody().front());
    Location loc = func.getLoc();
    int64_t depth = cbDepth > 0 ? int64_t(cbDepth) : loop.getStages();
    struct CBInfo {
      std::string what;
      uint64_t bytes;
    };
    SmallVector<CBInfo> cbs;
    llvm::StringMap<Value> params;
    // A parameter per distinct (name, value); a name already taken by another
    // value falls back to `fallback` (Kt and Nt name the usual shapes).
    auto param = [&](StringRef name, int64_t value,
                     StringRef fallback) -> Value {
      for (StringRef candidate : {name, fallback}) {
        Value &p = params[candidate];
        if (!p)
          p = RuntimeParamOp::create(b, loc, b.getI32Type(), candidate, value);
        if (llvm::cast<RuntimeParamOp>(p.getDefiningOp()).getValue() ==
            uint64_t(value))
          return p;
      }
      llvm_unreachable("fallback parameter names are unique");
    };

    // DRAM holds whole tiles: every region must start on a tile boundary.
    WalkResult aligned = func.walk([&](tl::CopyOp copy) {
      // (A batched buffer's first index picks a matrix.)
      unsigned first = copy.getBatchIndex() ? 1 : 0;
      for (auto [dim, index] :
           llvm::drop_begin(llvm::enumerate(copy.getGlobalIndices()), first))
        if (!isTileAligned(index)) {
          copy.emitOpError()
              << "region start in dimension " << dim
              << " must be a provable multiple of " << tl::kTileSize
              << " elements (sums of constants and of block indices or loop "
                 "counters times constants that add up to a multiple of "
              << tl::kTileSize << " for every value): DRAM holds whole 32x32 "
                 "tiles";
          return WalkResult::interrupt();
        }
      return WalkResult::advance();
    });
    if (aligned.wasInterrupted())
      return failure();

    // An edge block reaches past its buffer's last tile row or column; its
    // transfers stop at the buffer's edge (`perRow` is the column count).
    auto edgeLimits = [&](tl::CopyOp copy, MemRefType local, StringRef rowName,
                          StringRef rowFallback, Value perRow) {
      auto global = llvm::cast<MemRefType>(copy.getGlobal().getType());
      int64_t tileRows = tl::tilesFor(global.getDimSize(global.getRank() - 2));
      int64_t tileCols = tl::tilesFor(global.getDimSize(global.getRank() - 1));
      if (copy.getBatchIndex())
        plan.matrixRowsOf[copy] = param(rowName, tileRows, rowFallback);
      Value rowLimit, colLimit;
      if (tileRows % (local.getDimSize(0) / tl::kTileSize))
        rowLimit = param(rowName, tileRows, rowFallback);
      if (tileCols % (local.getDimSize(1) / tl::kTileSize))
        colLimit = perRow;
      if (rowLimit || colLimit)
        plan.limitsOf[copy] = {rowLimit, colLimit};
    };

    SmallVector<Value, 2> operands{gemm.getA(), gemm.getB()};
    Value aStored; // A's global buffer
    for (auto [operandIndex, local] : llvm::enumerate(operands)) {
      auto alloc = local.getDefiningOp<tl::AllocSharedOp>();
      if (!alloc)
        return gemm.emitOpError()
               << "operand " << (operandIndex ? "B" : "A")
               << " must come from a tl.alloc_shared";
      SmallVector<tl::CopyOp> loads;
      for (Operation *user : local.getUsers()) {
        if (auto copy = llvm::dyn_cast<tl::CopyOp>(user)) {
          if (!copy.isLoad())
            return copy.emitOpError(
                "stores from a shared buffer are not supported by the "
                "Tenstorrent lowering yet");
          loads.push_back(copy);
        } else if (user != gemm.getOperation()) {
          return user->emitOpError("unexpected use of a shared buffer");
        }
      }
      if (loads.size() != 1 || loads.front()->getParentOp() != loop)
        return alloc.emitOpError(
            "each shared buffer needs exactly one load in the K loop");
      // The gemm of a K step multiplies what that step loaded.
      if (!loads.front()->isBeforeInBlock(gemm)) {
        InFlightDiagnostic diag =
            gemm.emitOpError()
            << "reads " << (operandIndex ? "B" : "A")
            << " before the tl.copy that loads it in the same K step; move "
               "the copy before the gemm";
        diag.attachNote(loads.front().getLoc()) << "loaded here";
        return diag;
      }
      MemRefType type = alloc.getType();
      uint32_t index = kFirstInputCB + operandIndex;
      int64_t pages = depth * tilesOf(type);
      // The CB holds the tiles as the buffer stores them (bf16, f32, bfp8_b).
      DataFormat format = getStorageFormat(loads.front().getSource());
      auto cbType = CircularBufferType::get(
          &getContext(), index, pages, TileType::get(&getContext(), format));
      std::string name = "cb_in" + std::to_string(operandIndex);
      plan.cbOf[alloc] = GetCBOp::create(b, loc, cbType, b.getStringAttr(name));
      cbs.push_back({name + " (shared " + std::to_string(type.getDimSize(0)) +
                         "x" + std::to_string(type.getDimSize(1)) + ")",
                     pages * getTileSizeInBytes(format)});
      Value global = loads.front().getSource();
      if (operandIndex == 0)
        aStored = global;
      auto globalType = llvm::cast<MemRefType>(global.getType());
      int64_t perRow =
          tl::tilesFor(globalType.getDimSize(globalType.getRank() - 1));
      // Tiles per stored row: K for A, N for B; M for an A stored K x M, K
      // for a B stored N x K.
      StringRef perRowName =
          operandIndex ? (gemm.getTransposeB() ? "Kt" : "Nt")
                       : (gemm.getTransposeA() ? "Mt" : "Kt");
      plan.tilesPerRowOf[global] =
          param(perRowName, perRow,
                operandIndex ? "b_tiles_per_row" : "a_tiles_per_row");
      // Tile rows of the stored operand: M for A, K for B; K for an A stored
      // K x M, N for a B stored N x K.
      StringRef rowName = operandIndex ? (gemm.getTransposeB() ? "Nt" : "Kt")
                                       : (gemm.getTransposeA() ? "Kt" : "Mt");
      edgeLimits(loads.front(), type, rowName,
                 operandIndex ? "b_tile_rows" : "a_tile_rows",
                 plan.tilesPerRowOf[global]);
    }

    // A K step that does not divide K: the last step is partial. Its reads
    // stop at K's last tile (the limits above) and its products at the
    // step's valid tiles.
    {
      tl::MatmulShape shape = gemm.getShape();
      int64_t step = shape.k / tl::kTileSize;
      auto aGlobal = llvm::cast<MemRefType>(aStored.getType());
      int64_t kTiles = tl::tilesFor(aGlobal.getDimSize(
          aGlobal.getRank() - (gemm.getTransposeA() ? 2 : 1)));
      // (tl.copy's verifier rejects a step that starts past K, so the last
      // step holds at least one tile.)
      int64_t count = loop.getCount();
      if (count * step > kTiles) {
        plan.kTiles = param("Kt", kTiles, "k_tiles");
        plan.kStep = step;
      }
    }

    auto fragmentAlloc = gemm.getC().getDefiningOp<tl::AllocFragmentOp>();
    if (!fragmentAlloc)
      return gemm.emitOpError("C must come from a tl.alloc_fragment");
    tl::CopyOp store;
    bool cleared = false;
    SmallVector<Operation *> epilogueOps;
    // Where the accumulator's clear and store sit relative to the K loop:
    // clears before it (more than one is harmless), the store after it.
    auto beforeLoop = [&](Operation *op) {
      return op->getBlock() == loop->getBlock() && op->isBeforeInBlock(loop);
    };
    for (Operation *user : gemm.getC().getUsers()) {
      if (auto copy = llvm::dyn_cast<tl::CopyOp>(user)) {
        if (copy.isLoad()) {
          // C += A * B: the block starts from C's values.
          if (!beforeLoop(copy))
            return copy.emitOpError()
                   << "loads the accumulator "
                   << (loop->isProperAncestor(copy) ? "inside" : "after")
                   << " the K loop; load it once, before the loop";
          if (plan.initialLoad)
            return copy.emitOpError("a fragment may be loaded only once");
          plan.initialLoad = copy;
          continue;
        }
        if (store)
          return copy.emitOpError("a fragment may be stored only once");
        if (copy->getBlock() != loop->getBlock() ||
            copy->isBeforeInBlock(loop))
          return copy.emitOpError()
                 << "stores the accumulator "
                 << (loop->isProperAncestor(copy) ? "inside" : "before")
                 << " the K loop; store it once, after the loop";
        store = copy;
      } else if (llvm::isa<tl::ClearOp>(user)) {
        if (!beforeLoop(user))
          return user->emitOpError()
                 << "clears the accumulator "
                 << (loop->isProperAncestor(user) ? "inside" : "after")
                 << " the K loop, which would drop partial sums; clear it "
                    "before the loop";
        if (!plan.clear || plan.clear->isBeforeInBlock(user))
          plan.clear = user;
        cleared = true;
      } else if (llvm::isa<tl::AddBiasOp, tl::ActivationOp, tl::ScaleOp>(
                     user)) {
        if (user->getBlock() != loop->getBlock() ||
            user->isBeforeInBlock(loop))
          return user->emitOpError()
                 << "is an epilogue step "
                 << (loop->isProperAncestor(user) ? "inside" : "before")
                 << " the K loop; epilogue steps follow the loop and "
                    "precede the store";
        epilogueOps.push_back(user);
      } else if (user != gemm.getOperation()) {
        return user->emitOpError("unexpected use of a fragment");
      }
    }
    // Steps in program order; the bias first (it is added as the matmul
    // result is unpacked, before any vector-engine step).
    llvm::sort(epilogueOps,
               [](Operation *x, Operation *y) { return x->isBeforeInBlock(y); });
    SmallVector<Attribute> steps;
    tl::AddBiasOp biasAdd;
    for (Operation *op : epilogueOps) {
      if (store && store->isBeforeInBlock(op))
        return op->emitOpError("is an epilogue step after the fragment's "
                               "store; apply it before the store");
      if (auto add = llvm::dyn_cast<tl::AddBiasOp>(op)) {
        if (biasAdd)
          return add.emitOpError("adds a second bias; the Tenstorrent "
                                 "lowering fuses one bias row");
        if (!steps.empty())
          return add.emitOpError(
              "adds the bias after another epilogue step; the Tenstorrent "
              "lowering adds the bias first, as the result is unpacked "
              "(scale the bias instead)");
        biasAdd = add;
      } else {
        steps.push_back(getEpilogueStep(op));
      }
    }
    if (!steps.empty())
      plan.epilogue = ArrayAttr::get(&getContext(), steps);
    if (cleared && plan.initialLoad)
      return plan.initialLoad->emitOpError(
          "the accumulator is both cleared and loaded from global memory "
          "before the K loop; clear it (C = A * B) or load it (C += A * B)");
    if ((!cleared && !plan.initialLoad) || !store)
      return fragmentAlloc.emitOpError(
          "the accumulator must be cleared (or loaded from global memory) "
          "before the K loop and stored after it");
    MemRefType fragmentType = fragmentAlloc.getType();
    int64_t mTiles = fragmentType.getDimSize(0) / tl::kTileSize;
    int64_t nTiles = fragmentType.getDimSize(1) / tl::kTileSize;
    Value output = store.getDest();
    auto outputType = llvm::cast<MemRefType>(output.getType());
    DataFormat outFormat = formatOf(outputType.getElementType());
    if (getStorageFormat(output) != outFormat)
      return emitError(store.getLoc())
             << "the result is stored as "
             << stringifyDataFormat(getStorageFormat(output))
             << "; only a matmul's inputs may be stored in block floating "
                "point (block floating point results are not supported yet)";
    // DST capacity and L1 are the target's.
    FailureOr<TargetAttr> target = getTarget(func, "tt-lower-memory-space");
    if (failed(target))
      return failure();
    DeviceAttr device = target->getDevice();

    // A fragment larger than DST is computed in subblocks; its partial sums
    // wait in an f32 CB between K steps.
    bool userSubblock = subblockH > 0 || subblockW > 0;
    int64_t dstTiles = target->getDstTileCapacity();
    // Transposing A goes through DST every K step, so the partial sums
    // cannot stay there: they spill.
    if (gemm.getTransposeA()) {
      MemRefType aType = gemm.getA().getType();
      int64_t pages = tilesOf(aType);
      DataFormat format = formatOf(aType.getElementType());
      if (aStored && isBlockFloat(getStorageFormat(aStored)))
        return emitError(gemm.getLoc())
               << "A is stored as "
               << stringifyDataFormat(getStorageFormat(aStored))
               << " and transposed: transposing block floating point tiles "
                  "on the core is not supported yet (store A as bf16, or B in "
                  "block floating point)";
      auto type = CircularBufferType::get(&getContext(), kTransposedInputCB,
                                          pages,
                                          TileType::get(&getContext(), format));
      plan.transposedA = GetCBOp::create(b, loc, type,
                                         b.getStringAttr("cb_in0_transposed"));
      cbs.push_back({"cb_in0_transposed (A^T block)",
                     pages * getTileSizeInBytes(format)});
    }
    if (mTiles * nTiles > dstTiles || userSubblock || plan.transposedA) {
      auto [h, w] = chooseSubblock(mTiles, nTiles, dstTiles);
      if (userSubblock) {
        h = subblockH > 0 ? int64_t(subblockH) : h;
        w = subblockW > 0 ? int64_t(subblockW) : w;
        if (mTiles % h || nTiles % w)
          return emitError(gemm.getLoc())
                 << "subblock " << h << "x" << w << " tiles does not divide the "
                 << mTiles << "x" << nTiles << "-tile output block";
        if (h * w > dstTiles)
          return emitError(gemm.getLoc())
                 << "subblock " << h << "x" << w << " = " << h * w
                 << " tiles does not fit DST, which holds " << dstTiles
                 << (dstTiles == 8 ? " bf16" : " fp32")
                 << " tiles in half-sync mode";
      }
      plan.subblockH = h;
      plan.subblockW = w;
      int64_t pages = mTiles * nTiles;
      auto partialsType = CircularBufferType::get(
          &getContext(), kPartialsCB, pages,
          TileType::get(&getContext(), DataFormat::Float32));
      plan.partials =
          GetCBOp::create(b, loc, partialsType, b.getStringAttr("cb_partials"));
      plan.spilledSubblock = true;
      cbs.push_back({"cb_partials (fp32 partial sums)",
                     pages * getTileSizeInBytes(DataFormat::Float32)});
    }
    // A bias row: one tile row of the bias vector per block, two blocks deep
    // so the next block's bias arrives while this one's epilogue runs.
    if (biasAdd) {
      Value biasGlobal = biasAdd.getBias();
      DataFormat format = getStorageFormat(biasGlobal);
      if (isBlockFloat(format))
        return biasAdd.emitOpError("the bias must be stored as bf16 or f32");
      int64_t pages = 2 * nTiles;
      auto type = CircularBufferType::get(&getContext(), kBiasCB, pages,
                                          TileType::get(&getContext(), format));
      plan.bias = GetCBOp::create(b, loc, type, b.getStringAttr("cb_bias"));
      cbs.push_back({"cb_bias (bias row)", pages * getTileSizeInBytes(format)});
      int64_t biasTiles = tl::tilesFor(
          llvm::cast<MemRefType>(biasGlobal.getType()).getDimSize(0));
      plan.tilesPerRowOf[biasGlobal] = param("Nt", biasTiles, "bias_tiles");
      if (biasTiles % nTiles)
        plan.limitsOf[biasAdd] = {Value(), plan.tilesPerRowOf[biasGlobal]};
      plan.biasAdd = biasAdd;
    }
    // The result of a block that stays in DST goes through a CB of its own
    // when the epilogue adds a bias (the unpacker adds it).
    if (plan.epilogueBlock() && !plan.spills()) {
      int64_t pages = mTiles * nTiles;
      auto type = CircularBufferType::get(
          &getContext(), kPartialsCB, pages,
          TileType::get(&getContext(), DataFormat::Float32));
      plan.partials = GetCBOp::create(b, loc, type, b.getStringAttr("cb_partials"));
      cbs.push_back({"cb_partials (fp32 matmul result for the epilogue)",
                     pages * getTileSizeInBytes(DataFormat::Float32)});
    }

    int64_t blockTiles = tilesOf(fragmentType);
    if (plan.initialLoad) {
      auto global = llvm::cast<MemRefType>(
          llvm::cast<tl::CopyOp>(plan.initialLoad).getSource().getType());
      DataFormat format = formatOf(global.getElementType());
      auto type = CircularBufferType::get(&getContext(), kInitialOutputCB,
                                          blockTiles,
                                          TileType::get(&getContext(), format));
      plan.initial = GetCBOp::create(b, loc, type, b.getStringAttr("cb_c_in"));
      cbs.push_back({"cb_c_in (C's block for C += A * B)",
                     uint64_t(blockTiles) * getTileSizeInBytes(format)});
    }
    uint64_t others = 0;
    for (const CBInfo &cb : cbs)
      others += cb.bytes;
    int64_t outPages = outputCBTiles(
        blockTiles, plan.subblockH * plan.subblockW, plan.spills(), others,
        getTileSizeInBytes(outFormat), device.getL1Size());
    auto outType = CircularBufferType::get(
        &getContext(), kOutputCB, outPages,
        TileType::get(&getContext(), outFormat));
    Value outCB = GetCBOp::create(b, loc, outType, b.getStringAttr("cb_out"));
    plan.cbOf[fragmentAlloc] = outCB;
    // With an epilogue the spilling matmul leaves its result in the partial
    // sums, where the epilogue reads it.
    if (plan.spills())
      plan.out = plan.epilogueBlock() ? plan.partials : outCB;
    plan.in0 = plan.cbOf.lookup(gemm.getA().getDefiningOp());
    plan.in1 = plan.cbOf.lookup(gemm.getB().getDefiningOp());
    plan.transposeB = gemm.getTransposeB();
    cbs.push_back({"cb_out (fragment " +
                       std::to_string(fragmentType.getDimSize(0)) + "x" +
                       std::to_string(fragmentType.getDimSize(1)) + ")",
                   outPages * getTileSizeInBytes(outFormat)});
    plan.tilesPerRowOf[output] =
        param("Nt", tl::tilesFor(outputType.getDimSize(outputType.getRank() - 1)),
              "c_tiles_per_row");
    edgeLimits(store, fragmentType, "Mt", "c_tile_rows",
               plan.tilesPerRowOf[output]);
    if (plan.initialLoad) {
      auto load = llvm::cast<tl::CopyOp>(plan.initialLoad);
      auto cType = llvm::cast<MemRefType>(load.getGlobal().getType());
      plan.tilesPerRowOf.try_emplace(
          load.getGlobal(),
          param("Nt", tl::tilesFor(cType.getDimSize(cType.getRank() - 1)),
                "c_tiles_per_row"));
      edgeLimits(load, fragmentType, "Mt", "c_tile_rows",
                 plan.tilesPerRowOf[load.getGlobal()]);
    }
    // A K loop over all of K in one-tile steps runs Kt times: reuse that
    // parameter. Anything else (larger steps, a partial K) is its own.
    // (No operand is stored with rows of K tiles when both are transposed.)
    Value kt = params.lookup("Kt");
    plan.kSteps =
        kt && llvm::cast<RuntimeParamOp>(kt.getDefiningOp()).getValue() ==
                  uint64_t(loop.getCount())
            ? kt
            : param("k_steps", loop.getCount(), "k_steps");


    // The L1 budget: every CB lives on every used core.
    uint64_t total = 0;
    for (const CBInfo &cb : cbs)
      total += cb.bytes;
    if (total > device.getL1Size()) {
      InFlightDiagnostic diag = emitError(gemm.getLoc())
                                << "circular buffers need " << total
                                << " bytes of L1 per core but "
                                << stringifyArch(device.getArch()) << " has "
                                << device.getL1Size() << ":";
      for (const CBInfo &cb : cbs)
        diag << " " << cb.what << " " << cb.bytes << " bytes;";
      return failure();
    }
    // The kernel computes with its block indices as uint32_t.
    auto kernel = gemm->getParentOfType<tl::KernelOp>();
    b.setInsertionPointToStart(&kernel.getBodyBlock());
    for (BlockArgument index : kernel.getBlockIndices())
      plan.blockIndexCasts[index] =
          arith::IndexCastUIOp::create(b, loc, b.getI32Type(), index);
    return success();
  }

  /// The bias row's read: when the block starts (before the K loop) if its
  /// column is known there, so it arrives while the block is computed;
  /// otherwise where the bias is added.
  LogicalResult placeBiasRead(MemoryPlan &plan) {
    tl::AddBiasOp add = plan.biasAdd;
    tl::PipelinedOp loop;
    getOperation().walk([&](tl::PipelinedOp op) { loop = op; });
    Value col = add.getCol();
    bool knownAtStart =
        DominanceInfo(getOperation()).properlyDominates(col, loop);
    OpBuilder b(knownAtStart ? loop.getOperation() : add.getOperation());
    Location loc = add.getLoc();
    if (!isTileAligned(col))
      return add.emitOpError()
             << "bias region start must be a provable multiple of "
             << tl::kTileSize << " elements";
    Value colTile = toTileCoord(b, loc, col, plan.blockIndexCasts);
    auto [rowLimit, colLimit] = plan.limitsOf.lookup(add);
    auto fragment = llvm::cast<MemRefType>(add.getFragment().getType());
    ReadTilesOp::create(b, loc, add.getBias(), i32Const(b, loc, 0), colTile,
                        plan.tilesPerRowOf.lookup(add.getBias()), 1,
                        fragment.getDimSize(1) / tl::kTileSize, plan.bias,
                        McastDirectionAttr(), Value(), colLimit);
    return success();
  }

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    MemoryPlan plan;
    if (failed(analyze(func, plan)))
      return signalPassFailure();
    if (plan.cbOf.empty())
      return;
    if (plan.biasAdd && failed(placeBiasRead(plan)))
      return signalPassFailure();
    ConversionTarget target(getContext());
    target.addIllegalDialect<tl::TLDialect>();
    // The grid stays: tt-grid-to-persistent turns it into the core's loop.
    target.addLegalOp<tl::KernelOp>();
    target.addLegalDialect<TTDialect, arith::ArithDialect, scf::SCFDialect,
                           func::FuncDialect>();
    RewritePatternSet patterns(&getContext());
    patterns.add<AllocLowering, ClearLowering, CopyLowering, GemmLowering,
                 PipelinedLowering>(&getContext(), plan);
    patterns.add<EpilogueLowering>(&getContext());
    if (failed(applyPartialConversion(func, target, std::move(patterns))))
      return signalPassFailure();
    for (Value cast : llvm::make_second_range(plan.blockIndexCasts))
      if (cast.use_empty())
        cast.getDefiningOp()->erase();
    // The stacked views of a folded batch have no users left.
    func.walk([](memref::CollapseShapeOp view) {
      if (view->use_empty())
        view->erase();
    });
  }
};
} // namespace
