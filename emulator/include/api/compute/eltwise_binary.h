// Element-wise binary tile operations on the matrix engine (tt-metal's api/compute/eltwise_binary.h):
// DST[idst] = A op B (or DST[idst] += A op B with acc_to_dest), A from icb0 through source A, B
// from icb1 through source B.
#pragma once
#include "api/compute/common.h"

namespace ckernel {
enum class EltwiseBinaryType : std::uint8_t { ELWMUL = 0, ELWDIV = 1, ELWADD = 2, ELWSUB = 3 };

// Configures the unpackers for icb0 (A) and icb1 (B) and the packer for ocb.
ALWI void binary_op_init_common(std::uint32_t icb0, std::uint32_t icb1, std::uint32_t ocb, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::hw_startup(icb0, icb1, ocb, false, TTEMU_LOC);
}
template <bool full_init, EltwiseBinaryType eltwise_binary_type>
ALWI void binary_tiles_init(std::uint32_t icb0, std::uint32_t icb1, bool acc_to_dest = false, TTEMU_LOC_PARAMS) {
    static constexpr const char* kInit[4] = {"mul_tiles_init", "binary_tiles_init", "add_tiles_init",
                                             "sub_tiles_init"};
    ::ttemu::kapi::binary_init(icb0, icb1, static_cast<std::uint32_t>(eltwise_binary_type), 0, acc_to_dest,
                               kInit[static_cast<std::uint32_t>(eltwise_binary_type) & 3], TTEMU_LOC);
}
ALWI void add_tiles_init(std::uint32_t icb0, std::uint32_t icb1, bool acc_to_dest = false, TTEMU_LOC_PARAMS) {
    binary_tiles_init<true, EltwiseBinaryType::ELWADD>(icb0, icb1, acc_to_dest, ttemu_loc);
}
ALWI void sub_tiles_init(std::uint32_t icb0, std::uint32_t icb1, bool acc_to_dest = false, TTEMU_LOC_PARAMS) {
    binary_tiles_init<true, EltwiseBinaryType::ELWSUB>(icb0, icb1, acc_to_dest, ttemu_loc);
}
ALWI void mul_tiles_init(std::uint32_t icb0, std::uint32_t icb1, TTEMU_LOC_PARAMS) {
    binary_tiles_init<true, EltwiseBinaryType::ELWMUL>(icb0, icb1, false, ttemu_loc);
}
ALWI void add_tiles(std::uint32_t icb0, std::uint32_t icb1, std::uint32_t itile0, std::uint32_t itile1,
                    std::uint32_t idst, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::binary_tiles(icb0, icb1, itile0, itile1, idst,
                                static_cast<std::uint32_t>(EltwiseBinaryType::ELWADD), 0, 0, "add_tiles", TTEMU_LOC);
}
ALWI void sub_tiles(std::uint32_t icb0, std::uint32_t icb1, std::uint32_t itile0, std::uint32_t itile1,
                    std::uint32_t idst, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::binary_tiles(icb0, icb1, itile0, itile1, idst,
                                static_cast<std::uint32_t>(EltwiseBinaryType::ELWSUB), 0, 0, "sub_tiles", TTEMU_LOC);
}
ALWI void mul_tiles(std::uint32_t icb0, std::uint32_t icb1, std::uint32_t itile0, std::uint32_t itile1,
                    std::uint32_t idst, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::binary_tiles(icb0, icb1, itile0, itile1, idst,
                                static_cast<std::uint32_t>(EltwiseBinaryType::ELWMUL), 0, 0, "mul_tiles", TTEMU_LOC);
}
}  // namespace ckernel
