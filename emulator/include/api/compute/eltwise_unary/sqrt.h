// Square root on the vector engine (tt-metal's api/compute/eltwise_unary/sqrt.h).
#pragma once
#include "api/compute/eltwise_unary/eltwise_unary.h"

namespace ckernel {
TTEMU_SFPU_INIT(sqrt_tile_init, Sqrt)
template <bool FAST_APPROX = false>
ALWI void sqrt_tile(std::uint32_t idst, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::sfpu_op(::ttemu::kapi::SfpuOp::Sqrt, idst, 0, 0, 0, "sqrt_tile", TTEMU_LOC);
}
}  // namespace ckernel
