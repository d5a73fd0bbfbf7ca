// RUN: tt-opt %s --tt-apply-target-defaults --split-input-file | FileCheck %s
// RUN: tt-opt %s --tt-apply-target-defaults="device=blackhole math-fidelity=lofi fp32-dest-acc=true" --split-input-file | FileCheck %s --check-prefix=OPTS
// RUN: tt-opt %s --tt-apply-target-defaults="system=t3k" --split-input-file | FileCheck %s --check-prefix=T3K

// CHECK-LABEL: func.func @defaults
// CHECK-SAME: tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>
// OPTS-LABEL: func.func @defaults
// OPTS-SAME: tt.target = #tt.target<device = <blackhole>, math_fidelity = lofi, fp32_dest_acc = true>
// A system of several devices is the mesh they form (the emulator's system model).
// T3K-LABEL: func.func @defaults
// T3K-SAME: tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false, mesh = <2, 4>>
func.func @defaults() {
  tl.kernel [1, 1] as (%bx, %by) {
  }
  return
}

// -----

// What the user wrote wins over options and defaults.
// CHECK-LABEL: func.func @user_choice
// CHECK-SAME: tt.target = #tt.target<device = <blackhole, grid = 2x2>, math_fidelity = hifi2, fp32_dest_acc = false>
// OPTS-LABEL: func.func @user_choice
// OPTS-SAME: tt.target = #tt.target<device = <blackhole, grid = 2x2>, math_fidelity = hifi2, fp32_dest_acc = false>
func.func @user_choice() attributes {tt.target = #tt.target<device = <blackhole, grid = 2x2>, math_fidelity = hifi2, fp32_dest_acc = false>} {
  tl.kernel [1, 1] as (%bx, %by) {
  }
  return
}

// -----

// Functions without a tl kernel are not touched.
// CHECK-LABEL: func.func @host_only()
// CHECK-NOT: tt.target
// CHECK: return
func.func @host_only() {
  return
}
