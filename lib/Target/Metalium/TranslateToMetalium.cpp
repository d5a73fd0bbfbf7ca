//===- TranslateToMetalium.cpp - --emit-metalium --------------------------===//
#include "TTDialect/Target/Metalium/MetaliumEmitter.h"
#include "MetaliumProgram.h"

#include "TTDialect/InitAllDialects.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace mlir::tt;

FailureOr<SmallVector<MetaliumFile>>
mlir::tt::emitMetaliumProgram(ModuleOp module) {
  FailureOr<metalium::ProgramInfo> info = metalium::analyzeProgram(module);
  if (failed(info))
    return failure();

  SmallVector<MetaliumFile> files;
  for (KernelRole role :
       {KernelRole::Reader, KernelRole::Compute, KernelRole::Writer}) {
    const metalium::KernelInfo *kernel = info->kernel(role);
    FailureOr<std::string> source = metalium::emitKernelSource(*kernel);
    if (failed(source))
      return failure();
    files.push_back({kernel->file, std::move(*source)});
  }
  files.push_back({"host.cpp", metalium::emitHostProgram(*info)});
  files.push_back({metalium::kHostSupportFile, metalium::hostSupportHeader().str()});
  files.push_back({"tt.plan.json", metalium::emitPlan(*info)});
  files.push_back({"CMakeLists.txt", metalium::emitCMakeLists(*info)});
  files.push_back({"README.txt", metalium::emitReadme(*info)});
  return files;
}

LogicalResult mlir::tt::translateToMetalium(ModuleOp module, raw_ostream &os,
                                            StringRef outputDir) {
  FailureOr<SmallVector<MetaliumFile>> files = emitMetaliumProgram(module);
  if (failed(files))
    return failure();

  if (outputDir.empty()) {
    for (const MetaliumFile &file : *files)
      os << "// ===== FILE: " << file.name << " =====\n" << file.contents;
    return success();
  }

  if (std::error_code ec = llvm::sys::fs::create_directories(outputDir))
    return mlir::emitError(module.getLoc()) << "cannot create output directory '"
                              << outputDir << "': " << ec.message();
  for (const MetaliumFile &file : *files) {
    SmallString<256> path(outputDir);
    llvm::sys::path::append(path, file.name);
    std::error_code ec;
    llvm::raw_fd_ostream out(path, ec, llvm::sys::fs::OF_Text);
    if (ec)
      return mlir::emitError(module.getLoc())
             << "cannot write '" << path << "': " << ec.message();
    out << file.contents;
    out.close();
    if (out.has_error())
      return mlir::emitError(module.getLoc())
             << "cannot write '" << path << "': " << out.error().message();
  }
  return success();
}

void mlir::tt::registerToMetaliumTranslation() {
  static llvm::cl::opt<std::string> outputDir(
      "output-dir",
      llvm::cl::desc("--emit-metalium: write the program's files into this "
                     "directory (created if needed) instead of printing them"),
      llvm::cl::value_desc("directory"), llvm::cl::init(""));

  TranslateFromMLIRRegistration registration(
      "emit-metalium",
      "emit a Metalium program: reader/compute/writer kernels, host.cpp, "
      "tt.plan.json, CMakeLists.txt",
      [](Operation *op, raw_ostream &os) -> LogicalResult {
        // Diagnostics in the user's terms: mlir-translate turns the op dump
        // on again for every translation.
        op->getContext()->printOpOnDiagnostic(false);
        auto module = llvm::dyn_cast<ModuleOp>(op);
        if (!module)
          return op->emitError("--emit-metalium expects a builtin.module");
        // An implicit module at line 0 with nothing in it: the input was
        // empty, typically the output of a failed command before a pipe.
        auto file = dyn_cast<FileLineColLoc>(module.getLoc());
        if (module.getBody()->empty() && file && file.getLine() == 0)
          return mlir::emitError(FileLineColLoc::get(file.getFilename(), 1, 1))
                 << "the input is empty: nothing to emit (did the command "
                    "that produced it fail?)";
        return translateToMetalium(module, os, outputDir);
      },
      [](DialectRegistry &registry) { tt::registerAllDialects(registry); });
}
