// RUN: tt-opt --convert-tt-to-emitc %s -split-input-file -verify-diagnostics

func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  // expected-error @+1 {{name 'int' is not a valid C++ identifier}}
  %n = tt.get_arg_val 0 as "int" : i32
  return
}

// -----

func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  %n = tt.get_arg_val 0 as "n" : i32
  // expected-error @+1 {{name '2nd' is not a valid C++ identifier}}
  %a = tt.tensor_accessor %n args 0 as "2nd" : !tt.accessor
  return
}

// -----

func.func @compute() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
  // expected-error @+1 {{'tt.runtime_param' op is not a Metalium kernel call and cannot be emitted}}
  %kt = tt.runtime_param "Kt" = 2 : i32
  return
}

// -----

// expected-error @+1 {{kernel @reader has no body to emit}}
func.func private @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>}

// -----

// Only the structured control flow the kernels need.
func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  %x = tt.get_arg_val 0 as "x" : i32
  %c1 = arith.constant 1 : i32
  // expected-error @+1 {{'scf.while' op cannot be emitted as kernel code: kernels hold tt kernel calls, arith, scf.for and scf.if}}
  %r = scf.while (%i = %x) : (i32) -> i32 {
    %c = arith.cmpi ult, %i, %c1 : i32
    scf.condition(%c) %i : i32
  } do {
  ^bb0(%j: i32):
    scf.yield %j : i32
  }
  return
}

