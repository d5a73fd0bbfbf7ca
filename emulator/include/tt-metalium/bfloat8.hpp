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
#include <span>
#include <vector>

#include <tt-metalium/bfloat16.hpp>
#include <tt-metalium/tile.hpp>
#include <tt_stl/span.hpp>
#include <ttemu/error.hpp>

#include <tt-metalium/block_float.hpp>

namespace ttemu::bfp8 {
inline constexpr std::uint32_t kTileBytes = 1088, kExponentBytes = bfp::kExponentBytes;
inline void pack_tile(const float* faces, std::uint8_t* tile) { bfp::pack_tile(faces, tile, 7); }
inline void unpack_tile(const std::uint8_t* tile, float* faces) { bfp::unpack_tile(tile, faces, 7); }
using bfp::face_index;
inline void check_shape(const std::optional<tt::tt_metal::Tile>& tile, bool is_exp_a, const char* fn) {
    bfp::check_shape(tile, is_exp_a, fn, "Bfp8");
}
}  // namespace ttemu::bfp8

// `data` (whole tiles: row-major 32x32 each if row_major_input, else already in face order) as Bfp8_b
// tiles, 1088 bytes (272 words) per tile.
template <typename T>
std::vector<std::uint32_t> pack_as_bfp8_tiles(tt::stl::Span<const T> data, bool row_major_input, bool is_exp_a,
                                              const std::optional<tt::tt_metal::Tile>& tile = std::nullopt) {
    ttemu::bfp8::check_shape(tile, is_exp_a, "pack_as_bfp8_tiles");
    if (data.size() % 1024 != 0) throw ttemu::Error("pack_as_bfp8_tiles: the data is not a whole number of tiles");
    const std::size_t tiles = data.size() / 1024;
    std::vector<std::uint32_t> packed(tiles * ttemu::bfp8::kTileBytes / 4);
    std::vector<float> faces(1024);
    for (std::size_t t = 0; t < tiles; ++t) {
        for (std::uint32_t i = 0; i < 1024; ++i) {
            const float v = static_cast<float>(data[t * 1024 + i]);
            faces[row_major_input ? ttemu::bfp8::face_index(i / 32, i % 32) : i] = v;
        }
        ttemu::bfp8::pack_tile(faces.data(),
                               reinterpret_cast<std::uint8_t*>(packed.data()) + t * ttemu::bfp8::kTileBytes);
    }
    return packed;
}

// Bfp8_b tiles back to floats: row-major 32x32 per tile if row_major_output, else face order.
inline std::vector<float> unpack_bfp8_tiles_into_float_vec(tt::stl::Span<const std::uint32_t> bfp8_tiles,
                                                           bool row_major_output, bool is_exp_a,
                                                           const std::optional<tt::tt_metal::Tile>& tile = std::nullopt) {
    ttemu::bfp8::check_shape(tile, is_exp_a, "unpack_bfp8_tiles_into_float_vec");
    const std::size_t bytes = bfp8_tiles.size() * 4;
    if (bytes % ttemu::bfp8::kTileBytes != 0)
        throw ttemu::Error("unpack_bfp8_tiles_into_float_vec: the data is not a whole number of 1088-byte tiles");
    const std::size_t tiles = bytes / ttemu::bfp8::kTileBytes;
    std::vector<float> values(tiles * 1024), faces(1024);
    for (std::size_t t = 0; t < tiles; ++t) {
        ttemu::bfp8::unpack_tile(reinterpret_cast<const std::uint8_t*>(bfp8_tiles.data()) + t * ttemu::bfp8::kTileBytes,
                                 faces.data());
        for (std::uint32_t i = 0; i < 1024; ++i)
            values[t * 1024 + i] = faces[row_major_output ? ttemu::bfp8::face_index(i / 32, i % 32) : i];
    }
    return values;
}
