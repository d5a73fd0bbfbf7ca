// DST-to-DST binary ops on the vector engine (tt-metal's api/compute/eltwise_binary_sfpu.h):
// DST[odst] = DST[idst0] op DST[idst1]; rsub: DST[idst1] - DST[idst0].
#pragma once
#include "api/compute/eltwise_unary/eltwise_unary.h"

#define TTEMU_SFPU_BINARY(name, op_enum)                                                                  \
    TTEMU_SFPU_INIT(name##_init, op_enum)                                                                 \
    ALWI void name(std::uint32_t idst0, std::uint32_t idst1, std::uint32_t odst, TTEMU_LOC_PARAMS) {      \
        ::ttemu::kapi::sfpu_op(::ttemu::kapi::SfpuOp::op_enum, idst0, idst1, odst, 0, #name, TTEMU_LOC); \
    }

namespace ckernel {
TTEMU_SFPU_BINARY(add_binary_tile, AddBinary)
TTEMU_SFPU_BINARY(sub_binary_tile, SubBinary)
TTEMU_SFPU_BINARY(mul_binary_tile, MulBinary)
TTEMU_SFPU_BINARY(div_binary_tile, DivBinary)
TTEMU_SFPU_BINARY(rsub_binary_tile, RsubBinary)
}  // namespace ckernel
