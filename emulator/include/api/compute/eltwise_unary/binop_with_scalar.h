// DST tile op scalar on the vector engine (tt-metal's api/compute/eltwise_unary/binop_with_scalar.h);
// the scalar is passed as its fp32 bits. rsub: scalar - x.
#pragma once
#include "api/compute/eltwise_unary/eltwise_unary.h"

namespace ckernel {
TTEMU_SFPU_INIT(binop_with_scalar_tile_init, AddScalar)
TTEMU_SFPU_UNARY_PARAM(add_unary_tile, AddScalar)
TTEMU_SFPU_UNARY_PARAM(sub_unary_tile, SubScalar)
TTEMU_SFPU_UNARY_PARAM(mul_unary_tile, MulScalar)
TTEMU_SFPU_UNARY_PARAM(div_unary_tile, DivScalar)
TTEMU_SFPU_UNARY_PARAM(rsub_unary_tile, RsubScalar)
}  // namespace ckernel
