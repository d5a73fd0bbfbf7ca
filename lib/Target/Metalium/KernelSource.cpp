//===- KernelSource.cpp - kernel C++ through EmitC ------------------------===//
//
// Each kernel is cloned into a module of its own, lowered by
// convert-tt-to-emitc (one emitc.file per kernel, holding kernel_main), its
// C operators folded into expressions by form-expressions, and printed by
// mlir::emitc::translateToCpp.
//
//===----------------------------------------------------------------------===//
#include "MetaliumProgram.h"

#include "TTDialect/Conversion/Passes.h"
#include "mlir/Conversion/ReconcileUnrealizedCasts/ReconcileUnrealizedCasts.h"
#include "mlir/Dialect/EmitC/Transforms/Passes.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Target/Cpp/CppEmitter.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace mlir::tt;
using namespace mlir::tt::metalium;

namespace {
/// Drops what the C++ emitter adds that tt-metal's kernels do not have: the
/// `return;` closing a void kernel_main and trailing blank lines.
std::string tidy(StringRef source) {
  SmallVector<StringRef> lines;
  source.split(lines, '\n');
  while (!lines.empty() && lines.back().trim().empty())
    lines.pop_back();
  if (lines.size() >= 2 && lines.back() == "}" &&
      lines[lines.size() - 2] == "  return;")
    lines.erase(lines.end() - 2);
  std::string out;
  for (StringRef line : lines) {
    out += line.rtrim().str();
    out += '\n';
  }
  return out;
}
} // namespace

FailureOr<std::string> metalium::emitKernelSource(const KernelInfo &kernel) {
  func::FuncOp func = kernel.func;
  MLIRContext *ctx = func.getContext();
  OwningOpRef<ModuleOp> module = ModuleOp::create(func.getLoc());
  OpBuilder builder(ctx);
  builder.setInsertionPointToEnd(module->getBody());
  builder.clone(*func.getOperation());

  PassManager pm(ctx);
  pm.addPass(createConvertTTToEmitC());
  pm.addPass(emitc::createFormExpressionsPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  if (failed(pm.run(*module)))
    return failure();

  std::string source;
  llvm::raw_string_ostream os(source);
  if (failed(emitc::translateToCpp(*module, os, /*declareVariablesAtTop=*/false,
                                   /*fileId=*/func.getSymName())))
    return failure();
  return tidy(source);
}
