// Tile shape descriptor (tt-metal's tile.hpp); the emulator supports the standard 32x32 tile of four
// 16x16 faces.
#pragma once
#include <array>
#include <cstdint>

namespace tt::tt_metal {
class Tile {
public:
    Tile(std::array<std::uint32_t, 2> tile_shape = {32, 32}) : tile_shape_(tile_shape) {}
    std::array<std::uint32_t, 2> get_tile_shape() const { return tile_shape_; }
    std::array<std::uint32_t, 2> get_face_shape() const {
        return {tile_shape_[0] < 16 ? tile_shape_[0] : 16, tile_shape_[1] < 16 ? tile_shape_[1] : 16};
    }
    std::uint32_t get_tile_hw() const { return tile_shape_[0] * tile_shape_[1]; }

private:
    std::array<std::uint32_t, 2> tile_shape_;
};
}  // namespace tt::tt_metal
