#pragma once
#include "api/compute/common.h"

namespace ckernel {
// Source A / B of the unpacker take the new operand's format (with an old operand: only when its
// format differs, as tt-metal skips the reconfiguration otherwise).
template <bool to_from_int8 = false, bool is_tile_dim_reconfig_en = false>
ALWI void reconfig_data_format(const std::uint32_t srca_new_operand, const std::uint32_t srcb_new_operand,
                               TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::unpack_reconfig(0, -1, srca_new_operand, "reconfig_data_format", TTEMU_LOC);
    ::ttemu::kapi::unpack_reconfig(1, -1, srcb_new_operand, "reconfig_data_format", TTEMU_LOC);
}
template <bool to_from_int8 = false, bool is_tile_dim_reconfig_en = false>
ALWI void reconfig_data_format(const std::uint32_t srca_old_operand, const std::uint32_t srca_new_operand,
                               const std::uint32_t srcb_old_operand, const std::uint32_t srcb_new_operand,
                               TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::unpack_reconfig(0, static_cast<std::int32_t>(srca_old_operand), srca_new_operand,
                                   "reconfig_data_format", TTEMU_LOC);
    ::ttemu::kapi::unpack_reconfig(1, static_cast<std::int32_t>(srcb_old_operand), srcb_new_operand,
                                   "reconfig_data_format", TTEMU_LOC);
}
template <bool to_from_int8 = false, bool is_tile_dim_reconfig_en = false>
ALWI void reconfig_data_format_srca(const std::uint32_t srca_new_operand, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::unpack_reconfig(0, -1, srca_new_operand, "reconfig_data_format_srca", TTEMU_LOC);
}
template <bool to_from_int8 = false, bool is_tile_dim_reconfig_en = false>
ALWI void reconfig_data_format_srca(const std::uint32_t srca_old_operand, const std::uint32_t srca_new_operand,
                                    TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::unpack_reconfig(0, static_cast<std::int32_t>(srca_old_operand), srca_new_operand,
                                   "reconfig_data_format_srca", TTEMU_LOC);
}
template <bool to_from_int8 = false, bool is_tile_dim_reconfig_en = false>
ALWI void reconfig_data_format_srcb(const std::uint32_t srcb_new_operand, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::unpack_reconfig(1, -1, srcb_new_operand, "reconfig_data_format_srcb", TTEMU_LOC);
}
template <bool to_from_int8 = false, bool is_tile_dim_reconfig_en = false>
ALWI void reconfig_data_format_srcb(const std::uint32_t srcb_old_operand, const std::uint32_t srcb_new_operand,
                                    TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::unpack_reconfig(1, static_cast<std::int32_t>(srcb_old_operand), srcb_new_operand,
                                   "reconfig_data_format_srcb", TTEMU_LOC);
}
}  // namespace ckernel
