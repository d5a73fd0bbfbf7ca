// RUN: tt-opt %s --tt-infer-shard --split-input-file -verify-diagnostics

// expected-error @+1 {{argument 0 has element type 'f16'; Tenstorrent buffers hold bf16 or f32}}
func.func @f16(%a: memref<32x32xf16>) {
  tl.kernel [1, 1] as (%bx, %by) {
  }
  return
}

// -----

// expected-error @+1 {{argument 0 must be a static vector, matrix or batch of matrices (rank 1, 2 or 3), got 'memref<?x32xbf16>'}}
func.func @dynamic(%a: memref<?x32xbf16>) {
  tl.kernel [1, 1] as (%bx, %by) {
  }
  return
}

// -----

// A column-major view would be tilized as if it were row-major.
// expected-note @+1 {{in this function}}
func.func @column_major(%a: memref<64x32xbf16, strided<[1, 64]>>) {
  %c0 = arith.constant 0 : index
  tl.kernel [1, 1] as (%bx, %by) {
    %s = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    // expected-error @+1 {{argument 0 of @column_major has layout strided<[1, 64]>: the Tenstorrent lowering reads buffers row-major (an identity layout); strided, offset and transposed views are not supported yet}}
    tl.copy %a[%c0, %c0] to %s : memref<64x32xbf16, strided<[1, 64]>> to memref<32x32xbf16, #tl.scope<shared>>
  }
  return
}
