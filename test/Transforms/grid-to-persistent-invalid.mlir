// RUN: tt-opt %s --tt-grid-to-persistent -split-input-file -verify-diagnostics

func.func @one_d() {
  // expected-error @+1 {{expects a 2-D grid, or a 3-D grid whose third extent is a batch}}
  tl.kernel [4] as (%bx) {
  }
  return
}

// -----

func.func @batch_without_split() {
  // expected-error @+1 {{a batched grid needs the function's work split (tt.work_split) to say how blocks go to cores: run tt-infer-schedule first}}
  tl.kernel [2, 2, 3] as (%bx, %by, %bz) {
  }
  return
}

// -----

func.func @batch_split_mismatch() attributes {tt.work_split = #tt.work_split<units = 5, grid_x = 8, grid_y = 8, row_wise = false, cores = 5, group1_cores = 5, group1_units = 1, group2_units = 0>} {
  // expected-error @+1 {{the work split has 5 units, neither the 4 blocks of one matrix nor the 12 blocks of the batch}}
  tl.kernel [2, 2, 3] as (%bx, %by, %bz) {
  }
  return
}

// -----

// Only a tl.kernel may hold tl ops: the body must be lowered first.
func.func @body_not_lowered() {
  tl.kernel [1, 1] as (%bx, %by) {
    // expected-error @+1 {{'tl.alloc_fragment' op is still in the grid's body: run tt-lower-memory-space before tt-grid-to-persistent (the block loop holds tt ops only)}}
    %c = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
  }
  return
}
