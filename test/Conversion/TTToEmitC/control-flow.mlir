// RUN: tt-opt --convert-tt-to-emitc %s | tt-translate --mlir-to-cpp --file-id=control | FileCheck %s

// scf.for with loop-carried values and scf.if, with and without results.

// CHECK-LABEL: void kernel_main() {
// CHECK:         uint32_t [[SUM:v[0-9]+]];
// CHECK-NEXT:    [[SUM]] = 0;
// CHECK-NEXT:    for (uint32_t [[I:[a-z][0-9]+]] = 0; [[I]] < n; [[I]] += 1) {
// CHECK-NEXT:      uint32_t [[OLD:v[0-9]+]] = [[SUM]];
// CHECK-NEXT:      uint32_t [[NEW:v[0-9]+]] = [[OLD]] + [[I]];
// CHECK-NEXT:      [[SUM]] = [[NEW]];
// CHECK-NEXT:    }
// CHECK:         if ([[COND:v[0-9]+]]) {
// CHECK:         } else {
// CHECK:         if ([[COND]]) {
// CHECK-NEXT:      // Wait for the reads
// CHECK-NEXT:      noc_async_read_barrier();
// CHECK-NEXT:    }
func.func @control() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  %n = tt.get_arg_val 0 as "n" : i32
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %s = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %c0) -> (i32) : i32 {
    %x = arith.addi %acc, %i : i32
    scf.yield %x : i32
  }
  %cond = arith.cmpi ult, %s, %n : i32
  %r = scf.if %cond -> i32 {
    scf.yield %s : i32
  } else {
    scf.yield %n : i32
  }
  scf.if %cond {
    tt.noc_async_read_barrier {tt.comment = "Wait for the reads"}
  }
  %a = tt.tensor_accessor %n args 0 as "a" : !tt.accessor
  tt.noc_async_read_page %r, %a, %c0
  return
}
