#pragma once
#include "api/compute/common.h"

// The tile transpose on the unpacker (tt-metal's api/compute/transpose_wh.h): transpose_wh_tile
// unpacks a tile into DST transposed (faces and within faces), as copy_tile does after the init.
namespace ckernel {
ALWI void transpose_wh_init(std::uint32_t icb, std::uint32_t ocb, TTEMU_LOC_PARAMS) {
    (void)ocb;
    ::ttemu::kapi::copy_init(icb, true, true, "transpose_wh_init", TTEMU_LOC);
}
ALWI void transpose_wh_init_short(std::uint32_t icb, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::copy_init(icb, true, true, "transpose_wh_init_short", TTEMU_LOC);
}
ALWI void transpose_wh_tile(std::uint32_t icb, std::uint32_t itile, std::uint32_t idst, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::transpose_tile(icb, itile, idst, TTEMU_LOC);
}
}  // namespace ckernel
