// An input that parses but breaks a verifier is reported with its location.
// RUN: not tt-opt %s 2>&1 | FileCheck %s
// RUN: not tt-translate --tt-roundtrip %s 2>&1 | FileCheck %s

func.func @f(%A: memref<64x32xbf16>, %B: memref<64x32xbf16>, %C: memref<64x32xbf16>) {
  tl.matmul %A, %B into %C : memref<64x32xbf16>, memref<64x32xbf16> into memref<64x32xbf16>
  return
}
// CHECK: bad-verify.mlir:6:3: error: 'tl.matmul' op A is 64x32 but B has 64 rows; they must agree on K
