// RUN: tt-opt %s --tt-infer-schedule --split-input-file | FileCheck %s

// 64 blocks on 64 cores: one each, no second group.
// CHECK-LABEL: func.func @even
// CHECK-SAME: tt.work_split = #tt.work_split<units = 64, grid_x = 8, grid_y = 8, row_wise = false, cores = 64, group1_cores = 64, group1_units = 1, group2_units = 0>
func.func @even() attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  tl.kernel [8, 8] as (%bx, %by) {
  }
  return
}

// -----

// 120 blocks on 64 cores: 56 cores take 2, 8 take 1 (split_work_to_cores).
// CHECK-LABEL: func.func @uneven
// CHECK-SAME: units = 120, grid_x = 8, grid_y = 8, row_wise = false, cores = 64, group1_cores = 56, group1_units = 2, group2_units = 1
func.func @uneven() attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  tl.kernel [12, 10] as (%bx, %by) {
  }
  return
}

// -----

// On Blackhole's 11x10 = 110 cores: 10 take 2, 100 take 1.
// CHECK-LABEL: func.func @uneven_blackhole
// CHECK-SAME: units = 120, grid_x = 11, grid_y = 10, row_wise = false, cores = 110, group1_cores = 10, group1_units = 2, group2_units = 1
func.func @uneven_blackhole() attributes {tt.target = #tt.target<device = <blackhole>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  tl.kernel [12, 10] as (%bx, %by) {
  }
  return
}

// -----

// Fewer blocks than cores: one core per block.
// CHECK-LABEL: func.func @few
// CHECK-SAME: units = 6, grid_x = 8, grid_y = 8, row_wise = false, cores = 6, group1_cores = 6, group1_units = 1, group2_units = 0
func.func @few() attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  tl.kernel [3, 2] as (%bx, %by) {
  }
  return
}

// -----

// More than 64 blocks per core.
// CHECK-LABEL: func.func @many
// CHECK-SAME: units = 5000, grid_x = 8, grid_y = 8, row_wise = false, cores = 64, group1_cores = 8, group1_units = 79, group2_units = 78
func.func @many() attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  tl.kernel [100, 50] as (%bx, %by) {
  }
  return
}

// -----

// A user-shrunk grid is what the split uses.
// CHECK-LABEL: func.func @small_grid
// CHECK-SAME: units = 6, grid_x = 2, grid_y = 2, row_wise = false, cores = 4, group1_cores = 2, group1_units = 2, group2_units = 1
func.func @small_grid() attributes {tt.target = #tt.target<device = <wormhole_b0, grid = 2x2>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  tl.kernel [3, 2] as (%bx, %by) {
  }
  return
}

// -----

// A batch on the reuse schedule: every block of every matrix is a unit
// (3 x 2 blocks x 8 matrices = 48), split over the cores.
// CHECK-LABEL: func.func @batch
// CHECK-SAME: tt.work_split = #tt.work_split<units = 48, grid_x = 8, grid_y = 8, row_wise = false, cores = 48, group1_cores = 48, group1_units = 1, group2_units = 0>
func.func @batch() attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  tl.kernel [3, 2, 8] as (%bx, %by, %bz) {
  }
  return
}
