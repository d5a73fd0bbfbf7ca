// tt_host_support.hpp: helpers every host program emitted by
// tt-translate --emit-metalium uses. Shipped next to host.cpp, unchanged for
// every program; C++17 (with the GCC/Clang vector extension) and no tt-metal dependency.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <system_error>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace tt_host_support {

// The kernel sources are compiled when the program runs, so they are looked
// up wherever the program's directory was moved: $TT_KERNEL_DIR if set, else
// the directory of this executable or its parent (the emitted CMakeLists.txt
// builds into build/), else the current directory. Exits with status 2 when
// none holds every file of `kernels`.
inline std::filesystem::path find_kernel_dir(const char* argv0,
                                             std::initializer_list<const char*> kernels) {
    namespace fs = std::filesystem;
    const auto has_kernels = [&](const fs::path& dir) {
        std::error_code ec;
        for (const char* kernel : kernels)
            if (!fs::is_regular_file(dir / kernel, ec)) return false;
        return true;
    };
    std::error_code ec;
    if (const char* env = std::getenv("TT_KERNEL_DIR"); env != nullptr && *env != '\0') {
        if (has_kernels(env)) return fs::absolute(env, ec);
        std::fprintf(stderr, "TT_KERNEL_DIR=%s does not hold the kernel sources\n", env);
        std::exit(2);
    }
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) exe = fs::absolute(argv0, ec);
    if (!ec) {
        for (const fs::path& dir : {exe.parent_path(), exe.parent_path().parent_path()})
            if (has_kernels(dir)) return dir;
    }
    const fs::path cwd = fs::current_path(ec);
    if (!ec && has_kernels(cwd)) return cwd;
    std::fprintf(stderr, "cannot find the kernel sources; set TT_KERNEL_DIR to the directory holding them\n");
    std::exit(2);
}

// With $TT_IO_DIR set, inputs come from $TT_IO_DIR/<buffer>.bin and outputs
// go to $TT_IO_DIR/<buffer>.out.bin (raw little-endian float32, row-major)
// instead of random data.
inline const char* io_dir() {
    const char* dir = std::getenv("TT_IO_DIR");
    return dir != nullptr && *dir != '\0' ? dir : nullptr;
}

template <typename T>
void load_input(std::vector<T>& host, const char* name) {
    const std::string path = std::string(io_dir()) + "/" + name + ".bin";
    std::FILE* f = std::fopen(path.c_str(), "rb");
    std::vector<float> values(host.size());
    if (f == nullptr || std::fread(values.data(), sizeof(float), values.size(), f) != values.size() ||
        std::fgetc(f) != EOF) {
        std::fprintf(stderr, "%s: expected %zu float32 values\n", path.c_str(), values.size());
        std::exit(2);
    }
    std::fclose(f);
    for (std::size_t i = 0; i < host.size(); ++i) host[i] = T(values[i]);
}

template <typename T>
void store_output(const std::vector<T>& host, const char* name) {
    const std::string path = std::string(io_dir()) + "/" + name + ".out.bin";
    std::vector<float> values(host.size());
    for (std::size_t i = 0; i < host.size(); ++i) values[i] = static_cast<float>(host[i]);
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr || std::fwrite(values.data(), sizeof(float), values.size(), f) != values.size()) {
        std::fprintf(stderr, "%s: cannot write the output\n", path.c_str());
        std::exit(2);
    }
    std::fclose(f);
}

// Buffers hold whole 32x32 tiles. A rows x cols matrix whose sizes are not
// multiples of 32 is stored with zeros after its last row and column: these
// copy it into (or back out of) the zero-padded row-major matrix that
// tilize_nfaces / untilize_nfaces take.
inline std::size_t padded_to_tiles(std::size_t n) { return (n + 31) / 32 * 32; }

template <typename T>
std::vector<T> pad_to_tiles(const std::vector<T>& matrix, std::size_t rows, std::size_t cols,
                            std::size_t padded_rows = 0, std::size_t padded_cols = 0) {
    // By default whole tiles; a matrix cut into a mesh's shards pads to whole shards.
    if (padded_rows == 0) padded_rows = padded_to_tiles(rows);
    if (padded_cols == 0) padded_cols = padded_to_tiles(cols);
    std::vector<T> padded(padded_rows * padded_cols, T(0.0f));
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t c = 0; c < cols; ++c) padded[r * padded_cols + c] = matrix[r * cols + c];
    return padded;
}

template <typename T>
std::vector<T> crop_from_tiles(const std::vector<T>& padded, std::size_t rows, std::size_t cols,
                               std::size_t padded_cols = 0) {
    if (padded_cols == 0) padded_cols = padded_to_tiles(cols);
    std::vector<T> matrix(rows * cols);
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t c = 0; c < cols; ++c) matrix[r * cols + c] = padded[r * padded_cols + c];
    return matrix;
}

// Whether reference_matmul reads an operand transposed (stored K x M for A,
// N x K for B).
enum class Transpose { No, Yes };

namespace detail {

// Function multiversioning: the product below is built for AVX-512, AVX2 and
// baseline x86-64 and the loader picks the best one the host has, so the
// check is fast without building the whole program for one CPU.
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && !defined(__INTEL_COMPILER)
#define TT_HOST_SUPPORT_MULTIVERSION \
    __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define TT_HOST_SUPPORT_MULTIVERSION
#endif

typedef double double8 __attribute__((vector_size(64)));

// c (M x N) += a (M x K) * b (K x N), row-major doubles, each element summed
// in ascending k. Blocked as an optimized GEMM is: b is copied panel by panel
// (32 columns, contiguous, so it stays in cache whatever N's stride), and
// each 4 x 32 block of c stays in registers for the whole K loop. The
// operands hold float values, so every product is exact in double and a fused
// multiply-add rounds exactly as a multiply then an add: every version gives
// the same bits. `panel` is scratch for K x 32 doubles (allocated by the
// caller: Clang does not instantiate templates inside a multiversioned inline
// function).
constexpr std::size_t kPanelCols = 32;
TT_HOST_SUPPORT_MULTIVERSION
inline void accumulate_product(double* __restrict c, const double* __restrict a, const double* __restrict b,
                               double* __restrict panel, std::size_t M, std::size_t K, std::size_t N) {
    constexpr std::size_t kRows = 4, kVectors = kPanelCols / 8, kCols = kPanelCols;
    const std::size_t block_rows = M / kRows * kRows, block_cols = N / kCols * kCols;
    for (std::size_t j0 = 0; j0 < block_cols; j0 += kCols) {
        for (std::size_t k = 0; k < K; ++k) std::memcpy(panel + k * kCols, b + k * N + j0, kCols * sizeof(double));
        for (std::size_t i0 = 0; i0 < block_rows; i0 += kRows) {
            double8 sum[kRows][kVectors];
            _Pragma("GCC unroll 4") for (std::size_t r = 0; r < kRows; ++r)
                _Pragma("GCC unroll 4") for (std::size_t v = 0; v < kVectors; ++v)
                    std::memcpy(&sum[r][v], c + (i0 + r) * N + j0 + 8 * v, sizeof(double8));
            const double* b_row = panel;
            for (std::size_t k = 0; k < K; ++k, b_row += kCols) {
                double8 b_k[kVectors];
                _Pragma("GCC unroll 4") for (std::size_t v = 0; v < kVectors; ++v)
                    std::memcpy(&b_k[v], b_row + 8 * v, sizeof(double8));
                _Pragma("GCC unroll 4") for (std::size_t r = 0; r < kRows; ++r) {
                    const double a_rk = a[(i0 + r) * K + k];
                    _Pragma("GCC unroll 4") for (std::size_t v = 0; v < kVectors; ++v) sum[r][v] += a_rk * b_k[v];
                }
            }
            _Pragma("GCC unroll 4") for (std::size_t r = 0; r < kRows; ++r)
                _Pragma("GCC unroll 4") for (std::size_t v = 0; v < kVectors; ++v)
                    std::memcpy(c + (i0 + r) * N + j0 + 8 * v, &sum[r][v], sizeof(double8));
        }
    }
    // The rows and columns past the last whole block.
    for (std::size_t i = 0; i < M; ++i) {
        const std::size_t first_col = i < block_rows ? block_cols : 0;
        for (std::size_t k = 0; k < K; ++k) {
            const double a_ik = a[i * K + k];
            for (std::size_t j = first_col; j < N; ++j) c[i * N + j] += a_ik * b[k * N + j];
        }
    }
}

}  // namespace detail

// The double-precision product op(a) * op(b) of row-major matrices, op(a)
// M x K and op(b) K x N, the reference a result is checked against (each
// product of two floats is exact in double, and each element is summed in
// ascending k). The operands are widened (and transposed) once; the product
// is blocked and vectorized for the host's CPU (detail::accumulate_product),
// so the check costs a fraction of the emulated run even at 2048^3.
// With `initial` (M x N, row-major; empty for none) the product is added to
// it: C += op(a) * op(b).
template <std::size_t M, std::size_t K, std::size_t N, Transpose TransposeA = Transpose::No,
          Transpose TransposeB = Transpose::No, typename TA, typename TB, typename TC>
std::vector<double> reference_matmul(const std::vector<TA>& a, const std::vector<TB>& b,
                                     const std::vector<TC>& initial) {
    std::vector<double> a_wide(M * K), b_wide(K * N);
    for (std::size_t i = 0; i < M; ++i)
        for (std::size_t k = 0; k < K; ++k)
            a_wide[i * K + k] = static_cast<float>(TransposeA == Transpose::Yes ? a[k * M + i] : a[i * K + k]);
    for (std::size_t k = 0; k < K; ++k)
        for (std::size_t j = 0; j < N; ++j)
            b_wide[k * N + j] = static_cast<float>(TransposeB == Transpose::Yes ? b[j * K + k] : b[k * N + j]);
    std::vector<double> reference(M * N, 0.0);
    for (std::size_t i = 0; i < initial.size() && i < M * N; ++i) reference[i] = static_cast<float>(initial[i]);
    std::vector<double> panel(K * detail::kPanelCols);
    detail::accumulate_product(reference.data(), a_wide.data(), b_wide.data(), panel.data(), M, K, N);
    return reference;
}

template <std::size_t M, std::size_t K, std::size_t N, Transpose TransposeA = Transpose::No,
          Transpose TransposeB = Transpose::No, typename TA, typename TB>
std::vector<double> reference_matmul(const std::vector<TA>& a, const std::vector<TB>& b) {
    return reference_matmul<M, K, N, TransposeA, TransposeB>(a, b, std::vector<float>());
}

// A batch of matrices is stored one matrix after the other. `per_matrix`
// applies `f` to each of the `matrices` equal parts of `values` and joins
// the results in order (tilizing or untilizing a batch matrix by matrix).
template <typename T, typename F>
std::vector<T> per_matrix(const std::vector<T>& values, std::size_t matrices, F&& f) {
    const std::size_t size = values.size() / matrices;
    std::vector<T> joined;
    for (std::size_t i = 0; i < matrices; ++i) {
        const std::vector<T> part(values.begin() + i * size, values.begin() + (i + 1) * size);
        const std::vector<T> result = f(part);
        joined.insert(joined.end(), result.begin(), result.end());
    }
    return joined;
}

// reference_matmul of each matrix of a batch, joined: C[i] (+)= op(A[i]) *
// op(B[i]). An operand that holds one matrix (M x K for A, K x N for B) is
// shared by every product of the batch.
template <std::size_t Batch, std::size_t M, std::size_t K, std::size_t N,
          Transpose TransposeA = Transpose::No, Transpose TransposeB = Transpose::No,
          typename TA, typename TB, typename TC>
std::vector<double> reference_matmul_batch(const std::vector<TA>& a, const std::vector<TB>& b,
                                           const std::vector<TC>& initial) {
    const auto matrix = [](const auto& values, std::size_t i, std::size_t size) {
        const std::size_t first = values.size() == size ? 0 : i * size;
        return std::vector<typename std::decay_t<decltype(values)>::value_type>(
            values.begin() + first, values.begin() + first + size);
    };
    std::vector<double> joined;
    joined.reserve(Batch * M * N);
    for (std::size_t i = 0; i < Batch; ++i) {
        const std::vector<TC> initial_i = initial.empty() ? std::vector<TC>() : matrix(initial, i, M * N);
        const std::vector<double> product = reference_matmul<M, K, N, TransposeA, TransposeB>(
            matrix(a, i, M * K), matrix(b, i, K * N), initial_i);
        joined.insert(joined.end(), product.begin(), product.end());
    }
    return joined;
}

template <std::size_t Batch, std::size_t M, std::size_t K, std::size_t N,
          Transpose TransposeA = Transpose::No, Transpose TransposeB = Transpose::No,
          typename TA, typename TB>
std::vector<double> reference_matmul_batch(const std::vector<TA>& a, const std::vector<TB>& b) {
    return reference_matmul_batch<Batch, M, K, N, TransposeA, TransposeB>(a, b, std::vector<float>());
}

// A fused epilogue's step, as the compute kernel applies it to each element.
enum class Epilogue { Relu, Gelu, GeluTanh, Silu, Sigmoid, Tanh, Exp, GeluFast, Scale };

// The vector engine's fast GELU (gelu_tile<true>): 0.5 x plus a six-segment
// piecewise-linear approximation of 0.5 |x| erf(|x| / sqrt 2), the slopes and
// intercepts tt-metal's gelu_init<true> documents. The check holds the
// device to this function, which is what that mode computes.
inline double gelu_fast(double x) {
    const double a = std::fabs(x);
    const double part = a < 0.5   ? 0.1928 * a - 0.0150
                        : a < 1.0 ? 0.4939 * a - 0.1605
                        : a < 1.5 ? 0.6189 * a - 0.2797
                        : a < 2.0 ? 0.6099 * a - 0.2635
                        : a < 3.0 ? 0.5402 * a - 0.1194
                                  : 0.5 * a;
    return 0.5 * x + part;
}
struct EpilogueStep {
    Epilogue op;
    double factor = 1.0;  // Scale's constant
};

inline double epilogue_value(const EpilogueStep& step, double x) {
    switch (step.op) {
        case Epilogue::Relu: return x > 0 ? x : 0.0;
        // (1 + erf(t) as erfc(-t), 1 + tanh(y) as 2 / (1 + e^-2y): no
        // cancellation for large negative x.)
        case Epilogue::Gelu: return 0.5 * x * std::erfc(-x / std::sqrt(2.0));
        case Epilogue::GeluTanh:
            return x / (1.0 + std::exp(-2.0 * std::sqrt(2.0 / 3.14159265358979323846) * (x + 0.044715 * x * x * x)));
        case Epilogue::Silu: return x / (1.0 + std::exp(-x));
        case Epilogue::Sigmoid: return 1.0 / (1.0 + std::exp(-x));
        case Epilogue::Tanh: return std::tanh(x);
        case Epilogue::Exp: return std::exp(x);
        case Epilogue::GeluFast: return gelu_fast(x);
        case Epilogue::Scale: return step.factor * x;
    }
    return x;
}

// The device computes GELU's tanh form as the accurate GELU (gelu_tile<false>):
// max |gelu_tanh(x) - gelu(x)| over the reals is 4.733e-4 (at x = -2.70, by
// dense sampling; both forms agree to 1e-6 past |x| = 6).
constexpr double kGeluTanhFromGelu = 4.74e-4;

// The image of [lo, hi] under the step. Every step is monotone except GELU
// and SiLU, which fall to one minimum and rise after it: their image also
// holds the minimum when [lo, hi] contains its point (found by ternary
// search on [-3, 0], where each function is unimodal).
inline std::pair<double, double> epilogue_range(const EpilogueStep& step, double lo, double hi) {
    double a = epilogue_value(step, lo), b = epilogue_value(step, hi);
    std::pair<double, double> range{std::min(a, b), std::max(a, b)};
    if (step.op == Epilogue::Gelu || step.op == Epilogue::GeluTanh || step.op == Epilogue::Silu) {
        double l = -3.0, r = 0.0;
        for (int i = 0; i < 200; ++i) {
            const double m1 = l + (r - l) / 3, m2 = r - (r - l) / 3;
            if (epilogue_value(step, m1) < epilogue_value(step, m2))
                r = m2;
            else
                l = m1;
        }
        const double minimum_at = 0.5 * (l + r);
        if (lo <= minimum_at && minimum_at <= hi)
            range.first = std::min(range.first, epilogue_value(step, minimum_at));
    }
    // The table is linear between its breakpoints (and 0): its extremes on
    // [lo, hi] are at the ends or at breakpoints inside.
    if (step.op == Epilogue::GeluFast)
        for (double point : {-3.0, -2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 3.0})
            if (lo < point && point < hi) {
                range.first = std::min(range.first, gelu_fast(point));
                range.second = std::max(range.second, gelu_fast(point));
            }
    if (step.op == Epilogue::GeluTanh) {
        range.first -= kGeluTanhFromGelu;
        range.second += kGeluTanhFromGelu;
    }
    return range;
}

// The reference of a fused epilogue and, for each element, the interval the
// device's value must lie in: the product's error (`product_error`, absolute,
// from the matmul's bound) and the unpacking of the product into source A
// (relative `u_src`) widen the pre-activation z = product + bias; every
// step maps the interval through its function, whose value on the vector
// engine is within 1 ULP of DST's format (`2 u_dst` relative: tt-metal's
// accurate SFPU functions are documented to 1 ULP; the emulator rounds once). `bias` has `columns` values, added to every row (of
// every matrix of a batch); empty for none.
struct EpilogueReference {
    std::vector<double> value, lo, hi;
};

template <typename TBias>
EpilogueReference apply_epilogue(const std::vector<double>& product, std::size_t columns,
                                 const std::vector<TBias>& bias, const std::vector<EpilogueStep>& steps,
                                 double product_error, double u_src, double u_dst) {
    EpilogueReference r;
    r.value.resize(product.size());
    r.lo.resize(product.size());
    r.hi.resize(product.size());
    for (std::size_t i = 0; i < product.size(); ++i) {
        double z = product[i];
        if (!bias.empty()) z += static_cast<float>(bias[i % columns]);
        const double spread = product_error + std::fabs(product[i]) * u_src + std::fabs(z) * u_dst;
        double value = z, lo = z - spread, hi = z + spread;
        for (const EpilogueStep& step : steps) {
            value = epilogue_value(step, value);
            std::tie(lo, hi) = epilogue_range(step, lo, hi);
            const double rounding = std::max(std::fabs(lo), std::fabs(hi)) * 2 * u_dst;
            lo -= rounding;
            hi += rounding;
        }
        r.value[i] = value;
        r.lo[i] = lo;
        r.hi[i] = hi;
    }
    return r;
}

// Pearson correlation coefficient of two series of equal length (1 for two
// empty or two constant series).
inline double pearson(const std::vector<double>& x, const std::vector<double>& y) {
    if (x.empty()) return 1.0;
    const double n = static_cast<double>(x.size());
    double mx = 0, my = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        mx += x[i];
        my += y[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0, sxx = 0, syy = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
    }
    if (sxx == 0 || syy == 0) return sxx == syy ? 1.0 : 0.0;
    return sxy / std::sqrt(sxx * syy);
}

}  // namespace tt_host_support
