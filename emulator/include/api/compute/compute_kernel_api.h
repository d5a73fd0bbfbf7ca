// The compute kernel API umbrella (tt-metal's api/compute/compute_kernel_api.h): the common part
// (DST handshake, packing, format reconfiguration, CB calls, hardware start-up) and the tile ops
// the emulator implements.
#pragma once
#include "api/compute/common.h"
#include "api/compute/eltwise_binary.h"
#include "api/compute/matmul.h"
#include "api/compute/tile_move_copy.h"
#include "api/compute/transpose_wh.h"
#include "api/compute/eltwise_unary/eltwise_unary.h"

// The SFPU ops tt-metal declares in compute_kernel_api.h itself.
namespace ckernel {
template <bool fast_and_approx = false>
ALWI void sigmoid_tile_init(TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::sfpu_init(::ttemu::kapi::SfpuOp::Sigmoid, "sigmoid_tile_init", TTEMU_LOC);
}
template <VectorMode vec_mode = VectorMode::RC, bool fast_and_approx = false>
ALWI void sigmoid_tile(std::uint32_t idst, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::sfpu_op(::ttemu::kapi::SfpuOp::Sigmoid, idst, 0, 0, 0, "sigmoid_tile", TTEMU_LOC);
}
TTEMU_SFPU_INIT(silu_tile_init, Silu)
TTEMU_SFPU_UNARY(silu_tile, Silu)
template <bool fast_and_approx = false>
ALWI void log_tile_init(TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::sfpu_init(::ttemu::kapi::SfpuOp::Log, "log_tile_init", TTEMU_LOC);
}
template <bool fast_and_approx = false>
ALWI void log_tile(std::uint32_t idst, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::sfpu_op(::ttemu::kapi::SfpuOp::Log, idst, 0, 0, 0, "log_tile", TTEMU_LOC);
}
template <bool fast_and_approx = false>
ALWI void tanh_tile_init(TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::sfpu_init(::ttemu::kapi::SfpuOp::Tanh, "tanh_tile_init", TTEMU_LOC);
}
template <bool fast_and_approx = false>
ALWI void tanh_tile(std::uint32_t idst, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::sfpu_op(::ttemu::kapi::SfpuOp::Tanh, idst, 0, 0, 0, "tanh_tile", TTEMU_LOC);
}
TTEMU_SFPU_INIT(abs_tile_init, Abs)
TTEMU_SFPU_UNARY(abs_tile, Abs)
TTEMU_SFPU_INIT(square_tile_init, Square)
TTEMU_SFPU_UNARY(square_tile, Square)
}  // namespace ckernel
