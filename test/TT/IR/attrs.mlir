// RUN: tt-opt %s --allow-unregistered-dialect | tt-opt --allow-unregistered-dialect | FileCheck %s
// RUN: tt-opt %s --allow-unregistered-dialect --mlir-print-op-generic | tt-opt --allow-unregistered-dialect | FileCheck %s

// CHECK: core = #tt.core<3, 0>
// CHECK-SAME: range = #tt.core_range<(0, 0) to (7, 3)>
// CHECK-SAME: set = #tt.core_range_set<(0, 0) to (7, 6), (0, 7) to (3, 7)>
"test.cores"() {core = #tt.core<3, 0>, range = #tt.core_range<(0, 0) to (7, 3)>,
                set = #tt.core_range_set<(0, 0) to (7, 6), (0, 7) to (3, 7)>} : () -> ()

// Built-in devices print in their short form; overrides are kept.
// CHECK: bh = #tt.device<blackhole>
// CHECK-SAME: small = #tt.device<wormhole_b0, grid = 4x2, l1 = 1048576>
// CHECK-SAME: wh = #tt.device<wormhole_b0>
"test.devices"() {wh = #tt.device<wormhole_b0>, bh = #tt.device<blackhole>,
                  small = #tt.device<wormhole_b0, grid = 4x2, l1 = 1048576>} : () -> ()

// A full description equal to the built-in one prints short.
// CHECK: same = #tt.device<blackhole>
"test.devices"() {same = #tt.device<blackhole, grid = 11x10, dram_banks = 8, clock_mhz = 1350>} : () -> ()

// CHECK: compute = #tt.compute<math_fidelity = hifi4, fp32_dest_acc_en = true, dst_full_sync_en = false>
// CHECK-SAME: dm = #tt.data_movement<processor = riscv_0, noc = riscv_0_default>
"test.configs"() {dm = #tt.data_movement<processor = riscv_0, noc = riscv_0_default>,
                  compute = #tt.compute<math_fidelity = hifi4, fp32_dest_acc_en = true, dst_full_sync_en = false>} : () -> ()

// CHECK: f = #tt.fidelity<lofi>
// CHECK-SAME: fmt = #tt.format<bfp8_b>
// CHECK-SAME: layout = #tt.layout<dram_interleaved>
// CHECK-SAME: role = #tt.kernel_role<writer>
"test.enums"() {fmt = #tt.format<bfp8_b>, f = #tt.fidelity<lofi>, layout = #tt.layout<dram_interleaved>,
                role = #tt.kernel_role<writer>} : () -> ()

// CHECK: nt = #tt.matmul<transpose_a = false, transpose_b = false>
// CHECK-SAME: tb = #tt.matmul<transpose_a = false, transpose_b = true>
"test.matmul_forms"() {nt = #tt.matmul<transpose_a = false, transpose_b = false>,
                       tb = #tt.matmul<transpose_a = false, transpose_b = true>} : () -> ()
