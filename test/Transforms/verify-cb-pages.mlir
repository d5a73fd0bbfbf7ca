// RUN: tt-opt %s --tt-verify | FileCheck %s
// A kernel may assume fewer pages than the program configures (a CB's type
// is the capacity the kernel relies on); producer and consumer agree.
// CHECK-LABEL: tt.program @p
func.func @producer() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  %c1 = arith.constant 1 : i32
  %cb = tt.get_cb : !tt.cb<0, 2 x !tt.tile<bf16>>
  tt.cb_reserve_back %cb, %c1 : !tt.cb<0, 2 x !tt.tile<bf16>>
  tt.cb_push_back %cb, %c1 : !tt.cb<0, 2 x !tt.tile<bf16>>
  return
}
func.func @consumer() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
  %c1 = arith.constant 1 : i32
  %cb = tt.get_cb : !tt.cb<0, 4 x !tt.tile<bf16>>
  tt.cb_wait_front %cb, %c1 : !tt.cb<0, 4 x !tt.tile<bf16>>
  tt.cb_pop_front %cb, %c1 : !tt.cb<0, 4 x !tt.tile<bf16>>
  return
}
tt.program @p device #tt.device<wormhole_b0> {
  tt.create_cb 0 on <(0, 0) to (0, 0)> total_size 8192 page_size 2048 format <bf16>
  tt.create_kernel @producer on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
  tt.create_kernel @consumer on <(0, 0) to (0, 0)> config #tt.compute<math_fidelity = hifi4, fp32_dest_acc_en = false, dst_full_sync_en = false>
}
