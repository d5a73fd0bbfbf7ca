// RUN: tt-opt %s | tt-opt | FileCheck %s
// RUN: tt-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// RUN: tt-opt %s --mlir-print-op-generic | tt-opt | FileCheck %s

// CHECK-LABEL: func.func @grid_2d
// CHECK: tl.kernel [8, 4] as (%[[BX:.*]], %[[BY:.*]]) {
// CHECK-NEXT: arith.addi %[[BX]], %[[BY]] : index
// GENERIC: "tl.kernel"() <{grid = array<i64: 8, 4>}> ({
// GENERIC-NEXT: ^bb0(%{{.*}}: index, %{{.*}}: index):
func.func @grid_2d() {
  tl.kernel [8, 4] as (%bx, %by) {
    %s = arith.addi %bx, %by : index
  }
  return
}

// CHECK-LABEL: func.func @grid_1d
// CHECK: tl.kernel [5] as (%{{.*}}) {
func.func @grid_1d() {
  tl.kernel [5] as (%bx) {
  }
  return
}

// CHECK-LABEL: func.func @grid_3d
// CHECK: tl.kernel [2, 3, 4] as (%{{.*}}, %{{.*}}, %{{.*}}) {
func.func @grid_3d() {
  tl.kernel [2, 3, 4] as (%bx, %by, %bz) {
  }
  return
}

// The statement that the kernel computes the whole C = A * B round-trips.
// CHECK-LABEL: func.func @whole_matmul
// CHECK: tl.kernel [2, 2] as (%{{.*}}, %{{.*}}) whole_matmul {
// GENERIC: "tl.kernel"() <{grid = array<i64: 2, 2>, whole_matmul}> ({
func.func @whole_matmul() {
  tl.kernel [2, 2] as (%bx, %by) whole_matmul {
  }
  return
}
