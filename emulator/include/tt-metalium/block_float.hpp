// Emulator internals shared by bfloat8.hpp and bfloat4.hpp: block floating point tiles of 32x32 values
// in four 16x16 faces, a shared exponent per row of 16 values of a face.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <tt-metalium/tile.hpp>
#include <tt_stl/span.hpp>
#include <ttemu/error.hpp>

namespace ttemu::bfp {
inline constexpr std::uint32_t kExponentBytes = 64;
// One tile: 1024 floats in face order <-> 64 exponent bytes and the values (`magnitude_bits` 7: one
// byte each, Bfp8_b; 3: two per byte, Bfp4_b).
void pack_tile(const float* faces, std::uint8_t* tile, unsigned magnitude_bits);
void unpack_tile(const std::uint8_t* tile, float* faces, unsigned magnitude_bits);
// One value's code (sign above `magnitude_bits` of magnitude) given its row's shared exponent, and back.
std::uint8_t encode(float value, std::uint32_t shared_exponent, unsigned magnitude_bits);
float decode(std::uint8_t code, std::uint32_t shared_exponent, unsigned magnitude_bits);
// Position in face order of element (r, c) of a row-major 32x32 tile.
inline std::uint32_t face_index(std::uint32_t r, std::uint32_t c) {
    return ((r / 16) * 2 + c / 16) * 256 + (r % 16) * 16 + c % 16;
}
inline void check_shape(const std::optional<tt::tt_metal::Tile>& tile, bool is_exp_a, const char* fn,
                        const char* format) {
    if (is_exp_a)
        throw Error(std::string(fn) + ": " + format + " (is_exp_a) is not emulated; only " + format + "_b");
    if (tile && (tile->get_tile_shape()[0] != 32 || tile->get_tile_shape()[1] != 32))
        throw Error(std::string(fn) + ": only 32x32 tiles are emulated");
}

// Bytes of one tile: the exponents and the values, one per byte or two.
inline constexpr std::uint32_t tile_bytes(unsigned magnitude_bits) {
    return kExponentBytes + (magnitude_bits == 7 ? 1024 : 512);
}

// pack_as_bfp{8,4}_tiles: `data` (whole tiles: row-major 32x32 each if row_major_input, else already
// in face order) as tiles of `magnitude_bits`-bit values.
template <typename T>
std::vector<std::uint32_t> pack_tiles(tt::stl::Span<const T> data, bool row_major_input, unsigned magnitude_bits,
                                      const char* fn) {
    if (data.size() % 1024 != 0) throw Error(std::string(fn) + ": the data is not a whole number of tiles");
    const std::size_t tiles = data.size() / 1024, bytes = tile_bytes(magnitude_bits);
    std::vector<std::uint32_t> packed(tiles * bytes / 4);
    std::vector<float> faces(1024);
    for (std::size_t t = 0; t < tiles; ++t) {
        for (std::uint32_t i = 0; i < 1024; ++i)
            faces[row_major_input ? face_index(i / 32, i % 32) : i] = static_cast<float>(data[t * 1024 + i]);
        pack_tile(faces.data(), reinterpret_cast<std::uint8_t*>(packed.data()) + t * bytes, magnitude_bits);
    }
    return packed;
}

// unpack_bfp{8,4}_tiles_into_float_vec: back to floats, row-major 32x32 per tile if row_major_output,
// else face order.
inline std::vector<float> unpack_tiles(tt::stl::Span<const std::uint32_t> words, bool row_major_output,
                                       unsigned magnitude_bits, const char* fn) {
    const std::size_t bytes = tile_bytes(magnitude_bits);
    if (words.size() * 4 % bytes != 0)
        throw Error(std::string(fn) + ": the data is not a whole number of " + std::to_string(bytes) + "-byte tiles");
    const std::size_t tiles = words.size() * 4 / bytes;
    std::vector<float> values(tiles * 1024), faces(1024);
    for (std::size_t t = 0; t < tiles; ++t) {
        unpack_tile(reinterpret_cast<const std::uint8_t*>(words.data()) + t * bytes, faces.data(), magnitude_bits);
        for (std::uint32_t i = 0; i < 1024; ++i)
            values[t * 1024 + i] = faces[row_major_output ? face_index(i / 32, i % 32) : i];
    }
    return values;
}
}  // namespace ttemu::bfp
