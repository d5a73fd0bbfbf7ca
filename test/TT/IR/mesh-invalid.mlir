// RUN: tt-opt %s --split-input-file --verify-diagnostics

tt.program @p device <wormhole_b0> mesh <2, 4> {
  // expected-error @below {{size holds 32 pages but one device's shard is 8x8 tiles}}
  tt.buffer @a size 65536 page_size 2048 format <bf16> layout <dram_interleaved> shape [512, 256] mesh_shard <tiles_y = 16, tiles_x = 8, shard_y = 8, shard_x = 0>
}

// -----

tt.program @p device <wormhole_b0> mesh <2, 4> {
  // expected-error @below {{the mesh shard's 4x8-tile grid does not cover the global shape}}
  tt.buffer @a size 65536 page_size 2048 format <bf16> layout <dram_interleaved> shape [512, 256] mesh_shard <tiles_y = 4, tiles_x = 8, shard_y = 4, shard_x = 8>
}

// -----

tt.program @p device <wormhole_b0> mesh <2, 4> {
  // expected-error @below {{a buffer distributed over a mesh needs its global matrix's shape}}
  tt.buffer @a size 65536 page_size 2048 format <bf16> layout <dram_interleaved> mesh_shard <tiles_y = 4, tiles_x = 8, shard_y = 4, shard_x = 8>
}

// -----

// expected-error @below {{shards of 3x0 tiles do not divide the 16x8 tile grid}}
func.func @f() attributes {x = #tt.mesh_shard<tiles_y = 16, tiles_x = 8, shard_y = 3, shard_x = 0>} {
  return
}

// -----

// expected-error @below {{'tt.global_shape' of argument 0 must be a matrix's or a vector's positive shape}}
func.func @f(%a: memref<64x64xbf16> {tt.global_shape = array<i64: 0, 64>}) {
  return
}

// -----

// expected-error @below {{'tt.mesh_split' must be a #tt.mesh_split on a func.func}}
func.func @f() attributes {tt.mesh_split = #tt.mesh<1, 2>} {
  return
}
