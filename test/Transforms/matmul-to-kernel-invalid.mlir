// RUN: tt-opt %s --tl-matmul-to-kernel --split-input-file -verify-diagnostics

func.func @accumulate(%A: memref<32x32xbf16>, %B: memref<32x32xbf16>, %C: memref<32x32xbf16>) {
  // expected-error @+1 {{with 'accumulate' is not supported by the Tenstorrent lowering yet}}
  tl.matmul %A, %B into %C accumulate : memref<32x32xbf16>, memref<32x32xbf16> into memref<32x32xbf16>
  return
}
