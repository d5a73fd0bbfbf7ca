// RUN: tt-opt %s --split-input-file --tt-infer-schedule -verify-diagnostics

// expected-error @+1 {{run tt-apply-target-defaults first: no schedule policy}}
func.func @no_defaults() {
  tl.kernel [2, 2] as (%bx, %by) {
  }
  return
}

// -----

func.func @one_d() attributes {tt.schedule_policy = "contiguous", tt.schedule_order = "row_major"} {
  // expected-error @+1 {{the Tenstorrent lowering expects a 2-D grid (T.Kernel(grid_x, grid_y)), got 1 dimensions}}
  tl.kernel [4] as (%bx) {
  }
  return
}

// -----

func.func @two_kernels() attributes {tt.schedule_policy = "contiguous", tt.schedule_order = "row_major"} {
  tl.kernel [1, 1] as (%bx, %by) {
  }
  // expected-error @+1 {{a function may hold one tl.kernel; split the others into their own functions}}
  tl.kernel [1, 1] as (%bx, %by) {
  }
  return
}

// -----

// expected-error @+1 {{schedule order "column_major" is not supported yet; use row_major}}
func.func @column_major() attributes {tt.schedule_policy = "contiguous", tt.schedule_order = "column_major"} {
  tl.kernel [1, 1] as (%bx, %by) {
  }
  return
}
