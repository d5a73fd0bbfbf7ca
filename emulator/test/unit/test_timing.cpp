// The timing model, one mechanism per test: DRAM bank queueing and the aggregate bandwidth, the matrix
// engine's fidelity, determinism of the modeled time and of the trace, and the physical limits.
// Each expectation is a ratio derived in docs/timing-model.md from the device parameters, with the
// margin the fixed latencies leave.
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <ttemu/device_model.hpp>
#include <ttemu/timing.hpp>

#include "test_util.hpp"

using namespace ttemu_test;

namespace {
// Reads `n` pages (page ids start, start + stride, ...) of a DRAM buffer into a 4-page CB window
// with `batch` reads in flight per barrier.
const char* kStreamReader = R"(
#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    const uint32_t addr = get_arg_val<uint32_t>(0);
    const uint32_t start = get_arg_val<uint32_t>(1);
    const uint32_t stride = get_arg_val<uint32_t>(2);
    const uint32_t n = get_arg_val<uint32_t>(3);
    const uint32_t batch = get_arg_val<uint32_t>(4);
    constexpr auto args = TensorAccessorArgs<0>();
    const auto acc = TensorAccessor(args, addr);
    const uint32_t page = get_tile_size(tt::CBIndex::c_0);
    cb_reserve_back(tt::CBIndex::c_0, 4);
    const uint32_t l1 = get_write_ptr(tt::CBIndex::c_0);
    for (uint32_t i = 0; i < n; ++i) {
        noc_async_read_page(start + i * stride, acc, l1 + (i % 4) * page);
        if (i % batch == batch - 1) noc_async_read_barrier();
    }
    noc_async_read_barrier();
    cb_push_back(tt::CBIndex::c_0, 4);
}
)";

// K steps of one tile product: per step the reader reads `pages` DRAM pages into A's CB page (none:
// compute-bound; a few: DRAM-bound), then pushes A and B; compute multiplies each step's tiles as they
// arrive and packs one tile, which the writer pops.
const char* kStepReader = R"(
#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    const uint32_t addr = get_arg_val<uint32_t>(0);
    const uint32_t pages = get_arg_val<uint32_t>(1);
    const uint32_t k = get_arg_val<uint32_t>(2);
    constexpr auto args = TensorAccessorArgs<0>();
    const auto acc = TensorAccessor(args, addr);
    for (uint32_t s = 0; s < k; ++s) {
        cb_reserve_back(tt::CBIndex::c_0, 1);
        for (uint32_t i = 0; i < pages; ++i)
            noc_async_read_page(s * pages + i, acc, get_write_ptr(tt::CBIndex::c_0));
        noc_async_read_barrier();
        cb_push_back(tt::CBIndex::c_0, 1);
        cb_reserve_back(tt::CBIndex::c_1, 1);
        cb_push_back(tt::CBIndex::c_1, 1);
    }
}
)";
const char* kStepMatmul = R"(
#include "api/compute/compute_kernel_hw_startup.h"
#include "api/compute/matmul.h"
#include "api/compute/pack.h"
void kernel_main() {
    const uint32_t k = get_arg_val<uint32_t>(0);
    compute_kernel_hw_startup<SrcOrder::Reverse>(tt::CBIndex::c_0, tt::CBIndex::c_1, tt::CBIndex::c_16);
    matmul_init(tt::CBIndex::c_0, tt::CBIndex::c_1);
    tile_regs_acquire();
    for (uint32_t s = 0; s < k; ++s) {
        cb_wait_front(tt::CBIndex::c_0, 1);
        cb_wait_front(tt::CBIndex::c_1, 1);
        matmul_tiles(tt::CBIndex::c_0, tt::CBIndex::c_1, 0, 0, 0);
        cb_pop_front(tt::CBIndex::c_0, 1);
        cb_pop_front(tt::CBIndex::c_1, 1);
    }
    tile_regs_commit();
    cb_reserve_back(tt::CBIndex::c_16, 1);
    tile_regs_wait();
    pack_tile(0, tt::CBIndex::c_16, 0);
    tile_regs_release();
    cb_push_back(tt::CBIndex::c_16, 1);
}
)";
// Per block, 4 tile products into DST tiles 0-3, then the 4 tiles packed and pushed; the inputs stay in
// their CBs. At LoFi math and pack take 4 x 16 cycles each.
const char* kMathThenPack = R"(
#include "api/compute/compute_kernel_hw_startup.h"
#include "api/compute/matmul.h"
#include "api/compute/pack.h"
void kernel_main() {
    const uint32_t blocks = get_arg_val<uint32_t>(0);
    compute_kernel_hw_startup<SrcOrder::Reverse>(tt::CBIndex::c_0, tt::CBIndex::c_1, tt::CBIndex::c_16);
    matmul_init(tt::CBIndex::c_0, tt::CBIndex::c_1);
    cb_wait_front(tt::CBIndex::c_0, 1);
    cb_wait_front(tt::CBIndex::c_1, 1);
    for (uint32_t b = 0; b < blocks; ++b) {
        tile_regs_acquire();
        for (uint32_t t = 0; t < 4; ++t) matmul_tiles(tt::CBIndex::c_0, tt::CBIndex::c_1, 0, 0, t);
        tile_regs_commit();
        cb_reserve_back(tt::CBIndex::c_16, 4);
        tile_regs_wait();
        for (uint32_t t = 0; t < 4; ++t) pack_tile(t, tt::CBIndex::c_16);
        tile_regs_release();
        cb_push_back(tt::CBIndex::c_16, 4);
    }
    cb_pop_front(tt::CBIndex::c_0, 1);
    cb_pop_front(tt::CBIndex::c_1, 1);
}
)";
// Per block, 4 tiles copied from c_0 into DST tiles 0-3 (the same input tile; it stays in its CB), then
// packed into c_16 and pushed. Args: blocks; 1 to re-init the copy before every tile; a CB the unpacker's
// source A is reconfigured to and back from each block (0: none).
const char* kCopyThenPack = R"(
#include "api/compute/compute_kernel_hw_startup.h"
#include "api/compute/tile_move_copy.h"
#include "api/compute/reconfig_data_format.h"
#include "api/compute/pack.h"
void kernel_main() {
    const uint32_t blocks = get_arg_val<uint32_t>(0);
    const uint32_t reinit = get_arg_val<uint32_t>(1);
    const uint32_t other = get_arg_val<uint32_t>(2);
    compute_kernel_hw_startup(tt::CBIndex::c_0, tt::CBIndex::c_0, tt::CBIndex::c_16);
    copy_tile_to_dst_init_short(tt::CBIndex::c_0);
    cb_wait_front(tt::CBIndex::c_0, 1);
    for (uint32_t b = 0; b < blocks; ++b) {
        if (other) {
            reconfig_data_format_srca(tt::CBIndex::c_0, other);
            reconfig_data_format_srca(other, tt::CBIndex::c_0);
        }
        tile_regs_acquire();
        for (uint32_t t = 0; t < 4; ++t) {
            if (reinit) copy_tile_to_dst_init_short(tt::CBIndex::c_0);
            copy_tile(tt::CBIndex::c_0, 0, t);
        }
        tile_regs_commit();
        cb_reserve_back(tt::CBIndex::c_16, 4);
        tile_regs_wait();
        for (uint32_t t = 0; t < 4; ++t) pack_tile(t, tt::CBIndex::c_16);
        tile_regs_release();
        cb_push_back(tt::CBIndex::c_16, 4);
    }
    cb_pop_front(tt::CBIndex::c_0, 1);
}
)";
const char* kPushOne = R"(
#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    cb_reserve_back(tt::CBIndex::c_0, 1);
    cb_push_back(tt::CBIndex::c_0, 1);
}
)";
const char* kPushInputs = R"(
#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    cb_reserve_back(tt::CBIndex::c_0, 1);
    cb_push_back(tt::CBIndex::c_0, 1);
    cb_reserve_back(tt::CBIndex::c_1, 1);
    cb_push_back(tt::CBIndex::c_1, 1);
}
)";
const char* kPopBlocks = R"(
#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    const uint32_t blocks = get_arg_val<uint32_t>(0);
    for (uint32_t b = 0; b < blocks; ++b) {
        cb_wait_front(tt::CBIndex::c_16, 4);
        cb_pop_front(tt::CBIndex::c_16, 4);
    }
}
)";
// Writes `n` chunks of `size` bytes from L1 0x80000 to L1 0x80000 of the core at NoC (x, y), all in
// flight, then waits for them. No CB lives at that address.
const char* kCoreWriter = R"(
#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    const uint32_t x = get_arg_val<uint32_t>(0), y = get_arg_val<uint32_t>(1);
    const uint32_t n = get_arg_val<uint32_t>(2), size = get_arg_val<uint32_t>(3);
    const uint64_t dst = get_noc_addr(x, y, 0x80000);
    for (uint32_t i = 0; i < n; ++i) noc_async_write(0x80000, dst, size);
    noc_async_write_barrier();
}
)";
// The same chunks multicast to the NoC rectangle (x0, y0)-(x1, y1) of `dests` cores.
const char* kCoreMulticaster = R"(
#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    const uint32_t x0 = get_arg_val<uint32_t>(0), y0 = get_arg_val<uint32_t>(1);
    const uint32_t x1 = get_arg_val<uint32_t>(2), y1 = get_arg_val<uint32_t>(3);
    const uint32_t dests = get_arg_val<uint32_t>(4), n = get_arg_val<uint32_t>(5), size = get_arg_val<uint32_t>(6);
    const uint64_t dst = get_noc_multicast_addr(x0, y0, x1, y1, 0x80000);
    for (uint32_t i = 0; i < n; ++i) noc_async_write_multicast(0x80000, dst, size, dests);
    noc_async_write_barrier();
}
)";
// The same bytes to each core of that rectangle's row by its own write (NoC x0 .. x1 in row y0).
const char* kRowUnicaster = R"(
#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    const uint32_t x0 = get_arg_val<uint32_t>(0), y0 = get_arg_val<uint32_t>(1);
    const uint32_t x1 = get_arg_val<uint32_t>(2);
    const uint32_t n = get_arg_val<uint32_t>(5), size = get_arg_val<uint32_t>(6);
    for (uint32_t i = 0; i < n; ++i)
        for (uint32_t x = x0; x <= x1; ++x) noc_async_write(0x80000, get_noc_addr(x, y0, 0x80000), size);
    noc_async_write_barrier();
}
)";
const char* kPopOne = R"(
#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    cb_wait_front(tt::CBIndex::c_16, 1);
    cb_pop_front(tt::CBIndex::c_16, 1);
}
)";

class Timing : public Emu {
protected:
    const ttemu::model::DeviceModel& model() const {
        return dev->arch() == tt::ARCH::BLACKHOLE ? ttemu::model::kBlackhole : ttemu::model::kWormholeB0;
    }

    // Cores `cores[i]` each read `n` pages starting at page `starts[i]` with page stride `stride`.
    std::uint64_t stream(const std::vector<CoreCoord>& cores, const std::vector<std::uint32_t>& starts,
                         std::uint32_t stride, std::uint32_t n, std::uint32_t batch = 0) {
        const std::uint32_t page = tile_size(DataFormat::Float16_b);
        std::uint32_t pages = 0;
        for (auto s : starts) pages = std::max(pages, s + (n - 1) * stride + 1);
        auto buf = dram(static_cast<std::uint64_t>(pages) * page, page);
        Program p = CreateProgram();
        std::vector<std::uint32_t> ct;
        TensorAccessorArgs(*buf).append_to(ct);
        std::vector<CoreRange> ranges;
        for (auto c : cores) ranges.push_back(CoreRange(c, c));
        CoreRangeSet set(ranges);
        cb(p, set, CBIndex::c_0, 4);
        auto k = CreateKernel(p, kernel_file("stream_reader.cpp", kStreamReader), set, reader_cfg(ct));
        for (std::size_t i = 0; i < cores.size(); ++i)
            SetRuntimeArgs(p, k, cores[i],
                           {static_cast<std::uint32_t>(buf->address()), starts[i], stride, n, batch ? batch : n});
        run(p);
        return ttemu::last_program_timing().cycles;
    }

    // K steps of one tile product each, the reader fetching `pages` DRAM pages per step.
    std::uint64_t step_matmul(std::uint32_t k, std::uint32_t pages, MathFidelity fidelity) {
        const std::uint32_t page = tile_size(DataFormat::Float16_b);
        auto buf = dram(static_cast<std::uint64_t>(k) * std::max(pages, 1u) * page, page);
        Program p = CreateProgram();
        const CoreCoord core(0, 0);
        cb(p, core, CBIndex::c_0, 2);
        cb(p, core, CBIndex::c_1, 2);
        cb(p, core, CBIndex::c_16, 1);
        std::vector<std::uint32_t> ct;
        TensorAccessorArgs(*buf).append_to(ct);
        auto r = CreateKernel(p, kernel_file("step_reader.cpp", kStepReader), core, reader_cfg(ct));
        SetRuntimeArgs(p, r, core, {static_cast<std::uint32_t>(buf->address()), pages, k});
        CreateKernel(p, kernel_file("pop_one.cpp", kPopOne), core, writer_cfg());
        auto c = CreateKernel(p, kernel_file("step_matmul.cpp", kStepMatmul), core,
                              ComputeConfig{.math_fidelity = fidelity});
        SetRuntimeArgs(p, c, core, {k});
        run(p);
        return ttemu::last_program_timing().cycles;
    }


    std::uint64_t math_then_pack(std::uint32_t blocks, bool dst_full_sync) {
        Program p = CreateProgram();
        const CoreCoord core(0, 0);
        cb(p, core, CBIndex::c_0, 1);
        cb(p, core, CBIndex::c_1, 1);
        cb(p, core, CBIndex::c_16, 8);
        CreateKernel(p, kernel_file("push_inputs.cpp", kPushInputs), core, reader_cfg());
        auto w = CreateKernel(p, kernel_file("pop_blocks.cpp", kPopBlocks), core, writer_cfg());
        SetRuntimeArgs(p, w, core, {blocks});
        auto c = CreateKernel(p, kernel_file("math_then_pack.cpp", kMathThenPack), core,
                              ComputeConfig{.math_fidelity = MathFidelity::LoFi, .dst_full_sync_en = dst_full_sync});
        SetRuntimeArgs(p, c, core, {blocks});
        run(p);
        return ttemu::last_program_timing().cycles;
    }

    // copy_then_pack: c_0 and c_16 in `fmt`, c_2 (the reconfiguration's other CB) in `other_fmt`.
    std::uint64_t copy_then_pack(std::uint32_t blocks, DataFormat fmt, bool reinit = false, bool reconfig = false,
                                 DataFormat other_fmt = DataFormat::Float16_b) {
        Program p = CreateProgram();
        const CoreCoord core(0, 0);
        cb(p, core, CBIndex::c_0, 1, fmt);
        cb(p, core, CBIndex::c_2, 1, other_fmt);
        cb(p, core, CBIndex::c_16, 8, fmt);
        CreateKernel(p, kernel_file("push_one.cpp", kPushOne), core, reader_cfg());
        auto w = CreateKernel(p, kernel_file("pop_blocks.cpp", kPopBlocks), core, writer_cfg());
        SetRuntimeArgs(p, w, core, {blocks});
        auto c = CreateKernel(p, kernel_file("copy_then_pack.cpp", kCopyThenPack), core,
                              ComputeConfig{.fp32_dest_acc_en = fmt == DataFormat::Float32});
        SetRuntimeArgs(p, c, core, {blocks, reinit ? 1u : 0u, reconfig ? static_cast<std::uint32_t>(CBIndex::c_2) : 0u});
        run(p);
        return ttemu::last_program_timing().cycles;
    }

    // Each pair (from, to): `from` writes n chunks of `size` bytes to `to` on NoC 0.
    std::uint64_t core_writes(const std::vector<std::pair<CoreCoord, CoreCoord>>& pairs, std::uint32_t n,
                              std::uint32_t size) {
        Program p = CreateProgram();
        std::vector<CoreRange> ranges;
        for (auto& [from, to] : pairs) ranges.push_back(CoreRange(from, from));
        auto k = CreateKernel(p, kernel_file("core_writer.cpp", kCoreWriter), CoreRangeSet(ranges), writer_cfg());
        for (auto& [from, to] : pairs) {
            const CoreCoord noc = dev->worker_core_from_logical_core(to);
            SetRuntimeArgs(p, k, from, {static_cast<std::uint32_t>(noc.x), static_cast<std::uint32_t>(noc.y), n, size});
        }
        run(p);
        return ttemu::last_program_timing().cycles;
    }

    // Core (0, 0) multicasts n chunks to cores (1..dests, 0) of its row.
    // With `unicast`, the same bytes go to each destination by its own write.
    std::uint64_t row_multicast(std::uint32_t dests, std::uint32_t n, std::uint32_t size, bool unicast = false) {
        Program p = CreateProgram();
        const CoreCoord src(0, 0);
        auto k = CreateKernel(p, kernel_file(unicast ? "row_unicaster.cpp" : "core_multicaster.cpp",
                                             unicast ? kRowUnicaster : kCoreMulticaster),
                              src, writer_cfg());
        const CoreCoord a = dev->worker_core_from_logical_core({1, 0});
        const CoreCoord b = dev->worker_core_from_logical_core({dests, 0});
        SetRuntimeArgs(p, k, src, {static_cast<std::uint32_t>(a.x), static_cast<std::uint32_t>(a.y),
                                   static_cast<std::uint32_t>(b.x), static_cast<std::uint32_t>(b.y), dests, n, size});
        run(p);
        return ttemu::last_program_timing().cycles;
    }
};

std::string slurp(const std::string& path) {
    std::ifstream f(path);
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
}
}  // namespace

// Wormhole interleaves pages over 12 banks: pages b, b + 12, ... all live in bank b. A bank serves
// 24 B/cycle, less than a core's 32 B/cycle NoC port, so a lone reader is bank-bound; two readers of
// one bank share it and take twice as long as two readers of two banks (less the fixed latencies).
TEST_F(Timing, TwoReadersOfOneBankTakeTwiceAsLongAsOfTwoBanks) {
    const std::uint32_t banks = model().dram_banks, n = 64;
    const std::uint64_t one_bank = stream({{0, 0}, {1, 0}}, {0, 0}, banks, n);
    const std::uint64_t two_banks = stream({{0, 0}, {1, 0}}, {0, 1}, banks, n);
    const double ratio = static_cast<double>(one_bank) / two_banks;
    EXPECT_GT(ratio, 1.8) << one_bank << " vs " << two_banks;
    EXPECT_LT(ratio, 2.05) << one_bank << " vs " << two_banks;
}

// Every core streaming pages spread over all banks saturates the aggregate bandwidth: the modeled
// time is at least the bandwidth bound (never faster) and within 25 % of it.
TEST_F(Timing, ManyReadersSaturateTheAggregateBandwidthAndNoFaster) {
    std::vector<CoreCoord> cores;
    std::vector<std::uint32_t> starts;
    const std::uint32_t n = 48;
    for (std::uint32_t y = 0; y < model().grid_y; ++y)
        for (std::uint32_t x = 0; x < model().grid_x; ++x) {
            starts.push_back(static_cast<std::uint32_t>(cores.size()));
            cores.push_back({x, y});
        }
    const std::uint64_t cycles = stream(cores, starts, static_cast<std::uint32_t>(cores.size()), n);
    const auto& t = ttemu::last_program_timing();
    const double bytes_per_cycle = static_cast<double>(t.dram_bytes) / cycles;
    const double peak = model().dram_gbps / model().clock_ghz;
    EXPECT_LE(bytes_per_cycle, peak * 1.0001);
    EXPECT_GE(bytes_per_cycle, peak * 0.75) << cycles << " cycles for " << t.dram_bytes << " bytes";
    EXPECT_GE(cycles, t.dram_bound_cycles);
}

// A compute-bound program follows the fidelity: HiFi4 takes four matrix-engine phases per tile
// product, LoFi one (64 vs 16 cycles), so 2000 products are nearly 4x faster at LoFi (the fixed
// handshakes and latencies take the rest). A DRAM-bound program barely changes: 500 K steps whose
// reader fetches 4 pages per step (about 4 x 64 link cycles + the read latency) keep the matrix
// engine waiting, at 16 or 64 cycles a product.
TEST_F(Timing, FidelityMattersWhenComputeBoundAndNotWhenDramBound) {
    const double compute_ratio = static_cast<double>(step_matmul(2000, 0, MathFidelity::HiFi4)) /
                                 step_matmul(2000, 0, MathFidelity::LoFi);
    EXPECT_GT(compute_ratio, 3.6);
    EXPECT_LE(compute_ratio, 4.0);
    const double dram_ratio = static_cast<double>(step_matmul(500, 4, MathFidelity::HiFi4)) /
                              step_matmul(500, 4, MathFidelity::LoFi);
    EXPECT_GE(dram_ratio, 1.0);
    EXPECT_LT(dram_ratio, 1.1);
}

// With half-sync DST the packer drains one half while math fills the other: a block costs the longer of
// math and pack (64 cycles each here). With full sync they take turns: math + pack, twice as long.
TEST_F(Timing, PackHidesUnderMathWithHalfSyncDstAndNotWithFullSync) {
    const std::uint64_t half = math_then_pack(200, false), full = math_then_pack(200, true);
    const double ratio = static_cast<double>(full) / half;
    EXPECT_GT(ratio, 1.8) << full << " vs " << half;
    EXPECT_LT(ratio, 2.05) << full << " vs " << half;
}

// The unpacker and the packer move a tile's bytes in its L1 format (128 B/cycle): per block, 4 copies and
// 4 packs (overlapping under half-sync DST) of 16 cycles each for bf16, 32 for fp32, 9 for bfp8_b. So fp32
// takes twice as long as bf16 and bfp8_b 9/16 of it (less the fixed per-block handshakes).
TEST_F(Timing, UnpackAndPackCostByTheTileFormat) {
    const std::uint32_t blocks = 200;
    const double bf16 = static_cast<double>(copy_then_pack(blocks, DataFormat::Float16_b));
    const double fp32 = static_cast<double>(copy_then_pack(blocks, DataFormat::Float32));
    const double bfp8 = static_cast<double>(copy_then_pack(blocks, DataFormat::Bfp8_b));
    EXPECT_GT(fp32 / bf16, 1.8) << fp32 << " vs " << bf16;
    EXPECT_LT(fp32 / bf16, 2.05) << fp32 << " vs " << bf16;
    EXPECT_GT(bfp8 / bf16, 9.0 / 16 * 0.9) << bfp8 << " vs " << bf16;
    EXPECT_LT(bfp8 / bf16, 9.0 / 16 * 1.1) << bfp8 << " vs " << bf16;
}

// An init before every copy adds init_cycles per tile on the unpack/math thread, which becomes the longer
// of the two: blocks x 4 x init_cycles more. Reconfiguring source A to a CB of the same format and back
// is skipped (the old/new overloads compare formats) and costs nothing; to another format and back costs
// two reconfigurations per block.
TEST_F(Timing, InitsAndFormatChangesCostWhatTheyCost) {
    const std::uint32_t blocks = 200;
    const std::uint64_t once = copy_then_pack(blocks, DataFormat::Float16_b);
    const std::uint64_t every_tile = copy_then_pack(blocks, DataFormat::Float16_b, /*reinit=*/true);
    const double inits = static_cast<double>(blocks) * 4 * model().init_cycles;
    EXPECT_GT(static_cast<double>(every_tile - once), 0.9 * inits) << every_tile << " vs " << once;
    EXPECT_LT(static_cast<double>(every_tile - once), 1.1 * inits) << every_tile << " vs " << once;

    EXPECT_EQ(copy_then_pack(blocks, DataFormat::Float16_b, false, /*reconfig=*/true, DataFormat::Float16_b), once);
    const std::uint64_t changed =
        copy_then_pack(blocks, DataFormat::Float16_b, false, /*reconfig=*/true, DataFormat::Float32);
    const double reconfigs = static_cast<double>(blocks) * 2 * model().reconfig_cycles;
    EXPECT_GT(static_cast<double>(changed - once), 0.9 * reconfigs) << changed << " vs " << once;
    EXPECT_LT(static_cast<double>(changed - once), 1.1 * reconfigs) << changed << " vs " << once;
}

// NoC 0 routes right, then down. Writers (0,0)->(4,0) and (1,0)->(5,0) share the links (1,0)-(4,0), so
// their 32 KiB chunks take turns: twice the time of the same writes in two different rows (bandwidth
// dominates: 1024 link cycles a chunk against a few hundred of latency).
TEST_F(Timing, TransfersSharingANocLinkTakeTurns) {
    const std::uint32_t n = 16, size = 32 * 1024;
    const std::uint64_t shared = core_writes({{{0, 0}, {4, 0}}, {{1, 0}, {5, 0}}}, n, size);
    const std::uint64_t disjoint = core_writes({{{0, 0}, {4, 0}}, {{0, 1}, {4, 1}}}, n, size);
    const double ratio = static_cast<double>(shared) / disjoint;
    EXPECT_GT(ratio, 1.8) << shared << " vs " << disjoint;
    EXPECT_LT(ratio, 2.05) << shared << " vs " << disjoint;
}

// A multicast holds its route's links once: to 7 cores of a row it costs about one transfer (plus the
// extra hops), where 7 unicasts from the same core take 7 times the port time.
TEST_F(Timing, AMulticastCostsOneTransferNotOnePerDestination) {
    const std::uint32_t n = 16, size = 32 * 1024;
    const std::uint64_t one = core_writes({{{0, 0}, {1, 0}}}, n, size);
    const std::uint64_t mcast = row_multicast(7, n, size);
    EXPECT_LT(static_cast<double>(mcast) / one, 1.1) << mcast << " vs " << one;
    EXPECT_GE(mcast, one);
    // Unicast to each of the 7: the port carries 7 x the bytes.
    const std::uint64_t unicasts = row_multicast(7, n, size, /*unicast=*/true);
    EXPECT_GT(static_cast<double>(unicasts) / mcast, 6.0) << unicasts << " vs " << mcast;
}

// The same program gives the same modeled time and a byte-identical trace on every run.
TEST_F(Timing, ModeledTimeAndTraceAreDeterministic) {
    const std::string dir = TTEMU_TEST_WORK_DIR;
    std::vector<std::string> traces;
    std::vector<std::uint64_t> cycles;
    const std::string path = dir + "/trace.json";
    setenv("TTEMU_TRACE", path.c_str(), 1);
    for (int run_no = 0; run_no < 2; ++run_no)
        cycles.push_back(stream({{0, 0}, {3, 2}, {5, 7}}, {0, 1, 2}, 3, 40, 4));
    unsetenv("TTEMU_TRACE");
    // Program 2 of a device writes trace.2.json next to the first.
    traces.push_back(slurp(path));
    traces.push_back(slurp(dir + "/trace.2.json"));
    EXPECT_EQ(cycles[0], cycles[1]);
    ASSERT_FALSE(traces[0].empty());
    EXPECT_EQ(traces[0], traces[1]);
    EXPECT_NE(traces[0].find("\"name\": \"read by (0,0)\""), std::string::npos);
    EXPECT_NE(traces[0].find("\"name\": \"noc_async_read_barrier\""), std::string::npos);
}

// Utilization never exceeds 100 %: the ideal cycles spread the products over every core of the
// device, which one core cannot beat.
TEST_F(Timing, UtilizationStaysBelowThePeak) {
    step_matmul(500, 0, MathFidelity::LoFi);
    const auto& t = ttemu::last_program_timing();
    EXPECT_GT(t.utilization, 0.0);
    EXPECT_LE(t.utilization, 1.0 / model().cores() + 1e-9);
    // The writer finishes last, waiting for the compute kernel, which is busy multiplying.
    EXPECT_NE(t.bottleneck.find("waits on c_16 for"), std::string::npos) << t.bottleneck;
    const std::string busy = "step_matmul.cpp (compute) on core (0,0): ";
    const std::size_t at = t.bottleneck.find(busy);
    ASSERT_NE(at, std::string::npos) << t.bottleneck;
    EXPECT_GE(std::atoi(t.bottleneck.c_str() + at + busy.size()), 90) << t.bottleneck;
    EXPECT_EQ(t.bottleneck.find("% matmul_tiles", at), t.bottleneck.find('%', at)) << t.bottleneck;
}

// Host-side costs stay out of the device time: each program's stats give its dispatch (the device
// model's program_dispatch_us) and the buffer transfers since the previous program at the host link's
// bandwidth, and the run's totals cover the transfers after the last program too.
TEST_F(Timing, DispatchAndHostTransfersAreReportedApartFromTheDeviceTime) {
    const std::string path = std::string(TTEMU_TEST_WORK_DIR) + "/host_stats.json";
    setenv("TTEMU_STATS_JSON", path.c_str(), 1);
    const std::uint32_t page = tile_size(DataFormat::Float16_b);
    auto buf = dram(8 * page, page);
    write(buf, std::vector<float>(8 * page / sizeof(float), 1.0f));  // 8 pages to the device
    const std::uint64_t cycles = stream({{0, 0}}, {0}, 1, 8);
    read<float>(buf);  // 8 pages back
    dev->close();
    unsetenv("TTEMU_STATS_JSON");
    // (The file holds every program this test process ran: ours is the last.)
    const std::string json = slurp(path);
    const std::size_t ours = json.rfind("\"host\": {\"dispatch_microseconds\"");
    ASSERT_NE(ours, std::string::npos);
    auto number_after = [&](const std::string& key, std::size_t from) {
        const std::size_t at = json.find("\"" + key + "\": ", from);
        EXPECT_NE(at, std::string::npos) << key << " in " << json;
        return at == std::string::npos ? -1.0 : std::atof(json.c_str() + at + key.size() + 4);
    };
    const double us = static_cast<double>(cycles) / (model().clock_ghz * 1000.0);
    EXPECT_DOUBLE_EQ(number_after("dispatch_microseconds", ours), model().program_dispatch_us);
    EXPECT_NEAR(number_after("with_dispatch_microseconds", ours), us + model().program_dispatch_us, 1e-3);
    EXPECT_NEAR(number_after("microseconds", json.find("\"modeled\"", ours)), us, 1e-3);
    const double bytes = 8.0 * page;
    EXPECT_EQ(number_after("to_device_bytes", ours), bytes);
    const std::size_t totals = json.find("\"host_transfers\"");
    ASSERT_NE(totals, std::string::npos);
    EXPECT_EQ(number_after("from_device_bytes", totals), bytes);
    EXPECT_NEAR(number_after("from_device_microseconds", totals), bytes / (model().host_link_gbps * 1e3), 1e-6);
}
