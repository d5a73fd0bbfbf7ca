// RUN: tt-opt %s --tt-apply-target-defaults --tt-infer-shard | FileCheck %s

// CHECK-LABEL: func.func @mm
// CHECK-SAME: %{{.*}}: memref<64x96xbf16> {tt.shard = #tt.shard<layout = dram_interleaved, tile_h = 32, tile_w = 32, tiles_y = 2, tiles_x = 3, page_size = 2048, format = bf16, needs_padding = false>}
// CHECK-SAME: %{{.*}}: memref<96x32xf32> {tt.shard = #tt.shard<layout = dram_interleaved, tile_h = 32, tile_w = 32, tiles_y = 3, tiles_x = 1, page_size = 4096, format = f32, needs_padding = false>}
// CHECK-SAME: %{{.*}}: memref<50x32xbf16> {tt.shard = #tt.shard<layout = dram_interleaved, tile_h = 32, tile_w = 32, tiles_y = 2, tiles_x = 1, page_size = 2048, format = bf16, needs_padding = true>}
// CHECK-SAME: %{{.*}}: index)
func.func @mm(%a: memref<64x96xbf16>, %b: memref<96x32xf32>, %c: memref<50x32xbf16>, %n: index) {
  tl.kernel [1, 1] as (%bx, %by) {
  }
  return
}
