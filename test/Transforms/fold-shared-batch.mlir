// RUN: tt-opt %s --tl-fold-shared-batch --split-input-file | FileCheck %s

// Eight 256-row matrices against one B: one matmul of 2048 stacked rows.
// CHECK-LABEL: func.func @shared_b
// CHECK-SAME: (%[[A:.*]]: memref<8x256x64xbf16>, %[[B:.*]]: memref<64x96xbf16>, %[[C:.*]]: memref<8x256x96xbf16>)
// CHECK-DAG: %[[A2:.*]] = memref.collapse_shape %[[A]] {{\[\[}}0, 1], [2]] : memref<8x256x64xbf16> into memref<2048x64xbf16>
// CHECK-DAG: %[[C2:.*]] = memref.collapse_shape %[[C]] {{\[\[}}0, 1], [2]] : memref<8x256x96xbf16> into memref<2048x96xbf16>
// CHECK: tl.matmul %[[A2]], %[[B]] into %[[C2]] : memref<2048x64xbf16>, memref<64x96xbf16> into memref<2048x96xbf16>
func.func @shared_b(%A: memref<8x256x64xbf16>, %B: memref<64x96xbf16>, %C: memref<8x256x96xbf16>) {
  tl.matmul %A, %B into %C : memref<8x256x64xbf16>, memref<64x96xbf16> into memref<8x256x96xbf16>
  return
}

// -----

// Transposed B and accumulation fold too: they concern B and C's values,
// not how the rows stack.
// CHECK-LABEL: func.func @shared_b_transposed_accumulate
// CHECK: tl.matmul %{{.*}}, %{{.*}} into %{{.*}} transpose_b accumulate : memref<96x50xf32>, memref<70x50xf32> into memref<96x70xf32>
func.func @shared_b_transposed_accumulate(%A: memref<3x32x50xf32>, %B: memref<70x50xf32>, %C: memref<3x32x70xf32>) {
  tl.matmul %A, %B into %C transpose_b accumulate : memref<3x32x50xf32>, memref<70x50xf32> into memref<3x32x70xf32>
  return
}

// -----

// Not folded: M = 100 pads each matrix to 128 rows, so the stacked rows are
// not stored contiguously; a transposed A stacks K, not M; a batched B;
// a shared A.
// CHECK-LABEL: func.func @kept
// CHECK-NOT: memref.collapse_shape
// CHECK: tl.matmul %{{.*}}, %{{.*}} into %{{.*}} : memref<3x100x64xbf16>, memref<64x96xbf16> into memref<3x100x96xbf16>
// CHECK: tl.matmul %{{.*}}, %{{.*}} into %{{.*}} transpose_a : memref<3x64x128xbf16>, memref<64x96xbf16> into memref<3x128x96xbf16>
// CHECK: tl.matmul %{{.*}}, %{{.*}} into %{{.*}} : memref<3x128x64xbf16>, memref<3x64x96xbf16> into memref<3x128x96xbf16>
// CHECK: tl.matmul %{{.*}}, %{{.*}} into %{{.*}} : memref<128x64xbf16>, memref<3x64x96xbf16> into memref<3x128x96xbf16>
func.func @kept(%A: memref<3x100x64xbf16>, %B: memref<64x96xbf16>, %C: memref<3x100x96xbf16>,
                %At: memref<3x64x128xbf16>, %C2: memref<3x128x96xbf16>,
                %A3: memref<3x128x64xbf16>, %B3: memref<3x64x96xbf16>, %A4: memref<128x64xbf16>) {
  tl.matmul %A, %B into %C : memref<3x100x64xbf16>, memref<64x96xbf16> into memref<3x100x96xbf16>
  tl.matmul %At, %B into %C2 transpose_a : memref<3x64x128xbf16>, memref<64x96xbf16> into memref<3x128x96xbf16>
  tl.matmul %A3, %B3 into %C2 : memref<3x128x64xbf16>, memref<3x64x96xbf16> into memref<3x128x96xbf16>
  tl.matmul %A4, %B3 into %C2 : memref<128x64xbf16>, memref<3x64x96xbf16> into memref<3x128x96xbf16>
  return
}
