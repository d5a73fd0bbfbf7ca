//===- tt-translate.cpp - translate tt IR to Metalium C++ -----------------===//
#include "TTDialect/InitAllDialects.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"
#include "mlir/Tools/mlir-translate/Translation.h"

using namespace mlir;

int main(int argc, char **argv) {
  // Parses, verifies and prints back: lets tests check that a file is valid
  // input for the translations.
  TranslateFromMLIRRegistration roundTrip(
      "tt-roundtrip", "parse, verify and print tl / tt IR",
      [](Operation *op, raw_ostream &os) {
        op->print(os);
        os << "\n";
        return success();
      },
      [](DialectRegistry &registry) { tt::registerAllDialects(registry); });
  return failed(mlirTranslateMain(argc, argv, "Tenstorrent Metalium translator"));
}
