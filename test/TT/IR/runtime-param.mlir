// RUN: tt-opt %s | tt-opt | FileCheck %s
// A name used twice with one value is one parameter and is accepted.
// CHECK-LABEL: func.func @same_value_twice
// CHECK: %[[A:.*]] = tt.runtime_param "Kt" = 2 : i32
// CHECK: tt.runtime_param "Kt" = 2 : i32
// CHECK: tt.runtime_param "Nt" = 4294967295 : i32
func.func @same_value_twice() -> (i32, i32, i32) {
  %a = tt.runtime_param "Kt" = 2 : i32
  %b = tt.runtime_param "Kt" = 2 : i32
  %c = tt.runtime_param "Nt" = 4294967295 : i32
  return %a, %b, %c : i32, i32, i32
}
