// RUN: tt-opt %s --tl-matmul-to-kernel --tt-apply-target-defaults --tt-infer-schedule --tt-infer-shard --tt-lower-memory-space --tt-grid-to-persistent | FileCheck %s
// RUN: tt-opt %s --tl-matmul-to-kernel=stages=3 --tt-apply-target-defaults --tt-infer-schedule --tt-infer-shard --tt-lower-memory-space --tt-grid-to-persistent | FileCheck %s --check-prefix=STAGES
// RUN: tt-opt %s --tl-matmul-to-kernel --tt-apply-target-defaults --tt-infer-schedule --tt-infer-shard --tt-lower-memory-space=cb-depth=4 --tt-grid-to-persistent | FileCheck %s --check-prefix=DEPTH

// CHECK-LABEL: func.func @mm
// CHECK-SAME: (%[[A:[^:]*]]: memref<64x128xbf16>
// CHECK-SAME: %[[B:[^:]*]]: memref<128x96xbf16>
// CHECK-SAME: %[[C:[^:]*]]: memref<64x96xf32>
// CHECK-NOT: tl.
// CHECK-DAG: %[[IN0:.*]] = tt.get_cb as "cb_in0" : !tt.cb<0, 2 x !tt.tile<bf16>>
// CHECK-DAG: %[[IN1:.*]] = tt.get_cb as "cb_in1" : !tt.cb<1, 2 x !tt.tile<bf16>>
// CHECK-DAG: %[[OUT:.*]] = tt.get_cb as "cb_out" : !tt.cb<16, 2 x !tt.tile<f32>>
// CHECK-DAG: %[[KT:.*]] = tt.runtime_param "Kt" = 4 : i32
// CHECK-DAG: %[[NT:.*]] = tt.runtime_param "Nt" = 3 : i32
// CHECK: scf.for %[[T:.*]] = {{.*}} : i32 {
// CHECK: %[[BX:.*]] = arith.remui %[[T]]
// CHECK: %[[BY:.*]] = arith.divui %[[T]]
// The fragment: clear -> acquire DST.
// CHECK: tt.tile_regs_acquire
// CHECK: scf.for %[[K:.*]] = %{{.*}} to %[[KT]] step %{{.*}} : i32 {
// The K index reaches the reads through casts that canonicalization removes.
// CHECK: tt.read_tiles %[[A]][%[[BY]], %{{.*}}] tiles_per_row %[[KT]] block 1 x 1 -> %[[IN0]]
// CHECK: tt.read_tiles %[[B]][%{{.*}}, %[[BX]]] tiles_per_row %[[NT]] block 1 x 1 -> %[[IN1]]
// CHECK: tt.matmul_block %[[IN0]], %[[IN1]] block 1 x 1 x 1
// CHECK: }
// CHECK: tt.pack_block %[[OUT]] count 1
// CHECK: tt.write_tiles %[[OUT]] -> %[[C]][%[[BY]], %[[BX]]] tiles_per_row %[[NT]] block 1 x 1
// CHECK: } {tt.comment = "For each output block this core owns (row-major block ids)", tt.name = "tile"}

// The K loop's stages set the input CB depth, unless cb-depth overrides it.
// STAGES-DAG: tt.get_cb as "cb_in0" : !tt.cb<0, 3 x !tt.tile<bf16>>
// STAGES-DAG: tt.get_cb as "cb_out" : !tt.cb<16, 2 x !tt.tile<f32>>
// DEPTH-DAG: tt.get_cb as "cb_in0" : !tt.cb<0, 4 x !tt.tile<bf16>>
// DEPTH-DAG: tt.get_cb as "cb_in1" : !tt.cb<1, 4 x !tt.tile<bf16>>
func.func @mm(%A: memref<64x128xbf16>, %B: memref<128x96xbf16>, %C: memref<64x96xf32>) {
  tl.matmul %A, %B into %C : memref<64x128xbf16>, memref<128x96xbf16> into memref<64x96xf32>
  return
}
