//===- Passes.h - tl -> tt lowering passes ----------------------*- C++ -*-===//
#ifndef TTDIALECT_TRANSFORMS_PASSES_H
#define TTDIALECT_TRANSFORMS_PASSES_H

#include "TTDialect/TL/IR/TLOps.h"
#include "TTDialect/TT/IR/TTOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir::tt {
#define GEN_PASS_DECL
#include "TTDialect/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "TTDialect/Transforms/Passes.h.inc"

/// Options of the `tl-to-tt-pipeline`.
struct TLToTTPipelineOptions
    : public PassPipelineOptions<TLToTTPipelineOptions> {
  PassOptions::Option<std::string> device{
      *this, "device", llvm::cl::desc("wormhole_b0 or blackhole"),
      llvm::cl::init("wormhole_b0")};
  PassOptions::Option<std::string> mathFidelity{
      *this, "math-fidelity", llvm::cl::desc("lofi, hifi2, hifi3 or hifi4"),
      llvm::cl::init("hifi4")};
  PassOptions::Option<bool> fp32DestAcc{
      *this, "fp32-dest-acc",
      llvm::cl::desc("accumulate in fp32 in DST (4 DST tiles instead of 8)"),
      llvm::cl::init(false)};
  PassOptions::Option<int64_t> cbDepth{
      *this, "cb-depth",
      llvm::cl::desc("K steps each input CB holds (0: the K loop's stages)"),
      llvm::cl::init(0)};
  PassOptions::Option<int64_t> blockM{*this, "block-m",
                                      llvm::cl::desc("rows of C per block"),
                                      llvm::cl::init(32)};
  PassOptions::Option<int64_t> blockN{*this, "block-n",
                                      llvm::cl::desc("columns of C per block"),
                                      llvm::cl::init(32)};
  PassOptions::Option<int64_t> blockK{*this, "block-k",
                                      llvm::cl::desc("K extent per K step"),
                                      llvm::cl::init(32)};
  PassOptions::Option<int64_t> subblockH{
      *this, "subblock-h",
      llvm::cl::desc("rows of DST subblocks for large blocks (0: choose)"),
      llvm::cl::init(0)};
  PassOptions::Option<int64_t> subblockW{
      *this, "subblock-w",
      llvm::cl::desc("columns of DST subblocks for large blocks (0: choose)"),
      llvm::cl::init(0)};
  PassOptions::Option<int64_t> stages{
      *this, "stages", llvm::cl::desc("stages of the generated K loop"),
      llvm::cl::init(2)};
};

/// Builds linalg/tl -> tt: every pass of the lowering, in order.
void buildTLToTTPipeline(OpPassManager &pm,
                         const TLToTTPipelineOptions &options);
/// Registers `--tl-to-tt-pipeline`.
void registerTLToTTPipeline();

//===----------------------------------------------------------------------===//
// Helpers shared by the passes
//===----------------------------------------------------------------------===//

/// The device a function is planned for (its `tt.device`), or the default.
DeviceAttr getPlannedDevice(func::FuncOp func);

/// DST tiles one side of the half-sync DST register holds for `func`: 8 with
/// bf16 accumulation, 4 with fp32 accumulation (`tt.fp32_dest_acc`).
int64_t getDstTileCapacity(func::FuncOp func);
} // namespace mlir::tt

#endif // TTDIALECT_TRANSFORMS_PASSES_H
