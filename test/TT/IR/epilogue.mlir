// RUN: tt-opt %s | tt-opt | FileCheck %s
// RUN: tt-opt %s --mlir-print-op-generic | tt-opt | FileCheck %s

!p = !tt.cb<24, 4 x !tt.tile<f32>>
!b = !tt.cb<3, 4 x !tt.tile<bf16>>
!o = !tt.cb<16, 4 x !tt.tile<bf16>>
!i = !tt.cb<0, 4 x !tt.tile<bf16>>

// CHECK-LABEL: func.func @epilogue_calls
// CHECK: tt.reconfig_data_format %{{.*}}, %{{.*}} : !tt.cb<24, 4 x !tt.tile<f32>>, !tt.cb<3, 4 x !tt.tile<bf16>>
// CHECK: tt.add_bcast_rows_init %{{.*}}, %{{.*}} :
// CHECK: tt.add_tiles_bcast_rows %{{.*}}[%{{.*}}], %{{.*}}[%{{.*}}] -> dst[%{{.*}}] :
// CHECK: tt.relu_tile_init
// CHECK: tt.relu_tile dst[%{{.*}}]
// CHECK: tt.gelu_tile_init
// CHECK: tt.gelu_tile dst
// CHECK: tt.gelu_fast_tile_init
// CHECK: tt.gelu_fast_tile dst
// CHECK: tt.silu_tile_init
// CHECK: tt.silu_tile dst
// CHECK: tt.sigmoid_tile_init
// CHECK: tt.sigmoid_tile dst
// CHECK: tt.tanh_tile_init
// CHECK: tt.tanh_tile dst
// CHECK: tt.exp_tile_init
// CHECK: tt.exp_tile dst
// CHECK: tt.binop_with_scalar_tile_init
// CHECK: tt.mul_unary_tile dst[%{{.*}}], %{{.*}}
// CHECK: tt.pack_block %{{.*}} count 4 epilogue [#tt.activation<gelu_tanh>, #tt.scale<2.000000e+00 : f32>] :
// CHECK: tt.epilogue_block %{{.*}} -> %{{.*}} block 2 x 2 subblock 1 x 2 bias %{{.*}} epilogue [] matmul %{{.*}}, %{{.*}} transpose_in1 :
func.func @epilogue_calls(%t: i32) {
  %p = tt.get_cb : !p
  %b = tt.get_cb : !b
  %o = tt.get_cb : !o
  %i = tt.get_cb : !i
  tt.reconfig_data_format %p, %b : !p, !b
  tt.add_bcast_rows_init %p, %b : !p, !b
  tt.add_tiles_bcast_rows %p[%t], %b[%t] -> dst[%t] : !p, !b
  tt.relu_tile_init
  tt.relu_tile dst[%t]
  tt.gelu_tile_init
  tt.gelu_tile dst[%t]
  tt.gelu_fast_tile_init
  tt.gelu_fast_tile dst[%t]
  tt.silu_tile_init
  tt.silu_tile dst[%t]
  tt.sigmoid_tile_init
  tt.sigmoid_tile dst[%t]
  tt.tanh_tile_init
  tt.tanh_tile dst[%t]
  tt.exp_tile_init
  tt.exp_tile dst[%t]
  tt.binop_with_scalar_tile_init
  tt.mul_unary_tile dst[%t], %t
  tt.pack_block %o count 4 epilogue [#tt.activation<gelu_tanh>, #tt.scale<2.0 : f32>] : !o
  tt.epilogue_block %p -> %o block 2 x 2 subblock 1 x 2 bias %b epilogue [] matmul %i, %i transpose_in1 : !p, !o, !i, !i, !b
  return
}
