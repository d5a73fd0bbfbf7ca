// RUN: tt-opt %s --tt-apply-target-defaults --split-input-file | FileCheck %s
// RUN: tt-opt %s --tt-apply-target-defaults="device=blackhole math-fidelity=lofi fp32-dest-acc=true" --split-input-file | FileCheck %s --check-prefix=OPTS

// CHECK-LABEL: func.func @defaults
// CHECK-SAME: tt.device = #tt.device<wormhole_b0>
// CHECK-SAME: tt.fp32_dest_acc = false
// CHECK-SAME: tt.layout = #tt.layout<dram_interleaved>
// CHECK-SAME: tt.math_fidelity = #tt.fidelity<hifi4>
// CHECK-SAME: tt.schedule_order = "row_major"
// CHECK-SAME: tt.schedule_policy = "contiguous"
// CHECK-SAME: tt.tile_shape = array<i64: 32, 32>
// OPTS-LABEL: func.func @defaults
// OPTS-SAME: tt.device = #tt.device<blackhole>
// OPTS-SAME: tt.fp32_dest_acc = true
// OPTS-SAME: tt.math_fidelity = #tt.fidelity<lofi>
func.func @defaults() {
  tl.kernel [1, 1] as (%bx, %by) {
  }
  return
}

// -----

// What the user wrote wins over options and defaults.
// CHECK-LABEL: func.func @user_choice
// CHECK-SAME: tt.device = #tt.device<blackhole, grid = 2x2>
// CHECK-SAME: tt.math_fidelity = #tt.fidelity<hifi2>
// OPTS-LABEL: func.func @user_choice
// OPTS-SAME: tt.device = #tt.device<blackhole, grid = 2x2>
// OPTS-SAME: tt.math_fidelity = #tt.fidelity<hifi2>
func.func @user_choice() attributes {tt.device = #tt.device<blackhole, grid = 2x2>,
                                     tt.math_fidelity = #tt.fidelity<hifi2>} {
  tl.kernel [1, 1] as (%bx, %by) {
  }
  return
}

// -----

// Functions without a tl kernel are not touched.
// CHECK-LABEL: func.func @host_only()
// CHECK-NOT: tt.device
// CHECK: return
func.func @host_only() {
  return
}
