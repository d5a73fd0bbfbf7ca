// RUN: tt-opt %s | tt-opt | FileCheck %s
// RUN: tt-opt %s --mlir-print-op-generic | tt-opt | FileCheck %s

// A program on a 2x4 mesh: every buffer cut into the devices' shards, or
// replicated; sizes are one device's.
// CHECK-LABEL: tt.program @matmul device <wormhole_b0> mesh <2, 4> {
// CHECK-NEXT: tt.buffer @a size 131072 page_size 2048 format <bf16> layout <dram_interleaved> shape [512, 256] mesh_shard <tiles_y = 16, tiles_x = 8, shard_y = 8, shard_x = 0, col_major = true>
// CHECK-NEXT: tt.buffer @b size 131072 page_size 2048 format <bf16> layout <dram_interleaved> shape [256, 1024] mesh_shard <tiles_y = 8, tiles_x = 32, shard_y = 0, shard_x = 8>
// CHECK-NEXT: tt.buffer @bias size 16384 page_size 2048 format <bf16> layout <dram_interleaved> shape [1000] mesh_shard <tiles_y = 1, tiles_x = 32, shard_y = 0, shard_x = 8>
// CHECK-NEXT: tt.buffer @r size 8192 page_size 2048 format <bf16> layout <dram_interleaved> shape [64, 64] mesh_shard <tiles_y = 2, tiles_x = 2, shard_y = 0, shard_x = 0>
tt.program @matmul device <wormhole_b0> mesh <2, 4> {
  tt.buffer @a size 131072 page_size 2048 format <bf16> layout <dram_interleaved> shape [512, 256] mesh_shard <tiles_y = 16, tiles_x = 8, shard_y = 8, shard_x = 0, col_major = true>
  tt.buffer @b size 131072 page_size 2048 format <bf16> layout <dram_interleaved> shape [256, 1024] mesh_shard <tiles_y = 8, tiles_x = 32, shard_y = 0, shard_x = 8>
  tt.buffer @bias size 16384 page_size 2048 format <bf16> layout <dram_interleaved> shape [1000] mesh_shard <tiles_y = 1, tiles_x = 32, shard_y = 0, shard_x = 8>
  tt.buffer @r size 8192 page_size 2048 format <bf16> layout <dram_interleaved> shape [64, 64] mesh_shard <tiles_y = 2, tiles_x = 2, shard_y = 0, shard_x = 0>
}

// The planning attributes of a split function.
// CHECK-LABEL: func.func @split
// CHECK-SAME: memref<256x256xbf16> {tt.global_shape = array<i64: 512, 256>, tt.mesh_shard = #tt.mesh_shard<tiles_y = 16, tiles_x = 8, shard_y = 8, shard_x = 8>}
// CHECK-SAME: tt.mesh_split = #tt.mesh_split<m = 2, n = 1>
// CHECK-SAME: tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false, mesh = <1, 2>>
func.func @split(%a: memref<256x256xbf16> {tt.global_shape = array<i64: 512, 256>, tt.mesh_shard = #tt.mesh_shard<tiles_y = 16, tiles_x = 8, shard_y = 8, shard_x = 8>})
    attributes {tt.mesh_split = #tt.mesh_split<m = 2, n = 1>,
                tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false, mesh = <1, 2>>} {
  return
}
