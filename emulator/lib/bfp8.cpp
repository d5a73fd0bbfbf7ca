// Bfp8_b conversion (see tt-metalium/bfloat8.hpp for the format), shared by the host API and the
// emulated unpacker and packer.
#include <tt-metalium/bfloat8.hpp>

#include <algorithm>
#include <cstring>

namespace ttemu::bfp8 {
namespace {
std::uint32_t bits_of(float f) {
    std::uint32_t u;
    std::memcpy(&u, &f, sizeof u);
    return u;
}
std::uint32_t exponent_of(float f) { return (bits_of(f) >> 23) & 0xff; }
}  // namespace

std::uint8_t encode(float value, std::uint32_t shared_exponent) {
    const std::uint32_t u = bits_of(value);
    const std::uint32_t exponent = (u >> 23) & 0xff;
    if (exponent == 0) return 0;  // zero or subnormal
    std::uint32_t significand = (1u << 23) | (u & 0x7fffff);
    const std::uint32_t shift = shared_exponent - exponent;  // >= 0: the row's largest exponent
    significand = shift >= 32 ? 0 : significand >> shift;
    // 24 bits to 7: drop 17 bits, nearest with ties to even; saturate instead of carrying.
    const std::uint32_t dropped = significand & 0x1ffff, tie = 0x10000;
    std::uint32_t magnitude = significand >> 17;
    if (dropped > tie || (dropped == tie && (magnitude & 1))) ++magnitude;
    magnitude = std::min<std::uint32_t>(magnitude, 127);
    if (magnitude == 0) return 0;
    return static_cast<std::uint8_t>(((u >> 31) << 7) | magnitude);
}

float decode(std::uint8_t byte, std::uint32_t shared_exponent) {
    std::uint32_t magnitude = byte & 0x7f;
    if (magnitude == 0) return 0.0f;
    // Normalize: the leading one to bit 6, the exponent down by the shift.
    int exponent = static_cast<int>(shared_exponent);
    while ((magnitude & 0x40) == 0) {
        magnitude <<= 1;
        --exponent;
    }
    if (exponent <= 0) return 0.0f;  // below fp32's normal range: flushed, as subnormals are
    const std::uint32_t u = (static_cast<std::uint32_t>(byte >> 7) << 31) | (static_cast<std::uint32_t>(exponent) << 23) | ((magnitude & 0x3f) << 17);
    float f;
    std::memcpy(&f, &u, sizeof f);
    return f;
}

void pack_tile(const float* faces, std::uint8_t* tile) {
    for (std::uint32_t row = 0; row < 64; ++row) {
        const float* values = faces + row * 16;
        std::uint32_t shared = 0;
        for (int i = 0; i < 16; ++i) shared = std::max(shared, exponent_of(values[i]));
        tile[row] = static_cast<std::uint8_t>(shared);
        for (int i = 0; i < 16; ++i) tile[kExponentBytes + row * 16 + i] = encode(values[i], shared);
    }
}

void unpack_tile(const std::uint8_t* tile, float* faces) {
    for (std::uint32_t row = 0; row < 64; ++row)
        for (int i = 0; i < 16; ++i) faces[row * 16 + i] = decode(tile[kExponentBytes + row * 16 + i], tile[row]);
}

}  // namespace ttemu::bfp8
