#pragma once
#include "api/compute/common.h"

namespace ckernel {
// transpose: the unpacker reads the faces transposed (top-right and bottom-left swapped);
// transpose_within_16x16_face: it transposes each 16x16 face. Both: the tile's transpose.
ALWI void copy_tile_to_dst_init_short(std::uint32_t cbid, std::uint32_t transpose = 0,
                                      std::uint32_t transpose_within_16x16_face = false, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::copy_init(cbid, transpose != 0, transpose_within_16x16_face != 0, "copy_tile_to_dst_init_short",
                             TTEMU_LOC);
}
ALWI void copy_tile_to_dst_init_short_with_dt(std::uint32_t old_cbid, std::uint32_t new_cbid,
                                              std::uint32_t transpose = 0, TTEMU_LOC_PARAMS) {
    // Source A takes new_cbid's format when it differs from old_cbid's.
    ::ttemu::kapi::unpack_reconfig(0, static_cast<std::int32_t>(old_cbid), new_cbid,
                                   "copy_tile_to_dst_init_short_with_dt", TTEMU_LOC);
    ::ttemu::kapi::copy_init(new_cbid, transpose != 0, false, "copy_tile_to_dst_init_short_with_dt", TTEMU_LOC);
}
ALWI void copy_tile_init(std::uint32_t cbid, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::copy_init(cbid, false, false, "copy_tile_init", TTEMU_LOC);
}
// DST[idst] = tile in_tile_index of the CB's waited window (unpacked to fp32).
ALWI void copy_tile(std::uint32_t in_cb_id, std::uint32_t in_tile_index, std::uint32_t dst_tile_index,
                    TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::copy_tile(in_cb_id, in_tile_index, dst_tile_index, TTEMU_LOC);
}
}  // namespace ckernel
