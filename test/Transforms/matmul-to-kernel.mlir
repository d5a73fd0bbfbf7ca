// RUN: tt-opt %s --tl-matmul-to-kernel | FileCheck %s
// RUN: tt-opt %s --tl-matmul-to-kernel="block-m=64 block-n=32 block-k=64" | FileCheck %s --check-prefix=BLOCKS

// CHECK-LABEL: func.func @mm
// CHECK-SAME: (%[[A:.*]]: memref<64x128xbf16>, %[[B:.*]]: memref<128x96xbf16>, %[[C:.*]]: memref<64x96xbf16>)
// CHECK-NOT: tl.matmul
// CHECK: tl.kernel [3, 2] as (%[[BX:.*]], %[[BY:.*]]) whole_matmul {
// CHECK-DAG: %[[AS:.*]] = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
// CHECK-DAG: %[[BS:.*]] = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
// CHECK-DAG: %[[CL:.*]] = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
// CHECK-DAG: %[[ROW:.*]] = arith.muli %[[BY]], %{{.*}} : index
// CHECK-DAG: %[[COL:.*]] = arith.muli %[[BX]], %{{.*}} : index
// CHECK: tl.clear %[[CL]]
// CHECK: tl.pipelined %[[K:.*]] in 4 stages 2 {
// CHECK: %[[KK:.*]] = arith.muli %[[K]], %{{.*}} : index
// CHECK: tl.copy %[[A]][%[[ROW]], %[[KK]]] to %[[AS]]
// CHECK: tl.copy %[[B]][%[[KK]], %[[COL]]] to %[[BS]]
// CHECK: tl.gemm %[[AS]], %[[BS]], %[[CL]]
// CHECK: }
// CHECK: tl.copy %[[CL]] to %[[C]][%[[ROW]], %[[COL]]]
func.func @mm(%A: memref<64x128xbf16>, %B: memref<128x96xbf16>, %C: memref<64x96xbf16>) {
  tl.matmul %A, %B into %C : memref<64x128xbf16>, memref<128x96xbf16> into memref<64x96xbf16>
  return
}


// Partial tiles: the blocks cover M = 100, N = 33 and K = 40 padded to whole
// tiles (128, 64, 64); the copies reach into the zero padding of the last tile.
// CHECK-LABEL: func.func @padded
// CHECK: tl.kernel [2, 4] as (%{{.*}}, %{{.*}}) whole_matmul {
// CHECK: tl.pipelined %{{.*}} in 2 stages 2 {
func.func @padded(%A: memref<100x40xbf16>, %B: memref<40x33xbf16>, %C: memref<100x33xbf16>) {
  tl.matmul %A, %B into %C : memref<100x40xbf16>, memref<40x33xbf16> into memref<100x33xbf16>
  return
}

// C = A * B^T with B stored N x K: B's shared block holds the region as
// stored (block-n x block-k, here 32x32 with N = 96, K = 128), copied from
// [col, kk]; the gemm carries the transpose.
// CHECK-LABEL: func.func @transpose_b
// CHECK-SAME: (%[[A:.*]]: memref<64x128xbf16>, %[[B:.*]]: memref<96x128xbf16>, %[[C:.*]]: memref<64x96xbf16>)
// CHECK: tl.kernel [3, 2] as (%[[BX:.*]], %[[BY:.*]]) whole_matmul {
// CHECK-DAG: %[[AS:.*]] = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
// CHECK-DAG: %[[BS:.*]] = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
// CHECK-DAG: %[[ROW:.*]] = arith.muli %[[BY]], %{{.*}} : index
// CHECK-DAG: %[[COL:.*]] = arith.muli %[[BX]], %{{.*}} : index
// CHECK: tl.pipelined %[[K:.*]] in 4 stages 2 {
// CHECK: %[[KK:.*]] = arith.muli %[[K]], %{{.*}} : index
// CHECK: tl.copy %[[A]][%[[ROW]], %[[KK]]] to %[[AS]]
// CHECK: tl.copy %[[B]][%[[COL]], %[[KK]]] to %[[BS]] : memref<96x128xbf16> to memref<32x32xbf16, #tl.scope<shared>>
// CHECK: tl.gemm %[[AS]], %[[BS]], %{{.*}} transpose_b
// With unequal blocks the stored orientation shows: A's block is
// block-m x block-k, B's block-n x block-k.
// BLOCKS-LABEL: func.func @transpose_b
// BLOCKS: tl.kernel [3, 1] as
// BLOCKS: %[[AS:.*]] = tl.alloc_shared : memref<64x64xbf16, #tl.scope<shared>>
// BLOCKS: %[[BS:.*]] = tl.alloc_shared : memref<32x64xbf16, #tl.scope<shared>>
// BLOCKS: tl.pipelined %{{.*}} in 2 stages 2 {
// BLOCKS: tl.gemm %[[AS]], %[[BS]], %{{.*}} transpose_b : memref<64x64xbf16, #tl.scope<shared>>, memref<32x64xbf16, #tl.scope<shared>>, memref<64x32xf32, #tl.scope<fragment>>
func.func @transpose_b(%A: memref<64x128xbf16>, %B: memref<96x128xbf16>, %C: memref<64x96xbf16>) {
  tl.matmul %A, %B into %C transpose_b : memref<64x128xbf16>, memref<96x128xbf16> into memref<64x96xbf16>
  return
}

// C += A * B: the fragment starts from C's block (a load from the region it
// is stored to) instead of a clear.
// CHECK-LABEL: func.func @accumulate
// CHECK-SAME: (%[[A:.*]]: memref<64x128xbf16>, %[[B:.*]]: memref<128x96xbf16>, %[[C:.*]]: memref<64x96xbf16>)
// CHECK: tl.kernel [3, 2] as (%[[BX:.*]], %[[BY:.*]]) whole_matmul {
// CHECK-DAG: %[[CL:.*]] = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
// CHECK-DAG: %[[ROW:.*]] = arith.muli %[[BY]], %{{.*}} : index
// CHECK-DAG: %[[COL:.*]] = arith.muli %[[BX]], %{{.*}} : index
// CHECK-NOT: tl.clear
// CHECK: tl.copy %[[C]][%[[ROW]], %[[COL]]] to %[[CL]] : memref<64x96xbf16> to memref<32x32xf32, #tl.scope<fragment>>
// CHECK-NEXT: tl.pipelined
// CHECK: tl.copy %[[CL]] to %[[C]][%[[ROW]], %[[COL]]]
func.func @accumulate(%A: memref<64x128xbf16>, %B: memref<128x96xbf16>, %C: memref<64x96xbf16>) {
  tl.matmul %A, %B into %C accumulate : memref<64x128xbf16>, memref<128x96xbf16> into memref<64x96xbf16>
  return
}
