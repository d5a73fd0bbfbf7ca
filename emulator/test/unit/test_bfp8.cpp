// Bfp8_b: the host conversion (tt-metal's pack_as_bfp8_tiles / unpack_bfp8_tiles_into_float_vec rules:
// a shared exponent per 16 values, 7-bit magnitudes, nearest-even, saturation, flushes) and the
// emulated unpacker and packer on Bfp8_b CBs.
#include <cmath>
#include <limits>

#include <tt-metalium/bfloat4.hpp>
#include <tt-metalium/bfloat8.hpp>

#include "test_util.hpp"

using namespace ttemu_test;

namespace {
// Converts 16 values as one row of a tile (the rest zero) and returns them back.
std::vector<float> round_trip_row(const std::vector<float>& row) {
    std::vector<float> tile(1024, 0.0f);
    std::copy(row.begin(), row.end(), tile.begin());  // row 0 of face 0 in face order
    const auto packed = pack_as_bfp8_tiles(tt::stl::Span<const float>(tile), /*row_major_input=*/false, false);
    const auto back = unpack_bfp8_tiles_into_float_vec(packed, /*row_major_output=*/false, false);
    return std::vector<float>(back.begin(), back.begin() + static_cast<long>(row.size()));
}
}  // namespace

TEST(Bfp8, TileLayoutIsExponentsThenFaceOrderedBytes) {
    std::vector<float> values(2 * 1024);
    for (std::size_t i = 0; i < values.size(); ++i) values[i] = static_cast<float>(i % 97) / 8.0f;
    const auto packed = pack_as_bfp8_tiles(tt::stl::Span<const float>(values), true, false);
    ASSERT_EQ(packed.size(), 2u * 1088 / 4);
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(packed.data());
    // Row 0 of face 0 holds elements (0, 0..15): 0 .. 15/8, largest exponent that of 1.875 (127).
    EXPECT_EQ(bytes[0], 127);
    // Face 1 row 0 is elements (0, 16..31): 2 .. 3.875, exponent 128; it is the 17th exponent.
    EXPECT_EQ(bytes[16], 128);
    // Value bytes follow the 64 exponents: element (0, 1) = 1/8 = 8 / 64 * 2^0.
    EXPECT_EQ(bytes[64 + 1], 8);
    // Every value here is a multiple of 1/8 below 16 whose row's exponent leaves it exact.
    const auto back = unpack_bfp8_tiles_into_float_vec(packed, true, false);
    ASSERT_EQ(back.size(), values.size());
    int exact = 0;
    for (std::size_t i = 0; i < values.size(); ++i) exact += back[i] == values[i];
    EXPECT_GT(exact, 1900);  // rows whose largest value is >= 8 round the smallest eighths
    // Row-major and face-ordered input agree once reordered.
    std::vector<float> faces(1024);
    for (std::uint32_t r = 0; r < 32; ++r)
        for (std::uint32_t c = 0; c < 32; ++c) faces[ttemu::bfp::face_index(r, c)] = values[r * 32 + c];
    const auto packed_faces = pack_as_bfp8_tiles(tt::stl::Span<const float>(faces), false, false);
    EXPECT_TRUE(std::equal(packed_faces.begin(), packed_faces.end(), packed.begin()));
}

TEST(Bfp8, MagnitudesRoundToNearestEvenAndSaturate) {
    // Shared exponent 127 (from 1.0): steps of 1/64. 1 + 1/128 is a tie between 64 and 65 -> 64 (even);
    // 1 + 3/128 a tie between 65 and 66 -> 66; just above a tie rounds up, just below down.
    const auto got = round_trip_row({1.0f, 1.0f + 1.0f / 128, 1.0f + 3.0f / 128, 1.0f + 1.0f / 128 + 1.0f / 4096,
                                     1.0f + 1.0f / 128 - 1.0f / 4096, 1.999f, -1.5f, 0.25f + 1.0f / 512});
    EXPECT_EQ(got[0], 1.0f);
    EXPECT_EQ(got[1], 1.0f);
    EXPECT_EQ(got[2], 1.0f + 2.0f / 64);
    EXPECT_EQ(got[3], 1.0f + 1.0f / 64);
    EXPECT_EQ(got[4], 1.0f);
    EXPECT_EQ(got[5], 127.0f / 64);  // would round to 128: saturates, no carry into the exponent
    EXPECT_EQ(got[6], -1.5f);
    EXPECT_EQ(got[7], 0.25f);  // 16 / 64 + 1/8 of a step: rounds down
}

TEST(Bfp8, SmallValuesBesideLargeOnesLosePrecision) {
    // With 8.0 in the row a step is 8 / 64 = 1/8: 0.01 becomes 0, 0.3 becomes 0.25, 0.07 becomes 1/8.
    const auto got = round_trip_row({8.0f, 0.01f, 0.3f, 0.07f, -0.01f});
    EXPECT_EQ(got[1], 0.0f);
    EXPECT_EQ(got[2], 0.25f);
    EXPECT_EQ(got[3], 0.125f);
    EXPECT_EQ(got[4], 0.0f);
    EXPECT_FALSE(std::signbit(got[4]));  // a value rounded to zero loses its sign
}

TEST(Bfp8, ZerosSubnormalsInfAndNaN) {
    const float inf = std::numeric_limits<float>::infinity();
    const auto zeros = round_trip_row({0.0f, -0.0f, 1e-40f, -1e-42f, 2.0f});
    EXPECT_EQ(zeros[0], 0.0f);
    EXPECT_FALSE(std::signbit(zeros[1]));
    EXPECT_EQ(zeros[2], 0.0f);  // fp32 subnormals flush to zero
    EXPECT_EQ(zeros[3], 0.0f);
    EXPECT_EQ(zeros[4], 2.0f);
    const auto special = round_trip_row({inf, -1.0f, 3.0f});
    EXPECT_EQ(special[0], inf);
    EXPECT_EQ(special[1], 0.0f);  // shifted by 128 exponents: nothing survives
    EXPECT_EQ(special[2], 0.0f);
    const auto nan = round_trip_row({std::numeric_limits<float>::quiet_NaN(), 1.0f});
    EXPECT_TRUE(std::isnan(nan[0]));
}

// A matmul whose in1 (weights) CB is Bfp8_b and whose output CB is Bfp8_b: the unpacker reads the
// quantized values exactly, and the packer quantizes the fp32 result as the host conversion does.
class Bfp8Compute : public Emu {};

TEST_F(Bfp8Compute, MatmulReadsAndWritesBfp8Tiles) {
    const CoreCoord core{0, 0};
    std::vector<float> a(1024), b(1024);
    for (int i = 0; i < 1024; ++i) {
        a[i] = static_cast<float>(bfloat16(static_cast<float>((i * 37) % 101 - 50) / 32.0f));
        b[i] = static_cast<float>((i * 53) % 89 - 44) / 16.0f + 1.0f / 256;
    }
    auto a_dram = dram(2048, 2048), b_dram = dram(1088, 1088), c_dram = dram(1088, 1088);
    write(a_dram, tilize_nfaces(std::vector<bfloat16>(a.begin(), a.end()), 32, 32));
    const auto b_packed = pack_as_bfp8_tiles(tt::stl::Span<const float>(b), true, false);
    write(b_dram, b_packed);
    Program p = CreateProgram();
    cb(p, core, CBIndex::c_0, 1, DataFormat::Float16_b);
    cb(p, core, CBIndex::c_1, 1, DataFormat::Bfp8_b);
    cb(p, core, CBIndex::c_16, 1, DataFormat::Bfp8_b);
    add_one_page_io(p, core, {{a_dram, 2048}, {b_dram, 1088}}, c_dram, 1088);
    CreateKernel(p, kernel_file("compute.cpp", one_tile_compute(R"(#include "api/compute/compute_kernel_api.h")",
                                                                "compute_kernel_hw_startup<SrcOrder::Reverse>("
                                                                "tt::CBIndex::c_0, tt::CBIndex::c_1, tt::CBIndex::c_16);"
                                                                "\n    matmul_init(tt::CBIndex::c_0, tt::CBIndex::c_1);",
                                                                "matmul_tiles(tt::CBIndex::c_0, tt::CBIndex::c_1, 0, 0, 0);")),
                 core, ComputeConfig{});
    run(p);
    // The reference: the quantized B, fp32 products summed in ascending k, then quantized as the host does.
    const std::vector<float> b_quantized = unpack_bfp8_tiles_into_float_vec(b_packed, true, false);
    std::vector<float> c(1024, 0.0f);
    for (int i = 0; i < 32; ++i)
        for (int k = 0; k < 32; ++k)
            for (int j = 0; j < 32; ++j) c[i * 32 + j] += a[i * 32 + k] * b_quantized[k * 32 + j];
    const auto want = pack_as_bfp8_tiles(tt::stl::Span<const float>(c), true, false);
    EXPECT_EQ(read<std::uint32_t>(c_dram), want);
    int changed = 0;  // the quantization of B is visible: B's values are not all Bfp8_b-exact
    for (int i = 0; i < 1024; ++i) changed += b_quantized[i] != b[i];
    EXPECT_GT(changed, 100);
}

// Bfp4_b: the same shared exponents, 3-bit magnitudes two to a byte (576-byte tiles); steps of 1/4 of
// the row's largest power of two, ties to even, saturation at 7.
TEST(Bfp4, MagnitudesRoundToNearestEvenAndSaturate) {
    std::vector<float> tile(1024, 0.0f);
    const float row[] = {1.0f, 1.125f, 1.375f, 1.9f, -1.5f, 0.3f, 0.125f, 1.24f};
    std::copy(std::begin(row), std::end(row), tile.begin());
    const auto packed = pack_as_bfp4_tiles(tt::stl::Span<const float>(tile), false, false);
    ASSERT_EQ(packed.size(), 576u / 4);
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(packed.data());
    EXPECT_EQ(bytes[0], 127);                 // the row's exponent (1.9)
    EXPECT_EQ(bytes[64] & 0xf, 4);            // 1.0 = 4 / 4, in the low nibble
    EXPECT_EQ(bytes[64] >> 4, 4);             // 1.125: a tie between 4 and 5 -> 4 (even)
    const auto back = unpack_bfp4_tiles_into_float_vec(packed, false, false);
    EXPECT_EQ(back[0], 1.0f);
    EXPECT_EQ(back[1], 1.0f);
    EXPECT_EQ(back[2], 1.5f);                 // 1.375: a tie between 5 and 6 -> 6
    EXPECT_EQ(back[3], 1.75f);                // 1.9 would round to 8: saturates at 7
    EXPECT_EQ(back[4], -1.5f);
    EXPECT_EQ(back[5], 0.25f);                // 0.3 = 1.2 steps -> 1
    EXPECT_EQ(back[6], 0.0f);                 // 0.125 = half a step, a tie -> 0 (even)
    EXPECT_EQ(back[7], 1.25f);
    // Row-major and face order agree, as for Bfp8_b.
    std::vector<float> values(1024);
    for (int i = 0; i < 1024; ++i) values[i] = static_cast<float>(i % 37) / 4.0f - 4.0f;
    std::vector<float> faces(1024);
    for (std::uint32_t r = 0; r < 32; ++r)
        for (std::uint32_t c = 0; c < 32; ++c) faces[ttemu::bfp::face_index(r, c)] = values[r * 32 + c];
    EXPECT_EQ(pack_as_bfp4_tiles(tt::stl::Span<const float>(values), true, false),
              pack_as_bfp4_tiles(tt::stl::Span<const float>(faces), false, false));
}
