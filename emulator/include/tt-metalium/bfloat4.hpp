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
#include <ttemu/error.hpp>

namespace ttemu::bfp4 {
inline constexpr std::uint32_t kTileBytes = 576;
}

template <typename T>
std::vector<std::uint32_t> pack_as_bfp4_tiles(tt::stl::Span<const T> data, bool row_major_input, bool is_exp_a,
                                              const std::optional<tt::tt_metal::Tile>& tile = std::nullopt) {
    ttemu::bfp::check_shape(tile, is_exp_a, "pack_as_bfp4_tiles", "Bfp4");
    if (data.size() % 1024 != 0) throw ttemu::Error("pack_as_bfp4_tiles: the data is not a whole number of tiles");
    const std::size_t tiles = data.size() / 1024;
    std::vector<std::uint32_t> packed(tiles * ttemu::bfp4::kTileBytes / 4);
    std::vector<float> faces(1024);
    for (std::size_t t = 0; t < tiles; ++t) {
        for (std::uint32_t i = 0; i < 1024; ++i)
            faces[row_major_input ? ttemu::bfp::face_index(i / 32, i % 32) : i] = static_cast<float>(data[t * 1024 + i]);
        ttemu::bfp::pack_tile(faces.data(), reinterpret_cast<std::uint8_t*>(packed.data()) + t * ttemu::bfp4::kTileBytes,
                              3);
    }
    return packed;
}

inline std::vector<float> unpack_bfp4_tiles_into_float_vec(tt::stl::Span<const std::uint32_t> bfp_tiles,
                                                           bool row_major_output, bool is_exp_a,
                                                           const std::optional<tt::tt_metal::Tile>& tile = std::nullopt) {
    ttemu::bfp::check_shape(tile, is_exp_a, "unpack_bfp4_tiles_into_float_vec", "Bfp4");
    const std::size_t bytes = bfp_tiles.size() * 4;
    if (bytes % ttemu::bfp4::kTileBytes != 0)
        throw ttemu::Error("unpack_bfp4_tiles_into_float_vec: the data is not a whole number of 576-byte tiles");
    const std::size_t tiles = bytes / ttemu::bfp4::kTileBytes;
    std::vector<float> values(tiles * 1024), faces(1024);
    for (std::size_t t = 0; t < tiles; ++t) {
        ttemu::bfp::unpack_tile(reinterpret_cast<const std::uint8_t*>(bfp_tiles.data()) + t * ttemu::bfp4::kTileBytes,
                                faces.data(), 3);
        for (std::uint32_t i = 0; i < 1024; ++i)
            values[t * 1024 + i] = faces[row_major_output ? ttemu::bfp::face_index(i / 32, i % 32) : i];
    }
    return values;
}
