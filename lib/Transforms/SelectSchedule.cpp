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
/// The largest K step the search considers, in tiles: beyond it the input
/// CBs grow faster than the per-step overheads shrink.
constexpr int64_t kMaxBlockKTiles = 8;
/// The largest output block side, in tiles: a 32x32-tile block's partial
/// sums alone (4 MB) exceed any L1, so larger sides never fit.
constexpr int64_t kMaxBlockTiles = 32;

/// Block sides for `tiles`, or the fixed one: for each number of blocks g,
/// the smallest side that covers `tiles` in g blocks, ceil(tiles / g). These
/// are the divisors and, between them, the sides whose edge block wastes
/// least for their block count (a grid of 10 or 11 rows on 64 tiles).
SmallVector<int64_t> blockChoices(int64_t tiles, int64_t fixedElements,
                                  int64_t limit) {
  if (fixedElements > 0)
    return {fixedElements / tl::kTileSize};
  // A side s is the smallest for its block count g = ceil(tiles / s) when
  // ceil(tiles / g) is s again: one test per side, so the search stays
  // O(limit) however many tiles a dimension has.
  SmallVector<int64_t> sides;
  for (int64_t side = 1; side <= std::min(tiles, limit); ++side) {
    int64_t blocks = llvm::divideCeil(tiles, side);
    if (int64_t(llvm::divideCeil(tiles, blocks)) == side)
      sides.push_back(side);
  }
  return sides;
}

/// K steps for `tiles`, or the fixed one: the divisors of K up to `limit`,
/// and the steps that leave a partial last step only when K has no divisor
/// in (limit / 2, limit] (a prime tile count, say). A partial step pays a
/// whole step's handshakes and multicasts for part of its work, which the
/// cost model undercounts (1024^3 on Wormhole: K steps of 7 tiles model
/// 2.3 % slower on the emulator than steps of 8, predicted faster).
SmallVector<int64_t> kStepChoices(int64_t tiles, int64_t fixedElements,
                                  int64_t limit) {
  if (fixedElements > 0)
    return {fixedElements / tl::kTileSize};
  SmallVector<int64_t> divisors;
  for (int64_t step = 1; step <= std::min(tiles, limit); ++step)
    if (tiles % step == 0)
      divisors.push_back(step);
  if (2 * divisors.back() > std::min(tiles, limit))
    return divisors;
  return blockChoices(tiles, fixedElements, limit);
}

struct Scored {
  ScheduleCandidate candidate;
  SchedulePrediction prediction;
};

std::string describe(const Scored &s) {
  const ScheduleCandidate &c = s.candidate;
  const SchedulePrediction &p = s.prediction;
  return llvm::formatv(
             "{0} block {1}x{2}x{3} (tiles {4}x{5}x{6}, subblock {7}x{8}) on "
             "{9} cores: {10:f0} cycles predicted, {11:f1}% of peak, {12} "
             "bound, {13} DRAM tile reads, {14} KB of L1",
             stringifySchedule(c.kind), c.blockM * tl::kTileSize,
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
    DeviceAttr device = target->getDevice();
    int64_t dst = target->getDstTileCapacity();
    SmallVector<Schedule> kinds;
    if (schedule == Schedule::Auto)
      kinds = {Schedule::Multicast, Schedule::Reuse};
    else
      kinds = {schedule};

    SmallVector<Scored> scored;
    std::optional<Scored> smallest; // the least L1, when nothing fits
    for (Schedule kind : kinds)
      for (int64_t bm : blockChoices(problem.mTiles, blockM, kMaxBlockTiles))
        for (int64_t bn : blockChoices(problem.nTiles, blockN, kMaxBlockTiles))
          for (int64_t bk :
               kStepChoices(problem.kTiles, blockK, kMaxBlockKTiles)) {
            if (kind == Schedule::Multicast &&
                (llvm::divideCeil(problem.mTiles, bm) >
                     int64_t(device.getGridY()) ||
                 llvm::divideCeil(problem.nTiles, bn) >
                     int64_t(device.getGridX())))
              continue;
            ScheduleCandidate cand;
            cand.kind = kind;
            cand.blockM = bm;
            cand.blockN = bn;
            cand.blockK = bk;
            cand.stages = numStages;
            std::tie(cand.subblockH, cand.subblockW) =
                chooseSubblock(bm, bn, dst);
            SchedulePrediction pred = predictSchedule(problem, cand, *target);
            if (pred.fitsL1)
              scored.push_back({cand, pred});
            else if (!smallest || pred.l1Bytes < smallest->prediction.l1Bytes)
              smallest = Scored{cand, pred};
          }
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
    // Fastest first; among equals, fewer cores, then less L1.
    llvm::stable_sort(scored, [](const Scored &x, const Scored &y) {
      if (x.prediction.cycles != y.prediction.cycles)
        return x.prediction.cycles < y.prediction.cycles;
      if (x.prediction.cores != y.prediction.cores)
        return x.prediction.cores < y.prediction.cores;
      return x.prediction.l1Bytes < y.prediction.l1Bytes;
    });
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
