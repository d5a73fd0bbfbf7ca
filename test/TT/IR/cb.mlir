// RUN: tt-opt %s | tt-opt | FileCheck %s
// RUN: tt-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// RUN: tt-opt %s --mlir-print-op-generic | tt-opt | FileCheck %s

// CHECK-LABEL: func.func @producer
// CHECK: %[[CB:.*]] = tt.get_cb as "cb_in0" : !tt.cb<0, 2 x !tt.tile<bf16>>
// CHECK: tt.cb_reserve_back %[[CB]], %[[N:.*]] : !tt.cb<0, 2 x !tt.tile<bf16>>
// CHECK: tt.get_write_ptr %[[CB]] : !tt.cb<0, 2 x !tt.tile<bf16>>
// CHECK: tt.cb_push_back %[[CB]], %[[N]] : !tt.cb<0, 2 x !tt.tile<bf16>>
// GENERIC: "tt.get_cb"() <{name = "cb_in0"}> : () -> !tt.cb<0, 2 x !tt.tile<bf16>>
// GENERIC: "tt.cb_reserve_back"(%{{.*}}, %{{.*}}) : (!tt.cb<0, 2 x !tt.tile<bf16>>, i32) -> ()
// GENERIC: "tt.get_write_ptr"(%{{.*}}) : (!tt.cb<0, 2 x !tt.tile<bf16>>) -> i32
// GENERIC: "tt.cb_push_back"
func.func @producer() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  %c1 = arith.constant 1 : i32
  %cb = tt.get_cb as "cb_in0" : !tt.cb<0, 2 x !tt.tile<bf16>>
  tt.cb_reserve_back %cb, %c1 : !tt.cb<0, 2 x !tt.tile<bf16>>
  %ptr = tt.get_write_ptr %cb : !tt.cb<0, 2 x !tt.tile<bf16>>
  tt.cb_push_back %cb, %c1 : !tt.cb<0, 2 x !tt.tile<bf16>>
  return
}

// CHECK-LABEL: func.func @consumer
// CHECK: %[[CB:.*]] = tt.get_cb : !tt.cb<16, 4 x !tt.tile<f32>>
// CHECK: tt.cb_wait_front %[[CB]], %{{.*}} : !tt.cb<16, 4 x !tt.tile<f32>>
// CHECK: tt.get_read_ptr %[[CB]] : !tt.cb<16, 4 x !tt.tile<f32>>
// CHECK: tt.cb_pop_front %[[CB]], %{{.*}} : !tt.cb<16, 4 x !tt.tile<f32>>
// GENERIC: "tt.cb_wait_front"
// GENERIC: "tt.get_read_ptr"
// GENERIC: "tt.cb_pop_front"
func.func @consumer() attributes {tt.kernel_role = #tt.kernel_role<writer>} {
  %c4 = arith.constant 4 : i32
  %cb = tt.get_cb : !tt.cb<16, 4 x !tt.tile<f32>>
  tt.cb_wait_front %cb, %c4 : !tt.cb<16, 4 x !tt.tile<f32>>
  %ptr = tt.get_read_ptr %cb : !tt.cb<16, 4 x !tt.tile<f32>>
  tt.cb_pop_front %cb, %c4 : !tt.cb<16, 4 x !tt.tile<f32>>
  return
}

// A page count known only at run time is accepted.
// CHECK-LABEL: func.func @dynamic_count
// CHECK: tt.cb_wait_front %{{.*}}, %[[N:.*]] : !tt.cb<1, 8 x !tt.tile<bf16>>
func.func @dynamic_count() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
  %n = tt.get_arg_val 0 : i32
  %cb = tt.get_cb : !tt.cb<1, 8 x !tt.tile<bf16>>
  tt.cb_wait_front %cb, %n : !tt.cb<1, 8 x !tt.tile<bf16>>
  tt.cb_pop_front %cb, %n : !tt.cb<1, 8 x !tt.tile<bf16>>
  return
}
