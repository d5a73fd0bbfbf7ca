#pragma once
#include "api/compute/common.h"

namespace ckernel {
// Formats are read from each CB's config at use, so these need no state in the emulator.
ALWI void reconfig_data_format(const std::uint32_t srca_new_operand, const std::uint32_t srcb_new_operand) {
    (void)srca_new_operand;
    (void)srcb_new_operand;
}
ALWI void reconfig_data_format_srca(const std::uint32_t srca_new_operand) { (void)srca_new_operand; }
ALWI void reconfig_data_format_srcb(const std::uint32_t srcb_new_operand) { (void)srcb_new_operand; }
}  // namespace ckernel
