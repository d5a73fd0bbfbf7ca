// Block floating point conversion (see tt-metalium/bfloat8.hpp and bfloat4.hpp for the formats), shared
// by the host API and the emulated unpacker and packer.
#include <tt-metalium/bfloat4.hpp>
#include <tt-metalium/bfloat8.hpp>

#include <algorithm>
#include <cstring>

namespace ttemu::bfp {
namespace {
std::uint32_t bits_of(float f) {
    std::uint32_t u;
    std::memcpy(&u, &f, sizeof u);
    return u;
}
std::uint32_t exponent_of(float f) { return (bits_of(f) >> 23) & 0xff; }
}  // namespace

std::uint8_t encode(float value, std::uint32_t shared_exponent, unsigned magnitude_bits) {
    const std::uint32_t u = bits_of(value);
    const std::uint32_t exponent = (u >> 23) & 0xff;
    if (exponent == 0) return 0;  // zero or subnormal
    std::uint32_t significand = (1u << 23) | (u & 0x7fffff);
    const std::uint32_t shift = shared_exponent - exponent;  // >= 0: the row's largest exponent
    significand = shift >= 32 ? 0 : significand >> shift;
    // 24 bits to `magnitude_bits`: nearest with ties to even; saturate instead of carrying.
    const unsigned drop = 24 - magnitude_bits;
    const std::uint32_t dropped = significand & ((1u << drop) - 1), tie = 1u << (drop - 1);
    std::uint32_t magnitude = significand >> drop;
    if (dropped > tie || (dropped == tie && (magnitude & 1))) ++magnitude;
    magnitude = std::min<std::uint32_t>(magnitude, (1u << magnitude_bits) - 1);
    if (magnitude == 0) return 0;
    return static_cast<std::uint8_t>(((u >> 31) << magnitude_bits) | magnitude);
}

float decode(std::uint8_t code, std::uint32_t shared_exponent, unsigned magnitude_bits) {
    std::uint32_t magnitude = code & ((1u << magnitude_bits) - 1);
    if (magnitude == 0) return 0.0f;
    // Normalize: the leading one to the top magnitude bit, the exponent down by the shift.
    int exponent = static_cast<int>(shared_exponent);
    const std::uint32_t top = 1u << (magnitude_bits - 1);
    while ((magnitude & top) == 0) {
        magnitude <<= 1;
        --exponent;
    }
    if (exponent <= 0) return 0.0f;  // below fp32's normal range: flushed, as subnormals are
    const std::uint32_t fraction = (magnitude & (top - 1)) << (24 - magnitude_bits);
    const std::uint32_t u = (static_cast<std::uint32_t>(code >> magnitude_bits) << 31) |
                            (static_cast<std::uint32_t>(exponent) << 23) | fraction;
    float f;
    std::memcpy(&f, &u, sizeof f);
    return f;
}

// 64 shared exponents, then the values face by face, row by row: one per byte (Bfp8_b) or two
// (Bfp4_b, the first in the low nibble).
void pack_tile(const float* faces, std::uint8_t* tile, unsigned magnitude_bits) {
    const unsigned per_byte = magnitude_bits == 7 ? 1 : 2;
    std::fill(tile + kExponentBytes, tile + kExponentBytes + 1024 / per_byte, std::uint8_t{0});
    for (std::uint32_t row = 0; row < 64; ++row) {
        const float* values = faces + row * 16;
        std::uint32_t shared = 0;
        for (int i = 0; i < 16; ++i) shared = std::max(shared, exponent_of(values[i]));
        tile[row] = static_cast<std::uint8_t>(shared);
        for (std::uint32_t i = 0; i < 16; ++i) {
            const std::uint32_t index = row * 16 + i;
            const std::uint8_t code = encode(values[i], shared, magnitude_bits);
            if (per_byte == 1)
                tile[kExponentBytes + index] = code;
            else
                tile[kExponentBytes + index / 2] |= static_cast<std::uint8_t>(code << (4 * (index % 2)));
        }
    }
}

void unpack_tile(const std::uint8_t* tile, float* faces, unsigned magnitude_bits) {
    const bool bfp8 = magnitude_bits == 7;
    for (std::uint32_t row = 0; row < 64; ++row)
        for (std::uint32_t i = 0; i < 16; ++i) {
            const std::uint32_t index = row * 16 + i;
            const std::uint8_t code = bfp8 ? tile[kExponentBytes + index]
                                           : static_cast<std::uint8_t>((tile[kExponentBytes + index / 2] >> (4 * (index % 2))) & 0xf);
            faces[index] = decode(code, tile[row], magnitude_bits);
        }
}

}  // namespace ttemu::bfp
