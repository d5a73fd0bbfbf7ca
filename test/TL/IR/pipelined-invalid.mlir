// RUN: tt-opt %s -split-input-file -verify-diagnostics

func.func @zero_trip() {
  tl.kernel [1] as (%bx) {
    // expected-error @+1 {{trip count must be positive, got 0}}
    tl.pipelined %k in 0 stages 2 {
    }
  }
  return
}

// -----

func.func @zero_stages() {
  tl.kernel [1] as (%bx) {
    // expected-error @+1 {{stages must be at least 1, got 0}}
    tl.pipelined %k in 4 stages 0 {
    }
  }
  return
}
