#pragma once
#include "api/compute/common.h"

namespace ckernel {
// Must be called once, first, before any operation-specific init.
template <SrcOrder order = SrcOrder::Regular>
ALWI void compute_kernel_hw_startup(std::uint32_t icb0, std::uint32_t icb1, std::uint32_t ocb, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::hw_startup(icb0, icb1, ocb, TTEMU_LOC);
}
ALWI void compute_kernel_hw_startup(std::uint32_t icb0, std::uint32_t ocb, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::hw_startup(icb0, icb0, ocb, TTEMU_LOC);
}
}  // namespace ckernel
