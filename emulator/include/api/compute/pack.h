#pragma once
#include "api/compute/common.h"

namespace ckernel {
// Packs DST[ifrom_dst] into the CB's reserved window: sequentially (next free slot, reset at cb_push_back)
// unless out_of_order_output, in which case at output_tile_index.
template <bool out_of_order_output = false>
ALWI void pack_tile(std::uint32_t ifrom_dst, std::uint32_t icb, std::uint32_t output_tile_index = 0,
                    TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::pack_tile(ifrom_dst, icb, output_tile_index, out_of_order_output, TTEMU_LOC);
}
ALWI void pack_tile_block(std::uint32_t ifrom_dst, std::uint32_t icb, std::uint32_t ntiles, TTEMU_LOC_PARAMS) {
    for (std::uint32_t i = 0; i < ntiles; ++i)
        ::ttemu::kapi::pack_tile(ifrom_dst + i, icb, 0, false, TTEMU_LOC);
}
// Enables/disables accumulation of packed values onto the values already in L1.
ALWI void pack_reconfig_l1_acc(const std::uint32_t l1_acc_en, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::pack_l1_acc(l1_acc_en, TTEMU_LOC);
}
// The packer takes the new CB's format (with an old CB: only when its format differs).
template <bool is_tile_dim_reconfig_en = false>
ALWI void pack_reconfig_data_format(const std::uint32_t new_cb_id, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::pack_reconfig(-1, new_cb_id, TTEMU_LOC);
}
template <bool is_tile_dim_reconfig_en = false>
ALWI void pack_reconfig_data_format(const std::uint32_t old_cb_id, const std::uint32_t new_cb_id, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::pack_reconfig(static_cast<std::int32_t>(old_cb_id), new_cb_id, TTEMU_LOC);
}
}  // namespace ckernel
