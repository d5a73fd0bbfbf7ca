// RUN: tt-opt %s -split-input-file -verify-diagnostics

func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  %c0 = arith.constant 0 : i32
  %in0 = tt.get_cb : !tt.cb<0, 2 x !tt.tile<bf16>>
  // expected-error @+1 {{'tt.matmul_tiles' op is a compute op and cannot run in reader kernel @reader}}
  tt.matmul_tiles %in0[%c0], %in0[%c0] -> dst[%c0] : !tt.cb<0, 2 x !tt.tile<bf16>>, !tt.cb<0, 2 x !tt.tile<bf16>>
  return
}

// -----

func.func @writer() attributes {tt.kernel_role = #tt.kernel_role<writer>} {
  // expected-error @+1 {{'tt.tile_regs_acquire' op is a compute op and cannot run in writer kernel @writer}}
  tt.tile_regs_acquire
  return
}

// -----

func.func @compute() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
  // expected-error @+1 {{'tt.noc_async_read_barrier' op is a data-movement op and cannot run in compute kernel @compute}}
  tt.noc_async_read_barrier
  return
}

// -----

func.func @compute_reads_dram() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
  %a = tt.get_arg_val 0 : i32
  // expected-error @+1 {{'tt.tensor_accessor' op is a data-movement op and cannot run in compute kernel @compute_reads_dram}}
  %acc = tt.tensor_accessor %a args 0 : !tt.accessor
  return
}

// -----

// Nested regions inherit the kernel's role.
func.func @nested() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %c4 step %c1 {
    // expected-error @+1 {{'tt.noc_async_write_barrier' op is a data-movement op and cannot run in compute kernel @nested}}
    tt.noc_async_write_barrier
  }
  return
}

// -----

// expected-error @+1 {{kernel @with_args must take no arguments and return nothing}}
func.func @with_args(%x: i32) attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  return
}

// -----

// expected-error @+1 {{'tt.kernel_role' must be a #tt.kernel_role, got "reader"}}
func.func @string_role() attributes {tt.kernel_role = "reader"} {
  return
}

// -----

// expected-error @+1 {{'tt.kernel_role' only marks func.func kernels}}
module attributes {tt.kernel_role = #tt.kernel_role<reader>} {
}

// -----

// expected-error @+1 {{unknown tt dialect attribute 'tt.kernel'}}
func.func @typo() attributes {tt.kernel = #tt.kernel_role<reader>} {
  return
}
