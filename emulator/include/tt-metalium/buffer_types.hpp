#pragma once
#include <cstdint>

namespace tt::tt_metal {
using DeviceAddr = std::uint64_t;
enum class BufferType { DRAM, L1, SYSTEM_MEMORY, L1_SMALL, TRACE };
enum class TensorMemoryLayout { INTERLEAVED = 0, HEIGHT_SHARDED = 2, WIDTH_SHARDED = 3, BLOCK_SHARDED = 4 };
enum class CoreType { WORKER, ETH, DRAM };
// How shards map onto a grid (of cores, or of a mesh's devices): row by row or column by column.
enum class ShardOrientation { ROW_MAJOR = 0, COL_MAJOR };
}  // namespace tt::tt_metal
