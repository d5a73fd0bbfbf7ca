// RUN: tt-opt %s --tt-tensorize | FileCheck %s --implicit-check-not=tt.epilogue_block --implicit-check-not=tt.pack_block

!in0 = !tt.cb<0, 4 x !tt.tile<bf16>>
!in1 = !tt.cb<1, 4 x !tt.tile<bf16>>
!partials = !tt.cb<24, 4 x !tt.tile<f32>>
!bias = !tt.cb<3, 4 x !tt.tile<bf16>>
!out = !tt.cb<16, 8 x !tt.tile<bf16>>

// Steps on DST before the pack: each after its init, on every DST tile,
// before DST goes to the packer.
// CHECK-LABEL: func.func @steps_in_dst
// CHECK: %[[BITS:.*]] = arith.constant {tt.name = "scale_bits"} 1040187392 : i32
// CHECK: tt.matmul_tiles
// CHECK: tt.binop_with_scalar_tile_init {tt.comment = "Epilogue: scale the DST tiles"}
// CHECK: scf.for %[[T:.*]] =
// CHECK-NEXT: tt.mul_unary_tile dst[%[[T]]], %[[BITS]]
// CHECK: tt.relu_tile_init
// CHECK: scf.for %[[T2:.*]] =
// CHECK-NEXT: tt.relu_tile dst[%[[T2]]]
// CHECK: tt.tile_regs_commit
// CHECK: tt.pack_tile
func.func @steps_in_dst() attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %in0 = tt.get_cb : !in0
  %in1 = tt.get_cb : !in1
  %out = tt.get_cb : !out
  tt.tile_regs_acquire
  tt.matmul_block %in0, %in1 block 1 x 2 x 2 : !in0, !in1
  tt.pack_block %out count 2 epilogue [#tt.scale<1.250000e-01 : f32>, #tt.activation<relu>] : !out
  return
}

// The epilogue block with a bias: the bias row waits, the unpacker takes the
// result (source A) and the bias (source B), each subblock tile (i, j) adds
// bias tile sb_col * w + j, GELU runs on DST, the packer writes cb_out; then
// the unpacker, packer and matrix engine are set back for the matmul.
// CHECK-LABEL: func.func @bias_block
// CHECK-SAME: ()
// CHECK-DAG: %[[C1:.*]] = arith.constant 1 : i32
// CHECK-DAG: %[[C2:.*]] = arith.constant 2 : i32
// CHECK-DAG: %[[C0:.*]] = arith.constant 0 : i32
// CHECK: %[[IN0:.*]] = tt.get_cb : !tt.cb<0
// CHECK: %[[IN1:.*]] = tt.get_cb : !tt.cb<1
// CHECK: %[[P:.*]] = tt.get_cb : !tt.cb<24
// CHECK: %[[BIAS:.*]] = tt.get_cb : !tt.cb<3
// CHECK: %[[OUT:.*]] = tt.get_cb : !tt.cb<16
// CHECK: tt.cb_wait_front %[[BIAS]], %[[C2]] {tt.comment = "Epilogue: add the bias row
// CHECK-NEXT: tt.reconfig_data_format %[[P]], %[[BIAS]]
// CHECK-NEXT: tt.add_bcast_rows_init %[[P]], %[[BIAS]]
// CHECK-NEXT: tt.pack_reconfig_l1_acc %[[C0]]
// CHECK-NEXT: tt.pack_reconfig_data_format %[[OUT]]
// CHECK: scf.for %[[SBCOL:.*]] = %[[C0]] to %[[C2]]
// CHECK: tt.cb_wait_front %[[P]], %[[C1]]
// CHECK-NEXT: tt.tile_regs_acquire
// CHECK-NEXT: tt.add_tiles_bcast_rows %[[P]][%[[C0]]], %[[BIAS]][%[[SBCOL]]] -> dst[%[[C0]]]
// CHECK-NEXT: tt.gelu_tile_init
// CHECK-NEXT: tt.gelu_tile dst[%[[C0]]]
// CHECK-NEXT: tt.tile_regs_commit
// CHECK-NEXT: tt.cb_pop_front %[[P]], %[[C1]]
// CHECK-NEXT: tt.tile_regs_wait
// CHECK-NEXT: tt.cb_reserve_back %[[OUT]], %[[C1]]
// CHECK-NEXT: tt.pack_tile dst[%[[C0]]] -> %[[OUT]][%[[C0]]]
// CHECK-NEXT: tt.cb_push_back %[[OUT]], %[[C1]]
// CHECK-NEXT: tt.tile_regs_release
// CHECK: tt.cb_pop_front %[[BIAS]], %[[C2]]
// CHECK-NEXT: tt.reconfig_data_format %[[IN1]], %[[IN0]]
// CHECK-NEXT: tt.pack_reconfig_data_format %[[P]]
// CHECK-NEXT: tt.matmul_init %[[IN0]], %[[IN1]] :
func.func @bias_block() attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %in0 = tt.get_cb : !in0
  %in1 = tt.get_cb : !in1
  %partials = tt.get_cb : !partials
  %bias = tt.get_cb : !bias
  %out = tt.get_cb : !out
  tt.epilogue_block %partials -> %out block 1 x 2 subblock 1 x 1 bias %bias epilogue [#tt.activation<gelu>] matmul %in0, %in1 : !partials, !out, !in0, !in1, !bias
  return
}

// Without a bias the result is copied into DST.
// CHECK-LABEL: func.func @copy_block
// CHECK: tt.reconfig_data_format_srca %[[P:.*]] {tt.comment = "Epilogue: copy each subblock into DST
// CHECK-NEXT: tt.copy_tile_init %[[P]]
// CHECK: tt.copy_tile %[[P]][
// CHECK: tt.tanh_tile_init
// CHECK: tt.matmul_init %{{.*}}, %{{.*}} transpose
func.func @copy_block() attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %in0 = tt.get_cb : !in0
  %in1 = tt.get_cb : !in1
  %partials = tt.get_cb : !partials
  %out = tt.get_cb : !out
  tt.epilogue_block %partials -> %out block 2 x 2 subblock 2 x 2 epilogue [#tt.activation<tanh>] matmul %in0, %in1 transpose_in1 : !partials, !out, !in0, !in1
  return
}
