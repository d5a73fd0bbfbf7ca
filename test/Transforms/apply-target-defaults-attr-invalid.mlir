// RUN: tt-opt %s -split-input-file -verify-diagnostics

// expected-error @+1 {{'tt.target' must be a #tt.target, got #tt.device<wormhole_b0>}}
func.func @target() attributes {tt.target = #tt.device<wormhole_b0>} {
  return
}

// -----

// expected-error @+1 {{'tt.work_split' must be a #tt.work_split, got array<i64: 0, 0, 1>}}
func.func @work() attributes {tt.work_split = array<i64: 0, 0, 1>} {
  return
}

// -----

// expected-error @+1 {{split_work_to_cores gives 120 units on a 8x8 grid to 64 cores: 56 with 2 and 8 with 1; the split says 64 cores: 60 with 2 and 4 with 1}}
func.func @wrong_split() attributes {tt.work_split = #tt.work_split<units = 120, grid_x = 8, grid_y = 8, row_wise = false, cores = 64, group1_cores = 60, group1_units = 2, group2_units = 1>} {
  return
}

// -----

// expected-error @+1 {{a work split needs at least one unit of work}}
func.func @no_work() attributes {tt.work_split = #tt.work_split<units = 0, grid_x = 8, grid_y = 8, row_wise = false, cores = 0, group1_cores = 0, group1_units = 0, group2_units = 0>} {
  return
}

// -----

// expected-error @+1 {{unknown tt dialect attribute 'tt.device'}}
func.func @retired() attributes {tt.device = #tt.device<wormhole_b0>} {
  return
}

// -----

// expected-error @+1 {{'tt.shard' of argument 0 must be a #tt.shard}}
func.func @shard(%a: memref<32x32xbf16> {tt.shard = 1 : i64}) {
  return
}

// -----

// expected-error @+2 {{device l1 must be positive, got -1}}
// expected-error @+1 {{failed to parse TT_TargetAttr parameter 'device'}}
func.func @negative_l1() attributes {tt.target = #tt.target<device = <wormhole_b0, l1 = -1>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  return
}
