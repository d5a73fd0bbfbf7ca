// RUN: tt-opt %s --tt-apply-target-defaults --tt-infer-schedule --split-input-file | FileCheck %s
// RUN: tt-opt %s --tt-apply-target-defaults=device=blackhole --tt-infer-schedule --split-input-file | FileCheck %s --check-prefix=BH

// 64 tiles on 64 cores: one each.
// CHECK-LABEL: func.func @even
// CHECK-SAME: tt.schedule = #tt.schedule<policy = "contiguous", order = "row_major", grid_x = 8, grid_y = 8, tiles = 64, cores = 64, group1_cores = 64, group1_tiles = 1, group2_cores = 0, group2_tiles = 0>
// BH-LABEL: func.func @even
// BH-SAME: tiles = 64, cores = 64, group1_cores = 64, group1_tiles = 1
func.func @even() {
  tl.kernel [8, 8] as (%bx, %by) {
  }
  return
}

// -----

// 120 tiles on 64 cores: 56 cores take 2, 8 take 1 (split_work_to_cores).
// On Blackhole's 110 cores: 10 take 2, 100 take 1.
// CHECK-LABEL: func.func @uneven
// CHECK-SAME: tiles = 120, cores = 64, group1_cores = 56, group1_tiles = 2, group2_cores = 8, group2_tiles = 1
// BH-LABEL: func.func @uneven
// BH-SAME: tiles = 120, cores = 110, group1_cores = 10, group1_tiles = 2, group2_cores = 100, group2_tiles = 1
func.func @uneven() {
  tl.kernel [12, 10] as (%bx, %by) {
  }
  return
}

// -----

// Fewer tiles than cores: one core per tile.
// CHECK-LABEL: func.func @few
// CHECK-SAME: grid_x = 3, grid_y = 2, tiles = 6, cores = 6, group1_cores = 6, group1_tiles = 1, group2_cores = 0
func.func @few() {
  tl.kernel [3, 2] as (%bx, %by) {
  }
  return
}

// -----

// More than 64 output tiles per core: 32x32 tiles = 1024 tiles on 8x8.
// CHECK-LABEL: func.func @many
// CHECK-SAME: tiles = 5000, cores = 64, group1_cores = 8, group1_tiles = 79, group2_cores = 56, group2_tiles = 78
func.func @many() {
  tl.kernel [100, 50] as (%bx, %by) {
  }
  return
}
