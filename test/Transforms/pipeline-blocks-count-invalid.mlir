// RUN: tt-opt %s --tl-to-tt-pipeline="block-m=32 block-n=32 block-k=32" -verify-diagnostics

// One-tile blocks of a 2^40-row C: more blocks than a kernel's 32-bit
// counters can count is diagnosed, not wrapped.
func.func @too_many_tiles(%A: memref<1099511627776x32xbf16>, %B: memref<32x32xbf16>, %C: memref<1099511627776x32xbf16>) {
  // expected-error @+1 {{the kernel's grid has 1 x 34359738368 output blocks, more than the 2^32 a kernel can count}}
  tl.matmul %A, %B into %C : memref<1099511627776x32xbf16>, memref<32x32xbf16> into memref<1099511627776x32xbf16>
  return
}
