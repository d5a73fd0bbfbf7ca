// RUN: tt-opt %s --tt-infer-shard --split-input-file -verify-diagnostics

// expected-error @+1 {{argument 0 has element type 'f16'; Tenstorrent buffers hold bf16 or f32}}
func.func @f16(%a: memref<32x32xf16>) {
  tl.kernel [1, 1] as (%bx, %by) {
  }
  return
}

// -----

// expected-error @+1 {{argument 0 must be a static 2-D buffer, got 'memref<?x32xbf16>'}}
func.func @dynamic(%a: memref<?x32xbf16>) {
  tl.kernel [1, 1] as (%bx, %by) {
  }
  return
}

// -----

// expected-error @+1 {{argument 0 ('memref<50x32xbf16>') has 50 rows, not a multiple of 32: DRAM buffers hold whole 32x32 tiles}}
func.func @ragged(%a: memref<50x32xbf16>) {
  tl.kernel [1, 1] as (%bx, %by) {
  }
  return
}
