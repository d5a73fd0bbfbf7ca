// RUN: tt-opt %s --split-input-file --verify-diagnostics --tt-build-program | FileCheck %s

// A matmul split over an n300's 1x2 mesh by columns: the program runs on the
// mesh, each buffer holds the global matrix's shape and its cut; sizes stay
// one device's (B and C are 64x48 shards of 64x96).
// CHECK-LABEL: tt.program @mm device <wormhole_b0> mesh <1, 2> {
// CHECK-NEXT: tt.buffer @a size 8192 page_size 2048 format <bf16> layout <dram_interleaved> shape [64, 64] mesh_shard <tiles_y = 2, tiles_x = 2, shard_y = 0, shard_x = 0>
// CHECK-NEXT: tt.buffer @b size 8192 page_size 2048 format <bf16> layout <dram_interleaved> shape [64, 96] mesh_shard <tiles_y = 2, tiles_x = 4, shard_y = 2, shard_x = 2>
// CHECK-NEXT: tt.buffer @c size 8192 page_size 2048 format <bf16> layout <dram_interleaved> shape [64, 96] mesh_shard <tiles_y = 2, tiles_x = 4, shard_y = 2, shard_x = 2>
func.func private @mm(memref<64x64xbf16> {tt.name = "a", tt.shard = #tt.shard<layout = dram_interleaved, tiles_y = 2, tiles_x = 2, page_size = 2048, format = bf16>, tt.global_shape = array<i64: 64, 64>, tt.mesh_shard = #tt.mesh_shard<tiles_y = 2, tiles_x = 2, shard_y = 0, shard_x = 0>},
                      memref<64x64xbf16> {tt.name = "b", tt.shard = #tt.shard<layout = dram_interleaved, tiles_y = 2, tiles_x = 2, page_size = 2048, format = bf16>, tt.global_shape = array<i64: 64, 96>, tt.mesh_shard = #tt.mesh_shard<tiles_y = 2, tiles_x = 4, shard_y = 2, shard_x = 2>},
                      memref<64x64xbf16> {tt.name = "c", tt.shard = #tt.shard<layout = dram_interleaved, tiles_y = 2, tiles_x = 2, page_size = 2048, format = bf16>, tt.global_shape = array<i64: 64, 96>, tt.mesh_shard = #tt.mesh_shard<tiles_y = 2, tiles_x = 4, shard_y = 2, shard_x = 2>})
    attributes {tt.kernels = [@mm_reader, @mm_compute, @mm_writer],
                tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi2, fp32_dest_acc = false, mesh = <1, 2>>,
                tt.mesh_split = #tt.mesh_split<m = 1, n = 2>,
                tt.work_split = #tt.work_split<units = 4, grid_x = 8, grid_y = 8, row_wise = false, cores = 4, group1_cores = 4, group1_units = 1, group2_units = 0>,
                tt.whole_matmul = #tt.matmul<transpose_a = false, transpose_b = false>}

func.func @mm_reader() attributes {tt.kernel_role = #tt.kernel_role<reader>, tt.compile_args = ["a", "b"],
                                   tt.runtime_args = ["a", "b", #tt.work<start>, #tt.work<count>, 2, 2, 2]} {
  return
}
func.func @mm_compute() attributes {tt.kernel_role = #tt.kernel_role<compute>,
                                    tt.runtime_args = [#tt.work<count>, 2]} {
  return
}
func.func @mm_writer() attributes {tt.kernel_role = #tt.kernel_role<writer>, tt.compile_args = ["c"],
                                   tt.runtime_args = ["c", #tt.work<start>, #tt.work<count>, 2, 2]} {
  return
}

// -----

// expected-error @below {{argument 0 of @mm has no mesh shard (tt.mesh_shard, tt.global_shape): run tt-split-mesh first}}
func.func private @mm(memref<64x64xbf16> {tt.name = "a", tt.shard = #tt.shard<layout = dram_interleaved, tiles_y = 2, tiles_x = 2, page_size = 2048, format = bf16>})
    attributes {tt.kernels = [@mm_reader, @mm_compute, @mm_writer],
                tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi2, fp32_dest_acc = false, mesh = <1, 2>>,
                tt.mesh_split = #tt.mesh_split<m = 1, n = 2>,
                tt.work_split = #tt.work_split<units = 4, grid_x = 8, grid_y = 8, row_wise = false, cores = 4, group1_cores = 4, group1_units = 1, group2_units = 0>}

func.func @mm_reader() attributes {tt.kernel_role = #tt.kernel_role<reader>, tt.compile_args = ["a"],
                                   tt.runtime_args = ["a", #tt.work<start>, #tt.work<count>]} {
  return
}
func.func @mm_compute() attributes {tt.kernel_role = #tt.kernel_role<compute>,
                                    tt.runtime_args = [#tt.work<count>]} {
  return
}
func.func @mm_writer() attributes {tt.kernel_role = #tt.kernel_role<writer>,
                                   tt.runtime_args = [#tt.work<start>, #tt.work<count>]} {
  return
}
