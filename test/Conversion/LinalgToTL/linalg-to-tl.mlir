// RUN: tt-opt %s --convert-linalg-to-tl --split-input-file | FileCheck %s

// A zero fill followed by a matmul is C = A * B: the fill disappears.
// CHECK-LABEL: func.func @fill_then_matmul
// CHECK-SAME: (%[[A:.*]]: memref<64x32xbf16>, %[[B:.*]]: memref<32x96xbf16>, %[[C:.*]]: memref<64x96xbf16>)
// CHECK-NOT: linalg.fill
// CHECK: tl.matmul %[[A]], %[[B]] into %[[C]] : memref<64x32xbf16>, memref<32x96xbf16> into memref<64x96xbf16>
// CHECK-NOT: linalg.matmul
func.func @fill_then_matmul(%A: memref<64x32xbf16>, %B: memref<32x96xbf16>, %C: memref<64x96xbf16>) {
  %zero = arith.constant 0.0 : bf16
  linalg.fill ins(%zero : bf16) outs(%C : memref<64x96xbf16>)
  linalg.matmul ins(%A, %B : memref<64x32xbf16>, memref<32x96xbf16>) outs(%C : memref<64x96xbf16>)
  return
}

// -----

// Without the fill, linalg.matmul accumulates into C.
// CHECK-LABEL: func.func @accumulate
// CHECK: tl.matmul %{{.*}}, %{{.*}} into %{{.*}} accumulate : memref<32x32xf32>, memref<32x32xf32> into memref<32x32xf32>
func.func @accumulate(%A: memref<32x32xf32>, %B: memref<32x32xf32>, %C: memref<32x32xf32>) {
  linalg.matmul ins(%A, %B : memref<32x32xf32>, memref<32x32xf32>) outs(%C : memref<32x32xf32>)
  return
}

// -----

// A fill of a non-zero value is kept and the matmul accumulates on top of it.
// CHECK-LABEL: func.func @nonzero_fill
// CHECK: linalg.fill
// CHECK: tl.matmul {{.*}} accumulate
func.func @nonzero_fill(%A: memref<32x32xf32>, %B: memref<32x32xf32>, %C: memref<32x32xf32>) {
  %one = arith.constant 1.0 : f32
  linalg.fill ins(%one : f32) outs(%C : memref<32x32xf32>)
  linalg.matmul ins(%A, %B : memref<32x32xf32>, memref<32x32xf32>) outs(%C : memref<32x32xf32>)
  return
}

// -----

// Tensor-semantics matmuls are left alone.
// CHECK-LABEL: func.func @tensors
// CHECK: linalg.matmul
// CHECK-NOT: tl.matmul
func.func @tensors(%A: tensor<32x32xf32>, %B: tensor<32x32xf32>, %C: tensor<32x32xf32>) -> tensor<32x32xf32> {
  %r = linalg.matmul ins(%A, %B : tensor<32x32xf32>, tensor<32x32xf32>) outs(%C : tensor<32x32xf32>) -> tensor<32x32xf32>
  return %r : tensor<32x32xf32>
}


// -----

// Indexing maps that read B as (n, k): B is stored N x K, C = A * B^T.
// CHECK-LABEL: func.func @transposed_b
// CHECK-SAME: (%[[A:.*]]: memref<64x32xbf16>, %[[B:.*]]: memref<96x32xbf16>, %[[C:.*]]: memref<64x96xbf16>)
// CHECK-NOT: linalg.
// CHECK: tl.matmul %[[A]], %[[B]] into %[[C]] transpose_b : memref<64x32xbf16>, memref<96x32xbf16> into memref<64x96xbf16>
// CHECK-NEXT: return
func.func @transposed_b(%A: memref<64x32xbf16>, %B: memref<96x32xbf16>, %C: memref<64x96xbf16>) {
  %zero = arith.constant 0.0 : bf16
  linalg.fill ins(%zero : bf16) outs(%C : memref<64x96xbf16>)
  linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>,
                                 affine_map<(m, n, k) -> (n, k)>,
                                 affine_map<(m, n, k) -> (m, n)>]
                ins(%A, %B : memref<64x32xbf16>, memref<96x32xbf16>) outs(%C : memref<64x96xbf16>)
  return
}

// -----

// A read as (k, m) and no fill: C += A^T * B.
// CHECK-LABEL: func.func @transposed_a_accumulate
// CHECK: tl.matmul %{{.*}}, %{{.*}} into %{{.*}} transpose_a accumulate : memref<32x64xf32>, memref<32x96xf32> into memref<64x96xf32>
func.func @transposed_a_accumulate(%A: memref<32x64xf32>, %B: memref<32x96xf32>, %C: memref<64x96xf32>) {
  linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (k, m)>,
                                 affine_map<(m, n, k) -> (k, n)>,
                                 affine_map<(m, n, k) -> (m, n)>]
                ins(%A, %B : memref<32x64xf32>, memref<32x96xf32>) outs(%C : memref<64x96xf32>)
  return
}

// -----

// A linalg.generic that is a matmul (multiply-add body, loops m, n, k), after
// a zero fill: C = A * B.
#gA = affine_map<(m, n, k) -> (m, k)>
#gB = affine_map<(m, n, k) -> (k, n)>
#gC = affine_map<(m, n, k) -> (m, n)>
// CHECK-LABEL: func.func @generic_matmul
// CHECK-SAME: (%[[A:.*]]: memref<64x32xbf16>, %[[B:.*]]: memref<32x96xbf16>, %[[C:.*]]: memref<64x96xbf16>)
// CHECK-NOT: linalg.
// CHECK: tl.matmul %[[A]], %[[B]] into %[[C]] : memref<64x32xbf16>, memref<32x96xbf16> into memref<64x96xbf16>
// CHECK-NEXT: return
func.func @generic_matmul(%A: memref<64x32xbf16>, %B: memref<32x96xbf16>, %C: memref<64x96xbf16>) {
  %zero = arith.constant 0.0 : bf16
  linalg.fill ins(%zero : bf16) outs(%C : memref<64x96xbf16>)
  linalg.generic {indexing_maps = [#gA, #gB, #gC], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%A, %B : memref<64x32xbf16>, memref<32x96xbf16>) outs(%C : memref<64x96xbf16>) {
  ^bb0(%a: bf16, %b: bf16, %c: bf16):
    %p = arith.mulf %a, %b : bf16
    %s = arith.addf %c, %p : bf16
    linalg.yield %s : bf16
  }
  return
}

// -----

// Loops in another order (k, m, n), B indexed (n, k) and A (k, m): both
// transposed; no fill, so C accumulates. bf16 inputs widened into an f32 C.
#hA = affine_map<(k, m, n) -> (k, m)>
#hB = affine_map<(k, m, n) -> (n, k)>
#hC = affine_map<(k, m, n) -> (m, n)>
// CHECK-LABEL: func.func @generic_transposed
// CHECK-SAME: (%[[A:.*]]: memref<32x64xbf16>, %[[B:.*]]: memref<96x32xbf16>, %[[C:.*]]: memref<64x96xf32>)
// CHECK: tl.matmul %[[A]], %[[B]] into %[[C]] transpose_a transpose_b accumulate : memref<32x64xbf16>, memref<96x32xbf16> into memref<64x96xf32>
// CHECK-NOT: linalg.generic
func.func @generic_transposed(%A: memref<32x64xbf16>, %B: memref<96x32xbf16>, %C: memref<64x96xf32>) {
  linalg.generic {indexing_maps = [#hA, #hB, #hC], iterator_types = ["reduction", "parallel", "parallel"]}
      ins(%A, %B : memref<32x64xbf16>, memref<96x32xbf16>) outs(%C : memref<64x96xf32>) {
  ^bb0(%a: bf16, %b: bf16, %c: f32):
    %ae = arith.extf %a : bf16 to f32
    %be = arith.extf %b : bf16 to f32
    %p = arith.mulf %ae, %be : f32
    %s = arith.addf %c, %p : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// A generic that is no contraction (an element-wise add) is not a matmul:
// left alone.
#id = affine_map<(i, j) -> (i, j)>
// CHECK-LABEL: func.func @generic_not_a_contraction
// CHECK: linalg.generic
// CHECK-NOT: tl.matmul
func.func @generic_not_a_contraction(%A: memref<32x32xf32>, %C: memref<32x32xf32>) {
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%A : memref<32x32xf32>) outs(%C : memref<32x32xf32>) {
  ^bb0(%a: f32, %c: f32):
    %s = arith.addf %a, %c : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// A batch: the zero fill makes it C = A * B; each operand keeps its rank.
// CHECK-LABEL: func.func @batch_matmul
// CHECK-SAME: (%[[A:.*]]: memref<3x100x64xbf16>, %[[B:.*]]: memref<3x64x96xbf16>, %[[C:.*]]: memref<3x100x96xbf16>)
// CHECK: tl.matmul %[[A]], %[[B]] into %[[C]] : memref<3x100x64xbf16>, memref<3x64x96xbf16> into memref<3x100x96xbf16>
// CHECK-NEXT: return
func.func @batch_matmul(%A: memref<3x100x64xbf16>, %B: memref<3x64x96xbf16>, %C: memref<3x100x96xbf16>) {
  %zero = arith.constant 0.0 : bf16
  linalg.fill ins(%zero : bf16) outs(%C : memref<3x100x96xbf16>)
  linalg.batch_matmul ins(%A, %B : memref<3x100x64xbf16>, memref<3x64x96xbf16>) outs(%C : memref<3x100x96xbf16>)
  return
}

// -----

// Shared weights: B's map has no batch index, so B stays one matrix.
// CHECK-LABEL: func.func @batch_shared_b
// CHECK-SAME: (%[[A:.*]]: memref<8x33x64xbf16>, %[[B:.*]]: memref<64x96xbf16>, %[[C:.*]]: memref<8x33x96xf32>)
// CHECK: tl.matmul %[[A]], %[[B]] into %[[C]] accumulate : memref<8x33x64xbf16>, memref<64x96xbf16> into memref<8x33x96xf32>
func.func @batch_shared_b(%A: memref<8x33x64xbf16>, %B: memref<64x96xbf16>, %C: memref<8x33x96xf32>) {
  linalg.batch_matmul indexing_maps = [affine_map<(b, m, n, k) -> (b, m, k)>,
                                       affine_map<(b, m, n, k) -> (k, n)>,
                                       affine_map<(b, m, n, k) -> (b, m, n)>]
                      ins(%A, %B : memref<8x33x64xbf16>, memref<64x96xbf16>) outs(%C : memref<8x33x96xf32>)
  return
}

// -----

// A shared A and a transposed batched B.
// CHECK-LABEL: func.func @batch_shared_a_transposed_b
// CHECK: tl.matmul %{{.*}}, %{{.*}} into %{{.*}} transpose_b accumulate : memref<64x32xf32>, memref<2x96x32xf32> into memref<2x64x96xf32>
func.func @batch_shared_a_transposed_b(%A: memref<64x32xf32>, %B: memref<2x96x32xf32>, %C: memref<2x64x96xf32>) {
  linalg.batch_matmul indexing_maps = [affine_map<(b, m, n, k) -> (m, k)>,
                                       affine_map<(b, m, n, k) -> (b, n, k)>,
                                       affine_map<(b, m, n, k) -> (b, m, n)>]
                      ins(%A, %B : memref<64x32xf32>, memref<2x96x32xf32>) outs(%C : memref<2x64x96xf32>)
  return
}

// -----

// A generic with one batch loop, A read transposed (b, k, m), loops in
// another order.
// CHECK-LABEL: func.func @generic_batched
// CHECK: tl.matmul %{{.*}}, %{{.*}} into %{{.*}} transpose_a accumulate : memref<2x32x64xf32>, memref<2x32x96xf32> into memref<2x64x96xf32>
func.func @generic_batched(%A: memref<2x32x64xf32>, %B: memref<2x32x96xf32>, %C: memref<2x64x96xf32>) {
  linalg.generic {indexing_maps = [affine_map<(m, b, k, n) -> (b, k, m)>,
                                   affine_map<(m, b, k, n) -> (b, k, n)>,
                                   affine_map<(m, b, k, n) -> (b, m, n)>],
                  iterator_types = ["parallel", "parallel", "reduction", "parallel"]}
      ins(%A, %B : memref<2x32x64xf32>, memref<2x32x96xf32>) outs(%C : memref<2x64x96xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %c, %p : f32
    linalg.yield %s : f32
  }
  return
}
