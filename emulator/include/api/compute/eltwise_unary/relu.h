// ReLU family on the vector engine (tt-metal's api/compute/eltwise_unary/relu.h). Parameters are fp32
// bits: relu_max(x, p) = min(max(x, 0), p), relu_min(x, p) = max(x, p), leaky_relu(x, s) = x < 0 ? s x : x.
#pragma once
#include "api/compute/eltwise_unary/eltwise_unary.h"

namespace ckernel {
TTEMU_SFPU_INIT(relu_tile_init, Relu)
TTEMU_SFPU_UNARY(relu_tile, Relu)
TTEMU_SFPU_INIT(relu_max_tile_init, ReluMax)
TTEMU_SFPU_UNARY_PARAM(relu_max_tile, ReluMax)
TTEMU_SFPU_INIT(relu_min_tile_init, ReluMin)
TTEMU_SFPU_UNARY_PARAM(relu_min_tile, ReluMin)
TTEMU_SFPU_INIT(leaky_relu_tile_init, LeakyRelu)
ALWI void leaky_relu_tile(std::uint32_t idst, std::uint32_t slope = 0, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::sfpu_op(::ttemu::kapi::SfpuOp::LeakyRelu, idst, 0, 0, slope, "leaky_relu_tile", TTEMU_LOC);
}
}  // namespace ckernel
