// RUN: tt-opt %s -split-input-file -verify-diagnostics

func.func @no_receivers() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  %c0 = arith.constant 0 : i32
  %c2048 = arith.constant 2048 : i32
  %dst = tt.get_noc_multicast_addr %c0, %c0, %c0, %c0, %c0 : i64
  // expected-error @+1 {{multicasts to 0 cores: num_dests counts the receivers, which must not be empty}}
  tt.noc_async_write_multicast %c0, %dst, %c2048, %c0 : i64
  return
}

// -----

func.func @no_bytes() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %dst = tt.get_noc_multicast_addr %c0, %c0, %c1, %c0, %c0 : i64
  // expected-error @+1 {{multicasts 0 bytes}}
  tt.noc_async_write_multicast %c0, %dst, %c0, %c1 : i64
  return
}

// -----

func.func @flag_no_receivers() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  %c0 = arith.constant 0 : i32
  %dst = tt.get_noc_multicast_addr %c0, %c0, %c0, %c0, %c0 : i64
  // expected-error @+1 {{multicasts to 0 cores}}
  tt.noc_semaphore_set_multicast %c0, %dst, %c0 : i64
  return
}

// -----

func.func @coordinate_range() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  %c0 = arith.constant 0 : i32
  %c64 = arith.constant 64 : i32
  // expected-error @+1 {{NoC coordinate 64 is outside the NoC's 0-63 range}}
  %dst = tt.get_noc_multicast_addr %c0, %c0, %c64, %c0, %c0 : i64
  return
}

// -----

func.func @semaphore_in_compute() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
  %c0 = arith.constant 0 : i32
  // expected-error @+1 {{is a data-movement op and cannot run in compute kernel @semaphore_in_compute}}
  %s = tt.get_semaphore %c0 : i32
  return
}

// -----

func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  return
}
tt.program @p device #tt.device<wormhole_b0> {
  tt.create_kernel @reader on <(0, 0) to (1, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
  // expected-error @+1 {{uses core (8, 0) outside the 8x8 compute grid of wormhole_b0}}
  tt.semaphore @s on <(0, 0) to (8, 0)> initial 0
}

// -----

// expected-error @+1 {{'tt.multicast' marks a tl.copy block load}}
func.func @mark_on_function() attributes {tt.multicast = #tt.along<row>} {
  return
}

// -----

// expected-error @+1 {{'tt.multicast' must be a #tt.along<row>, #tt.along<column> or #tt.along<grid>, got 1 : i64}}
func.func @mark_value() attributes {tt.multicast = 1} {
  return
}

// -----

func.func @loopback_no_cores() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  %c0 = arith.constant 0 : i32
  %c2048 = arith.constant 2048 : i32
  %dst = tt.get_noc_multicast_addr %c0, %c0, %c0, %c0, %c0 : i64
  // expected-error @+1 {{multicasts to 0 cores: num_dests counts the cores of the rectangle, the sender included}}
  tt.noc_async_write_multicast_loopback_src %c0, %dst, %c2048, %c0 : i64
  return
}

// -----

func.func @loopback_no_bytes() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %dst = tt.get_noc_multicast_addr %c0, %c0, %c0, %c0, %c0 : i64
  // expected-error @+1 {{multicasts 0 bytes}}
  tt.noc_async_write_multicast_loopback_src %c0, %dst, %c0, %c1 : i64
  return
}

// -----

func.func @loopback_flag_no_cores() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  %c0 = arith.constant 0 : i32
  %dst = tt.get_noc_multicast_addr %c0, %c0, %c0, %c0, %c0 : i64
  // expected-error @+1 {{multicasts to 0 cores: num_dests counts the cores of the rectangle}}
  tt.noc_semaphore_set_multicast_loopback_src %c0, %dst, %c0 : i64
  return
}
