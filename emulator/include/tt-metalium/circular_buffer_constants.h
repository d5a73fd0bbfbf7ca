// Circular buffers per core (tt-metal's circular_buffer_constants.h): the host sizes its per-CB tables
// for the largest device (Blackhole, 64); Wormhole kernels have 32.
#pragma once
#include <cstdint>

constexpr static std::uint32_t NUM_CIRCULAR_BUFFERS = 64;
