// RUN: tt-opt %s --tt-verify --split-input-file -verify-diagnostics

func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  %c1 = arith.constant 1 : i32
  %c2 = arith.constant 2 : i32
  %cb = tt.get_cb : !tt.cb<0, 2 x !tt.tile<bf16>>
  // expected-error @+1 {{kernel @reader reserves 2 pages of circular buffer 0 but pushes 1 in this block}}
  tt.cb_reserve_back %cb, %c2 : !tt.cb<0, 2 x !tt.tile<bf16>>
  tt.cb_push_back %cb, %c1 : !tt.cb<0, 2 x !tt.tile<bf16>>
  return
}
tt.program @p device #tt.device<wormhole_b0> {
  tt.create_cb 0 on <(0, 0) to (0, 0)> total_size 4096 page_size 2048 format <bf16>
  tt.create_kernel @reader on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
}

// -----

func.func @compute() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
  %c1 = arith.constant 1 : i32
  // expected-error @+1 {{uses circular buffer 3, which the program never creates}}
  %cb = tt.get_cb : !tt.cb<3, 2 x !tt.tile<bf16>>
  tt.cb_wait_front %cb, %c1 : !tt.cb<3, 2 x !tt.tile<bf16>>
  tt.cb_pop_front %cb, %c1 : !tt.cb<3, 2 x !tt.tile<bf16>>
  return
}
tt.program @p device #tt.device<wormhole_b0> {
  tt.create_kernel @compute on <(0, 0) to (0, 0)> config #tt.compute<math_fidelity = hifi4, fp32_dest_acc_en = false, dst_full_sync_en = false>
}

// -----

func.func @compute() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
  // expected-error @+1 {{expects circular buffer 0 to hold 4 pages, but it is configured with 2}}
  %cb = tt.get_cb : !tt.cb<0, 4 x !tt.tile<bf16>>
  return
}
tt.program @p device #tt.device<wormhole_b0> {
  // expected-note @+1 {{configured here}}
  tt.create_cb 0 on <(0, 0) to (0, 0)> total_size 4096 page_size 2048 format <bf16>
  tt.create_kernel @compute on <(0, 0) to (0, 0)> config #tt.compute<math_fidelity = hifi4, fp32_dest_acc_en = false, dst_full_sync_en = false>
}

// -----

func.func @compute() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
  // expected-error @+1 {{circular buffer 0 is not configured on core (1, 0) where kernel @compute runs}}
  %cb = tt.get_cb : !tt.cb<0, 2 x !tt.tile<bf16>>
  return
}
tt.program @p device #tt.device<wormhole_b0> {
  tt.create_cb 0 on <(0, 0) to (0, 0)> total_size 4096 page_size 2048 format <bf16>
  tt.create_kernel @compute on <(0, 0) to (1, 0)> config #tt.compute<math_fidelity = hifi4, fp32_dest_acc_en = false, dst_full_sync_en = false>
}

// -----

// Two kernels fill circular buffer 0 and nobody drains it.
func.func @r() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  %c1 = arith.constant 1 : i32
  %cb = tt.get_cb : !tt.cb<0, 2 x !tt.tile<bf16>>
  tt.cb_reserve_back %cb, %c1 : !tt.cb<0, 2 x !tt.tile<bf16>>
  tt.cb_push_back %cb, %c1 : !tt.cb<0, 2 x !tt.tile<bf16>>
  return
}
func.func @w() attributes {tt.kernel_role = #tt.kernel_role<writer>} {
  %c1 = arith.constant 1 : i32
  %cb = tt.get_cb : !tt.cb<0, 2 x !tt.tile<bf16>>
  tt.cb_reserve_back %cb, %c1 : !tt.cb<0, 2 x !tt.tile<bf16>>
  tt.cb_push_back %cb, %c1 : !tt.cb<0, 2 x !tt.tile<bf16>>
  return
}
tt.program @p device #tt.device<wormhole_b0> {
  // expected-error @+1 {{circular buffer 0 needs exactly one producer and one consumer kernel, has 2 and 0}}
  tt.create_cb 0 on <(0, 0) to (0, 0)> total_size 4096 page_size 2048 format <bf16>
  tt.create_kernel @r on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
  tt.create_kernel @w on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_0, noc = riscv_0_default>
}

// -----

func.func @r() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  %a = tt.get_arg_val 0 : i32
  // expected-note @+1 {{read here}}
  %b = tt.get_arg_val 2 : i32
  return
}
tt.program @p device #tt.device<wormhole_b0> {
  tt.create_kernel @r on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
  // expected-error @+1 {{gives kernel @r 2 runtime arguments on core (0, 0), but it reads argument 2}}
  tt.set_runtime_args @r at <0, 0> [1, 2]
}

// -----

func.func @r() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  %a = tt.get_arg_val 0 : i32
  return
}
tt.program @p device #tt.device<wormhole_b0> {
  tt.create_kernel @r on <(0, 0) to (1, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
  tt.set_runtime_args @r at <0, 0> [1, 2]
  // expected-error @+1 {{gives kernel @r 1 runtime arguments on one core and 2 on another}}
  tt.set_runtime_args @r at <1, 0> [1]
}

// -----

// expected-error @+1 {{circular buffers on core (0, 0) need 12288 bytes of L1 but wormhole_b0 has 8192}}
tt.program @p device #tt.device<wormhole_b0, l1 = 8192> {
  tt.create_cb 0 on <(0, 0) to (0, 0)> total_size 8192 page_size 2048 format <bf16>
  tt.create_cb 1 on <(0, 0) to (0, 0)> total_size 4096 page_size 2048 format <bf16>
}

// -----

// Interleaved buffers take the same span of every DRAM bank: 12 banks of
// 1 GiB less the reserved 64 KiB hold 524256 pages of 2048 bytes each; one
// page more needs a 524257th row of pages.
tt.program @p device #tt.device<wormhole_b0> {
  // expected-error @-1 {{the program's DRAM buffers need 12.00 GiB (1073678336 bytes in each of 12 banks) but wormhole_b0 has 11.99 GiB for buffers (1073676288 bytes per bank)}}
  // expected-note @+1 {{the largest is @a, 12.00 GiB}}
  tt.buffer @a size 12884115456 page_size 2048 format <bf16> layout <dram_interleaved>
  tt.buffer @b size 2048 page_size 2048 format <bf16> layout <dram_interleaved>
}

// -----

// Blackhole: 8 banks reachable up to 0xFFFF0000 bytes each.
tt.program @p device #tt.device<blackhole> {
  // expected-error @-1 {{the program's DRAM buffers need 32.00 GiB (4294967296 bytes in each of 8 banks) but blackhole has 31.99 GiB for buffers (4294836224 bytes per bank)}}
  // expected-note @+1 {{the largest is @a, 32.00 GiB}}
  tt.buffer @a size 34359738368 page_size 2048 format <bf16> layout <dram_interleaved>
}
