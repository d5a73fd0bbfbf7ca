// RUN: tt-opt %s --tt-infer-schedule=schedule=multicast --split-input-file | FileCheck %s --implicit-check-not=tt.multicast

// A 3x2 grid of blocks: block (bx, by) on core (bx, by), one each (a
// row-wise split over the grid). A's load depends only on by and the K step:
// every core of a row loads it (multicast along the row). B's depends only on
// bx: down the column. The store is not a load and is never multicast.
// CHECK-LABEL: func.func @mm
// CHECK-SAME: tt.work_split = #tt.work_split<units = 6, grid_x = 3, grid_y = 2, row_wise = true, cores = 6, group1_cores = 6, group1_units = 1, group2_units = 0>
// CHECK: tl.copy %{{.*}}[%[[ROW:.*]], %[[KK:.*]]] to %{{.*}} {tt.multicast = #tt.along<row>}
// CHECK: tl.copy %{{.*}}[%[[KK]], %[[COL:.*]]] to %{{.*}} {tt.multicast = #tt.along<column>}
// CHECK: tl.copy %{{.*}} to %{{.*}}[%[[ROW]], %[[COL]]] :
func.func @mm(%A: memref<64x64xbf16>, %B: memref<64x96xbf16>, %C: memref<64x96xbf16>) attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
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

// A load that depends on both block indices (here: A's rows chosen by bx +
// by) differs from core to core and is not multicast.
// CHECK-LABEL: func.func @both
// CHECK: tl.copy %{{.*}} to %{{.*}} :
// CHECK: tl.copy %{{.*}} to %{{.*}} {tt.multicast = #tt.along<column>}
func.func @both(%A: memref<128x64xbf16>, %B: memref<64x64xbf16>, %C: memref<128x64xbf16>) attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %c32 = arith.constant 32 : index
  tl.kernel [2, 2] as (%bx, %by) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %acc = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    %sum = arith.addi %bx, %by : index
    %row = arith.muli %sum, %c32 : index
    %col = arith.muli %bx, %c32 : index
    tl.clear %acc : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 2 stages 2 {
      %kk = arith.muli %k, %c32 : index
      tl.copy %A[%row, %kk] to %a : memref<128x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%kk, %col] to %b : memref<64x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %acc : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    tl.copy %acc to %C[%row, %col] : memref<32x32xf32, #tl.scope<fragment>> to memref<128x64xbf16>
  }
  return
}

// -----

// A batch: the cores of the 3x2 grid compute their block of each matrix in
// turn (the split counts one matrix's blocks), so a row's cores share A's
// load of the same matrix and a column's B's. The batch index does not
// decide what a row or column shares.
// CHECK-LABEL: func.func @batch
// CHECK-SAME: tt.work_split = #tt.work_split<units = 6, grid_x = 3, grid_y = 2, row_wise = true, cores = 6, group1_cores = 6, group1_units = 1, group2_units = 0>
// CHECK: tl.copy %{{.*}}[%[[BZ:.*]], %[[ROW:.*]], %[[KK:.*]]] to %{{.*}} {tt.multicast = #tt.along<row>}
// CHECK: tl.copy %{{.*}}[%[[BZ]], %[[KK]], %[[COL:.*]]] to %{{.*}} {tt.multicast = #tt.along<column>}
// CHECK: tl.copy %{{.*}} to %{{.*}}[%[[BZ]], %[[ROW]], %[[COL]]] :
func.func @batch(%A: memref<5x64x64xbf16>, %B: memref<5x64x96xbf16>, %C: memref<5x64x96xbf16>) attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %c32 = arith.constant 32 : index
  tl.kernel [3, 2, 5] as (%bx, %by, %bz) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %acc = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    %row = arith.muli %by, %c32 : index
    %col = arith.muli %bx, %c32 : index
    tl.clear %acc : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 2 stages 2 {
      %kk = arith.muli %k, %c32 : index
      tl.copy %A[%bz, %row, %kk] to %a : memref<5x64x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%bz, %kk, %col] to %b : memref<5x64x96xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %acc : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    tl.copy %acc to %C[%bz, %row, %col] : memref<32x32xf32, #tl.scope<fragment>> to memref<5x64x96xbf16>
  }
  return
}

// -----

// One column of 16 blocks (a tall, skinny C) is longer than the grid's 8
// rows: it is folded row by row onto 8x2 cores, one block each. Every block
// reads its own rows of A; all of them share B's block, which the first
// core multicasts to the whole grid.
// CHECK-LABEL: func.func @tall
// CHECK-SAME: tt.work_split = #tt.work_split<units = 16, grid_x = 8, grid_y = 2, row_wise = true, cores = 16, group1_cores = 16, group1_units = 1, group2_units = 0>
// CHECK: tl.copy %{{.*}}[%{{.*}}, %{{.*}}] to %{{.*}} :
// CHECK: tl.copy %{{.*}}[%{{.*}}, %{{.*}}] to %{{.*}} {tt.multicast = #tt.along<grid>}
func.func @tall(%A: memref<512x64xbf16>, %B: memref<64x32xbf16>, %C: memref<512x32xbf16>) attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %c32 = arith.constant 32 : index
  tl.kernel [1, 16] as (%bx, %by) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %acc = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    %row = arith.muli %by, %c32 : index
    %col = arith.muli %bx, %c32 : index
    tl.clear %acc : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 2 stages 2 {
      %kk = arith.muli %k, %c32 : index
      tl.copy %A[%row, %kk] to %a : memref<512x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%kk, %col] to %b : memref<64x32xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %acc : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    tl.copy %acc to %C[%row, %col] : memref<32x32xf32, #tl.scope<fragment>> to memref<512x32xbf16>
  }
  return
}

// -----

// One row of 20 blocks (a short, wide C) on Blackhole's 11x10 grid: folded
// onto the widest rectangle it fills, 10x2. A's block is the shared one.
// CHECK-LABEL: func.func @wide
// CHECK-SAME: tt.work_split = #tt.work_split<units = 20, grid_x = 10, grid_y = 2, row_wise = true, cores = 20, group1_cores = 20, group1_units = 1, group2_units = 0>
// CHECK: tl.copy %{{.*}}[%{{.*}}, %{{.*}}] to %{{.*}} {tt.multicast = #tt.along<grid>}
// CHECK: tl.copy %{{.*}}[%{{.*}}, %{{.*}}] to %{{.*}} :
func.func @wide(%A: memref<32x64xbf16>, %B: memref<64x640xbf16>, %C: memref<32x640xbf16>) attributes {tt.target = #tt.target<device = <blackhole>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %c32 = arith.constant 32 : index
  tl.kernel [20, 1] as (%bx, %by) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %acc = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    %row = arith.muli %by, %c32 : index
    %col = arith.muli %bx, %c32 : index
    tl.clear %acc : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 2 stages 2 {
      %kk = arith.muli %k, %c32 : index
      tl.copy %A[%row, %kk] to %a : memref<32x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%kk, %col] to %b : memref<64x640xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %acc : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    tl.copy %acc to %C[%row, %col] : memref<32x32xf32, #tl.scope<fragment>> to memref<32x640xbf16>
  }
  return
}
