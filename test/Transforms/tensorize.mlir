// RUN: tt-opt %s --tt-tensorize | FileCheck %s

!in0 = !tt.cb<0, 4 x !tt.tile<bf16>>
!in1 = !tt.cb<1, 4 x !tt.tile<bf16>>
!out = !tt.cb<16, 8 x !tt.tile<bf16>>

// CHECK-LABEL: func.func @one_tile
// CHECK-DAG: %[[C0:.*]] = arith.constant 0 : i32
// CHECK-DAG: %[[C1:.*]] = arith.constant 1 : i32
// CHECK: tt.cb_wait_front %[[IN0:.*]], %[[C1]]
// CHECK-NEXT: tt.cb_wait_front %[[IN1:.*]], %[[C1]]
// CHECK-NEXT: tt.matmul_tiles %[[IN0]][%[[C0]]], %[[IN1]][%[[C0]]] -> dst[%[[C0]]]
// CHECK-NEXT: tt.cb_pop_front %[[IN0]], %[[C1]]
// CHECK-NEXT: tt.cb_pop_front %[[IN1]], %[[C1]]
// CHECK: tt.tile_regs_commit
// CHECK-NEXT: tt.cb_reserve_back %[[OUT:.*]], %[[C1]]
// CHECK-NEXT: tt.tile_regs_wait
// CHECK-NEXT: tt.pack_tile dst[%[[C0]]] -> %[[OUT]][%[[C0]]]
// CHECK-NEXT: tt.tile_regs_release
// CHECK-NEXT: tt.cb_push_back %[[OUT]], %[[C1]]
// CHECK-NOT: tt.matmul_block
// CHECK-NOT: tt.pack_block
func.func @one_tile() {
  %in0 = tt.get_cb : !in0
  %in1 = tt.get_cb : !in1
  %out = tt.get_cb : !out
  tt.tile_regs_acquire
  tt.matmul_block %in0, %in1 block 1 x 1 x 1 : !in0, !in1
  tt.pack_block %out count 1 : !out
  return
}

// A 2x2x2 block: C[i][j] += A[i][k] * B[k][j] with A and B row-major in their
// CBs and C row-major in DST.
// CHECK-LABEL: func.func @block
// CHECK: tt.cb_wait_front %{{.*}}, %[[FOUR:.*]] : !tt.cb<0
// CHECK: tt.matmul_tiles %{{.*}}[%[[I0:.*]]], %{{.*}}[%[[I0]]] -> dst[%[[I0]]]
// CHECK-NEXT: tt.matmul_tiles %{{.*}}[%[[I1:.*]]], %{{.*}}[%[[I2:.*]]] -> dst[%[[I0]]]
// CHECK-NEXT: tt.matmul_tiles %{{.*}}[%[[I0]]], %{{.*}}[%[[I1]]] -> dst[%[[I1]]]
// CHECK-NEXT: tt.matmul_tiles %{{.*}}[%[[I1]]], %{{.*}}[%[[I3:.*]]] -> dst[%[[I1]]]
// CHECK-NEXT: tt.matmul_tiles %{{.*}}[%[[I2]]], %{{.*}}[%[[I0]]] -> dst[%[[I2]]]
// CHECK-NEXT: tt.matmul_tiles %{{.*}}[%[[I3]]], %{{.*}}[%[[I2]]] -> dst[%[[I2]]]
// CHECK-NEXT: tt.matmul_tiles %{{.*}}[%[[I2]]], %{{.*}}[%[[I1]]] -> dst[%[[I3]]]
// CHECK-NEXT: tt.matmul_tiles %{{.*}}[%[[I3]]], %{{.*}}[%[[I3]]] -> dst[%[[I3]]]
// CHECK: tt.pack_tile dst[%[[I0]]] -> %{{.*}}[%[[I0]]]
// CHECK-NEXT: tt.pack_tile dst[%[[I1]]] -> %{{.*}}[%[[I1]]]
// CHECK-NEXT: tt.pack_tile dst[%[[I2]]] -> %{{.*}}[%[[I2]]]
// CHECK-NEXT: tt.pack_tile dst[%[[I3]]] -> %{{.*}}[%[[I3]]]
func.func @block() {
  %in0 = tt.get_cb : !in0
  %in1 = tt.get_cb : !in1
  %out = tt.get_cb : !out
  tt.tile_regs_acquire
  tt.matmul_block %in0, %in1 block 2 x 2 x 2 : !in0, !in1
  tt.pack_block %out count 4 : !out
  return
}
