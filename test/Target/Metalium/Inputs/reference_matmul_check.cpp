// Checks tt_host_support::reference_matmul (blocked, vectorized, multiversioned) against the plain
// double-precision triple loop, bit for bit, on shapes that exercise the 4 x 32 blocks and the rows
// and columns past them, each transpose and an initial C. Prints one line per shape and exits
// non-zero on the first difference.
#include <cstdint>
#include <cstdio>
#include <vector>

#include "tt_host_support.hpp"

using tt_host_support::Transpose;

namespace {

std::vector<float> values(std::size_t n, std::uint32_t seed) {
    std::vector<float> v(n);
    for (float& x : v) {
        seed = seed * 1664525u + 1013904223u;
        x = static_cast<float>(static_cast<std::int32_t>(seed >> 8) % 2001 - 1000) / 997.0f;
    }
    return v;
}

template <std::size_t M, std::size_t K, std::size_t N, Transpose TA, Transpose TB>
bool check(bool with_initial) {
    const std::vector<float> a = values(M * K, 1), b = values(K * N, 2);
    const std::vector<float> initial = with_initial ? values(M * N, 3) : std::vector<float>();
    const std::vector<double> blocked = tt_host_support::reference_matmul<M, K, N, TA, TB>(a, b, initial);
    std::size_t differ = 0;
    for (std::size_t i = 0; i < M; ++i)
        for (std::size_t j = 0; j < N; ++j) {
            double sum = with_initial ? initial[i * N + j] : 0.0;
            for (std::size_t k = 0; k < K; ++k) {
                const double x = TA == Transpose::Yes ? a[k * M + i] : a[i * K + k];
                const double y = TB == Transpose::Yes ? b[j * K + k] : b[k * N + j];
                sum += x * y;
            }
            differ += blocked[i * N + j] != sum;
        }
    std::printf("%zux%zux%zu%s%s%s: %zu of %zu differ\n", M, K, N, TA == Transpose::Yes ? " A^T" : "",
                TB == Transpose::Yes ? " B^T" : "", with_initial ? " +C" : "", differ, M * N);
    return differ == 0;
}

}  // namespace

int main() {
    bool ok = check<1, 1, 1, Transpose::No, Transpose::No>(false);
    ok &= check<4, 64, 32, Transpose::No, Transpose::No>(false);
    ok &= check<7, 33, 100, Transpose::No, Transpose::No>(false);
    ok &= check<64, 96, 128, Transpose::No, Transpose::No>(true);
    ok &= check<37, 20, 65, Transpose::Yes, Transpose::No>(false);
    ok &= check<33, 50, 70, Transpose::No, Transpose::Yes>(true);
    ok &= check<9, 31, 35, Transpose::Yes, Transpose::Yes>(false);
    return ok ? 0 : 1;
}
