// Unary operations on the vector engine (tt-metal's api/compute/eltwise_unary/eltwise_unary.h):
// unary_op_init_common (alias init_sfpu) configures the unpacker and the math engine for icb and the
// packer for ocb, in copy mode, so tiles go CB -> DST with copy_tile and SFPU ops work on DST.
#pragma once
#include "api/compute/common.h"

namespace ckernel {
ALWI void unary_op_init_common(std::uint32_t icb, std::uint32_t ocb, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::unary_op_init(icb, ocb, "unary_op_init_common", TTEMU_LOC);
}
ALWI void init_sfpu(std::uint32_t icb, std::uint32_t ocb, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::unary_op_init(icb, ocb, "init_sfpu", TTEMU_LOC);
}
}  // namespace ckernel

// One SFPU op on DST: TTEMU_SFPU_INIT(name, op) defines name_init(), TTEMU_SFPU_UNARY(name, op) name(idst).
#define TTEMU_SFPU_INIT(init_name, op_enum)                                                         \
    ALWI void init_name(TTEMU_LOC_PARAMS) {                                                         \
        ::ttemu::kapi::sfpu_init(::ttemu::kapi::SfpuOp::op_enum, #init_name, TTEMU_LOC);            \
    }
#define TTEMU_SFPU_UNARY(name, op_enum)                                                             \
    ALWI void name(std::uint32_t idst, TTEMU_LOC_PARAMS) {                                          \
        ::ttemu::kapi::sfpu_op(::ttemu::kapi::SfpuOp::op_enum, idst, 0, 0, 0, #name, TTEMU_LOC);    \
    }
#define TTEMU_SFPU_UNARY_PARAM(name, op_enum)                                                       \
    ALWI void name(std::uint32_t idst, std::uint32_t param, TTEMU_LOC_PARAMS) {                     \
        ::ttemu::kapi::sfpu_op(::ttemu::kapi::SfpuOp::op_enum, idst, 0, 0, param, #name, TTEMU_LOC); \
    }
