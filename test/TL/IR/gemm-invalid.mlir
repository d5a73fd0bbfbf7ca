// RUN: tt-opt %s -split-input-file -verify-diagnostics

func.func @k_mismatch() {
  tl.kernel [1] as (%bx) {
    %a = tl.alloc_shared : memref<32x64xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %c = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    // expected-error @+1 {{A provides K = 64 but B provides K = 32}}
    tl.gemm %a, %b, %c : memref<32x64xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
  }
  return
}

// -----

func.func @transpose_breaks_k() {
  tl.kernel [1] as (%bx) {
    %a = tl.alloc_shared : memref<64x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x64xbf16, #tl.scope<shared>>
    %c = tl.alloc_fragment : memref<64x64xf32, #tl.scope<fragment>>
    // expected-error @+1 {{A provides K = 64 but B provides K = 32}}
    tl.gemm %a, %b, %c transpose_a : memref<64x32xbf16, #tl.scope<shared>>, memref<32x64xbf16, #tl.scope<shared>>, memref<64x64xf32, #tl.scope<fragment>>
  }
  return
}

// -----

func.func @c_shape() {
  tl.kernel [1] as (%bx) {
    %a = tl.alloc_shared : memref<64x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %c = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    // expected-error @+1 {{C must be 64x32, got 32x32}}
    tl.gemm %a, %b, %c : memref<64x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
  }
  return
}

// -----

func.func @fragment_as_a() {
  tl.kernel [1] as (%bx) {
    %a = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    %b = tl.alloc_shared : memref<32x32xf32, #tl.scope<shared>>
    %c = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    // expected-error @+1 {{A must be a shared buffer, got a fragment}}
    tl.gemm %a, %b, %c : memref<32x32xf32, #tl.scope<fragment>>, memref<32x32xf32, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
  }
  return
}

// -----

func.func @global_as_b(%b: memref<32x32xbf16>) {
  tl.kernel [1] as (%bx) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %c = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    // expected-error @+1 {{B must be a shared buffer, got a global buffer}}
    tl.gemm %a, %b, %c : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16>, memref<32x32xf32, #tl.scope<fragment>>
  }
  return
}

// -----

func.func @shared_as_c() {
  tl.kernel [1] as (%bx) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %c = tl.alloc_shared : memref<32x32xf32, #tl.scope<shared>>
    // expected-error @+1 {{C must be a fragment, got a shared buffer}}
    tl.gemm %a, %b, %c : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<shared>>
  }
  return
}

// -----

func.func @bf16_accumulator() {
  tl.kernel [1] as (%bx) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %c = tl.alloc_fragment : memref<32x32xbf16, #tl.scope<fragment>>
    // expected-error @+1 {{the accumulator C must be f32, got 'bf16'}}
    tl.gemm %a, %b, %c : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<fragment>>
  }
  return
}

// -----

func.func @mixed_inputs() {
  tl.kernel [1] as (%bx) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xf32, #tl.scope<shared>>
    %c = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    // expected-error @+1 {{A and B must have one element type, got 'bf16' and 'f32'}}
    tl.gemm %a, %b, %c : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
  }
  return
}
