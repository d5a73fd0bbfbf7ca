// RUN: tt-opt %s --tt-lower-memory-space --split-input-file | FileCheck %s --implicit-check-not='{{ tl\.[a-z_]+}}'
// RUN: tt-opt %s --tt-lower-memory-space=cb-depth=4 --split-input-file | FileCheck %s --check-prefix=DEPTH

// The grid of C[64x96] = A[64x64] * B[64x96] in one-tile blocks:
// shared buffers become input CBs holding `stages` K steps, the fragment DST
// and a double-buffered output CB, the K loop an scf.for up to Kt, copies
// tile reads and writes, the gemm a block matmul.
// CHECK-LABEL: func.func @mm
// CHECK-SAME: (%[[A:[^:]*]]: memref<64x64xbf16>, %[[B:[^:]*]]: memref<64x96xbf16>, %[[C:[^:]*]]: memref<64x96xbf16>)
// CHECK-DAG: %[[IN0:.*]] = tt.get_cb as "cb_in0" : !tt.cb<0, 2 x !tt.tile<bf16>>
// CHECK-DAG: %[[IN1:.*]] = tt.get_cb as "cb_in1" : !tt.cb<1, 2 x !tt.tile<bf16>>
// CHECK-DAG: %[[OUT:.*]] = tt.get_cb as "cb_out" : !tt.cb<16, 2 x !tt.tile<bf16>>
// CHECK-DAG: %[[KT:.*]] = tt.runtime_param "Kt" = 2 : i32
// CHECK-DAG: %[[NT:.*]] = tt.runtime_param "Nt" = 3 : i32
// CHECK: tl.kernel [3, 2] as (%[[BX:.*]], %[[BY:.*]]) {
// CHECK-NEXT: %[[COL:.*]] = arith.index_castui %[[BX]] : index to i32
// CHECK-NEXT: %[[ROW:.*]] = arith.index_castui %[[BY]] : index to i32
// CHECK: tt.tile_regs_acquire
// CHECK: scf.for %[[K:.*]] = %{{.*}} to %[[KT]] step %{{.*}} : i32 {
// CHECK: tt.read_tiles %[[A]][%[[ROW]], %{{.*}}] tiles_per_row %[[KT]] block 1 x 1 -> %[[IN0]]
// CHECK: tt.read_tiles %[[B]][%{{.*}}, %[[COL]]] tiles_per_row %[[NT]] block 1 x 1 -> %[[IN1]]
// CHECK: tt.matmul_block %[[IN0]], %[[IN1]] block 1 x 1 x 1
// CHECK: } {tt.comment = "K loop: one K step of A and B blocks per iteration", tt.name = "kt"}
// CHECK: tt.pack_block %[[OUT]] count 1
// CHECK: tt.write_tiles %[[OUT]] -> %[[C]][%[[ROW]], %[[COL]]] tiles_per_row %[[NT]] block 1 x 1
// DEPTH-LABEL: func.func @mm
// DEPTH-DAG: tt.get_cb as "cb_in0" : !tt.cb<0, 4 x !tt.tile<bf16>>
// DEPTH-DAG: tt.get_cb as "cb_in1" : !tt.cb<1, 4 x !tt.tile<bf16>>
func.func @mm(%A: memref<64x64xbf16>, %B: memref<64x96xbf16>, %C: memref<64x96xbf16>)
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
    tl.copy %acc to %C[%row, %col] : memref<32x32xf32, #tl.scope<fragment>> to memref<64x96xbf16>
  }
  return
}

// -----

// A 2x2-tile fragment with fp32 accumulation: 4 tiles fit the 4 fp32 DST
// tiles, so no partials CB.
// CHECK-LABEL: func.func @fp32_fits
// CHECK-NOT: cb_partials
// CHECK: tl.kernel
// CHECK: tt.matmul_block %{{.*}}, %{{.*}} block 2 x 1 x 2 :
// CHECK: tt.pack_block %{{.*}} count 4
func.func @fp32_fits(%A: memref<64x32xbf16>, %B: memref<32x64xbf16>, %C: memref<64x64xf32>)
    attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = true>} {
  %c0 = arith.constant 0 : index
  tl.kernel [1, 1] as (%bx, %by) {
    %a = tl.alloc_shared : memref<64x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x64xbf16, #tl.scope<shared>>
    %acc = tl.alloc_fragment : memref<64x64xf32, #tl.scope<fragment>>
    tl.clear %acc : memref<64x64xf32, #tl.scope<fragment>>
    tl.pipelined %k in 1 stages 2 {
      tl.copy %A[%c0, %c0] to %a : memref<64x32xbf16> to memref<64x32xbf16, #tl.scope<shared>>
      tl.copy %B[%c0, %c0] to %b : memref<32x64xbf16> to memref<32x64xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %acc : memref<64x32xbf16, #tl.scope<shared>>, memref<32x64xbf16, #tl.scope<shared>>, memref<64x64xf32, #tl.scope<fragment>>
    }
    tl.copy %acc to %C[%c0, %c0] : memref<64x64xf32, #tl.scope<fragment>> to memref<64x64xf32>
  }
  return
}

// -----

// A 2x4-tile fragment exceeds the 4 fp32 DST tiles: 1x4 subblocks, partial
// sums in an f32 CB of the whole block.
// CHECK-LABEL: func.func @fp32_spills
// CHECK: tt.get_cb as "cb_partials" : !tt.cb<24, 8 x !tt.tile<f32>>
// CHECK: tl.kernel
// CHECK: tt.matmul_block %{{.*}}, %{{.*}} block 2 x 1 x 4 subblock 1 x 4 spill
func.func @fp32_spills(%A: memref<64x32xbf16>, %B: memref<32x128xbf16>, %C: memref<64x128xbf16>)
    attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = true>} {
  %c0 = arith.constant 0 : index
  tl.kernel [1, 1] as (%bx, %by) {
    %a = tl.alloc_shared : memref<64x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x128xbf16, #tl.scope<shared>>
    %acc = tl.alloc_fragment : memref<64x128xf32, #tl.scope<fragment>>
    tl.clear %acc : memref<64x128xf32, #tl.scope<fragment>>
    tl.pipelined %k in 1 stages 2 {
      tl.copy %A[%c0, %c0] to %a : memref<64x32xbf16> to memref<64x32xbf16, #tl.scope<shared>>
      tl.copy %B[%c0, %c0] to %b : memref<32x128xbf16> to memref<32x128xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %acc : memref<64x32xbf16, #tl.scope<shared>>, memref<32x128xbf16, #tl.scope<shared>>, memref<64x128xf32, #tl.scope<fragment>>
    }
    tl.copy %acc to %C[%c0, %c0] : memref<64x128xf32, #tl.scope<fragment>> to memref<64x128xbf16>
  }
  return
}

// -----

// C[64x96] = A[64x64] * B^T with B stored 96x64 (N x K): B's CB holds the
// stored 1x2-tile block (block-n x block-k), its rows are K tiles long (Kt),
// and the block matmul reads it transposed.
// CHECK-LABEL: func.func @transpose_b
// CHECK-SAME: (%[[A:[^:]*]]: memref<64x64xbf16>, %[[B:[^:]*]]: memref<96x64xbf16>, %[[C:[^:]*]]: memref<64x96xbf16>)
// CHECK-DAG: %[[IN1:.*]] = tt.get_cb as "cb_in1" : !tt.cb<1, 4 x !tt.tile<bf16>>
// CHECK-DAG: %[[KT:.*]] = tt.runtime_param "Kt" = 2 : i32
// CHECK-DAG: %[[NT:.*]] = tt.runtime_param "Nt" = 3 : i32
// CHECK: tl.kernel
// CHECK: tt.read_tiles %[[A]][%{{.*}}, %{{.*}}] tiles_per_row %[[KT]] block 1 x 2
// CHECK: tt.read_tiles %[[B]][%{{.*}}, %{{.*}}] tiles_per_row %[[KT]] block 1 x 2 -> %[[IN1]]
// CHECK: tt.matmul_block %{{.*}}, %[[IN1]] block 1 x 2 x 1 transpose_in1
// CHECK: tt.write_tiles %{{.*}} -> %[[C]][%{{.*}}, %{{.*}}] tiles_per_row %[[NT]] block 1 x 1
func.func @transpose_b(%A: memref<64x64xbf16>, %B: memref<96x64xbf16>, %C: memref<64x96xbf16>)
    attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %c32 = arith.constant 32 : index
  %c64 = arith.constant 64 : index
  tl.kernel [3, 2] as (%bx, %by) {
    %a = tl.alloc_shared : memref<32x64xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x64xbf16, #tl.scope<shared>>
    %acc = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    %row = arith.muli %by, %c32 : index
    %col = arith.muli %bx, %c32 : index
    tl.clear %acc : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 1 stages 2 {
      %kk = arith.muli %k, %c64 : index
      tl.copy %A[%row, %kk] to %a : memref<64x64xbf16> to memref<32x64xbf16, #tl.scope<shared>>
      tl.copy %B[%col, %kk] to %b : memref<96x64xbf16> to memref<32x64xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %acc transpose_b : memref<32x64xbf16, #tl.scope<shared>>, memref<32x64xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    tl.copy %acc to %C[%row, %col] : memref<32x32xf32, #tl.scope<fragment>> to memref<64x96xbf16>
  }
  return
}

// -----

// C[64x96] = A^T * B with A stored 64x64 (K x M): A's CB holds the stored
// 2x1-tile block (block-k x block-m), its rows are M tiles long (Mt); each K
// step transposes it into cb_in0_transposed (a 1x2 block) through DST, sets
// the engine up for matmul again, and multiplies from there; the partial sums
// spill to cb_partials, since DST is in use between K steps.
// CHECK-LABEL: func.func @transpose_a
// CHECK-SAME: (%[[A:[^:]*]]: memref<64x64xbf16>, %[[B:[^:]*]]: memref<64x96xbf16>, %[[C:[^:]*]]: memref<64x96xbf16>)
// CHECK-DAG: %[[IN0:.*]] = tt.get_cb as "cb_in0" : !tt.cb<0, 4 x !tt.tile<bf16>>
// CHECK-DAG: %[[IN1:.*]] = tt.get_cb as "cb_in1" : !tt.cb<1, 4 x !tt.tile<bf16>>
// CHECK-DAG: %[[IN0T:.*]] = tt.get_cb as "cb_in0_transposed" : !tt.cb<25, 2 x !tt.tile<bf16>>
// CHECK-DAG: %[[PART:.*]] = tt.get_cb as "cb_partials" : !tt.cb<24, 1 x !tt.tile<f32>>
// CHECK-DAG: %[[OUT:.*]] = tt.get_cb as "cb_out" : !tt.cb<16, {{[0-9]+}} x !tt.tile<bf16>>
// CHECK-DAG: %[[MT:.*]] = tt.runtime_param "Mt" = 2 : i32
// CHECK-DAG: %[[NT:.*]] = tt.runtime_param "Nt" = 3 : i32
// CHECK: tl.kernel
// CHECK: tt.read_tiles %[[A]][%{{.*}}, %{{.*}}] tiles_per_row %[[MT]] block 2 x 1 -> %[[IN0]]
// CHECK: tt.read_tiles %[[B]][%{{.*}}, %{{.*}}] tiles_per_row %[[NT]] block 2 x 1 -> %[[IN1]]
// CHECK: tt.transpose_block %[[IN0]] -> %[[IN0T]] block 2 x 1 packer %[[OUT]]
// CHECK-NEXT: tt.matmul_init %[[IN0T]], %[[IN1]] :
// CHECK-NEXT: tt.matmul_block %[[IN0T]], %[[IN1]] block 1 x 2 x 1 subblock 1 x 1 spill %[[PART]] -> %[[OUT]]
func.func @transpose_a(%A: memref<64x64xbf16>, %B: memref<64x96xbf16>, %C: memref<64x96xbf16>)
    attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %c32 = arith.constant 32 : index
  %c64 = arith.constant 64 : index
  tl.kernel [3, 2] as (%bx, %by) {
    %a = tl.alloc_shared : memref<64x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<64x32xbf16, #tl.scope<shared>>
    %acc = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    %row = arith.muli %by, %c32 : index
    %col = arith.muli %bx, %c32 : index
    tl.clear %acc : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 1 stages 2 {
      %kk = arith.muli %k, %c64 : index
      tl.copy %A[%kk, %row] to %a : memref<64x64xbf16> to memref<64x32xbf16, #tl.scope<shared>>
      tl.copy %B[%kk, %col] to %b : memref<64x96xbf16> to memref<64x32xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %acc transpose_a : memref<64x32xbf16, #tl.scope<shared>>, memref<64x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    tl.copy %acc to %C[%row, %col] : memref<32x32xf32, #tl.scope<fragment>> to memref<64x96xbf16>
  }
  return
}

// -----

// C += A * B with the block in DST: the reader brings C's block into cb_c_in
// (its rows are Nt tiles long, as C's store), the compute kernel acquires
// DST, copies the block in and sets the engine up for matmul again before
// the K loop.
// CHECK-LABEL: func.func @accumulate
// CHECK-SAME: (%[[A:[^:]*]]: memref<64x64xbf16>, %[[B:[^:]*]]: memref<64x96xbf16>, %[[C:[^:]*]]: memref<64x96xbf16>)
// CHECK-DAG: %[[IN0:.*]] = tt.get_cb as "cb_in0"
// CHECK-DAG: %[[IN1:.*]] = tt.get_cb as "cb_in1"
// CHECK-DAG: %[[CIN:.*]] = tt.get_cb as "cb_c_in" : !tt.cb<2, 1 x !tt.tile<bf16>>
// CHECK-DAG: %[[NT:.*]] = tt.runtime_param "Nt" = 3 : i32
// CHECK: tl.kernel
// CHECK: tt.read_tiles %[[C]][%[[ROW:.*]], %[[COL:.*]]] tiles_per_row %[[NT]] block 1 x 1 -> %[[CIN]]
// CHECK-NEXT: tt.tile_regs_acquire
// CHECK-NEXT: %[[ONE:.*]] = arith.constant 1 : i32
// CHECK-NEXT: tt.cb_wait_front %[[CIN]], %[[ONE]]
// CHECK-NEXT: tt.copy_tile_init %[[CIN]]
// CHECK: scf.for %[[T:.*]] = %{{.*}} to %{{.*}} step
// CHECK-NEXT: tt.copy_tile %[[CIN]][%[[T]]] -> dst[%[[T]]]
// CHECK-NEXT: } {tt.comment = "Load C's block into DST", tt.name = "tile"}
// CHECK-NEXT: tt.cb_pop_front %[[CIN]], %[[ONE]]
// CHECK-NEXT: tt.matmul_init %[[IN0]], %[[IN1]] :
// CHECK: scf.for
// CHECK: tt.matmul_block %[[IN0]], %[[IN1]] block 1 x 1 x 1
// CHECK: tt.write_tiles %{{.*}} -> %[[C]][%[[ROW]], %[[COL]]] tiles_per_row %[[NT]]
func.func @accumulate(%A: memref<64x64xbf16>, %B: memref<64x96xbf16>, %C: memref<64x96xbf16>)
    attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %c32 = arith.constant 32 : index
  tl.kernel [3, 2] as (%bx, %by) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %acc = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    %row = arith.muli %by, %c32 : index
    %col = arith.muli %bx, %c32 : index
    tl.copy %C[%row, %col] to %acc : memref<64x96xbf16> to memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 2 stages 2 {
      %kk = arith.muli %k, %c32 : index
      tl.copy %A[%row, %kk] to %a : memref<64x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%kk, %col] to %b : memref<64x96xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %acc : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    tl.copy %acc to %C[%row, %col] : memref<32x32xf32, #tl.scope<fragment>> to memref<64x96xbf16>
  }
  return
}


// -----

// B stored as block floating point (its #tt.shard says bfp8_b): cb_in1 holds
// bfp8_b tiles, read as stored; A and the output stay bf16.
// CHECK-LABEL: func.func @bfp8_weights
// CHECK-DAG: tt.get_cb as "cb_in0" : !tt.cb<0, 2 x !tt.tile<bf16>>
// CHECK-DAG: %[[IN1:.*]] = tt.get_cb as "cb_in1" : !tt.cb<1, 2 x !tt.tile<bfp8_b>>
// CHECK-DAG: tt.get_cb as "cb_out" : !tt.cb<16, 2 x !tt.tile<bf16>>
// CHECK: tl.kernel
// CHECK: tt.read_tiles %{{.*}} -> %[[IN1]]
func.func @bfp8_weights(%A: memref<32x64xbf16>, %B: memref<64x32xbf16> {tt.shard = #tt.shard<layout = dram_interleaved, tiles_y = 2, tiles_x = 1, page_size = 1088, format = bfp8_b>}, %C: memref<32x32xbf16>)
    attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = lofi, fp32_dest_acc = false>} {
  %c0 = arith.constant 0 : index
  %c32 = arith.constant 32 : index
  tl.kernel [1, 1] as (%bx, %by) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %acc = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    tl.clear %acc : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 2 stages 2 {
      %kk = arith.muli %k, %c32 : index
      tl.copy %A[%c0, %kk] to %a : memref<32x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%kk, %c0] to %b : memref<64x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %acc : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    tl.copy %acc to %C[%c0, %c0] : memref<32x32xf32, #tl.scope<fragment>> to memref<32x32xbf16>
  }
  return
}

// -----

// Region starts are affine expressions of the block indices and loop
// counters: aligned when the whole sum is a multiple of 32 for every value
// (bx * 16 + bx * 16 is bx * 32, whose tile is out_col itself), not only
// term by term.
// CHECK-LABEL: func.func @affine_starts
// CHECK: tl.kernel [3, 2] as (%[[BX:.*]], %{{.*}}) {
// CHECK-NEXT: %[[COL:.*]] = arith.index_castui %[[BX]] : index to i32
// CHECK: tt.read_tiles %{{.*}}[%{{.*}}, %[[COL]]] tiles_per_row
// CHECK: tt.write_tiles %{{.*}} -> %{{.*}}[%{{.*}}, %[[COL]]] tiles_per_row
func.func @affine_starts(%A: memref<64x64xbf16>, %B: memref<64x96xbf16>, %C: memref<64x96xbf16>)
    attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %c16 = arith.constant 16 : index
  %c32 = arith.constant 32 : index
  tl.kernel [3, 2] as (%bx, %by) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %acc = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    %row = arith.muli %by, %c32 : index
    %half = arith.muli %bx, %c16 : index
    %col = arith.addi %half, %half : index
    tl.clear %acc : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 2 stages 2 {
      %kk = arith.muli %k, %c32 : index
      tl.copy %A[%row, %kk] to %a : memref<64x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%kk, %col] to %b : memref<64x96xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %acc : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    tl.copy %acc to %C[%row, %col] : memref<32x32xf32, #tl.scope<fragment>> to memref<64x96xbf16>
  }
  return
}
