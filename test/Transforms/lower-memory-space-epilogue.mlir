// RUN: tt-opt %s --tt-lower-memory-space --split-input-file | FileCheck %s --implicit-check-not='{{ tl\.[a-z_]+}}'

// A bias and an activation on a one-tile block that stays in DST: the bias
// row's tile is read into cb_bias (two blocks deep) when the block starts,
// the result is packed to cb_partials (fp32), and tt.epilogue_block adds the
// bias, applies the steps and packs to cb_out.
// CHECK-LABEL: func.func @bias_gelu
// CHECK-SAME: %[[C:[^:]*]]: memref<64x96xbf16>, %[[BIAS:[^:]*]]: memref<96xbf16>)
// CHECK-DAG: %[[IN0:.*]] = tt.get_cb as "cb_in0"
// CHECK-DAG: %[[IN1:.*]] = tt.get_cb as "cb_in1"
// CHECK-DAG: %[[CBBIAS:.*]] = tt.get_cb as "cb_bias" : !tt.cb<3, 2 x !tt.tile<bf16>>
// CHECK-DAG: %[[PARTIALS:.*]] = tt.get_cb as "cb_partials" : !tt.cb<24, 1 x !tt.tile<f32>>
// CHECK-DAG: %[[OUT:.*]] = tt.get_cb as "cb_out" : !tt.cb<16, 2 x !tt.tile<bf16>>
// CHECK-DAG: %[[NT:.*]] = tt.runtime_param "Nt" = 3 : i32
// CHECK: tl.kernel [3, 2] as (%[[BX:.*]], %{{.*}}) {
// CHECK-NEXT: %[[COL:.*]] = arith.index_castui %[[BX]] : index to i32
// CHECK: tt.tile_regs_acquire
// CHECK: tt.read_tiles %[[BIAS]][%{{.*}}, %[[COL]]] tiles_per_row %[[NT]] block 1 x 1 -> %[[CBBIAS]] :
// CHECK: scf.for
// CHECK: tt.matmul_block %[[IN0]], %[[IN1]] block 1 x 1 x 1
// CHECK: }
// CHECK: tt.pack_block %[[PARTIALS]] count 1 :
// CHECK: tt.epilogue_block %[[PARTIALS]] -> %[[OUT]] block 1 x 1 subblock 1 x 1 bias %[[CBBIAS]] epilogue [#tt.activation<gelu>] matmul %[[IN0]], %[[IN1]] :
// CHECK: tt.write_tiles %[[OUT]] -> %[[C]]
func.func @bias_gelu(%A: memref<64x64xbf16>, %B: memref<64x96xbf16>, %C: memref<64x96xbf16>, %bias: memref<96xbf16>)
    attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %c32 = arith.constant 32 : index
  tl.kernel [3, 2] as (%bx, %by) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %acc = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    %row = arith.muli %by, %c32 : index
    %col = arith.muli %bx, %c32 : index
    tl.clear %acc : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 2 stages 2 {
      %kk = arith.muli %k, %c32 : index
      tl.copy %A[%row, %kk] to %a : memref<64x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%kk, %col] to %b : memref<64x96xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %acc : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    tl.add_bias %bias[%col] to %acc : memref<96xbf16> to memref<32x32xf32, #tl.scope<fragment>>
    tl.activation <gelu> %acc : memref<32x32xf32, #tl.scope<fragment>>
    tl.copy %acc to %C[%row, %col] : memref<32x32xf32, #tl.scope<fragment>> to memref<64x96xbf16>
  }
  return
}

// -----

// Steps without a bias on a block that stays in DST: they run on DST before
// its pack; no partials, no epilogue block.
// CHECK-LABEL: func.func @relu_in_dst
// CHECK-NOT: cb_partials
// CHECK: tl.kernel
// CHECK: tt.pack_block %{{.*}} count 1 epilogue [#tt.scale<2.500000e-01 : f32>, #tt.activation<relu>] :
// CHECK-NOT: tt.epilogue_block
func.func @relu_in_dst(%A: memref<32x32xbf16>, %B: memref<32x32xbf16>, %C: memref<32x32xbf16>)
    attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %c0 = arith.constant 0 : index
  tl.kernel [1, 1] as (%bx, %by) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %acc = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    tl.clear %acc : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 1 stages 2 {
      tl.copy %A[%c0, %c0] to %a : memref<32x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%c0, %c0] to %b : memref<32x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %acc : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    tl.scale %acc by 0.25 : memref<32x32xf32, #tl.scope<fragment>>
    tl.activation <relu> %acc : memref<32x32xf32, #tl.scope<fragment>>
    tl.copy %acc to %C[%c0, %c0] : memref<32x32xf32, #tl.scope<fragment>> to memref<32x32xbf16>
  }
  return
}

// -----

// A block larger than DST spills: the matmul leaves its result in the
// partial sums (out is cb_partials), the epilogue reads them subblock by
// subblock, and the writer drains subblocks.
// CHECK-LABEL: func.func @spilled
// CHECK: %[[PARTIALS:.*]] = tt.get_cb as "cb_partials" : !tt.cb<24, 16 x !tt.tile<f32>>
// CHECK: %[[OUT:.*]] = tt.get_cb as "cb_out"
// CHECK: tl.kernel
// CHECK: tt.matmul_block %{{.*}}, %{{.*}} block 4 x 1 x 4 subblock 2 x 4 spill %[[PARTIALS]] -> %[[PARTIALS]] step
// CHECK: tt.epilogue_block %[[PARTIALS]] -> %[[OUT]] block 4 x 4 subblock 2 x 4 epilogue [#tt.activation<silu>] matmul
// CHECK: tt.write_tiles %[[OUT]] -> %{{.*}} block 4 x 4 subblock 2 x 4
func.func @spilled(%A: memref<128x32xbf16>, %B: memref<32x128xbf16>, %C: memref<128x128xbf16>)
    attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %c0 = arith.constant 0 : index
  tl.kernel [1, 1] as (%bx, %by) {
    %a = tl.alloc_shared : memref<128x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x128xbf16, #tl.scope<shared>>
    %acc = tl.alloc_fragment : memref<128x128xf32, #tl.scope<fragment>>
    tl.clear %acc : memref<128x128xf32, #tl.scope<fragment>>
    tl.pipelined %k in 1 stages 2 {
      tl.copy %A[%c0, %c0] to %a : memref<128x32xbf16> to memref<128x32xbf16, #tl.scope<shared>>
      tl.copy %B[%c0, %c0] to %b : memref<32x128xbf16> to memref<32x128xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %acc : memref<128x32xbf16, #tl.scope<shared>>, memref<32x128xbf16, #tl.scope<shared>>, memref<128x128xf32, #tl.scope<fragment>>
    }
    tl.activation <silu> %acc : memref<128x128xf32, #tl.scope<fragment>>
    tl.copy %acc to %C[%c0, %c0] : memref<128x128xf32, #tl.scope<fragment>> to memref<128x128xbf16>
  }
  return
}
