// The vector engine (SFPU) ops on DST tiles: what each computes (against double-precision references,
// on fp32 CBs so no bf16 rounding hides a wrong function), the init rule, and their modeled cost.
#include <cmath>
#include <cstring>

#include <ttemu/timing.hpp>

#include "test_util.hpp"

using namespace ttemu_test;

namespace {
const std::uint32_t kFloatTile = 4096;

std::uint32_t float_bits(float f) {
    std::uint32_t u;
    std::memcpy(&u, &f, sizeof u);
    return u;
}

class Sfpu : public Emu {
protected:
    // Runs `body` (SFPU calls on DST 0, with DST 1 holding ones) on one fp32 input tile and returns
    // the packed DST 0. `inits` runs once, before the tile is copied in.
    std::vector<float> apply(const std::string& name, const std::string& inits, const std::string& body,
                             const std::vector<float>& input) {
        auto in = dram(kFloatTile, kFloatTile), ones = dram(kFloatTile, kFloatTile), out = dram(kFloatTile, kFloatTile);
        write(in, input);
        write(ones, std::vector<float>(1024, 1.0f));
        Program p = CreateProgram();
        cb(p, core, CBIndex::c_0, 1, DataFormat::Float32);
        cb(p, core, CBIndex::c_1, 1, DataFormat::Float32);
        cb(p, core, CBIndex::c_16, 1, DataFormat::Float32);
        add_one_page_io(p, core, {{in, kFloatTile}, {ones, kFloatTile}}, out, kFloatTile);
        CreateKernel(p, kernel_file(name, one_tile_compute(R"(#include "api/compute/compute_kernel_api.h"
#include "api/compute/eltwise_binary_sfpu.h"
#include "api/compute/eltwise_unary/binop_with_scalar.h"
#include "api/compute/eltwise_unary/eltwise_unary.h"
#include "api/compute/eltwise_unary/exp.h"
#include "api/compute/eltwise_unary/gelu.h"
#include "api/compute/eltwise_unary/recip.h"
#include "api/compute/eltwise_unary/relu.h"
#include "api/compute/eltwise_unary/sqrt.h")",
                                                           "init_sfpu(tt::CBIndex::c_0, tt::CBIndex::c_16);\n    " + inits,
                                                           "copy_tile(tt::CBIndex::c_0, 0, 0);\n    "
                                                           "copy_tile(tt::CBIndex::c_1, 0, 1);\n    " + body)),
                     core, ComputeConfig{});
        run(p);
        return read<float>(out);
    }
    const CoreCoord core{1, 1};
};

// Inputs in [-4, 4) (or (0, 8] for log, sqrt and the reciprocal), every element different.
std::vector<float> inputs(bool positive) {
    std::vector<float> v(1024);
    for (int i = 0; i < 1024; ++i) v[i] = positive ? (i + 1) / 128.0f : (i - 512) / 128.0f;
    return v;
}

// Each result within 1 ulp of fp32 of the double-precision function (the emulator evaluates it in
// double and rounds once); a wrong function misses by far more.
void expect_function(const std::vector<float>& got, const std::vector<float>& in, double (*f)(double),
                     const char* what) {
    ASSERT_EQ(got.size(), in.size());
    int wrong = 0;
    for (std::size_t i = 0; i < in.size(); ++i) {
        const double want = f(in[i]);
        if (std::fabs(got[i] - want) > std::ldexp(1.0, -23) * std::fabs(want) + 1e-30 && ++wrong <= 3)
            ADD_FAILURE() << what << "(" << in[i] << ") = " << got[i] << ", want " << want;
    }
    EXPECT_EQ(wrong, 0) << what;
}
}  // namespace

TEST_F(Sfpu, UnaryOpsComputeTheirFunction) {
    struct Case {
        const char* name;
        const char* init;
        const char* call;
        bool positive;
        double (*f)(double);
    };
    const Case cases[] = {
        {"exp", "exp_tile_init();", "exp_tile(0);", false, [](double x) { return std::exp(x); }},
        {"log", "log_tile_init();", "log_tile(0);", true, [](double x) { return std::log(x); }},
        {"relu", "relu_tile_init();", "relu_tile(0);", false, [](double x) { return x > 0 ? x : 0.0; }},
        {"gelu", "gelu_tile_init<false>();", "gelu_tile<false>(0);", false,
         [](double x) { return 0.5 * x * (1 + std::erf(x / std::sqrt(2.0))); }},
        // The fast mode: tt-metal's six-segment piecewise-linear GELU (gelu_init<true>'s table).
        {"gelu_fast", "gelu_tile_init();", "gelu_tile(0);", false,
         [](double x) {
             const double a = std::fabs(x);
             const double part = a < 0.5   ? 0.1928 * a - 0.0150
                                 : a < 1.0 ? 0.4939 * a - 0.1605
                                 : a < 1.5 ? 0.6189 * a - 0.2797
                                 : a < 2.0 ? 0.6099 * a - 0.2635
                                 : a < 3.0 ? 0.5402 * a - 0.1194
                                           : 0.5 * a;
             return 0.5 * x + part;
         }},
        {"sigmoid", "sigmoid_tile_init();", "sigmoid_tile(0);", false, [](double x) { return 1 / (1 + std::exp(-x)); }},
        {"silu", "silu_tile_init();", "silu_tile(0);", false, [](double x) { return x / (1 + std::exp(-x)); }},
        {"tanh", "tanh_tile_init();", "tanh_tile(0);", false, [](double x) { return std::tanh(x); }},
        {"sqrt", "sqrt_tile_init();", "sqrt_tile(0);", true, [](double x) { return std::sqrt(x); }},
        {"recip", "recip_tile_init();", "recip_tile(0);", true, [](double x) { return 1 / x; }},
        {"abs", "abs_tile_init();", "abs_tile(0);", false, [](double x) { return std::fabs(x); }},
        {"square", "square_tile_init();", "square_tile(0);", false, [](double x) { return x * x; }},
    };
    for (const Case& c : cases) {
        const std::vector<float> in = inputs(c.positive);
        expect_function(apply(std::string(c.name) + ".cpp", c.init, c.call, in), in, c.f, c.name);
    }
}

// The fast GELU is the coarser one: off the exact GELU by 0.015 at 0 (the table's first intercept),
// by under 0.0085 at 0.25, and exact (0.5 x + 0.5 |x|) from |x| = 3 on.
TEST_F(Sfpu, FastGeluIsTheLookupTableNotTheExactFunction) {
    std::vector<float> in(1024, 0.0f);
    in[1] = 0.25f;
    in[2] = -0.25f;
    in[3] = 3.5f;
    in[4] = -3.5f;
    const std::vector<float> fast = apply("gelu_fast_points.cpp", "gelu_tile_init();", "gelu_tile(0);", in);
    const std::vector<float> exact = apply("gelu_points.cpp", "gelu_tile_init<false>();", "gelu_tile<false>(0);", in);
    EXPECT_FLOAT_EQ(fast[0], -0.015f);
    EXPECT_EQ(exact[0], 0.0f);
    EXPECT_GT(std::fabs(fast[1] - exact[1]), 0.005);
    EXPECT_FLOAT_EQ(fast[3], 3.5f);
    EXPECT_FLOAT_EQ(fast[4], 0.0f);
}

// Scalars travel as fp32 bits; relu_max caps, leaky_relu scales the negatives.
TEST_F(Sfpu, ScalarOpsAndParameterizedReluUseTheFloatBits) {
    const std::vector<float> in = inputs(false);
    const std::string three = std::to_string(float_bits(3.0f)) + "u", half = std::to_string(float_bits(0.5f)) + "u";
    expect_function(apply("add.cpp", "binop_with_scalar_tile_init();", "add_unary_tile(0, " + three + ");", in), in,
                    [](double x) { return x + 3; }, "x + 3");
    expect_function(apply("mul.cpp", "binop_with_scalar_tile_init();", "mul_unary_tile(0, " + three + ");", in), in,
                    [](double x) { return x * 3; }, "x * 3");
    expect_function(apply("rsub.cpp", "binop_with_scalar_tile_init();", "rsub_unary_tile(0, " + three + ");", in), in,
                    [](double x) { return 3 - x; }, "3 - x");
    expect_function(apply("relu_max.cpp", "relu_max_tile_init();", "relu_max_tile(0, " + three + ");", in), in,
                    [](double x) { return std::min(std::max(x, 0.0), 3.0); }, "relu_max(x, 3)");
    expect_function(apply("leaky.cpp", "leaky_relu_tile_init();", "leaky_relu_tile(0, " + half + ");", in), in,
                    [](double x) { return x < 0 ? 0.5 * x : x; }, "leaky_relu(x, 0.5)");
}

// softplus(x) = log(exp(x) + 1) as a chain: each op after its own init, DST 1 holding ones.
TEST_F(Sfpu, ChainsSwitchInitsAndCombineDstTiles) {
    const std::vector<float> in = inputs(false);
    const std::vector<float> got =
        apply("softplus.cpp", "", "exp_tile_init(); exp_tile(0); add_binary_tile_init(); add_binary_tile(0, 1, 0); "
                                  "log_tile_init(); log_tile(0);",
              in);
    // Three roundings in fp32 (exp, add, log): within 8 ulp of the result plus 2 ulp of exp(x) + 1
    // carried through log (whose derivative is 1 / (exp(x) + 1)).
    for (std::size_t i = 0; i < in.size(); ++i) {
        const double want = std::log1p(std::exp(static_cast<double>(in[i])));
        EXPECT_NEAR(got[i], want, 8 * std::ldexp(1.0, -23) * (want + 1)) << "softplus(" << in[i] << ")";
    }
}

// An SFPU op needs its own init since the last one: tt-metal requires it "each time we switch to a
// different SFPU operation", and silicon runs the op with the wrong setup otherwise.
TEST_F(Sfpu, AnOpWithoutItsInitIsAnError) {
    const std::vector<float> in = inputs(false);
    expect_error([&] { apply("noinit.cpp", "", "exp_tile(0);", in); },
                 {"exp_tile", "call exp_tile_init() first (no SFPU init yet)", "noinit.cpp:"});
    expect_error([&] { apply("wrong.cpp", "exp_tile_init();", "relu_tile(0);", in); },
                 {"relu_tile", "call relu_tile_init()", "the last SFPU init was exp_tile_init"});
}

// Modeled cost: a transcendental op takes 4x a simple one per tile (512 vs 128 cycles, the device
// model's estimates); 64 of each make the difference visible over the fixed launch and transfers.
TEST_F(Sfpu, TranscendentalOpsCostMoreThanSimpleOnes) {
    const std::vector<float> in = inputs(false);
    auto cycles = [&](const std::string& name, const std::string& init, const std::string& op) {
        std::string body;
        for (int i = 0; i < 64; ++i) body += op;
        apply(name, init, body, in);
        return ttemu::last_program_timing().cycles;
    };
    const double base = static_cast<double>(cycles("none.cpp", "", ""));
    const double relu = cycles("relu64.cpp", "relu_tile_init();", "relu_tile(0);") - base;
    const double exp = cycles("exp64.cpp", "exp_tile_init();", "exp_tile(0);") - base;
    EXPECT_NEAR(relu, 64 * 128, 64 * 128 * 0.05);
    EXPECT_NEAR(exp / relu, 4.0, 0.2);
    // GELU: the accurate polynomial is transcendental, the fast mode one table lookup per value.
    const double gelu = cycles("gelu64.cpp", "gelu_tile_init<false>();", "gelu_tile<false>(0);") - base;
    const double gelu_fast = cycles("gelu_fast64.cpp", "gelu_tile_init();", "gelu_tile(0);") - base;
    EXPECT_NEAR(gelu / relu, 4.0, 0.2);
    EXPECT_NEAR(gelu_fast / relu, 1.0, 0.05);
}
