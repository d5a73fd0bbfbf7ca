// bfloat16 host type: constructs from arithmetic values with round-to-nearest-even.
#pragma once
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>

namespace ttemu {
// Round an fp32 value to bf16 bits, nearest-even; NaN stays NaN (quiet), Inf stays Inf.
inline std::uint16_t float_to_bf16_bits(float f) {
    std::uint32_t u;
    std::memcpy(&u, &f, 4);
    if ((u & 0x7f800000u) == 0x7f800000u && (u & 0x007fffffu) != 0) return static_cast<std::uint16_t>((u >> 16) | 0x0040u);
    std::uint32_t lsb = (u >> 16) & 1u;
    u += 0x7fffu + lsb;
    return static_cast<std::uint16_t>(u >> 16);
}
inline float bf16_bits_to_float(std::uint16_t b) {
    std::uint32_t u = static_cast<std::uint32_t>(b) << 16;
    float f;
    std::memcpy(&f, &u, 4);
    return f;
}
// double -> bf16 without double rounding: round to float with round-to-odd, then nearest-even to bf16.
inline std::uint16_t double_to_bf16_bits(double d) {
    float f = static_cast<float>(d);
    if (std::isfinite(f) && static_cast<double>(f) != d) {
        if (std::fabs(static_cast<double>(f)) > std::fabs(d)) f = std::nextafter(f, 0.0f);
        std::uint32_t u;
        std::memcpy(&u, &f, 4);
        u |= 1u;
        std::memcpy(&f, &u, 4);
    }
    return float_to_bf16_bits(f);
}
}  // namespace ttemu

class bfloat16 {
public:
    constexpr bfloat16() = default;
    template <typename T, std::enable_if_t<std::is_arithmetic_v<T>, int> = 0>
    bfloat16(T v) {
        if constexpr (std::is_same_v<T, double> || std::is_same_v<T, long double> ||
                      (std::is_integral_v<T> && sizeof(T) > 2))
            uint16_value = ttemu::double_to_bf16_bits(static_cast<double>(v));
        else
            uint16_value = ttemu::float_to_bf16_bits(static_cast<float>(v));
    }
    explicit operator float() const { return ttemu::bf16_bits_to_float(uint16_value); }
    explicit operator double() const { return static_cast<double>(to_float()); }
    float to_float() const { return ttemu::bf16_bits_to_float(uint16_value); }
    std::uint16_t to_uint16() const { return uint16_value; }
    std::uint16_t to_packed() const { return uint16_value; }

    friend bool operator==(const bfloat16& a, const bfloat16& b) { return a.uint16_value == b.uint16_value; }
    friend bool operator!=(const bfloat16& a, const bfloat16& b) { return a.uint16_value != b.uint16_value; }
    friend bfloat16 operator+(const bfloat16& a, const bfloat16& b) { return bfloat16(a.to_float() + b.to_float()); }
    friend bfloat16 operator-(const bfloat16& a, const bfloat16& b) { return bfloat16(a.to_float() - b.to_float()); }
    friend bfloat16 operator*(const bfloat16& a, const bfloat16& b) { return bfloat16(a.to_float() * b.to_float()); }
    friend bfloat16 operator/(const bfloat16& a, const bfloat16& b) { return bfloat16(a.to_float() / b.to_float()); }

private:
    std::uint16_t uint16_value = 0;
};
static_assert(sizeof(bfloat16) == 2, "bfloat16 must be 2 bytes");
