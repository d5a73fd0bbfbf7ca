// Every way a tt module can fail --emit-metalium: located diagnostics, no
// crash, no output.
// RUN: tt-translate --emit-metalium %s -split-input-file -verify-diagnostics

// A module without a host program.
// expected-error @+1 {{no tt.program to emit}}
module {
  func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
    return
  }
}

// -----

module {
  func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
    return
  }
  // expected-note @+1 {{first program here}}
  tt.program @p device <wormhole_b0> {
  }
  // expected-error @+1 {{is a second program}}
  tt.program @q device <wormhole_b0> {
  }
}

// -----

// A program without a writer kernel.
module {
  func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
    return
  }
  func.func @compute() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
    return
  }
  // expected-error @+1 {{has no writer kernel}}
  tt.program @p device <wormhole_b0> {
    tt.create_kernel @reader on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
    tt.create_kernel @compute on <(0, 0) to (0, 0)> config #tt.compute<math_fidelity = hifi4, fp32_dest_acc_en = false, dst_full_sync_en = false>
    tt.enqueue_program
  }
}

// -----

// Two reader kernels: files are named by role.
module {
  func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
    return
  }
  func.func @reader2() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
    return
  }
  tt.program @p device <wormhole_b0> {
    // expected-note @+1 {{first reader kernel @reader placed here}}
    tt.create_kernel @reader on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
    // expected-error @+1 {{places a second reader kernel (@reader2)}}
    tt.create_kernel @reader2 on <(1, 0) to (1, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
    tt.enqueue_program
  }
}

// -----

// A kernel function that is missing (caught when the input is verified).
module {
  tt.program @p device <wormhole_b0> {
    // expected-error @+1 {{kernel @missing does not name a func.func}}
    tt.create_kernel @missing on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
    tt.enqueue_program
  }
}

// -----

// A kernel that is only declared.
module {
  // expected-note @+1 {{declared here}}
  func.func private @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>}
  func.func @writer() attributes {tt.kernel_role = #tt.kernel_role<writer>} {
    return
  }
  func.func @compute() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
    return
  }
  tt.program @p device <wormhole_b0> {
    // expected-error @+1 {{kernel @reader has no body to emit}}
    tt.create_kernel @reader on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
    tt.create_kernel @writer on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_0, noc = riscv_0_default>
    tt.create_kernel @compute on <(0, 0) to (0, 0)> config #tt.compute<math_fidelity = hifi4, fp32_dest_acc_en = false, dst_full_sync_en = false>
    tt.enqueue_program
  }
}

// -----

// The host uploads bfp8_b inputs but does not read bfp8_b results back.
module {
  func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
    return
  }
  func.func @writer() attributes {tt.kernel_role = #tt.kernel_role<writer>} {
    return
  }
  func.func @compute() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
    return
  }
  tt.program @p device <wormhole_b0> {
    // expected-error @+1 {{is in bfp8_b, but the host program reads block floating point buffers back only as inputs it uploaded: bfp8_b results are not supported yet}}
    tt.buffer @a size 1088 page_size 1088 format <bfp8_b> layout <dram_interleaved> shape [32, 32]
    tt.create_kernel @reader on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
    tt.create_kernel @writer on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_0, noc = riscv_0_default>
    tt.create_kernel @compute on <(0, 0) to (0, 0)> config #tt.compute<math_fidelity = hifi4, fp32_dest_acc_en = false, dst_full_sync_en = false>
    tt.enqueue_program
    tt.enqueue_read_buffer @a
  }
}

// -----

// Uploaded data needs a shape to tilize.
module {
  func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
    return
  }
  func.func @writer() attributes {tt.kernel_role = #tt.kernel_role<writer>} {
    return
  }
  func.func @compute() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
    return
  }
  tt.program @p device <wormhole_b0> {
    // expected-error @+1 {{needs a shape: the host program uploads it}}
    tt.buffer @a size 2048 page_size 2048 format <bf16> layout <dram_interleaved>
    tt.create_kernel @reader on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
    tt.create_kernel @writer on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_0, noc = riscv_0_default>
    tt.create_kernel @compute on <(0, 0) to (0, 0)> config #tt.compute<math_fidelity = hifi4, fp32_dest_acc_en = false, dst_full_sync_en = false>
    tt.enqueue_write_buffer @a
    tt.enqueue_program
  }
}

// -----

// A shape that is not whole tiles is stored zero-padded to whole tiles:
// 48x32 needs 2 tiles, not 1.
module {
  func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
    return
  }
  func.func @writer() attributes {tt.kernel_role = #tt.kernel_role<writer>} {
    return
  }
  func.func @compute() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
    return
  }
  tt.program @p device <wormhole_b0> {
    // expected-error @+1 {{size 2048 does not hold its 48x32 shape (4096 bytes)}}
    tt.buffer @c size 2048 page_size 2048 format <bf16> layout <dram_interleaved> shape [48, 32]
    tt.create_kernel @reader on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
    tt.create_kernel @writer on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_0, noc = riscv_0_default>
    tt.create_kernel @compute on <(0, 0) to (0, 0)> config #tt.compute<math_fidelity = hifi4, fp32_dest_acc_en = false, dst_full_sync_en = false>
    tt.enqueue_program
    tt.enqueue_read_buffer @c
  }
}

// -----

// Pages of the host's tilized data are single tiles.
module {
  func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
    return
  }
  func.func @writer() attributes {tt.kernel_role = #tt.kernel_role<writer>} {
    return
  }
  func.func @compute() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
    return
  }
  tt.program @p device <wormhole_b0> {
    // expected-error @+1 {{page size 4096 is not one bf16 tile (2048 bytes)}}
    tt.buffer @a size 8192 page_size 4096 format <bf16> layout <dram_interleaved> shape [64, 64]
    tt.create_kernel @reader on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
    tt.create_kernel @writer on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_0, noc = riscv_0_default>
    tt.create_kernel @compute on <(0, 0) to (0, 0)> config #tt.compute<math_fidelity = hifi4, fp32_dest_acc_en = false, dst_full_sync_en = false>
    tt.enqueue_write_buffer @a
    tt.enqueue_program
  }
}

// -----

// Only DRAM-interleaved buffers.
module {
  func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
    return
  }
  func.func @writer() attributes {tt.kernel_role = #tt.kernel_role<writer>} {
    return
  }
  func.func @compute() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
    return
  }
  tt.program @p device <wormhole_b0> {
    // expected-error @+1 {{has layout l1_sharded, but the Metalium emitter supports only dram_interleaved buffers}}
    tt.buffer @a size 2048 page_size 2048 format <bf16> layout <l1_sharded> shape [32, 32]
    tt.create_kernel @reader on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
    tt.create_kernel @writer on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_0, noc = riscv_0_default>
    tt.create_kernel @compute on <(0, 0) to (0, 0)> config #tt.compute<math_fidelity = hifi4, fp32_dest_acc_en = false, dst_full_sync_en = false>
    tt.enqueue_program
  }
}

// -----

// A core whose runtime-argument table is shorter than what the kernel reads.
module {
  func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
    %n = tt.get_arg_val 0 as "num_tiles" : i32
    // expected-note @+1 {{read here}}
    %k = tt.get_arg_val 1 as "Kt" : i32
    return
  }
  func.func @writer() attributes {tt.kernel_role = #tt.kernel_role<writer>} {
    return
  }
  func.func @compute() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
    return
  }
  tt.program @p device <wormhole_b0> {
    tt.create_kernel @reader on <(0, 0) to (1, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
    tt.create_kernel @writer on <(0, 0) to (1, 0)> config #tt.data_movement<processor = riscv_0, noc = riscv_0_default>
    tt.create_kernel @compute on <(0, 0) to (1, 0)> config #tt.compute<math_fidelity = hifi4, fp32_dest_acc_en = false, dst_full_sync_en = false>
    tt.set_runtime_args @reader at <0, 0> [1, 2]
    // expected-error @+1 {{gives kernel @reader 1 runtime arguments on core (1, 0), but it reads argument 1 ('Kt')}}
    tt.set_runtime_args @reader at <1, 0> [1]
    tt.enqueue_program
  }
}

// -----

// A kernel that reads runtime arguments nobody sets.
module {
  func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
    return
  }
  func.func @writer() attributes {tt.kernel_role = #tt.kernel_role<writer>} {
    return
  }
  func.func @compute() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
    // expected-note @+1 {{read here}}
    %n = tt.get_arg_val 0 as "num_tiles" : i32
    return
  }
  tt.program @p device <wormhole_b0> {
    tt.create_kernel @reader on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
    tt.create_kernel @writer on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_0, noc = riscv_0_default>
    // expected-error @+1 {{kernel @compute reads runtime argument 0 but the program sets no runtime arguments for it}}
    tt.create_kernel @compute on <(0, 0) to (0, 0)> config #tt.compute<math_fidelity = hifi4, fp32_dest_acc_en = false, dst_full_sync_en = false>
    tt.enqueue_program
  }
}

// -----

// Common runtime arguments have no host op.
module {
  func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
    // expected-error @+1 {{reads a common runtime argument, but tt.program has no way to set common runtime arguments for kernel @reader}}
    %n = tt.get_common_arg_val 0 as "n" : i32
    return
  }
  func.func @writer() attributes {tt.kernel_role = #tt.kernel_role<writer>} {
    return
  }
  func.func @compute() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
    return
  }
  tt.program @p device <wormhole_b0> {
    tt.create_kernel @reader on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
    tt.create_kernel @writer on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_0, noc = riscv_0_default>
    tt.create_kernel @compute on <(0, 0) to (0, 0)> config #tt.compute<math_fidelity = hifi4, fp32_dest_acc_en = false, dst_full_sync_en = false>
    tt.enqueue_program
  }
}

// -----

// An accessor whose TensorAccessorArgs offset is an integer argument, not a buffer.
module {
  func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
    %addr = tt.get_arg_val 0 as "a_addr" : i32
    // expected-error @+1 {{reads TensorAccessorArgs at compile-time argument 0, but no buffer's arguments start there in the compile_args of tt.create_kernel @reader (3 values)}}
    %a = tt.tensor_accessor %addr args 0 as "a" : !tt.accessor
    return
  }
  func.func @writer() attributes {tt.kernel_role = #tt.kernel_role<writer>} {
    return
  }
  func.func @compute() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
    return
  }
  tt.program @p device <wormhole_b0> {
    tt.buffer @a size 2048 page_size 2048 format <bf16> layout <dram_interleaved> shape [32, 32]
    tt.create_kernel @reader on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default> compile_args [7, @a]
    tt.create_kernel @writer on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_0, noc = riscv_0_default>
    tt.create_kernel @compute on <(0, 0) to (0, 0)> config #tt.compute<math_fidelity = hifi4, fp32_dest_acc_en = false, dst_full_sync_en = false>
    tt.set_runtime_args @reader at <0, 0> [@a]
    tt.enqueue_program
  }
}

// -----

// A compile-time argument beyond the kernel's list.
module {
  func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
    return
  }
  func.func @writer() attributes {tt.kernel_role = #tt.kernel_role<writer>} {
    return
  }
  func.func @compute() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
    // expected-error @+1 {{reads compile-time argument 1, but tt.create_kernel @compute passes only 1}}
    %b = tt.get_compile_time_arg_val 1 as "block" : i32
    return
  }
  tt.program @p device <wormhole_b0> {
    tt.create_kernel @reader on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
    tt.create_kernel @writer on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_0, noc = riscv_0_default>
    tt.create_kernel @compute on <(0, 0) to (0, 0)> config #tt.compute<math_fidelity = hifi4, fp32_dest_acc_en = false, dst_full_sync_en = false> compile_args [4]
    tt.enqueue_program
  }
}

// -----

// A circular buffer the program configures on only some of the kernel's cores.
module {
  func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
    // expected-error @+1 {{circular buffer 0 is not configured on core (0, 1) where kernel @reader runs}}
    %in0 = tt.get_cb as "cb_in0" : !tt.cb<0, 2 x !tt.tile<bf16>>
    return
  }
  func.func @writer() attributes {tt.kernel_role = #tt.kernel_role<writer>} {
    return
  }
  func.func @compute() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
    return
  }
  tt.program @p device <wormhole_b0> {
    tt.create_cb 0 on <(0, 0) to (0, 0)> total_size 4096 page_size 2048 format <bf16>
    tt.create_kernel @reader on <(0, 0) to (0, 1)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
    tt.create_kernel @writer on <(0, 0) to (0, 1)> config #tt.data_movement<processor = riscv_0, noc = riscv_0_default>
    tt.create_kernel @compute on <(0, 0) to (0, 1)> config #tt.compute<math_fidelity = hifi4, fp32_dest_acc_en = false, dst_full_sync_en = false>
    tt.enqueue_program
  }
}

// -----

// A kernel that treats a CB as another format than the program configures.
module {
  func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
    return
  }
  func.func @writer() attributes {tt.kernel_role = #tt.kernel_role<writer>} {
    // expected-error @+1 {{treats circular buffer 16 as f32 tiles, but it is configured as bf16}}
    %out = tt.get_cb as "cb_out" : !tt.cb<16, 2 x !tt.tile<f32>>
    return
  }
  func.func @compute() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
    return
  }
  tt.program @p device <wormhole_b0> {
    // expected-note @+1 {{configured here}}
    tt.create_cb 16 on <(0, 0) to (0, 0)> total_size 4096 page_size 2048 format <bf16>
    tt.create_kernel @reader on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
    tt.create_kernel @writer on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_0, noc = riscv_0_default>
    tt.create_kernel @compute on <(0, 0) to (0, 0)> config #tt.compute<math_fidelity = hifi4, fp32_dest_acc_en = false, dst_full_sync_en = false>
    tt.enqueue_program
  }
}

// -----

// A kernel that expects more CB pages than configured.
module {
  func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
    // expected-error @+1 {{expects circular buffer 0 to hold 4 pages, but it is configured with 2}}
    %in0 = tt.get_cb as "cb_in0" : !tt.cb<0, 4 x !tt.tile<bf16>>
    return
  }
  func.func @writer() attributes {tt.kernel_role = #tt.kernel_role<writer>} {
    return
  }
  func.func @compute() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
    return
  }
  tt.program @p device <wormhole_b0> {
    // expected-note @+1 {{configured here}}
    tt.create_cb 0 on <(0, 0) to (0, 0)> total_size 4096 page_size 2048 format <bf16>
    tt.create_kernel @reader on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
    tt.create_kernel @writer on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_0, noc = riscv_0_default>
    tt.create_kernel @compute on <(0, 0) to (0, 0)> config #tt.compute<math_fidelity = hifi4, fp32_dest_acc_en = false, dst_full_sync_en = false>
    tt.enqueue_program
  }
}

// -----

// The reference check needs C read back.
module {
  func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
    return
  }
  func.func @writer() attributes {tt.kernel_role = #tt.kernel_role<writer>} {
    return
  }
  func.func @compute() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
    return
  }
  tt.program @p device <wormhole_b0> {
    tt.buffer @a size 2048 page_size 2048 format <bf16> layout <dram_interleaved> shape [32, 32]
    tt.buffer @b size 2048 page_size 2048 format <bf16> layout <dram_interleaved> shape [32, 32]
    tt.buffer @c size 2048 page_size 2048 format <bf16> layout <dram_interleaved> shape [32, 32]
    tt.create_kernel @reader on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
    tt.create_kernel @writer on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_0, noc = riscv_0_default>
    tt.create_kernel @compute on <(0, 0) to (0, 0)> config #tt.compute<math_fidelity = hifi4, fp32_dest_acc_en = false, dst_full_sync_en = false>
    // expected-error @+1 {{checks @c, which the program never reads back (tt.enqueue_read_buffer)}}
    tt.reference_matmul @a, @b -> @c
    tt.enqueue_write_buffer @a
    tt.enqueue_write_buffer @b
    tt.enqueue_program
  }
}

// -----

// The reference check needs the inputs the host generated.
module {
  func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
    return
  }
  func.func @writer() attributes {tt.kernel_role = #tt.kernel_role<writer>} {
    return
  }
  func.func @compute() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
    return
  }
  tt.program @p device <wormhole_b0> {
    tt.buffer @a size 2048 page_size 2048 format <bf16> layout <dram_interleaved> shape [32, 32]
    tt.buffer @b size 2048 page_size 2048 format <bf16> layout <dram_interleaved> shape [32, 32]
    tt.buffer @c size 2048 page_size 2048 format <bf16> layout <dram_interleaved> shape [32, 32]
    tt.create_kernel @reader on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
    tt.create_kernel @writer on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_0, noc = riscv_0_default>
    tt.create_kernel @compute on <(0, 0) to (0, 0)> config #tt.compute<math_fidelity = hifi4, fp32_dest_acc_en = false, dst_full_sync_en = false>
    // expected-error @+1 {{checks against input @b, which the program never uploads}}
    tt.reference_matmul @a, @b -> @c
    tt.enqueue_write_buffer @a
    tt.enqueue_program
    tt.enqueue_read_buffer @c
  }
}

// -----

// A program that never launches.
module {
  func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
    return
  }
  func.func @writer() attributes {tt.kernel_role = #tt.kernel_role<writer>} {
    return
  }
  func.func @compute() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
    return
  }
  // expected-error @+1 {{never launches its kernels: add a tt.enqueue_program}}
  tt.program @p device <wormhole_b0> {
    tt.create_kernel @reader on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
    tt.create_kernel @writer on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_0, noc = riscv_0_default>
    tt.create_kernel @compute on <(0, 0) to (0, 0)> config #tt.compute<math_fidelity = hifi4, fp32_dest_acc_en = false, dst_full_sync_en = false>
  }
}

// -----

// A name the kernel source cannot use.
module {
  func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
    %c0 = arith.constant 0 : i32
    %c1 = arith.constant 1 : i32
    // expected-error @+1 {{name 'num tiles' is not a valid C++ identifier}}
    %n = tt.get_arg_val 0 as "num tiles" : i32
    scf.for %i = %c0 to %n step %c1 : i32 {
      tt.noc_async_read_barrier
    }
    return
  }
  func.func @writer() attributes {tt.kernel_role = #tt.kernel_role<writer>} {
    return
  }
  func.func @compute() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
    return
  }
  tt.program @p device <wormhole_b0> {
    tt.create_kernel @reader on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
    tt.create_kernel @writer on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_0, noc = riscv_0_default>
    tt.create_kernel @compute on <(0, 0) to (0, 0)> config #tt.compute<math_fidelity = hifi4, fp32_dest_acc_en = false, dst_full_sync_en = false>
    tt.set_runtime_args @reader at <0, 0> [1]
    tt.enqueue_program
  }
}

// -----

// An op of an earlier pipeline stage left in a kernel.
module {
  func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
    return
  }
  func.func @writer() attributes {tt.kernel_role = #tt.kernel_role<writer>} {
    return
  }
  func.func @compute() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
    %c0 = arith.constant 0 : i32
    %c1 = arith.constant 1 : i32
    // expected-error @+1 {{'tt.runtime_param' op is not a Metalium kernel call and cannot be emitted}}
    %kt = tt.runtime_param "Kt" = 2 : i32
    scf.for %k = %c0 to %kt step %c1 : i32 {
      tt.tile_regs_acquire
    }
    return
  }
  tt.program @p device <wormhole_b0> {
    tt.create_kernel @reader on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
    tt.create_kernel @writer on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_0, noc = riscv_0_default>
    tt.create_kernel @compute on <(0, 0) to (0, 0)> config #tt.compute<math_fidelity = hifi4, fp32_dest_acc_en = false, dst_full_sync_en = false>
    tt.enqueue_program
  }
}

// -----

// A name with a newline would end a C++ comment and turn the rest into code.
module {
  // expected-error @+1 {{program name "bad\0Aname" cannot appear in the emitted C++: use letters, digits, '_', '.' and '-'}}
  tt.program @"bad\0Aname" device <wormhole_b0> {
  }
}

// -----

module {
  func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
    return
  }
  tt.program @p device <wormhole_b0> {
    // expected-error @+1 {{buffer name "a\22b" cannot appear in the emitted C++}}
    tt.buffer @"a\22b" size 2048 page_size 2048 format <bf16> layout <dram_interleaved>
  }
}
