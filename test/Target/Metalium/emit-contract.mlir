// The contract program (what --tl-to-tt-pipeline produces): every file the
// emitter writes, printed to stdout under one header line each.
//
// RUN: tt-translate --emit-metalium %S/Inputs/matmul_64x64x96.mlir > %t
// RUN: FileCheck %s --check-prefix=FILES < %t
// RUN: FileCheck %s --check-prefix=READER < %t
// RUN: FileCheck %s --check-prefix=COMPUTE < %t
// RUN: FileCheck %s --check-prefix=WRITER < %t
// RUN: FileCheck %s --check-prefix=HOST < %t
// RUN: FileCheck %s --check-prefix=PLAN < %t
// RUN: FileCheck %s --check-prefix=BUILD < %t
// RUN: %validate_plan %t | FileCheck %s --check-prefix=VALID

// FILES:      // ===== FILE: reader.cpp =====
// FILES:      // ===== FILE: compute.cpp =====
// FILES:      // ===== FILE: writer.cpp =====
// FILES:      // ===== FILE: host.cpp =====
// FILES:      // ===== FILE: tt_host_support.hpp =====
// FILES:      // ===== FILE: tt.plan.json =====
// FILES:      // ===== FILE: CMakeLists.txt =====
// FILES:      // ===== FILE: README.txt =====

// Reader: shapes and the core's tile range are runtime arguments; DRAM pages
// go through TensorAccessors chained over the compile-time args.
// READER-LABEL: // ===== FILE: reader.cpp =====
// READER:       #include <cstdint>
// READER-NEXT:  #include "api/dataflow/dataflow_api.h"
// READER:       void kernel_main() {
// READER:         const uint32_t a_addr = get_arg_val<uint32_t>(0);
// READER-NEXT:    const uint32_t b_addr = get_arg_val<uint32_t>(1);
// READER-NEXT:    const uint32_t start_tile = get_arg_val<uint32_t>(2);
// READER-NEXT:    const uint32_t num_tiles = get_arg_val<uint32_t>(3);
// READER-NEXT:    const uint32_t Nt = get_arg_val<uint32_t>(4);
// READER-NEXT:    const uint32_t Kt = get_arg_val<uint32_t>(5);
// READER:         // DRAM buffers
// READER-NEXT:    constexpr auto a_args = TensorAccessorArgs<0>();
// READER-NEXT:    const auto a = TensorAccessor(a_args, a_addr);
// READER-NEXT:    constexpr auto b_args = TensorAccessorArgs<a_args.next_compile_time_args_offset()>();
// READER-NEXT:    const auto b = TensorAccessor(b_args, b_addr);
// READER:         // Circular buffers in L1
// READER-NEXT:    constexpr uint32_t cb_in0 = tt::CBIndex::c_0;
// READER-NEXT:    constexpr uint32_t cb_in1 = tt::CBIndex::c_1;
// READER:         // For each output block this core owns (row-major block ids)
// READER-NEXT:    for (uint32_t [[T:[a-z][0-9]*]] = start_tile; [[T]] < (start_tile + num_tiles); [[T]] += 1) {
// READER-NEXT:      // K loop: one K step of A and B blocks per iteration
// READER-NEXT:      for (uint32_t [[K:[a-z][0-9]*]] = 0; [[K]] < Kt; [[K]] += 1) {
// READER-NEXT:        // Read a page of a into cb_in0
// READER-NEXT:        cb_reserve_back(cb_in0, 1);
// READER-NEXT:        const uint32_t l1_write_addr_in0 = get_write_ptr(cb_in0);
// READER-NEXT:        const uint32_t a_page = ([[T]] / Nt) * Kt + [[K]];
// READER-NEXT:        noc_async_read_page(a_page, a, l1_write_addr_in0);
// READER-NEXT:        // Read a page of b into cb_in1
// READER-NEXT:        cb_reserve_back(cb_in1, 1);
// READER-NEXT:        const uint32_t l1_write_addr_in1 = get_write_ptr(cb_in1);
// READER-NEXT:        const uint32_t b_page = [[K]] * Nt + [[T]] % Nt;
// READER-NEXT:        noc_async_read_page(b_page, b, l1_write_addr_in1);
// READER-NEXT:        // Wait for the reads
// READER-NEXT:        noc_async_read_barrier();
// READER-NEXT:        cb_push_back(cb_in0, 1);
// READER-NEXT:        cb_push_back(cb_in1, 1);
// READER-NEXT:      }
// READER-NEXT:    }
// READER-NEXT:  }
// READER-NEXT:  // ===== FILE: compute.cpp =====

// COMPUTE-LABEL: // ===== FILE: compute.cpp =====
// COMPUTE:       #include <cstdint>
// COMPUTE-NEXT:  #include "api/compute/compute_kernel_hw_startup.h"
// COMPUTE-NEXT:  #include "api/compute/matmul.h"
// COMPUTE-NEXT:  #include "api/compute/tile_move_copy.h"
// COMPUTE-NEXT:  #include "api/compute/pack.h"
// COMPUTE-NEXT:  #include "api/compute/reconfig_data_format.h"
// COMPUTE:       void kernel_main() {
// COMPUTE:         const uint32_t num_tiles = get_arg_val<uint32_t>(0);
// COMPUTE-NEXT:    const uint32_t Kt = get_arg_val<uint32_t>(1);
// COMPUTE:         constexpr uint32_t cb_in0 = tt::CBIndex::c_0;
// COMPUTE-NEXT:    constexpr uint32_t cb_in1 = tt::CBIndex::c_1;
// COMPUTE-NEXT:    constexpr uint32_t cb_out = tt::CBIndex::c_16;
// COMPUTE:         compute_kernel_hw_startup<SrcOrder::Reverse>(cb_in0, cb_in1, cb_out);
// COMPUTE-NEXT:    matmul_init(cb_in0, cb_in1);
// COMPUTE:         for (uint32_t [[T:[a-z][0-9]*]] = 0; [[T]] < num_tiles; [[T]] += 1) {
// COMPUTE-NEXT:      // Math
// COMPUTE-NEXT:      tile_regs_acquire();
// COMPUTE-NEXT:      // K loop: one K step of A and B blocks per iteration
// COMPUTE-NEXT:      for (uint32_t [[K:[a-z][0-9]*]] = 0; [[K]] < Kt; [[K]] += 1) {
// COMPUTE-NEXT:        cb_wait_front(cb_in0, 1);
// COMPUTE-NEXT:        cb_wait_front(cb_in1, 1);
// COMPUTE-NEXT:        matmul_tiles(cb_in0, cb_in1, 0, 0, 0);
// COMPUTE-NEXT:        cb_pop_front(cb_in0, 1);
// COMPUTE-NEXT:        cb_pop_front(cb_in1, 1);
// COMPUTE-NEXT:      }
// COMPUTE-NEXT:      tile_regs_commit();
// COMPUTE-NEXT:      // Pack
// COMPUTE-NEXT:      cb_reserve_back(cb_out, 1);
// COMPUTE-NEXT:      tile_regs_wait();
// COMPUTE-NEXT:      pack_tile(0, cb_out, 0);
// COMPUTE-NEXT:      tile_regs_release();
// COMPUTE-NEXT:      cb_push_back(cb_out, 1);
// COMPUTE-NEXT:    }
// COMPUTE-NEXT:  }
// COMPUTE-NOT:   mm_init
// COMPUTE-NOT:   acquire_dst

// WRITER-LABEL: // ===== FILE: writer.cpp =====
// WRITER:         const uint32_t c_addr = get_arg_val<uint32_t>(0);
// WRITER-NEXT:    const uint32_t start_tile = get_arg_val<uint32_t>(1);
// WRITER-NEXT:    const uint32_t num_tiles = get_arg_val<uint32_t>(2);
// WRITER-NEXT:    const uint32_t Nt = get_arg_val<uint32_t>(3);
// WRITER:         constexpr auto c_args = TensorAccessorArgs<0>();
// WRITER-NEXT:    const auto c = TensorAccessor(c_args, c_addr);
// WRITER:         constexpr uint32_t cb_out = tt::CBIndex::c_16;
// WRITER:         for (uint32_t [[T:[a-z][0-9]*]] = start_tile; [[T]] < (start_tile + num_tiles); [[T]] += 1) {
// WRITER-NEXT:      // Wait for a page of cb_out and write it to c
// WRITER-NEXT:      cb_wait_front(cb_out, 1);
// WRITER-NEXT:      const uint32_t l1_read_addr_out = get_read_ptr(cb_out);
// WRITER-NEXT:      const uint32_t c_page = ([[T]] / Nt) * Nt + [[T]] % Nt;
// WRITER-NEXT:      noc_async_write_page(c_page, c, l1_read_addr_out);
// WRITER-NEXT:      // Wait for the write
// WRITER-NEXT:      noc_async_write_barrier();
// WRITER-NEXT:      cb_pop_front(cb_out, 1);
// WRITER-NEXT:    }
// WRITER-NEXT:  }
// WRITER-NEXT:  // ===== FILE: host.cpp =====

// HOST-LABEL: // ===== FILE: host.cpp =====
// HOST:       #include <tt-metalium/distributed.hpp>
// HOST:       #include <tt-metalium/host_api.hpp>
// HOST:       #include "tt_host_support.hpp"
// HOST-NOT:   find_kernel_dir(const char* argv0
// HOST:       int main(int argc, char** argv) {
// HOST:         const std::filesystem::path kernel_dir = find_kernel_dir(argv[0], {"reader.cpp", "writer.cpp", "compute.cpp"});
// HOST:         std::shared_ptr<distributed::MeshDevice> dev = distributed::MeshDevice::create_unit_mesh(0);
// HOST-NEXT:    distributed::MeshCommandQueue& cq = dev->mesh_command_queue();
// HOST-NEXT:    Program program = CreateProgram();
//
// Buffers sized from the IR's shapes, one bf16 tile per page.
// HOST:         // @a: 64x64 bf16, 4 pages of 2048 bytes
// HOST-NEXT:    std::shared_ptr<distributed::MeshBuffer> a_buffer = distributed::MeshBuffer::create(
// HOST-NEXT:        distributed::ReplicatedBufferConfig{.size = 8192},
// HOST-NEXT:        distributed::DeviceLocalBufferConfig{.page_size = 2048, .buffer_type = BufferType::DRAM},
// HOST-NEXT:        dev.get());
// HOST:         // @b: 64x96 bf16, 6 pages of 2048 bytes
// HOST:             distributed::ReplicatedBufferConfig{.size = 12288},
// HOST:         // @c: 64x96 bf16, 6 pages of 2048 bytes
// HOST:             distributed::ReplicatedBufferConfig{.size = 12288},
// HOST:         const CoreRangeSet all_cores(CoreRange(CoreCoord(0, 0), CoreCoord(0, 5)));  // 6 cores
//
// CBs: two pages of one tile each.
// HOST:         CreateCircularBuffer(program, all_cores,
// HOST-NEXT:        CircularBufferConfig(4096, {{[{][{]}}tt::CBIndex::c_0, tt::DataFormat::Float16_b{{[}][}]}})
// HOST-NEXT:            .set_page_size(tt::CBIndex::c_0, 2048));
// HOST:             CircularBufferConfig(4096, {{[{][{]}}tt::CBIndex::c_1, tt::DataFormat::Float16_b{{[}][}]}})
// HOST:             CircularBufferConfig(4096, {{[{][{]}}tt::CBIndex::c_16, tt::DataFormat::Float16_b{{[}][}]}})
// HOST-NEXT:            .set_page_size(tt::CBIndex::c_16, 2048));
//
// Kernels: processors, NoCs, configs and TensorAccessorArgs compile-time args.
// HOST:         std::vector<uint32_t> reader_compile_args;
// HOST-NEXT:    TensorAccessorArgs(*a_buffer).append_to(reader_compile_args);
// HOST-NEXT:    TensorAccessorArgs(*b_buffer).append_to(reader_compile_args);
// HOST-NEXT:    KernelHandle reader = CreateKernel(program, (kernel_dir / "reader.cpp").string(), all_cores,
// HOST-NEXT:        DataMovementConfig{.processor = DataMovementProcessor::RISCV_1,
// HOST-NEXT:                           .noc = NOC::RISCV_1_default,
// HOST-NEXT:                           .compile_args = reader_compile_args});
// HOST-NEXT:    std::vector<uint32_t> writer_compile_args;
// HOST-NEXT:    TensorAccessorArgs(*c_buffer).append_to(writer_compile_args);
// HOST-NEXT:    KernelHandle writer = CreateKernel(program, (kernel_dir / "writer.cpp").string(), all_cores,
// HOST-NEXT:        DataMovementConfig{.processor = DataMovementProcessor::RISCV_0,
// HOST-NEXT:                           .noc = NOC::RISCV_0_default,
// HOST-NEXT:                           .compile_args = writer_compile_args});
// HOST-NEXT:    KernelHandle compute = CreateKernel(program, (kernel_dir / "compute.cpp").string(), all_cores,
// HOST-NEXT:        ComputeConfig{.math_fidelity = MathFidelity::HiFi4,
// HOST-NEXT:                      .fp32_dest_acc_en = false,
// HOST-NEXT:                      .dst_full_sync_en = false});
//
// Runtime args for every core; first and last core of each kernel.
// HOST:         const uint32_t a_addr = static_cast<uint32_t>(a_buffer->address());
// HOST:         // reader (reader.cpp): {x, y}, {a_addr, b_addr, start_tile, num_tiles, Nt, Kt}
// HOST-NEXT:    const std::vector<CoreArgs> reader_args = {
// HOST-NEXT:        {{[{][{]}}0, 0}, {a_addr, b_addr, 0, 1, 3, 2{{[}][}]}},
// HOST-COUNT-4:     {{[{][{]}}0, {{[1-4]}}}, {a_addr, b_addr, {{[1-4]}}, 1, 3, 2{{[}][}]}},
// HOST-NEXT:        {{[{][{]}}0, 5}, {a_addr, b_addr, 5, 1, 3, 2{{[}][}]}},
// HOST-NEXT:    };
// HOST-NEXT:    for (const CoreArgs& c : reader_args) SetRuntimeArgs(program, reader, c.core, c.args);
// HOST:         // writer (writer.cpp): {x, y}, {c_addr, start_tile, num_tiles, Nt}
// HOST-NEXT:    const std::vector<CoreArgs> writer_args = {
// HOST-NEXT:        {{[{][{]}}0, 0}, {c_addr, 0, 1, 3{{[}][}]}},
// HOST:             {{[{][{]}}0, 5}, {c_addr, 5, 1, 3{{[}][}]}},
// HOST-NEXT:    };
// HOST-NEXT:    for (const CoreArgs& c : writer_args) SetRuntimeArgs(program, writer, c.core, c.args);
// HOST:         // compute (compute.cpp): {x, y}, {num_tiles, Kt}
// HOST-NEXT:    const std::vector<CoreArgs> compute_args = {
// HOST-NEXT:        {{[{][{]}}0, 0}, {1, 2{{[}][}]}},
// HOST:             {{[{][{]}}0, 5}, {1, 2{{[}][}]}},
// HOST-NEXT:    };
// HOST-NEXT:    for (const CoreArgs& c : compute_args) SetRuntimeArgs(program, compute, c.core, c.args);
//
// Host steps: inputs from TT_IO_DIR or seeded bf16 values, tilize, upload,
// launch, read back, untilize.
// HOST:         std::mt19937 rng(20260820);
// HOST:         std::vector<bfloat16> a_host(std::size_t{64} * 64);
// HOST-NEXT:    if (io_dir() != nullptr)
// HOST-NEXT:        load_input(a_host, "a");
// HOST-NEXT:    else
// HOST-NEXT:        for (bfloat16& v : a_host) v = bfloat16(uniform(rng));
// HOST:         std::vector<bfloat16> a_tiles = tilize_nfaces(a_host, 64, 64);
// HOST-NEXT:    distributed::EnqueueWriteMeshBuffer(cq, a_buffer, a_tiles, false);
// HOST:         std::vector<bfloat16> b_tiles = tilize_nfaces(b_host, 64, 96);
// HOST-NEXT:    distributed::EnqueueWriteMeshBuffer(cq, b_buffer, b_tiles, false);
// HOST:         distributed::MeshWorkload workload;
// HOST-NEXT:    workload.add_program(distributed::MeshCoordinateRange(dev->shape()), std::move(program));
// HOST-NEXT:    distributed::EnqueueMeshWorkload(cq, workload, false);
// HOST:         std::vector<bfloat16> c_tiles;
// HOST-NEXT:    distributed::EnqueueReadMeshBuffer(cq, c_tiles, c_buffer, true);
// HOST-NEXT:    std::vector<bfloat16> c_host = untilize_nfaces(c_tiles, 64, 96);
// HOST:         distributed::Finish(cq);
//
// The check: double-precision reference, PCC and the documented error bound.
// HOST:         tolerance = max |reference| * (u_out + sqrt(n) * u_dst + u_mul + u_in)
// HOST:         constexpr std::size_t M = 64, K = 64, N = 96;
// HOST-NEXT:    const std::vector<double> reference = reference_matmul<M, K, N>(a_host, b_host);
// Non-finite references (NaN or infinity from the inputs) must come out
// non-finite; the finite rest is checked numerically.
// HOST:         if (!std::isfinite(reference[i])) {
// HOST-NEXT:        ++non_finite;
// HOST-NEXT:        non_finite_missed += std::isfinite(result[i]) ? 1 : 0;
// HOST:         const double pcc = pearson(finite_result, finite_reference);
// HOST-NEXT:    const double u_out = std::ldexp(1.0, -8), u_dst = std::ldexp(1.0, -8), u_mul = 0, u_in = 0;
// HOST-NEXT:    const double n = 2;
// HOST-NEXT:    const double tolerance = max_reference * (u_out + std::sqrt(n) * u_dst + u_mul + u_in);
// HOST-NEXT:    const bool pass = non_finite_missed == 0 && max_error <= tolerance;
// HOST:         dev->close();
// HOST-NEXT:    return pass ? 0 : 1;
// HOST-NEXT:  }
// HOST-NOT:     EnqueueProgram(
// HOST-NOT:     CreateDevice

// PLAN-LABEL: // ===== FILE: tt.plan.json =====
// PLAN:         "schema_version": "2.8",
// PLAN:         "arch": "wormhole_b0",
// PLAN:         "dram_banks": 12,
// PLAN:         "cores": {
// PLAN-NEXT:      "count": 6,
// PLAN:         "work": [
// PLAN:             "tiles": {
// PLAN-NEXT:          "start": 0,
// PLAN-NEXT:          "count": 1
// PLAN:         "buffers": [
// PLAN:             "name": "a",
// PLAN-NEXT:        "layout": "dram_interleaved",
// PLAN:             "host": "input"
// PLAN:             "name": "c",
// PLAN:             "host": "output"
// PLAN:         "circular_buffers": [
// PLAN:             "name": "c_16",
// PLAN:             "total_size": 4096,
// PLAN-NEXT:        "page_size": 2048,
// PLAN-NEXT:        "pages": 2,
// PLAN:         "kernels": [
// PLAN:             "role": "reader",
// PLAN:               "processor": "RISCV_1",
// PLAN-NEXT:          "noc": "RISCV_1_default"
// PLAN:             "compile_args": [
// PLAN-NEXT:          {
// PLAN-NEXT:            "tensor_accessor_args": "a"
// PLAN:             "role": "compute",
// PLAN:               "math_fidelity": "HiFi4",
// PLAN:         "host_steps": [
// PLAN:             "step": "write_buffer",
// PLAN:             "step": "launch",
// PLAN:             "step": "read_buffer",
// PLAN:             "step": "finish",
// PLAN:         "check": {
// PLAN-NOT:       "min_pcc"
// PLAN:           "max_abs_error": {

// BUILD-LABEL: // ===== FILE: CMakeLists.txt =====
// BUILD:       set(CMAKE_CXX_STANDARD 20)
// BUILD:       find_package(TT-Metalium REQUIRED)
// BUILD-NEXT:  add_executable(host host.cpp)
// BUILD-NEXT:  target_link_libraries(host PRIVATE TT::Metalium)
// BUILD-NOT:   TT_EMULATOR
// BUILD-LABEL: // ===== FILE: README.txt =====
// BUILD:       tt-run <this directory>

// VALID: VALID: tt.plan.json schema 2.8: program matmul, 3 kernels on 6 cores, 3 buffers, 3 CBs
