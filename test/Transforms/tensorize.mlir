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
func.func @one_tile() attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %in0 = tt.get_cb : !in0
  %in1 = tt.get_cb : !in1
  %out = tt.get_cb : !out
  tt.tile_regs_acquire
  tt.matmul_block %in0, %in1 block 1 x 1 x 1 : !in0, !in1
  tt.pack_block %out count 1 : !out
  return
}

// A 2x2x2 block: C[i][j] += A[i][k] * B[k][j] with A and B row-major in their
// CBs and C row-major in DST, as loops over h, w, inner (named for the C++).
// CHECK-LABEL: func.func @block
// CHECK-DAG: %[[C2:.*]] = arith.constant 2 : i32
// CHECK-DAG: %[[C4:.*]] = arith.constant 4 : i32
// CHECK: tt.cb_wait_front %[[A:.*]], %[[C4]] : !tt.cb<0
// CHECK: tt.cb_wait_front %[[B:.*]], %[[C4]] : !tt.cb<1
// CHECK: scf.for %[[I:.*]] = %{{.*}} to %[[C2]]
// CHECK-NEXT: %[[IK:.*]] = arith.muli %[[I]], %[[C2]] {tt.name = "in0_row_offset"}
// CHECK-NEXT: %[[IW:.*]] = arith.muli %[[I]], %[[C2]] {tt.name = "dst_row_offset"}
// CHECK-NEXT: scf.for %[[J:.*]] = %{{.*}} to %[[C2]]
// CHECK-NEXT: scf.for %[[K:.*]] = %{{.*}} to %[[C2]]
// CHECK-NEXT: %[[AT:.*]] = arith.addi %[[IK]], %[[K]] {tt.name = "in0_tile"}
// CHECK-NEXT: %[[KN:.*]] = arith.muli %[[K]], %[[C2]]
// CHECK-NEXT: %[[BT:.*]] = arith.addi %[[KN]], %[[J]] {tt.name = "in1_tile"}
// CHECK-NEXT: %[[DT:.*]] = arith.addi %[[IW]], %[[J]] {tt.name = "dst_tile"}
// CHECK-NEXT: tt.matmul_tiles %[[A]][%[[AT]]], %[[B]][%[[BT]]] -> dst[%[[DT]]]
// CHECK: tt.cb_pop_front %[[A]], %[[C4]]
// CHECK: tt.cb_reserve_back %[[OUT:.*]], %[[C4]]
// CHECK: scf.for %[[T:.*]] = %{{.*}} to %[[C4]]
// CHECK-NEXT: tt.pack_tile dst[%[[T]]] -> %[[OUT]][%[[T]]]
func.func @block() attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %in0 = tt.get_cb : !in0
  %in1 = tt.get_cb : !in1
  %out = tt.get_cb : !out
  tt.tile_regs_acquire
  tt.matmul_block %in0, %in1 block 2 x 2 x 2 : !in0, !in1
  tt.pack_block %out count 4 : !out
  return
}

// A 4x1x4 block exceeds DST: 2x4 subblocks, partial sums in an f32 CB that
// holds the block. The first K step packs them there, the middle steps pack
// onto them with the packer's L1 accumulation (popping and reserving the
// subblock's pages again, so the pack lands on them), the last step reloads
// them into DST and packs the result to the output.
// CHECK-LABEL: func.func @spilled
// CHECK-SAME: (%[[STEP:.*]]: i32, %[[STEPS:.*]]: i32)
// CHECK-DAG: %[[C0:.*]] = arith.constant 0 : i32
// CHECK-DAG: %[[C1:.*]] = arith.constant 1 : i32
// CHECK-DAG: %[[C2:.*]] = arith.constant 2 : i32
// CHECK-DAG: %[[C8:.*]] = arith.constant 8 : i32
// CHECK: %[[IN0:.*]] = tt.get_cb : !tt.cb<0
// CHECK: %[[IN1:.*]] = tt.get_cb : !tt.cb<1
// CHECK: %[[PART:.*]] = tt.get_cb : !tt.cb<24
// CHECK: %[[OUT:.*]] = tt.get_cb : !tt.cb<16
// CHECK: %[[NOT_FIRST:.*]] = arith.cmpi ne, %[[STEP]], %[[C0]]
// CHECK: %[[LAST_STEP:.*]] = arith.subi %[[STEPS]], %[[C1]]
// CHECK: %[[LAST:.*]] = arith.cmpi eq, %[[STEP]], %[[LAST_STEP]]
// CHECK: %[[RELOAD:.*]] = arith.andi %[[NOT_FIRST]], %[[LAST]]
// CHECK: %[[NOT_LAST:.*]] = arith.cmpi ne, %[[STEP]], %[[LAST_STEP]]
// CHECK: %[[MIDDLE:.*]] = arith.andi %[[NOT_FIRST]], %[[NOT_LAST]]
// bf16 output, fp32 partials: the packer is set for the CB each step packs to.
// CHECK: scf.if %[[LAST]] {
// CHECK-NEXT: tt.pack_reconfig_data_format %[[OUT]]
// CHECK-NEXT: } else {
// CHECK-NEXT: tt.pack_reconfig_data_format %[[PART]]
// CHECK: %[[ACC:.*]] = arith.extui %[[MIDDLE]] {tt.name = "accumulate_in_l1"} : i1 to i32
// CHECK: tt.pack_reconfig_l1_acc %[[ACC]]
// One subblock column (n = 4 = w), two subblock rows:
// CHECK: scf.for %[[SB:.*]] = %[[C0]] to %[[C2]] step %[[C1]]
// CHECK-NEXT: tt.tile_regs_acquire
// CHECK-NEXT: scf.if %[[RELOAD]] {
// CHECK-NEXT: tt.cb_wait_front %[[PART]], %[[C8]]
// CHECK-NEXT: tt.reconfig_data_format_srca %[[PART]]
// CHECK-NEXT: tt.copy_tile_init %[[PART]]
// CHECK-NEXT: scf.for %[[T:.*]] = %[[C0]] to %[[C8]]
// CHECK-NEXT: tt.copy_tile %[[PART]][%[[T]]] -> dst[%[[T]]]
// CHECK: tt.cb_pop_front %[[PART]], %[[C8]]
// CHECK-NEXT: tt.reconfig_data_format_srca %[[IN1]]
// CHECK-NEXT: tt.matmul_init %[[IN0]], %[[IN1]]
// CHECK: tt.matmul_tiles
// CHECK: tt.tile_regs_commit
// CHECK-NEXT: tt.tile_regs_wait
// CHECK-NEXT: scf.if %[[LAST]] {
// CHECK-NEXT: tt.cb_reserve_back %[[OUT]], %[[C8]]
// CHECK: tt.pack_tile dst[%{{.*}}] -> %[[OUT]]
// CHECK: tt.cb_push_back %[[OUT]], %[[C8]]
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.if %[[NOT_FIRST]] {
// CHECK-NEXT: tt.cb_wait_front %[[PART]], %[[C8]]
// CHECK-NEXT: tt.cb_pop_front %[[PART]], %[[C8]]
// CHECK-NEXT: }
// CHECK-NEXT: tt.cb_reserve_back %[[PART]], %[[C8]]
// CHECK: tt.pack_tile dst[%{{.*}}] -> %[[PART]]
// CHECK: tt.cb_push_back %[[PART]], %[[C8]]
// CHECK: tt.tile_regs_release
func.func @spilled(%step: i32, %steps: i32) attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %in0 = tt.get_cb : !tt.cb<0, 8 x !tt.tile<bf16>>
  %in1 = tt.get_cb : !tt.cb<1, 8 x !tt.tile<bf16>>
  %part = tt.get_cb : !tt.cb<24, 16 x !tt.tile<f32>>
  %out = tt.get_cb : !tt.cb<16, 32 x !tt.tile<bf16>>
  tt.matmul_block %in0, %in1 block 4 x 1 x 4 subblock 2 x 4 spill %part -> %out step %step of %steps
      : !tt.cb<0, 8 x !tt.tile<bf16>>, !tt.cb<1, 8 x !tt.tile<bf16>>, !tt.cb<24, 16 x !tt.tile<f32>>, !tt.cb<16, 32 x !tt.tile<bf16>>
  return
}

// A 2x2x2 block of A * B^T: in1 holds B's block as stored (n x k tiles), so
// B's tile (inner, w) is in1 tile w * k + inner, and each matmul_tiles is
// marked transpose_in1 (its init transposes in1 tiles).
// CHECK-LABEL: func.func @block_transpose_in1
// CHECK-DAG: %[[C2:.*]] = arith.constant 2 : i32
// CHECK: scf.for %[[I:.*]] = %{{.*}} to %[[C2]]
// CHECK: scf.for %[[J:.*]] = %{{.*}} to %[[C2]]
// CHECK-NEXT: scf.for %[[K:.*]] = %{{.*}} to %[[C2]]
// CHECK-NEXT: %[[AT:.*]] = arith.addi %{{.*}}, %[[K]] {tt.name = "in0_tile"}
// CHECK-NEXT: %[[JK:.*]] = arith.muli %[[J]], %[[C2]]
// CHECK-NEXT: %[[BT:.*]] = arith.addi %[[JK]], %[[K]] {tt.name = "in1_tile"}
// CHECK-NEXT: %[[DT:.*]] = arith.addi %{{.*}}, %[[J]] {tt.name = "dst_tile"}
// CHECK-NEXT: tt.matmul_tiles %{{.*}}[%[[AT]]], %{{.*}}[%[[BT]]] -> dst[%[[DT]]] transpose_in1
func.func @block_transpose_in1() attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %in0 = tt.get_cb : !in0
  %in1 = tt.get_cb : !in1
  %out = tt.get_cb : !out
  tt.tile_regs_acquire
  tt.matmul_block %in0, %in1 block 2 x 2 x 2 transpose_in1 : !in0, !in1
  tt.pack_block %out count 4 : !out
  return
}

// Spilled, the reload path sets the engine up again with the transpose.
// CHECK-LABEL: func.func @spilled_transpose_in1
// CHECK: %[[ONE:.*]] = arith.constant 1 : i32
// CHECK: tt.copy_tile
// CHECK: tt.matmul_init %{{.*}}, %{{.*}} transpose %[[ONE]]
// CHECK: tt.matmul_tiles {{.*}} transpose_in1
func.func @spilled_transpose_in1(%step: i32, %steps: i32) attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %in0 = tt.get_cb : !tt.cb<0, 8 x !tt.tile<bf16>>
  %in1 = tt.get_cb : !tt.cb<1, 8 x !tt.tile<bf16>>
  %part = tt.get_cb : !tt.cb<24, 16 x !tt.tile<f32>>
  %out = tt.get_cb : !tt.cb<16, 32 x !tt.tile<bf16>>
  tt.matmul_block %in0, %in1 block 4 x 1 x 4 transpose_in1 subblock 2 x 4 spill %part -> %out step %step of %steps
      : !tt.cb<0, 8 x !tt.tile<bf16>>, !tt.cb<1, 8 x !tt.tile<bf16>>, !tt.cb<24, 16 x !tt.tile<f32>>, !tt.cb<16, 32 x !tt.tile<bf16>>
  return
}

// A^T's block: a stored 2x1 block (k x m) of cb_in0 becomes the 1x2 block
// of cb_in0_transposed, tile by tile through DST (transpose_wh_tile), packed
// without L1 accumulation in the transposed CB's format, the packer set back
// to the output's format afterwards.
// CHECK-LABEL: func.func @transpose_block
// CHECK-DAG: %[[C0:.*]] = arith.constant 0 : i32
// CHECK-DAG: %[[C2:.*]] = arith.constant 2 : i32
// CHECK: tt.cb_wait_front %[[IN:.*]], %[[C2]] : !tt.cb<0
// CHECK-NEXT: tt.cb_reserve_back %[[T:.*]], %[[C2]] {tt.comment = "Transpose the block{{.*}}"} : !tt.cb<25
// CHECK-NEXT: tt.pack_reconfig_l1_acc %[[C0]]
// CHECK-NEXT: tt.pack_reconfig_data_format %[[T]]
// CHECK-NEXT: tt.transpose_wh_init %[[IN]]
// CHECK-NEXT: scf.for %[[I:.*]] = %[[C0]] to %[[C2]]
// CHECK-NEXT: tt.tile_regs_acquire
// CHECK-NEXT: tt.transpose_wh_tile %[[IN]][%[[I]]] -> dst[%[[C0]]]
// CHECK-NEXT: tt.tile_regs_commit
// CHECK-NEXT: tt.tile_regs_wait
// CHECK-NEXT: tt.pack_tile dst[%[[C0]]] -> %[[T]][%[[I]]]
// CHECK-NEXT: tt.tile_regs_release
// CHECK: tt.pack_reconfig_data_format %[[OUT:.*]] : !tt.cb<16
// CHECK-NEXT: tt.cb_push_back %[[T]], %[[C2]]
// CHECK-NEXT: tt.cb_pop_front %[[IN]], %[[C2]]
func.func @transpose_block() attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %in0 = tt.get_cb : !in0
  %t = tt.get_cb : !tt.cb<25, 2 x !tt.tile<bf16>>
  %out = tt.get_cb : !out
  tt.transpose_block %in0 -> %t block 2 x 1 packer %out : !in0, !tt.cb<25, 2 x !tt.tile<bf16>>, !out
  return
}

// A 2x3 block: out tile (i, j) of the 3x2 result is in's tile (j, i), at
// j * 3 + i, packed in order.
// CHECK-LABEL: func.func @transpose_block_2x3
// CHECK-DAG: %[[C3:.*]] = arith.constant 3 : i32
// CHECK: scf.for %[[I:.*]] = %{{.*}} to %[[C3]]
// CHECK-NEXT: scf.for %[[J:.*]] = %{{.*}} to %{{.*}}
// CHECK-NEXT: %[[J3:.*]] = arith.muli %[[J]], %[[C3]]
// CHECK-NEXT: %[[SRC:.*]] = arith.addi %[[J3]], %[[I]] {tt.name = "source_tile"}
// CHECK: tt.transpose_wh_tile %{{.*}}[%[[SRC]]] -> dst
func.func @transpose_block_2x3() attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %in0 = tt.get_cb : !tt.cb<0, 6 x !tt.tile<bf16>>
  %t = tt.get_cb : !tt.cb<25, 6 x !tt.tile<bf16>>
  %out = tt.get_cb : !out
  tt.transpose_block %in0 -> %t block 2 x 3 packer %out : !tt.cb<0, 6 x !tt.tile<bf16>>, !tt.cb<25, 6 x !tt.tile<bf16>>, !out
  return
}

// C += A * B, spilled: before the first K step C's block (row-major in
// cb_c_in) is copied subblock by subblock into the partial sums (packed
// without L1 accumulation, in their fp32 format), so every K step has partial
// sums: the first one accumulates onto them in L1 too.
// CHECK-LABEL: func.func @spilled_initial
// CHECK-SAME: (%[[STEP:.*]]: i32, %[[STEPS:.*]]: i32)
// CHECK-DAG: %[[C0:.*]] = arith.constant 0 : i32
// CHECK-DAG: %[[C16:.*]] = arith.constant 16 : i32
// CHECK-DAG: %[[C4:.*]] = arith.constant 4 : i32
// CHECK: %[[FIRST:.*]] = arith.cmpi eq, %[[STEP]], %[[C0]] {tt.name = "is_first_step"}
// CHECK-NEXT: scf.if %[[FIRST]] {
// CHECK-NEXT: tt.cb_wait_front %[[CIN:.*]], %[[C16]] : !tt.cb<2
// CHECK-NEXT: tt.pack_reconfig_l1_acc %[[C0]]
// CHECK-NEXT: tt.pack_reconfig_data_format %[[PART:.*]] : !tt.cb<24
// CHECK-NEXT: tt.copy_tile_init %[[CIN]]
// CHECK: %[[TILE:.*]] = arith.addi %{{.*}}, %{{.*}} {tt.name = "c_tile"}
// CHECK: tt.copy_tile %[[CIN]][%[[TILE]]] -> dst
// CHECK: tt.pack_tile dst[%{{.*}}] -> %[[PART]]
// CHECK: tt.cb_pop_front %[[CIN]], %[[C16]]
// CHECK-NEXT: tt.matmul_init
// CHECK-NEXT: } {tt.comment = "C += A * B: the first K step starts from C's block, packed into the partial sums"}
// CHECK: %[[LAST:.*]] = arith.subi %[[STEPS]], %{{.*}} {tt.name = "last_step"}
// CHECK: %[[ISLAST:.*]] = arith.cmpi eq, %[[STEP]], %[[LAST]] {tt.name = "is_last_step"}
// CHECK: %[[MIDDLE:.*]] = arith.cmpi ne, %[[STEP]], %[[LAST]]
// CHECK: %[[ACC:.*]] = arith.extui %[[MIDDLE]] {tt.name = "accumulate_in_l1"}
// CHECK: scf.if %[[ISLAST]] {
// CHECK-NEXT: tt.cb_wait_front %[[PART]], %{{.*}}
func.func @spilled_initial(%step: i32, %steps: i32) attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %in0 = tt.get_cb : !tt.cb<0, 8 x !tt.tile<bf16>>
  %in1 = tt.get_cb : !tt.cb<1, 8 x !tt.tile<bf16>>
  %part = tt.get_cb : !tt.cb<24, 16 x !tt.tile<f32>>
  %out = tt.get_cb : !tt.cb<16, 32 x !tt.tile<bf16>>
  %cin = tt.get_cb : !tt.cb<2, 16 x !tt.tile<bf16>>
  tt.matmul_block %in0, %in1 block 4 x 1 x 4 subblock 2 x 4 spill %part -> %out step %step of %steps from %cin
      : !tt.cb<0, 8 x !tt.tile<bf16>>, !tt.cb<1, 8 x !tt.tile<bf16>>, !tt.cb<24, 16 x !tt.tile<f32>>, !tt.cb<16, 32 x !tt.tile<bf16>>, !tt.cb<2, 16 x !tt.tile<bf16>>
  return
}

// A partial K step (valid_k): the inner loop runs to the step's valid tiles,
// not the block's 2; the CBs still wait for and pop whole blocks. Spilled,
// every subblock's inner loop does the same.
// CHECK-LABEL: func.func @partial_k_step
// CHECK-SAME: (%[[VALID:.*]]: i32, %[[STEP:.*]]: i32, %[[STEPS:.*]]: i32)
// CHECK-DAG: %[[C4:.*]] = arith.constant 4 : i32
// CHECK: tt.cb_wait_front %[[A:.*]], %[[C4]] : !tt.cb<0
// CHECK: scf.for %[[K:.*]] = %{{.*}} to %[[VALID]]
// CHECK-NEXT: %[[AT:.*]] = arith.addi %{{.*}}, %[[K]] {tt.name = "in0_tile"}
// CHECK: tt.matmul_tiles %[[A]][%[[AT]]]
// CHECK: tt.cb_pop_front %[[A]], %[[C4]]
// CHECK: scf.for %{{.*}} = %{{.*}} to %[[VALID]]
// CHECK: tt.matmul_tiles
func.func @partial_k_step(%valid: i32, %step: i32, %steps: i32) attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %in0 = tt.get_cb : !in0
  %in1 = tt.get_cb : !in1
  %out = tt.get_cb : !out
  %part = tt.get_cb : !tt.cb<24, 4 x !tt.tile<f32>>
  tt.tile_regs_acquire
  tt.matmul_block %in0, %in1 block 2 x 2 x 2 valid_k %valid : !in0, !in1
  tt.pack_block %out count 4 : !out
  tt.matmul_block %in0, %in1 block 2 x 2 x 2 valid_k %valid subblock 1 x 2 spill %part -> %out step %step of %steps : !in0, !in1, !tt.cb<24, 4 x !tt.tile<f32>>, !out
  return
}
