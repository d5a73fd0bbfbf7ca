//===- ScheduleCost.h - predicted cycles of a matmul schedule ---*- C++ -*-===//
//
// An analytic model of the cycles a matmul schedule takes on a device, from
// the same device description the emulator's timing model reads
// (emulator/include/ttemu/device_model.hpp): the schedule passes rank
// candidates with it and explain their choice in its terms.
//
//===----------------------------------------------------------------------===//
#ifndef TTDIALECT_TRANSFORMS_SCHEDULECOST_H
#define TTDIALECT_TRANSFORMS_SCHEDULECOST_H

#include "TTDialect/TT/IR/TTOps.h"

#include <optional>
#include <string>

namespace mlir::tt {

/// The matmul being scheduled, in tiles.
struct MatmulProblem {
  int64_t mTiles = 0, nTiles = 0, kTiles = 0;
  /// Bytes of A's, B's and C's tiles as stored (bf16 2048, f32 4096, bfp8_b
  /// 1088).
  uint64_t aTileBytes = 2048, bTileBytes = 2048, outTileBytes = 2048;
  /// C = A^T * B: every K step transposes the A block through DST, and the
  /// partial sums spill.
  bool transposeA = false;
  /// C += A * B: each block reads C's block first and starts from it.
  bool accumulate = false;
  /// Products of that shape (a batch), one after the other on each core; an
  /// operand shared by all of them is still read once per product.
  int64_t batch = 1;
  /// A fused epilogue: a bias row (read per block; the result goes through
  /// the partials CB to have it added as it is unpacked) and its vector
  /// engine steps per output tile, simple (relu, scaling) and
  /// transcendental (gelu, silu, sigmoid, tanh, exp).
  bool bias = false;
  int64_t simpleSteps = 0, transcendentalSteps = 0;
  bool hasEpilogue() const {
    return bias || simpleSteps > 0 || transcendentalSteps > 0;
  }
  /// Counts a #tt.activation or #tt.scale step: relu, scaling and the fast
  /// GELU's table are simple vector-engine ops, the others transcendental.
  void addEpilogueStep(Attribute step);
};

/// One way to run it: the schedule, the output block and K step (tiles) and
/// the DST subblock.
struct ScheduleCandidate {
  Schedule kind = Schedule::Reuse;
  int64_t blockM = 1, blockN = 1, blockK = 1;
  int64_t subblockH = 1, subblockW = 1;
  int64_t stages = 2;
};

/// What the model predicts, with the terms that decided it.
struct SchedulePrediction {
  double cycles = 0;
  double idealCycles = 0; ///< matrix-engine cycles spread over every core
  double dramCycles = 0; ///< all DRAM bytes at the device's bandwidth
  uint64_t cores = 0;
  /// A multicast grid folded onto the device's (1D multicast): the
  /// rectangle of cores, else 0 x 0.
  int64_t foldedWidth = 0, foldedHeight = 0;
  uint64_t dramTileReads = 0;
  uint64_t l1Bytes = 0;
  bool fitsL1 = true;
  /// compute, data movement or DRAM bandwidth.
  std::string bound;
  double utilization() const { return cycles > 0 ? idealCycles / cycles : 0; }
};

/// Where the multicast schedule puts a `gridX x gridY` grid of output
/// blocks, one per core: on a `gridX x gridY` rectangle of cores when the
/// grid fits the device's (2D multicast: A along core rows, B down core
/// columns), or, for a single row or column of blocks longer than the
/// device's grid, folded row by row onto a full `width x height` rectangle
/// of it (1D multicast: the operand every block shares goes from the first
/// core to all the others). None when neither fits.
struct MulticastPlacement {
  int64_t width = 0, height = 0;
  bool folded = false;
};
std::optional<MulticastPlacement>
placeMulticast(int64_t gridX, int64_t gridY, DeviceAttr device);

/// Predicts `candidate` on `target`. A block that does not divide its
/// dimension leaves an edge block, computed whole (M, N) or over its valid
/// K tiles; DRAM reads count only tiles inside the matrices.
SchedulePrediction predictSchedule(const MatmulProblem &problem,
                                   const ScheduleCandidate &candidate,
                                   TargetAttr target);

/// The largest h x w DST subblock of an m x n tile block (h | m, w | n,
/// h * w <= capacity), preferring wide subblocks (long pack runs).
std::pair<int64_t, int64_t> chooseSubblock(int64_t m, int64_t n,
                                           int64_t capacity);

/// Tiles of the output CB: two blocks when the block fits DST (compute packs
/// the next block while the writer drains this one); one block when it
/// spills (it is packed and written subblock by subblock on its last K
/// step, so one block never stalls the packer), or two subblocks when one
/// block does not fit L1 beside the other CBs (`otherBytes`).
int64_t outputCBTiles(int64_t blockTiles, int64_t subblockTiles, bool spills,
                      uint64_t otherBytes, uint64_t outTileBytes,
                      uint64_t l1Size);

/// L1 bytes of the circular buffers a candidate needs per core.
uint64_t scheduleL1Bytes(const MatmulProblem &problem,
                         const ScheduleCandidate &candidate,
                         TargetAttr target);

/// A candidate with its prediction.
struct ScoredSchedule {
  ScheduleCandidate candidate;
  SchedulePrediction prediction;
};
/// Every schedule of `kinds`, output block and K step (tiles; a fixed size in
/// elements when the argument is above 0) whose circular buffers fit L1 and
/// whose grid the schedule can map, fastest first (then fewer cores, then
/// less L1). `smallest`, when given, receives the candidate needing the
/// least L1 among those that do not fit.
SmallVector<ScoredSchedule>
searchSchedules(const MatmulProblem &problem, TargetAttr target,
                ArrayRef<Schedule> kinds, int64_t blockM, int64_t blockN,
                int64_t blockK, int64_t stages,
                std::optional<ScoredSchedule> *smallest = nullptr);

} // namespace mlir::tt

#endif // TTDIALECT_TRANSFORMS_SCHEDULECOST_H
