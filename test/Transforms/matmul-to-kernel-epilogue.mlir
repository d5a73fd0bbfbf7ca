// RUN: tt-opt %s --tl-matmul-to-kernel="block-m=32 block-n=64 block-k=32" | FileCheck %s --implicit-check-not=tl.matmul

// A fused epilogue becomes the kernel's epilogue ops on the fragment, after
// the K loop and before the store: the bias row at the block's column first,
// then the steps in order.
// CHECK-LABEL: func.func @bias_gelu
// CHECK-SAME: %[[C:[^:]*]]: memref<64x128xbf16>, %[[BIAS:[^:]*]]: memref<128xbf16>)
// CHECK: tl.kernel [2, 2] as (%[[BX:.*]], %{{.*}}) whole_matmul {
// CHECK: %[[CL:.*]] = tl.alloc_fragment : memref<32x64xf32, #tl.scope<fragment>>
// CHECK: %[[COL:.*]] = arith.muli %[[BX]], %{{.*}} : index
// CHECK: tl.pipelined
// CHECK: tl.gemm
// CHECK: }
// CHECK-NEXT: tl.add_bias %[[BIAS]][%[[COL]]] to %[[CL]] : memref<128xbf16> to memref<32x64xf32, #tl.scope<fragment>>
// CHECK-NEXT: tl.scale %[[CL]] by 5.000000e-01
// CHECK-NEXT: tl.activation <gelu> %[[CL]]
// CHECK-NEXT: tl.copy %[[CL]] to %[[C]]
func.func @bias_gelu(%A: memref<64x32xbf16>, %B: memref<32x128xbf16>, %C: memref<64x128xbf16>, %bias: memref<128xbf16>) {
  tl.matmul %A, %B into %C bias %bias epilogue [#tl.scale<0.5 : f32>, #tl.activation<gelu>] : memref<64x32xbf16>, memref<32x128xbf16> into memref<64x128xbf16>, memref<128xbf16>
  return
}

// CHECK-LABEL: func.func @relu_only
// CHECK-NOT: tl.add_bias
// CHECK: tl.activation <relu>
// CHECK-NEXT: tl.copy
func.func @relu_only(%A: memref<64x32xbf16>, %B: memref<32x128xbf16>, %C: memref<64x128xbf16>) {
  tl.matmul %A, %B into %C epilogue [#tl.activation<relu>] : memref<64x32xbf16>, memref<32x128xbf16> into memref<64x128xbf16>
  return
}
