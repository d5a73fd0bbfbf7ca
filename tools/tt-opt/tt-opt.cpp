//===- tt-opt.cpp - run passes and pipelines on tl / tt IR ----------------===//
#include "TTDialect/InitAllDialects.h"

#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  mlir::tt::registerAllDialects(registry);
  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "Tenstorrent Metalium compiler driver\n", registry));
}
