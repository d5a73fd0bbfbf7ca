#pragma once
#include <cstdint>
#include <tuple>

#include <tt-metalium/core_coord.hpp>

namespace tt::tt_metal {

// The first target_num_cores cores of the grid, column by column (row_wise=false) or row by row.
CoreRangeSet num_cores_to_corerangeset(std::uint32_t target_num_cores, const CoreCoord grid_size,
                                       bool row_wise = false);

// Splits units over the grid: returns {num_cores, all_cores, core_group_1, core_group_2,
// units_per_core_group_1, units_per_core_group_2}; group 1 cores get one unit more than group 2 cores.
std::tuple<std::uint32_t, CoreRangeSet, CoreRangeSet, CoreRangeSet, std::uint32_t, std::uint32_t> split_work_to_cores(
    const CoreCoord grid_size, const std::uint32_t units_to_divide, const bool row_wise = false);

}  // namespace tt::tt_metal
