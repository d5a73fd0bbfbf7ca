//===- Pipelines.h - the tl-to-tt pipeline ----------------------*- C++ -*-===//
//
// The pipeline builder lives in a library of its own: it strings together
// the conversions and the transforms, so the transforms library does not
// link a conversion.
//
//===----------------------------------------------------------------------===//
#ifndef TTDIALECT_PIPELINES_PIPELINES_H
#define TTDIALECT_PIPELINES_PIPELINES_H

#include "TTDialect/TT/IR/TTOps.h"
#include "TTDialect/Transforms/EnumOptionParser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassOptions.h"

namespace mlir::tt {
/// Options of the `tl-to-tt-pipeline`.
struct TLToTTPipelineOptions
    : public PassPipelineOptions<TLToTTPipelineOptions> {
  PassOptions::Option<Arch> device{
      *this, "device", llvm::cl::desc("target device"),
      llvm::cl::init(Arch::WormholeB0),
      llvm::cl::values(
          clEnumValN(Arch::WormholeB0, "wormhole_b0", "Wormhole (n150 card)"),
          clEnumValN(Arch::Blackhole, "blackhole", "Blackhole (p150 card)"))};
  PassOptions::Option<MathFidelity> mathFidelity{
      *this, "math-fidelity", llvm::cl::desc("matrix engine fidelity"),
      llvm::cl::init(MathFidelity::HiFi4),
      llvm::cl::values(
          clEnumValN(MathFidelity::LoFi, "lofi", "one multiplier phase"),
          clEnumValN(MathFidelity::HiFi2, "hifi2", "two phases"),
          clEnumValN(MathFidelity::HiFi3, "hifi3", "three phases"),
          clEnumValN(MathFidelity::HiFi4, "hifi4",
                     "four phases (full precision)"))};
  PassOptions::Option<Schedule> schedule{
      *this, "schedule", llvm::cl::desc("how blocks and their inputs reach the cores"),
      llvm::cl::init(Schedule::Auto),
      llvm::cl::values(
          clEnumValN(Schedule::Auto, "auto", "chosen by the cost model"),
          clEnumValN(Schedule::Reuse, "reuse",
                     "blocks split over all cores, each core reads its own inputs"),
          clEnumValN(Schedule::Multicast, "multicast",
                     "one block per core; A multicast along rows, B down columns (or a shared block to the whole grid)"))};
  PassOptions::Option<System> system{
      *this, "system",
      llvm::cl::desc("the devices a whole matmul is split over"),
      llvm::cl::init(System::Single),
      llvm::cl::values(
          clEnumValN(System::Single, "single", "one device (n150 or p150)"),
          clEnumValN(System::N300, "n300", "an n300 card: a 1x2 mesh of Wormholes"),
          clEnumValN(System::T3K, "t3k", "a T3000: a 2x4 mesh of Wormholes"),
          clEnumValN(System::Galaxy, "galaxy", "a Galaxy: a 4x8 mesh of Wormholes"))};
  PassOptions::Option<MeshSplitChoice> meshSplit{
      *this, "mesh-split", llvm::cl::desc("how C is cut over a mesh's devices"),
      llvm::cl::init(MeshSplitChoice::Auto),
      llvm::cl::values(
          clEnumValN(MeshSplitChoice::Auto, "auto", "chosen by the cost model"),
          clEnumValN(MeshSplitChoice::M, "m", "rows of C over all devices"),
          clEnumValN(MeshSplitChoice::N, "n", "columns of C over all devices"),
          clEnumValN(MeshSplitChoice::Both, "both",
                     "rows over the mesh's rows, columns over its columns"))};
  PassOptions::Option<bool> fp32DestAcc{
      *this, "fp32-dest-acc",
      llvm::cl::desc("accumulate in fp32 in DST (4 DST tiles instead of 8)"),
      llvm::cl::init(false)};
  PassOptions::Option<int64_t> cbDepth{
      *this, "cb-depth",
      llvm::cl::desc("K steps each input CB holds (0: the K loop's stages)"),
      llvm::cl::init(0)};
  PassOptions::Option<int64_t> blockM{
      *this, "block-m", llvm::cl::desc("rows of C per block (0: chosen)"),
      llvm::cl::init(0)};
  PassOptions::Option<int64_t> blockN{
      *this, "block-n", llvm::cl::desc("columns of C per block (0: chosen)"),
      llvm::cl::init(0)};
  PassOptions::Option<int64_t> blockK{
      *this, "block-k", llvm::cl::desc("K extent per K step (0: chosen)"),
      llvm::cl::init(0)};
  PassOptions::Option<bool> explainSchedule{
      *this, "explain-schedule",
      llvm::cl::desc("report the schedule candidates and why the winner won"),
      llvm::cl::init(false)};
  PassOptions::Option<int64_t> subblockH{
      *this, "subblock-h",
      llvm::cl::desc("rows of DST subblocks for large blocks (0: choose)"),
      llvm::cl::init(0)};
  PassOptions::Option<int64_t> subblockW{
      *this, "subblock-w",
      llvm::cl::desc("columns of DST subblocks for large blocks (0: choose)"),
      llvm::cl::init(0)};
  PassOptions::Option<bool> foldSharedBatch{
      *this, "fold-shared-batch",
      llvm::cl::desc("compute a batch sharing B (M a multiple of 32) as one "
                     "matmul of the stacked rows"),
      llvm::cl::init(true)};
  PassOptions::Option<int64_t> stages{
      *this, "stages", llvm::cl::desc("stages of the generated K loop"),
      llvm::cl::init(2)};
};

/// Builds linalg/tl -> tt: every pass of the lowering, in order.
void buildTLToTTPipeline(OpPassManager &pm,
                         const TLToTTPipelineOptions &options);
/// Registers `--tl-to-tt-pipeline`.
void registerTLToTTPipeline();

} // namespace mlir::tt

#endif // TTDIALECT_PIPELINES_PIPELINES_H
