//===- tt-opt.cpp - run passes and pipelines on tl / tt IR ----------------===//
#include "TTDialect/Conversion/Passes.h"
#include "TTDialect/InitAllDialects.h"
#include "TTDialect/Tools/DiagnosticDefaults.h"
#include "TTDialect/Pipelines/Pipelines.h"
#include "TTDialect/Transforms/Passes.h"

#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"

int main(int argc, char **argv) {
  mlir::tt::setUserFacingDiagnosticDefaults();
  mlir::DialectRegistry registry;
  mlir::tt::registerAllDialects(registry);
  mlir::tt::registerTTConversionPasses();
  mlir::tt::registerTTTransformsPasses();
  mlir::tt::registerTLToTTPipeline();
  mlir::registerCanonicalizerPass();
  mlir::registerCSEPass();
  mlir::registerLoopInvariantCodeMotionPass();
  mlir::registerSCCPPass();
  mlir::registerSymbolDCEPass();
  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "Tenstorrent Metalium compiler driver\n", registry));
}
