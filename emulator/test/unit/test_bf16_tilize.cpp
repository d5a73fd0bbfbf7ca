// bf16 rounding, tilize/untilize, work split.
#include <cmath>
#include <cstring>
#include <limits>

#include "test_util.hpp"

using namespace ttemu_test;

static std::uint16_t bits(float f) { return bfloat16(f).to_uint16(); }
static float from_bits(std::uint32_t u) {
    float f;
    std::memcpy(&f, &u, 4);
    return f;
}

TEST(BFloat16, RoundsToNearestEven) {
    EXPECT_EQ(bits(1.0f), 0x3f80);
    // 1 + 2^-8 is exactly halfway between 1 and 1 + 2^-7: ties to even (1.0)
    EXPECT_EQ(bits(1.0f + std::ldexp(1.0f, -8)), 0x3f80);
    // 1 + 3*2^-8 is halfway between 1 + 2^-7 (odd) and 1 + 2^-6 (even): rounds up
    EXPECT_EQ(bits(1.0f + 3 * std::ldexp(1.0f, -8)), 0x3f82);
    // just above the halfway point rounds up
    EXPECT_EQ(bits(from_bits(0x3f808001)), 0x3f81);
    EXPECT_EQ(bits(from_bits(0x3f807fff)), 0x3f80);
    EXPECT_EQ(bits(-1.0f - std::ldexp(1.0f, -8)), 0xbf80);
    EXPECT_EQ(bits(-0.0f), 0x8000);
    EXPECT_EQ(static_cast<float>(bfloat16(3.0)), 3.0f);
    EXPECT_EQ(bfloat16(2).to_uint16(), 0x4000);
}

TEST(BFloat16, NanInfOverflow) {
    EXPECT_EQ(bits(std::numeric_limits<float>::infinity()), 0x7f80);
    EXPECT_EQ(bits(-std::numeric_limits<float>::infinity()), 0xff80);
    const std::uint16_t nan = bits(std::numeric_limits<float>::quiet_NaN());
    EXPECT_EQ(nan & 0x7f80, 0x7f80);
    EXPECT_NE(nan & 0x007f, 0);
    // a NaN whose payload lives only in the low 16 bits must stay NaN (not become Inf)
    const std::uint16_t low_nan = bits(from_bits(0x7f800001));
    EXPECT_TRUE(std::isnan(static_cast<float>(bfloat16(from_bits(0x7f800001)))));
    EXPECT_NE(low_nan & 0x7f, 0);
    // FLT_MAX rounds up to Inf; the largest bf16 stays finite
    EXPECT_EQ(bits(std::numeric_limits<float>::max()), 0x7f80);
    EXPECT_EQ(bits(from_bits(0x7f7f0000)), 0x7f7f);
}

TEST(BFloat16, Subnormals) {
    // smallest bf16 subnormal 2^-133 = 0x0001
    EXPECT_EQ(bits(std::ldexp(1.0f, -133)), 0x0001);
    // half of it ties to even (0)
    EXPECT_EQ(bits(std::ldexp(1.0f, -134)), 0x0000);
    // 1.5 * 2^-133 ties to even (2 * 2^-133)
    EXPECT_EQ(bits(std::ldexp(1.5f, -133)), 0x0002);
    // float subnormal that rounds into the normal range of bf16
    EXPECT_EQ(bits(from_bits(0x007fffff)), 0x0080);
    EXPECT_EQ(static_cast<float>(bfloat16(std::ldexp(1.0f, -130))), std::ldexp(1.0f, -130));
}

TEST(BFloat16, DoubleRoundsOnce) {
    // a double just above the bf16 halfway point, whose float rounding lands exactly on it
    const double d = 1.0 + std::ldexp(1.0, -8) + std::ldexp(1.0, -40);
    EXPECT_EQ(bfloat16(d).to_uint16(), 0x3f81);
}

TEST(Tilize, RoundTripAndFaceLayout) {
    const std::uint32_t m = 64, n = 96;
    std::vector<std::uint32_t> v(m * n);
    for (std::uint32_t i = 0; i < v.size(); ++i) v[i] = i;
    auto t = tilize_nfaces(v, m, n);
    // element (r, c) = (33, 50): tile (1, 1) = index 1*3+1 = 4, in-tile (1, 18): face 1, row 1, col 2
    EXPECT_EQ(t[4 * 1024 + 1 * 256 + 1 * 16 + 2], 33u * n + 50u);
    // element (17, 3): tile 0, in-tile (17, 3): face 2 (bottom-left), row 1, col 3
    EXPECT_EQ(t[2 * 256 + 1 * 16 + 3], 17u * n + 3u);
    EXPECT_EQ(untilize_nfaces(t, m, n), v);
    std::vector<bfloat16> b = ramp(m * n);
    EXPECT_EQ(untilize_nfaces(tilize_nfaces(b, m, n), m, n), b);
    EXPECT_THROW(tilize_nfaces(v, 60, 100), ttemu::Error);
}

TEST(WorkSplit, GroupOneGetsOneMore) {
    auto [n, all, g1, g2, p1, p2] = split_work_to_cores(CoreCoord(8, 8), 100);
    EXPECT_EQ(n, 64u);
    EXPECT_EQ(all.num_cores(), 64u);
    EXPECT_EQ(p1, 2u);
    EXPECT_EQ(p2, 1u);
    EXPECT_EQ(g1.num_cores(), 36u);
    EXPECT_EQ(g2.num_cores(), 28u);
    // column-major order: columns 0..3 then (4, 0..3)
    EXPECT_TRUE(g1.contains(CoreCoord(4, 3)));
    EXPECT_FALSE(g1.contains(CoreCoord(4, 4)));
    EXPECT_TRUE(g2.contains(CoreCoord(4, 4)));
    EXPECT_EQ(p1 * g1.num_cores() + p2 * g2.num_cores(), 100u);

    auto [n2, all2, g12, g22, q1, q2] = split_work_to_cores(CoreCoord(8, 8), 10, true);
    EXPECT_EQ(n2, 10u);
    EXPECT_EQ(q1, 1u);
    EXPECT_EQ(q2, 0u);
    EXPECT_TRUE(all2.contains(CoreCoord(1, 1)));  // row-wise: row 0 then (0..1, 1)
    EXPECT_FALSE(all2.contains(CoreCoord(0, 2)));
    EXPECT_EQ(g22.num_cores(), 0u);

    auto [n3, all3, g13, g23, r1, r2] = split_work_to_cores(CoreCoord(8, 8), 128);
    EXPECT_EQ(n3, 64u);
    EXPECT_EQ(r1, 2u);
    EXPECT_EQ(g23.num_cores(), 0u);
}
