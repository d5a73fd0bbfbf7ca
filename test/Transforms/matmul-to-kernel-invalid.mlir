// RUN: tt-opt %s --tl-matmul-to-kernel="block-k=64" --split-input-file -verify-diagnostics

// The pass builds one kernel per function from a tl.matmul in its body.
func.func @in_a_loop(%A: memref<32x32xbf16>, %B: memref<32x32xbf16>, %C: memref<32x32xbf16>) {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %c2 step %c1 {
    // expected-error @+1 {{'tl.matmul' op must sit directly in its function's body, not inside 'scf.for'}}
    tl.matmul %A, %B into %C accumulate : memref<32x32xbf16>, memref<32x32xbf16> into memref<32x32xbf16>
  }
  return
}

