// RUN: tt-opt %s | tt-opt | FileCheck %s
// RUN: tt-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// RUN: tt-opt %s --mlir-print-op-generic | tt-opt | FileCheck %s

// CHECK-LABEL: func.func @reader
// CHECK-SAME: attributes {tt.kernel_role = #tt.kernel_role<reader>}
// CHECK: tt.get_arg_val 0 as "a_addr" : i32
// CHECK: tt.get_arg_val 5 : i32
// CHECK: tt.get_common_arg_val 1 as "Kt" : i32
// CHECK: tt.get_compile_time_arg_val 2 as "block" : i32
// GENERIC: "tt.get_arg_val"() <{index = 0 : i32, name = "a_addr"}> : () -> i32
// GENERIC: "tt.get_common_arg_val"() <{index = 1 : i32, name = "Kt"}> : () -> i32
// GENERIC: "tt.get_compile_time_arg_val"() <{index = 2 : i32, name = "block"}> : () -> i32
func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  %a = tt.get_arg_val 0 as "a_addr" : i32
  %n = tt.get_arg_val 5 : i32
  %kt = tt.get_common_arg_val 1 as "Kt" : i32
  %b = tt.get_compile_time_arg_val 2 as "block" : i32
  return
}

// Argument reads are available to compute kernels too.
// CHECK-LABEL: func.func @compute
// CHECK: tt.get_arg_val 0 as "num_tiles" : i32
func.func @compute() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
  %n = tt.get_arg_val 0 as "num_tiles" : i32
  return
}
