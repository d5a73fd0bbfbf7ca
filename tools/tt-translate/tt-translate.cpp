//===- tt-translate.cpp - translate tt IR to Metalium C++ -----------------===//
#include "TTDialect/InitAllDialects.h"
#include "TTDialect/Tools/DiagnosticDefaults.h"
#include "TTDialect/Target/Metalium/MetaliumEmitter.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/InitAllTranslations.h"
#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"
#include "mlir/Tools/mlir-translate/Translation.h"

using namespace mlir;

int main(int argc, char **argv) {
  mlir::tt::setUserFacingDiagnosticDefaults();
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
  tt::registerToMetaliumTranslation();
  // EmitC to C++ (--mlir-to-cpp [--file-id=KERNEL]): prints the output of
  // tt-opt --convert-tt-to-emitc, one kernel at a time.
  registerToCppTranslation();
  return failed(mlirTranslateMain(argc, argv, "Tenstorrent Metalium translator"));
}
