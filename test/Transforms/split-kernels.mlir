// RUN: tt-opt %s --tt-split-kernels | FileCheck %s --implicit-check-not=tt.noc_async --implicit-check-not=tt.program

// The tensorized C[64x96] = A[64x64] * B[64x96] on 6 Wormhole cores.
func.func @mm(%A: memref<64x64xbf16> {tt.shard = #tt.shard<layout = dram_interleaved, tiles_y = 2, tiles_x = 2, page_size = 2048, format = bf16>},
              %B: memref<64x96xbf16> {tt.shard = #tt.shard<layout = dram_interleaved, tiles_y = 2, tiles_x = 3, page_size = 2048, format = bf16>},
              %C: memref<64x96xbf16> {tt.shard = #tt.shard<layout = dram_interleaved, tiles_y = 2, tiles_x = 3, page_size = 2048, format = bf16>})
    attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>,
                tt.work_split = #tt.work_split<units = 6, grid_x = 8, grid_y = 8, row_wise = false, cores = 6, group1_cores = 6, group1_units = 1, group2_units = 0>,
                tt.whole_matmul = #tt.matmul<transpose_a = false, transpose_b = false>} {
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
      tt.read_tiles %B[%k, %bx] tiles_per_row %Nt block 1 x 1 -> %in1 : memref<64x96xbf16>, !tt.cb<1, 2 x !tt.tile<bf16>>
      tt.cb_wait_front %in0, %c1 : !tt.cb<0, 2 x !tt.tile<bf16>>
      tt.cb_wait_front %in1, %c1 : !tt.cb<1, 2 x !tt.tile<bf16>>
      tt.matmul_tiles %in0[%c0], %in1[%c0] -> dst[%c0] : !tt.cb<0, 2 x !tt.tile<bf16>>, !tt.cb<1, 2 x !tt.tile<bf16>>
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

// The reader: addresses, its tile range and the shapes as runtime arguments,
// each recorded with where it comes from; its tile reads go through the
// buffers' accessors (tt-lower-dataflow expands them).
// CHECK-LABEL: func.func @mm_reader()
// CHECK-SAME: tt.compile_args = ["a", "b"], tt.kernel_role = #tt.kernel_role<reader>
// CHECK-SAME: tt.runtime_args = ["a", "b", #tt.work<start>, #tt.work<count>, 2, 3, 3]
// The first of each group of declarations says what the group is.
// CHECK-DAG: %[[A_ADDR:.*]] = tt.get_arg_val 0 as "a_addr" {tt.comment = "Runtime arguments: this core's share of the work{{.*}}"} : i32
// CHECK-DAG: %[[A:.*]] = tt.tensor_accessor %[[A_ADDR]] args 0 as "a" {tt.comment = "DRAM buffers: {{.*}}"} : !tt.accessor
// CHECK-DAG: %[[B_ADDR:.*]] = tt.get_arg_val 1 as "b_addr" : i32
// CHECK-DAG: %[[B:.*]] = tt.tensor_accessor %[[B_ADDR]] args 2 as "b" : !tt.accessor
// CHECK-DAG: %[[START:.*]] = tt.get_arg_val 2 as "start_tile" : i32
// CHECK-DAG: %[[COUNT:.*]] = tt.get_arg_val 3 as "num_tiles" : i32
// CHECK-DAG: %[[KT:.*]] = tt.get_arg_val 4 as "Kt" : i32
// CHECK-DAG: %[[NT:.*]] = tt.get_arg_val 5 as "Nt" : i32
// CHECK-DAG: %[[GX:.*]] = tt.get_arg_val 6 as "grid_x" : i32
// CHECK-DAG: %[[IN0:.*]] = tt.get_cb as "cb_in0" {tt.comment = "Circular buffers in L1"}
// CHECK-DAG: %[[IN1:.*]] = tt.get_cb as "cb_in1" :
// CHECK-NOT: tt.get_cb as "cb_out"
// CHECK: %[[END:.*]] = arith.addi %[[START]], %[[COUNT]]
// CHECK: scf.for %[[T:.*]] = %[[START]] to %[[END]]
// CHECK: %[[BX:.*]] = arith.remui %[[T]], %[[GX]]
// CHECK: %[[BY:.*]] = arith.divui %[[T]], %[[GX]]
// CHECK: scf.for %[[K:.*]] = %{{.*}} to %[[KT]]
// CHECK-NEXT: tt.read_tiles %[[A]][%[[BY]], %[[K]]] tiles_per_row %[[KT]] block 1 x 1 -> %[[IN0]] : !tt.accessor
// CHECK-NEXT: tt.read_tiles %[[B]][%[[K]], %[[BX]]] tiles_per_row %[[NT]] block 1 x 1 -> %[[IN1]] : !tt.accessor
// CHECK-NOT: tt.matmul_tiles
// CHECK: return

// The compute kernel only counts its tiles; it starts the matrix engine on
// the CBs the matmul reads and packs.
// CHECK-LABEL: func.func @mm_compute()
// CHECK-SAME: tt.runtime_args = [#tt.work<count>, 2]
// CHECK-DAG: %[[N:.*]] = tt.get_arg_val 0 as "num_tiles" {{.*}}: i32
// CHECK-DAG: %[[CKT:.*]] = tt.get_arg_val 1 as "Kt" : i32
// CHECK: tt.compute_kernel_hw_startup %[[CIN0:.*]], %[[CIN1:.*]], %[[COUT:[^ ]*]] {tt.comment = "Configure unpack, math and pack for cb_in0 x cb_in1 -> cb_out, then the matrix engine"} :
// CHECK-NEXT: tt.matmul_init %[[CIN0]], %[[CIN1]]
// CHECK: scf.for %{{.*}} = %{{.*}} to %[[N]]
// CHECK-NEXT: tt.tile_regs_acquire
// CHECK-NEXT: scf.for %{{.*}} = %{{.*}} to %[[CKT]]
// CHECK: tt.matmul_tiles
// CHECK: tt.pack_tile
// CHECK-NOT: tt.read_tiles
// CHECK-NOT: tt.write_tiles
// CHECK: return

// CHECK-LABEL: func.func @mm_writer()
// CHECK-SAME: tt.compile_args = ["c"]
// CHECK-SAME: tt.runtime_args = ["c", #tt.work<start>, #tt.work<count>, 3, 3]
// CHECK-DAG: %[[C_ADDR:.*]] = tt.get_arg_val 0 as "c_addr" {{.*}}: i32
// CHECK-DAG: %[[CACC:.*]] = tt.tensor_accessor %[[C_ADDR]] args 0 as "c"
// CHECK: tt.write_tiles %{{.*}} -> %[[CACC]][
// CHECK: return

// What remains of @mm is its host interface: named buffers with their
// layouts, the target, the work split and the kernels.
// CHECK-LABEL: func.func private @mm(
// CHECK-SAME: memref<64x64xbf16> {tt.name = "a", tt.shard = #tt.shard<
// CHECK-SAME: memref<64x96xbf16> {tt.name = "b", tt.shard = #tt.shard<
// CHECK-SAME: memref<64x96xbf16> {tt.name = "c", tt.shard = #tt.shard<
// CHECK-SAME: tt.kernels = [@mm_reader, @mm_compute, @mm_writer]
// CHECK-SAME: tt.target = #tt.target<device = <wormhole_b0>
// CHECK-SAME: tt.whole_matmul
// CHECK-SAME: tt.work_split = #tt.work_split<units = 6,
// CHECK-NOT: {
