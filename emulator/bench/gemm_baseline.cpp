// Plain single-threaded fp32 GEMM on the benchmark's matrices (the reference rate for the emulator).
// usage: gemm_baseline [M K N]
#include <tt-metalium/bfloat16.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

int main(int argc, char** argv) {
    std::size_t M = 1024, K = 1024, N = 1024;
    if (argc == 4) {
        M = std::atoi(argv[1]);
        K = std::atoi(argv[2]);
        N = std::atoi(argv[3]);
    }
    // same generator as the matmul host program
    auto gen = [](std::size_t n, std::uint32_t seed) {
        std::vector<float> v(n);
        std::uint32_t s = seed;
        for (auto& x : v) {
            s = s * 1664525u + 1013904223u;
            x = static_cast<float>(bfloat16(static_cast<float>((s >> 8) & 0xffff) / 32768.0f - 1.0f));
        }
        return v;
    };
    std::vector<float> a = gen(M * K, 1), b = gen(K * N, 2), c(M * N, 0.0f);
    const auto t0 = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < M; ++i) {
        float* ci = &c[i * N];
        for (std::size_t k = 0; k < K; ++k) {
            const float aik = a[i * K + k];
            const float* bk = &b[k * N];
            for (std::size_t j = 0; j < N; ++j) ci[j] += aik * bk[j];
        }
    }
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    double checksum = 0;
    for (float v : c) checksum += v;
    std::printf("baseline fp32 GEMM %zux%zux%zu: %.3f s, %.2f GMAC/s (checksum %.3f)\n", M, K, N, s,
                static_cast<double>(M) * K * N / s / 1e9, checksum);
    return 0;
}
