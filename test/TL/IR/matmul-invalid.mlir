// RUN: tt-opt %s -split-input-file -verify-diagnostics

func.func @k_mismatch(%A: memref<64x32xbf16>, %B: memref<64x32xbf16>, %C: memref<64x32xbf16>) {
  // expected-error @+1 {{A is 64x32 but B has 64 rows; they must agree on K}}
  tl.matmul %A, %B into %C : memref<64x32xbf16>, memref<64x32xbf16> into memref<64x32xbf16>
  return
}

// -----

func.func @c_shape(%A: memref<64x32xbf16>, %B: memref<32x32xbf16>, %C: memref<32x32xbf16>) {
  // expected-error @+1 {{C must be 64x32, got 32x32}}
  tl.matmul %A, %B into %C : memref<64x32xbf16>, memref<32x32xbf16> into memref<32x32xbf16>
  return
}

// -----

func.func @mixed_inputs(%A: memref<32x32xbf16>, %B: memref<32x32xf32>, %C: memref<32x32xf32>) {
  // expected-error @+1 {{A and B must have one element type, got 'bf16' and 'f32'}}
  tl.matmul %A, %B into %C : memref<32x32xbf16>, memref<32x32xf32> into memref<32x32xf32>
  return
}

// -----

func.func @f16_unsupported(%A: memref<32x32xf16>, %B: memref<32x32xf16>, %C: memref<32x32xf16>) {
  // expected-error @+1 {{operand #0 must be 2D/3D memref of bfloat16 type or 32-bit float values}}
  tl.matmul %A, %B into %C : memref<32x32xf16>, memref<32x32xf16> into memref<32x32xf16>
  return
}

// -----

func.func @batch_into_matrix(%A: memref<2x32x32xbf16>, %B: memref<32x32xbf16>, %C: memref<32x32xbf16>) {
  // expected-error @+1 {{C must be batched (rank 3) like its batched operands, got 'memref<32x32xbf16>'}}
  tl.matmul %A, %B into %C : memref<2x32x32xbf16>, memref<32x32xbf16> into memref<32x32xbf16>
  return
}

// -----

func.func @batch_from_nothing(%A: memref<32x32xbf16>, %B: memref<32x32xbf16>, %C: memref<2x32x32xbf16>) {
  // expected-error @+1 {{C is batched but neither A nor B is; got 'memref<2x32x32xbf16>'}}
  tl.matmul %A, %B into %C : memref<32x32xbf16>, memref<32x32xbf16> into memref<2x32x32xbf16>
  return
}

// -----

func.func @batches_differ(%A: memref<2x32x32xbf16>, %B: memref<3x32x32xbf16>, %C: memref<2x32x32xbf16>) {
  // expected-error @+1 {{B holds a batch of 3 matrices but C holds 2}}
  tl.matmul %A, %B into %C : memref<2x32x32xbf16>, memref<3x32x32xbf16> into memref<2x32x32xbf16>
  return
}

// -----

func.func @batched_c_shape(%A: memref<2x32x64xbf16>, %B: memref<64x96xbf16>, %C: memref<2x32x64xbf16>) {
  // expected-error @+1 {{C must be 32x96 per matrix, got 32x64}}
  tl.matmul %A, %B into %C : memref<2x32x64xbf16>, memref<64x96xbf16> into memref<2x32x64xbf16>
  return
}

// -----

func.func @rank4(%A: memref<2x2x32x32xbf16>, %B: memref<32x32xbf16>, %C: memref<2x2x32x32xbf16>) {
  // expected-error @+1 {{operand #0 must be 2D/3D memref}}
  tl.matmul %A, %B into %C : memref<2x2x32x32xbf16>, memref<32x32xbf16> into memref<2x2x32x32xbf16>
  return
}

// -----

func.func @dynamic(%A: memref<?x32xbf16>, %B: memref<32x32xbf16>, %C: memref<32x32xbf16>) {
  // expected-error @+1 {{operand A must have a static shape, got 'memref<?x32xbf16>'}}
  tl.matmul %A, %B into %C : memref<?x32xbf16>, memref<32x32xbf16> into memref<32x32xbf16>
  return
}

// -----

func.func @local_operand(%A: memref<32x32xbf16, #tl.scope<shared>>, %B: memref<32x32xbf16>, %C: memref<32x32xbf16>) {
  // expected-error @+1 {{operand A must be a global buffer, got a shared buffer}}
  tl.matmul %A, %B into %C : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16> into memref<32x32xbf16>
  return
}

// -----

// With transpose_b, B is stored N x K: its columns are K.
func.func @k_mismatch_transposed(%A: memref<64x32xbf16>, %B: memref<32x64xbf16>, %C: memref<64x32xbf16>) {
  // expected-error @+1 {{A is 64x32 but B^T has 64 rows; they must agree on K}}
  tl.matmul %A, %B into %C transpose_b : memref<64x32xbf16>, memref<32x64xbf16> into memref<64x32xbf16>
  return
}

// -----

func.func @c_shape_transposed(%A: memref<32x64xbf16>, %B: memref<32x96xbf16>, %C: memref<32x96xbf16>) {
  // expected-error @+1 {{C must be 64x96, got 32x96}}
  tl.matmul %A, %B into %C transpose_a : memref<32x64xbf16>, memref<32x96xbf16> into memref<32x96xbf16>
  return
}
