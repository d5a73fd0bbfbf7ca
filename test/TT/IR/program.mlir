// RUN: tt-opt %s | tt-opt | FileCheck %s
// RUN: tt-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// RUN: tt-opt %s --mlir-print-op-generic | tt-opt | FileCheck %s

func.func @reader() attributes {tt.kernel_role = #tt.kernel_role<reader>} {
  return
}
func.func @writer() attributes {tt.kernel_role = #tt.kernel_role<writer>} {
  return
}
func.func @compute() attributes {tt.kernel_role = #tt.kernel_role<compute>} {
  return
}

// CHECK-LABEL: tt.program @matmul device <blackhole> {
// CHECK-NEXT: tt.buffer @a size 8192 page_size 2048 format <bf16> layout <dram_interleaved> shape [64, 64]
// CHECK-NEXT: tt.buffer @c size 16384 page_size 4096 format <f32> layout <dram_interleaved>
// CHECK-NEXT: tt.create_cb 0 on <(0, 0) to (1, 0)> total_size 4096 page_size 2048 format <bf16>
// CHECK-NEXT: tt.create_cb 16 on <(0, 0) to (1, 0)> total_size 8192 page_size 4096 format <f32>
// CHECK-NEXT: tt.create_kernel @reader on <(0, 0) to (1, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default> compile_args [@a, 7]
// CHECK-NEXT: tt.create_kernel @writer on <(0, 0) to (1, 0)> config #tt.data_movement<processor = riscv_0, noc = riscv_0_default>
// CHECK-NEXT: tt.create_kernel @compute on <(0, 0) to (1, 0)> config #tt.compute<math_fidelity = hifi2, fp32_dest_acc_en = false, dst_full_sync_en = true>
// CHECK-NEXT: tt.set_runtime_args @reader at <0, 0> [@a, 0, 2]
// CHECK-NEXT: tt.set_runtime_args @reader at <1, 0> [@a, 2, 2]
// CHECK-NEXT: tt.reference_matmul @a, @a -> @a
// CHECK-NEXT: tt.enqueue_write_buffer @a
// CHECK-NEXT: tt.enqueue_program
// CHECK-NEXT: tt.enqueue_read_buffer @c
// CHECK-NEXT: }
// GENERIC: "tt.program"() <{device = #tt.device<blackhole>, sym_name = "matmul"}> ({
// GENERIC: "tt.buffer"() <{format = #tt.format<bf16>, layout = #tt.layout<dram_interleaved>, page_size = 2048 : i64, shape = array<i64: 64, 64>, size = 8192 : i64, sym_name = "a"}>
// GENERIC: "tt.create_cb"() <{cores = #tt.core_range_set<(0, 0) to (1, 0)>, format = #tt.format<bf16>, index = 0 : i32, page_size = 2048 : i64, total_size = 4096 : i64}>
// GENERIC: "tt.create_kernel"() <{compile_args = [@a, 7], config = #tt.data_movement<processor = riscv_1, noc = riscv_1_default>, cores = #tt.core_range_set<(0, 0) to (1, 0)>, kernel = @reader}>
// GENERIC: "tt.set_runtime_args"() <{args = [@a, 0, 2], core = #tt.core<0, 0>, kernel = @reader}>
// GENERIC: "tt.reference_matmul"() <{a = @a, b = @a, c = @a}>
// GENERIC: "tt.enqueue_write_buffer"() <{buffer = @a}>
// GENERIC: "tt.enqueue_program"()
// GENERIC: "tt.enqueue_read_buffer"() <{buffer = @c}>
tt.program @matmul device #tt.device<blackhole> {
  tt.buffer @a size 8192 page_size 2048 format <bf16> layout <dram_interleaved> shape [64, 64]
  tt.buffer @c size 16384 page_size 4096 format <f32> layout <dram_interleaved>
  tt.create_cb 0 on <(0, 0) to (1, 0)> total_size 4096 page_size 2048 format <bf16>
  tt.create_cb 16 on <(0, 0) to (1, 0)> total_size 8192 page_size 4096 format <f32>
  tt.create_kernel @reader on <(0, 0) to (1, 0)> config #tt.data_movement<processor = riscv_1, noc = riscv_1_default> compile_args [@a, 7]
  tt.create_kernel @writer on <(0, 0) to (1, 0)> config #tt.data_movement<processor = riscv_0, noc = riscv_0_default>
  tt.create_kernel @compute on <(0, 0) to (1, 0)> config #tt.compute<math_fidelity = hifi2, fp32_dest_acc_en = false, dst_full_sync_en = true>
  tt.set_runtime_args @reader at <0, 0> [@a, 0, 2]
  tt.set_runtime_args @reader at <1, 0> [@a, 2, 2]
  tt.reference_matmul @a, @a -> @a
  tt.enqueue_write_buffer @a
  tt.enqueue_program
  tt.enqueue_read_buffer @c
}

// A * B^T with B stored N x K (64x32 * (96x32)^T -> 64x96).
// CHECK-LABEL: tt.program @transposed device <wormhole_b0> {
// CHECK: tt.reference_matmul @a, @b -> @c transpose_b
// CHECK-NEXT: }
// GENERIC: "tt.reference_matmul"() <{a = @a, b = @b, c = @c, transpose_b}>
tt.program @transposed device #tt.device<wormhole_b0> {
  tt.buffer @a size 4096 page_size 2048 format <bf16> layout <dram_interleaved> shape [64, 32]
  tt.buffer @b size 6144 page_size 2048 format <bf16> layout <dram_interleaved> shape [96, 32]
  tt.buffer @c size 12288 page_size 2048 format <bf16> layout <dram_interleaved> shape [64, 96]
  tt.reference_matmul @a, @b -> @c transpose_b
}

// A batch of three products sharing B: a and c hold three matrices each.
// CHECK-LABEL: tt.program @batched device <wormhole_b0> {
// CHECK: tt.buffer @a size 24576 page_size 2048 format <bf16> layout <dram_interleaved> shape [3, 100, 64]
// CHECK: tt.buffer @b size 6144 page_size 2048 format <bf16> layout <dram_interleaved> shape [64, 96]
// CHECK: tt.reference_matmul @a, @b -> @c
// GENERIC: "tt.program"() <{device = #tt.device<wormhole_b0>, sym_name = "batched"}>
// GENERIC: "tt.buffer"() <{format = #tt.format<bf16>, layout = #tt.layout<dram_interleaved>, page_size = 2048 : i64, shape = array<i64: 3, 100, 64>, size = 24576 : i64, sym_name = "a"}>
tt.program @batched device #tt.device<wormhole_b0> {
  tt.buffer @a size 24576 page_size 2048 format <bf16> layout <dram_interleaved> shape [3, 100, 64]
  tt.buffer @b size 6144 page_size 2048 format <bf16> layout <dram_interleaved> shape [64, 96]
  tt.buffer @c size 36864 page_size 2048 format <bf16> layout <dram_interleaved> shape [3, 100, 96]
  tt.reference_matmul @a, @b -> @c
}
