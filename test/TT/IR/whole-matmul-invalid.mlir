// RUN: tt-opt %s -split-input-file -verify-diagnostics --allow-unregistered-dialect

// tt.whole_matmul says which product the function's kernels compute: a
// #tt.matmul naming the transposed operands, on the function.

// expected-error @+1 {{'tt.whole_matmul' must be a #tt.matmul on a func.func, got unit}}
func.func @unit() attributes {tt.whole_matmul} {
  return
}

// -----

func.func @on_an_op() {
  // expected-error @+1 {{'tt.whole_matmul' must be a #tt.matmul on a func.func, got #tt.matmul<transpose_a = false, transpose_b = true>}}
  "test.op"() {tt.whole_matmul = #tt.matmul<transpose_a = false, transpose_b = true>} : () -> ()
  return
}
