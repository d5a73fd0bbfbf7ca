// RUN: tt-opt %s -split-input-file -verify-diagnostics

func.func @bias_size(%A: memref<64x32xbf16>, %B: memref<32x96xbf16>, %C: memref<64x96xbf16>, %bias: memref<64xbf16>) {
  // expected-error @+1 {{the bias must be a global vector of N = 96 elements, got 'memref<64xbf16>'}}
  tl.matmul %A, %B into %C bias %bias : memref<64x32xbf16>, memref<32x96xbf16> into memref<64x96xbf16>, memref<64xbf16>
  return
}

// -----

func.func @step_kind(%A: memref<64x32xbf16>, %B: memref<32x96xbf16>, %C: memref<64x96xbf16>) {
  // expected-error @+1 {{epilogue steps are #tl.activation or #tl.scale attributes, got 1 : i64}}
  tl.matmul %A, %B into %C epilogue [1] : memref<64x32xbf16>, memref<32x96xbf16> into memref<64x96xbf16>
  return
}

// -----

func.func @scale_type(%A: memref<64x32xbf16>, %B: memref<32x96xbf16>, %C: memref<64x96xbf16>) {
  // expected-error @+1 {{scale factor must be an f32 constant}}
  tl.matmul %A, %B into %C epilogue [#tl.scale<0.5 : f64>] : memref<64x32xbf16>, memref<32x96xbf16> into memref<64x96xbf16>
  return
}

// -----

func.func @outside_kernel(%acc: memref<32x32xf32, #tl.scope<fragment>>) {
  // expected-error @+1 {{'tl.activation' op must be nested in a 'tl.kernel'}}
  tl.activation <relu> %acc : memref<32x32xf32, #tl.scope<fragment>>
  return
}

// -----

func.func @on_shared() {
  tl.kernel [1] as (%bx) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    // expected-error @+1 {{'tl.activation' op applies to a fragment (the accumulator), got a shared buffer}}
    tl.activation <relu> %a : memref<32x32xbf16, #tl.scope<shared>>
  }
  return
}

// -----

func.func @scale_inf() {
  tl.kernel [1] as (%bx) {
    %acc = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    // expected-error @+1 {{scale factor must be finite}}
    tl.scale %acc by 0x7F800000 : memref<32x32xf32, #tl.scope<fragment>>
  }
  return
}

// -----

func.func @bias_local(%b: memref<32xf32, #tl.scope<fragment>>) {
  tl.kernel [1] as (%bx) {
    %c0 = arith.constant 0 : index
    %acc = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    // expected-error @+1 {{the bias must be a global buffer, got a fragment}}
    tl.add_bias %b[%c0] to %acc : memref<32xf32, #tl.scope<fragment>> to memref<32x32xf32, #tl.scope<fragment>>
  }
  return
}

// -----

func.func @bias_out_of_bounds(%bias: memref<64xbf16>) {
  tl.kernel [3] as (%bx) {
    %c32 = arith.constant 32 : index
    %col = arith.muli %bx, %c32 : index
    %acc = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    // expected-error @+1 {{bias region is out of bounds: it can start at element 64 but the bias has 64 elements}}
    tl.add_bias %bias[%col] to %acc : memref<64xbf16> to memref<32x32xf32, #tl.scope<fragment>>
  }
  return
}
