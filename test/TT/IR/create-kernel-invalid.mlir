// RUN: tt-opt %s -split-input-file -verify-diagnostics

tt.program @p device #tt.device<wormhole_b0> {
  // expected-error @+1 {{kernel @missing does not name a func.func}}
  tt.create_kernel @missing on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
}

// -----

func.func @helper() {
  return
}
tt.program @p device #tt.device<wormhole_b0> {
  // expected-error @+1 {{@helper is not a kernel: it has no 'tt.kernel_role'}}
  tt.create_kernel @helper on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
}

// -----

func.func @compute() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
  return
}
tt.program @p device #tt.device<wormhole_b0> {
  // expected-error @+1 {{compute kernel @compute needs a #tt.compute config}}
  tt.create_kernel @compute on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
}

// -----

func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  return
}
tt.program @p device #tt.device<wormhole_b0> {
  // expected-error @+1 {{reader kernel @reader needs a #tt.data_movement config}}
  tt.create_kernel @reader on <(0, 0) to (0, 0)> config #tt.compute<math_fidelity = hifi4, fp32_dest_acc_en = false, dst_full_sync_en = false>
}

// -----

func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  return
}
func.func @writer() attributes {tt.kernel_role = #tt.kernel_role<writer>} {
  return
}
tt.program @p device #tt.device<wormhole_b0> {
  // expected-note @+1 {{other kernel placed here}}
  tt.create_kernel @reader on <(0, 0) to (3, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
  // expected-error @+1 {{kernel @writer shares a processor with kernel @reader on some cores}}
  tt.create_kernel @writer on <(3, 0) to (4, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_0_default>
}

// -----

func.func @c1() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
  return
}
func.func @c2() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
  return
}
tt.program @p device #tt.device<wormhole_b0> {
  // expected-note @+1 {{other kernel placed here}}
  tt.create_kernel @c1 on <(0, 0) to (1, 1)> config #tt.compute<math_fidelity = hifi4, fp32_dest_acc_en = false, dst_full_sync_en = false>
  // expected-error @+1 {{kernel @c2 shares a processor with kernel @c1 on some cores}}
  tt.create_kernel @c2 on <(1, 1) to (2, 2)> config #tt.compute<math_fidelity = hifi4, fp32_dest_acc_en = false, dst_full_sync_en = false>
}

// -----

func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  return
}
tt.program @p device #tt.device<wormhole_b0> {
  tt.create_kernel @reader on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
  // expected-error @+1 {{kernel @reader is placed twice in one program}}
  tt.create_kernel @reader on <(1, 0) to (1, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
}

// -----

func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  return
}
tt.program @p device #tt.device<wormhole_b0> {
  // expected-error @+1 {{compile-time argument 0 refers to @nobuf, which is not a buffer of the program}}
  tt.create_kernel @reader on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default> compile_args [@nobuf]
}

// -----

func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  return
}
tt.program @p device #tt.device<wormhole_b0> {
  // expected-error @+1 {{compile-time argument 1 must be an integer or a buffer symbol, got "x"}}
  tt.create_kernel @reader on <(0, 0) to (0, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default> compile_args [1, "x"]
}

// -----

func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  return
}
tt.program @p device #tt.device<blackhole> {
  // expected-error @+1 {{uses core (10, 10) outside the 11x10 compute grid of blackhole}}
  tt.create_kernel @reader on <(0, 0) to (10, 10)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default>
}
