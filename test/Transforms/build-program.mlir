// RUN: tt-opt %s --tt-build-program | FileCheck %s --implicit-check-not=tt.runtime_args --implicit-check-not=tt.compile_args --implicit-check-not='func.func private'

// The host interface tt-split-kernels leaves for C[64x96] = A[64x64] * B[64x96]
// on 6 Wormhole cores, and kernels reduced to their interface.
func.func private @mm(memref<64x64xbf16> {tt.name = "a", tt.shard = #tt.shard<layout = dram_interleaved, tiles_y = 2, tiles_x = 2, page_size = 2048, format = bf16>},
                      memref<64x96xbf16> {tt.name = "b", tt.shard = #tt.shard<layout = dram_interleaved, tiles_y = 2, tiles_x = 3, page_size = 2048, format = bf16>},
                      memref<64x96xbf16> {tt.name = "c", tt.shard = #tt.shard<layout = dram_interleaved, tiles_y = 2, tiles_x = 3, page_size = 2048, format = bf16>})
    attributes {tt.kernels = [@mm_reader, @mm_compute, @mm_writer],
                tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi2, fp32_dest_acc = false>,
                tt.work_split = #tt.work_split<units = 6, grid_x = 8, grid_y = 8, row_wise = false, cores = 6, group1_cores = 6, group1_units = 1, group2_units = 0>,
                tt.whole_matmul = #tt.matmul<transpose_a = false, transpose_b = false>}

func.func @mm_reader() attributes {tt.kernel_role = #tt.kernel_role<reader>, tt.compile_args = ["a", "b"],
                                   tt.runtime_args = ["a", "b", #tt.work<start>, #tt.work<count>, 2, 3, 3]} {
  %in0 = tt.get_cb as "cb_in0" : !tt.cb<0, 2 x !tt.tile<bf16>>
  %in1 = tt.get_cb as "cb_in1" : !tt.cb<1, 2 x !tt.tile<bf16>>
  return
}
func.func @mm_compute() attributes {tt.kernel_role = #tt.kernel_role<compute>,
                                    tt.runtime_args = [#tt.work<count>, 2]} {
  %in0 = tt.get_cb as "cb_in0" : !tt.cb<0, 2 x !tt.tile<bf16>>
  %in1 = tt.get_cb as "cb_in1" : !tt.cb<1, 2 x !tt.tile<bf16>>
  %out = tt.get_cb as "cb_out" : !tt.cb<16, 2 x !tt.tile<bf16>>
  return
}
func.func @mm_writer() attributes {tt.kernel_role = #tt.kernel_role<writer>, tt.compile_args = ["c"],
                                   tt.runtime_args = ["c", #tt.work<start>, #tt.work<count>, 3, 3]} {
  %out = tt.get_cb as "cb_out" : !tt.cb<16, 2 x !tt.tile<bf16>>
  return
}

// Buffers sized from the shapes, CBs on the split's cores, the kernels'
// placement, their runtime arguments over the work split, the host steps.
// CHECK-LABEL: tt.program @mm device <wormhole_b0> {
// CHECK-NEXT: tt.buffer @a size 8192 page_size 2048 format <bf16> layout <dram_interleaved> shape [64, 64]
// CHECK-NEXT: tt.buffer @b size 12288 page_size 2048 format <bf16> layout <dram_interleaved> shape [64, 96]
// CHECK-NEXT: tt.buffer @c size 12288 page_size 2048 format <bf16> layout <dram_interleaved> shape [64, 96]
// CHECK-NEXT: tt.create_cb 0 on <(0, 0) to (0, 5)> total_size 4096 page_size 2048 format <bf16>
// CHECK-NEXT: tt.create_cb 1 on <(0, 0) to (0, 5)> total_size 4096 page_size 2048 format <bf16>
// CHECK-NEXT: tt.create_cb 16 on <(0, 0) to (0, 5)> total_size 4096 page_size 2048 format <bf16>
// CHECK-NEXT: tt.create_kernel @mm_reader on <(0, 0) to (0, 5)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default> compile_args [@a, @b]
// CHECK-NEXT: tt.create_kernel @mm_writer on <(0, 0) to (0, 5)> config #tt.data_movement<processor = riscv_0, noc = riscv_0_default> compile_args [@c]
// CHECK-NEXT: tt.create_kernel @mm_compute on <(0, 0) to (0, 5)> config #tt.compute<math_fidelity = hifi2, fp32_dest_acc_en = false, dst_full_sync_en = false>
// CHECK-NEXT: tt.set_runtime_args @mm_reader split <units = 6, grid_x = 8, grid_y = 8, row_wise = false, cores = 6, group1_cores = 6, group1_units = 1, group2_units = 0> [@a, @b, #tt.work<start>, #tt.work<count>, 2, 3, 3]
// CHECK-NEXT: tt.set_runtime_args @mm_compute split <{{.*}}> [#tt.work<count>, 2]
// CHECK-NEXT: tt.set_runtime_args @mm_writer split <{{.*}}> [@c, #tt.work<start>, #tt.work<count>, 3, 3]
// CHECK-NEXT: tt.reference_matmul @a, @b -> @c
// CHECK-NEXT: tt.enqueue_write_buffer @a
// CHECK-NEXT: tt.enqueue_write_buffer @b
// CHECK-NEXT: tt.enqueue_program
// CHECK-NEXT: tt.enqueue_read_buffer @c
// CHECK-NEXT: }
// The kernels stay; their interface now lives in the program.
// CHECK: func.func @mm_reader() attributes {tt.kernel_role = #tt.kernel_role<reader>}
// CHECK: func.func @mm_compute() attributes {tt.kernel_role = #tt.kernel_role<compute>}
// CHECK: func.func @mm_writer() attributes {tt.kernel_role = #tt.kernel_role<writer>}
