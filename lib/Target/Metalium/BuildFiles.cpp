//===- BuildFiles.cpp - CMakeLists.txt and README.txt of a program dir ----===//
#include "MetaliumProgram.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace mlir::tt;
using namespace mlir::tt::metalium;

// Where this project's emulator is, for the defaults of the emitted
// CMakeLists.txt (set by lib/Target/Metalium/CMakeLists.txt).
#ifndef TT_DEFAULT_EMULATOR_DIR
#define TT_DEFAULT_EMULATOR_DIR ""
#endif
#ifndef TT_DEFAULT_EMULATOR_LIB_DIR
#define TT_DEFAULT_EMULATOR_LIB_DIR ""
#endif

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
  os << "# Against this project's CPU emulator (the default without "
        "TT_METAL_HOME):\n";
  os << "#   cmake -S . -B build [-DTT_EMULATOR_DIR=<repo>/emulator] "
        "[-DTT_EMULATOR_LIB_DIR=<dir of libttemu.so>]\n";
  os << "# Against an installed tt-metal (the default when TT_METAL_HOME is "
        "set):\n";
  os << "#   export TT_METAL_HOME=<tt-metal checkout built with "
        "build_metal.sh>\n";
  os << "#   cmake -S . -B build -DTT_METAL=ON\n";
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
  os << "if(DEFINED ENV{TT_METAL_HOME})\n";
  os << "  set(_tt_metal_default ON)\n";
  os << "else()\n";
  os << "  set(_tt_metal_default OFF)\n";
  os << "endif()\n";
  os << "option(TT_METAL \"Build against tt-metal (TT_METAL_HOME) instead of "
        "the emulator\" ${_tt_metal_default})\n\n";
  os << "add_executable(host host.cpp)\n\n";
  os << "if(TT_METAL)\n";
  os << "  # As tt-metal's programming examples do: the TT-Metalium package, "
        "target TT::Metalium.\n";
  os << "  find_package(TT-Metalium REQUIRED\n";
  os << "    HINTS $ENV{TT_METAL_HOME}/build $ENV{TT_METAL_HOME}/build_Release "
        "$ENV{TT_METAL_HOME})\n";
  os << "  target_link_libraries(host PRIVATE TT::Metalium)\n";
  os << "else()\n";
  os << "  if(DEFINED ENV{TT_EMULATOR_DIR})\n";
  os << "    set(_emulator_dir $ENV{TT_EMULATOR_DIR})\n";
  os << "  else()\n";
  os << "    set(_emulator_dir \"" << TT_DEFAULT_EMULATOR_DIR << "\")\n";
  os << "  endif()\n";
  os << "  if(DEFINED ENV{TT_EMULATOR_LIB_DIR})\n";
  os << "    set(_emulator_lib_dir $ENV{TT_EMULATOR_LIB_DIR})\n";
  os << "  else()\n";
  os << "    set(_emulator_lib_dir \"" << TT_DEFAULT_EMULATOR_LIB_DIR << "\")\n";
  os << "  endif()\n";
  os << "  set(TT_EMULATOR_DIR \"${_emulator_dir}\" CACHE PATH \"The Metalium "
        "emulator's source directory (include/, cmake/)\")\n";
  os << "  set(TT_EMULATOR_LIB_DIR \"${_emulator_lib_dir}\" CACHE PATH "
        "\"Directory holding libttemu.so\")\n";
  os << "  if(NOT EXISTS \"${TT_EMULATOR_DIR}/cmake/TTEmulator.cmake\")\n";
  os << "    message(FATAL_ERROR \"No Metalium emulator at TT_EMULATOR_DIR="
        "'${TT_EMULATOR_DIR}'; set it to <tt-mlir-metalium>/emulator, or set "
        "TT_METAL_HOME to build against tt-metal\")\n";
  os << "  endif()\n";
  os << "  if(NOT EXISTS \"${TT_EMULATOR_LIB_DIR}/libttemu.so\")\n";
  os << "    message(FATAL_ERROR \"No libttemu.so in TT_EMULATOR_LIB_DIR="
        "'${TT_EMULATOR_LIB_DIR}'; build the emulator and point "
        "TT_EMULATOR_LIB_DIR at its lib/ directory\")\n";
  os << "  endif()\n";
  os << "  include(\"${TT_EMULATOR_DIR}/cmake/TTEmulator.cmake\")\n";
  os << "  target_link_libraries(host PRIVATE ttemu::ttemu)\n";
  os << "endif()\n";
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
  os << "  cmake -S . -B build -DTT_EMULATOR_DIR=<repo>/emulator "
        "-DTT_EMULATOR_LIB_DIR=<emulator build>/lib\n";
  os << "  cmake --build build && ./build/host\n\n";
  os << "Run on a Tenstorrent card with tt-metal\n";
  os << "  export TT_METAL_HOME=<tt-metal checkout, built>\n";
  os << "  cmake -S . -B build -DTT_METAL=ON && cmake --build build && "
        "./build/host\n\n";
  os << "The directory can be moved anywhere: host finds the kernel sources "
        "in $TT_KERNEL_DIR,\n"
        "else next to its executable or in the parent directory of it "
        "(build/..), else in the\n"
        "current directory, and passes absolute paths to CreateKernel.\n";
  return text;
}
