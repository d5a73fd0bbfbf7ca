// RUN: tt-opt %s -split-input-file -verify-diagnostics

func.func @negative_index() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  // expected-error @+1 {{attribute 'index' failed to satisfy constraint: 32-bit signless integer attribute whose value is non-negative}}
  %a = tt.get_arg_val -1 : i32
  return
}

// -----

func.func @wide_result() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  // expected-error @+1 {{result #0 must be 32-bit signless integer, but got 'i64'}}
  %a = tt.get_arg_val 0 : i64
  return
}
