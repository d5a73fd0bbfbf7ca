// RUN: tt-opt %s --tt-grid-to-persistent -verify-diagnostics

func.func @one_d() {
  // expected-error @+1 {{expects a 2-D grid}}
  tl.kernel [4] as (%bx) {
  }
  return
}
