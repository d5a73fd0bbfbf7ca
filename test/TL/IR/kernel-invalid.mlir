// RUN: tt-opt %s -split-input-file -verify-diagnostics

func.func @zero_extent() {
  // expected-error @+1 {{grid extent 1 must be positive, got 0}}
  tl.kernel [4, 0] as (%bx, %by) {
  }
  return
}

// -----

func.func @negative_extent() {
  // expected-error @+1 {{grid extent 0 must be positive, got -2}}
  tl.kernel [-2] as (%bx) {
  }
  return
}

// -----

func.func @too_many_dims() {
  // expected-error @+1 {{grid must have 1 to 3 dimensions, got 4}}
  tl.kernel [1, 1, 1, 1] as (%a, %b, %c, %d) {
  }
  return
}

// -----

func.func @index_count() {
  // expected-error @+1 {{expects one block index per grid dimension (2), got 1}}
  tl.kernel [2, 2] as (%bx) {
  }
  return
}
