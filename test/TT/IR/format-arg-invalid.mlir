// RUN: tt-opt %s -split-input-file -verify-diagnostics

// expected-error @+1 {{'tt.format' of argument 0 must be a #tt.format}}
func.func @not_a_format(%a: memref<32x32xbf16> {tt.format = 1 : i64}) {
  return
}

// -----

// expected-error @+1 {{'tt.format' of argument 0 needs a memref of bf16 or f32 values, got 'memref<32x32xi32>'}}
func.func @integers(%a: memref<32x32xi32> {tt.format = #tt.format<bfp8_b>}) {
  return
}

// -----

// expected-error @+1 {{'tt.format' of argument 1 needs a memref of bf16 or f32 values, got 'f32'}}
func.func @scalar(%a: memref<32x32xbf16>, %s: f32 {tt.format = #tt.format<bfp8_b>}) {
  return
}
