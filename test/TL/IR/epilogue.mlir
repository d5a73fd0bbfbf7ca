// RUN: tt-opt %s | tt-opt | FileCheck %s
// RUN: tt-opt %s --mlir-print-op-generic | tt-opt | FileCheck %s

// The epilogue ops of the kernel form, and tl.matmul's fused epilogue.
// CHECK-LABEL: func.func @kernel_epilogue
// CHECK-SAME: (%[[BIAS:.*]]: memref<256xbf16>)
// CHECK: %[[ACC:.*]] = tl.alloc_fragment : memref<64x64xf32, #tl.scope<fragment>>
// CHECK: tl.add_bias %[[BIAS]][%{{.*}}] to %[[ACC]] : memref<256xbf16> to memref<64x64xf32, #tl.scope<fragment>>
// CHECK: tl.scale %[[ACC]] by 1.250000e-01 : memref<64x64xf32, #tl.scope<fragment>>
// CHECK: tl.activation <gelu> %[[ACC]] : memref<64x64xf32, #tl.scope<fragment>>
// CHECK: tl.activation <gelu_tanh> %[[ACC]]
// CHECK: tl.activation <relu> %[[ACC]]
// CHECK: tl.activation <silu> %[[ACC]]
// CHECK: tl.activation <sigmoid> %[[ACC]]
// CHECK: tl.activation <tanh> %[[ACC]]
// CHECK: tl.activation <exp> %[[ACC]]
// CHECK: tl.activation <gelu_fast> %[[ACC]]
func.func @kernel_epilogue(%bias: memref<256xbf16>) {
  tl.kernel [4, 1] as (%bx, %by) {
    %c64 = arith.constant 64 : index
    %col = arith.muli %bx, %c64 : index
    %acc = tl.alloc_fragment : memref<64x64xf32, #tl.scope<fragment>>
    tl.add_bias %bias[%col] to %acc : memref<256xbf16> to memref<64x64xf32, #tl.scope<fragment>>
    tl.scale %acc by 0.125 : memref<64x64xf32, #tl.scope<fragment>>
    tl.activation <gelu> %acc : memref<64x64xf32, #tl.scope<fragment>>
    tl.activation <gelu_tanh> %acc : memref<64x64xf32, #tl.scope<fragment>>
    tl.activation <relu> %acc : memref<64x64xf32, #tl.scope<fragment>>
    tl.activation <silu> %acc : memref<64x64xf32, #tl.scope<fragment>>
    tl.activation <sigmoid> %acc : memref<64x64xf32, #tl.scope<fragment>>
    tl.activation <tanh> %acc : memref<64x64xf32, #tl.scope<fragment>>
    tl.activation <exp> %acc : memref<64x64xf32, #tl.scope<fragment>>
    tl.activation <gelu_fast> %acc : memref<64x64xf32, #tl.scope<fragment>>
  }
  return
}

// CHECK-LABEL: func.func @matmul_epilogue
// CHECK: tl.matmul %{{.*}}, %{{.*}} into %{{.*}} bias %{{.*}} epilogue [#tl.scale<5.000000e-01 : f32>, #tl.activation<gelu>] : memref<64x32xbf16>, memref<32x96xbf16> into memref<64x96xbf16>, memref<96xbf16>
// CHECK: tl.matmul %{{.*}}, %{{.*}} into %{{.*}} epilogue [#tl.activation<relu>] : memref<64x32xbf16>, memref<32x96xbf16> into memref<64x96xbf16>{{$}}
func.func @matmul_epilogue(%A: memref<64x32xbf16>, %B: memref<32x96xbf16>, %C: memref<64x96xbf16>, %bias: memref<96xbf16>) {
  tl.matmul %A, %B into %C bias %bias epilogue [#tl.scale<0.5 : f32>, #tl.activation<gelu>] : memref<64x32xbf16>, memref<32x96xbf16> into memref<64x96xbf16>, memref<96xbf16>
  tl.matmul %A, %B into %C epilogue [#tl.activation<relu>] : memref<64x32xbf16>, memref<32x96xbf16> into memref<64x96xbf16>
  return
}
