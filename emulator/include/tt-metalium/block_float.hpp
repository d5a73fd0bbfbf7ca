// Emulator internals shared by bfloat8.hpp and bfloat4.hpp: block floating point tiles of 32x32 values
// in four 16x16 faces, a shared exponent per row of 16 values of a face.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include <tt-metalium/tile.hpp>
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
}  // namespace ttemu::bfp
