// RUN: tt-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tt-lower-dataflow))' | FileCheck %s --implicit-check-not=tt.read_tiles --implicit-check-not=tt.write_tiles

// Two adjacent reads of a K step share one barrier: both CBs are reserved,
// every page is read, then one barrier and both pushes. The 2x1 block of A
// reads pages (by + i) * Kt + k into slots i.
func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  %a_addr = tt.get_arg_val 0 as "a_addr" : i32
  %a = tt.tensor_accessor %a_addr args 0 as "a" : !tt.accessor
  %b_addr = tt.get_arg_val 1 as "b_addr" : i32
  %b = tt.tensor_accessor %b_addr args 2 as "b" : !tt.accessor
  %by = tt.get_arg_val 2 as "by" : i32
  %bx = tt.get_arg_val 3 as "bx" : i32
  %Kt = tt.get_arg_val 4 as "Kt" : i32
  %Nt = tt.get_arg_val 5 as "Nt" : i32
  %in0 = tt.get_cb as "cb_in0" : !tt.cb<0, 4 x !tt.tile<bf16>>
  %in1 = tt.get_cb as "cb_in1" : !tt.cb<1, 2 x !tt.tile<bf16>>
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  scf.for %k = %c0 to %Kt step %c1 : i32 {
    tt.read_tiles %a[%by, %k] tiles_per_row %Kt block 2 x 1 -> %in0 : !tt.accessor, !tt.cb<0, 4 x !tt.tile<bf16>>
    tt.read_tiles %b[%k, %bx] tiles_per_row %Nt block 1 x 1 -> %in1 : !tt.accessor, !tt.cb<1, 2 x !tt.tile<bf16>>
  }
  return
}

// CHECK-LABEL: func.func @reader()
// CHECK-DAG: %[[A:.*]] = tt.tensor_accessor {{.*}} as "a"
// CHECK-DAG: %[[B:.*]] = tt.tensor_accessor {{.*}} as "b"
// CHECK-DAG: %[[BY:.*]] = tt.get_arg_val 2
// CHECK-DAG: %[[KT:.*]] = tt.get_arg_val 4
// CHECK-DAG: %[[IN0:.*]] = tt.get_cb as "cb_in0"
// CHECK-DAG: %[[IN1:.*]] = tt.get_cb as "cb_in1"
// CHECK-DAG: %[[C2:.*]] = arith.constant 2 : i32
// CHECK-DAG: %[[C2048:.*]] = arith.constant 2048 : i32
// CHECK: scf.for %[[K:.*]] =
// CHECK-NEXT: tt.cb_reserve_back %[[IN0]], %[[C2]] {tt.comment = "Read a 2x1 block of a into cb_in0"}
// CHECK-NEXT: %[[L1A:.*]] = tt.get_write_ptr %[[IN0]]
// CHECK-NEXT: scf.for %[[I:.*]] = {{.*}} to %[[C2]]
// CHECK-NEXT: %[[ROW:.*]] = arith.addi %[[BY]], %[[I]]
// CHECK-NEXT: %[[ROWSTART:.*]] = arith.muli %[[ROW]], %[[KT]]
// CHECK-NEXT: %[[PAGE:.*]] = arith.addi %[[ROWSTART]], %[[K]]
// CHECK-NEXT: %[[OFF:.*]] = arith.muli %[[I]], %[[C2048]]
// CHECK-NEXT: %[[DST:.*]] = arith.addi %[[L1A]], %[[OFF]]
// CHECK-NEXT: tt.noc_async_read_page %[[PAGE]], %[[A]], %[[DST]]
// CHECK: tt.cb_reserve_back %[[IN1]], %{{.*}} {tt.comment = "Read a page of b into cb_in1"}
// CHECK-NEXT: %[[L1B:.*]] = tt.get_write_ptr %[[IN1]]
// CHECK: tt.noc_async_read_page %{{.*}}, %[[B]], %[[L1B]]
// CHECK-NEXT: tt.noc_async_read_barrier {tt.comment = "Wait for the reads to land, then hand the pages to compute"}
// CHECK-NEXT: tt.cb_push_back %[[IN0]], %[[C2]]
// CHECK-NEXT: tt.cb_push_back %[[IN1]]
// CHECK-NEXT: }
// CHECK-NOT: tt.noc_async_read_barrier

// -----

// A 2x4 block packed as two 1x4 subblocks: the writer writes each subblock
// as compute packs it: wait for its 4 pages, write them to (by + row, bx +
// col), free them once the writes have left L1, and one barrier for the
// block.
func.func @writer() attributes {tt.kernel_role = #tt.kernel_role<writer>} {
  %c_addr = tt.get_arg_val 0 as "c_addr" : i32
  %c = tt.tensor_accessor %c_addr args 0 as "c" : !tt.accessor
  %by = tt.get_arg_val 1 as "by" : i32
  %bx = tt.get_arg_val 2 as "bx" : i32
  %Nt = tt.get_arg_val 3 as "Nt" : i32
  %out = tt.get_cb as "cb_out" : !tt.cb<16, 8 x !tt.tile<bf16>>
  tt.write_tiles %out -> %c[%by, %bx] tiles_per_row %Nt block 2 x 4 subblock 1 x 4 : !tt.cb<16, 8 x !tt.tile<bf16>>, !tt.accessor
  return
}

// CHECK-LABEL: func.func @writer()
// CHECK-DAG: %[[C:.*]] = tt.tensor_accessor {{.*}} as "c"
// CHECK-DAG: %[[BY:.*]] = tt.get_arg_val 1
// CHECK-DAG: %[[BX:.*]] = tt.get_arg_val 2
// CHECK-DAG: %[[NT:.*]] = tt.get_arg_val 3
// CHECK-DAG: %[[OUT:.*]] = tt.get_cb as "cb_out"
// CHECK-DAG: %[[C2:.*]] = arith.constant 2 : i32
// CHECK-DAG: %[[C4:.*]] = arith.constant 4 : i32
// CHECK-DAG: %[[C2048:.*]] = arith.constant 2048 : i32
// CHECK: scf.for %[[SBROW:.*]] = %{{.*}} to %[[C2]]
// CHECK-NEXT: tt.cb_wait_front %[[OUT]], %[[C4]] {tt.comment = "Wait for a 1x4 subblock of cb_out and write it to c"}
// CHECK-NEXT: %[[L1:.*]] = tt.get_read_ptr %[[OUT]]
// CHECK-NEXT: scf.for %[[J:.*]] = %{{.*}} to %[[C4]]
// CHECK-NEXT: %[[ROW:.*]] = arith.addi %[[BY]], %[[SBROW]]
// CHECK-NEXT: %[[COL:.*]] = arith.addi %[[BX]], %[[J]]
// CHECK-NEXT: %[[OFF:.*]] = arith.muli %[[J]], %[[C2048]]
// CHECK-NEXT: %[[SRC:.*]] = arith.addi %[[L1]], %[[OFF]]
// CHECK-NEXT: %[[ROWSTART:.*]] = arith.muli %[[ROW]], %[[NT]]
// CHECK-NEXT: %[[PAGE:.*]] = arith.addi %[[ROWSTART]], %[[COL]]
// CHECK-NEXT: tt.noc_async_write_page %[[PAGE]], %[[C]], %[[SRC]]
// CHECK: tt.noc_async_writes_flushed
// CHECK-NEXT: tt.cb_pop_front %[[OUT]], %[[C4]]
// CHECK: tt.noc_async_write_barrier {tt.comment = "Wait for the block's writes to complete"}
// CHECK-NEXT: return

// -----

// A function without tile transfers is left as it is.
// CHECK-LABEL: func.func @compute()
// CHECK-NEXT: tt.tile_regs_acquire
// CHECK-NEXT: tt.tile_regs_release
// CHECK-NEXT: return
func.func @compute() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
  tt.tile_regs_acquire
  tt.tile_regs_release
  return
}

// -----

// Edge blocks: a 2x2 block of A's tiles with row_limit and col_limit reads
// only the tiles inside the buffer; a write with row_limit writes only the
// rows inside C. Every page is still reserved and pushed (popped).
func.func @edge_reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  %a_addr = tt.get_arg_val 0 as "a_addr" : i32
  %a = tt.tensor_accessor %a_addr args 0 as "a" : !tt.accessor
  %row = tt.get_arg_val 1 as "row" : i32
  %col = tt.get_arg_val 2 as "col" : i32
  %Mt = tt.get_arg_val 3 as "Mt" : i32
  %Kt = tt.get_arg_val 4 as "Kt" : i32
  %in0 = tt.get_cb as "cb_in0" : !tt.cb<0, 8 x !tt.tile<bf16>>
  tt.read_tiles %a[%row, %col] tiles_per_row %Kt block 2 x 2 -> %in0 row_limit %Mt col_limit %Kt : !tt.accessor, !tt.cb<0, 8 x !tt.tile<bf16>>
  return
}

// CHECK-LABEL: func.func @edge_reader()
// CHECK-DAG: %[[A:.*]] = tt.tensor_accessor {{.*}} as "a"
// CHECK-DAG: %[[ROW:.*]] = tt.get_arg_val 1
// CHECK-DAG: %[[COL:.*]] = tt.get_arg_val 2
// CHECK-DAG: %[[MT:.*]] = tt.get_arg_val 3
// CHECK-DAG: %[[KT:.*]] = tt.get_arg_val 4
// CHECK-DAG: %[[IN0:.*]] = tt.get_cb as "cb_in0"
// CHECK-DAG: %[[C4:.*]] = arith.constant 4 : i32
// CHECK: tt.cb_reserve_back %[[IN0]], %[[C4]]
// CHECK: scf.for %[[I:.*]] =
// CHECK: scf.for %[[J:.*]] =
// CHECK-NEXT: %[[R:.*]] = arith.addi %[[ROW]], %[[I]] {tt.name = "a_row"}
// CHECK-NEXT: %[[C:.*]] = arith.addi %[[COL]], %[[J]] {tt.name = "a_col"}
// CHECK: %[[RIN:.*]] = arith.cmpi ult, %[[R]], %[[MT]]
// CHECK-NEXT: %[[CIN:.*]] = arith.cmpi ult, %[[C]], %[[KT]]
// CHECK-NEXT: %[[IN:.*]] = arith.andi %[[RIN]], %[[CIN]] {tt.name = "inside"}
// CHECK-NEXT: scf.if %[[IN]] {
// CHECK: tt.noc_async_read_page %{{.*}}, %[[A]], %{{.*}}
// CHECK-NEXT: }
// CHECK: tt.noc_async_read_barrier
// CHECK-NEXT: tt.cb_push_back %[[IN0]], %[[C4]]

// -----

func.func @edge_writer() attributes {tt.kernel_role = #tt.kernel_role<writer>} {
  %c_addr = tt.get_arg_val 0 as "c_addr" : i32
  %c = tt.tensor_accessor %c_addr args 0 as "c" : !tt.accessor
  %by = tt.get_arg_val 1 as "by" : i32
  %bx = tt.get_arg_val 2 as "bx" : i32
  %Nt = tt.get_arg_val 3 as "Nt" : i32
  %Mt = tt.get_arg_val 4 as "Mt" : i32
  %out = tt.get_cb as "cb_out" : !tt.cb<16, 8 x !tt.tile<bf16>>
  tt.write_tiles %out -> %c[%by, %bx] tiles_per_row %Nt block 2 x 4 row_limit %Mt : !tt.cb<16, 8 x !tt.tile<bf16>>, !tt.accessor
  return
}

// CHECK-LABEL: func.func @edge_writer()
// CHECK-DAG: %[[MT:.*]] = tt.get_arg_val 4
// CHECK-DAG: %[[OUT:.*]] = tt.get_cb as "cb_out"
// CHECK-DAG: %[[C8:.*]] = arith.constant 8 : i32
// CHECK: tt.cb_wait_front %[[OUT]], %[[C8]]
// CHECK: %[[R:.*]] = arith.addi %{{.*}}, %{{.*}} {tt.name = "c_row"}
// CHECK: %[[IN:.*]] = arith.cmpi ult, %[[R]], %[[MT]] {tt.name = "inside"}
// CHECK: scf.if %[[IN]] {
// CHECK: tt.noc_async_write_page
// CHECK-NEXT: }
// CHECK-NOT: arith.cmpi
// CHECK: tt.noc_async_write_barrier
// CHECK-NEXT: tt.cb_pop_front %[[OUT]], %[[C8]]
