// RUN: tt-opt %s | tt-opt | FileCheck %s
// RUN: tt-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// RUN: tt-opt %s --mlir-print-op-generic | tt-opt | FileCheck %s

// CHECK-LABEL: func.func @k_loop
// CHECK: tl.kernel [1] as (%{{.*}}) {
// CHECK-NEXT: tl.pipelined %[[K:.*]] in 8 stages 3 {
// CHECK-NEXT: arith.muli %[[K]], %{{.*}} : index
// GENERIC: "tl.pipelined"() <{count = 8 : i64, stages = 3 : i64}> ({
func.func @k_loop() {
  %c32 = arith.constant 32 : index
  tl.kernel [1] as (%bx) {
    tl.pipelined %k in 8 stages 3 {
      %kk = arith.muli %k, %c32 : index
    }
  }
  return
}
