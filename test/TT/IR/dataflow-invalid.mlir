// RUN: tt-opt %s -split-input-file -verify-diagnostics

func.func @format_mismatch(%A: memref<64x64xf32>, %r: i32) {
  %cb = tt.get_cb : !tt.cb<0, 2 x !tt.tile<bf16>>
  // expected-error @+1 {{circular buffer 0 holds bf16 tiles but the buffer holds 'f32'}}
  tt.read_tiles %A[%r, %r] tiles_per_row %r block 1 x 1 -> %cb : memref<64x64xf32>, !tt.cb<0, 2 x !tt.tile<bf16>>
  return
}

// -----

func.func @block_too_big(%A: memref<64x64xbf16>, %r: i32) {
  %cb = tt.get_cb : !tt.cb<0, 2 x !tt.tile<bf16>>
  // expected-error @+1 {{moves a 2x2 tile block through circular buffer 0, which holds only 2 pages}}
  tt.read_tiles %A[%r, %r] tiles_per_row %r block 2 x 2 -> %cb : memref<64x64xbf16>, !tt.cb<0, 2 x !tt.tile<bf16>>
  return
}

// -----

func.func @local_buffer(%A: memref<64x64xbf16, 1>, %r: i32) {
  %cb = tt.get_cb : !tt.cb<16, 2 x !tt.tile<bf16>>
  // expected-error @+1 {{expects a static global vector, matrix or batch of matrices, got 'memref<64x64xbf16, 1>'}}
  tt.write_tiles %cb -> %A[%r, %r] tiles_per_row %r block 1 x 1 : !tt.cb<16, 2 x !tt.tile<bf16>>, memref<64x64xbf16, 1>
  return
}

// -----

func.func @write_subblock(%C: memref<128x128xbf16>, %r: i32) {
  %cb = tt.get_cb : !tt.cb<16, 16 x !tt.tile<bf16>>
  // expected-error @+1 {{subblock 3x4 does not tile the 4x4 block}}
  tt.write_tiles %cb -> %C[%r, %r] tiles_per_row %r block 4 x 4 subblock 3 x 4 : !tt.cb<16, 16 x !tt.tile<bf16>>, memref<128x128xbf16>
  return
}

// -----

func.func @matmul_subblock() {
  %in0 = tt.get_cb : !tt.cb<0, 8 x !tt.tile<bf16>>
  %in1 = tt.get_cb : !tt.cb<1, 8 x !tt.tile<bf16>>
  // expected-error @+1 {{subblock 4x3 does not tile the 4x4 output block}}
  tt.matmul_block %in0, %in1 block 4 x 1 x 4 subblock 4 x 3 : !tt.cb<0, 8 x !tt.tile<bf16>>, !tt.cb<1, 8 x !tt.tile<bf16>>
  return
}

// -----

func.func @bf16_partials(%k: i32) {
  %in0 = tt.get_cb : !tt.cb<0, 8 x !tt.tile<bf16>>
  %in1 = tt.get_cb : !tt.cb<1, 8 x !tt.tile<bf16>>
  %part = tt.get_cb : !tt.cb<24, 16 x !tt.tile<bf16>>
  %out = tt.get_cb : !tt.cb<16, 16 x !tt.tile<bf16>>
  // expected-error @+1 {{partial sums are kept in an f32 circular buffer}}
  tt.matmul_block %in0, %in1 block 4 x 1 x 4 subblock 2 x 4 spill %part -> %out step %k of %k : !tt.cb<0, 8 x !tt.tile<bf16>>, !tt.cb<1, 8 x !tt.tile<bf16>>, !tt.cb<24, 16 x !tt.tile<bf16>>, !tt.cb<16, 16 x !tt.tile<bf16>>
  return
}

// -----

func.func @partials_not_one_block(%k: i32) {
  %in0 = tt.get_cb : !tt.cb<0, 8 x !tt.tile<bf16>>
  %in1 = tt.get_cb : !tt.cb<1, 8 x !tt.tile<bf16>>
  %part = tt.get_cb : !tt.cb<24, 32 x !tt.tile<f32>>
  %out = tt.get_cb : !tt.cb<16, 16 x !tt.tile<bf16>>
  // expected-error @+1 {{partial sums CB holds 32 pages; it must hold the 4x4 block exactly (16) for the packer to accumulate in place}}
  tt.matmul_block %in0, %in1 block 4 x 1 x 4 subblock 2 x 4 spill %part -> %out step %k of %k : !tt.cb<0, 8 x !tt.tile<bf16>>, !tt.cb<1, 8 x !tt.tile<bf16>>, !tt.cb<24, 32 x !tt.tile<f32>>, !tt.cb<16, 16 x !tt.tile<bf16>>
  return
}

// -----

func.func @runtime_param_type() {
  // expected-error @+1 {{invalid kind of type specified: expected builtin.integer, but found 'index'}}
  %p = tt.runtime_param "Kt" = 4 : index
  return
}

// -----

func.func @transpose_block_too_small() {
  %in0 = tt.get_cb : !tt.cb<0, 8 x !tt.tile<bf16>>
  %t = tt.get_cb : !tt.cb<25, 4 x !tt.tile<bf16>>
  %out = tt.get_cb : !tt.cb<16, 2 x !tt.tile<bf16>>
  // expected-error @+1 {{out holds 4 pages, fewer than the 2x3 block}}
  tt.transpose_block %in0 -> %t block 2 x 3 packer %out : !tt.cb<0, 8 x !tt.tile<bf16>>, !tt.cb<25, 4 x !tt.tile<bf16>>, !tt.cb<16, 2 x !tt.tile<bf16>>
  return
}

// -----

func.func @transpose_block_formats() {
  %in0 = tt.get_cb : !tt.cb<0, 8 x !tt.tile<bf16>>
  %t = tt.get_cb : !tt.cb<25, 8 x !tt.tile<f32>>
  %out = tt.get_cb : !tt.cb<16, 2 x !tt.tile<bf16>>
  // expected-error @+1 {{transposes bf16 tiles into a f32 CB; the formats must match}}
  tt.transpose_block %in0 -> %t block 2 x 3 packer %out : !tt.cb<0, 8 x !tt.tile<bf16>>, !tt.cb<25, 8 x !tt.tile<f32>>, !tt.cb<16, 2 x !tt.tile<bf16>>
  return
}
