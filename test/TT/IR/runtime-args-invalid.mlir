// RUN: tt-opt %s -split-input-file -verify-diagnostics

func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  return
}
tt.program @p device #tt.device<wormhole_b0> {
  // expected-error @+1 {{kernel @reader runs on 4 cores but has runtime arguments for 3; core (1, 1) has none}}
  tt.create_kernel @reader on <(0, 0) to (1, 1)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
  tt.set_runtime_args @reader at <0, 0> [1]
  tt.set_runtime_args @reader at <1, 0> [1]
  tt.set_runtime_args @reader at <0, 1> [1]
}

// -----

func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  return
}
tt.program @p device #tt.device<wormhole_b0> {
  tt.create_kernel @reader on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
  // expected-error @+1 {{core (2, 0) is not one of the cores kernel @reader runs on}}
  tt.set_runtime_args @reader at <2, 0> [1]
}

// -----

func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  return
}
tt.program @p device #tt.device<wormhole_b0> {
  tt.create_kernel @reader on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
  tt.set_runtime_args @reader at <0, 0> [1]
  // expected-error @+1 {{runtime arguments of kernel @reader on core (0, 0) are set twice}}
  tt.set_runtime_args @reader at <0, 0> [2]
}

// -----

tt.program @p device #tt.device<wormhole_b0> {
  // expected-error @+1 {{sets arguments of @reader, which no earlier tt.create_kernel places}}
  tt.set_runtime_args @reader at <0, 0> [1]
}

// -----

func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  return
}
tt.program @p device #tt.device<wormhole_b0> {
  tt.create_kernel @reader on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
  // expected-error @+1 {{runtime argument 1 refers to @c, which is not a buffer or a semaphore of the program}}
  tt.set_runtime_args @reader at <0, 0> [1, @c]
}

// -----

func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  return
}
tt.program @p device #tt.device<wormhole_b0> {
  tt.create_kernel @reader on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
  // expected-error @+1 {{runtime argument 0 (4294967296) does not fit in uint32_t}}
  tt.set_runtime_args @reader at <0, 0> [4294967296]
}
