// Option values are checked when options are parsed, naming the choices.
// RUN: not tt-opt %s --tt-apply-target-defaults="device=grayskull" 2>&1 | FileCheck %s --check-prefix=DEVICE
// RUN: not tt-opt %s --tt-apply-target-defaults="math-fidelity=hifi5" 2>&1 | FileCheck %s --check-prefix=FIDELITY
// RUN: not tt-opt %s --tt-apply-target-defaults="schedule-order=row_major" 2>&1 | FileCheck %s --check-prefix=GONE
// RUN: tt-opt --help | FileCheck %s --check-prefix=HELP

// DEVICE: Cannot find option named 'grayskull'!
// DEVICE-NOT: 1:1
// FIDELITY: Cannot find option named 'hifi5'!
// GONE: no such option schedule-order
// HELP: --tt-apply-target-defaults
// HELP: --device=<value>
// HELP-NEXT: =wormhole_b0
// HELP-NEXT: =blackhole
// HELP: --math-fidelity=<value>
// HELP-NEXT: =lofi
// HELP-NEXT: =hifi2
// HELP-NEXT: =hifi3
// HELP-NEXT: =hifi4
func.func @f() {
  tl.kernel [1, 1] as (%bx, %by) {
  }
  return
}
