// RUN: tt-opt %s | tt-opt | FileCheck %s
// RUN: tt-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// RUN: tt-opt %s --mlir-print-op-generic | tt-opt | FileCheck %s

// Arguments over a work split: 13 units on an 8x8 grid go to 13 cores, a full
// column of 8 and 5 cores of the next, one unit each.
// CHECK-LABEL: tt.program @p
// CHECK: tt.set_runtime_args @reader split <units = 13, grid_x = 8, grid_y = 8, row_wise = false, cores = 13, group1_cores = 13, group1_units = 1, group2_units = 0> [@a, #tt.work<start>, #tt.work<count>, 7]
// GENERIC: "tt.set_runtime_args"() <{args = [@a, #tt.work<start>, #tt.work<count>, 7], kernel = @reader, split = #tt.work_split<units = 13
func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  return
}
tt.program @p device #tt.device<wormhole_b0> {
  tt.buffer @a size 2048 page_size 2048 format <bf16> layout <dram_interleaved>
  tt.create_kernel @reader on <(0, 0) to (0, 7), (1, 0) to (1, 4)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
  tt.set_runtime_args @reader split <units = 13, grid_x = 8, grid_y = 8, row_wise = false, cores = 13, group1_cores = 13, group1_units = 1, group2_units = 0> [@a, #tt.work<start>, #tt.work<count>, 7]
}

// Row-wise splits number the cores along rows: 10 units on 8 columns.
// CHECK-LABEL: tt.program @q
// CHECK: tt.set_runtime_args @reader2 split <units = 10, grid_x = 8, grid_y = 8, row_wise = true, cores = 10, group1_cores = 10, group1_units = 1, group2_units = 0>
func.func @reader2() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  return
}
tt.program @q device #tt.device<wormhole_b0> {
  tt.create_kernel @reader2 on <(0, 0) to (7, 0), (0, 1) to (1, 1)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
  tt.set_runtime_args @reader2 split <units = 10, grid_x = 8, grid_y = 8, row_wise = true, cores = 10, group1_cores = 10, group1_units = 1, group2_units = 0> [#tt.work<start>, #tt.work<count>]
}
