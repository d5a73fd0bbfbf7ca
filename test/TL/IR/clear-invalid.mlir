// RUN: tt-opt %s -split-input-file -verify-diagnostics

func.func @clear_shared() {
  tl.kernel [1] as (%bx) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    // expected-error @+1 {{operand must be a fragment, got a shared buffer}}
    tl.clear %a : memref<32x32xbf16, #tl.scope<shared>>
  }
  return
}

// -----

func.func @clear_global(%c: memref<32x32xf32>) {
  tl.kernel [1] as (%bx) {
    // expected-error @+1 {{operand must be a fragment, got a global buffer}}
    tl.clear %c : memref<32x32xf32>
  }
  return
}
