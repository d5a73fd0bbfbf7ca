// RUN: tt-opt %s --tt-split-kernels -verify-diagnostics

// expected-error @+1 {{run tt-lower-memory-space and tt-tensorize before tt-split-kernels: tl ops remain}}
func.func @unlowered(%A: memref<32x32xbf16>, %B: memref<32x32xbf16>, %C: memref<32x32xbf16>)
    attributes {tt.core_work = array<i64: 0, 0, 0, 1>, tt.cores = #tt.core_range_set<(0, 0) to (0, 0)>} {
  tl.matmul %A, %B into %C : memref<32x32xbf16>, memref<32x32xbf16> into memref<32x32xbf16>
  return
}
