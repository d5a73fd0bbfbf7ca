// RUN: tt-opt %s | tt-opt | FileCheck %s
// RUN: tt-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// RUN: tt-opt %s --mlir-print-op-generic | tt-opt | FileCheck %s

!in0 = !tt.cb<0, 2 x !tt.tile<bf16>>
!in1 = !tt.cb<1, 2 x !tt.tile<bf16>>
!out = !tt.cb<16, 2 x !tt.tile<bf16>>
!partials = !tt.cb<24, 2 x !tt.tile<f32>>

// CHECK-LABEL: func.func @compute
// CHECK: %[[IN0:.*]] = tt.get_cb as "cb_in0" : !tt.cb<0, 2 x !tt.tile<bf16>>
// CHECK: %[[IN1:.*]] = tt.get_cb as "cb_in1" : !tt.cb<1, 2 x !tt.tile<bf16>>
// CHECK: %[[OUT:.*]] = tt.get_cb as "cb_out" : !tt.cb<16, 2 x !tt.tile<bf16>>
// CHECK: %[[PART:.*]] = tt.get_cb : !tt.cb<24, 2 x !tt.tile<f32>>
// CHECK: tt.compute_kernel_hw_startup %[[IN0]], %[[IN1]], %[[OUT]]
// CHECK: tt.matmul_init %[[IN0]], %[[IN1]]
// CHECK: tt.tile_regs_acquire
// CHECK: tt.copy_tile_init %[[PART]] : !tt.cb<24, 2 x !tt.tile<f32>>
// CHECK: tt.copy_tile %[[PART]][%[[C0:.*]]] -> dst[%[[C0]]] : !tt.cb<24, 2 x !tt.tile<f32>>
// CHECK: tt.matmul_tiles %[[IN0]][%[[C0]]], %[[IN1]][%[[C1:.*]]] -> dst[%[[C0]]]
// CHECK: tt.tile_regs_commit
// CHECK: tt.tile_regs_wait
// CHECK: tt.pack_tile dst[%[[C0]]] -> %[[OUT]][%[[C1]]] : !tt.cb<16, 2 x !tt.tile<bf16>>
// CHECK: tt.tile_regs_release
// CHECK: tt.matmul_init %[[IN0]], %[[IN1]] transpose %[[C1]] : !tt.cb<0, 2 x !tt.tile<bf16>>, !tt.cb<1, 2 x !tt.tile<bf16>>
// CHECK: tt.matmul_tiles %[[IN0]][%[[C0]]], %[[IN1]][%[[C1]]] -> dst[%[[C0]]] transpose_in1 : !tt.cb<0, 2 x !tt.tile<bf16>>, !tt.cb<1, 2 x !tt.tile<bf16>>
// CHECK: tt.transpose_wh_init %[[IN0]] : !tt.cb<0, 2 x !tt.tile<bf16>>
// CHECK: tt.transpose_wh_tile %[[IN0]][%[[C1]]] -> dst[%[[C0]]] : !tt.cb<0, 2 x !tt.tile<bf16>>
// GENERIC: "tt.compute_kernel_hw_startup"
// GENERIC: "tt.matmul_init"
// GENERIC: "tt.tile_regs_acquire"
// GENERIC: "tt.copy_tile_init"
// GENERIC: "tt.copy_tile"
// GENERIC: "tt.matmul_tiles"(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (!tt.cb<0, 2 x !tt.tile<bf16>>, !tt.cb<1, 2 x !tt.tile<bf16>>, i32, i32, i32) -> ()
// GENERIC: "tt.tile_regs_commit"
// GENERIC: "tt.tile_regs_wait"
// GENERIC: "tt.pack_tile"
// GENERIC: "tt.tile_regs_release"
// GENERIC: "tt.matmul_init"(%{{.*}}, %{{.*}}, %{{.*}}) : (!tt.cb<0, 2 x !tt.tile<bf16>>, !tt.cb<1, 2 x !tt.tile<bf16>>, i32) -> ()
// GENERIC: "tt.matmul_tiles"({{.*}}) <{transpose_in1}>
// GENERIC: "tt.transpose_wh_init"
// GENERIC: "tt.transpose_wh_tile"(%{{.*}}, %{{.*}}, %{{.*}}) : (!tt.cb<0, 2 x !tt.tile<bf16>>, i32, i32) -> ()
func.func @compute() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %in0 = tt.get_cb as "cb_in0" : !in0
  %in1 = tt.get_cb as "cb_in1" : !in1
  %out = tt.get_cb as "cb_out" : !out
  %part = tt.get_cb : !partials
  tt.compute_kernel_hw_startup %in0, %in1, %out : !in0, !in1, !out
  tt.matmul_init %in0, %in1 : !in0, !in1
  tt.tile_regs_acquire
  tt.copy_tile_init %part : !partials
  tt.copy_tile %part[%c0] -> dst[%c0] : !partials
  tt.matmul_tiles %in0[%c0], %in1[%c1] -> dst[%c0] : !in0, !in1
  tt.tile_regs_commit
  tt.tile_regs_wait
  tt.pack_tile dst[%c0] -> %out[%c1] : !out
  tt.tile_regs_release
  // B stored transposed: the unpacker transposes each in1 tile.
  tt.matmul_init %in0, %in1 transpose %c1 : !in0, !in1
  tt.matmul_tiles %in0[%c0], %in1[%c1] -> dst[%c0] transpose_in1 : !in0, !in1
  // A stored transposed: the unpacker transposes a tile into DST.
  tt.transpose_wh_init %in0 : !in0
  tt.transpose_wh_tile %in0[%c1] -> dst[%c0] : !in0
  return
}
