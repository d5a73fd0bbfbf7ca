// Broadcast binary tile ops (api/compute/bcast.h): B's row, column or scalar against every element
// of A, as a fused bias (a row vector in row 0 of a tile) is added to a matmul's output tile.
#include <cstring>

#include "test_util.hpp"

using namespace ttemu_test;

namespace {
float leading_bits(float x, int bits) {
    std::uint32_t u;
    std::memcpy(&u, &x, 4);
    u &= ~((1u << (24 - bits)) - 1u);
    std::memcpy(&x, &u, 4);
    return x;
}

class Bcast : public Emu {
protected:
    // DST[0] = op(A, B) for fp32 tiles A and B (row-major values), with `init` then `call`.
    std::vector<float> apply(const std::string& name, const std::string& init, const std::string& call,
                             const std::vector<float>& a, const std::vector<float>& b) {
        const CoreCoord core{3, 2};
        auto in0 = dram(4096, 4096), in1 = dram(4096, 4096), out = dram(4096, 4096);
        write(in0, tilize_nfaces(a, 32, 32));
        write(in1, tilize_nfaces(b, 32, 32));
        Program p = CreateProgram();
        cb(p, core, CBIndex::c_0, 1, DataFormat::Float32);
        cb(p, core, CBIndex::c_1, 1, DataFormat::Float32);
        cb(p, core, CBIndex::c_16, 1, DataFormat::Float32);
        add_one_page_io(p, core, {{in0, 4096}, {in1, 4096}}, out, 4096);
        CreateKernel(p, kernel_file(name, one_tile_compute(R"(#include "api/compute/bcast.h")",
                                                           "binary_op_init_common(tt::CBIndex::c_0, tt::CBIndex::c_1, "
                                                           "tt::CBIndex::c_16);\n    " + init,
                                                           call)),
                     core, ComputeConfig{.math_fidelity = MathFidelity::HiFi4, .fp32_dest_acc_en = true});
        run(p);
        return untilize_nfaces(read<float>(out), 32, 32);
    }
    // A[r][c] = r + c / 64 and B[r][c] = 32 (r + 1) + c: every element of each is different, and
    // each fits the 11 significant bits fp32 keeps in the source registers (Tf32).
    std::vector<float> a = make([](int r, int c) { return r + c / 64.0f; });
    std::vector<float> b = make([](int r, int c) { return 32.0f * (r + 1) + c; });
    template <typename F>
    static std::vector<float> make(F f) {
        std::vector<float> v(1024);
        for (int r = 0; r < 32; ++r)
            for (int c = 0; c < 32; ++c) v[r * 32 + c] = f(r, c);
        return v;
    }
};
}  // namespace

TEST_F(Bcast, RowsColumnsAndScalar) {
    const auto rows = apply("rows.cpp", "add_bcast_rows_init_short(tt::CBIndex::c_0, tt::CBIndex::c_1);",
                            "add_tiles_bcast_rows(tt::CBIndex::c_0, tt::CBIndex::c_1, 0, 0, 0);", a, b);
    const auto row5 = apply("row5.cpp", "add_bcast_rows_init_short(tt::CBIndex::c_0, tt::CBIndex::c_1);",
                            "add_tiles_bcast_rows(tt::CBIndex::c_0, tt::CBIndex::c_1, 0, 0, 0, 5);", a, b);
    const auto cols = apply("cols.cpp", "sub_bcast_cols_init_short(tt::CBIndex::c_0, tt::CBIndex::c_1);",
                            "sub_tiles_bcast_cols(tt::CBIndex::c_0, tt::CBIndex::c_1, 0, 0, 0);", a, b);
    const auto scalar = apply("scalar.cpp", "mul_tiles_bcast_scalar_init_short(tt::CBIndex::c_0, tt::CBIndex::c_1);",
                              "mul_tiles_bcast_scalar(tt::CBIndex::c_0, tt::CBIndex::c_1, 0, 0, 0);", a, b);
    const auto templ = apply("templ.cpp", "add_bcast_rows_init_short(tt::CBIndex::c_0, tt::CBIndex::c_1);",
                             "add_tiles_bcast<BroadcastType::ROW>(tt::CBIndex::c_0, tt::CBIndex::c_1, 0, 0, 0);", a, b);
    for (int r = 0; r < 32; ++r)
        for (int c = 0; c < 32; ++c) {
            const int i = r * 32 + c;
            ASSERT_EQ(rows[i], a[i] + b[c]) << r << "," << c;              // B's row 0 down the rows
            ASSERT_EQ(row5[i], a[i] + b[5 * 32 + c]) << r << "," << c;     // B's row 5
            ASSERT_EQ(cols[i], a[i] - b[r * 32]) << r << "," << c;         // B's column 0 across
            // B[0][0]; a multiply reads A's 9 leading bits at HiFi4 (see test_fidelity.cpp)
            ASSERT_EQ(scalar[i], leading_bits(a[i], 9) * b[0]) << r << "," << c;
            ASSERT_EQ(templ[i], rows[i]);
        }
}

// The op must match the last init: a bcast-rows add after a plain add init is an error, as silicon
// would add without broadcasting.
TEST_F(Bcast, TheOpMustMatchItsInit) {
    expect_error([&] {
        apply("plain.cpp", "add_tiles_init(tt::CBIndex::c_0, tt::CBIndex::c_1);",
              "add_tiles_bcast_rows(tt::CBIndex::c_0, tt::CBIndex::c_1, 0, 0, 0);", a, b);
    }, {"add_tiles_bcast_rows", "not set up for it", "the last one was add_tiles_init", "plain.cpp:"});
    expect_error([&] {
        apply("cols.cpp", "add_bcast_cols_init_short(tt::CBIndex::c_0, tt::CBIndex::c_1);",
              "add_tiles_bcast_rows(tt::CBIndex::c_0, tt::CBIndex::c_1, 0, 0, 0);", a, b);
    }, {"the last one was add_bcast_cols_init_short"});
}
