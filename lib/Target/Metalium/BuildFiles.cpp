//===- BuildFiles.cpp - CMakeLists.txt and README.txt of a program dir ----===//
#include "MetaliumProgram.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace mlir::tt;
using namespace mlir::tt::metalium;


namespace {
void kernelList(const ProgramInfo &info, raw_ostream &os) {
  llvm::interleaveComma(info.kernels, os,
                        [&](const KernelInfo &k) { os << k.file; });
}
} // namespace

std::string metalium::emitCMakeLists(const ProgramInfo &info) {
  std::string text;
  llvm::raw_string_ostream os(text);
  StringRef name = info.program.getSymName();
  os << "# Builds the host program of tt.program @" << name
     << " (emitted by tt-translate --emit-metalium).\n";
  os << "#\n";
  os << "# One CMakeLists.txt for real tt-metal and for the CPU emulator: both "
        "provide the TT-Metalium\n";
  os << "# package (TT::Metalium), as tt-metal's programming examples use it. "
        "Say which with\n";
  os << "# CMAKE_PREFIX_PATH:\n";
  os << "#   cmake -S . -B build -DCMAKE_PREFIX_PATH=<tt-mlir-metalium "
        "build>/emulator   # the emulator\n";
  os << "#   cmake -S . -B build -DCMAKE_PREFIX_PATH=$TT_METAL_HOME/build"
        "                  # tt-metal\n";
  os << "# then: cmake --build build && ./build/host\n";
  os << "#\n";
  os << "# The kernels (";
  kernelList(info, os);
  os << ") are compiled by the runtime when\n"
        "# host runs; host finds them in the parent directory of build/ "
        "(or $TT_KERNEL_DIR).\n";
  os << "cmake_minimum_required(VERSION 3.20)\n";
  os << "project(tt_program_" << name << " LANGUAGES CXX)\n\n";
  os << "set(CMAKE_CXX_STANDARD 20)  # designated initializers of the "
        "Metalium config structs\n";
  os << "set(CMAKE_CXX_STANDARD_REQUIRED ON)\n";
  os << "if(NOT CMAKE_BUILD_TYPE)\n";
  os << "  set(CMAKE_BUILD_TYPE Release)\n";
  os << "endif()\n\n";
  os << "find_package(TT-Metalium REQUIRED)\n";
  os << "add_executable(host host.cpp)\n";
  os << "target_link_libraries(host PRIVATE TT::Metalium)\n";
  return text;
}

std::string metalium::emitReadme(const ProgramInfo &info) {
  std::string text;
  llvm::raw_string_ostream os(text);
  StringRef name = info.program.getSymName();
  DeviceAttr device = info.program.getDevice();
  os << "Metalium program for tt.program @" << name
     << ", emitted by tt-translate --emit-metalium\n";
  os << "for tt-metal d5f9bc4a (2026.08 API profile), "
     << boardName(device.getArch()) << " (" << stringifyArch(device.getArch())
     << ").\n\n";
  os << "Files\n";
  for (const KernelInfo &k : info.kernels)
    os << "  " << llvm::left_justify(k.file, 14) << "  " << roleName(k.role)
       << " kernel (@"
       << k.create.getKernel() << "), compiled at run time by CreateKernel\n";
  os << "  host.cpp        host program: device, DRAM buffers, circular "
        "buffers, kernels,\n"
        "                  runtime args, upload, launch, read back";
  if (info.reference)
    os << ", reference check\n"
          "                  (exit code 0 = PASS, 1 = FAIL, 2 = kernels not "
          "found)";
  os << "\n";
  os << "  " << llvm::left_justify(kHostSupportFile, 14)
     << "  helpers host.cpp includes (kernel lookup, $TT_IO_DIR data, PCC); "
        "the same\n"
        "                  for every program\n";
  os << "  tt.plan.json    the plan: device, cores and the work split, "
        "buffers, CBs, kernels and\n"
        "                  their arguments, host steps (JSON Schema: "
        "lib/Target/Metalium/tt.plan.schema.json,\n"
        "                  schema_version "
     << kPlanSchemaVersion << ")\n";
  os << "  CMakeLists.txt  builds host.cpp against the emulator or tt-metal\n\n";
  os << "Run on the CPU emulator of tt-mlir-metalium\n";
  os << "  tt-run <this directory>                 # builds host.cpp and runs "
        "it here\n";
  os << "or\n";
  os << "  cmake -S . -B build -DCMAKE_PREFIX_PATH=<tt-mlir-metalium "
        "build>/emulator\n";
  os << "  cmake --build build && ./build/host\n\n";
  os << "Run on a Tenstorrent card with tt-metal\n";
  os << "  cmake -S . -B build -DCMAKE_PREFIX_PATH=$TT_METAL_HOME/build && "
        "cmake --build build && ./build/host\n\n";
  os << "The directory can be moved anywhere: host finds the kernel sources "
        "in $TT_KERNEL_DIR,\n"
        "else next to its executable or in the parent directory of it "
        "(build/..), else in the\n"
        "current directory, and passes absolute paths to CreateKernel.\n";
  return text;
}
