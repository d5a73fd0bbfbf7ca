// The shape of IR that `tt-opt --tl-to-tt-pipeline` produces and
// `tt-translate --emit-metalium` consumes: C[64x96] = A[64x64] * B[64x96] in
// bf16 on 6 cores of a Wormhole n150, one output tile per core.
module {
  func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
    %a_addr = tt.get_arg_val 0 as "a_addr" {tt.comment = "Runtime arguments: this core's share of the work, set by the host with SetRuntimeArgs"} : i32
    %b_addr = tt.get_arg_val 1 as "b_addr" : i32
    %start = tt.get_arg_val 2 as "start_tile" : i32
    %count = tt.get_arg_val 3 as "num_tiles" : i32
    %Nt = tt.get_arg_val 4 as "Nt" : i32
    %Kt = tt.get_arg_val 5 as "Kt" : i32
    %a = tt.tensor_accessor %a_addr args 0 as "a" {tt.comment = "DRAM buffers: page layout from the compile-time args (TensorAccessorArgs), base address from the runtime args"} : !tt.accessor
    %b = tt.tensor_accessor %b_addr args 2 as "b" : !tt.accessor
    %in0 = tt.get_cb as "cb_in0" {tt.comment = "Circular buffers in L1"} : !tt.cb<0, 2 x !tt.tile<bf16>>
    %in1 = tt.get_cb as "cb_in1" : !tt.cb<1, 2 x !tt.tile<bf16>>
    %c0 = arith.constant 0 : i32
    %c1 = arith.constant 1 : i32
    %end = arith.addi %start, %count : i32
    scf.for %t = %start to %end step %c1 : i32 {
      %by = arith.divui %t, %Nt : i32
      %bx = arith.remui %t, %Nt : i32
      scf.for %k = %c0 to %Kt step %c1 : i32 {
        tt.cb_reserve_back %in0, %c1 {tt.comment = "Read a page of a into cb_in0"} : !tt.cb<0, 2 x !tt.tile<bf16>>
        %l1_a = tt.get_write_ptr %in0 : !tt.cb<0, 2 x !tt.tile<bf16>>
        %a_row = arith.muli %by, %Kt : i32
        %a_page = arith.addi %a_row, %k : i32
        tt.noc_async_read_page %a_page, %a, %l1_a
        tt.cb_reserve_back %in1, %c1 {tt.comment = "Read a page of b into cb_in1"} : !tt.cb<1, 2 x !tt.tile<bf16>>
        %l1_b = tt.get_write_ptr %in1 : !tt.cb<1, 2 x !tt.tile<bf16>>
        %b_row = arith.muli %k, %Nt : i32
        %b_page = arith.addi %b_row, %bx : i32
        tt.noc_async_read_page %b_page, %b, %l1_b
        tt.noc_async_read_barrier {tt.comment = "Wait for the reads to land, then hand the pages to compute"}
        tt.cb_push_back %in0, %c1 : !tt.cb<0, 2 x !tt.tile<bf16>>
        tt.cb_push_back %in1, %c1 : !tt.cb<1, 2 x !tt.tile<bf16>>
      } {tt.comment = "K loop: one K step of A and B blocks per iteration"}
    } {tt.comment = "For each output block this core owns (row-major block ids)"}
    return
  }

  func.func @compute() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
    %count = tt.get_arg_val 0 as "num_tiles" {tt.comment = "Runtime arguments: this core's share of the work, set by the host with SetRuntimeArgs"} : i32
    %Kt = tt.get_arg_val 1 as "Kt" : i32
    %in0 = tt.get_cb as "cb_in0" {tt.comment = "Circular buffers in L1"} : !tt.cb<0, 2 x !tt.tile<bf16>>
    %in1 = tt.get_cb as "cb_in1" : !tt.cb<1, 2 x !tt.tile<bf16>>
    %out = tt.get_cb as "cb_out" : !tt.cb<16, 2 x !tt.tile<bf16>>
    %c0 = arith.constant 0 : i32
    %c1 = arith.constant 1 : i32
    tt.compute_kernel_hw_startup %in0, %in1, %out {tt.comment = "Configure unpack, math and pack for cb_in0 x cb_in1 -> cb_out, then the matrix engine"} : !tt.cb<0, 2 x !tt.tile<bf16>>, !tt.cb<1, 2 x !tt.tile<bf16>>, !tt.cb<16, 2 x !tt.tile<bf16>>
    tt.matmul_init %in0, %in1 : !tt.cb<0, 2 x !tt.tile<bf16>>, !tt.cb<1, 2 x !tt.tile<bf16>>
    scf.for %t = %c0 to %count step %c1 : i32 {
      tt.tile_regs_acquire {tt.comment = "Math: acquire DST, accumulate into it, hand it to the packer"}
      scf.for %k = %c0 to %Kt step %c1 : i32 {
        tt.cb_wait_front %in0, %c1 : !tt.cb<0, 2 x !tt.tile<bf16>>
        tt.cb_wait_front %in1, %c1 : !tt.cb<1, 2 x !tt.tile<bf16>>
        tt.matmul_tiles %in0[%c0], %in1[%c0] -> dst[%c0] : !tt.cb<0, 2 x !tt.tile<bf16>>, !tt.cb<1, 2 x !tt.tile<bf16>>
        tt.cb_pop_front %in0, %c1 : !tt.cb<0, 2 x !tt.tile<bf16>>
        tt.cb_pop_front %in1, %c1 : !tt.cb<1, 2 x !tt.tile<bf16>>
      } {tt.comment = "K loop: one K step of A and B blocks per iteration"}
      tt.tile_regs_commit
      tt.cb_reserve_back %out, %c1 {tt.comment = "Pack: reserve output space, pack DST into it, release DST, publish the tile"} : !tt.cb<16, 2 x !tt.tile<bf16>>
      tt.tile_regs_wait
      tt.pack_tile dst[%c0] -> %out[%c0] : !tt.cb<16, 2 x !tt.tile<bf16>>
      tt.tile_regs_release
      tt.cb_push_back %out, %c1 : !tt.cb<16, 2 x !tt.tile<bf16>>
    } {tt.comment = "For each output block this core owns (row-major block ids)"}
    return
  }

  func.func @writer() attributes {tt.kernel_role = #tt.kernel_role<writer>} {
    %c_addr = tt.get_arg_val 0 as "c_addr" {tt.comment = "Runtime arguments: this core's share of the work, set by the host with SetRuntimeArgs"} : i32
    %start = tt.get_arg_val 1 as "start_tile" : i32
    %count = tt.get_arg_val 2 as "num_tiles" : i32
    %Nt = tt.get_arg_val 3 as "Nt" : i32
    %c = tt.tensor_accessor %c_addr args 0 as "c" {tt.comment = "DRAM buffers: page layout from the compile-time args (TensorAccessorArgs), base address from the runtime args"} : !tt.accessor
    %out = tt.get_cb as "cb_out" {tt.comment = "Circular buffers in L1"} : !tt.cb<16, 2 x !tt.tile<bf16>>
    %c1 = arith.constant 1 : i32
    %end = arith.addi %start, %count : i32
    scf.for %t = %start to %end step %c1 : i32 {
      %by = arith.divui %t, %Nt : i32
      %bx = arith.remui %t, %Nt : i32
      tt.cb_wait_front %out, %c1 {tt.comment = "Wait for a page of cb_out and write it to c"} : !tt.cb<16, 2 x !tt.tile<bf16>>
      %l1_c = tt.get_read_ptr %out : !tt.cb<16, 2 x !tt.tile<bf16>>
      %c_row = arith.muli %by, %Nt : i32
      %c_page = arith.addi %c_row, %bx : i32
      tt.noc_async_write_page %c_page, %c, %l1_c
      tt.noc_async_write_barrier {tt.comment = "Wait for the write to complete, then free the page"}
      tt.cb_pop_front %out, %c1 : !tt.cb<16, 2 x !tt.tile<bf16>>
    } {tt.comment = "For each output block this core owns (row-major block ids)"}
    return
  }

  tt.program @matmul device <wormhole_b0> {
    tt.buffer @a size 8192 page_size 2048 format <bf16> layout <dram_interleaved> shape [64, 64]
    tt.buffer @b size 12288 page_size 2048 format <bf16> layout <dram_interleaved> shape [64, 96]
    tt.buffer @c size 12288 page_size 2048 format <bf16> layout <dram_interleaved> shape [64, 96]
    tt.create_cb 0 on <(0, 0) to (0, 5)> total_size 4096 page_size 2048 format <bf16>
    tt.create_cb 1 on <(0, 0) to (0, 5)> total_size 4096 page_size 2048 format <bf16>
    tt.create_cb 16 on <(0, 0) to (0, 5)> total_size 4096 page_size 2048 format <bf16>
    tt.create_kernel @reader on <(0, 0) to (0, 5)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default> compile_args [@a, @b]
    tt.create_kernel @writer on <(0, 0) to (0, 5)> config #tt.data_movement<processor = riscv_0, noc = riscv_0_default> compile_args [@c]
    tt.create_kernel @compute on <(0, 0) to (0, 5)> config #tt.compute<math_fidelity = hifi4, fp32_dest_acc_en = false, dst_full_sync_en = false>
    tt.set_runtime_args @reader at <0, 0> [@a, @b, 0, 1, 3, 2]
    tt.set_runtime_args @reader at <0, 1> [@a, @b, 1, 1, 3, 2]
    tt.set_runtime_args @reader at <0, 2> [@a, @b, 2, 1, 3, 2]
    tt.set_runtime_args @reader at <0, 3> [@a, @b, 3, 1, 3, 2]
    tt.set_runtime_args @reader at <0, 4> [@a, @b, 4, 1, 3, 2]
    tt.set_runtime_args @reader at <0, 5> [@a, @b, 5, 1, 3, 2]
    tt.set_runtime_args @compute at <0, 0> [1, 2]
    tt.set_runtime_args @compute at <0, 1> [1, 2]
    tt.set_runtime_args @compute at <0, 2> [1, 2]
    tt.set_runtime_args @compute at <0, 3> [1, 2]
    tt.set_runtime_args @compute at <0, 4> [1, 2]
    tt.set_runtime_args @compute at <0, 5> [1, 2]
    tt.set_runtime_args @writer at <0, 0> [@c, 0, 1, 3]
    tt.set_runtime_args @writer at <0, 1> [@c, 1, 1, 3]
    tt.set_runtime_args @writer at <0, 2> [@c, 2, 1, 3]
    tt.set_runtime_args @writer at <0, 3> [@c, 3, 1, 3]
    tt.set_runtime_args @writer at <0, 4> [@c, 4, 1, 3]
    tt.set_runtime_args @writer at <0, 5> [@c, 5, 1, 3]
    tt.reference_matmul @a, @b -> @c
    tt.enqueue_write_buffer @a
    tt.enqueue_write_buffer @b
    tt.enqueue_program
    tt.enqueue_read_buffer @c
  }
}
