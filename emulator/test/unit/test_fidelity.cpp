// Math fidelity numerics (tt-metal's matrix-engine report): the multiplier reads 5 bits of source A
// (matmul's in1) by 7 bits of source B (in0) per phase; LoFi multiplies the high parts, HiFi2 adds
// A's next 4 bits, HiFi3 B's next 6 bits, HiFi4 both. fp32 inputs enter the source registers with 10
// fraction bits. Each case below has one product per output, so the expected values are exact.
#include "test_util.hpp"

using namespace ttemu_test;

namespace {
class Fidelity : public Emu {
protected:
    // C = in0 * in1 on one tile with in0 = x in column 0, in1 = y in row 0: C[i][j] = x_i * y_j.
    // Returns C[0][0] for x_0 = x, y_0 = y (inputs in `format`, output fp32, fp32 DST).
    float product(float x, float y, MathFidelity fidelity, DataFormat format, const std::string& name) {
        const CoreCoord core{0, 0};
        const std::uint32_t page = tile_size(format);
        auto in0 = dram(page, page), in1 = dram(page, page), out = dram(4096, 4096);
        std::vector<float> a(1024, 0.0f), b(1024, 0.0f);
        a[0] = x;  // element (0, 0) of a tile in face order
        b[0] = y;
        if (format == DataFormat::Float32) {
            write(in0, a);
            write(in1, b);
        } else {
            write(in0, std::vector<bfloat16>(a.begin(), a.end()));
            write(in1, std::vector<bfloat16>(b.begin(), b.end()));
        }
        Program p = CreateProgram();
        cb(p, core, CBIndex::c_0, 1, format);
        cb(p, core, CBIndex::c_1, 1, format);
        cb(p, core, CBIndex::c_16, 1, DataFormat::Float32);
        add_one_page_io(p, core, {{in0, page}, {in1, page}}, out, 4096);
        CreateKernel(p, kernel_file(name, one_tile_compute(R"(#include "api/compute/compute_kernel_api.h")",
                                                           "compute_kernel_hw_startup<SrcOrder::Reverse>(tt::CBIndex::c_0, "
                                                           "tt::CBIndex::c_1, tt::CBIndex::c_16);\n    "
                                                           "matmul_init(tt::CBIndex::c_0, tt::CBIndex::c_1);",
                                                           "matmul_tiles(tt::CBIndex::c_0, tt::CBIndex::c_1, 0, 0, 0);")),
                     core, ComputeConfig{.math_fidelity = fidelity, .fp32_dest_acc_en = true});
        run(p);
        return read<float>(out)[0];
    }
};
}  // namespace

// x = y = 1.1111111b (every bf16 fraction bit set): each fidelity gives a different product.
TEST_F(Fidelity, EachPhaseAddsTheBitsTheReportNames) {
    const float v = 1.9921875f;                      // 1.1111111b
    const float a_hi = 1.9375f, b_hi = 1.984375f;    // in1's 5 leading bits (1.1111b), in0's 7 (1.111111b)
    const float b_lo = v - b_hi;                     // in0's 8th bit
    const float lofi = product(v, v, MathFidelity::LoFi, DataFormat::Float16_b, "lofi.cpp");
    const float hifi2 = product(v, v, MathFidelity::HiFi2, DataFormat::Float16_b, "hifi2.cpp");
    const float hifi3 = product(v, v, MathFidelity::HiFi3, DataFormat::Float16_b, "hifi3.cpp");
    const float hifi4 = product(v, v, MathFidelity::HiFi4, DataFormat::Float16_b, "hifi4.cpp");
    EXPECT_EQ(lofi, a_hi * b_hi);
    EXPECT_EQ(hifi2, v * b_hi);             // in1 whole (bf16 has 8 bits, HiFi2 reads 9)
    EXPECT_EQ(hifi3, v * b_hi + a_hi * b_lo);
    EXPECT_EQ(hifi4, v * v);                // every bit: the exact product
    EXPECT_LT(lofi, hifi2);
    EXPECT_LT(hifi2, hifi3);
    EXPECT_LT(hifi3, hifi4);
}

// The cut is a truncation of the magnitude: negative values move toward zero too. 1.0 has no low
// bits, so any fidelity multiplies it exactly.
TEST_F(Fidelity, TruncationIsOfTheMagnitude) {
    EXPECT_EQ(product(-1.9921875f, 1.0f, MathFidelity::LoFi, DataFormat::Float16_b, "neg.cpp"), -1.984375f);
    EXPECT_EQ(product(1.0f, -1.9921875f, MathFidelity::LoFi, DataFormat::Float16_b, "neg1.cpp"), -1.9375f);
    EXPECT_EQ(product(1.0f, 1.0f, MathFidelity::LoFi, DataFormat::Float16_b, "one.cpp"), 1.0f);
}

// fp32 inputs keep 10 fraction bits in the source registers (rounded to nearest even), and even at
// HiFi4 source A (in1) gives only 9 leading bits: 1 + 2^-8 + 2^-10 reads as 1 + 2^-8 through in1 and
// whole through in0; 1 + 2^-12 rounds to 1.
TEST_F(Fidelity, Float32InputsEnterAsTf32AndSourceAKeepsNineBits) {
    const float v = 1.0f + 0x1p-8f + 0x1p-10f;
    EXPECT_EQ(product(1.0f, v, MathFidelity::HiFi4, DataFormat::Float32, "f32a.cpp"), 1.0f + 0x1p-8f);
    EXPECT_EQ(product(v, 1.0f, MathFidelity::HiFi4, DataFormat::Float32, "f32b.cpp"), v);
    EXPECT_EQ(product(1.0f + 0x1p-12f, 1.0f, MathFidelity::HiFi4, DataFormat::Float32, "tf32.cpp"), 1.0f);
}

// copy_tile of an fp32 tile passes source A (Tf32, 10 fraction bits) unless the kernel's
// unpack_to_dest_mode sends that CB straight to the fp32 DST (UnpackToDestFp32).
TEST_F(Emu, CopyTileKeepsFp32OnlyWithUnpackToDestFp32) {
    const CoreCoord core{1, 0};
    auto copy = [&](bool to_dest, const std::string& name) {
        auto in = dram(4096, 4096), unused = dram(4096, 4096), out = dram(4096, 4096);
        write(in, std::vector<float>(1024, 1.0f + 0x1p-12f));
        write(unused, std::vector<float>(1024, 0.0f));
        Program p = CreateProgram();
        cb(p, core, CBIndex::c_0, 1, DataFormat::Float32);
        cb(p, core, CBIndex::c_1, 1, DataFormat::Float32);
        cb(p, core, CBIndex::c_16, 1, DataFormat::Float32);
        add_one_page_io(p, core, {{in, 4096}, {unused, 4096}}, out, 4096);
        std::vector<UnpackToDestMode> modes(NUM_CIRCULAR_BUFFERS, UnpackToDestMode::Default);
        if (to_dest) modes[0] = UnpackToDestMode::UnpackToDestFp32;
        CreateKernel(p, kernel_file(name, one_tile_compute(R"(#include "api/compute/compute_kernel_api.h")",
                                                           "compute_kernel_hw_startup(tt::CBIndex::c_0, tt::CBIndex::c_16);"
                                                           "\n    copy_tile_to_dst_init_short(tt::CBIndex::c_0);",
                                                           "copy_tile(tt::CBIndex::c_0, 0, 0);")),
                     core, ComputeConfig{.fp32_dest_acc_en = true, .unpack_to_dest_mode = modes});
        run(p);
        return read<float>(out)[0];
    };
    EXPECT_EQ(copy(false, "via_source_a.cpp"), 1.0f);
    EXPECT_EQ(copy(true, "to_dest.cpp"), 1.0f + 0x1p-12f);
}
