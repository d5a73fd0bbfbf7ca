// Row-major <-> tiled (32x32 tiles of four 16x16 row-major faces) conversion.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <ttemu/error.hpp>

namespace ttemu {
// Index inside a 32x32 face-layout tile of element (r, c).
constexpr std::uint32_t tile_face_index(std::uint32_t r, std::uint32_t c) {
    return ((r >> 4) * 2 + (c >> 4)) * 256 + (r & 15) * 16 + (c & 15);
}
inline void check_tilize_shape(const char* fn, std::size_t size, std::uint32_t m, std::uint32_t n) {
    if (m % 32 != 0 || n % 32 != 0)
        throw Error(std::string(fn) + ": rows (" + std::to_string(m) + ") and cols (" + std::to_string(n) +
                    ") must be multiples of 32");
    if (size != static_cast<std::size_t>(m) * n)
        throw Error(std::string(fn) + ": input has " + std::to_string(size) + " elements, expected " +
                    std::to_string(static_cast<std::size_t>(m) * n));
}
}  // namespace ttemu

// Row-major m x n -> tiles in row-major tile order, each tile as four 16x16 faces.
template <typename T>
std::vector<T> tilize_nfaces(const std::vector<T>& input, std::uint32_t m, std::uint32_t n) {
    ttemu::check_tilize_shape("tilize_nfaces", input.size(), m, n);
    std::vector<T> out(input.size());
    const std::uint32_t nt = n / 32;
    for (std::uint32_t r = 0; r < m; ++r)
        for (std::uint32_t c = 0; c < n; ++c) {
            std::size_t tile = static_cast<std::size_t>(r / 32) * nt + c / 32;
            out[tile * 1024 + ttemu::tile_face_index(r % 32, c % 32)] = input[static_cast<std::size_t>(r) * n + c];
        }
    return out;
}

template <typename T>
std::vector<T> untilize_nfaces(const std::vector<T>& input, std::uint32_t m, std::uint32_t n) {
    ttemu::check_tilize_shape("untilize_nfaces", input.size(), m, n);
    std::vector<T> out(input.size());
    const std::uint32_t nt = n / 32;
    for (std::uint32_t r = 0; r < m; ++r)
        for (std::uint32_t c = 0; c < n; ++c) {
            std::size_t tile = static_cast<std::size_t>(r / 32) * nt + c / 32;
            out[static_cast<std::size_t>(r) * n + c] = input[tile * 1024 + ttemu::tile_face_index(r % 32, c % 32)];
        }
    return out;
}
