//===- MetaliumEmitter.h - tt IR to Metalium C++ ----------------*- C++ -*-===//
//
// `tt-translate --emit-metalium`: turns a module holding one `tt.program` and
// its reader, compute and writer kernels into a buildable Metalium program
// directory: reader.cpp, compute.cpp, writer.cpp (kernels, through EmitC),
// host.cpp, tt.plan.json, CMakeLists.txt and README.txt.
//
//===----------------------------------------------------------------------===//
#ifndef TTDIALECT_TARGET_METALIUM_METALIUMEMITTER_H
#define TTDIALECT_TARGET_METALIUM_METALIUMEMITTER_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/LLVM.h"
#include <string>

namespace mlir::tt {

/// One file of an emitted program directory.
struct MetaliumFile {
  std::string name;
  std::string contents;
};

/// Every file of the program in `module`, in a fixed order (kernels, host,
/// plan, build files). Reports located diagnostics and fails on programs the
/// emitter cannot turn into a complete Metalium program.
FailureOr<SmallVector<MetaliumFile>> emitMetaliumProgram(ModuleOp module);

/// Emits the program in `module` and writes its files into `outputDir`
/// (created if needed) or, when `outputDir` is empty, prints them all to `os`,
/// each after a `// ===== FILE: <name> =====` line.
LogicalResult translateToMetalium(ModuleOp module, raw_ostream &os,
                                  StringRef outputDir);

/// Registers `--emit-metalium` (with its `--output-dir` option) with
/// mlir-translate's registry.
void registerToMetaliumTranslation();

} // namespace mlir::tt

#endif // TTDIALECT_TARGET_METALIUM_METALIUMEMITTER_H
