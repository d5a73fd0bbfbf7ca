// RUN: tt-opt %s --tt-infer-shard | FileCheck %s

// CHECK-LABEL: func.func @mm
// CHECK-SAME: %{{.*}}: memref<64x96xbf16> {tt.shard = #tt.shard<layout = dram_interleaved, tiles_y = 2, tiles_x = 3, page_size = 2048, format = bf16>}
// CHECK-SAME: %{{.*}}: memref<96x32xf32> {tt.shard = #tt.shard<layout = dram_interleaved, tiles_y = 3, tiles_x = 1, page_size = 4096, format = f32>}
// CHECK-SAME: %{{.*}}: index)
func.func @mm(%a: memref<64x96xbf16>, %b: memref<96x32xf32>, %n: index) {
  tl.kernel [1, 1] as (%bx, %by) {
  }
  return
}

// A function without a tl kernel keeps its arguments as they are.
// CHECK-LABEL: func.func @no_kernel
// CHECK-SAME: (%{{.*}}: memref<64x64xbf16>)
// CHECK-NOT: tt.shard
func.func @no_kernel(%a: memref<64x64xbf16>) {
  return
}


// A partial last tile row or column is stored whole: 50 rows take 2 tile rows,
// 33 columns 2 tile columns.
// CHECK-LABEL: func.func @ragged
// CHECK-SAME: memref<50x33xbf16> {tt.shard = #tt.shard<layout = dram_interleaved, tiles_y = 2, tiles_x = 2, page_size = 2048, format = bf16>}
func.func @ragged(%a: memref<50x33xbf16>) {
  tl.kernel [1, 1] as (%bx, %by) {
  }
  return
}

// A batch is stored matrix after matrix, each padded to whole tiles: the
// shard counts one matrix's tiles and the matrices; a shared operand stays
// one matrix.
// CHECK-LABEL: func.func @batched
// CHECK-SAME: memref<3x100x64xbf16> {tt.shard = #tt.shard<layout = dram_interleaved, tiles_y = 4, tiles_x = 2, page_size = 2048, format = bf16, matrices = 3>}
// CHECK-SAME: memref<64x96xbf16> {tt.shard = #tt.shard<layout = dram_interleaved, tiles_y = 2, tiles_x = 3, page_size = 2048, format = bf16>}
func.func @batched(%a: memref<3x100x64xbf16>, %b: memref<64x96xbf16>, %c: memref<3x100x96xbf16>) {
  tl.kernel [3, 4, 3] as (%bx, %by, %bz) {
  }
  return
}

// tt.format stores an input as block floating point: 1088-byte bfp8_b tiles of
// the bf16 or f32 values the host holds.
// CHECK-LABEL: func.func @bfp8_weights
// CHECK-SAME: memref<64x96xf32> {tt.format = #tt.format<bfp8_b>, tt.shard = #tt.shard<layout = dram_interleaved, tiles_y = 2, tiles_x = 3, page_size = 1088, format = bfp8_b>}
// CHECK-SAME: memref<96x32xbf16> {tt.shard = #tt.shard<layout = dram_interleaved, tiles_y = 3, tiles_x = 1, page_size = 2048, format = bf16>}
func.func @bfp8_weights(%a: memref<64x96xf32> {tt.format = #tt.format<bfp8_b>}, %b: memref<96x32xbf16>) {
  tl.kernel [1, 1] as (%bx, %by) {
  }
  return
}
