// ttemu: the error type every emulator failure is reported with.
#pragma once
#include <stdexcept>
#include <string>

namespace ttemu {
// Thrown by the emulator for API misuse, kernel protocol violations, deadlocks, out-of-bounds
// accesses and kernel compile failures. Derives from std::runtime_error (as tt-metal's TT_THROW does).
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& what) : std::runtime_error(what) {}
};
}  // namespace ttemu
