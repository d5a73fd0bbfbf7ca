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
