// RUN: tt-opt %s --tt-split-kernels | FileCheck %s

// C[64x96] = A[64x64] * B^T with B stored 96x64: the compute kernel's
// matmul_tiles read in1 tiles transposed, so its engine set-up is
// matmul_init(in0, in1, 1); the reader reads B as stored.
func.func @mm(%A: memref<64x64xbf16> {tt.shard = #tt.shard<layout = dram_interleaved, tiles_y = 2, tiles_x = 2, page_size = 2048, format = bf16>},
              %B: memref<96x64xbf16> {tt.shard = #tt.shard<layout = dram_interleaved, tiles_y = 3, tiles_x = 2, page_size = 2048, format = bf16>},
              %C: memref<64x96xbf16> {tt.shard = #tt.shard<layout = dram_interleaved, tiles_y = 2, tiles_x = 3, page_size = 2048, format = bf16>})
    attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>,
                tt.work_split = #tt.work_split<units = 6, grid_x = 8, grid_y = 8, row_wise = false, cores = 6, group1_cores = 6, group1_units = 1, group2_units = 0>,
                tt.whole_matmul = #tt.matmul<transpose_a = false, transpose_b = true>} {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %in0 = tt.get_cb as "cb_in0" : !tt.cb<0, 2 x !tt.tile<bf16>>
  %Kt = tt.runtime_param "Kt" = 2 : i32
  %in1 = tt.get_cb as "cb_in1" : !tt.cb<1, 2 x !tt.tile<bf16>>
  %Nt = tt.runtime_param "Nt" = 3 : i32
  %out = tt.get_cb as "cb_out" : !tt.cb<16, 2 x !tt.tile<bf16>>
  %start, %count = tt.core_tile_range : i32, i32
  %gx = tt.runtime_param "grid_x" = 3 : i32
  %end = arith.addi %start, %count : i32
  scf.for %t = %start to %end step %c1 : i32 {
    %bx = arith.remui %t, %gx : i32
    %by = arith.divui %t, %gx : i32
    tt.tile_regs_acquire
    scf.for %k = %c0 to %Kt step %c1 : i32 {
      tt.read_tiles %A[%by, %k] tiles_per_row %Kt block 1 x 1 -> %in0 : memref<64x64xbf16>, !tt.cb<0, 2 x !tt.tile<bf16>>
      tt.read_tiles %B[%bx, %k] tiles_per_row %Kt block 1 x 1 -> %in1 : memref<96x64xbf16>, !tt.cb<1, 2 x !tt.tile<bf16>>
      tt.cb_wait_front %in0, %c1 : !tt.cb<0, 2 x !tt.tile<bf16>>
      tt.cb_wait_front %in1, %c1 : !tt.cb<1, 2 x !tt.tile<bf16>>
      tt.matmul_tiles %in0[%c0], %in1[%c0] -> dst[%c0] transpose_in1 : !tt.cb<0, 2 x !tt.tile<bf16>>, !tt.cb<1, 2 x !tt.tile<bf16>>
      tt.cb_pop_front %in0, %c1 : !tt.cb<0, 2 x !tt.tile<bf16>>
      tt.cb_pop_front %in1, %c1 : !tt.cb<1, 2 x !tt.tile<bf16>>
    }
    tt.tile_regs_commit
    tt.cb_reserve_back %out, %c1 : !tt.cb<16, 2 x !tt.tile<bf16>>
    tt.tile_regs_wait
    tt.pack_tile dst[%c0] -> %out[%c0] : !tt.cb<16, 2 x !tt.tile<bf16>>
    tt.tile_regs_release
    tt.cb_push_back %out, %c1 : !tt.cb<16, 2 x !tt.tile<bf16>>
    tt.write_tiles %out -> %C[%by, %bx] tiles_per_row %Nt block 1 x 1 : !tt.cb<16, 2 x !tt.tile<bf16>>, memref<64x96xbf16>
  }
  return
}

// CHECK-LABEL: func.func @mm_reader()
// CHECK: %[[KT:.*]] = tt.get_arg_val {{.*}} as "Kt"
// CHECK: tt.read_tiles %{{.*}}[%{{.*}}, %[[K:.*]]] tiles_per_row %[[KT]] block 1 x 1 -> %cb_in0
// CHECK-NEXT: tt.read_tiles %{{.*}}[%{{.*}}, %[[K]]] tiles_per_row %[[KT]] block 1 x 1 -> %cb_in1
// CHECK-LABEL: func.func @mm_compute()
// CHECK: tt.compute_kernel_hw_startup %[[CIN0:[^,]*]], %[[CIN1:[^,]*]], %{{[^ ]*}} {
// CHECK-NEXT: %[[ONE:.*]] = arith.constant 1 : i32
// CHECK-NEXT: tt.matmul_init %[[CIN0]], %[[CIN1]] transpose %[[ONE]]
// CHECK: tt.matmul_tiles {{.*}} transpose_in1
// CHECK-LABEL: func.func private @mm(
// CHECK-SAME: tt.whole_matmul = #tt.matmul<transpose_a = false, transpose_b = true>
