// RUN: tt-opt %s | tt-opt | FileCheck %s
// RUN: tt-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// RUN: tt-opt %s --mlir-print-op-generic | tt-opt | FileCheck %s

// CHECK-LABEL: func.func @clear
// CHECK: %[[C:.*]] = tl.alloc_fragment
// CHECK-NEXT: tl.clear %[[C]] : memref<32x64xf32, #tl.scope<fragment>>
// GENERIC: "tl.clear"(%{{.*}}) : (memref<32x64xf32, #tl.scope<fragment>>) -> ()
func.func @clear() {
  tl.kernel [1] as (%bx) {
    %c = tl.alloc_fragment : memref<32x64xf32, #tl.scope<fragment>>
    tl.clear %c : memref<32x64xf32, #tl.scope<fragment>>
  }
  return
}
