// RUN: tt-opt %s --tt-build-program | FileCheck %s --implicit-check-not=tt.runtime_args --implicit-check-not=tt.semaphore

// A reader that multicasts along rows and down columns: the program creates
// each group's ready and valid semaphores once, on the split's cores, and the
// reader's arguments name them; the other multicast facts stay for the host
// to compute per core.
func.func private @mm(memref<64x64xbf16> {tt.name = "a", tt.shard = #tt.shard<layout = dram_interleaved, tiles_y = 2, tiles_x = 2, page_size = 2048, format = bf16>},
                      memref<64x64xbf16> {tt.name = "b", tt.shard = #tt.shard<layout = dram_interleaved, tiles_y = 2, tiles_x = 2, page_size = 2048, format = bf16>},
                      memref<64x64xbf16> {tt.name = "c", tt.shard = #tt.shard<layout = dram_interleaved, tiles_y = 2, tiles_x = 2, page_size = 2048, format = bf16>})
    attributes {tt.kernels = [@mm_reader, @mm_compute, @mm_writer],
                tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>,
                tt.work_split = #tt.work_split<units = 4, grid_x = 2, grid_y = 2, row_wise = true, cores = 4, group1_cores = 4, group1_units = 1, group2_units = 0>}

func.func @mm_reader() attributes {tt.kernel_role = #tt.kernel_role<reader>, tt.compile_args = ["a", "b"],
                                   tt.runtime_args = ["a", "b", #tt.mcast<row, sender_x>, #tt.mcast<row, ready_semaphore>, #tt.mcast<row, valid_semaphore>,
                                                      #tt.mcast<column, num_dests>, #tt.mcast<column, ready_semaphore>, #tt.mcast<column, valid_semaphore>]} {
  %in0 = tt.get_cb as "cb_in0" : !tt.cb<0, 2 x !tt.tile<bf16>>
  %in1 = tt.get_cb as "cb_in1" : !tt.cb<1, 2 x !tt.tile<bf16>>
  return
}
func.func @mm_compute() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
  %in0 = tt.get_cb as "cb_in0" : !tt.cb<0, 2 x !tt.tile<bf16>>
  %in1 = tt.get_cb as "cb_in1" : !tt.cb<1, 2 x !tt.tile<bf16>>
  %out = tt.get_cb as "cb_out" : !tt.cb<16, 2 x !tt.tile<bf16>>
  return
}
func.func @mm_writer() attributes {tt.kernel_role = #tt.kernel_role<writer>, tt.compile_args = ["c"], tt.runtime_args = ["c"]} {
  %out = tt.get_cb as "cb_out" : !tt.cb<16, 2 x !tt.tile<bf16>>
  return
}

// CHECK-LABEL: tt.program @mm device <wormhole_b0> {
// CHECK: tt.create_kernel @mm_compute
// CHECK-NEXT: tt.semaphore @row_ready on <(0, 0) to (1, 1)> initial 0
// CHECK-NEXT: tt.semaphore @row_valid on <(0, 0) to (1, 1)> initial 0
// CHECK-NEXT: tt.semaphore @col_ready on <(0, 0) to (1, 1)> initial 0
// CHECK-NEXT: tt.semaphore @col_valid on <(0, 0) to (1, 1)> initial 0
// CHECK-NEXT: tt.set_runtime_args @mm_reader split <{{.*}}> [@a, @b, #tt.mcast<row, sender_x>, @row_ready, @row_valid, #tt.mcast<column, num_dests>, @col_ready, @col_valid]
// CHECK-NEXT: tt.set_runtime_args @mm_writer split <{{.*}}> [@c]
