// RUN: tt-opt %s --tt-split-kernels | FileCheck %s
// A declaration with a work split is a function tt-split-kernels already
// split (its host interface): running the pass again leaves it alone.

// CHECK-LABEL: func.func private @mm(
// CHECK-SAME:    tt.kernels = [@mm_reader]
// CHECK-NOT:   func.func
func.func private @mm(memref<32x32xbf16> {tt.name = "a", tt.shard = #tt.shard<layout = dram_interleaved, tiles_y = 1, tiles_x = 1, page_size = 2048, format = bf16>})
    attributes {tt.kernels = [@mm_reader],
                tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>,
                tt.work_split = #tt.work_split<units = 1, grid_x = 8, grid_y = 8, row_wise = false, cores = 1, group1_cores = 1, group1_units = 1, group2_units = 0>}
