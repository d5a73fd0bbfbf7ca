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
