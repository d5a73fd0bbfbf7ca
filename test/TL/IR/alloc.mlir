// RUN: tt-opt %s | tt-opt | FileCheck %s
// RUN: tt-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// RUN: tt-opt %s --mlir-print-op-generic | tt-opt | FileCheck %s

// CHECK-LABEL: func.func @buffers
// CHECK: tl.alloc_shared : memref<64x32xbf16, #tl.scope<shared>>
// CHECK: tl.alloc_shared : memref<32x128xf32, #tl.scope<shared>>
// CHECK: tl.alloc_fragment : memref<64x128xf32, #tl.scope<fragment>>
// GENERIC: "tl.alloc_shared"() : () -> memref<64x32xbf16, #tl.scope<shared>>
// GENERIC: "tl.alloc_fragment"() : () -> memref<64x128xf32, #tl.scope<fragment>>
func.func @buffers() {
  tl.kernel [1] as (%bx) {
    %a = tl.alloc_shared : memref<64x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x128xf32, #tl.scope<shared>>
    %c = tl.alloc_fragment : memref<64x128xf32, #tl.scope<fragment>>
  }
  return
}
