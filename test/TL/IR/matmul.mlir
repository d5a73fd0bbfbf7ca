// RUN: tt-opt %s | tt-opt | FileCheck %s
// RUN: tt-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// RUN: tt-opt %s --mlir-print-op-generic | tt-opt | FileCheck %s

// CHECK-LABEL: func.func @matmul_bf16
// CHECK-SAME: (%[[A:.*]]: memref<256x128xbf16>, %[[B:.*]]: memref<128x64xbf16>, %[[C:.*]]: memref<256x64xbf16>)
// CHECK: tl.matmul %[[A]], %[[B]] into %[[C]] : memref<256x128xbf16>, memref<128x64xbf16> into memref<256x64xbf16>
// GENERIC: "tl.matmul"(%{{.*}}, %{{.*}}, %{{.*}}) : (memref<256x128xbf16>, memref<128x64xbf16>, memref<256x64xbf16>) -> ()
func.func @matmul_bf16(%A: memref<256x128xbf16>, %B: memref<128x64xbf16>, %C: memref<256x64xbf16>) {
  tl.matmul %A, %B into %C : memref<256x128xbf16>, memref<128x64xbf16> into memref<256x64xbf16>
  return
}

// CHECK-LABEL: func.func @matmul_accumulate_f32
// CHECK: tl.matmul %{{.*}}, %{{.*}} into %{{.*}} accumulate : memref<32x32xf32>, memref<32x32xf32> into memref<32x32xf32>
// GENERIC: "tl.matmul"{{.*}}<{accumulate}>
func.func @matmul_accumulate_f32(%A: memref<32x32xf32>, %B: memref<32x32xf32>, %C: memref<32x32xf32>) {
  tl.matmul %A, %B into %C accumulate : memref<32x32xf32>, memref<32x32xf32> into memref<32x32xf32>
  return
}

// A bf16 product may be stored in an f32 result.
// CHECK-LABEL: func.func @matmul_bf16_into_f32
// CHECK: tl.matmul {{.*}} : memref<64x32xbf16>, memref<32x96xbf16> into memref<64x96xf32>
func.func @matmul_bf16_into_f32(%A: memref<64x32xbf16>, %B: memref<32x96xbf16>, %C: memref<64x96xf32>) {
  tl.matmul %A, %B into %C : memref<64x32xbf16>, memref<32x96xbf16> into memref<64x96xf32>
  return
}

// Q * K^T with K stored N x K: the transposes print before `accumulate`.
// CHECK-LABEL: func.func @matmul_transpose_b
// CHECK: tl.matmul %{{.*}}, %{{.*}} into %{{.*}} transpose_b : memref<256x128xbf16>, memref<64x128xbf16> into memref<256x64xbf16>
// GENERIC: "tl.matmul"{{.*}}<{transpose_b}>
func.func @matmul_transpose_b(%Q: memref<256x128xbf16>, %K: memref<64x128xbf16>, %S: memref<256x64xbf16>) {
  tl.matmul %Q, %K into %S transpose_b : memref<256x128xbf16>, memref<64x128xbf16> into memref<256x64xbf16>
  return
}

// CHECK-LABEL: func.func @matmul_transpose_both
// CHECK: tl.matmul %{{.*}}, %{{.*}} into %{{.*}} transpose_a transpose_b accumulate : memref<32x64xf32>, memref<96x32xf32> into memref<64x96xf32>
func.func @matmul_transpose_both(%A: memref<32x64xf32>, %B: memref<96x32xf32>, %C: memref<64x96xf32>) {
  tl.matmul %A, %B into %C transpose_a transpose_b accumulate : memref<32x64xf32>, memref<96x32xf32> into memref<64x96xf32>
  return
}
