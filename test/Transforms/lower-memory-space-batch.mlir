// RUN: tt-opt %s --tt-lower-memory-space --split-input-file | FileCheck %s --implicit-check-not='{{ tl\.[a-z_]+}}'

// A batch of three products sharing B: C[i] = A[i] * B with A 3x96x64 (3
// tile rows and 2 tile columns per matrix), in 64x32 blocks (2 x 1 tiles).
// Matrix i of A and C starts at tile row i * Mt, so a block's first row is
// matrix * Mt + its row in the matrix; the edge its reads and writes stop at
// moves with it (the block does not divide Mt = 3). B has no batch index.
// CHECK-LABEL: func.func @batch_shared_b
// CHECK-SAME: (%[[A:[^:]*]]: memref<3x96x64xbf16>, %[[B:[^:]*]]: memref<64x32xbf16>, %[[C:[^:]*]]: memref<3x96x32xbf16>)
// CHECK-DAG: %[[MT:.*]] = tt.runtime_param "Mt" = 3 : i32
// CHECK-DAG: %[[KT:.*]] = tt.runtime_param "Kt" = 2 : i32
// CHECK: tl.kernel [1, 2, 3] as (%{{.*}}, %{{.*}}, %[[BZX:.*]]) {
// CHECK: %[[BZ:.*]] = arith.index_castui %[[BZX]] : index to i32
// CHECK: scf.for
// CHECK: %[[AFIRST:.*]] = arith.muli %[[BZ]], %[[MT]] : i32
// CHECK: %[[AROW:.*]] = arith.addi %[[AFIRST]], %{{.*}} : i32
// CHECK: %[[AEDGE:.*]] = arith.addi %[[AFIRST]], %[[MT]] : i32
// CHECK: tt.read_tiles %[[A]][%[[AROW]], %{{.*}}] tiles_per_row %[[KT]] block 2 x 1 -> %{{.*}} row_limit %[[AEDGE]] :
// CHECK: tt.read_tiles %[[B]][%{{.*}}, %{{.*}}] tiles_per_row %{{.*}} block 1 x 1 -> %{{.*}} :
// CHECK: tt.matmul_block
// CHECK: %[[CFIRST:.*]] = arith.muli %[[BZ]], %[[MT]] : i32
// CHECK: %[[CROW:.*]] = arith.addi %[[CFIRST]], %{{.*}} : i32
// CHECK: %[[CEDGE:.*]] = arith.addi %[[CFIRST]], %[[MT]] : i32
// CHECK: tt.write_tiles %{{.*}} -> %[[C]][%[[CROW]], %{{.*}}] tiles_per_row %{{.*}} block 2 x 1 row_limit %[[CEDGE]] :
func.func @batch_shared_b(%A: memref<3x96x64xbf16>, %B: memref<64x32xbf16>, %C: memref<3x96x32xbf16>)
    attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %c32 = arith.constant 32 : index
  %c64 = arith.constant 64 : index
  tl.kernel [1, 2, 3] as (%bx, %by, %bz) {
    %a = tl.alloc_shared : memref<64x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %acc = tl.alloc_fragment : memref<64x32xf32, #tl.scope<fragment>>
    %row = arith.muli %by, %c64 : index
    %col = arith.muli %bx, %c32 : index
    tl.clear %acc : memref<64x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 2 stages 2 {
      %kk = arith.muli %k, %c32 : index
      tl.copy %A[%bz, %row, %kk] to %a : memref<3x96x64xbf16> to memref<64x32xbf16, #tl.scope<shared>>
      tl.copy %B[%kk, %col] to %b : memref<64x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %acc : memref<64x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<64x32xf32, #tl.scope<fragment>>
    }
    tl.copy %acc to %C[%bz, %row, %col] : memref<64x32xf32, #tl.scope<fragment>> to memref<3x96x32xbf16>
  }
  return
}

// -----

// Both batched, B transposed (stored N x K: 3 x 64 x 64): B's matrix i
// starts at tile row i * Nt. Blocks divide every matrix, so no limits.
// CHECK-LABEL: func.func @batch_transposed_b
// CHECK-DAG: %[[NT:.*]] = tt.runtime_param "Nt" = 2 : i32
// CHECK: tl.kernel [2, 2, 3]
// CHECK: tt.read_tiles
// CHECK: %[[BFIRST:.*]] = arith.muli %{{.*}}, %[[NT]] : i32
// CHECK: %[[BROW:.*]] = arith.addi %[[BFIRST]], %{{.*}} : i32
// CHECK-NOT: arith.addi %[[BFIRST]]
// CHECK: tt.read_tiles %{{.*}}[%[[BROW]], %{{.*}}] tiles_per_row %{{.*}} block 1 x 1 -> %{{.*}} :
func.func @batch_transposed_b(%A: memref<3x64x64xbf16>, %B: memref<3x64x64xbf16>, %C: memref<3x64x64xbf16>)
    attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %c32 = arith.constant 32 : index
  tl.kernel [2, 2, 3] as (%bx, %by, %bz) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %acc = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    %row = arith.muli %by, %c32 : index
    %col = arith.muli %bx, %c32 : index
    tl.clear %acc : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 2 stages 2 {
      %kk = arith.muli %k, %c32 : index
      tl.copy %A[%bz, %row, %kk] to %a : memref<3x64x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%bz, %col, %kk] to %b : memref<3x64x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %acc transpose_b : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    tl.copy %acc to %C[%bz, %row, %col] : memref<32x32xf32, #tl.scope<fragment>> to memref<3x64x64xbf16>
  }
  return
}

// -----

// A batch folded into one matmul of stacked rows (tl-fold-shared-batch):
// the copies read and write stacked views of A and C; the transfers go to
// the buffers themselves (matrix i's rows are stacked tile rows i * Mt ..),
// and the views are dropped.
// CHECK-LABEL: func.func @stacked
// CHECK-SAME: (%[[A:[^:]*]]: memref<2x64x64xbf16>, %[[B:[^:]*]]: memref<64x32xbf16>, %[[C:[^:]*]]: memref<2x64x32xbf16>)
// CHECK-NOT: memref.collapse_shape
// CHECK: tl.kernel [1, 4]
// CHECK: tt.read_tiles %[[A]][%{{.*}}, %{{.*}}] tiles_per_row %{{.*}} block 1 x 1 -> %{{.*}} :
// CHECK-SAME: memref<2x64x64xbf16>
// CHECK: tt.read_tiles %[[B]]
// CHECK: tt.write_tiles %{{.*}} -> %[[C]][%{{.*}}, %{{.*}}]
// CHECK-SAME: memref<2x64x32xbf16>
func.func @stacked(%A: memref<2x64x64xbf16>, %B: memref<64x32xbf16>, %C: memref<2x64x32xbf16>)
    attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %A2 = memref.collapse_shape %A [[0, 1], [2]] : memref<2x64x64xbf16> into memref<128x64xbf16>
  %C2 = memref.collapse_shape %C [[0, 1], [2]] : memref<2x64x32xbf16> into memref<128x32xbf16>
  %c32 = arith.constant 32 : index
  tl.kernel [1, 4] as (%bx, %by) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %acc = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    %row = arith.muli %by, %c32 : index
    %col = arith.muli %bx, %c32 : index
    tl.clear %acc : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 2 stages 2 {
      %kk = arith.muli %k, %c32 : index
      tl.copy %A2[%row, %kk] to %a : memref<128x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%kk, %col] to %b : memref<64x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %acc : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    tl.copy %acc to %C2[%row, %col] : memref<32x32xf32, #tl.scope<fragment>> to memref<128x32xbf16>
  }
  return
}
