// The chip architecture (UMD's tt::ARCH, re-exported by tt-metal's device headers).
#pragma once
#include <cstdint>

namespace tt {
enum class ARCH { GRAYSKULL = 1, WORMHOLE_B0 = 2, BLACKHOLE = 3, QUASAR = 4, Invalid = 0xFF };
}  // namespace tt
