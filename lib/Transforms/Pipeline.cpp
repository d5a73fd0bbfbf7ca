//===- Pipeline.cpp - the tl-to-tt pipeline -------------------------------===//
#include "TTDialect/Conversion/Passes.h"
#include "TTDialect/Transforms/Passes.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;
using namespace mlir::tt;

DeviceAttr mlir::tt::getPlannedDevice(func::FuncOp func) {
  if (auto device = func->getAttrOfType<DeviceAttr>(TTDialect::kDeviceAttrName))
    return device;
  return DeviceAttr::getBuiltin(func.getContext(), Arch::WormholeB0);
}

int64_t mlir::tt::getDstTileCapacity(func::FuncOp func) {
  auto fp32 = func->getAttrOfType<BoolAttr>(TTDialect::kFp32DestAccAttrName);
  return fp32 && fp32.getValue() ? 4 : 8;
}

void mlir::tt::buildTLToTTPipeline(OpPassManager &pm,
                                   const TLToTTPipelineOptions &options) {
  OpPassManager &funcPm = pm.nest<func::FuncOp>();
  funcPm.addPass(createConvertLinalgToTL());
  funcPm.addPass(createTLMatmulToKernel(
      {options.blockM, options.blockN, options.blockK, options.stages}));
  TTApplyTargetDefaultsOptions defaults;
  defaults.device = options.device;
  defaults.mathFidelity = options.mathFidelity;
  defaults.fp32DestAcc = options.fp32DestAcc;
  funcPm.addPass(createTTApplyTargetDefaults(defaults));
  funcPm.addPass(createTTInferSchedule());
  funcPm.addPass(createTTInferShard());
  funcPm.addPass(createTTGridToPersistent());
  funcPm.addPass(createTTCoreMap());
  funcPm.addPass(createTTLowerMemorySpace(
      {options.cbDepth, options.subblockH, options.subblockW}));
  funcPm.addPass(createTTTensorize());
  funcPm.addPass(createCanonicalizerPass());
  pm.addPass(createTTSplitKernels());
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
