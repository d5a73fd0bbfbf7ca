// tt-run's build of a program that has its own CMakeLists.txt: configured against the emulator's
// TT-Metalium package, built incrementally in tt-run's cache, its executables read from CMake's
// file API.
#pragma once

#include <string>
#include <vector>

namespace ttrun {

struct CMakeBuildRequest {
    std::string source_dir;      // holds CMakeLists.txt
    std::string build_dir;       // in tt-run's cache, one per source directory and emulator
    std::string package_prefix;  // CMAKE_PREFIX_PATH: <prefix>/lib/cmake/TT-Metalium
    std::string target;          // executable to run; empty: the project's only one
    bool reconfigure = false;    // --rebuild: configure from scratch
    bool verbose = false;        // show CMake's and the build's output as they run
};

// Configures (first time or when asked), builds, and returns the absolute path of the executable
// to run. On failure prints what went wrong (CMake's or the compiler's output, or the list of
// executables to choose from) and returns "".
std::string build_cmake_project(const CMakeBuildRequest& request);

}  // namespace ttrun
