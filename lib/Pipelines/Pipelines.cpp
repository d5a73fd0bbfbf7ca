//===- Pipelines.cpp - the tl-to-tt pipeline ------------------------------===//
#include "TTDialect/Pipelines/Pipelines.h"

#include "TTDialect/Conversion/Passes.h"
#include "TTDialect/Transforms/Passes.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;
using namespace mlir::tt;

void mlir::tt::buildTLToTTPipeline(OpPassManager &pm,
                                   const TLToTTPipelineOptions &options) {
  OpPassManager &funcPm = pm.nest<func::FuncOp>();
  funcPm.addPass(createConvertLinalgToTL());
  funcPm.addPass(createTLFuseLinalgEpilogue());
  if (options.foldSharedBatch)
    funcPm.addPass(createTLFoldSharedBatch());
  TTApplyTargetDefaultsOptions defaults;
  defaults.device = options.device;
  defaults.mathFidelity = options.mathFidelity;
  defaults.fp32DestAcc = options.fp32DestAcc;
  defaults.system = options.system;
  funcPm.addPass(createTTApplyTargetDefaults(defaults));
  funcPm.addPass(createTTSplitMesh({options.meshSplit, options.explainSchedule}));
  TTSelectScheduleOptions select;
  select.schedule = options.schedule;
  select.blockM = options.blockM;
  select.blockN = options.blockN;
  select.blockK = options.blockK;
  select.numStages = options.stages;
  select.explain = options.explainSchedule;
  funcPm.addPass(createTTSelectSchedule(select));
  funcPm.addPass(createTLMatmulToKernel(
      {options.blockM, options.blockN, options.blockK, options.stages}));
  funcPm.addPass(
      createTTInferSchedule({options.schedule, options.explainSchedule}));
  funcPm.addPass(createTTInferShard());
  funcPm.addPass(createTTLowerMemorySpace(
      {options.cbDepth, options.subblockH, options.subblockW}));
  funcPm.addPass(createTTGridToPersistent());
  funcPm.addPass(createTTTensorize());
  funcPm.addPass(createCanonicalizerPass());
  pm.addPass(createTTSplitKernels());
  pm.nest<func::FuncOp>().addPass(createTTLowerDataflow());
  pm.addPass(createTTBuildProgram());
  pm.addPass(createCSEPass());
  pm.addPass(createTTVerify());
}

void mlir::tt::registerTLToTTPipeline() {
  PassPipelineRegistration<TLToTTPipelineOptions>(
      "tl-to-tt-pipeline",
      "Lower linalg.matmul, tl.matmul or the tl kernel form to Metalium "
      "kernels and a tt.program",
      buildTLToTTPipeline);
}
