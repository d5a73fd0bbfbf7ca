//===- SelectSchedule.cpp - a matmul's schedule chosen by cost ------------===//
#include "TTDialect/Transforms/Passes.h"
#include "TTDialect/Transforms/ScheduleCost.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MathExtras.h"

namespace mlir::tt {
#define GEN_PASS_DEF_TTSELECTSCHEDULE
#include "TTDialect/Transforms/Passes.h.inc"
} // namespace mlir::tt

using namespace mlir;
using namespace mlir::tt;

namespace {
using Scored = ScoredSchedule;

std::string describe(const Scored &s) {
  const ScheduleCandidate &c = s.candidate;
  const SchedulePrediction &p = s.prediction;
  std::string kind = stringifySchedule(c.kind).str();
  // One row or column of blocks folded onto the grid: the operand every
  // block shares goes to all the cores.
  if (p.foldedWidth > 0)
    kind += llvm::formatv(" to the whole grid ({0}x{1} cores)", p.foldedWidth,
                          p.foldedHeight)
                .str();
  return llvm::formatv(
             "{0} block {1}x{2}x{3} (tiles {4}x{5}x{6}, subblock {7}x{8}) on "
             "{9} cores: {10:f0} cycles predicted, {11:f1}% of peak, {12} "
             "bound, {13} DRAM tile reads, {14} KB of L1",
             kind, c.blockM * tl::kTileSize,
             c.blockN * tl::kTileSize, c.blockK * tl::kTileSize, c.blockM,
             c.blockN, c.blockK, c.subblockH, c.subblockW, p.cores, p.cycles,
             100 * p.utilization(), p.bound, p.dramTileReads,
             p.l1Bytes / 1024)
      .str();
}

struct TTSelectSchedulePass
    : tt::impl::TTSelectScheduleBase<TTSelectSchedulePass> {
  using Base::Base;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    auto matmuls = llvm::to_vector(func.getOps<tl::MatmulOp>());
    if (matmuls.empty() || func->hasAttr(TTDialect::kScheduleAttrName))
      return;
    if (matmuls.size() > 1) {
      matmuls[1].emitOpError(
          "a function may hold one tl.matmul for the Tenstorrent lowering; "
          "split the others into their own functions");
      return signalPassFailure();
    }
    tl::MatmulOp op = matmuls.front();
    FailureOr<TargetAttr> target = getTarget(func, "tt-select-schedule");
    if (failed(target))
      return signalPassFailure();
    // The problem in whole tiles: partial tiles are zero-padded.
    tl::MatmulShape shape = op.getShape();
    int64_t m = tl::paddedToTiles(shape.m), k = tl::paddedToTiles(shape.k),
            n = tl::paddedToTiles(shape.n);
    // Shapes and fixed blocks tl-matmul-to-kernel rejects are left for it to
    // diagnose.
    for (auto [size, fixed] : {std::pair<int64_t, int64_t>{m, blockM},
                               {n, int64_t(blockN)}, {k, int64_t(blockK)}})
      if (size <= 0 || fixed < 0 || fixed % tl::kTileSize)
        return;

    MatmulProblem problem{m / tl::kTileSize,
                          n / tl::kTileSize,
                          k / tl::kTileSize,
                          getTileSizeInBytes(getStorageFormat(op.getA())),
                          getTileSizeInBytes(getStorageFormat(op.getB())),
                          getTileSizeInBytes(getStorageFormat(op.getC())),
                          op.getTransposeA(),
                          op.getAccumulate(),
                          op.getBatch()};
    problem.bias = static_cast<bool>(op.getBias());
    if (ArrayAttr steps = op.getEpilogueAttr())
      for (Attribute step : steps)
        problem.addEpilogueStep(getEpilogueStep(step));
    SmallVector<Schedule> kinds;
    if (schedule == Schedule::Auto)
      kinds = {Schedule::Multicast, Schedule::Reuse};
    else
      kinds = {schedule};

    std::optional<Scored> smallest; // the least L1, when nothing fits
    SmallVector<Scored> scored = searchSchedules(
        problem, *target, kinds, blockM, blockN, blockK, numStages, &smallest);
    if (scored.empty()) {
      // Nothing fits L1 (a small device, or blocks the user fixed): take
      // the candidate closest to fitting, whose circular buffers the memory
      // planning then names in its error; or the fixed blocks as they are
      // when the grid ruled them out.
      ScheduleCandidate chosen;
      if (smallest) {
        chosen = smallest->candidate;
      } else {
        chosen.kind = schedule == Schedule::Auto ? Schedule::Reuse
                                                 : Schedule(schedule);
        chosen.blockM = std::max<int64_t>(blockM, tl::kTileSize) / tl::kTileSize;
        chosen.blockN = std::max<int64_t>(blockN, tl::kTileSize) / tl::kTileSize;
        chosen.blockK = std::max<int64_t>(blockK, tl::kTileSize) / tl::kTileSize;
      }
      func->setAttr(TTDialect::kScheduleAttrName,
                    ScheduleAttr::get(&getContext(), chosen.kind,
                                      chosen.blockM * tl::kTileSize,
                                      chosen.blockN * tl::kTileSize,
                                      chosen.blockK * tl::kTileSize));
      return;
    }
    const Scored &best = scored.front();
    func->setAttr(TTDialect::kScheduleAttrName,
                  ScheduleAttr::get(&getContext(), best.candidate.kind,
                                    best.candidate.blockM * tl::kTileSize,
                                    best.candidate.blockN * tl::kTileSize,
                                    best.candidate.blockK * tl::kTileSize));
    if (!explain)
      return;
    // The winner, then the best of each kind and the runners-up.
    InFlightDiagnostic remark = op.emitRemark();
    // Each matrix of A and of B once; a shared (rank-2) operand once in all.
    uint64_t minimumReads = llvm::SaturatingAdd(
        llvm::SaturatingMultiply(
            uint64_t(tl::batchOf(op.getA().getType())),
            llvm::SaturatingMultiply(uint64_t(problem.mTiles),
                                     uint64_t(problem.kTiles))),
        llvm::SaturatingMultiply(
            uint64_t(tl::batchOf(op.getB().getType())),
            llvm::SaturatingMultiply(uint64_t(problem.kTiles),
                                     uint64_t(problem.nTiles))));
    remark << "schedule: " << describe(best) << "; minimum DRAM tile reads "
           << minimumReads << "; " << scored.size() << " candidates fit";
    for (Schedule kind : kinds) {
      auto it = llvm::find_if(scored, [&](const Scored &s) {
        return s.candidate.kind == kind;
      });
      if (it == scored.end()) {
        remark.attachNote() << "best " << stringifySchedule(kind)
                            << ": none fits (grid or L1)";
        continue;
      }
      remark.attachNote() << "best " << stringifySchedule(kind) << ": "
                          << describe(*it) << " ("
                          << llvm::formatv("{0:f2}",
                                           it->prediction.cycles /
                                               best.prediction.cycles)
                          << "x the winner)";
    }
    for (const Scored &s : ArrayRef(scored).drop_front().take_front(3))
      remark.attachNote() << "runner-up: " << describe(s);
  }
};
} // namespace
