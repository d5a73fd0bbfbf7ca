// RUN: tt-opt %s --tl-matmul-to-kernel --split-input-file -verify-diagnostics

func.func @m_not_aligned(%A: memref<100x64xbf16>, %B: memref<64x64xbf16>, %C: memref<100x64xbf16>) {
  // expected-error @+1 {{dimension M = 100 is not a multiple of the 32-element tile; padding is not supported yet}}
  tl.matmul %A, %B into %C : memref<100x64xbf16>, memref<64x64xbf16> into memref<100x64xbf16>
  return
}

// -----

func.func @k_not_aligned(%A: memref<64x40xbf16>, %B: memref<40x64xbf16>, %C: memref<64x64xbf16>) {
  // expected-error @+1 {{dimension K = 40 is not a multiple of the 32-element tile}}
  tl.matmul %A, %B into %C : memref<64x40xbf16>, memref<40x64xbf16> into memref<64x64xbf16>
  return
}

// -----

func.func @n_not_aligned(%A: memref<64x64xbf16>, %B: memref<64x33xbf16>, %C: memref<64x33xbf16>) {
  // expected-error @+1 {{dimension N = 33 is not a multiple of the 32-element tile}}
  tl.matmul %A, %B into %C : memref<64x64xbf16>, memref<64x33xbf16> into memref<64x33xbf16>
  return
}

// -----

func.func @accumulate(%A: memref<32x32xbf16>, %B: memref<32x32xbf16>, %C: memref<32x32xbf16>) {
  // expected-error @+1 {{with 'accumulate' is not supported by the Tenstorrent lowering yet}}
  tl.matmul %A, %B into %C accumulate : memref<32x32xbf16>, memref<32x32xbf16> into memref<32x32xbf16>
  return
}
