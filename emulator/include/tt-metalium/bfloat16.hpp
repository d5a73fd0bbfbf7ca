// bfloat16 host type: constructs from arithmetic values with round-to-nearest-even.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <ostream>
#include <random>
#include <type_traits>
#include <utility>
#include <vector>

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

// The vector helpers tt-metal's bfloat16.hpp declares, with its semantics: random values are
// uniform in [0, rand_max) from std::mt19937(seed) plus offset; two bf16 values pack into one
// uint32_t with the first in the low half.
inline std::ostream& operator<<(std::ostream& os, const bfloat16& value) { return os << value.to_uint16(); }

inline std::uint32_t pack_two_bfloat16_into_uint32(std::pair<bfloat16, bfloat16> two) {
    return static_cast<std::uint32_t>(two.first.to_uint16()) | (static_cast<std::uint32_t>(two.second.to_uint16()) << 16);
}

inline std::pair<bfloat16, bfloat16> unpack_two_bfloat16_from_uint32(std::uint32_t packed) {
    bfloat16 low, high;
    const std::uint16_t halves[2] = {static_cast<std::uint16_t>(packed & 0xffffu), static_cast<std::uint16_t>(packed >> 16)};
    std::memcpy(&low, &halves[0], 2);
    std::memcpy(&high, &halves[1], 2);
    return {low, high};
}

inline std::vector<bfloat16> create_random_vector_of_bfloat16_native(std::size_t num_bytes, float rand_max_float,
                                                                     int seed, float offset = 0.0f) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> uniform(0, rand_max_float);
    std::vector<bfloat16> values(num_bytes / sizeof(bfloat16));
    for (bfloat16& v : values) v = bfloat16(uniform(rng) + offset);
    return values;
}

inline std::vector<std::uint32_t> create_random_vector_of_bfloat16(std::size_t num_bytes, int rand_max_float, int seed,
                                                                   float offset = 0.0f) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> uniform(0, static_cast<float>(rand_max_float));
    std::vector<std::uint32_t> packed(num_bytes / sizeof(std::uint32_t));
    for (std::uint32_t& p : packed) {
        const float first = uniform(rng) + offset;
        const float second = uniform(rng) + offset;
        p = pack_two_bfloat16_into_uint32({bfloat16(first), bfloat16(second)});
    }
    return packed;
}

// A single packed value holds the constant and a zero.
inline std::vector<std::uint32_t> create_constant_vector_of_bfloat16(std::size_t num_bytes, float value) {
    const std::size_t count = std::max<std::size_t>(1, num_bytes / sizeof(std::uint32_t));
    return std::vector<std::uint32_t>(
        count, pack_two_bfloat16_into_uint32({bfloat16(value), bfloat16(count == 1 ? 0.0f : value)}));
}

inline std::vector<bfloat16> create_identity_matrix(int rows, int cols, int num_ones) {
    std::vector<bfloat16> m(static_cast<std::size_t>(rows) * cols, bfloat16(0.0f));
    for (int i = 0; i < num_ones; ++i) m.at(static_cast<std::size_t>(i) * cols + i) = bfloat16(1.0f);
    return m;
}

inline std::vector<std::uint32_t> pack_bfloat16_vec_into_uint32_vec(const std::vector<bfloat16>& data) {
    std::vector<std::uint32_t> packed(data.size() / 2);
    for (std::size_t i = 0; i < packed.size(); ++i) packed[i] = pack_two_bfloat16_into_uint32({data[2 * i], data[2 * i + 1]});
    return packed;
}

inline bfloat16 bfloat16_identity_transform(const bfloat16& input) { return input; }

inline std::vector<bfloat16> unpack_uint32_vec_into_bfloat16_vec(
    const std::vector<std::uint32_t>& data,
    const std::function<bfloat16(const bfloat16&)>& transform = bfloat16_identity_transform) {
    std::vector<bfloat16> values;
    values.reserve(data.size() * 2);
    for (std::uint32_t packed : data) {
        auto [low, high] = unpack_two_bfloat16_from_uint32(packed);
        values.push_back(transform(low));
        values.push_back(transform(high));
    }
    return values;
}

// NumPy's isclose: |a - b| <= atol, or <= rtol * max(|a|, |b|); a mismatch is reported on stdout.
inline bool is_close(float a, float b, float rtol = 0.01f, float atol = 0.001f) {
    const float diff = std::fabs(a - b), scale = std::fmax(std::fabs(a), std::fabs(b));
    const bool close = diff <= atol || diff <= rtol * scale;
    if (!close)
        std::printf("Discrepancy: A = %g B = %g\n   absdiff = %g\n   reldiff = %g\n", a, b, diff,
                    diff / (scale + 1e-6f));
    return close;
}
