// RUN: tt-opt %s --convert-linalg-to-tl --split-input-file -verify-diagnostics

func.func @dynamic(%A: memref<?x32xf32>, %B: memref<32x32xf32>, %C: memref<?x32xf32>) {
  // expected-error @+1 {{cannot be lowered to Tenstorrent: the Tenstorrent pipeline needs static shapes, got memref<?x32xf32>}}
  linalg.matmul ins(%A, %B : memref<?x32xf32>, memref<32x32xf32>) outs(%C : memref<?x32xf32>)
  return
}

// -----

#strided = strided<[1, 64]>
func.func @strided(%A: memref<32x64xf32, #strided>, %B: memref<64x32xf32>, %C: memref<32x32xf32>) {
  // expected-error @+1 {{operands must be plain row-major memrefs}}
  linalg.matmul ins(%A, %B : memref<32x64xf32, #strided>, memref<64x32xf32>) outs(%C : memref<32x32xf32>)
  return
}

// -----

// A transposed result (C read as (n, m)) is not a transposed operand.
func.func @transposed_c(%A: memref<64x32xf32>, %B: memref<32x96xf32>, %C: memref<96x64xf32>) {
  // expected-error @+1 {{cannot be lowered to Tenstorrent: indexing maps other than a matmul with transposed operands (broadcasts, a transposed result) are not supported}}
  linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>,
                                 affine_map<(m, n, k) -> (k, n)>,
                                 affine_map<(m, n, k) -> (n, m)>]
                ins(%A, %B : memref<64x32xf32>, memref<32x96xf32>) outs(%C : memref<96x64xf32>)
  return
}

// -----

// A broadcast row of A.
func.func @broadcast(%A: memref<32xf32>, %B: memref<32x96xf32>, %C: memref<64x96xf32>) {
  // expected-error @+1 {{cannot be lowered to Tenstorrent: indexing maps other than a matmul with transposed operands (broadcasts, a transposed result) are not supported}}
  linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (k)>,
                                 affine_map<(m, n, k) -> (k, n)>,
                                 affine_map<(m, n, k) -> (m, n)>]
                ins(%A, %B : memref<32xf32>, memref<32x96xf32>) outs(%C : memref<64x96xf32>)
  return
}

// -----

// Two batch loops are not one batch of matmuls.
func.func @generic_two_batches(%A: memref<2x2x32x32xf32>, %B: memref<2x2x32x32xf32>, %C: memref<2x2x32x32xf32>) {
  // expected-error @+1 {{cannot be lowered to Tenstorrent: a contraction other than one matmul (C[m, n] += A[m, k] * B[k, n], either operand possibly transposed) or one batch of them (C[b, m, n] += A[b, m, k] * B[b, k, n], A or B possibly without b) is not supported}}
  linalg.generic {indexing_maps = [affine_map<(a, b, m, n, k) -> (a, b, m, k)>,
                                   affine_map<(a, b, m, n, k) -> (a, b, k, n)>,
                                   affine_map<(a, b, m, n, k) -> (a, b, m, n)>],
                  iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]}
      ins(%A, %B : memref<2x2x32x32xf32>, memref<2x2x32x32xf32>) outs(%C : memref<2x2x32x32xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %c, %p : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// A batch index after the matrix indices is not a batch of row-major matrices.
func.func @generic_batch_last(%A: memref<32x32x2xf32>, %B: memref<2x32x32xf32>, %C: memref<2x32x32xf32>) {
  // expected-error @+1 {{cannot be lowered to Tenstorrent: a contraction other than one matmul}}
  linalg.generic {indexing_maps = [affine_map<(b, m, n, k) -> (m, k, b)>,
                                   affine_map<(b, m, n, k) -> (b, k, n)>,
                                   affine_map<(b, m, n, k) -> (b, m, n)>],
                  iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
      ins(%A, %B : memref<32x32x2xf32>, memref<2x32x32xf32>) outs(%C : memref<2x32x32xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %c, %p : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// A row of K values broadcast over the batch and M.
func.func @batch_broadcast_row(%A: memref<32xf32>, %B: memref<2x32x96xf32>, %C: memref<2x64x96xf32>) {
  // expected-error @+1 {{cannot be lowered to Tenstorrent: indexing maps other than a batch of matmuls with transposed operands, or with A or B shared by the batch (lower-rank broadcasts, a transposed result) are not supported}}
  linalg.batch_matmul indexing_maps = [affine_map<(b, m, n, k) -> (k)>,
                                       affine_map<(b, m, n, k) -> (b, k, n)>,
                                       affine_map<(b, m, n, k) -> (b, m, n)>]
                      ins(%A, %B : memref<32xf32>, memref<2x32x96xf32>) outs(%C : memref<2x64x96xf32>)
  return
}

// -----

// Batched matmuls need static shapes too.
func.func @batch_dynamic(%A: memref<?x64x32xf32>, %B: memref<?x32x96xf32>, %C: memref<?x64x96xf32>) {
  // expected-error @+1 {{cannot be lowered to Tenstorrent: the Tenstorrent pipeline needs static shapes, got memref<?x64x32xf32>}}
  linalg.batch_matmul ins(%A, %B : memref<?x64x32xf32>, memref<?x32x96xf32>) outs(%C : memref<?x64x96xf32>)
  return
}

// -----

// A generic matmul writing C transposed.
func.func @generic_transposed_c(%A: memref<64x32xf32>, %B: memref<32x96xf32>, %C: memref<96x64xf32>) {
  // expected-error @+1 {{cannot be lowered to Tenstorrent: a contraction other than one matmul}}
  linalg.generic {indexing_maps = [affine_map<(m, n, k) -> (m, k)>,
                                   affine_map<(m, n, k) -> (k, n)>,
                                   affine_map<(m, n, k) -> (n, m)>],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%A, %B : memref<64x32xf32>, memref<32x96xf32>) outs(%C : memref<96x64xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %c, %p : f32
    linalg.yield %s : f32
  }
  return
}
