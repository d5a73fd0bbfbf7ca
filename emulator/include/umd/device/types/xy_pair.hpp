// A pair of grid coordinates, UMD's tt_xy_pair: what tt-metal's CoreCoord is.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace tt::umd {
struct xy_pair {
    std::size_t x = 0;
    std::size_t y = 0;
    constexpr xy_pair() = default;
    constexpr xy_pair(std::size_t x_, std::size_t y_) : x(x_), y(y_) {}
    std::string str() const { return "(x=" + std::to_string(x) + ",y=" + std::to_string(y) + ")"; }
    friend constexpr bool operator==(const xy_pair& a, const xy_pair& b) { return a.x == b.x && a.y == b.y; }
    friend constexpr bool operator!=(const xy_pair& a, const xy_pair& b) { return !(a == b); }
    friend constexpr bool operator<(const xy_pair& a, const xy_pair& b) {
        return a.x < b.x || (a.x == b.x && a.y < b.y);
    }
};
}  // namespace tt::umd

using tt_xy_pair = tt::umd::xy_pair;

template <>
struct std::hash<tt::umd::xy_pair> {
    std::size_t operator()(const tt::umd::xy_pair& p) const noexcept {
        return std::hash<std::size_t>()(p.x) ^ (std::hash<std::size_t>()(p.y) << 1);
    }
};
