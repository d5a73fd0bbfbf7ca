// RUN: tt-opt %s --tt-lower-memory-space --split-input-file -verify-diagnostics | FileCheck %s --implicit-check-not='{{ tl\.[a-z_]+}}'

// Edge blocks: C[96x96] = A[96x96] * B[96x96] in 64x64 blocks with 64-wide K
// steps. 3 tiles per dimension in blocks of 2: the reads and writes get the
// buffers' tile extents as limits where the block does not divide them, and
// the block matmul the K step's valid tiles, min(2, Kt - kt * 2).
// CHECK-LABEL: func.func @edges
// CHECK-SAME: (%[[A:[^:]*]]: memref<96x96xbf16>, %[[B:[^:]*]]: memref<96x96xbf16>, %[[C:[^:]*]]: memref<96x96xbf16>)
// CHECK-DAG: %[[IN0:.*]] = tt.get_cb as "cb_in0"
// CHECK-DAG: %[[IN1:.*]] = tt.get_cb as "cb_in1"
// CHECK-DAG: %[[KT:.*]] = tt.runtime_param "Kt" = 3 : i32
// CHECK-DAG: %[[MT:.*]] = tt.runtime_param "Mt" = 3 : i32
// CHECK-DAG: %[[NT:.*]] = tt.runtime_param "Nt" = 3 : i32
// CHECK-DAG: %[[STEPS:.*]] = tt.runtime_param "k_steps" = 2 : i32
// CHECK: tl.kernel
// CHECK: scf.for %[[K:.*]] = %{{.*}} to %[[STEPS]] step %{{.*}} : i32 {
// CHECK: tt.read_tiles %[[A]][%{{.*}}, %{{.*}}] tiles_per_row %[[KT]] block 2 x 2 -> %[[IN0]] row_limit %[[MT]] col_limit %[[KT]]
// CHECK: tt.read_tiles %[[B]][%{{.*}}, %{{.*}}] tiles_per_row %[[NT]] block 2 x 2 -> %[[IN1]] row_limit %[[KT]] col_limit %[[NT]]
// CHECK: %[[START:.*]] = arith.muli %[[K]], %{{.*}} : i32
// CHECK-NEXT: %[[LEFT:.*]] = arith.subi %[[KT]], %[[START]] : i32
// CHECK: %[[VALID:.*]] = arith.minui %[[LEFT]], %{{.*}} {tt.name = "k_tiles_in_step"} : i32
// CHECK-NEXT: tt.matmul_block %[[IN0]], %[[IN1]] block 2 x 2 x 2 valid_k %[[VALID]] :
// CHECK: tt.write_tiles %{{.*}} -> %[[C]][%{{.*}}, %{{.*}}] tiles_per_row %[[NT]] block 2 x 2 row_limit %[[MT]] col_limit %[[NT]]
func.func @edges(%A: memref<96x96xbf16>, %B: memref<96x96xbf16>, %C: memref<96x96xbf16>)
    attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %c64 = arith.constant 64 : index
  tl.kernel [2, 2] as (%bx, %by) {
    %a = tl.alloc_shared : memref<64x64xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<64x64xbf16, #tl.scope<shared>>
    %acc = tl.alloc_fragment : memref<64x64xf32, #tl.scope<fragment>>
    %row = arith.muli %by, %c64 : index
    %col = arith.muli %bx, %c64 : index
    tl.clear %acc : memref<64x64xf32, #tl.scope<fragment>>
    tl.pipelined %k in 2 stages 2 {
      %kk = arith.muli %k, %c64 : index
      tl.copy %A[%row, %kk] to %a : memref<96x96xbf16> to memref<64x64xbf16, #tl.scope<shared>>
      tl.copy %B[%kk, %col] to %b : memref<96x96xbf16> to memref<64x64xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %acc : memref<64x64xbf16, #tl.scope<shared>>, memref<64x64xbf16, #tl.scope<shared>>, memref<64x64xf32, #tl.scope<fragment>>
    }
    tl.copy %acc to %C[%row, %col] : memref<64x64xf32, #tl.scope<fragment>> to memref<96x96xbf16>
  }
  return
}

// -----

// Blocks that divide their buffers get no limits and no valid_k.
// CHECK-LABEL: func.func @no_edges
// CHECK: tl.kernel
// CHECK: tt.read_tiles
// CHECK-NOT: _limit
// CHECK-SAME: -> %{{[^ ]*}} :
// CHECK: tt.read_tiles
// CHECK-NOT: _limit
// CHECK-SAME: -> %{{[^ ]*}} :
// CHECK-NOT: valid_k
// CHECK: tt.write_tiles
// CHECK-NOT: _limit
// CHECK-SAME: block 2 x 2 :
func.func @no_edges(%A: memref<128x128xbf16>, %B: memref<128x128xbf16>, %C: memref<128x128xbf16>)
    attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  %c64 = arith.constant 64 : index
  tl.kernel [2, 2] as (%bx, %by) {
    %a = tl.alloc_shared : memref<64x64xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<64x64xbf16, #tl.scope<shared>>
    %acc = tl.alloc_fragment : memref<64x64xf32, #tl.scope<fragment>>
    %row = arith.muli %by, %c64 : index
    %col = arith.muli %bx, %c64 : index
    tl.clear %acc : memref<64x64xf32, #tl.scope<fragment>>
    tl.pipelined %k in 2 stages 2 {
      %kk = arith.muli %k, %c64 : index
      tl.copy %A[%row, %kk] to %a : memref<128x128xbf16> to memref<64x64xbf16, #tl.scope<shared>>
      tl.copy %B[%kk, %col] to %b : memref<128x128xbf16> to memref<64x64xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %acc : memref<64x64xbf16, #tl.scope<shared>>, memref<64x64xbf16, #tl.scope<shared>>, memref<64x64xf32, #tl.scope<fragment>>
    }
    tl.copy %acc to %C[%row, %col] : memref<64x64xf32, #tl.scope<fragment>> to memref<128x128xbf16>
  }
  return
}
