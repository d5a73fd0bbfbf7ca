// RUN: tt-opt %s | tt-opt | FileCheck %s
// RUN: tt-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// RUN: tt-opt %s --mlir-print-op-generic | tt-opt | FileCheck %s

// CHECK-LABEL: func.func @gemm
// CHECK: %[[A:.*]] = tl.alloc_shared : memref<64x32xbf16
// CHECK: %[[B:.*]] = tl.alloc_shared : memref<32x128xbf16
// CHECK: %[[C:.*]] = tl.alloc_fragment : memref<64x128xf32
// CHECK: tl.gemm %[[A]], %[[B]], %[[C]] : memref<64x32xbf16, #tl.scope<shared>>, memref<32x128xbf16, #tl.scope<shared>>, memref<64x128xf32, #tl.scope<fragment>>
// GENERIC: "tl.gemm"(%{{.*}}, %{{.*}}, %{{.*}}) : (memref<64x32xbf16, #tl.scope<shared>>
func.func @gemm() {
  tl.kernel [1] as (%bx) {
    %a = tl.alloc_shared : memref<64x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x128xbf16, #tl.scope<shared>>
    %c = tl.alloc_fragment : memref<64x128xf32, #tl.scope<fragment>>
    tl.gemm %a, %b, %c : memref<64x32xbf16, #tl.scope<shared>>, memref<32x128xbf16, #tl.scope<shared>>, memref<64x128xf32, #tl.scope<fragment>>
  }
  return
}

// CHECK-LABEL: func.func @gemm_transposed
// CHECK: tl.gemm %{{.*}}, %{{.*}}, %{{.*}} transpose_a transpose_b : memref<32x64xf32, #tl.scope<shared>>, memref<128x32xf32, #tl.scope<shared>>, memref<64x128xf32, #tl.scope<fragment>>
// GENERIC: "tl.gemm"{{.*}}<{transpose_a, transpose_b}>
func.func @gemm_transposed() {
  tl.kernel [1] as (%bx) {
    %a = tl.alloc_shared : memref<32x64xf32, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<128x32xf32, #tl.scope<shared>>
    %c = tl.alloc_fragment : memref<64x128xf32, #tl.scope<fragment>>
    tl.gemm %a, %b, %c transpose_a transpose_b : memref<32x64xf32, #tl.scope<shared>>, memref<128x32xf32, #tl.scope<shared>>, memref<64x128xf32, #tl.scope<fragment>>
  }
  return
}
