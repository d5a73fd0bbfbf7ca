// RUN: tt-opt %s -split-input-file -verify-diagnostics

func.func @two_values_one_name() {
  // expected-note @below {{first defined here}}
  %a = tt.runtime_param "Kt" = 2 : i32
  // expected-error @below {{parameter "Kt" = 3 conflicts with "Kt" = 2 in the same function: a name is one runtime argument, so it has one value}}
  %b = tt.runtime_param "Kt" = 3 : i32
  return
}

// -----

func.func @too_large() {
  // expected-error @below {{parameter "Kt" = 4294967296 does not fit a 32-bit runtime argument}}
  %a = tt.runtime_param "Kt" = 4294967296 : i32
  return
}

// -----

func.func @negative() {
  // expected-error @below {{parameter "Kt" = -1 does not fit a 32-bit runtime argument}}
  %a = tt.runtime_param "Kt" = -1 : i32
  return
}
