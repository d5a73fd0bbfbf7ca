// A height x width pair (tt-metal's shape2d.hpp): mesh buffer and shard shapes.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <tuple>
#include <type_traits>
#include <utility>

namespace tt::tt_metal {

class Shape2D final {
public:
    Shape2D(std::size_t height, std::size_t width) : height_(height), width_(width) {}
    Shape2D(const std::pair<std::size_t, std::size_t>& size) : Shape2D(size.first, size.second) {}
    Shape2D(const std::array<std::size_t, 2>& size) : Shape2D(size[0], size[1]) {}
    Shape2D(const std::array<std::uint32_t, 2>& size) : Shape2D(size[0], size[1]) {}
    operator std::pair<std::size_t, std::size_t>() const { return {height_, width_}; }
    operator std::array<std::size_t, 2>() const { return {height_, width_}; }
    operator std::array<std::uint32_t, 2>() const {
        return {static_cast<std::uint32_t>(height_), static_cast<std::uint32_t>(width_)};
    }
    Shape2D operator*(std::size_t scalar) const { return {height_ * scalar, width_ * scalar}; }
    bool operator==(const Shape2D& rhs) const { return height_ == rhs.height_ && width_ == rhs.width_; }
    [[nodiscard]] std::size_t height() const { return height_; }
    [[nodiscard]] std::size_t width() const { return width_; }
    // Structured bindings: auto [h, w] = shape.
    template <std::size_t I>
    std::size_t get() const {
        static_assert(I < 2);
        return I == 0 ? height_ : width_;
    }

private:
    std::size_t height_ = 0;
    std::size_t width_ = 0;
};

}  // namespace tt::tt_metal

template <>
struct std::tuple_size<tt::tt_metal::Shape2D> : std::integral_constant<std::size_t, 2> {};
template <std::size_t I>
struct std::tuple_element<I, tt::tt_metal::Shape2D> {
    using type = std::size_t;
};
