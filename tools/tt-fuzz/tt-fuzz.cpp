//===- tt-fuzz.cpp - libFuzzer harness over parse, pipeline and emission --===//
//
// Each input is IR text, optionally preceded by a line
//   // OPTIONS: <tl-to-tt-pipeline options>
// (for example `device=blackhole block-m=64`). The harness parses it, runs
// --tl-to-tt-pipeline with those options when the module holds no
// tt.program yet, and emits the Metalium files. Besides crashes, hangs and
// sanitizer reports, three properties are bugs:
//   - a step that fails without reporting an error (the user sees nothing);
//   - an error reported at an unknown location (the user cannot find it);
//   - valid IR whose printed form (custom or generic) does not parse back.
// scripts/fuzz.sh builds this with clang's fuzzer and address sanitizers.
//
//===----------------------------------------------------------------------===//
#include "TTDialect/InitAllDialects.h"
#include "TTDialect/Pipelines/Pipelines.h"
#include "TTDialect/TT/IR/TTOps.h"
#include "TTDialect/Target/Metalium/MetaliumEmitter.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace mlir;

namespace {

/// Counts the errors a step reports and remembers whether one had no
/// location a user could look up.
struct DiagnosticAudit {
  int errors = 0;
  std::string unlocated;

  explicit DiagnosticAudit(MLIRContext &context)
      : handler(&context, [this](Diagnostic &diag) {
          if (diag.getSeverity() != DiagnosticSeverity::Error)
            return success();
          ++errors;
          if (unlocated.empty() && !hasFileLocation(diag.getLocation()))
            unlocated = diag.str();
          return success();
        }) {}

  static bool hasFileLocation(Location loc) {
    bool found = false;
    loc->walk([&](Location inner) {
      if (isa<FileLineColRange>(inner))
        found = true;
      return found ? WalkResult::interrupt() : WalkResult::advance();
    });
    return found;
  }

private:
  ScopedDiagnosticHandler handler;
};

[[noreturn]] void report(const char *what, const std::string &detail) {
  std::fprintf(stderr, "tt-fuzz: %s%s%s\n", what, detail.empty() ? "" : ": ",
               detail.c_str());
  std::abort();
}

void checkStep(LogicalResult result, const DiagnosticAudit &audit,
               const char *step) {
  if (!audit.unlocated.empty())
    report("error without a source location", audit.unlocated);
  if (failed(result) && audit.errors == 0)
    report("failed without an error", step);
}

/// Splits off the `// OPTIONS:` line.
std::string takeOptions(std::string &text) {
  static constexpr llvm::StringLiteral kPrefix = "// OPTIONS:";
  if (!llvm::StringRef(text).starts_with(kPrefix))
    return "";
  auto [line, rest] = llvm::StringRef(text).split('\n');
  std::string options = line.drop_front(kPrefix.size()).str();
  text = rest.str();
  return options;
}

} // namespace

// MLIR is Debian's uninstrumented library, but its allocator's inline code
// compiled into this build poisons arena slabs the library then hands out
// without unpoisoning: manual poisoning would report false use-after-poison.
extern "C" const char *__asan_default_options() {
  return "allow_user_poisoning=0";
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string text(reinterpret_cast<const char *>(data), size);
  std::string options = takeOptions(text);

  DialectRegistry registry;
  tt::registerAllDialects(registry);
  MLIRContext context(registry);
  context.loadAllAvailableDialects();
  context.disableMultithreading();
  DiagnosticAudit audit(context);

  OwningOpRef<ModuleOp> module =
      parseSourceString<ModuleOp>(text, &context, "fuzz.mlir");
  checkStep(success(bool(module)), audit, "parse");
  if (!module)
    return 0;
  for (bool generic : {false, true}) {
    std::string printed;
    llvm::raw_string_ostream os(printed);
    module->print(os, OpPrintingFlags().printGenericOpForm(generic));
    MLIRContext again(registry);
    again.allowUnregisteredDialects(false);
    DiagnosticAudit quiet(again);
    if (!parseSourceString<ModuleOp>(printed, &again, "printed.mlir"))
      report(generic ? "generic form does not parse back"
                     : "printed form does not parse back",
             printed);
  }

  bool lowered = false;
  module->walk([&](tt::ProgramOp) { lowered = true; });
  if (!lowered) {
    PassManager pm(&context);
    // A bad option string is reported through errs(); it is the user's
    // command line, not the IR, so it is not held to the location rule.
    std::string optionErrors;
    llvm::raw_string_ostream optionStream(optionErrors);
    tt::TLToTTPipelineOptions parsed;
    if (failed(parsed.parseFromString(options, optionStream)))
      return 0;
    tt::buildTLToTTPipeline(pm, parsed);
    LogicalResult ran = pm.run(*module);
    checkStep(ran, audit, "--tl-to-tt-pipeline");
    if (failed(ran))
      return 0;
  }

  FailureOr<SmallVector<tt::MetaliumFile>> files =
      tt::emitMetaliumProgram(*module);
  checkStep(failed(files) ? failure() : success(), audit, "--emit-metalium");
  return 0;
}
