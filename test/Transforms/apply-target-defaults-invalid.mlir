// RUN: not tt-opt %s --tt-apply-target-defaults="device=grayskull" 2>&1 | FileCheck %s --check-prefix=DEVICE
// RUN: not tt-opt %s --tt-apply-target-defaults="math-fidelity=hifi5" 2>&1 | FileCheck %s --check-prefix=FIDELITY
// RUN: not tt-opt %s --tt-apply-target-defaults="schedule-order=diagonal" 2>&1 | FileCheck %s --check-prefix=ORDER
// RUN: not tt-opt %s --tt-apply-target-defaults="schedule-policy=strided" 2>&1 | FileCheck %s --check-prefix=POLICY

// DEVICE: apply-target-defaults-invalid.mlir:[[@LINE+4]]:1: error: unknown device 'grayskull', expected wormhole_b0 or blackhole
// FIDELITY: apply-target-defaults-invalid.mlir:[[@LINE+3]]:1: error: unknown math fidelity 'hifi5', expected lofi, hifi2, hifi3 or hifi4
// ORDER: apply-target-defaults-invalid.mlir:[[@LINE+2]]:1: error: unknown schedule order 'diagonal', expected row_major or column_major
// POLICY: apply-target-defaults-invalid.mlir:[[@LINE+1]]:1: error: unknown schedule policy 'strided', expected contiguous
func.func @f() {
  tl.kernel [1, 1] as (%bx, %by) {
  }
  return
}
