// matmul_tiles / matmul_block / copy_tile / pack numerics on one core.
#include <cmath>
#include <cstring>

#include "test_util.hpp"

using namespace ttemu_test;

// Reader: pushes tiles of A (c_0) and B (c_1) from DRAM in order; writer drains c_16 to DRAM.
static const char* kReader = R"(
#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    const uint32_t a_addr = get_arg_val<uint32_t>(0), b_addr = get_arg_val<uint32_t>(1);
    const uint32_t na = get_arg_val<uint32_t>(2), nb = get_arg_val<uint32_t>(3), batch = get_arg_val<uint32_t>(4);
    constexpr auto a_args = TensorAccessorArgs<0>();
    constexpr auto b_args = TensorAccessorArgs<a_args.next_compile_time_args_offset()>();
    const auto a = TensorAccessor(a_args, a_addr);
    const auto b = TensorAccessor(b_args, b_addr);
    for (uint32_t s = 0; s < na; s += batch) {
        cb_reserve_back(tt::CBIndex::c_0, batch);
        for (uint32_t i = 0; i < batch; ++i)
            noc_async_read_page(s + i, a, get_write_ptr(tt::CBIndex::c_0) + i * a.page_size);
        noc_async_read_barrier();
        cb_push_back(tt::CBIndex::c_0, batch);
    }
    for (uint32_t s = 0; s < nb; s += batch) {
        cb_reserve_back(tt::CBIndex::c_1, batch);
        for (uint32_t i = 0; i < batch; ++i)
            noc_async_read_page(s + i, b, get_write_ptr(tt::CBIndex::c_1) + i * b.page_size);
        noc_async_read_barrier();
        cb_push_back(tt::CBIndex::c_1, batch);
    }
}
)";
static const char* kWriter = R"(
#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    const uint32_t c_addr = get_arg_val<uint32_t>(0), n = get_arg_val<uint32_t>(1);
    constexpr auto c_args = TensorAccessorArgs<0>();
    const auto c = TensorAccessor(c_args, c_addr);
    for (uint32_t i = 0; i < n; ++i) {
        cb_wait_front(tt::CBIndex::c_16, 1);
        noc_async_write_page(i, c, get_read_ptr(tt::CBIndex::c_16));
        noc_async_write_barrier();
        cb_pop_front(tt::CBIndex::c_16, 1);
    }
}
)";
// C = A0*B0 + A1*B1 with matmul_tiles (two K steps accumulated in DST), then DST copy path:
// C2 = copy of C reloaded with copy_tile and packed again (round trip through the fp32 DST).
static const char* kCompute = R"(
#include "api/compute/compute_kernel_hw_startup.h"
#include "api/compute/matmul.h"
#include "api/compute/pack.h"
#include "api/compute/tile_move_copy.h"
void kernel_main() {
    constexpr uint32_t a = tt::CBIndex::c_0, b = tt::CBIndex::c_1, out = tt::CBIndex::c_16;
    compute_kernel_hw_startup<SrcOrder::Reverse>(a, b, out);
    matmul_init(a, b);
    cb_wait_front(a, 2);
    cb_wait_front(b, 2);
    tile_regs_acquire();
    matmul_tiles(a, b, 0, 0, 0);
    matmul_tiles(a, b, 1, 1, 0);
    matmul_tiles(a, b, 1, 0, 3);
    tile_regs_commit();
    tile_regs_wait();
    cb_reserve_back(out, 2);
    pack_tile(0, out);
    pack_tile(3, out);
    cb_push_back(out, 2);
    tile_regs_release();
    // copy path: reload A tile 1 unchanged
    copy_tile_to_dst_init_short(a);
    tile_regs_acquire();
    copy_tile(a, 1, 2);
    tile_regs_commit();
    tile_regs_wait();
    cb_reserve_back(out, 1);
    pack_tile<true>(2, out, 0);
    cb_push_back(out, 1);
    tile_regs_release();
    cb_pop_front(a, 2);
    cb_pop_front(b, 2);
}
)";

static std::vector<float> tile_of(const std::vector<float>& rm, std::uint32_t rows, std::uint32_t cols,
                                  std::uint32_t tr, std::uint32_t tc) {
    std::vector<float> t(1024);
    for (std::uint32_t r = 0; r < 32; ++r)
        for (std::uint32_t c = 0; c < 32; ++c) t[r * 32 + c] = rm[(tr * 32 + r) * cols + tc * 32 + c];
    (void)rows;
    return t;
}

// fp32 accumulation in ascending k, as the emulator's DST does
static void ref_mm(std::vector<float>& acc, const std::vector<float>& a, const std::vector<float>& b) {
    for (int i = 0; i < 32; ++i)
        for (int k = 0; k < 32; ++k)
            for (int j = 0; j < 32; ++j) acc[i * 32 + j] += a[i * 32 + k] * b[k * 32 + j];
}

class Matmul : public Emu {
protected:
    // returns C tiles (3) untilized to row-major floats
    std::vector<float> compute(DataFormat out_fmt, bool fp32_acc, std::vector<float>& a_rm, std::vector<float>& b_rm,
                               const char* compute_src = kCompute) {
        const std::uint32_t tb = tile_size(DataFormat::Float16_b), ob = tile_size(out_fmt);
        std::vector<bfloat16> a(32 * 64), b(64 * 32);
        std::uint32_t s = 7;
        for (auto* v : {&a, &b})
            for (auto& x : *v) {
                s = s * 1103515245u + 12345u;
                x = bfloat16(static_cast<float>(static_cast<int>((s >> 9) % 2001) - 1000) / 997.0f);
            }
        a_rm.resize(a.size());
        b_rm.resize(b.size());
        for (std::size_t i = 0; i < a.size(); ++i) a_rm[i] = static_cast<float>(a[i]);
        for (std::size_t i = 0; i < b.size(); ++i) b_rm[i] = static_cast<float>(b[i]);
        // A as tiles (0,0),(0,1); B as tiles (0,0),(1,0)
        auto a_t = tilize_nfaces(a, 32, 64);
        auto b_t = tilize_nfaces(b, 64, 32);
        auto abuf = dram(2 * tb, tb), bbuf = dram(2 * tb, tb), cbuf = dram(3 * ob, ob);
        write(abuf, a_t);
        write(bbuf, b_t);
        Program p = CreateProgram();
        const CoreCoord core(5, 6);
        cb(p, core, CBIndex::c_0, 2);
        cb(p, core, CBIndex::c_1, 2);
        cb(p, core, CBIndex::c_16, 3, out_fmt);
        std::vector<std::uint32_t> rct, wct;
        TensorAccessorArgs(*abuf).append_to(rct);
        TensorAccessorArgs(*bbuf).append_to(rct);
        TensorAccessorArgs(*cbuf).append_to(wct);
        auto r = CreateKernel(p, kernel_file("reader.cpp", kReader), core, reader_cfg(rct));
        auto w = CreateKernel(p, kernel_file("writer.cpp", kWriter), core, writer_cfg(wct));
        CreateKernel(p, kernel_file("compute.cpp", compute_src), core, ComputeConfig{.fp32_dest_acc_en = fp32_acc});
        SetRuntimeArgs(p, r, core, {static_cast<std::uint32_t>(abuf->address()), static_cast<std::uint32_t>(bbuf->address()), 2, 2, 2});
        SetRuntimeArgs(p, w, core, {static_cast<std::uint32_t>(cbuf->address()), 3});
        run(p);
        std::vector<float> out(3 * 1024);
        if (out_fmt == DataFormat::Float32) {
            auto v = read<float>(cbuf);
            auto rm = untilize_nfaces(v, 96, 32);
            out = rm;
        } else {
            auto v = read<bfloat16>(cbuf);
            auto rm = untilize_nfaces(v, 96, 32);
            for (std::size_t i = 0; i < rm.size(); ++i) out[i] = static_cast<float>(rm[i]);
        }
        return out;  // rows 0-31: A0B0+A1B1, rows 32-63: A1*B0, rows 64-95: A tile 1
    }
};

TEST_F(Matmul, TilesAccumulateInFp32AndPackRoundsToBf16) {
    std::vector<float> a_rm, b_rm;
    auto out = compute(DataFormat::Float16_b, false, a_rm, b_rm);
    auto a0 = tile_of(a_rm, 32, 64, 0, 0), a1 = tile_of(a_rm, 32, 64, 0, 1);
    auto b0 = tile_of(b_rm, 64, 32, 0, 0), b1 = tile_of(b_rm, 64, 32, 1, 0);
    std::vector<float> c(1024, 0.0f), d(1024, 0.0f);
    ref_mm(c, a0, b0);
    ref_mm(c, a1, b1);
    ref_mm(d, a1, b0);
    for (int i = 0; i < 1024; ++i) {
        ASSERT_EQ(bfloat16(c[i]).to_uint16(), bfloat16(out[i]).to_uint16()) << "element " << i;
        ASSERT_EQ(bfloat16(d[i]).to_uint16(), bfloat16(out[1024 + i]).to_uint16()) << "element " << i;
        ASSERT_EQ(a1[i], out[2048 + i]) << "copy_tile round trip, element " << i;
    }
    // and against double precision: within bf16 rounding
    for (int i = 0; i < 32; ++i)
        for (int j = 0; j < 32; ++j) {
            double ref = 0;
            for (int k = 0; k < 64; ++k) ref += static_cast<double>(a_rm[i * 64 + k]) * b_rm[k * 32 + j];
            EXPECT_NEAR(out[i * 32 + j], ref, std::fabs(ref) / 256 + 1e-4);
        }
}

TEST_F(Matmul, Float32OutputKeepsFp32Sum) {
    std::vector<float> a_rm, b_rm;
    auto out = compute(DataFormat::Float32, true, a_rm, b_rm);
    auto a0 = tile_of(a_rm, 32, 64, 0, 0), a1 = tile_of(a_rm, 32, 64, 0, 1);
    auto b0 = tile_of(b_rm, 64, 32, 0, 0), b1 = tile_of(b_rm, 64, 32, 1, 0);
    std::vector<float> c(1024, 0.0f);
    ref_mm(c, a0, b0);
    ref_mm(c, a1, b1);
    for (int i = 0; i < 1024; ++i) ASSERT_EQ(std::memcmp(&c[i], &out[i], 4), 0) << "element " << i;
}

// matmul_block over a 2x2 output block with kt = 2 and packer L1 accumulation across two K blocks.
static const char* kBlockCompute = R"(
#include "api/compute/compute_kernel_hw_startup.h"
#include "api/compute/matmul.h"
#include "api/compute/pack.h"
void kernel_main() {
    constexpr uint32_t a = tt::CBIndex::c_0, b = tt::CBIndex::c_1, out = tt::CBIndex::c_16;
    compute_kernel_hw_startup<SrcOrder::Reverse>(a, b, out);
    matmul_block_init(a, b, 0, 2, 2, 2);
    // A block 2x2 tiles (row-major tile order), B block 2x2 tiles; C = A x B (2x2)
    cb_wait_front(a, 4);
    cb_wait_front(b, 4);
    cb_reserve_back(out, 4);
    for (uint32_t kb = 0; kb < 2; ++kb) {   // K split into two 1-tile blocks, partials accumulated in L1
        tile_regs_acquire();
        matmul_block(a, b, kb, kb * 2, 0, 0, 2, 2, 2);
        tile_regs_commit();
        tile_regs_wait();
        pack_reconfig_l1_acc(kb > 0);
        for (uint32_t i = 0; i < 4; ++i) pack_tile<true>(i, out, i);
        tile_regs_release();
    }
    cb_push_back(out, 4);
    cb_pop_front(a, 4);
    cb_pop_front(b, 4);
}
)";

TEST_F(Emu, MatmulBlockWithL1Accumulation) {
    const std::uint32_t tb = tile_size(DataFormat::Float16_b), fb = tile_size(DataFormat::Float32);
    std::vector<bfloat16> a(64 * 64), b(64 * 64);
    for (std::size_t i = 0; i < a.size(); ++i) a[i] = bfloat16(static_cast<float>((i * 7) % 13) / 8.0f - 0.75f);
    for (std::size_t i = 0; i < b.size(); ++i) b[i] = bfloat16(static_cast<float>((i * 5) % 11) / 8.0f - 0.5f);
    auto abuf = dram(4 * tb, tb), bbuf = dram(4 * tb, tb), cbuf = dram(4 * fb, fb);
    write(abuf, tilize_nfaces(a, 64, 64));
    write(bbuf, tilize_nfaces(b, 64, 64));
    Program p = CreateProgram();
    const CoreCoord core(0, 0);
    cb(p, core, CBIndex::c_0, 4);
    cb(p, core, CBIndex::c_1, 4);
    cb(p, core, CBIndex::c_16, 4, DataFormat::Float32);
    std::vector<std::uint32_t> rct, wct;
    TensorAccessorArgs(*abuf).append_to(rct);
    TensorAccessorArgs(*bbuf).append_to(rct);
    TensorAccessorArgs(*cbuf).append_to(wct);
    auto r = CreateKernel(p, kernel_file("reader.cpp", kReader), core, reader_cfg(rct));
    auto w = CreateKernel(p, kernel_file("writer.cpp", kWriter), core, writer_cfg(wct));
    CreateKernel(p, kernel_file("block.cpp", kBlockCompute), core, ComputeConfig{.fp32_dest_acc_en = true});
    SetRuntimeArgs(p, r, core, {static_cast<std::uint32_t>(abuf->address()), static_cast<std::uint32_t>(bbuf->address()), 4, 4, 4});
    SetRuntimeArgs(p, w, core, {static_cast<std::uint32_t>(cbuf->address()), 4});
    run(p);
    auto c = untilize_nfaces(read<float>(cbuf), 64, 64);
    for (int i = 0; i < 64; ++i)
        for (int j = 0; j < 64; ++j) {
            double ref = 0;
            for (int k = 0; k < 64; ++k)
                ref += static_cast<double>(static_cast<float>(a[i * 64 + k])) * static_cast<float>(b[k * 64 + j]);
            ASSERT_NEAR(c[i * 64 + j], ref, 1e-4) << i << "," << j;
        }
}

// The unpacker's transposes: transpose_wh_tile (the tile's transpose), copy_tile after
// copy_tile_to_dst_init_short(cb, 1) (faces swapped, each face as it is) and matmul_init's
// transpose of in1 tiles (C = A0 * B0^T).
static const char* kTransposeCompute = R"(
#include "api/compute/compute_kernel_hw_startup.h"
#include "api/compute/matmul.h"
#include "api/compute/pack.h"
#include "api/compute/tile_move_copy.h"
#include "api/compute/transpose_wh.h"
void kernel_main() {
    constexpr uint32_t a = tt::CBIndex::c_0, b = tt::CBIndex::c_1, out = tt::CBIndex::c_16;
    compute_kernel_hw_startup<SrcOrder::Reverse>(a, b, out);
    cb_wait_front(a, 2);
    cb_wait_front(b, 2);
    transpose_wh_init_short(a);
    tile_regs_acquire();
    transpose_wh_tile(a, 1, 0);
    copy_tile_to_dst_init_short(a, 1);
    copy_tile(a, 1, 1);
    matmul_init(a, b, 1);
    matmul_tiles(a, b, 0, 0, 2);
    tile_regs_commit();
    tile_regs_wait();
    cb_reserve_back(out, 3);
    pack_tile(0, out);
    pack_tile(1, out);
    pack_tile(2, out);
    cb_push_back(out, 3);
    tile_regs_release();
    cb_pop_front(a, 2);
    cb_pop_front(b, 2);
}
)";

TEST_F(Matmul, UnpackerTransposes) {
    std::vector<float> a_rm, b_rm;
    auto out = compute(DataFormat::Float32, true, a_rm, b_rm, kTransposeCompute);
    auto a0 = tile_of(a_rm, 32, 64, 0, 0), a1 = tile_of(a_rm, 32, 64, 0, 1);
    auto b0 = tile_of(b_rm, 64, 32, 0, 0);
    std::vector<float> b0t(1024), product(1024, 0.0f);
    for (int r = 0; r < 32; ++r)
        for (int c = 0; c < 32; ++c) b0t[r * 32 + c] = b0[c * 32 + r];
    ref_mm(product, a0, b0t);
    for (int r = 0; r < 32; ++r)
        for (int c = 0; c < 32; ++c) {
            ASSERT_EQ(out[r * 32 + c], a1[c * 32 + r]) << "transpose_wh_tile, element (" << r << ", " << c << ")";
            // Face (fr, fc) comes from face (fc, fr), its elements in place.
            const int fr = r / 16, fc = c / 16, src_r = fc * 16 + r % 16, src_c = fr * 16 + c % 16;
            ASSERT_EQ(out[1024 + r * 32 + c], a1[src_r * 32 + src_c]) << "transposed faces, element (" << r << ", " << c << ")";
            ASSERT_EQ(out[2048 + r * 32 + c], product[r * 32 + c]) << "A0 * B0^T, element (" << r << ", " << c << ")";
        }
}
