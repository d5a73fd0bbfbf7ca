// RUN: tt-opt %s -split-input-file -verify-diagnostics

func.func @not_tile_multiple() {
  tl.kernel [1] as (%bx) {
    // expected-error @+1 {{buffer dimension 1 is 48, which is not a positive multiple of the 32x32 tile}}
    %a = tl.alloc_shared : memref<32x48xbf16, #tl.scope<shared>>
  }
  return
}

// -----

func.func @fragment_not_tile_multiple() {
  tl.kernel [1] as (%bx) {
    // expected-error @+1 {{buffer dimension 0 is 16, which is not a positive multiple of the 32x32 tile}}
    %c = tl.alloc_fragment : memref<16x32xf32, #tl.scope<fragment>>
  }
  return
}

// -----

func.func @wrong_scope() {
  tl.kernel [1] as (%bx) {
    // expected-error @+1 {{result must be in memory space #tl.scope<shared>, got 'memref<32x32xbf16, #tl.scope<fragment>>'}}
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<fragment>>
  }
  return
}

// -----

func.func @fragment_without_scope() {
  tl.kernel [1] as (%bx) {
    // expected-error @+1 {{result must be in memory space #tl.scope<fragment>, got 'memref<32x32xf32>'}}
    %c = tl.alloc_fragment : memref<32x32xf32>
  }
  return
}

// -----

func.func @element_type() {
  tl.kernel [1] as (%bx) {
    // expected-error @+1 {{result #0 must be 2D memref of bfloat16 type or 32-bit float values}}
    %a = tl.alloc_shared : memref<32x32xi8, #tl.scope<shared>>
  }
  return
}

// -----

func.func @outside_kernel() {
  // expected-error @+1 {{must be nested in a 'tl.kernel'}}
  %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
  return
}

// -----

func.func @dynamic() {
  tl.kernel [1] as (%bx) {
    // expected-error @+1 {{buffer must have a static shape, got 'memref<?x32xbf16, #tl.scope<shared>>'}}
    %a = tl.alloc_shared : memref<?x32xbf16, #tl.scope<shared>>
  }
  return
}

// -----

// expected-error @+2 {{expected ::mlir::tl::MemoryScope to be one of: shared, fragment}}
// expected-error @+1 {{failed to parse TL_MemoryScopeAttr parameter 'value'}}
func.func @bad_scope(%a: memref<32x32xbf16, #tl.scope<local>>) {
  return
}
