// RUN: tt-opt --convert-tt-to-emitc %s | tt-translate --mlir-to-cpp --file-id=arith | FileCheck %s

// Kernel integers are uint32_t: unsigned i32 arithmetic is plain C++
// operators; signed operations go through int32_t and back; constants are
// literals at their uses.

// CHECK-LABEL: void kernel_main() {
// CHECK:   const uint32_t a = get_arg_val<uint32_t>(0);
// CHECK:   const uint32_t b = get_arg_val<uint32_t>(1);
// CHECK:   uint32_t [[ADD:v[0-9]+]] = a + b;
// CHECK:   uint32_t [[SUB:v[0-9]+]] = [[ADD]] - 3;
// CHECK:   uint32_t [[MUL:v[0-9]+]] = [[SUB]] * b;
// CHECK:   uint32_t [[DIV:v[0-9]+]] = [[MUL]] / b;
// CHECK:   uint32_t [[REM:v[0-9]+]] = [[DIV]] % b;
// CHECK:   int32_t [[SA:v[0-9]+]] = (int32_t) [[REM]];
// CHECK:   int32_t [[SB:v[0-9]+]] = (int32_t) b;
// CHECK:   int32_t [[SDIV:v[0-9]+]] = [[SA]] / [[SB]];
// CHECK:   uint32_t [[BACK:v[0-9]+]] = (uint32_t) [[SDIV]];
// CHECK:   bool [[LT:v[0-9]+]] = [[BACK]] < a;
// CHECK:   bool [[NE:v[0-9]+]] = a != 4294967295u;
// CHECK:   bool [[MINC:v[0-9]+]] = a < b;
// CHECK:   uint32_t [[MIN:v[0-9]+]] = [[MINC]] ? a : b;
// CHECK:   const uint32_t acc_page = [[MIN]];
// CHECK-NEXT:   noc_async_read_page(acc_page, acc, 0);
func.func @arith() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  %a = tt.get_arg_val 0 as "a" : i32
  %b = tt.get_arg_val 1 as "b" : i32
  %c3 = arith.constant 3 : i32
  %cmax = arith.constant -1 : i32
  %c0 = arith.constant 0 : i32
  %add = arith.addi %a, %b : i32
  %sub = arith.subi %add, %c3 : i32
  %mul = arith.muli %sub, %b : i32
  %div = arith.divui %mul, %b : i32
  %rem = arith.remui %div, %b : i32
  %sdiv = arith.divsi %rem, %b : i32
  %lt = arith.cmpi ult, %sdiv, %a : i32
  %ne = arith.cmpi ne, %a, %cmax : i32
  %min = arith.minui %a, %b : i32
  %acc = tt.tensor_accessor %a args 0 as "acc" : !tt.accessor
  tt.noc_async_read_page %min, %acc, %c0
  return
}
