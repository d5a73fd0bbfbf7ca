// Option values reach the diagnostic as numbers, whatever their value.
// RUN: not tt-opt %s --tl-matmul-to-kernel=stages=0 2>&1 | FileCheck %s --check-prefix=ZERO
// RUN: not tt-opt %s --tl-matmul-to-kernel=stages=-1 2>&1 | FileCheck %s --check-prefix=NEGATIVE
// RUN: not tt-opt %s --tl-to-tt-pipeline=stages=0 2>&1 | FileCheck %s --check-prefix=ZERO

// ZERO: matmul-to-kernel-stages-invalid.mlir:[[@LINE+3]]:3: error: the K loop needs at least 1 stage (option stages), got 0
// NEGATIVE: error: the K loop needs at least 1 stage (option stages), got -1
func.func @mm(%A: memref<32x32xbf16>, %B: memref<32x32xbf16>, %C: memref<32x32xbf16>) {
  tl.matmul %A, %B into %C : memref<32x32xbf16>, memref<32x32xbf16> into memref<32x32xbf16>
  return
}
