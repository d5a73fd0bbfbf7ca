// Running a child process from tt-run: the compiler, CMake, the host program.
#pragma once

#include <string>
#include <vector>

namespace ttrun {

// Runs `args` (args[0] looked up on PATH) in `cwd` (empty: tt-run's own), with stdout and stderr in
// `output_file` (empty: tt-run's), and returns its exit status, or 128 + signal (saying which) if
// it was killed. The child dies with tt-run, even when tt-run is killed with SIGKILL.
int run_process(const std::vector<std::string>& args, const std::string& cwd = "", const std::string& output_file = "");

}  // namespace ttrun
