// RUN: tt-opt %s --tt-build-program | FileCheck %s

// C[64x96] = A[64x64] * B^T with B stored 96x64: the host's check is of that
// product.
func.func private @mm(memref<64x64xbf16> {tt.name = "a", tt.shard = #tt.shard<layout = dram_interleaved, tiles_y = 2, tiles_x = 2, page_size = 2048, format = bf16>},
                      memref<96x64xbf16> {tt.name = "b", tt.shard = #tt.shard<layout = dram_interleaved, tiles_y = 3, tiles_x = 2, page_size = 2048, format = bf16>},
                      memref<64x96xbf16> {tt.name = "c", tt.shard = #tt.shard<layout = dram_interleaved, tiles_y = 2, tiles_x = 3, page_size = 2048, format = bf16>})
    attributes {tt.kernels = [@mm_reader, @mm_compute, @mm_writer],
                tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi2, fp32_dest_acc = false>,
                tt.work_split = #tt.work_split<units = 6, grid_x = 8, grid_y = 8, row_wise = false, cores = 6, group1_cores = 6, group1_units = 1, group2_units = 0>,
                tt.whole_matmul = #tt.matmul<transpose_a = false, transpose_b = true>}

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

// CHECK-LABEL: tt.program @mm
// CHECK: tt.buffer @b size 12288 page_size 2048 format <bf16> layout <dram_interleaved> shape [96, 64]
// CHECK: tt.reference_matmul @a, @b -> @c transpose_b
// CHECK-NEXT: tt.enqueue_write_buffer @a
