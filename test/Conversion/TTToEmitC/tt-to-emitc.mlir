// RUN: tt-opt --convert-tt-to-emitc %s | FileCheck %s

// Each kernel becomes an emitc.file named after it, holding its includes and
// `void kernel_main()`; the host program is not kernel code and is dropped.
// Kernel calls become call_opaque of the callee the op names; a tt.comment
// becomes a comment line above its op.

// CHECK-LABEL: emitc.file "reader" {
// CHECK:         include <"cstdint">
// CHECK-NEXT:    include "api/dataflow/dataflow_api.h"
// CHECK:         func @kernel_main() {
// CHECK:           verbatim "const uint32_t a_addr = get_arg_val<uint32_t>(0);"
// CHECK-NEXT:      %[[ADDR:.*]] = literal "a_addr" : ui32
// CHECK-NEXT:      verbatim "const uint32_t Kt = get_arg_val<uint32_t>(1);"
// CHECK-NEXT:      %[[KT:.*]] = literal "Kt" : ui32
// CHECK:           verbatim "constexpr auto a_args = TensorAccessorArgs<0>();"
// CHECK-NEXT:      verbatim "const auto a = TensorAccessor(a_args, {});" args %[[ADDR]] : ui32
// CHECK-NEXT:      %[[A:.*]] = literal "a" : !emitc.opaque<"TensorAccessor">
// CHECK:           verbatim "constexpr uint32_t cb_in0 = tt::CBIndex::c_0;"
// CHECK-NEXT:      %[[CB:.*]] = literal "cb_in0" : !emitc.opaque<"uint32_t">
// CHECK:           %[[ONE:.*]] = literal "1" : ui32
// CHECK:           for %[[K:.*]] = %{{.*}} to %[[KT]] step %[[ONE]] : ui32 {
// CHECK-NEXT:        verbatim "// Read a page of a into cb_in0"
// CHECK-NEXT:        call_opaque "cb_reserve_back"(%[[CB]], %[[ONE]])
// CHECK-NEXT:        verbatim "const uint32_t l1_write_addr_in0 = get_write_ptr({});" args %[[CB]]
// CHECK-NEXT:        %[[L1:.*]] = literal "l1_write_addr_in0" : ui32
// CHECK-NEXT:        call_opaque "noc_async_read_page"(%[[K]], %[[A]], %[[L1]])
// CHECK:             call_opaque "noc_async_read_barrier"() : () -> ()
// CHECK-NEXT:        call_opaque "cb_push_back"(%[[CB]], %[[ONE]])
// CHECK:           return
func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  %a_addr = tt.get_arg_val 0 as "a_addr" : i32
  %Kt = tt.get_arg_val 1 as "Kt" : i32
  %a = tt.tensor_accessor %a_addr args 0 as "a" : !tt.accessor
  %in0 = tt.get_cb as "cb_in0" : !tt.cb<0, 2 x !tt.tile<bf16>>
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  scf.for %k = %c0 to %Kt step %c1 : i32 {
    tt.cb_reserve_back %in0, %c1 {tt.comment = "Read a page of a into cb_in0"} : !tt.cb<0, 2 x !tt.tile<bf16>>
    %l1 = tt.get_write_ptr %in0 : !tt.cb<0, 2 x !tt.tile<bf16>>
    tt.noc_async_read_page %k, %a, %l1
    tt.noc_async_read_barrier
    tt.cb_push_back %in0, %c1 : !tt.cb<0, 2 x !tt.tile<bf16>>
  }
  return
}

// CHECK-LABEL: emitc.file "compute" {
// CHECK:         include <"cstdint">
// CHECK-NEXT:    include "api/compute/compute_kernel_hw_startup.h"
// CHECK-NEXT:    include "api/compute/matmul.h"
// CHECK-NEXT:    include "api/compute/tile_move_copy.h"
// CHECK-NEXT:    include "api/compute/pack.h"
// CHECK-NEXT:    include "api/compute/reconfig_data_format.h"
// CHECK:         func @kernel_main() {
// CHECK:           call_opaque "compute_kernel_hw_startup"(%[[IN0:.*]], %[[IN1:.*]], %[[OUT:.*]]) {template_args = [#emitc.opaque<"SrcOrder::Reverse">]}
// CHECK-NEXT:      call_opaque "matmul_init"(%[[IN0]], %[[IN1]])
// CHECK:           verbatim "// Math: acquire DST, accumulate into it, hand it to the packer"
// CHECK-NEXT:      call_opaque "tile_regs_acquire"() : () -> ()
// CHECK-NEXT:      call_opaque "matmul_tiles"(%[[IN0]], %[[IN1]], %[[ZERO:.*]], %[[ZERO]], %[[ZERO]])
// CHECK-NEXT:      call_opaque "tile_regs_commit"() : () -> ()
// CHECK:           verbatim "// Pack: wait for DST, pack it, give it back to math"
// CHECK-NEXT:      call_opaque "tile_regs_wait"() : () -> ()
// CHECK-NEXT:      call_opaque "pack_tile"(%[[ZERO]], %[[OUT]], %[[ZERO]])
// CHECK-NEXT:      call_opaque "tile_regs_release"() : () -> ()
// CHECK-NEXT:      call_opaque "copy_tile_to_dst_init_short"(%[[OUT]])
// CHECK-NEXT:      call_opaque "copy_tile"(%[[OUT]], %[[ZERO]], %[[ZERO]])
func.func @compute() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
  %in0 = tt.get_cb as "cb_in0" : !tt.cb<0, 2 x !tt.tile<bf16>>
  %in1 = tt.get_cb as "cb_in1" : !tt.cb<1, 2 x !tt.tile<bf16>>
  %out = tt.get_cb as "cb_out" : !tt.cb<16, 2 x !tt.tile<bf16>>
  %c0 = arith.constant 0 : i32
  tt.compute_kernel_hw_startup %in0, %in1, %out : !tt.cb<0, 2 x !tt.tile<bf16>>, !tt.cb<1, 2 x !tt.tile<bf16>>, !tt.cb<16, 2 x !tt.tile<bf16>>
  tt.matmul_init %in0, %in1 : !tt.cb<0, 2 x !tt.tile<bf16>>, !tt.cb<1, 2 x !tt.tile<bf16>>
  tt.tile_regs_acquire {tt.comment = "Math: acquire DST, accumulate into it, hand it to the packer"}
  tt.matmul_tiles %in0[%c0], %in1[%c0] -> dst[%c0] : !tt.cb<0, 2 x !tt.tile<bf16>>, !tt.cb<1, 2 x !tt.tile<bf16>>
  tt.tile_regs_commit
  tt.tile_regs_wait {tt.comment = "Pack: wait for DST, pack it, give it back to math"}
  tt.pack_tile dst[%c0] -> %out[%c0] : !tt.cb<16, 2 x !tt.tile<bf16>>
  tt.tile_regs_release
  tt.copy_tile_init %out : !tt.cb<16, 2 x !tt.tile<bf16>>
  tt.copy_tile %out[%c0] -> dst[%c0] : !tt.cb<16, 2 x !tt.tile<bf16>>
  return
}

// Functions that are not kernels stay as they are.
// CHECK-LABEL: func.func @helper
// CHECK-NEXT:    arith.addi
func.func @helper(%x: i32) -> i32 {
  %y = arith.addi %x, %x : i32
  return %y : i32
}

// CHECK-NOT: tt.program
tt.program @p device <wormhole_b0> {
  tt.create_kernel @reader on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
}
