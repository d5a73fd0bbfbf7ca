// CB pointers read the circular buffer's state and push/pop/reserve/wait
// change it, so neither CSE nor LICM may merge or hoist a pointer across them.
// RUN: tt-opt %s --cse | FileCheck %s
// RUN: tt-opt %s --loop-invariant-code-motion | FileCheck %s --check-prefix=LICM

// Two blocks of one CB per iteration: the second pointer is read after the
// first block was pushed and is a different address.
// CHECK-LABEL: func.func @two_blocks_per_iteration
// CHECK: tt.cb_reserve_back %[[CB:.*]], %{{.*}}
// CHECK: %[[FIRST:.*]] = tt.get_write_ptr %[[CB]]
// CHECK: tt.noc_async_read_page %{{.*}}, %{{.*}}, %[[FIRST]]
// CHECK: tt.cb_push_back %[[CB]]
// CHECK: tt.cb_reserve_back %[[CB]]
// CHECK: %[[SECOND:.*]] = tt.get_write_ptr %[[CB]]
// CHECK: tt.noc_async_read_page %{{.*}}, %{{.*}}, %[[SECOND]]
// CHECK: tt.cb_push_back %[[CB]]
func.func @two_blocks_per_iteration() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  %c1 = arith.constant 1 : i32
  %addr = tt.get_arg_val 0 : i32
  %page = tt.get_arg_val 1 : i32
  %cb = tt.get_cb as "cb_in0" : !tt.cb<0, 2 x !tt.tile<bf16>>
  %a = tt.tensor_accessor %addr args 0 as "a" : !tt.accessor
  tt.cb_reserve_back %cb, %c1 : !tt.cb<0, 2 x !tt.tile<bf16>>
  %p0 = tt.get_write_ptr %cb : !tt.cb<0, 2 x !tt.tile<bf16>>
  tt.noc_async_read_page %page, %a, %p0
  tt.noc_async_read_barrier
  tt.cb_push_back %cb, %c1 : !tt.cb<0, 2 x !tt.tile<bf16>>
  tt.cb_reserve_back %cb, %c1 : !tt.cb<0, 2 x !tt.tile<bf16>>
  %p1 = tt.get_write_ptr %cb : !tt.cb<0, 2 x !tt.tile<bf16>>
  tt.noc_async_read_page %page, %a, %p1
  tt.noc_async_read_barrier
  tt.cb_push_back %cb, %c1 : !tt.cb<0, 2 x !tt.tile<bf16>>
  return
}

// Two reads of the pointer with nothing that moves it in between are one.
// CHECK-LABEL: func.func @same_window
// CHECK: tt.cb_wait_front
// CHECK-COUNT-1: tt.get_read_ptr
// CHECK-NOT: tt.get_read_ptr
// CHECK: tt.cb_pop_front
func.func @same_window() attributes {tt.kernel_role = #tt.kernel_role<writer>} {
  %c1 = arith.constant 1 : i32
  %addr = tt.get_arg_val 0 : i32
  %page = tt.get_arg_val 1 : i32
  %cb = tt.get_cb as "cb_out" : !tt.cb<16, 2 x !tt.tile<bf16>>
  %c = tt.tensor_accessor %addr args 0 as "c" : !tt.accessor
  tt.cb_wait_front %cb, %c1 : !tt.cb<16, 2 x !tt.tile<bf16>>
  %p0 = tt.get_read_ptr %cb : !tt.cb<16, 2 x !tt.tile<bf16>>
  %p1 = tt.get_read_ptr %cb : !tt.cb<16, 2 x !tt.tile<bf16>>
  %sum = arith.addi %p0, %p1 : i32
  tt.noc_async_write_page %page, %c, %sum
  tt.noc_async_write_barrier
  tt.cb_pop_front %cb, %c1 : !tt.cb<16, 2 x !tt.tile<bf16>>
  return
}

// The pointer of a CB the loop pushes to stays inside the loop.
// LICM-LABEL: func.func @pointer_in_loop
// LICM: scf.for
// LICM-NEXT: tt.cb_reserve_back
// LICM-NEXT: tt.get_write_ptr
// LICM: tt.cb_push_back
func.func @pointer_in_loop() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %addr = tt.get_arg_val 0 : i32
  %n = tt.get_arg_val 1 : i32
  %cb = tt.get_cb as "cb_in0" : !tt.cb<0, 2 x !tt.tile<bf16>>
  %a = tt.tensor_accessor %addr args 0 as "a" : !tt.accessor
  scf.for %i = %c0 to %n step %c1 : i32 {
    tt.cb_reserve_back %cb, %c1 : !tt.cb<0, 2 x !tt.tile<bf16>>
    %p = tt.get_write_ptr %cb : !tt.cb<0, 2 x !tt.tile<bf16>>
    tt.noc_async_read_page %i, %a, %p
    tt.noc_async_read_barrier
    tt.cb_push_back %cb, %c1 : !tt.cb<0, 2 x !tt.tile<bf16>>
  }
  return
}
