#pragma once
#include <cstdint>
#include <memory>

namespace ttemu {
struct ProgramState;
}

namespace tt::tt_metal {

class Program {
public:
    Program();
    ~Program();
    Program(Program&&) noexcept;
    Program& operator=(Program&&) noexcept;
    Program(const Program&) = delete;
    Program& operator=(const Program&) = delete;

    // Emulator internals (not part of the tt-metal API).
    ttemu::ProgramState& ttemu_state() const { return *state_; }

private:
    std::unique_ptr<ttemu::ProgramState> state_;
};

}  // namespace tt::tt_metal
