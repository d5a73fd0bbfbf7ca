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

// A batch: the grid's third extent runs over the matrices; batched operands
// are copied from matrix %bz, the shared B from its one matrix.
// CHECK-LABEL: func.func @batch_shared_b
// CHECK-SAME: (%[[A:.*]]: memref<3x100x64xbf16>, %[[B:.*]]: memref<64x96xbf16>, %[[C:.*]]: memref<3x100x96xbf16>)
// CHECK: tl.kernel [3, 4, 3] as (%[[BX:.*]], %[[BY:.*]], %[[BZ:.*]]) whole_matmul {
// CHECK-DAG: %[[ROW:.*]] = arith.muli %[[BY]], %{{.*}} : index
// CHECK-DAG: %[[COL:.*]] = arith.muli %[[BX]], %{{.*}} : index
// CHECK: tl.clear
// CHECK: tl.pipelined %[[K:.*]] in 2 stages 2 {
// CHECK: %[[KK:.*]] = arith.muli %[[K]], %{{.*}} : index
// CHECK: tl.copy %[[A]][%[[BZ]], %[[ROW]], %[[KK]]] to %{{.*}} : memref<3x100x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
// CHECK: tl.copy %[[B]][%[[KK]], %[[COL]]] to %{{.*}} : memref<64x96xbf16> to memref<32x32xbf16, #tl.scope<shared>>
// CHECK: tl.gemm
// CHECK: }
// CHECK: tl.copy %{{.*}} to %[[C]][%[[BZ]], %[[ROW]], %[[COL]]] : memref<32x32xf32, #tl.scope<fragment>> to memref<3x100x96xbf16>
func.func @batch_shared_b(%A: memref<3x100x64xbf16>, %B: memref<64x96xbf16>, %C: memref<3x100x96xbf16>) {
  tl.matmul %A, %B into %C : memref<3x100x64xbf16>, memref<64x96xbf16> into memref<3x100x96xbf16>
  return
}

// Both operands batched, B transposed, accumulating: C's block is loaded
// from and stored to matrix %bz.
// CHECK-LABEL: func.func @batch_accumulate
// CHECK: tl.kernel [2, 2, 8] as (%[[BX:.*]], %[[BY:.*]], %[[BZ:.*]]) whole_matmul {
// CHECK: tl.copy %{{.*}}[%[[BZ]], %{{.*}}, %{{.*}}] to %{{.*}} : memref<8x64x64xf32> to memref<32x32xf32, #tl.scope<fragment>>
// CHECK: tl.pipelined
// CHECK: tl.copy %{{.*}}[%[[BZ]], %{{.*}}, %{{.*}}] to %{{.*}} : memref<8x64x32xbf16>
// CHECK: tl.copy %{{.*}}[%[[BZ]], %{{.*}}, %{{.*}}] to %{{.*}} : memref<8x64x32xbf16>
// CHECK: tl.gemm %{{.*}}, %{{.*}}, %{{.*}} transpose_b
// CHECK: tl.copy %{{.*}} to %{{.*}}[%[[BZ]], %{{.*}}, %{{.*}}] : memref<32x32xf32, #tl.scope<fragment>> to memref<8x64x64xf32>
func.func @batch_accumulate(%A: memref<8x64x32xbf16>, %B: memref<8x64x32xbf16>, %C: memref<8x64x64xf32>) {
  tl.matmul %A, %B into %C transpose_b accumulate : memref<8x64x32xbf16>, memref<8x64x32xbf16> into memref<8x64x64xf32>
  return
}

// A batch folded into stacked rows still computes the whole product of the
// function's buffers: the kernel says so.
// CHECK-LABEL: func.func @stacked
// CHECK: tl.kernel [3, 16] as (%{{.*}}, %{{.*}}) whole_matmul {
func.func @stacked(%A: memref<8x64x64xbf16>, %B: memref<64x96xbf16>, %C: memref<8x64x96xbf16>) {
  %A2 = memref.collapse_shape %A [[0, 1], [2]] : memref<8x64x64xbf16> into memref<512x64xbf16>
  %C2 = memref.collapse_shape %C [[0, 1], [2]] : memref<8x64x96xbf16> into memref<512x96xbf16>
  tl.matmul %A2, %B into %C2 : memref<512x64xbf16>, memref<64x96xbf16> into memref<512x96xbf16>
  return
}
