// RUN: tt-opt %s --tt-apply-target-defaults -verify-diagnostics

// expected-error @+1 {{layout l1_sharded is not supported yet; use dram_interleaved}}
func.func @sharded() attributes {tt.layout = #tt.layout<l1_sharded>} {
  tl.kernel [1, 1] as (%bx, %by) {
  }
  return
}
