// RUN: tt-opt %s --tl-matmul-to-kernel="block-m=128 block-n=64 block-k=64" | FileCheck %s

// Edge blocks: block sizes that do not divide the tile-padded dimensions.
// M = 320 (10 tiles) in blocks of 4 tiles: ceil(10 / 4) = 3 block rows, the
// last reaching 2 tiles past M; N = 96 (3 tiles) in blocks of 2: 2 block
// columns; K = 100 (4 tiles, 128 padded) in steps of 2: 2 steps. The copies
// stay whole blocks (tl.copy reads zeros past the buffer and drops stores
// there).
// CHECK-LABEL: func.func @edges
// CHECK: tl.kernel [2, 3] as (%[[BX:.*]], %[[BY:.*]]) whole_matmul {
// CHECK-DAG: tl.alloc_shared : memref<128x64xbf16, #tl.scope<shared>>
// CHECK-DAG: tl.alloc_shared : memref<64x64xbf16, #tl.scope<shared>>
// CHECK-DAG: tl.alloc_fragment : memref<128x64xf32, #tl.scope<fragment>>
// CHECK: tl.pipelined %{{.*}} in 2 stages 2 {
// CHECK: tl.copy %{{.*}} to %{{.*}}[%{{.*}}, %{{.*}}] : memref<128x64xf32, #tl.scope<fragment>> to memref<320x96xbf16>
func.func @edges(%A: memref<320x100xbf16>, %B: memref<100x96xbf16>, %C: memref<320x96xbf16>) {
  tl.matmul %A, %B into %C : memref<320x100xbf16>, memref<100x96xbf16> into memref<320x96xbf16>
  return
}

// K = 96 (3 tiles) in steps of 2: 2 steps, the second holding one tile.
// CHECK-LABEL: func.func @k_edge
// CHECK: tl.kernel [1, 1] as
// CHECK: tl.pipelined %{{.*}} in 2 stages 2 {
func.func @k_edge(%A: memref<128x96xbf16>, %B: memref<96x64xbf16>, %C: memref<128x64xbf16>) {
  tl.matmul %A, %B into %C : memref<128x96xbf16>, memref<96x64xbf16> into memref<128x64xbf16>
  return
}
