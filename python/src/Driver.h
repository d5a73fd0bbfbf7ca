//===- Driver.h - the compiler as the Python extension sees it --*- C++ -*-===//
//
// Parse, run passes and emit Metalium files on IR text. Only standard types
// cross this interface: the driver is compiled with LLVM's flags (no C++
// exceptions), the pybind11 module that calls it with exceptions on.
//
//===----------------------------------------------------------------------===//
#ifndef TILELANG_TT_DRIVER_H
#define TILELANG_TT_DRIVER_H

#include <string>
#include <utility>
#include <vector>

namespace tt_python {

using NamedTexts = std::vector<std::pair<std::string, std::string>>;

/// What one call produced. On failure `diagnostics` holds every diagnostic
/// MLIR reported, rendered as `file:line:col: error: message` with the source
/// line when the file is readable.
struct Outcome {
  bool ok = false;
  /// Every diagnostic (errors, warnings, remarks and their notes).
  std::string diagnostics;
  /// Argument of the pass that failed (`tt-lower-memory-space`), if one did.
  std::string failedPass;
  /// Why the pass pipeline text was refused, if it was (after `diagnostics`).
  std::string pipelineError;
  /// The module after the call, with locations (`loc(...)`), on success.
  std::string ir;
  /// (pass argument, module after the pass), in run order, when requested.
  NamedTexts stages;
  /// Emitted files (name, contents), for emitMetalium.
  NamedTexts files;
};

/// Parses and verifies `source` (named `bufferName` in diagnostics about the
/// text itself) and prints it back, with locations when `debugInfo`.
Outcome parse(const std::string &source, const std::string &bufferName,
              bool debugInfo);

/// Parses `source` and runs `pipeline` on it: the textual form mlir-opt's
/// --pass-pipeline takes, with or without the `builtin.module(...)` anchor
/// (`tl-to-tt-pipeline{device=blackhole}`,
/// `func.func(tt-infer-schedule),tt-split-kernels`). With `keepStages`, the
/// module is printed (without locations) after every pass.
Outcome runPipeline(const std::string &source, const std::string &bufferName,
                    const std::string &pipeline, bool keepStages);

/// Expands `pipeline` (as runPipeline takes it) into the textual form of
/// every pass it adds, options spelled out:
/// `builtin.module(func.func(convert-linalg-to-tl,...),tt-split-kernels,...)`.
/// On success the text is in `ir`.
Outcome describePipeline(const std::string &pipeline);

/// Parses `source`, which must hold one lowered tt.program and its kernels,
/// and emits the Metalium program's files.
Outcome emitMetalium(const std::string &source, const std::string &bufferName);

/// Parses `source`, runs `pipeline` on it and emits the Metalium program of
/// the result from the same module, without printing and parsing the IR in
/// between (runPipeline then emitMetalium, in one step).
Outcome compileToMetalium(const std::string &source,
                          const std::string &bufferName,
                          const std::string &pipeline);

/// The spellings the pipeline's `device` option accepts (the tt dialect's
/// architectures).
std::vector<std::string> deviceNames();
/// The spellings of its `math-fidelity` option.
std::vector<std::string> mathFidelityNames();
/// The spellings of its `system` option (single, n300, t3k, galaxy).
std::vector<std::string> systemNames();
/// The spellings of its `mesh-split` option (auto, m, n, both).
std::vector<std::string> meshSplitNames();

} // namespace tt_python

#endif // TILELANG_TT_DRIVER_H
