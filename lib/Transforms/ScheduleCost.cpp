//===- ScheduleCost.cpp - predicted cycles of a matmul schedule -----------===//
//
// The model follows one core through its K loop: per K step it is busy for
// the longer of its math (and packing) and its data movement, since the
// double-buffered CBs let the reader fetch the next step while compute works
// on this one. Data movement per step is what the emitted readers do: reuse
// reads both blocks from DRAM and waits for them; multicast has the row's
// (column's) first core read and then multicast its block, A on the reader
// and B on the writer RISC, so a step costs the slower sender's read and
// transfer. The first step is not
// overlapped (start-up), and the output block's writes overlap only its last
// K step (tail). The whole is never below the DRAM bytes at the device's
// bandwidth. Every parameter is the emulator's (ttemu::model::DeviceModel).
//
//===----------------------------------------------------------------------===//
#include "TTDialect/Transforms/ScheduleCost.h"
#include "TTDialect/TL/IR/TLOps.h"

#include "ttemu/device_model.hpp"
#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <cmath>

using namespace mlir;
using namespace mlir::tt;

std::pair<int64_t, int64_t> mlir::tt::chooseSubblock(int64_t m, int64_t n,
                                                     int64_t capacity) {
  std::pair<int64_t, int64_t> best{1, 1};
  for (int64_t h = 1; h <= m; ++h)
    for (int64_t w = 1; w <= n; ++w) {
      if (m % h || n % w || h * w > capacity)
        continue;
      int64_t area = h * w, bestArea = best.first * best.second;
      if (area > bestArea || (area == bestArea && w > best.second))
        best = {h, w};
    }
  return best;
}

std::optional<MulticastPlacement>
mlir::tt::placeMulticast(int64_t gridX, int64_t gridY, DeviceAttr device) {
  int64_t deviceX = device.getGridX(), deviceY = device.getGridY();
  if (gridX <= deviceX && gridY <= deviceY)
    return MulticastPlacement{gridX, gridY, /*folded=*/false};
  if (gridX != 1 && gridY != 1)
    return std::nullopt;
  // The widest rectangle the blocks fill exactly (a split_work_to_cores of
  // one block per core, row-wise, covers it).
  int64_t blocks = gridX * gridY;
  for (int64_t width = std::min(blocks, deviceX); width > 0; --width)
    if (blocks % width == 0 && blocks / width <= deviceY)
      return MulticastPlacement{width, blocks / width, /*folded=*/true};
  return std::nullopt;
}

static const ttemu::model::DeviceModel &modelOf(Arch arch) {
  return arch == Arch::Blackhole ? ttemu::model::kBlackhole
                                 : ttemu::model::kWormholeB0;
}

static unsigned phasesOf(MathFidelity fidelity) {
  switch (fidelity) {
  case MathFidelity::LoFi:
    return 1;
  case MathFidelity::HiFi2:
    return 2;
  case MathFidelity::HiFi3:
    return 3;
  case MathFidelity::HiFi4:
    return 4;
  }
  return 4;
}

void MatmulProblem::addEpilogueStep(Attribute step) {
  auto activation = llvm::dyn_cast<ActivationAttr>(step);
  bool simple = !activation || activation.getValue() == Activation::Relu ||
                activation.getValue() == Activation::GeluFast;
  ++(simple ? simpleSteps : transcendentalSteps);
}

/// Partial sums spill to L1 as fp32 tiles.
static uint64_t partialTileBytes() {
  return getTileSizeInBytes(DataFormat::Float32);
}

static bool spills(const MatmulProblem &p, const ScheduleCandidate &c,
                   TargetAttr target) {
  return p.transposeA ||
         c.blockM * c.blockN > int64_t(target.getDstTileCapacity());
}

int64_t mlir::tt::outputCBTiles(int64_t blockTiles, int64_t subblockTiles,
                                bool spills, uint64_t otherBytes,
                                uint64_t outTileBytes, uint64_t l1Size) {
  if (!spills)
    return 2 * blockTiles;
  if (otherBytes + uint64_t(blockTiles) * outTileBytes > l1Size &&
      2 * subblockTiles < blockTiles)
    return 2 * subblockTiles;
  return blockTiles;
}

uint64_t mlir::tt::scheduleL1Bytes(const MatmulProblem &p,
                                   const ScheduleCandidate &c,
                                   TargetAttr target) {
  uint64_t in = uint64_t(c.stages) * (uint64_t(c.blockM * c.blockK) * p.aTileBytes +
                                      uint64_t(c.blockK * c.blockN) * p.bTileBytes);
  int64_t block = c.blockM * c.blockN;
  bool spill = spills(p, c, target);
  uint64_t partials = spill ? uint64_t(block) * partialTileBytes() : 0;
  // The transposed A block (cb_in0_transposed) and C's block (cb_c_in).
  uint64_t extra = (p.transposeA ? uint64_t(c.blockM * c.blockK) * p.aTileBytes : 0) +
                   (p.accumulate ? uint64_t(block) * p.outTileBytes : 0);
  // A bias: its row two blocks deep (cb_bias), and the result of a block
  // that stays in DST through fp32 partials.
  if (p.bias)
    extra += uint64_t(2 * c.blockN) * p.outTileBytes +
             (spill ? 0 : uint64_t(block) * partialTileBytes());
  int64_t out = outputCBTiles(block, c.subblockH * c.subblockW, spill,
                              in + partials + extra, p.outTileBytes,
                              target.getDevice().getL1Size());
  return in + partials + extra + uint64_t(out) * p.outTileBytes;
}

SchedulePrediction mlir::tt::predictSchedule(const MatmulProblem &p,
                                             const ScheduleCandidate &c,
                                             TargetAttr target) {
  const ttemu::model::DeviceModel &dm = modelOf(target.getDevice().getArch());
  DeviceAttr device = target.getDevice();
  SchedulePrediction out;
  const double tileCycles = dm.tile_product_cycles(phasesOf(target.getMathFidelity()));
  const double dramBytesPerCycle = dm.dram_gbps / dm.clock_ghz;
  const double nocBytesPerCycle = dm.noc_bytes_per_cycle;
  const double aBytes = double(p.aTileBytes), bBytes = double(p.bTileBytes),
               outBytes = double(p.outTileBytes);

  // Edge blocks: a block size that does not divide its dimension adds one
  // more block, computed whole (its rows or columns past the edge are
  // computed and dropped), and a last K step over the tiles that are left.
  int64_t gridX = llvm::divideCeil(p.nTiles, c.blockN),
          gridY = llvm::divideCeil(p.mTiles, c.blockM);
  int64_t blocks = gridX * gridY;
  // A batch: reuse spreads every matrix's blocks over the cores; multicast
  // runs the grid once per matrix.
  // (Counts that grow with the batch are doubles: a huge batch must not
  // overflow the search's arithmetic before a later check refuses it.)
  double batch = double(std::max<int64_t>(p.batch, 1));
  int64_t steps = llvm::divideCeil(p.kTiles, c.blockK);
  double lastStep = double(p.kTiles - (steps - 1) * c.blockK) / double(c.blockK);
  uint64_t cores;
  double blocksPerCore;
  if (c.kind == Schedule::Multicast) {
    cores = uint64_t(blocks);
    blocksPerCore = batch;
  } else {
    double units = double(blocks) * batch;
    cores = units < double(device.getNumCores()) ? uint64_t(units)
                                                 : device.getNumCores();
    blocksPerCore = std::ceil(units / double(cores));
  }
  out.cores = cores;
  out.idealCycles = batch * p.mTiles * p.nTiles * p.kTiles *
                    tileCycles / double(device.getNumCores());

  // Compute, per K step: the block's tile products on the math thread; when
  // the block spills, its packing to the fp32 partials on the pack thread
  // (the two overlap), after the packer is reconfigured for the CB it packs
  // to. The last step reloads the partial sums once, each subblock after
  // reconfiguring and re-initialising for the copy and back for the
  // products. Unpacking and packing cost by the tile's bytes in its format.
  bool spill = spills(p, c, target);
  const double unpackPartial = dm.unpack_tile_cycles(partialTileBytes());
  const double packPartial = dm.pack_tile_cycles(partialTileBytes());
  const double packOut = dm.pack_tile_cycles(p.outTileBytes);
  const double init = dm.init_cycles, reconfig = dm.reconfig_cycles;
  double blockTiles = double(c.blockM * c.blockN);
  double subblocks = blockTiles / double(c.subblockH * c.subblockW);
  double mathStep = blockTiles * c.blockK * tileCycles;
  double packStep = spill ? blockTiles * packPartial + reconfig : 0;
  // A^T: the A block passes tile by tile through DST (unpack with the
  // transpose, pack into its CB) before the step's products, on the same
  // threads, between a transpose init and a matmul init: counted in series
  // with them.
  double transposeStep =
      p.transposeA ? double(c.blockM * c.blockK) *
                             (dm.unpack_tile_cycles(p.aTileBytes) +
                              dm.pack_tile_cycles(p.aTileBytes)) +
                         2 * init
                   : 0;
  double computeStep = std::max(mathStep, packStep) + transposeStep;
  double blockFinish =
      blockTiles * packOut +
      (spill && steps > 1
           ? blockTiles * unpackPartial + subblocks * 2 * (init + reconfig)
           : 0);
  // A fused epilogue: each output tile through the vector engine's steps
  // (an init per step and subblock), after being unpacked again (and packed
  // once more) when the result goes through the partials CB (a bias, or a
  // block that spills), between reconfigurations to and from it.
  if (p.hasEpilogue()) {
    double sfpu = double(p.simpleSteps) * dm.sfpu_simple_tile_cycles +
                  double(p.transcendentalSteps) * dm.sfpu_transcendental_tile_cycles;
    bool throughCB = p.bias || spill;
    blockFinish += blockTiles * (sfpu + (throughCB ? unpackPartial + packPartial : 0)) +
                   subblocks * double(p.simpleSteps + p.transcendentalSteps) * init +
                   (throughCB ? 2 * (3 * reconfig + init) : 0);
  }
  // C += A * B: each block first reads C's block (before its first K step;
  // every core at once, so they share DRAM) and copies it into DST, or packs
  // it into the partial sums when spilled.
  double blockStart = 0;
  if (p.accumulate)
    blockStart = dm.dram_latency_cycles +
                 std::max(blockTiles * outBytes / nocBytesPerCycle,
                          double(cores) * blockTiles * outBytes /
                              dramBytesPerCycle) +
                 blockTiles * (dm.unpack_tile_cycles(p.outTileBytes) +
                               (spill ? packPartial : 0));

  // Data movement, per K step.
  double aTiles = double(c.blockM * c.blockK), bTiles = double(c.blockK * c.blockN);
  // The partial last K step reads only its valid tiles, but a multicast
  // still sends the whole block and every step pays its latencies.
  double movementStep, lastMovement, startup = 0;
  double aReads, bReads;
  if (c.kind == Schedule::Multicast) {
    // A row's first core reads A's block and multicasts it on its reader
    // (RISCV_1, NoC 1); a column's first core does the same with B on its
    // writer (RISCV_0, NoC 0), so the two proceed side by side. A single
    // column (row) of blocks folded onto the whole grid is the same
    // transfer pattern: every core reads its own A (B) block, and one core
    // reads the shared B (A) block and multicasts it to all the others. All the
    // senders of the grid share the DRAM bandwidth. A sender waits only for
    // its multicast to leave L1 (noc_async_writes_flushed); the flight to the
    // receivers overlaps the next step, so the NoC latency is paid once, at
    // start-up.
    double senderBytes = double(gridY) * aTiles * aBytes + double(gridX) * bTiles * bBytes;
    double shareOfDram = senderBytes / dramBytesPerCycle;
    auto sendStep = [&](double tiles, double tileBytes, bool receivers, double valid) {
      double read = dm.dram_latency_cycles +
                    std::max(valid * tiles * tileBytes / nocBytesPerCycle,
                             valid * shareOfDram) +
                    valid * tiles * dm.noc_issue_cycles;
      double multicast =
          receivers ? tiles * tileBytes / nocBytesPerCycle + dm.noc_issue_cycles
                    : 0;
      return read + multicast;
    };
    movementStep = std::max(sendStep(aTiles, aBytes, gridX > 1, 1.0),
                            sendStep(bTiles, bBytes, gridY > 1, 1.0));
    lastMovement = std::max(sendStep(aTiles, aBytes, gridX > 1, lastStep),
                            sendStep(bTiles, bBytes, gridY > 1, lastStep));
    // The farthest receiver is a rectangle's width plus height away.
    std::optional<MulticastPlacement> place =
        placeMulticast(gridX, gridY, device);
    double hops = place ? double(place->width + place->height)
                        : double(gridX + gridY);
    if (place && place->folded) {
      out.foldedWidth = place->width;
      out.foldedHeight = place->height;
    }
    startup = dm.noc_latency_cycles + hops * dm.noc_hop_cycles;
    aReads = batch * double(p.mTiles) * p.kTiles;
    bReads = batch * double(p.kTiles) * p.nTiles;
  } else {
    auto readStep = [&](double valid) {
      double perCore = valid * (aTiles * aBytes + bTiles * bBytes);
      return dm.dram_latency_cycles +
             std::max(perCore / nocBytesPerCycle,
                      double(cores) * perCore / dramBytesPerCycle) +
             valid * (aTiles + bTiles) * dm.noc_issue_cycles;
    };
    movementStep = readStep(1.0);
    lastMovement = readStep(lastStep);
    aReads = batch * double(p.mTiles) * p.kTiles * gridX;
    bReads = batch * double(p.kTiles) * p.nTiles * gridY;
  }
  double tileReads = aReads + bReads;
  out.dramTileReads = tileReads < 0x1p63 ? uint64_t(tileReads) : UINT64_MAX;

  // The output block's writes. A block that spills packs its output
  // subblock by subblock in its last K step, so the writes start after the
  // first subblock and overlap the step's other subblocks; the last
  // subblock's writes overlap nothing.
  double writeBlock =
      std::max(blockTiles * outBytes / nocBytesPerCycle,
               double(cores) * blockTiles * outBytes / dramBytesPerCycle) +
      dm.noc_latency_cycles;
  double tail =
      spill ? std::max(writeBlock / subblocks,
                       writeBlock - computeStep * (subblocks - 1) / subblocks)
            : writeBlock;

  // The partial last K step multiplies and reads only its valid tiles.
  double perBlock = blockStart +
                    double(steps - 1) * std::max(computeStep, movementStep) +
                    std::max(lastStep * computeStep, lastMovement) +
                    blockFinish;
  // Each step's data movement overlaps the previous step's compute, so the
  // block's step terms stand for max(compute of step i, movement of step
  // i + 1) and the block boundary for the next block's first movement; after
  // the last block only its last step's compute is left, not a movement.
  double lastWait =
      std::max(lastStep * computeStep, lastMovement) - lastStep * computeStep;
  double pipeline = startup + movementStep +
                    double(blocksPerCore) * perBlock - lastWait + tail;

  // C is written once, and read once more when accumulating.
  double dramBytes = aReads * aBytes + bReads * bBytes +
                     batch * double(p.mTiles) * p.nTiles * outBytes *
                         (p.accumulate ? 2 : 1);
  out.dramCycles = dramBytes / dramBytesPerCycle;
  out.cycles = std::max(pipeline, out.dramCycles);
  if (out.cycles == out.dramCycles)
    out.bound = "DRAM bandwidth";
  else if (computeStep >= movementStep)
    out.bound = "compute";
  else
    out.bound = c.kind == Schedule::Multicast ? "reads and multicasts"
                                              : "DRAM reads";
  out.l1Bytes = scheduleL1Bytes(p, c, target);
  out.fitsL1 = out.l1Bytes <= device.getL1Size();
  return out;
}

//===----------------------------------------------------------------------===//
// Search
//===----------------------------------------------------------------------===//

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

} // namespace

SmallVector<ScoredSchedule>
mlir::tt::searchSchedules(const MatmulProblem &problem, TargetAttr target,
                          ArrayRef<Schedule> kinds, int64_t blockM,
                          int64_t blockN, int64_t blockK, int64_t stages,
                          std::optional<ScoredSchedule> *smallest) {
  DeviceAttr device = target.getDevice();
  int64_t dst = target.getDstTileCapacity();
  SmallVector<ScoredSchedule> scored;
  for (Schedule kind : kinds)
    for (int64_t bm : blockChoices(problem.mTiles, blockM, kMaxBlockTiles))
      for (int64_t bn : blockChoices(problem.nTiles, blockN, kMaxBlockTiles))
        for (int64_t bk :
             kStepChoices(problem.kTiles, blockK, kMaxBlockKTiles)) {
          if (kind == Schedule::Multicast &&
              !placeMulticast(llvm::divideCeil(problem.nTiles, bn),
                              llvm::divideCeil(problem.mTiles, bm), device))
            continue;
          ScheduleCandidate cand;
          cand.kind = kind;
          cand.blockM = bm;
          cand.blockN = bn;
          cand.blockK = bk;
          cand.stages = stages;
          std::tie(cand.subblockH, cand.subblockW) =
              chooseSubblock(bm, bn, dst);
          SchedulePrediction pred = predictSchedule(problem, cand, target);
          if (pred.fitsL1)
            scored.push_back({cand, pred});
          else if (smallest &&
                   (!*smallest || pred.l1Bytes < (*smallest)->prediction.l1Bytes))
            *smallest = ScoredSchedule{cand, pred};
        }
  // Fastest first; among equals, fewer cores, then less L1.
  llvm::stable_sort(scored, [](const ScoredSchedule &x, const ScoredSchedule &y) {
    if (x.prediction.cycles != y.prediction.cycles)
      return x.prediction.cycles < y.prediction.cycles;
    if (x.prediction.cores != y.prediction.cores)
      return x.prediction.cores < y.prediction.cores;
    return x.prediction.l1Bytes < y.prediction.l1Bytes;
  });
  return scored;
}
