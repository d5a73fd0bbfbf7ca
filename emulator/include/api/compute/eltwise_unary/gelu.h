// GELU on the vector engine (tt-metal's api/compute/eltwise_unary/gelu.h): 0.5 x (1 + erf(x / sqrt 2));
// with fast_and_approx (the default) tt-metal's six-segment piecewise-linear approximation of it
// (gelu_init<true>'s table; off by up to 0.015, at x = 0).
#pragma once
#include "api/compute/eltwise_unary/eltwise_unary.h"

namespace ckernel {
template <bool fast_and_approx = true>
ALWI void gelu_tile_init(TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::sfpu_init(fast_and_approx ? ::ttemu::kapi::SfpuOp::GeluApprox : ::ttemu::kapi::SfpuOp::Gelu,
                             fast_and_approx ? "gelu_tile_init" : "gelu_tile_init<false>", TTEMU_LOC);
}
template <bool fast_and_approx = true>
ALWI void gelu_tile(std::uint32_t idst, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::sfpu_op(fast_and_approx ? ::ttemu::kapi::SfpuOp::GeluApprox : ::ttemu::kapi::SfpuOp::Gelu, idst, 0,
                           0, 0, "gelu_tile", TTEMU_LOC);
}
}  // namespace ckernel
