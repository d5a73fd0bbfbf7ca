// RUN: tt-opt %s --tl-matmul-to-kernel=block-n=48 -verify-diagnostics

func.func @not_tile_multiple(%A: memref<96x64xbf16>, %B: memref<64x96xbf16>, %C: memref<96x96xbf16>) {
  // expected-error @+1 {{block size for N (48) must be a positive multiple of 32}}
  tl.matmul %A, %B into %C : memref<96x64xbf16>, memref<64x96xbf16> into memref<96x96xbf16>
  return
}
