// RUN: tt-opt %s -split-input-file -verify-diagnostics

func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  return
}
tt.program @p device #tt.device<wormhole_b0> {
  tt.create_kernel @reader on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
  // expected-error @+1 {{sets the arguments of one core ('at <x, y>') or of a work split ('split #tt.work_split<...>'): give exactly one}}
  tt.set_runtime_args @reader [1]
}

// -----

func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  return
}
tt.program @p device #tt.device<wormhole_b0> {
  tt.create_kernel @reader on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
  // expected-error @+1 {{runtime argument 0 (#tt.work<start>) depends on the core's place in a work split, but the arguments are not set over a split}}
  tt.set_runtime_args @reader at <0, 0> [#tt.work<start>]
}

// -----

func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  return
}
tt.program @p device #tt.device<wormhole_b0> {
  tt.create_kernel @reader on <(0, 0) to (0, 1)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
  // expected-error @+1 {{splits work over a 11x10 grid, which does not fit the wormhole_b0's 8x8 grid}}
  tt.set_runtime_args @reader split <units = 2, grid_x = 11, grid_y = 10, row_wise = false, cores = 2, group1_cores = 2, group1_units = 1, group2_units = 0> [#tt.work<count>]
}

// -----

func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  return
}
tt.program @p device #tt.device<wormhole_b0> {
  tt.create_kernel @reader on <(0, 0) to (0, 1)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
  // expected-error @+1 {{core (0, 2) is not one of the cores kernel @reader runs on}}
  tt.set_runtime_args @reader split <units = 3, grid_x = 8, grid_y = 8, row_wise = false, cores = 3, group1_cores = 3, group1_units = 1, group2_units = 0> [#tt.work<count>]
}

// -----

func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  return
}
tt.program @p device #tt.device<wormhole_b0> {
  // expected-error @+1 {{kernel @reader runs on 3 cores but has runtime arguments for 2; core (0, 2) has none}}
  tt.create_kernel @reader on <(0, 0) to (0, 2)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
  tt.set_runtime_args @reader split <units = 2, grid_x = 8, grid_y = 8, row_wise = false, cores = 2, group1_cores = 2, group1_units = 1, group2_units = 0> [#tt.work<count>]
}

// -----

func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  return
}
tt.program @p device #tt.device<wormhole_b0> {
  tt.create_kernel @reader on <(0, 0) to (0, 1)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
  tt.set_runtime_args @reader at <0, 0> [1]
  // expected-error @+1 {{runtime arguments of kernel @reader on core (0, 0) are set twice}}
  tt.set_runtime_args @reader split <units = 2, grid_x = 8, grid_y = 8, row_wise = false, cores = 2, group1_cores = 2, group1_units = 1, group2_units = 0> [#tt.work<count>]
}

// -----

func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  return
}
tt.program @p device #tt.device<wormhole_b0> {
  tt.create_kernel @reader on <(0, 0) to (1, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
  // expected-error @+1 {{passes multicast group arguments over a work split that uses 2 of its 8x8 cores; multicast rows and columns need the whole grid}}
  tt.set_runtime_args @reader split <units = 2, grid_x = 8, grid_y = 8, row_wise = true, cores = 2, group1_cores = 2, group1_units = 1, group2_units = 0> [#tt.mcast<row, sender_x>]
}

// -----

func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  return
}
tt.program @p device #tt.device<wormhole_b0> {
  tt.create_kernel @reader on <(0, 0) to (1, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
  // expected-error @+1 {{runtime argument 0 (#tt.mcast<row, ready_semaphore>) is a semaphore: name the program's tt.semaphore instead}}
  tt.set_runtime_args @reader split <units = 2, grid_x = 2, grid_y = 1, row_wise = true, cores = 2, group1_cores = 2, group1_units = 1, group2_units = 0> [#tt.mcast<row, ready_semaphore>]
}

// -----

func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  return
}
tt.program @p device #tt.device<wormhole_b0> {
  tt.create_kernel @reader on <(0, 0) to (1, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
  // expected-error @+1 {{runtime argument 0 (#tt.mcast<row, sender_x>) depends on the core's place in a work split, but the arguments are not set over a split}}
  tt.set_runtime_args @reader at <0, 0> [#tt.mcast<row, sender_x>]
}
