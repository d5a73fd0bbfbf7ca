// RUN: tt-opt %s --tt-grid-to-persistent -verify-diagnostics

func.func @unplanned() {
  // expected-error @+1 {{run tt-infer-schedule first: no tt.schedule}}
  tl.kernel [2, 2] as (%bx, %by) {
  }
  return
}
