#pragma once
#include "api/compute/common.h"

namespace ckernel {
ALWI void matmul_init(std::uint32_t in0_cb_id, std::uint32_t in1_cb_id, const std::uint32_t transpose = 0,
                      TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::mm_init(in0_cb_id, in1_cb_id, transpose, 1, 1, 1, TTEMU_LOC);
}
// DST[idst] += A(in0 tile) x B(in1 tile), fp32 accumulation.
ALWI void matmul_tiles(std::uint32_t in0_cb_id, std::uint32_t in1_cb_id, std::uint32_t in0_tile_index,
                       std::uint32_t in1_tile_index, std::uint32_t idst, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::mm_tiles(in0_cb_id, in1_cb_id, in0_tile_index, in1_tile_index, idst, TTEMU_LOC);
}
ALWI void matmul_block_init(std::uint32_t in0_cb_id, std::uint32_t in1_cb_id, const std::uint32_t transpose = 0,
                            std::uint32_t ct_dim = 1, std::uint32_t rt_dim = 1, std::uint32_t kt_dim = 1,
                            TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::mm_init(in0_cb_id, in1_cb_id, transpose, ct_dim, rt_dim, kt_dim, TTEMU_LOC);
}
// One inner-dim step for an rt_dim x ct_dim block: DST[idst + r*ct_dim + c] +=
// A[in0_tile_index + r*kt_dim] x B[in1_tile_index + c] (B transposed within the tile if transpose).
ALWI void matmul_block(std::uint32_t in0_cb_id, std::uint32_t in1_cb_id, std::uint32_t in0_tile_index,
                       std::uint32_t in1_tile_index, std::uint32_t idst, const std::uint32_t transpose,
                       std::uint32_t ct_dim, std::uint32_t rt_dim, std::uint32_t kt_dim, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::mm_block(in0_cb_id, in1_cb_id, in0_tile_index, in1_tile_index, idst, transpose, ct_dim, rt_dim,
                            kt_dim, TTEMU_LOC);
}
}  // namespace ckernel
