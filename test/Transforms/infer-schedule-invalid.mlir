// RUN: tt-opt %s --split-input-file --tt-infer-schedule -verify-diagnostics

// expected-error @+1 {{tt-infer-schedule needs the function's target (tt.target): run tt-apply-target-defaults first}}
func.func @no_target() {
  tl.kernel [2, 2] as (%bx, %by) {
  }
  return
}

// -----

func.func @one_d() attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  // expected-error @+1 {{the Tenstorrent lowering expects a 2-D grid (T.Kernel(grid_x, grid_y)), got 1 dimensions}}
  tl.kernel [4] as (%bx) {
  }
  return
}

// -----

func.func @two_kernels() attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  tl.kernel [1, 1] as (%bx, %by) {
  }
  // expected-error @+1 {{a function may hold one tl.kernel; split the others into their own functions}}
  tl.kernel [1, 1] as (%bx, %by) {
  }
  return
}

// -----

func.func @too_many_blocks() attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  // expected-error @+1 {{the kernel's grid has 65536 x 65536 output blocks, more than the 2^32 a kernel can count}}
  tl.kernel [65536, 65536] as (%bx, %by) {
  }
  return
}
