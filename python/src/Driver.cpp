//===- Driver.cpp - parse, run passes, emit, with captured diagnostics ----===//
#include "Driver.h"

#include "TTDialect/Conversion/Passes.h"
#include "TTDialect/InitAllDialects.h"
#include "TTDialect/Pipelines/Pipelines.h"
#include "TTDialect/Target/Metalium/MetaliumEmitter.h"
#include "TTDialect/Pipelines/Pipelines.h"
#include "TTDialect/Transforms/Passes.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OperationSupport.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassInstrumentation.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <mutex>

using namespace mlir;
using tt_python::Outcome;

namespace {

const DialectRegistry &registry() {
  static DialectRegistry *instance = [] {
    auto *r = new DialectRegistry();
    tt::registerAllDialects(*r);
    return r;
  }();
  return *instance;
}

/// The passes and the pipeline tt-opt knows, registered once per process.
void registerPasses() {
  static std::once_flag once;
  std::call_once(once, [] {
    tt::registerTTConversionPasses();
    tt::registerTTTransformsPasses();
    tt::registerTLToTTPipeline();
    registerCanonicalizerPass();
    registerCSEPass();
  });
}

/// One compilation: a context, the source text and a diagnostic handler that
/// renders every diagnostic into `diagnostics`.
struct Session {
  Session(const std::string &source, const std::string &bufferName)
      : context(registry(), MLIRContext::Threading::DISABLED),
        diagnosticsStream(diagnostics),
        handler(sourceMgr, &context, diagnosticsStream) {
    sourceMgr.AddNewSourceBuffer(
        llvm::MemoryBuffer::getMemBufferCopy(source, bufferName),
        llvm::SMLoc());
    // (Dialects load as the parser and the passes need them: loading every
    // registered one, linalg included, costs more than most compilations.)
    // Diagnostics point at the user's source; a generic dump of the op
    // would only add noise.
    context.printOpOnDiagnostic(false);
  }

  OwningOpRef<ModuleOp> parse() {
    ParserConfig config(&context, /*verifyAfterParse=*/true);
    return parseSourceFile<ModuleOp>(sourceMgr, config);
  }

  /// Copies what was reported into `outcome`, then an invalid pipeline's
  /// error.
  Outcome &finish(Outcome &outcome) {
    diagnosticsStream.flush();
    outcome.diagnostics = diagnostics + outcome.pipelineError;
    return outcome;
  }

  MLIRContext context;
  llvm::SourceMgr sourceMgr;
  std::string diagnostics;
  llvm::raw_string_ostream diagnosticsStream;
  SourceMgrDiagnosticHandler handler;
};

std::string print(Operation *op, bool debugInfo) {
  std::string text;
  llvm::raw_string_ostream os(text);
  OpPrintingFlags flags;
  // Values the frontend named (loc("A_shared"(...))) keep their names.
  flags.printNameLocAsPrefix(true);
  if (debugInfo)
    flags.enableDebugInfo(/*enable=*/true, /*prettyForm=*/false);
  op->print(os, flags);
  os << "\n";
  return text;
}

/// Records the module after every pass and which pass failed.
class StageRecorder : public PassInstrumentation {
public:
  StageRecorder(ModuleOp module, bool keepStages, Outcome &outcome)
      : module(module), keepStages(keepStages), outcome(outcome) {}

  void runAfterPass(Pass *pass, Operation *) override {
    // Pass adaptors (the `func.func(...)` nesting) have no argument.
    if (!keepStages || pass->getArgument().empty())
      return;
    // A function pass runs once per function: keep the state after the last.
    std::string text = print(module, /*debugInfo=*/false);
    if (pass == last && !outcome.stages.empty())
      outcome.stages.back().second = std::move(text);
    else
      outcome.stages.emplace_back(pass->getArgument().str(), std::move(text));
    last = pass;
  }

  void runAfterPassFailed(Pass *pass, Operation *) override {
    if (outcome.failedPass.empty() && !pass->getArgument().empty())
      outcome.failedPass = pass->getArgument().str();
  }

private:
  ModuleOp module;
  bool keepStages;
  Outcome &outcome;
  Pass *last = nullptr;
};

} // namespace

namespace tt_python {

Outcome parse(const std::string &source, const std::string &bufferName,
              bool debugInfo) {
  Outcome outcome;
  Session session(source, bufferName);
  OwningOpRef<ModuleOp> module = session.parse();
  if (module) {
    outcome.ok = true;
    outcome.ir = print(*module, debugInfo);
  }
  return session.finish(outcome);
}

/// Adds the passes of `pipeline` (anchor optional) to `pm`; on failure the
/// reason is in `outcome.diagnostics`.
static LogicalResult addPipeline(const std::string &pipeline,
                                 OpPassManager &pm, Outcome &outcome) {
  registerPasses();
  StringRef elements = StringRef(pipeline).trim();
  if (elements.consume_front("builtin.module(")) {
    elements = elements.rtrim();
    if (!elements.consume_back(")")) {
      outcome.diagnostics += "invalid pass pipeline '" + pipeline +
                             "': unbalanced 'builtin.module(' anchor\n";
      return failure();
    }
  }
  std::string errors;
  llvm::raw_string_ostream errorStream(errors);
  if (failed(parsePassPipeline(elements, pm, errorStream))) {
    errorStream.flush();
    outcome.diagnostics +=
        "invalid pass pipeline '" + pipeline + "': " + errors;
    if (outcome.diagnostics.empty() || outcome.diagnostics.back() != '\n')
      outcome.diagnostics += "\n";
    return failure();
  }
  return success();
}

Outcome describePipeline(const std::string &pipeline) {
  Outcome outcome;
  MLIRContext context(registry(), MLIRContext::Threading::DISABLED);
  PassManager pm(&context, ModuleOp::getOperationName());
  if (failed(addPipeline(pipeline, pm, outcome)))
    return outcome;
  llvm::raw_string_ostream os(outcome.ir);
  pm.printAsTextualPipeline(os);
  os.flush();
  outcome.ok = true;
  return outcome;
}

/// Parses `source` in `session` and runs `pipeline` on it, recording stages
/// (with `keepStages`) and the failing pass in `outcome`; null on failure.
static OwningOpRef<ModuleOp> parseAndRun(Session &session,
                                         const std::string &pipeline,
                                         bool keepStages, Outcome &outcome) {
  OwningOpRef<ModuleOp> module = session.parse();
  if (!module)
    return nullptr;
  PassManager pm(&session.context, ModuleOp::getOperationName());
  if (failed(addPipeline(pipeline, pm, outcome))) {
    // Rendered after what the session reported (Session::finish).
    outcome.pipelineError = std::move(outcome.diagnostics);
    outcome.diagnostics.clear();
    return nullptr;
  }
  pm.addInstrumentation(
      std::make_unique<StageRecorder>(*module, keepStages, outcome));
  if (failed(pm.run(*module)))
    return nullptr;
  return module;
}

Outcome runPipeline(const std::string &source, const std::string &bufferName,
                    const std::string &pipeline, bool keepStages) {
  Outcome outcome;
  Session session(source, bufferName);
  if (OwningOpRef<ModuleOp> module =
          parseAndRun(session, pipeline, keepStages, outcome)) {
    outcome.ok = true;
    outcome.ir = print(*module, /*debugInfo=*/true);
  }
  return session.finish(outcome);
}

/// Emits the Metalium program of `module` into `outcome.files`.
static void emitInto(ModuleOp module, Outcome &outcome) {
  FailureOr<SmallVector<tt::MetaliumFile>> files =
      tt::emitMetaliumProgram(module);
  if (failed(files))
    return;
  outcome.ok = true;
  for (tt::MetaliumFile &file : *files)
    outcome.files.emplace_back(std::move(file.name), std::move(file.contents));
}

Outcome compileToMetalium(const std::string &source,
                          const std::string &bufferName,
                          const std::string &pipeline) {
  Outcome outcome;
  Session session(source, bufferName);
  if (OwningOpRef<ModuleOp> module =
          parseAndRun(session, pipeline, /*keepStages=*/false, outcome))
    emitInto(*module, outcome);
  return session.finish(outcome);
}

Outcome emitMetalium(const std::string &source,
                     const std::string &bufferName) {
  Outcome outcome;
  Session session(source, bufferName);
  OwningOpRef<ModuleOp> module = session.parse();
  if (!module)
    return session.finish(outcome);
  emitInto(*module, outcome);
  return session.finish(outcome);
}

} // namespace tt_python

// The spellings of an enum's values, in value order (the choices of the
// pipeline option of that enum).
template <typename Enum>
static std::vector<std::string>
enumNames(unsigned maxValue, std::optional<Enum> (*symbolize)(uint32_t),
          llvm::StringRef (*stringify)(Enum)) {
  std::vector<std::string> names;
  for (unsigned i = 0; i <= maxValue; ++i)
    if (std::optional<Enum> value = symbolize(i))
      names.push_back(stringify(*value).str());
  return names;
}

std::vector<std::string> tt_python::deviceNames() {
  return enumNames<mlir::tt::Arch>(mlir::tt::getMaxEnumValForArch(),
                                   mlir::tt::symbolizeArch,
                                   mlir::tt::stringifyArch);
}

std::vector<std::string> tt_python::mathFidelityNames() {
  return enumNames<mlir::tt::MathFidelity>(
      mlir::tt::getMaxEnumValForMathFidelity(), mlir::tt::symbolizeMathFidelity,
      mlir::tt::stringifyMathFidelity);
}

std::vector<std::string> tt_python::systemNames() {
  return enumNames<mlir::tt::System>(mlir::tt::getMaxEnumValForSystem(),
                                     mlir::tt::symbolizeSystem,
                                     mlir::tt::stringifySystem);
}

std::vector<std::string> tt_python::meshSplitNames() {
  return enumNames<mlir::tt::MeshSplitChoice>(
      mlir::tt::getMaxEnumValForMeshSplitChoice(),
      mlir::tt::symbolizeMeshSplitChoice, mlir::tt::stringifyMeshSplitChoice);
}
