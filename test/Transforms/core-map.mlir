// RUN: tt-opt %s --tt-apply-target-defaults --tt-infer-schedule --tt-core-map --split-input-file | FileCheck %s
// RUN: tt-opt %s --tt-apply-target-defaults=device=blackhole --tt-infer-schedule --tt-core-map --split-input-file | FileCheck %s --check-prefix=BH

// 6 tiles: the first 6 cores of column 0 (column-major, as split_work_to_cores
// with row_wise = false numbers them).
// CHECK-LABEL: func.func @six
// CHECK-SAME: tt.core_work = array<i64: 0, 0, 0, 1, 0, 1, 1, 1, 0, 2, 2, 1, 0, 3, 3, 1, 0, 4, 4, 1, 0, 5, 5, 1>
// CHECK-SAME: tt.cores = #tt.core_range_set<(0, 0) to (0, 5)>
func.func @six() {
  tl.kernel [3, 2] as (%bx, %by) {
  }
  return
}

// -----

// 120 tiles on 64 cores: the first 56 cores (7 full columns) take 2 tiles, the
// last 8 take 1. The first core of each group and the last core:
// CHECK-LABEL: func.func @uneven
// CHECK-SAME: tt.core_work = array<i64: 0, 0, 0, 2,
// CHECK-SAME: 6, 7, 110, 2, 7, 0, 112, 1,
// CHECK-SAME: 7, 7, 119, 1>
// CHECK-SAME: tt.cores = #tt.core_range_set<(0, 0) to (7, 7)>
// Blackhole has 10 rows: 110 cores, 10 with 2 tiles then 100 with 1.
// BH-LABEL: func.func @uneven
// BH-SAME: tt.core_work = array<i64: 0, 0, 0, 2,
// BH-SAME: 0, 9, 18, 2, 1, 0, 20, 1,
// BH-SAME: 10, 9, 119, 1>
// BH-SAME: tt.cores = #tt.core_range_set<(0, 0) to (10, 9)>
func.func @uneven() {
  tl.kernel [12, 10] as (%bx, %by) {
  }
  return
}

// -----

// 13 tiles: one full column of 8 and 5 cores of the next.
// CHECK-LABEL: func.func @partial_column
// CHECK-SAME: tt.cores = #tt.core_range_set<(0, 0) to (0, 7), (1, 0) to (1, 4)>
func.func @partial_column() {
  tl.kernel [13, 1] as (%bx, %by) {
  }
  return
}
