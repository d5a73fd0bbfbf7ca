// Element-wise binary tile ops with B broadcast (tt-metal's api/compute/bcast.h): ROW broadcasts B's
// row `bcast_row_idx` (0 by default) down the rows — a bias row added to every row — COL B's column 0
// across the columns, SCALAR B[0][0] everywhere. A from icb0 through source A, B from icb1 through
// source B; the result goes to DST[idst].
#pragma once
#include "api/compute/eltwise_binary.h"

namespace ckernel {
enum class BroadcastType : std::uint8_t { NONE = 0x0, COL = 0x1, ROW = 0x2, SCALAR = 0x3 };

// Full init: unpackers from icb0 and icb1, packer to ocb, then the op.
template <EltwiseBinaryType tBcastOp, BroadcastType tBcastDim>
ALWI void init_bcast(std::uint32_t icb0, std::uint32_t icb1, std::uint32_t ocb, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::hw_startup(icb0, icb1, ocb, false, TTEMU_LOC);
    ::ttemu::kapi::binary_init(icb0, icb1, static_cast<std::uint32_t>(tBcastOp), static_cast<std::uint32_t>(tBcastDim),
                               false, "init_bcast", TTEMU_LOC);
}

#define TTEMU_BCAST_INIT(name, op, dim)                                                                    \
    ALWI void name(std::uint32_t icb0, std::uint32_t icb1, TTEMU_LOC_PARAMS) {                             \
        ::ttemu::kapi::binary_init(icb0, icb1, static_cast<std::uint32_t>(EltwiseBinaryType::op),          \
                                   static_cast<std::uint32_t>(BroadcastType::dim), false, #name, TTEMU_LOC); \
    }
TTEMU_BCAST_INIT(add_bcast_rows_init_short, ELWADD, ROW)
TTEMU_BCAST_INIT(sub_bcast_rows_init_short, ELWSUB, ROW)
TTEMU_BCAST_INIT(mul_bcast_rows_init_short, ELWMUL, ROW)
TTEMU_BCAST_INIT(add_bcast_cols_init_short, ELWADD, COL)
TTEMU_BCAST_INIT(sub_bcast_cols_init_short, ELWSUB, COL)
TTEMU_BCAST_INIT(mul_bcast_cols_init_short, ELWMUL, COL)
TTEMU_BCAST_INIT(add_bcast_scalar_init_short, ELWADD, SCALAR)
TTEMU_BCAST_INIT(sub_tiles_bcast_scalar_init_short, ELWSUB, SCALAR)
TTEMU_BCAST_INIT(mul_tiles_bcast_scalar_init_short, ELWMUL, SCALAR)
#undef TTEMU_BCAST_INIT

template <EltwiseBinaryType tBcastOp, BroadcastType tBcastDim>
ALWI void any_tiles_bcast(std::uint32_t icb0, std::uint32_t icb1, std::uint32_t itile0, std::uint32_t itile1,
                          std::uint32_t idst, std::uint32_t bcast_row_idx = 0, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::binary_tiles(icb0, icb1, itile0, itile1, idst, static_cast<std::uint32_t>(tBcastOp),
                                static_cast<std::uint32_t>(tBcastDim), bcast_row_idx, "any_tiles_bcast", TTEMU_LOC);
}
template <BroadcastType tBcastDim>
ALWI void add_tiles_bcast(std::uint32_t icb0, std::uint32_t icb1, std::uint32_t itile0, std::uint32_t itile1,
                          std::uint32_t idst, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::binary_tiles(icb0, icb1, itile0, itile1, idst, static_cast<std::uint32_t>(EltwiseBinaryType::ELWADD),
                                static_cast<std::uint32_t>(tBcastDim), 0, "add_tiles_bcast", TTEMU_LOC);
}
template <BroadcastType tBcastDim>
ALWI void sub_tiles_bcast(std::uint32_t icb0, std::uint32_t icb1, std::uint32_t itile0, std::uint32_t itile1,
                          std::uint32_t idst, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::binary_tiles(icb0, icb1, itile0, itile1, idst, static_cast<std::uint32_t>(EltwiseBinaryType::ELWSUB),
                                static_cast<std::uint32_t>(tBcastDim), 0, "sub_tiles_bcast", TTEMU_LOC);
}
template <BroadcastType tBcastDim>
ALWI void mul_tiles_bcast(std::uint32_t icb0, std::uint32_t icb1, std::uint32_t itile0, std::uint32_t itile1,
                          std::uint32_t idst, TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::binary_tiles(icb0, icb1, itile0, itile1, idst, static_cast<std::uint32_t>(EltwiseBinaryType::ELWMUL),
                                static_cast<std::uint32_t>(tBcastDim), 0, "mul_tiles_bcast", TTEMU_LOC);
}

#define TTEMU_BCAST_ROWS(name, op)                                                                        \
    ALWI void name(std::uint32_t icb0, std::uint32_t icb1, std::uint32_t itile0, std::uint32_t itile1,     \
                   std::uint32_t idst, std::uint32_t bcast_row_idx = 0, TTEMU_LOC_PARAMS) {               \
        ::ttemu::kapi::binary_tiles(icb0, icb1, itile0, itile1, idst,                                       \
                                    static_cast<std::uint32_t>(EltwiseBinaryType::op),                      \
                                    static_cast<std::uint32_t>(BroadcastType::ROW), bcast_row_idx, #name,    \
                                    TTEMU_LOC);                                                             \
    }
#define TTEMU_BCAST(name, op, dim)                                                                        \
    ALWI void name(std::uint32_t icb0, std::uint32_t icb1, std::uint32_t itile0, std::uint32_t itile1,     \
                   std::uint32_t idst, TTEMU_LOC_PARAMS) {                                                 \
        ::ttemu::kapi::binary_tiles(icb0, icb1, itile0, itile1, idst,                                       \
                                    static_cast<std::uint32_t>(EltwiseBinaryType::op),                      \
                                    static_cast<std::uint32_t>(BroadcastType::dim), 0, #name, TTEMU_LOC);    \
    }
TTEMU_BCAST_ROWS(add_tiles_bcast_rows, ELWADD)
TTEMU_BCAST_ROWS(sub_tiles_bcast_rows, ELWSUB)
TTEMU_BCAST_ROWS(mul_tiles_bcast_rows, ELWMUL)
TTEMU_BCAST(add_tiles_bcast_cols, ELWADD, COL)
TTEMU_BCAST(sub_tiles_bcast_cols, ELWSUB, COL)
TTEMU_BCAST(mul_tiles_bcast_cols, ELWMUL, COL)
TTEMU_BCAST(add_tiles_bcast_scalar, ELWADD, SCALAR)
TTEMU_BCAST(sub_tiles_bcast_scalar, ELWSUB, SCALAR)
TTEMU_BCAST(mul_tiles_bcast_scalar, ELWMUL, SCALAR)
#undef TTEMU_BCAST_ROWS
#undef TTEMU_BCAST
}  // namespace ckernel
