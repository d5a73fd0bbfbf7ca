// RUN: tt-opt %s --tt-grid-to-persistent --split-input-file | FileCheck %s --implicit-check-not=tl.kernel

// The grid of C[64x64] = A[64x96] * B[96x64] in one-tile blocks, its body
// already in tt terms: a loop over the core's blocks, whose block ids give
// the i32 coordinates the body's casts of the block indices stood for.
// CHECK-LABEL: func.func @mm
// CHECK-SAME: (%[[A:[^:]*]]: memref<64x96xbf16>, %[[B:[^:]*]]: memref<96x64xbf16>, %[[C:[^:]*]]: memref<64x64xbf16>)
// CHECK: %[[START:.*]], %[[COUNT:.*]] = tt.core_tile_range : i32, i32
// CHECK: %[[GX:.*]] = tt.runtime_param "grid_x" = 2 : i32
// CHECK: %[[END:.*]] = arith.addi %[[START]], %[[COUNT]] : i32
// CHECK: scf.for %[[T:.*]] = %[[START]] to %[[END]] step %{{.*}} : i32 {
// CHECK-NEXT: %[[BX:.*]] = arith.remui %[[T]], %[[GX]] {tt.name = "out_col"} : i32
// CHECK-NEXT: %[[BY:.*]] = arith.divui %[[T]], %[[GX]] {tt.name = "out_row"} : i32
// CHECK-NOT: arith.index_cast
// CHECK: tt.tile_regs_acquire
// CHECK: scf.for %[[K:.*]] = %{{.*}} to %{{.*}} step %{{.*}} : i32 {
// CHECK-NEXT: tt.read_tiles %[[A]][%[[BY]], %[[K]]]
// CHECK-NEXT: tt.read_tiles %[[B]][%[[K]], %[[BX]]]
// CHECK: tt.write_tiles %{{.*}} -> %[[C]][%[[BY]], %[[BX]]]
// CHECK-NEXT: } {tt.comment = "For each output block this core owns (row-major block ids)", tt.name = "tile"}
func.func @mm(%A: memref<64x96xbf16>, %B: memref<96x64xbf16>, %C: memref<64x64xbf16>) {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %in0 = tt.get_cb as "cb_in0" : !tt.cb<0, 2 x !tt.tile<bf16>>
  %Kt = tt.runtime_param "Kt" = 3 : i32
  %in1 = tt.get_cb as "cb_in1" : !tt.cb<1, 2 x !tt.tile<bf16>>
  %Nt = tt.runtime_param "Nt" = 2 : i32
  %out = tt.get_cb as "cb_out" : !tt.cb<16, 2 x !tt.tile<bf16>>
  tl.kernel [2, 2] as (%bx, %by) {
    %col = arith.index_castui %bx : index to i32
    %row = arith.index_castui %by : index to i32
    tt.tile_regs_acquire
    scf.for %k = %c0 to %Kt step %c1 : i32 {
      tt.read_tiles %A[%row, %k] tiles_per_row %Kt block 1 x 1 -> %in0 : memref<64x96xbf16>, !tt.cb<0, 2 x !tt.tile<bf16>>
      tt.read_tiles %B[%k, %col] tiles_per_row %Nt block 1 x 1 -> %in1 : memref<96x64xbf16>, !tt.cb<1, 2 x !tt.tile<bf16>>
      tt.matmul_block %in0, %in1 block 1 x 1 x 1 : !tt.cb<0, 2 x !tt.tile<bf16>>, !tt.cb<1, 2 x !tt.tile<bf16>>
    }
    tt.pack_block %out count 1 : !tt.cb<16, 2 x !tt.tile<bf16>>
    tt.write_tiles %out -> %C[%row, %col] tiles_per_row %Nt block 1 x 1 : !tt.cb<16, 2 x !tt.tile<bf16>>, memref<64x64xbf16>
  }
  return
}

// -----

// The same grid stated to compute the whole matmul: its one-tile-wide blocks
// make grid_x equal to C's tile columns, so the block ids divide by the
// store's Nt and there is no grid_x.
// CHECK-LABEL: func.func @whole_matmul
// CHECK: %[[NT:.*]] = tt.runtime_param "Nt" = 2 : i32
// CHECK-NOT: "grid_x"
// CHECK: scf.for %[[T:.*]] = %{{.*}} to %{{.*}} step %{{.*}} : i32 {
// CHECK-NEXT: arith.remui %[[T]], %[[NT]] {tt.name = "out_col"} : i32
// CHECK-NEXT: arith.divui %[[T]], %[[NT]] {tt.name = "out_row"} : i32
func.func @whole_matmul(%C: memref<64x64xbf16>) {
  %Nt = tt.runtime_param "Nt" = 2 : i32
  %out = tt.get_cb as "cb_out" : !tt.cb<16, 2 x !tt.tile<bf16>>
  tl.kernel [2, 2] as (%bx, %by) whole_matmul {
    %col = arith.index_castui %bx : index to i32
    %row = arith.index_castui %by : index to i32
    tt.write_tiles %out -> %C[%row, %col] tiles_per_row %Nt block 1 x 1 : !tt.cb<16, 2 x !tt.tile<bf16>>, memref<64x64xbf16>
  }
  return
}

// -----

// A stored block of several tiles makes the work units blocks; a block
// index nothing computes with leaves no cast behind.
// CHECK-LABEL: func.func @blocks
// CHECK: tt.core_tile_range blocks : i32, i32
// CHECK: tt.runtime_param "grid_x" = 1 : i32
// CHECK-NOT: arith.index_cast
// CHECK: } {tt.comment = "{{.*}}", tt.name = "block"}
func.func @blocks(%C: memref<64x64xbf16>) {
  %c0 = arith.constant 0 : i32
  %Nt = tt.runtime_param "Nt" = 2 : i32
  %out = tt.get_cb as "cb_out" : !tt.cb<16, 8 x !tt.tile<bf16>>
  tl.kernel [1, 1] as (%bx, %by) {
    tt.write_tiles %out -> %C[%c0, %c0] tiles_per_row %Nt block 2 x 2 : !tt.cb<16, 8 x !tt.tile<bf16>>, memref<64x64xbf16>
  }
  return
}

// -----

// A batch split over the cores matrix by matrix (the work split counts every
// block of every matrix): block ids are row-major within a matrix, matrices
// one after the other.
// CHECK-LABEL: func.func @batch_split
// CHECK: %[[START:.*]], %[[COUNT:.*]] = tt.core_tile_range : i32, i32
// CHECK-DAG: %[[GX:.*]] = tt.runtime_param "grid_x" = 3 : i32
// CHECK-DAG: %[[GY:.*]] = tt.runtime_param "grid_y" = 2 : i32
// CHECK: scf.for %[[T:.*]] = %[[START]] to %{{.*}} step %{{.*}} : i32 {
// CHECK: %[[BX:.*]] = arith.remui %[[T]], %[[GX]] {tt.name = "out_col"} : i32
// CHECK: %[[REST:.*]] = arith.divui %[[T]], %[[GX]] {tt.name = "out_row_in_batch"} : i32
// CHECK: %[[BY:.*]] = arith.remui %[[REST]], %[[GY]] {tt.name = "out_row"} : i32
// CHECK: %[[BZ:.*]] = arith.divui %[[REST]], %[[GY]] {tt.name = "out_matrix"} : i32
// CHECK: tt.write_tiles %{{.*}} -> %{{.*}}[%[[BZ]], %[[BX]]]
// CHECK: } {tt.comment = "For each output block this core owns (row-major block ids, matrix by matrix)", tt.name = "tile"}
func.func @batch_split(%C: memref<4x64x96xbf16>) attributes {tt.work_split = #tt.work_split<units = 24, grid_x = 8, grid_y = 8, row_wise = false, cores = 24, group1_cores = 24, group1_units = 1, group2_units = 0>} {
  %Nt = tt.runtime_param "Nt" = 3 : i32
  %out = tt.get_cb as "cb_out" : !tt.cb<16, 2 x !tt.tile<bf16>>
  tl.kernel [3, 2, 4] as (%bx, %by, %bz) {
    %col = arith.index_castui %bx : index to i32
    %matrix = arith.index_castui %bz : index to i32
    tt.write_tiles %out -> %C[%matrix, %col] tiles_per_row %Nt block 1 x 1 : !tt.cb<16, 2 x !tt.tile<bf16>>, memref<4x64x96xbf16>
  }
  return
}

// -----

// One block per core over the blocks of one matrix (the multicast split):
// each core computes its block of every matrix in turn, so the cores of a
// row or column step through the batch together.
// CHECK-LABEL: func.func @batch_loop
// CHECK: tt.core_tile_range : i32, i32
// CHECK-DAG: tt.runtime_param "grid_x" = 3 : i32
// CHECK-DAG: %[[B:.*]] = tt.runtime_param "batch" = 4 : i32
// CHECK-NOT: "grid_y"
// CHECK: scf.for %{{.*}} = %{{.*}} to %{{.*}} step %{{.*}} : i32 {
// CHECK: scf.for %[[M:.*]] = %{{.*}} to %[[B]] step %{{.*}} : i32 {
// CHECK-NEXT: tt.write_tiles %{{.*}} -> %{{.*}}[%[[M]], %{{.*}}]
// CHECK: } {tt.comment = "For each matrix of the batch", tt.name = "matrix"}
// CHECK: } {tt.comment = "For each output block this core owns (row-major block ids)", tt.name = "tile"}
func.func @batch_loop(%C: memref<4x64x96xbf16>) attributes {tt.work_split = #tt.work_split<units = 6, grid_x = 3, grid_y = 2, row_wise = true, cores = 6, group1_cores = 6, group1_units = 1, group2_units = 0>} {
  %Nt = tt.runtime_param "Nt" = 3 : i32
  %out = tt.get_cb as "cb_out" : !tt.cb<16, 2 x !tt.tile<bf16>>
  tl.kernel [3, 2, 4] as (%bx, %by, %bz) {
    %col = arith.index_castui %bx : index to i32
    %matrix = arith.index_castui %bz : index to i32
    tt.write_tiles %out -> %C[%matrix, %col] tiles_per_row %Nt block 1 x 1 : !tt.cb<16, 2 x !tt.tile<bf16>>, memref<4x64x96xbf16>
  }
  return
}
