// RUN: tt-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tt-lower-dataflow))' | FileCheck %s --implicit-check-not=tt.read_tiles

// A read multicast along the core's grid row. The kernel's interface grows by
// the row group's facts (runtime arguments the host computes per core) and
// the ids of its two semaphores. The sender (the row's first core) starts
// with its valid flag set, reads the block from DRAM, waits until every
// receiver has reserved its pages, multicasts the block and then the flag.
// A receiver reserves its pages, clears its flag, counts itself ready on the
// sender and waits for the flag. Both push the pages to compute.
// CHECK-LABEL: func.func @reader()
// CHECK-SAME: tt.runtime_args = ["a", "Kt", #tt.mcast<row, is_sender>, #tt.mcast<row, sender_x>, #tt.mcast<row, sender_y>, #tt.mcast<row, dest_start_x>, #tt.mcast<row, dest_start_y>, #tt.mcast<row, dest_end_x>, #tt.mcast<row, dest_end_y>, #tt.mcast<row, num_dests>, #tt.mcast<row, ready_semaphore>, #tt.mcast<row, valid_semaphore>]
// CHECK-DAG: %[[C0:.*]] = arith.constant 0 : i32
// CHECK-DAG: %[[C1:.*]] = arith.constant 1 : i32
// CHECK-DAG: %[[BYTES:.*]] = arith.constant 4096 : i32
// CHECK: %[[KT:.*]] = tt.get_arg_val 1 as "Kt"
// CHECK: %[[SENDER:.*]] = tt.get_arg_val 2 as "row_is_sender"
// CHECK: %[[SX:.*]] = tt.get_arg_val 3 as "row_sender_x"
// CHECK: %[[SY:.*]] = tt.get_arg_val 4 as "row_sender_y"
// CHECK: %[[X0:.*]] = tt.get_arg_val 5 as "row_dest_start_x"
// CHECK: %[[Y0:.*]] = tt.get_arg_val 6 as "row_dest_start_y"
// CHECK: %[[X1:.*]] = tt.get_arg_val 7 as "row_dest_end_x"
// CHECK: %[[Y1:.*]] = tt.get_arg_val 8 as "row_dest_end_y"
// CHECK: %[[N:.*]] = tt.get_arg_val 9 as "row_num_dests"
// CHECK: %[[READY_ID:.*]] = tt.get_arg_val 10 as "row_ready_sem_id"
// CHECK: %[[VALID_ID:.*]] = tt.get_arg_val 11 as "row_valid_sem_id"
// CHECK: %[[READY:.*]] = tt.get_semaphore %[[READY_ID]] as "row_ready_sem"
// CHECK: %[[VALID:.*]] = tt.get_semaphore %[[VALID_ID]] as "row_valid_sem"
// CHECK: %[[SENDS:.*]] = arith.cmpi ne, %[[SENDER]], %[[C0]]
// CHECK-NEXT: scf.if %[[SENDS]] {
// CHECK-NEXT: tt.noc_semaphore_set %[[VALID]], %[[C1]]
// CHECK: tt.cb_reserve_back %[[CB:.*]], %{{.*}} {tt.comment = "Receive a 2x1 block of a into cb_in0, read by the first core of the row"}
// CHECK-NEXT: %[[L1:.*]] = tt.get_write_ptr %[[CB]]
// CHECK-NEXT: scf.if %[[SENDS]] {
// CHECK: tt.noc_async_read_page
// CHECK: } else {
// CHECK-NEXT: tt.noc_semaphore_set %[[VALID]], %[[C0]]
// CHECK-NEXT: %[[REMOTE:.*]] = tt.get_noc_addr %[[SX]], %[[SY]], %[[READY]] : i64
// CHECK-NEXT: tt.noc_semaphore_inc %[[REMOTE]], %[[C1]] : i64
// CHECK-NEXT: }
// CHECK-NEXT: tt.noc_async_read_barrier
// CHECK-NEXT: scf.if %[[SENDS]] {
// CHECK-NEXT: %[[ANY:.*]] = arith.cmpi ne, %[[N]], %[[C0]]
// CHECK-NEXT: scf.if %[[ANY]] {
// CHECK-NEXT: tt.noc_semaphore_wait %[[READY]], %[[N]]
// CHECK-NEXT: tt.noc_semaphore_set %[[READY]], %[[C0]]
// CHECK-NEXT: %[[DST:.*]] = tt.get_noc_multicast_addr %[[X0]], %[[Y0]], %[[X1]], %[[Y1]], %[[L1]] : i64
// CHECK-NEXT: tt.noc_async_write_multicast %[[L1]], %[[DST]], %[[BYTES]], %[[N]] : i64
// CHECK-NEXT: %[[FLAG:.*]] = tt.get_noc_multicast_addr %[[X0]], %[[Y0]], %[[X1]], %[[Y1]], %[[VALID]] : i64
// CHECK-NEXT: tt.noc_semaphore_set_multicast %[[VALID]], %[[FLAG]], %[[N]] : i64
// CHECK-NEXT: tt.noc_async_writes_flushed
// CHECK-NEXT: }
// CHECK-NEXT: } else {
// CHECK-NEXT: tt.noc_semaphore_wait %[[VALID]], %[[C1]]
// CHECK-NEXT: }
// CHECK-NEXT: tt.cb_push_back %[[CB]]
func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>, tt.runtime_args = ["a", "Kt"]} {
  %a_addr = tt.get_arg_val 0 as "a_addr" : i32
  %Kt = tt.get_arg_val 1 as "Kt" : i32
  %a = tt.tensor_accessor %a_addr args 0 as "a" : !tt.accessor
  %in0 = tt.get_cb as "cb_in0" : !tt.cb<0, 4 x !tt.tile<bf16>>
  %c1 = arith.constant 1 : i32
  tt.read_tiles %a[%c1, %c1] tiles_per_row %Kt block 2 x 1 -> %in0 multicast <row> : !tt.accessor, !tt.cb<0, 4 x !tt.tile<bf16>>
  return
}

// -----

// Two reads, one multicast down the column and one read by every core: one
// barrier; only the column group's arguments are added.
// CHECK-LABEL: func.func @mixed()
// CHECK-SAME: tt.runtime_args = ["a", "b", #tt.mcast<column, is_sender>
// CHECK-NOT: #tt.mcast<row
// CHECK-SAME: #tt.mcast<column, valid_semaphore>]
// CHECK: tt.get_arg_val {{.*}} as "col_is_sender"
// CHECK: tt.noc_async_read_barrier
// CHECK-NOT: tt.noc_async_read_barrier
// CHECK: tt.noc_async_write_multicast
func.func @mixed() attributes {tt.kernel_role = #tt.kernel_role<reader>, tt.runtime_args = ["a", "b"]} {
  %a_addr = tt.get_arg_val 0 as "a_addr" : i32
  %b_addr = tt.get_arg_val 1 as "b_addr" : i32
  %a = tt.tensor_accessor %a_addr args 0 as "a" : !tt.accessor
  %b = tt.tensor_accessor %b_addr args 2 as "b" : !tt.accessor
  %in0 = tt.get_cb as "cb_in0" : !tt.cb<0, 2 x !tt.tile<bf16>>
  %in1 = tt.get_cb as "cb_in1" : !tt.cb<1, 2 x !tt.tile<bf16>>
  %c1 = arith.constant 1 : i32
  %c4 = arith.constant 4 : i32
  tt.read_tiles %a[%c1, %c1] tiles_per_row %c4 block 1 x 1 -> %in0 : !tt.accessor, !tt.cb<0, 2 x !tt.tile<bf16>>
  tt.read_tiles %b[%c1, %c1] tiles_per_row %c4 block 1 x 1 -> %in1 multicast <column> : !tt.accessor, !tt.cb<1, 2 x !tt.tile<bf16>>
  return
}

// -----

// A read multicast to the whole grid of cores: the grid group's facts, and
// the loopback variants, since the rectangle holds the sender (core (0, 0)):
// they count it, num_dests + 1. The ready handshake still counts receivers.
// CHECK-LABEL: func.func @grid()
// CHECK-SAME: tt.runtime_args = ["b", #tt.mcast<grid, is_sender>
// CHECK-SAME: #tt.mcast<grid, valid_semaphore>]
// CHECK-DAG: %[[C1:.*]] = arith.constant 1 : i32
// CHECK: %[[N:.*]] = tt.get_arg_val {{.*}} as "grid_num_dests"
// CHECK: %[[READY:.*]] = tt.get_semaphore %{{.*}} as "grid_ready_sem"
// CHECK: %[[VALID:.*]] = tt.get_semaphore %{{.*}} as "grid_valid_sem"
// CHECK: tt.cb_reserve_back %{{.*}} {tt.comment = "Receive a 1x2 block of b into cb_in1, read by the first core of the grid"}
// CHECK: tt.noc_semaphore_wait %[[READY]], %[[N]]
// CHECK: %[[ALL:.*]] = arith.addi %[[N]], %[[C1]] {tt.name = "grid_cores"} : i32
// CHECK: tt.noc_async_write_multicast_loopback_src %{{.*}}, %{{.*}}, %{{.*}}, %[[ALL]] : i64
// CHECK: tt.noc_semaphore_set_multicast_loopback_src %[[VALID]], %{{.*}}, %[[ALL]] : i64
// CHECK-NOT: tt.noc_async_write_multicast %
func.func @grid() attributes {tt.kernel_role = #tt.kernel_role<writer>, tt.runtime_args = ["b"]} {
  %b_addr = tt.get_arg_val 0 as "b_addr" : i32
  %b = tt.tensor_accessor %b_addr args 0 as "b" : !tt.accessor
  %in1 = tt.get_cb as "cb_in1" : !tt.cb<1, 4 x !tt.tile<bf16>>
  %c0 = arith.constant 0 : i32
  %c2 = arith.constant 2 : i32
  tt.read_tiles %b[%c0, %c0] tiles_per_row %c2 block 1 x 2 -> %in1 multicast <grid> : !tt.accessor, !tt.cb<1, 4 x !tt.tile<bf16>>
  return
}
