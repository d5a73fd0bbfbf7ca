// RUN: tt-opt %s --split-input-file --tt-infer-schedule=schedule=multicast -verify-diagnostics

func.func @too_many_blocks() attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  // expected-error @+1 {{the multicast schedule places one output block per core, but the kernel's 9x2 blocks do not fit the 8x8 compute grid of wormhole_b0, nor are they one row or column of blocks that fills a rectangle of it; use larger blocks (block-m, block-n) or schedule=reuse}}
  tl.kernel [9, 2] as (%bx, %by) {
  }
  return
}

// -----

// Blackhole's grid is 11 columns by 10 rows: 11x10 blocks fit.
func.func @fits_blackhole() attributes {tt.target = #tt.target<device = <blackhole>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  tl.kernel [11, 10] as (%bx, %by) {
  }
  return
}

// -----

func.func @too_tall_blackhole() attributes {tt.target = #tt.target<device = <blackhole>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  // expected-error @+1 {{the kernel's 10x11 blocks do not fit the 11x10 compute grid of blackhole}}
  tl.kernel [10, 11] as (%bx, %by) {
  }
  return
}

// -----

// One column of 65 blocks: more than the 64 cores.
func.func @column_too_long() attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  // expected-error @+1 {{the kernel's 1x65 blocks do not fit the 8x8 compute grid of wormhole_b0, nor are they one row or column of blocks that fills a rectangle of it}}
  tl.kernel [1, 65] as (%bx, %by) {
  }
  return
}

// -----

// One row of 11 blocks: a prime count longer than the grid's 8 columns
// fills no rectangle of it.
func.func @row_fills_no_rectangle() attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  // expected-error @+1 {{the kernel's 11x1 blocks do not fit the 8x8 compute grid of wormhole_b0, nor are they one row or column of blocks}}
  tl.kernel [11, 1] as (%bx, %by) {
  }
  return
}
