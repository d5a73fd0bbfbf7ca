// A malformed file is a located diagnostic and a non-zero exit from both tools.
// RUN: not tt-opt %s 2>&1 | FileCheck %s
// RUN: not tt-translate --tt-roundtrip %s 2>&1 | FileCheck %s

func.func @f() {
  tl.kernel [4 as (%bx) {
  }
  return
}
// CHECK: bad-syntax.mlir:6:{{[0-9]+}}: error: expected ']'
