// Bfp8_b block floating point (tt-metal's bfloat8.hpp): host conversion to and from tiles.
//
// A 32x32 tile is 1088 bytes: 64 shared exponents, one per row of 16 values of a 16x16 face (face 0
// rows 0..15, then faces 1, 2, 3), then 1024 one-byte values in the same order (face by face, row-major
// within a face), each a sign bit and a 7-bit magnitude m with value m / 64 * 2^(exponent - 127). The
// shared exponent is the largest fp32 exponent of the 16 values; each value's 24-bit significand is
// shifted right by the difference and rounded to 7 bits, nearest with ties to even, saturating at 127
// (no carry into the exponent); zeros and fp32 subnormals become 0, and -0 loses its sign. Inf and NaN
// carry exponent 255: an Inf comes back as Inf, a NaN as NaN, and the row's finite values keep only
// what survives a shift by (255 - their exponent), mostly 0.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include <tt-metalium/bfloat16.hpp>
#include <tt-metalium/block_float.hpp>
#include <tt-metalium/tile.hpp>
#include <tt_stl/span.hpp>

template <typename T>
std::vector<std::uint32_t> pack_as_bfp8_tiles(tt::stl::Span<const T> data, bool row_major_input, bool is_exp_a,
                                              const std::optional<tt::tt_metal::Tile>& tile = std::nullopt) {
    ttemu::bfp::check_shape(tile, is_exp_a, "pack_as_bfp8_tiles", "Bfp8");
    return ttemu::bfp::pack_tiles(data, row_major_input, 7, "pack_as_bfp8_tiles");
}

inline std::vector<float> unpack_bfp8_tiles_into_float_vec(tt::stl::Span<const std::uint32_t> bfp8_tiles,
                                                           bool row_major_output, bool is_exp_a,
                                                           const std::optional<tt::tt_metal::Tile>& tile = std::nullopt) {
    ttemu::bfp::check_shape(tile, is_exp_a, "unpack_bfp8_tiles_into_float_vec", "Bfp8");
    return ttemu::bfp::unpack_tiles(bfp8_tiles, row_major_output, 7, "unpack_bfp8_tiles_into_float_vec");
}
