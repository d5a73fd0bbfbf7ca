// exp on the vector engine (tt-metal's api/compute/eltwise_unary/exp.h). The emulator computes e^x in
// fp32 in both modes; silicon's approximate mode is coarser.
#pragma once
#include "api/compute/eltwise_unary/eltwise_unary.h"

namespace ckernel {
enum class InputClamping : std::uint8_t { ClampToNegative = 1, None = 0 };

template <bool approx = false, std::uint32_t scale = 0x3F800000,
          InputClamping input_clamping = InputClamping::ClampToNegative>
ALWI void exp_tile_init(TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::sfpu_init(approx ? ::ttemu::kapi::SfpuOp::ExpApprox : ::ttemu::kapi::SfpuOp::Exp,
                             approx ? "exp_tile_init<true>" : "exp_tile_init", TTEMU_LOC);
}
// With scale_en, e^(x * scale) (scale: bf16 bits).
template <bool approx = false, bool scale_en = false, InputClamping input_clamping = InputClamping::ClampToNegative,
          int iterations = 8>
ALWI void exp_tile(std::uint32_t idst, VectorMode vector_mode = VectorMode::RC,
                   std::uint16_t scale = p_sfpu::kCONST_1_FP16B, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::sfpu_op(approx ? ::ttemu::kapi::SfpuOp::ExpApprox : ::ttemu::kapi::SfpuOp::Exp, idst, 0, 0,
                           scale_en ? static_cast<std::uint32_t>(scale) << 16 : 0u, "exp_tile", TTEMU_LOC);
}
}  // namespace ckernel
