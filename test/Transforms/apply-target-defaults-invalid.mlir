// Option values are checked when options are parsed, naming the choices.
// RUN: not tt-opt %s --tt-apply-target-defaults="device=grayskull" 2>&1 | FileCheck %s --check-prefix=DEVICE
// RUN: not tt-opt %s --tt-apply-target-defaults="math-fidelity=hifi5" 2>&1 | FileCheck %s --check-prefix=FIDELITY
// RUN: not tt-opt %s --tt-apply-target-defaults="schedule-order=row_major" 2>&1 | FileCheck %s --check-prefix=GONE
// RUN: not tt-opt %s --tl-to-tt-pipeline="device=grayskull" 2>&1 | FileCheck %s --check-prefix=PIPELINE
// RUN: tt-opt --help | FileCheck %s --check-prefix=HELP
// RUN: not tt-opt %s --tt-apply-target-defaults="system=dgx" 2>&1 | FileCheck %s --check-prefix=SYSTEM
// RUN: not tt-opt %s --tt-apply-target-defaults="device=blackhole system=n300" 2>&1 | FileCheck %s --check-prefix=BH-MESH
// SYSTEM: for the --system option: 'dgx' is not one of: single, n300, t3k, galaxy
// BH-MESH: error: system 'n300' is a mesh of Wormhole (wormhole_b0) devices, not of blackhole

// DEVICE: for the --device option: 'grayskull' is not one of: wormhole_b0, blackhole
// DEVICE-NOT: 1:1
// FIDELITY: for the --math-fidelity option: 'hifi5' is not one of: lofi, hifi2, hifi3, hifi4
// GONE: no such option schedule-order
// PIPELINE: for the --device option: 'grayskull' is not one of: wormhole_b0, blackhole
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
