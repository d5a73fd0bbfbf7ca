//===- InferSchedule.cpp - output blocks spread over cores ----------------===//
#include "TTDialect/Transforms/Passes.h"
#include "TTDialect/Transforms/ScheduleCost.h"

namespace mlir::tt {
#define GEN_PASS_DEF_TTINFERSCHEDULE
#include "TTDialect/Transforms/Passes.h.inc"
} // namespace mlir::tt

using namespace mlir;
using namespace mlir::tt;

namespace {
/// Whether `value` is computed from `blockIndex` (a tl.kernel block index).
/// Other block arguments (the K loop's counter) are the same on every core:
/// tl.pipelined runs a constant number of steps.
bool dependsOn(Value value, Value blockIndex) {
  SmallVector<Value> worklist{value};
  llvm::SmallDenseSet<Value> seen;
  while (!worklist.empty()) {
    Value v = worklist.pop_back_val();
    if (v == blockIndex)
      return true;
    if (!seen.insert(v).second)
      continue;
    if (Operation *def = v.getDefiningOp()) {
      // A value computed by an op with regions could depend on anything.
      if (def->getNumRegions() != 0)
        return true;
      llvm::append_range(worklist, def->getOperands());
    }
  }
  return false;
}

/// The cores a block load is the same for: all of a grid row when its
/// indices do not depend on `bx` (A), all of a column when they do not
/// depend on `by` (B); none for a load under control flow, which might
/// differ between cores. (`planMulticast` turns these into the whole grid
/// for a folded row or column of blocks.)
std::optional<McastDirection> sharedAlong(tl::CopyOp copy, tl::KernelOp kernel) {
  if (!copy.isLoad() || copy->getParentOfType<scf::IfOp>())
    return std::nullopt;
  Value bx = kernel.getBodyBlock().getArgument(0);
  Value by = kernel.getBodyBlock().getArgument(1);
  auto indices = copy.getGlobalIndices();
  if (llvm::none_of(indices, [&](Value v) { return dependsOn(v, bx); }))
    return McastDirection::Row;
  if (llvm::none_of(indices, [&](Value v) { return dependsOn(v, by); }))
    return McastDirection::Column;
  return std::nullopt;
}

/// Whether multicasting some block load of `kernel` saves DRAM reads.
bool hasSharedLoad(tl::KernelOp kernel) {
  bool shared = false;
  kernel.walk([&](tl::CopyOp copy) {
    shared |= sharedAlong(copy, kernel).has_value();
  });
  return shared;
}

/// The kernel's matmul as the cost model sees it, and its blocks: from its
/// gemm's shared buffers and fragment, its grid and its K loop.
std::optional<std::pair<MatmulProblem, ScheduleCandidate>>
problemOf(tl::KernelOp kernel, int64_t dstTiles) {
  tl::GemmOp gemm;
  kernel.walk([&](tl::GemmOp op) { gemm = op; });
  auto loop = gemm ? llvm::dyn_cast<tl::PipelinedOp>(gemm->getParentOp())
                   : tl::PipelinedOp();
  if (!loop)
    return std::nullopt;
  tl::MatmulShape shape = gemm.getShape();
  MatmulProblem problem;
  ScheduleCandidate blocks;
  blocks.blockM = shape.m / tl::kTileSize;
  blocks.blockK = shape.k / tl::kTileSize;
  blocks.blockN = shape.n / tl::kTileSize;
  if (blocks.blockM <= 0 || blocks.blockK <= 0 || blocks.blockN <= 0)
    return std::nullopt;
  blocks.stages = loop.getStages();
  std::tie(blocks.subblockH, blocks.subblockW) =
      chooseSubblock(blocks.blockM, blocks.blockN, dstTiles);
  problem.mTiles = int64_t(kernel.getGrid()[1]) * blocks.blockM;
  problem.nTiles = int64_t(kernel.getGrid()[0]) * blocks.blockN;
  problem.kTiles = int64_t(loop.getCount()) * blocks.blockK;
  problem.batch = kernel.getGrid().size() == 3 ? kernel.getGrid()[2] : 1;
  problem.transposeA = gemm.getTransposeA();
  kernel.walk([&](Operation *op) {
    if (llvm::isa<tl::AddBiasOp>(op))
      problem.bias = true;
    else if (Attribute step = getEpilogueStep(op))
      problem.addEpilogueStep(step);
  });
  kernel.walk([&](tl::CopyOp copy) {
    auto global = llvm::cast<MemRefType>(copy.getGlobal().getType());
    if (!copy.isLoad()) {
      problem.outTileBytes = getTileSizeInBytes(getStorageFormat(copy.getGlobal()));
      return;
    }
    // A fragment loaded from C: C += A * B.
    if (copy.getDest() == gemm.getC())
      problem.accumulate = true;
    // Edge blocks reach past the matrices: the problem is what the operands
    // hold (whole tiles), where the kernel loads all of them.
    int64_t rows = tl::tilesFor(global.getDimSize(global.getRank() - 2));
    int64_t cols = tl::tilesFor(global.getDimSize(global.getRank() - 1));
    bool isA = copy.getDest() == gemm.getA(), isB = copy.getDest() == gemm.getB();
    if (!isA && !isB)
      return;
    (isA ? problem.aTileBytes : problem.bTileBytes) =
        getTileSizeInBytes(getStorageFormat(copy.getGlobal()));
    bool transposed = isA ? gemm.getTransposeA() : gemm.getTransposeB();
    if (transposed)
      std::swap(rows, cols);
    // (rows x cols is op(A): M x K, or op(B): K x N.)
    int64_t &outer = isA ? problem.mTiles : problem.nTiles;
    int64_t outerTiles = isA ? rows : cols;
    int64_t innerTiles = isA ? cols : rows;
    outer = std::min(outer, outerTiles);
    problem.kTiles = std::min(problem.kTiles, innerTiles);
  });
  return std::make_pair(problem, blocks);
}

struct TTInferSchedulePass
    : tt::impl::TTInferScheduleBase<TTInferSchedulePass> {
  using Base::Base;

  /// The schedule the cost model predicts faster for the kernel's own
  /// blocks; multicast only where it is legal and shares a load.
  Schedule cheaper(tl::KernelOp kernel, TargetAttr target) {
    DeviceAttr device = target.getDevice();
    auto why = [&](StringRef reason) {
      if (explain)
        kernel.emitRemark() << "schedule: reuse (" << reason << ")";
      return Schedule::Reuse;
    };
    if (!placeMulticast(kernel.getGrid()[0], kernel.getGrid()[1], device))
      return why("the kernel's block grid does not fit the compute grid, nor "
                 "is it one row or column of blocks that fills a rectangle of "
                 "it, so its blocks cannot go one per core");
    if (!hasSharedLoad(kernel))
      return why("no block load is shared by a row or column of cores");
    auto problem = problemOf(kernel, target.getDstTileCapacity());
    if (!problem)
      return why("the kernel is not one gemm in a pipelined K loop");
    auto [matmul, candidate] = *problem;
    candidate.kind = Schedule::Reuse;
    SchedulePrediction reuse = predictSchedule(matmul, candidate, target);
    candidate.kind = Schedule::Multicast;
    SchedulePrediction multicast = predictSchedule(matmul, candidate, target);
    Schedule kind = multicast.cycles < reuse.cycles ? Schedule::Multicast
                                                    : Schedule::Reuse;
    if (explain)
      kernel.emitRemark() << "schedule: " << stringifySchedule(kind)
                          << " for the kernel's " << candidate.blockM << "x"
                          << candidate.blockN << "x" << candidate.blockK
                          << "-tile blocks: multicast "
                          << int64_t(multicast.cycles) << " cycles predicted ("
                          << multicast.bound << " bound, "
                          << multicast.dramTileReads
                          << " DRAM tile reads), reuse " << int64_t(reuse.cycles)
                          << " (" << reuse.bound << " bound, "
                          << reuse.dramTileReads << ")";
    return kind;
  }

  /// One block per core (each core computes its block of every matrix of a
  /// batch in turn): on a gridX x gridY rectangle, marking the block loads
  /// every core of a row (column) shares; or, for one row (column) of blocks
  /// longer than the device's grid, folded row-wise onto a rectangle of it,
  /// marking the load all the blocks share for the whole grid.
  LogicalResult planMulticast(tl::KernelOp kernel, DeviceAttr device) {
    int64_t gridX = kernel.getGrid()[0], gridY = kernel.getGrid()[1];
    std::optional<MulticastPlacement> place =
        placeMulticast(gridX, gridY, device);
    if (!place)
      return kernel.emitOpError()
             << "the multicast schedule places one output block per core, "
                "but the kernel's "
             << gridX << "x" << gridY << " blocks do not fit the "
             << device.getGridX() << "x" << device.getGridY()
             << " compute grid of " << stringifyArch(device.getArch())
             << ", nor are they one row or column of blocks that fills a "
                "rectangle of it; use larger blocks (block-m, block-n) or "
                "schedule=reuse";
    kernel.walk([&](tl::CopyOp copy) {
      std::optional<McastDirection> along = sharedAlong(copy, kernel);
      if (along && place->folded) {
        // Shared along the grid's long side: by every block. Along a side
        // one block long: by none.
        bool alongRow = *along == McastDirection::Row;
        if ((alongRow ? gridX : gridY) == 1)
          along.reset();
        else
          along = McastDirection::Grid;
      }
      if (along)
        copy->setAttr(TTDialect::kMulticastAttrName,
                      McastDirectionAttr::get(&getContext(), *along));
    });
    kernel->getParentOfType<func::FuncOp>()->setAttr(
        TTDialect::kWorkSplitAttrName,
        WorkSplitAttr::compute(&getContext(), gridX * gridY, place->width,
                               place->height, /*rowWise=*/true));
    return success();
  }

  /// Whether `a` and `b` are computed the same way (the same value, or ops of
  /// one kind with equal attributes on operands computed the same way): a
  /// frontend spells an index once per use.
  static bool sameValue(Value a, Value b) {
    if (a == b)
      return true;
    Operation *x = a.getDefiningOp(), *y = b.getDefiningOp();
    if (!x || !y || x->getName() != y->getName() ||
        x->getAttrDictionary() != y->getAttrDictionary() ||
        x->getNumRegions() || y->getNumRegions() ||
        x->getNumOperands() != y->getNumOperands() ||
        llvm::cast<OpResult>(a).getResultNumber() !=
            llvm::cast<OpResult>(b).getResultNumber() ||
        !isMemoryEffectFree(x))
      return false;
    return llvm::all_of_zip(x->getOperands(), y->getOperands(), sameValue);
  }

  /// Blocks run on different cores in no order: a buffer the kernel writes
  /// must not be one it reads, or a core may read a tile another core has
  /// already overwritten.
  static LogicalResult checkNoReadAfterWrite(func::FuncOp func,
                                             tl::KernelOp kernel) {
    // The global side of a copy is the one with region indices.
    llvm::DenseMap<Value, tl::CopyOp> firstRead;
    kernel.walk([&](tl::CopyOp copy) {
      if (!copy.getSourceIndices().empty())
        firstRead.try_emplace(copy.getSource(), copy);
    });
    WalkResult result = kernel.walk([&](tl::CopyOp copy) {
      tl::CopyOp read;
      if (!copy.getDestIndices().empty())
        read = firstRead.lookup(copy.getDest());
      if (!read)
        return WalkResult::advance();
      // Accumulation: a block loads its own region of C into its fragment and
      // stores the fragment back to that region; no other block touches it.
      if (read.getDest() == copy.getSource() &&
          llvm::all_of_zip(read.getSourceIndices(), copy.getDestIndices(),
                           sameValue))
        return WalkResult::advance();
      std::string name = "a buffer";
      if (auto arg = dyn_cast<BlockArgument>(copy.getDest())) {
        name = ("argument " + Twine(arg.getArgNumber()) + " of @" +
                func.getSymName())
                   .str();
        // The Python frontend names parameters by a NameLoc.
        if (auto named = dyn_cast<NameLoc>(arg.getLoc()))
          name = (named.getName().strref() + " (" + name + ")").str();
      }
      InFlightDiagnostic diag =
          copy.emitError()
          << "the kernel writes " << name
          << ", which it also reads: blocks run on different cores in no "
             "order, so a block could read tiles another has already "
             "overwritten; write the result to a buffer of its own";
      diag.attachNote(read.getLoc()) << "read here";
      return WalkResult::interrupt();
    });
    return failure(result.wasInterrupted());
  }

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    auto kernels = llvm::to_vector(func.getOps<tl::KernelOp>());
    if (kernels.empty())
      return;
    if (kernels.size() > 1) {
      kernels[1].emitOpError(
          "a function may hold one tl.kernel; split the others into their own "
          "functions");
      return signalPassFailure();
    }
    tl::KernelOp kernel = kernels.front();
    if (kernel.getGrid().size() < 2) {
      kernel.emitOpError() << "the Tenstorrent lowering expects a 2-D grid "
                              "(T.Kernel(grid_x, grid_y)) or a batch of them "
                              "(T.Kernel(grid_x, grid_y, batch)), got "
                           << kernel.getGrid().size() << " dimension";
      return signalPassFailure();
    }
    if (failed(checkNoReadAfterWrite(func, kernel)))
      return signalPassFailure();
    FailureOr<TargetAttr> target = getTarget(func, "tt-infer-schedule");
    if (failed(target))
      return signalPassFailure();
    DeviceAttr device = target->getDevice();
    uint64_t gridX = kernel.getGrid()[0], gridY = kernel.getGrid()[1];
    uint64_t batch = kernel.getGrid().size() == 3 ? kernel.getGrid()[2] : 1;
    // Each output block of each matrix is one unit of work; a 32-bit kernel
    // counts them. (The extents are positive and below 2^63 each.)
    llvm::APInt units(128, gridX);
    units *= llvm::APInt(128, gridY);
    units *= llvm::APInt(128, batch);
    if (units.ugt(UINT32_MAX)) {
      InFlightDiagnostic diag = kernel.emitError()
                                << "the kernel's grid has " << gridX << " x "
                                << gridY;
      if (kernel.getGrid().size() == 3)
        diag << " x " << batch;
      diag << " output blocks, more than the 2^32 a kernel can count";
      return signalPassFailure();
    }
    uint64_t blocks = units.getZExtValue();
    // What the kernel computes was stated when it was built; its gemm says
    // which operands it reads transposed.
    // A fragment loaded from global memory starts from C: C += op(A) op(B).
    if (kernel.getWholeMatmul()) {
      tl::GemmOp gemm;
      kernel.walk([&](tl::GemmOp op) { gemm = op; });
      bool accumulate = false;
      kernel.walk([&](tl::CopyOp copy) {
        accumulate |= gemm && copy.isLoad() && copy.getDest() == gemm.getC();
      });
      // A fused epilogue: the bias argument and the steps after it, in order.
      int64_t biasArg = -1;
      SmallVector<Attribute> steps;
      kernel.walk([&](Operation *op) {
        if (auto add = llvm::dyn_cast<tl::AddBiasOp>(op)) {
          if (auto arg = llvm::dyn_cast<BlockArgument>(add.getBias()))
            biasArg = arg.getArgNumber();
        } else if (Attribute step = getEpilogueStep(op)) {
          steps.push_back(step);
        }
      });
      func->setAttr(TTDialect::kWholeMatmulAttrName,
                    MatmulFormAttr::get(
                        &getContext(), gemm && gemm.getTransposeA(),
                        gemm && gemm.getTransposeB(), accumulate, biasArg,
                        steps.empty() ? ArrayAttr()
                                      : ArrayAttr::get(&getContext(), steps)));
    }
    // What tt-select-schedule chose, else the option (auto: by cost).
    Schedule kind = schedule;
    if (auto chosen = func->getAttrOfType<ScheduleAttr>(
            TTDialect::kScheduleAttrName))
      kind = chosen.getKind();
    else if (kind == Schedule::Auto)
      kind = cheaper(kernel, *target);
    if (kind == Schedule::Multicast) {
      if (failed(planMulticast(kernel, device)))
        return signalPassFailure();
      return;
    }
    func->setAttr(TTDialect::kWorkSplitAttrName,
                  WorkSplitAttr::compute(&getContext(), blocks,
                                         device.getGridX(), device.getGridY(),
                                         /*rowWise=*/false));
  }
};
} // namespace
