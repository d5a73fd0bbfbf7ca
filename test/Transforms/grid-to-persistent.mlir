// RUN: tt-opt %s --tt-grid-to-persistent --split-input-file | FileCheck %s

// CHECK-LABEL: func.func @mm
// CHECK-SAME: (%[[A:.*]]: memref<64x96xbf16>, %{{.*}}: memref<96x64xbf16>, %{{.*}}: memref<64x64xbf16>)
// CHECK-NOT: tl.kernel
// CHECK: %[[START:.*]], %[[COUNT:.*]] = tt.core_tile_range : i32, i32
// CHECK: %[[GX:.*]] = tt.runtime_param "grid_x" = 2 : i32
// CHECK: %[[END:.*]] = arith.addi %[[START]], %[[COUNT]] : i32
// CHECK: scf.for %[[T:.*]] = %[[START]] to %[[END]] step %{{.*}} : i32 {
// CHECK: %[[BX:.*]] = arith.remui %[[T]], %[[GX]] {tt.name = "out_col"} : i32
// CHECK: %[[BY:.*]] = arith.divui %[[T]], %[[GX]] {tt.name = "out_row"} : i32
// CHECK: %[[BXI:.*]] = arith.index_castui %[[BX]] : i32 to index
// CHECK: %[[BYI:.*]] = arith.index_castui %[[BY]] : i32 to index
// CHECK: tl.alloc_shared
// CHECK: arith.muli %[[BYI]], %{{.*}} : index
// CHECK: arith.muli %[[BXI]], %{{.*}} : index
// CHECK: tl.pipelined %{{.*}} in 3 stages 2 {
// CHECK: tl.gemm
// CHECK: } {tl.persistent, tt.comment = "For each output block this core owns (row-major block ids)", tt.name = "tile"}
func.func @mm(%A: memref<64x96xbf16>, %B: memref<96x64xbf16>, %C: memref<64x64xbf16>) {
  %c32 = arith.constant 32 : index
  tl.kernel [2, 2] as (%bx, %by) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %c = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    %row = arith.muli %by, %c32 : index
    %col = arith.muli %bx, %c32 : index
    tl.clear %c : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 3 stages 2 {
      %kk = arith.muli %k, %c32 : index
      tl.copy %A[%row, %kk] to %a : memref<64x96xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%kk, %col] to %b : memref<96x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %c : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    tl.copy %c to %C[%row, %col] : memref<32x32xf32, #tl.scope<fragment>> to memref<64x64xbf16>
  }
  return
}

// -----

// A fragment of several tiles makes the work units blocks.
// CHECK-LABEL: func.func @blocks
// CHECK: tt.core_tile_range blocks : i32, i32
// CHECK: tt.runtime_param "grid_x" = 1 : i32
// CHECK: } {tl.persistent, tt.comment = "{{.*}}", tt.name = "block"}
func.func @blocks(%C: memref<64x64xbf16>) {
  tl.kernel [1, 1] as (%bx, %by) {
    %c = tl.alloc_fragment : memref<64x64xf32, #tl.scope<fragment>>
    tl.clear %c : memref<64x64xf32, #tl.scope<fragment>>
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
// CHECK: %[[BZI:.*]] = arith.index_castui %[[BZ]] : i32 to index
// CHECK: tl.clear
// CHECK: tl.copy %{{.*}} to %{{.*}}[%[[BZI]], %{{.*}}, %{{.*}}]
// CHECK: } {tl.persistent, tt.comment = "For each output block this core owns (row-major block ids, matrix by matrix)", tt.name = "tile"}
func.func @batch_split(%C: memref<4x64x96xbf16>) attributes {tt.work_split = #tt.work_split<units = 24, grid_x = 8, grid_y = 8, row_wise = false, cores = 24, group1_cores = 24, group1_units = 1, group2_units = 0>} {
  %c32 = arith.constant 32 : index
  tl.kernel [3, 2, 4] as (%bx, %by, %bz) {
    %c = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    %row = arith.muli %by, %c32 : index
    %col = arith.muli %bx, %c32 : index
    tl.clear %c : memref<32x32xf32, #tl.scope<fragment>>
    tl.copy %c to %C[%bz, %row, %col] : memref<32x32xf32, #tl.scope<fragment>> to memref<4x64x96xbf16>
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
// CHECK: %[[MI:.*]] = arith.index_castui %[[M]] : i32 to index
// CHECK: tl.copy %{{.*}} to %{{.*}}[%[[MI]], %{{.*}}, %{{.*}}]
// CHECK: } {tt.comment = "For each matrix of the batch", tt.name = "matrix"}
// CHECK: } {tl.persistent
func.func @batch_loop(%C: memref<4x64x96xbf16>) attributes {tt.work_split = #tt.work_split<units = 6, grid_x = 3, grid_y = 2, row_wise = true, cores = 6, group1_cores = 6, group1_units = 1, group2_units = 0>} {
  %c32 = arith.constant 32 : index
  tl.kernel [3, 2, 4] as (%bx, %by, %bz) {
    %c = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    %row = arith.muli %by, %c32 : index
    %col = arith.muli %bx, %c32 : index
    tl.clear %c : memref<32x32xf32, #tl.scope<fragment>>
    tl.copy %c to %C[%bz, %row, %col] : memref<32x32xf32, #tl.scope<fragment>> to memref<4x64x96xbf16>
  }
  return
}
