// Reciprocal on the vector engine (tt-metal's api/compute/eltwise_unary/recip.h).
#pragma once
#include "api/compute/eltwise_unary/eltwise_unary.h"

namespace ckernel {
template <bool legacy_compat = true>
ALWI void recip_tile_init(TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::sfpu_init(::ttemu::kapi::SfpuOp::Recip, "recip_tile_init", TTEMU_LOC);
}
template <bool legacy_compat = true>
ALWI void recip_tile(std::uint32_t idst, VectorMode vector_mode = VectorMode::RC, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::sfpu_op(::ttemu::kapi::SfpuOp::Recip, idst, 0, 0, 0, "recip_tile", TTEMU_LOC);
}
}  // namespace ckernel
