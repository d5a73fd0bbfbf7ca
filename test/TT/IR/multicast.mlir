// RUN: tt-opt %s | tt-opt | FileCheck %s
// RUN: tt-opt %s --mlir-print-op-generic | tt-opt | FileCheck %s

// Every multicast and semaphore op, the multicast runtime arguments and the
// host's tt.semaphore round-trip.

// CHECK-LABEL: func.func @sender
// CHECK: %[[ID:.*]] = tt.get_arg_val 0 as "ready_id" : i32
// CHECK: %[[READY:.*]] = tt.get_semaphore %[[ID]] as "ready_sem" : i32
// CHECK: tt.noc_semaphore_wait %[[READY]], %[[N:.*]]
// CHECK-NEXT: tt.noc_semaphore_set %[[READY]], %{{.*}}
// CHECK-NEXT: %[[DST:.*]] = tt.get_noc_multicast_addr %[[X0:.*]], %[[Y0:.*]], %[[X1:.*]], %[[Y1:.*]], %[[L1:.*]] : i64
// CHECK-NEXT: tt.noc_async_write_multicast %[[L1]], %[[DST]], %{{.*}}, %[[N]] : i64
// CHECK-NEXT: %[[FLAG:.*]] = tt.get_noc_multicast_addr %[[X0]], %[[Y0]], %[[X1]], %[[Y1]], %[[READY]] : i64
// CHECK-NEXT: tt.noc_semaphore_set_multicast %[[READY]], %[[FLAG]], %[[N]] : i64
// CHECK-NEXT: %[[REMOTE:.*]] = tt.get_noc_addr %[[X0]], %[[Y0]], %[[READY]] : i64
// CHECK-NEXT: tt.noc_semaphore_inc %[[REMOTE]], %{{.*}} : i64
// CHECK-NEXT: tt.noc_async_write_multicast_loopback_src %[[L1]], %[[DST]], %{{.*}}, %[[N]] : i64
// CHECK-NEXT: tt.noc_semaphore_set_multicast_loopback_src %[[READY]], %[[FLAG]], %[[N]] : i64
func.func @sender() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  %id = tt.get_arg_val 0 as "ready_id" : i32
  %x0 = tt.get_arg_val 1 : i32
  %y0 = tt.get_arg_val 2 : i32
  %x1 = tt.get_arg_val 3 : i32
  %y1 = tt.get_arg_val 4 : i32
  %n = tt.get_arg_val 5 : i32
  %l1 = tt.get_arg_val 6 : i32
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %c2048 = arith.constant 2048 : i32
  %ready = tt.get_semaphore %id as "ready_sem" : i32
  tt.noc_semaphore_wait %ready, %n
  tt.noc_semaphore_set %ready, %c0
  %dst = tt.get_noc_multicast_addr %x0, %y0, %x1, %y1, %l1 : i64
  tt.noc_async_write_multicast %l1, %dst, %c2048, %n : i64
  %flag = tt.get_noc_multicast_addr %x0, %y0, %x1, %y1, %ready : i64
  tt.noc_semaphore_set_multicast %ready, %flag, %n : i64
  %remote = tt.get_noc_addr %x0, %y0, %ready : i64
  tt.noc_semaphore_inc %remote, %c1 : i64
  tt.noc_async_write_multicast_loopback_src %l1, %dst, %c2048, %n : i64
  tt.noc_semaphore_set_multicast_loopback_src %ready, %flag, %n : i64
  return
}

// CHECK-LABEL: tt.program @p
// CHECK: tt.semaphore @row_ready on <(0, 0) to (3, 1)> initial 0
// CHECK: tt.set_runtime_args @sender split <{{.*}}> [@row_ready, #tt.mcast<row, sender_x>, #tt.mcast<row, sender_y>, #tt.mcast<row, dest_start_x>, #tt.mcast<row, dest_start_y>, #tt.mcast<row, dest_end_x>, #tt.mcast<row, dest_end_y>, #tt.mcast<column, num_dests>]
tt.program @p device #tt.device<wormhole_b0> {
  tt.create_kernel @sender on <(0, 0) to (3, 1)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
  tt.semaphore @row_ready on <(0, 0) to (3, 1)> initial 0
  tt.set_runtime_args @sender split <units = 8, grid_x = 4, grid_y = 2, row_wise = true, cores = 8, group1_cores = 8, group1_units = 1, group2_units = 0> [@row_ready, #tt.mcast<row, sender_x>, #tt.mcast<row, sender_y>, #tt.mcast<row, dest_start_x>, #tt.mcast<row, dest_start_y>, #tt.mcast<row, dest_end_x>, #tt.mcast<row, dest_end_y>, #tt.mcast<column, num_dests>]
}

// The planning marks and the multicast read form.
// CHECK-LABEL: func.func @marked
// CHECK: tt.read_tiles %{{.*}}[%{{.*}}, %{{.*}}] tiles_per_row %{{.*}} block 2 x 1 -> %{{.*}} multicast <row> :
func.func @marked(%A: memref<64x64xbf16>, %r: i32) {
  %cb = tt.get_cb : !tt.cb<0, 4 x !tt.tile<bf16>>
  tt.read_tiles %A[%r, %r] tiles_per_row %r block 2 x 1 -> %cb multicast <row> : memref<64x64xbf16>, !tt.cb<0, 4 x !tt.tile<bf16>>
  return
}
