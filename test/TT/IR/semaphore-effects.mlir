// A receiver's wait for the valid flag is re-executed every K step: LICM
// must not hoist it out of the loop, and CSE must not merge two waits or two
// sets, since other cores change the semaphore in between.
// RUN: tt-opt %s --loop-invariant-code-motion --cse | FileCheck %s

// CHECK-LABEL: func.func @receiver
// CHECK: scf.for
// CHECK-NEXT: tt.noc_semaphore_set %[[VALID:.*]], %{{.*}}
// CHECK-NEXT: tt.noc_semaphore_wait %[[VALID]], %{{.*}}
// CHECK-NEXT: tt.noc_semaphore_wait %[[VALID]], %{{.*}}
// CHECK-NEXT: }
func.func @receiver() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %c4 = arith.constant 4 : i32
  %id = tt.get_arg_val 0 : i32
  %valid = tt.get_semaphore %id : i32
  scf.for %k = %c0 to %c4 step %c1 : i32 {
    tt.noc_semaphore_set %valid, %c0
    tt.noc_semaphore_wait %valid, %c1
    tt.noc_semaphore_wait %valid, %c1
  }
  return
}
