//===- DiagnosticDefaults.h - how tt-opt and tt-translate report errors ---===//
//
// Diagnostics in a user's terms: the message, its source line and notes, not
// a generic dump of the operation they are attached to (a tt.program dump is
// dozens of lines). --mlir-print-op-on-diagnostic brings the dump back.
//
//===----------------------------------------------------------------------===//
#ifndef TTDIALECT_TOOLS_DIAGNOSTICDEFAULTS_H
#define TTDIALECT_TOOLS_DIAGNOSTICDEFAULTS_H

#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/CommandLine.h"

namespace mlir::tt {

/// Call before the tool's main parses its command line.
inline void setUserFacingDiagnosticDefaults() {
  registerMLIRContextCLOptions();
  auto &options =
      llvm::cl::getRegisteredOptions();
  if (llvm::cl::Option *printOp = options.lookup("mlir-print-op-on-diagnostic"))
    static_cast<llvm::cl::opt<bool> *>(printOp)->setInitialValue(false);
}

} // namespace mlir::tt

#endif // TTDIALECT_TOOLS_DIAGNOSTICDEFAULTS_H
