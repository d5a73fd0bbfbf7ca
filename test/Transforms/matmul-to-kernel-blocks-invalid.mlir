// RUN: tt-opt %s --tl-matmul-to-kernel=block-m=64 --split-input-file -verify-diagnostics

func.func @not_dividing(%A: memref<96x64xbf16>, %B: memref<64x64xbf16>, %C: memref<96x64xbf16>) {
  // expected-error @+1 {{block size 64 does not divide dimension M = 96; edge blocks are not supported yet}}
  tl.matmul %A, %B into %C : memref<96x64xbf16>, memref<64x64xbf16> into memref<96x64xbf16>
  return
}
