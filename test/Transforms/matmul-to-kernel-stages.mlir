// RUN: tt-opt %s --tl-matmul-to-kernel=stages=3 | FileCheck %s

// CHECK-LABEL: func.func @f32
// CHECK: tl.kernel [1, 1] as
// CHECK: tl.alloc_shared : memref<32x32xf32, #tl.scope<shared>>
// CHECK: tl.pipelined %{{.*}} in 1 stages 3 {
func.func @f32(%A: memref<32x32xf32>, %B: memref<32x32xf32>, %C: memref<32x32xf32>) {
  tl.matmul %A, %B into %C : memref<32x32xf32>, memref<32x32xf32> into memref<32x32xf32>
  return
}
