#pragma once
#include <cstdint>

namespace tt::tt_metal {
enum class MathFidelity : std::uint8_t { LoFi = 0, HiFi2 = 2, HiFi3 = 3, HiFi4 = 4, Invalid = 0xff };
// As tt-metal orders them: UnpackToDestFp32 unpacks fp32 tiles straight into an fp32 DST; Default goes
// through source A (Tf32).
enum class UnpackToDestMode : std::uint8_t { UnpackToDestFp32, Default };
}  // namespace tt::tt_metal
