//===- Tensorize.cpp - block matmuls to matmul_tiles ----------------------===//
#include "TTDialect/Transforms/LoopUtils.h"
#include "TTDialect/Transforms/Passes.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::tt {
#define GEN_PASS_DEF_TTTENSORIZE
#include "TTDialect/Transforms/Passes.h.inc"
} // namespace mlir::tt

using namespace mlir;
using namespace mlir::tt;

namespace {

/// a * s + t with i32 constants s, t.
Value affine(OpBuilder &b, Location loc, Value a, int64_t s, Value t) {
  Value scaled = arith::MulIOp::create(b, loc, a, i32Const(b, loc, s));
  return t ? arith::AddIOp::create(b, loc, scaled, t).getResult() : scaled;
}

/// DST[i*n + j] += sum_kk in0[(row0 + i)*k + kk] * in1[kk*nTotal + col0 + j]
/// for an h x w tile region of the output block; with transpose_in1 the B
/// tile (kk, j) is in1[(col0 + j)*k + kk], read transposed.
void emitMatmulTiles(OpBuilder &b, Location loc, MatmulBlockOp op, Value row0,
                     Value col0, int64_t h, int64_t w) {
  int64_t k = op.getK(), n = op.getN();
  bool transposed = op.getTransposeIn1();
  forRange(b, loc, h, "h", "DST[h][w] += A[h][inner] * B[inner][w] over the block's tiles",
           [&](OpBuilder &b, Value i) {
    // Where row h starts in the A block and in DST, once per row (as
    // tt-metal's bmm_large_block_zm kernel keeps in0_index_h_offset).
    Value row = arith::AddIOp::create(b, loc, row0, i);
    Value in0Row = affine(b, loc, row, k, Value());
    Value dstRow = affine(b, loc, i, w, Value());
    for (auto [value, name] : {std::pair{in0Row, "in0_row_offset"},
                               std::pair{dstRow, "dst_row_offset"}})
      if (Operation *def = value.getDefiningOp())
        setCppName(def, name);
    forRange(b, loc, w, "w", [&](OpBuilder &b, Value j) {
      // (A partial last K step multiplies only its valid tiles.)
      Value inner = op.getValidK() ? op.getValidK() : i32Const(b, loc, k);
      forRange(b, loc, inner, "inner", StringRef(), [&](OpBuilder &b, Value kk) {
        Value col = arith::AddIOp::create(b, loc, col0, j);
        Value aTile = arith::AddIOp::create(b, loc, in0Row, kk);
        Value bTile = transposed ? affine(b, loc, col, k, kk)
                                 : affine(b, loc, kk, n, col);
        Value dst = arith::AddIOp::create(b, loc, dstRow, j);
        for (auto [value, name] : {std::pair{aTile, "in0_tile"},
                                   std::pair{bTile, "in1_tile"},
                                   std::pair{dst, "dst_tile"}})
          if (Operation *def = value.getDefiningOp())
            setCppName(def, name);
        MatmulTilesOp::create(b, loc, op.getIn0(), op.getIn1(), aTile, bTile,
                              dst, transposed);
      });
    });
  });
}

/// DST tiles 0 .. count-1 to the next `count` pages of `cb`.
void emitPack(OpBuilder &b, Location loc, Value cb, int64_t count) {
  Value pages = i32Const(b, loc, count);
  auto reserve = CBReserveBackOp::create(b, loc, cb, pages);
  setComment(reserve, kPackComment);
  forRange(b, loc, count, "tile", "Pack the DST tiles in order",
           [&](OpBuilder &b, Value t) {
    PackTileOp::create(b, loc, t, cb, t);
  });
  CBPushBackOp::create(b, loc, cb, pages);
}

/// An SFPU activation on DST tiles 0 .. count-1: its init, then the op on
/// every tile.
template <typename InitOpT, typename TileOpT>
void emitActivation(OpBuilder &b, Location loc, int64_t count,
                    StringRef comment) {
  setComment(InitOpT::create(b, loc), comment);
  forRange(b, loc, count, "tile",
           [&](OpBuilder &b, Value t) { TileOpT::create(b, loc, t); });
}

/// The epilogue's vector-engine steps on DST tiles 0 .. count-1, step by
/// step: each after its own init (an SFPU op needs its init after any other
/// SFPU op), as tt-metal's fused kernels apply their activation.
void emitEpilogueSteps(OpBuilder &b, Location loc, ArrayAttr steps,
                       int64_t count) {
  for (Attribute step : steps) {
    if (auto scale = llvm::dyn_cast<ScaleAttr>(step)) {
      setComment(BinopWithScalarInitOp::create(b, loc),
                 "Epilogue: scale the DST tiles");
      float factor = scale.getFactor().getValue().convertToFloat();
      Value bits = i32Const(b, loc, llvm::bit_cast<uint32_t>(factor));
      setCppName(bits.getDefiningOp(), "scale_bits");
      forRange(b, loc, count, "tile", [&](OpBuilder &b, Value t) {
        MulUnaryTileOp::create(b, loc, t, bits);
      });
      continue;
    }
    Activation kind = llvm::cast<ActivationAttr>(step).getValue();
    std::string comment = ("Epilogue: " + stringifyActivation(kind) +
                           (kind == Activation::GeluTanh
                                ? " on the DST tiles (as the accurate GELU)"
                                : " on the DST tiles"))
                              .str();
    switch (kind) {
    case Activation::Relu:
      emitActivation<ReluInitOp, ReluTileOp>(b, loc, count, comment);
      break;
    // GELU's tanh form is computed as the accurate GELU: the two differ by
    // under 4.8e-4, below bf16's resolution; tt-metal's fast mode is the
    // coarser table that gelu_fast asks for.
    case Activation::Gelu:
    case Activation::GeluTanh:
      emitActivation<GeluInitOp, GeluTileOp>(b, loc, count, comment);
      break;
    case Activation::GeluFast:
      emitActivation<GeluFastInitOp, GeluFastTileOp>(b, loc, count, comment);
      break;
    case Activation::Silu:
      emitActivation<SiluInitOp, SiluTileOp>(b, loc, count, comment);
      break;
    case Activation::Sigmoid:
      emitActivation<SigmoidInitOp, SigmoidTileOp>(b, loc, count, comment);
      break;
    case Activation::Tanh:
      emitActivation<TanhInitOp, TanhTileOp>(b, loc, count, comment);
      break;
    case Activation::Exp:
      emitActivation<ExpInitOp, ExpTileOp>(b, loc, count, comment);
      break;
    }
  }
}

struct MatmulBlockToTiles : OpRewritePattern<MatmulBlockOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(MatmulBlockOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    int64_t m = op.getM(), k = op.getK(), n = op.getN();
    Value aTiles = i32Const(rewriter, loc, m * k);
    Value bTiles = i32Const(rewriter, loc, k * n);
    Value zero = i32Const(rewriter, loc, 0);
    CBWaitFrontOp::create(rewriter, loc, op.getIn0(), aTiles);
    CBWaitFrontOp::create(rewriter, loc, op.getIn1(), bTiles);
    if (!op.isSpilled()) {
      // The whole block accumulates in DST across the K loop.
      emitMatmulTiles(rewriter, loc, op, zero, zero, m, n);
    } else {
      emitSpilled(rewriter, loc, op);
    }
    CBPopFrontOp::create(rewriter, loc, op.getIn0(), aTiles);
    CBPopFrontOp::create(rewriter, loc, op.getIn1(), bTiles);
    rewriter.eraseOp(op);
    return success();
  }

  /// On the first K step, C's block (row-major in `initial`) into the
  /// partial sums CB, subblock by subblock as the K steps read them: each
  /// subblock's tiles into DST and packed (no L1 accumulation) in fp32.
  void emitInitialPartials(OpBuilder &b, Location loc, MatmulBlockOp op,
                           Value step) const {
    Value initial = op.getInitial(), partials = op.getPartials();
    int64_t h = op.getSubblockRows(), w = op.getSubblockCols(), n = op.getN();
    Value zero = i32Const(b, loc, 0);
    Value isFirst =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, step, zero);
    setCppName(isFirst.getDefiningOp(), "is_first_step");
    auto first = scf::IfOp::create(b, loc, isFirst, [&](OpBuilder &b,
                                                        Location loc) {
      Value blockTiles = i32Const(b, loc, op.getM() * n);
      CBWaitFrontOp::create(b, loc, initial, blockTiles);
      PackReconfigL1AccOp::create(b, loc, i32Const(b, loc, 0));
      PackReconfigDataFormatOp::create(b, loc, partials);
      bool reconfigure = cbFormat(initial) != cbFormat(op.getIn1());
      if (reconfigure)
        ReconfigDataFormatSrcAOp::create(b, loc, initial);
      CopyTileInitOp::create(b, loc, initial);
      forRange(b, loc, op.getM() / h, "subblock_row", [&](OpBuilder &b, Value sbRow) {
        forRange(b, loc, n / w, "subblock_col", [&](OpBuilder &b, Value sbCol) {
          TileRegsAcquireOp::create(b, loc);
          // Subblock tile (i, j) is C's block tile (sbRow*h + i, sbCol*w + j).
          forRange(b, loc, h, "i", [&](OpBuilder &b, Value i) {
            forRange(b, loc, w, "j", [&](OpBuilder &b, Value j) {
              Value row = affine(b, loc, sbRow, h, i);
              Value col = affine(b, loc, sbCol, w, j);
              Value tile = affine(b, loc, row, n, col);
              setCppName(tile.getDefiningOp(), "c_tile");
              CopyTileOp::create(b, loc, initial, tile, affine(b, loc, i, w, j));
            });
          });
          TileRegsCommitOp::create(b, loc);
          TileRegsWaitOp::create(b, loc);
          emitPack(b, loc, partials, h * w);
          TileRegsReleaseOp::create(b, loc);
        });
      });
      CBPopFrontOp::create(b, loc, initial, blockTiles);
      if (reconfigure)
        ReconfigDataFormatSrcAOp::create(b, loc, op.getIn1());
      createMatmulInit(b, loc, op.getIn0(), op.getIn1(), op.getTransposeIn1());
      scf::YieldOp::create(b, loc);
    });
    setComment(first, "C += A * B: the first K step starts from C's block, "
                      "packed into the partial sums");
  }

  /// One K step of a block larger than DST, subblock by subblock, with the
  /// partial sums in an fp32 CB: the first step packs them there; the middle
  /// steps pack onto them with the packer's L1 accumulation (no reload into
  /// DST); the last step reloads them into DST, accumulates its product and
  /// packs the result to the output CB.
  void emitSpilled(OpBuilder &b, Location loc, MatmulBlockOp op) const {
    int64_t h = op.getSubblockRows(), w = op.getSubblockCols();
    int64_t tiles = h * w;
    Value step = op.getStep();
    Value zero = i32Const(b, loc, 0);
    Value one = i32Const(b, loc, 1);
    auto named = [](Value v, StringRef name) {
      setCppName(v.getDefiningOp(), name);
      return v;
    };
    // C += A * B: before the first K step, C's block becomes the partial
    // sums, so every step has partial sums to add to.
    Value initial = op.getInitial();
    Value notFirst =
        initial ? arith::ConstantIntOp::create(b, loc, b.getI1Type(), 1)
                      .getResult()
                : named(arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne,
                                              step, zero),
                        "has_partials");
    if (initial)
      emitInitialPartials(b, loc, op, step);
    Value lastStep = named(
        arith::SubIOp::create(b, loc, op.getNumSteps(), one), "last_step");
    // With a fused epilogue (`out` is the partial sums CB) every step packs
    // onto the partial sums, the last one too: the epilogue reads them.
    Value isLast =
        op.getOut() == op.getPartials()
            ? arith::ConstantIntOp::create(b, loc, b.getI1Type(), 0).getResult()
            : named(arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq,
                                          step, lastStep),
                    "is_last_step");
    Value reload = named(arith::AndIOp::create(b, loc, notFirst, isLast),
                         "reload_partials");
    Value notLast =
        op.getOut() == op.getPartials()
            ? arith::ConstantIntOp::create(b, loc, b.getI1Type(), 1).getResult()
            : arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ne, step,
                                    lastStep)
                  .getResult();
    Value accumulate = arith::AndIOp::create(b, loc, notFirst, notLast);
    // The packer was configured for the output CB; the partial sums may be
    // another format (fp32 next to bf16), which silicon must be told.
    bool partialsFormat = cbFormat(op.getPartials()) != cbFormat(op.getOut());
    if (partialsFormat) {
      auto choose = scf::IfOp::create(
          b, loc, isLast,
          [&](OpBuilder &b, Location loc) {
            PackReconfigDataFormatOp::create(b, loc, op.getOut());
            scf::YieldOp::create(b, loc);
          },
          [&](OpBuilder &b, Location loc) {
            PackReconfigDataFormatOp::create(b, loc, op.getPartials());
            scf::YieldOp::create(b, loc);
          });
      setComment(choose, "Pack in the format of the CB this K step packs to");
    }
    bool reloadFormat = cbFormat(op.getPartials()) != cbFormat(op.getIn1());
    setComment(PackReconfigL1AccOp::create(
                   b, loc,
                   named(arith::ExtUIOp::create(b, loc, b.getI32Type(),
                                                accumulate),
                         "accumulate_in_l1")),
               "Middle K steps add their products to the partial sums in L1");
    forRange(b, loc, op.getM() / h, "subblock_row",
             "For each DST subblock of the output block: accumulate this K "
             "step and pack",
             [&](OpBuilder &b, Value sbRow) {
      forRange(b, loc, op.getN() / w, "subblock_col", [&](OpBuilder &b, Value sbCol) {
        setComment(TileRegsAcquireOp::create(b, loc), kMathComment);
        scf::IfOp::create(b, loc, reload, [&](OpBuilder &b, Location loc) {
          Value pages = i32Const(b, loc, tiles);
          CBWaitFrontOp::create(b, loc, op.getPartials(), pages);
          // copy_tile unpacks through source A, which holds in1's format.
          if (reloadFormat)
            ReconfigDataFormatSrcAOp::create(b, loc, op.getPartials());
          CopyTileInitOp::create(b, loc, op.getPartials());
          forRange(b, loc, tiles, "tile", "Reload the subblock's partial sums into DST",
                   [&](OpBuilder &b, Value t) {
            CopyTileOp::create(b, loc, op.getPartials(), t, t);
          });
          CBPopFrontOp::create(b, loc, op.getPartials(), pages);
          // copy_tile reconfigured the unpacker; set it up for matmul again.
          if (reloadFormat)
            ReconfigDataFormatSrcAOp::create(b, loc, op.getIn1());
          createMatmulInit(b, loc, op.getIn0(), op.getIn1(),
                           op.getTransposeIn1());
          scf::YieldOp::create(b, loc);
        });
        Value row0 = arith::MulIOp::create(b, loc, sbRow, i32Const(b, loc, h));
        Value col0 = arith::MulIOp::create(b, loc, sbCol, i32Const(b, loc, w));
        emitMatmulTiles(b, loc, op, row0, col0, h, w);
        TileRegsCommitOp::create(b, loc);
        setComment(TileRegsWaitOp::create(b, loc),
                   "Pack: wait for DST, pack it, give it back to math");
        scf::IfOp::create(
            b, loc, isLast,
            [&](OpBuilder &b, Location loc) {
              emitPack(b, loc, op.getOut(), tiles);
              scf::YieldOp::create(b, loc);
            },
            [&](OpBuilder &b, Location loc) {
              // Packing onto the subblock's partial sums: free its pages
              // and reserve them again, so the pack lands on them.
              scf::IfOp::create(b, loc, notFirst, [&](OpBuilder &b, Location loc) {
                Value pages = i32Const(b, loc, tiles);
                CBWaitFrontOp::create(b, loc, op.getPartials(), pages);
                CBPopFrontOp::create(b, loc, op.getPartials(), pages);
                scf::YieldOp::create(b, loc);
              });
              emitPack(b, loc, op.getPartials(), tiles);
              scf::YieldOp::create(b, loc);
            });
        TileRegsReleaseOp::create(b, loc);
      });
    });
  }
};

/// Each tile of the block through DST, transposed by the unpacker, packed in
/// the transposed block's row-major order.
struct TransposeBlockToTiles : OpRewritePattern<TransposeBlockOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(TransposeBlockOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    int64_t rows = op.getRows(), cols = op.getCols();
    Value tiles = i32Const(rewriter, loc, rows * cols);
    Value zero = i32Const(rewriter, loc, 0);
    CBWaitFrontOp::create(rewriter, loc, op.getIn(), tiles);
    setComment(CBReserveBackOp::create(rewriter, loc, op.getOut(), tiles),
               "Transpose the block: each tile through DST, transposed by the "
               "unpacker, packed as it is (no L1 accumulation) in its own "
               "format");
    // The packer may be accumulating into L1 or set for another format
    // (the partial sums' between K steps).
    PackReconfigL1AccOp::create(rewriter, loc, zero);
    PackReconfigDataFormatOp::create(rewriter, loc, op.getOut());
    TransposeWhInitOp::create(rewriter, loc, op.getIn());
    // Out tile (i, j) of the cols x rows block is in's tile (j, i).
    forRange(rewriter, loc, cols, "out_row", [&](OpBuilder &b, Value i) {
      forRange(b, loc, rows, "out_col", [&](OpBuilder &b, Value j) {
        Value source = affine(b, loc, j, cols, i);
        setCppName(source.getDefiningOp(), "source_tile");
        TileRegsAcquireOp::create(b, loc);
        TransposeWhTileOp::create(b, loc, op.getIn(), source, zero);
        TileRegsCommitOp::create(b, loc);
        TileRegsWaitOp::create(b, loc);
        PackTileOp::create(b, loc, zero, op.getOut(),
                           affine(b, loc, i, rows, j));
        TileRegsReleaseOp::create(b, loc);
      });
    });
    PackReconfigDataFormatOp::create(rewriter, loc, op.getPackerCb());
    CBPushBackOp::create(rewriter, loc, op.getOut(), tiles);
    CBPopFrontOp::create(rewriter, loc, op.getIn(), tiles);
    rewriter.eraseOp(op);
    return success();
  }
};

struct PackBlockToTiles : OpRewritePattern<PackBlockOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(PackBlockOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value count = i32Const(rewriter, loc, op.getCount());
    // The epilogue runs on the math side, before DST goes to the packer.
    if (ArrayAttr steps = op.getEpilogueAttr())
      emitEpilogueSteps(rewriter, loc, steps, op.getCount());
    TileRegsCommitOp::create(rewriter, loc);
    setComment(CBReserveBackOp::create(rewriter, loc, op.getOut(), count),
               kPackComment);
    TileRegsWaitOp::create(rewriter, loc);
    forRange(rewriter, loc, op.getCount(), "tile", "Pack the DST tiles in order",
             [&](OpBuilder &b, Value t) {
      PackTileOp::create(b, loc, t, op.getOut(), t);
    });
    TileRegsReleaseOp::create(rewriter, loc);
    CBPushBackOp::create(rewriter, loc, op.getOut(), count);
    rewriter.eraseOp(op);
    return success();
  }
};

/// The result block, subblock by subblock: into DST through the unpacker
/// (adding the bias row) or a copy, the steps on DST, packed to `out`.
struct EpilogueBlockToTiles : OpRewritePattern<EpilogueBlockOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(EpilogueBlockOp op,
                                PatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    OpBuilder &b = rewriter;
    int64_t h = op.getSubblockH(), w = op.getSubblockW(), tiles = h * w;
    Value in = op.getIn(), out = op.getOut(), bias = op.getBias();
    Value biasTiles = i32Const(b, loc, op.getN());
    // Unpack the result through source A and the bias through source B; pack
    // to the output in its format, without L1 accumulation.
    Operation *first;
    if (bias) {
      first = CBWaitFrontOp::create(b, loc, bias, biasTiles);
      ReconfigDataFormatOp::create(b, loc, in, bias);
      AddBcastRowsInitOp::create(b, loc, in, bias);
    } else {
      first = ReconfigDataFormatSrcAOp::create(b, loc, in);
      CopyTileInitOp::create(b, loc, in);
    }
    setComment(first, bias ? "Epilogue: add the bias row to each subblock as "
                             "it is unpacked, apply the steps, pack it"
                           : "Epilogue: copy each subblock into DST, apply "
                             "the steps, pack it");
    PackReconfigL1AccOp::create(b, loc, i32Const(b, loc, 0));
    PackReconfigDataFormatOp::create(b, loc, out);
    forRange(b, loc, op.getM() / h, "subblock_row", [&](OpBuilder &b, Value sbRow) {
      forRange(b, loc, op.getN() / w, "subblock_col", [&](OpBuilder &b, Value sbCol) {
        Value pages = i32Const(b, loc, tiles);
        CBWaitFrontOp::create(b, loc, in, pages);
        TileRegsAcquireOp::create(b, loc);
        forRange(b, loc, h, "i", [&](OpBuilder &b, Value i) {
          forRange(b, loc, w, "j", [&](OpBuilder &b, Value j) {
            Value t = affine(b, loc, i, w, j);
            setCppName(t.getDefiningOp(), "result_tile");
            if (bias) {
              // Bias tile of the block's column sbCol*w + j.
              Value col = affine(b, loc, sbCol, w, j);
              setCppName(col.getDefiningOp(), "bias_tile");
              AddTilesBcastRowsOp::create(b, loc, in, bias, t, col, t);
            } else {
              CopyTileOp::create(b, loc, in, t, t);
            }
          });
        });
        emitEpilogueSteps(b, loc, op.getEpilogue(), tiles);
        TileRegsCommitOp::create(b, loc);
        CBPopFrontOp::create(b, loc, in, pages);
        TileRegsWaitOp::create(b, loc);
        emitPack(b, loc, out, tiles);
        TileRegsReleaseOp::create(b, loc);
      });
    });
    if (bias)
      CBPopFrontOp::create(b, loc, bias, biasTiles);
    // Back to the block matmul: its operands' formats in the unpacker, its
    // partial sums' in the packer.
    ReconfigDataFormatOp::create(b, loc, op.getIn1(), op.getIn0());
    PackReconfigDataFormatOp::create(b, loc, in);
    createMatmulInit(b, loc, op.getIn0(), op.getIn1(), op.getTransposeIn1());
    rewriter.eraseOp(op);
    return success();
  }
};

struct TTTensorizePass : tt::impl::TTTensorizeBase<TTTensorizePass> {
  void runOnOperation() override {
    bool ok = true;
    bool hasMatmul =
        getOperation()
            .walk([](MatmulBlockOp) { return WalkResult::interrupt(); })
            .wasInterrupted();
    if (hasMatmul) {
      FailureOr<TargetAttr> target = getTarget(getOperation(), "tt-tensorize");
      if (failed(target))
        return signalPassFailure();
      int64_t capacity = target->getDstTileCapacity();
      getOperation().walk([&](MatmulBlockOp op) {
        int64_t dstTiles = op.getSubblockRows() * op.getSubblockCols();
        if (dstTiles > capacity) {
          op.emitOpError() << "accumulates " << op.getSubblockRows() << "x"
                           << op.getSubblockCols() << " = " << dstTiles
                           << " tiles in DST, which holds " << capacity
                           << (capacity == 8 ? " bf16" : " fp32")
                           << " tiles in half-sync mode";
          ok = false;
        }
      });
    }
    if (!ok)
      return signalPassFailure();
    RewritePatternSet patterns(&getContext());
    patterns.add<MatmulBlockToTiles, PackBlockToTiles, TransposeBlockToTiles,
                 EpilogueBlockToTiles>(&getContext());
    scf::ForOp::getCanonicalizationPatterns(patterns, &getContext());
    scf::IfOp::getCanonicalizationPatterns(patterns, &getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
