#pragma once
#include "api/compute/common.h"

namespace ckernel {
// Must be called once, first, before any operation-specific init.
// Configures the unpackers from the formats of icb0 and icb1 (source A and B; swapped with
// SrcOrder::Reverse, as matmul reads in0 through B and in1 through A) and the packer from ocb.
template <SrcOrder order = SrcOrder::Regular>
ALWI void compute_kernel_hw_startup(std::uint32_t icb0, std::uint32_t icb1, std::uint32_t ocb, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::hw_startup(icb0, icb1, ocb, order == SrcOrder::Reverse, TTEMU_LOC);
}
ALWI void compute_kernel_hw_startup(std::uint32_t icb0, std::uint32_t ocb, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::hw_startup(icb0, icb0, ocb, false, TTEMU_LOC);
}
}  // namespace ckernel
