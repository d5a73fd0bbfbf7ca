// Bfp4_b block floating point (tt-metal's bfloat4.hpp): host conversion to and from tiles.
//
// A 32x32 tile is 576 bytes: 64 shared exponents as in Bfp8_b (one per row of 16 values of a 16x16
// face), then 512 bytes of 4-bit values, two per byte (the first in the low nibble), each a sign bit
// and a 3-bit magnitude m with value m / 4 * 2^(exponent - 127), rounded to nearest with ties to even
// and saturating at 7 as Bfp8_b's are.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include <tt-metalium/bfloat16.hpp>
#include <tt-metalium/block_float.hpp>
#include <tt-metalium/tile.hpp>
#include <tt_stl/span.hpp>

template <typename T>
std::vector<std::uint32_t> pack_as_bfp4_tiles(tt::stl::Span<const T> data, bool row_major_input, bool is_exp_a,
                                              const std::optional<tt::tt_metal::Tile>& tile = std::nullopt) {
    ttemu::bfp::check_shape(tile, is_exp_a, "pack_as_bfp4_tiles", "Bfp4");
    return ttemu::bfp::pack_tiles(data, row_major_input, 3, "pack_as_bfp4_tiles");
}

inline std::vector<float> unpack_bfp4_tiles_into_float_vec(tt::stl::Span<const std::uint32_t> bfp_tiles,
                                                           bool row_major_output, bool is_exp_a,
                                                           const std::optional<tt::tt_metal::Tile>& tile = std::nullopt) {
    ttemu::bfp::check_shape(tile, is_exp_a, "unpack_bfp4_tiles_into_float_vec", "Bfp4");
    return ttemu::bfp::unpack_tiles(bfp_tiles, row_major_output, 3, "unpack_bfp4_tiles_into_float_vec");
}
