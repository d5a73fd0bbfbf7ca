// Hand-written multi-core matmul host program (tt-metal multi-core example shape): C = A x B in bf16,
// output tiles split over the compute grid, checked against a double-precision reference.
// usage: host [M K N]   (multiples of 32; default 256 512 384); run with the kernels/ directory under cwd.
#include <tt-metalium/bfloat16.hpp>
#include <tt-metalium/distributed.hpp>
#include <tt-metalium/host_api.hpp>
#include <tt-metalium/tensor_accessor_args.hpp>
#include <tt-metalium/tilize_utils.hpp>
#include <tt-metalium/work_split.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <vector>

using namespace tt;
using namespace tt::tt_metal;

static std::vector<bfloat16> random_matrix(std::size_t n, std::uint32_t seed) {
    std::vector<bfloat16> v(n);
    std::uint32_t s = seed;
    for (auto& x : v) {
        s = s * 1664525u + 1013904223u;
        x = bfloat16(static_cast<float>((s >> 8) & 0xffff) / 32768.0f - 1.0f);
    }
    return v;
}

int main(int argc, char** argv) {
    std::uint32_t M = 256, K = 512, N = 384;
    if (argc == 4) {
        M = std::atoi(argv[1]);
        K = std::atoi(argv[2]);
        N = std::atoi(argv[3]);
    }
    if (M % 32 || K % 32 || N % 32 || !M || !K || !N) {
        std::fprintf(stderr, "M, K, N must be positive multiples of 32\n");
        return 2;
    }
    const std::uint32_t Mt = M / 32, Kt = K / 32, Nt = N / 32;
    const std::string kernels = (std::filesystem::current_path() / "kernels").string();

    auto device = distributed::MeshDevice::create_unit_mesh(0);
    distributed::MeshCommandQueue& cq = device->mesh_command_queue();
    Program program = CreateProgram();

    const CoreCoord grid = device->compute_with_storage_grid_size();
    auto [num_cores, all_cores, group_1, group_2, tiles_per_core_1, tiles_per_core_2] =
        split_work_to_cores(grid, Mt * Nt);

    const std::uint32_t tile_bytes = tile_size(DataFormat::Float16_b);
    distributed::DeviceLocalBufferConfig dram_config{.page_size = tile_bytes, .buffer_type = BufferType::DRAM};
    auto a_buf = distributed::MeshBuffer::create(distributed::ReplicatedBufferConfig{.size = Mt * Kt * tile_bytes},
                                                 dram_config, device.get());
    auto b_buf = distributed::MeshBuffer::create(distributed::ReplicatedBufferConfig{.size = Kt * Nt * tile_bytes},
                                                 dram_config, device.get());
    auto c_buf = distributed::MeshBuffer::create(distributed::ReplicatedBufferConfig{.size = Mt * Nt * tile_bytes},
                                                 dram_config, device.get());

    for (std::uint8_t cb : {CBIndex::c_0, CBIndex::c_1, CBIndex::c_16})
        CreateCircularBuffer(program, all_cores,
                             CircularBufferConfig(2 * tile_bytes, {{cb, DataFormat::Float16_b}}).set_page_size(cb, tile_bytes));

    std::vector<std::uint32_t> reader_args;
    TensorAccessorArgs(*a_buf).append_to(reader_args);
    TensorAccessorArgs(*b_buf).append_to(reader_args);
    std::vector<std::uint32_t> writer_args;
    TensorAccessorArgs(*c_buf).append_to(writer_args);

    KernelHandle reader = CreateKernel(program, kernels + "/reader.cpp", all_cores,
                                       DataMovementConfig{.processor = DataMovementProcessor::RISCV_1,
                                                          .noc = NOC::RISCV_1_default,
                                                          .compile_args = reader_args});
    KernelHandle writer = CreateKernel(program, kernels + "/writer.cpp", all_cores,
                                       DataMovementConfig{.processor = DataMovementProcessor::RISCV_0,
                                                          .noc = NOC::RISCV_0_default,
                                                          .compile_args = writer_args});
    KernelHandle compute =
        CreateKernel(program, kernels + "/compute.cpp", all_cores, ComputeConfig{.math_fidelity = MathFidelity::HiFi4});

    std::uint32_t start = 0;
    for (std::uint32_t i = 0; i < num_cores; ++i) {
        const CoreCoord core = {i / grid.y, i % grid.y};
        const std::uint32_t n = group_1.contains(core) ? tiles_per_core_1 : tiles_per_core_2;
        const std::uint32_t a_addr = a_buf->address(), b_addr = b_buf->address(), c_addr = c_buf->address();
        SetRuntimeArgs(program, reader, core, {a_addr, b_addr, Mt, Kt, Nt, start, n});
        SetRuntimeArgs(program, writer, core, {c_addr, n, start});
        SetRuntimeArgs(program, compute, core, {n, Kt});
        start += n;
    }

    std::vector<bfloat16> a = random_matrix(static_cast<std::size_t>(M) * K, 1);
    std::vector<bfloat16> b = random_matrix(static_cast<std::size_t>(K) * N, 2);
    std::vector<bfloat16> a_tiled = tilize_nfaces(a, M, K);
    std::vector<bfloat16> b_tiled = tilize_nfaces(b, K, N);
    distributed::EnqueueWriteMeshBuffer(cq, a_buf, a_tiled, false);
    distributed::EnqueueWriteMeshBuffer(cq, b_buf, b_tiled, false);

    distributed::MeshWorkload workload;
    workload.add_program(distributed::MeshCoordinateRange(device->shape()), std::move(program));
    distributed::EnqueueMeshWorkload(cq, workload, false);
    std::vector<bfloat16> c_tiled;
    distributed::EnqueueReadMeshBuffer(cq, c_tiled, c_buf, true);
    distributed::Finish(cq);
    device->close();

    std::vector<bfloat16> c = untilize_nfaces(c_tiled, M, N);
    std::vector<double> af(a.size()), bf(b.size());
    for (std::size_t i = 0; i < a.size(); ++i) af[i] = static_cast<float>(a[i]);
    for (std::size_t i = 0; i < b.size(); ++i) bf[i] = static_cast<float>(b[i]);
    std::size_t bad = 0;
    double max_err = 0;
    std::vector<double> row(N);
    for (std::uint32_t i = 0; i < M; ++i) {
        std::fill(row.begin(), row.end(), 0.0);
        for (std::uint32_t k = 0; k < K; ++k) {
            const double aik = af[static_cast<std::size_t>(i) * K + k];
            const double* bk = &bf[static_cast<std::size_t>(k) * N];
            for (std::uint32_t j = 0; j < N; ++j) row[j] += aik * bk[j];
        }
        for (std::uint32_t j = 0; j < N; ++j) {
            const double got = static_cast<float>(c[static_cast<std::size_t>(i) * N + j]);
            const double err = std::fabs(got - row[j]);
            max_err = std::max(max_err, err);
            // bf16 output: half an ulp of rounding (2^-9 relative) plus fp32 accumulation error
            if (err > std::fabs(row[j]) * (1.0 / 256) + 1e-5 * K) ++bad;
        }
    }
    std::printf("matmul %ux%ux%u on %u cores: %zu of %zu outputs outside tolerance, max abs error %.3g\n", M, K, N,
                num_cores, bad, c.size(), max_err);
    return bad == 0 ? 0 : 1;
}
