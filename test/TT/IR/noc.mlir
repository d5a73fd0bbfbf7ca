// RUN: tt-opt %s | tt-opt | FileCheck %s
// RUN: tt-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// RUN: tt-opt %s --mlir-print-op-generic | tt-opt | FileCheck %s

// CHECK-LABEL: func.func @reader
// CHECK: %[[ADDR:.*]] = tt.get_arg_val 0 as "a_addr" : i32
// CHECK: %[[A:.*]] = tt.tensor_accessor %[[ADDR]] args 0 as "a" : !tt.accessor
// CHECK: %[[B:.*]] = tt.tensor_accessor %{{.*}} args 2 : !tt.accessor
// CHECK: tt.noc_async_read_page %[[PAGE:.*]], %[[A]], %[[L1:.*]]
// CHECK-NEXT: tt.noc_async_read_barrier
// GENERIC: "tt.tensor_accessor"(%{{.*}}) <{args_offset = 0 : i32, name = "a"}> : (i32) -> !tt.accessor
// GENERIC: "tt.noc_async_read_page"(%{{.*}}, %{{.*}}, %{{.*}}) : (i32, !tt.accessor, i32) -> ()
// GENERIC: "tt.noc_async_read_barrier"() : () -> ()
func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  %addr = tt.get_arg_val 0 as "a_addr" : i32
  %baddr = tt.get_arg_val 1 : i32
  %page = tt.get_arg_val 2 : i32
  %a = tt.tensor_accessor %addr args 0 as "a" : !tt.accessor
  %b = tt.tensor_accessor %baddr args 2 : !tt.accessor
  %c1 = arith.constant 1 : i32
  %cb = tt.get_cb : !tt.cb<0, 2 x !tt.tile<bf16>>
  tt.cb_reserve_back %cb, %c1 : !tt.cb<0, 2 x !tt.tile<bf16>>
  %l1 = tt.get_write_ptr %cb : !tt.cb<0, 2 x !tt.tile<bf16>>
  tt.noc_async_read_page %page, %a, %l1
  tt.noc_async_read_barrier
  tt.cb_push_back %cb, %c1 : !tt.cb<0, 2 x !tt.tile<bf16>>
  return
}

// CHECK-LABEL: func.func @writer
// CHECK: tt.noc_async_write_page %{{.*}}, %{{.*}}, %{{.*}}
// CHECK-NEXT: tt.noc_async_writes_flushed
// CHECK-NEXT: tt.noc_async_write_barrier
// GENERIC: "tt.noc_async_write_page"
// GENERIC: "tt.noc_async_writes_flushed"
// GENERIC: "tt.noc_async_write_barrier"
func.func @writer() attributes {tt.kernel_role = #tt.kernel_role<writer>} {
  %addr = tt.get_arg_val 0 : i32
  %page = tt.get_arg_val 1 : i32
  %c = tt.tensor_accessor %addr args 0 : !tt.accessor
  %c1 = arith.constant 1 : i32
  %cb = tt.get_cb : !tt.cb<16, 2 x !tt.tile<bf16>>
  tt.cb_wait_front %cb, %c1 : !tt.cb<16, 2 x !tt.tile<bf16>>
  %l1 = tt.get_read_ptr %cb : !tt.cb<16, 2 x !tt.tile<bf16>>
  tt.noc_async_write_page %page, %c, %l1
  tt.noc_async_writes_flushed
  tt.noc_async_write_barrier
  tt.cb_pop_front %cb, %c1 : !tt.cb<16, 2 x !tt.tile<bf16>>
  return
}
