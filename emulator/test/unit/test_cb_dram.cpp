// Circular-buffer semantics, DRAM interleaving, L1 addressing, determinism, kernel cache.
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "internal.hpp"
#include "test_util.hpp"

using namespace ttemu_test;

// Producer writes sequence numbers straight into CB pages through get_write_ptr (direct L1 access);
// consumer checks order and forwards them to DRAM. CB of 2 pages, 20 pages streamed.
static const char* kProducer = R"(
#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    const uint32_t n = get_arg_val<uint32_t>(0);
    for (uint32_t i = 0; i < n; ++i) {
        cb_reserve_back(tt::CBIndex::c_0, 1);
        volatile uint32_t* p = reinterpret_cast<volatile uint32_t*>(get_write_ptr(tt::CBIndex::c_0));
        p[0] = 1000 + i;
        p[1] = my_x[0] * 100 + my_y[0];
        cb_push_back(tt::CBIndex::c_0, 1);
    }
}
)";
static const char* kConsumer = R"(
#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    const uint32_t out = get_arg_val<uint32_t>(0);
    const uint32_t n = get_arg_val<uint32_t>(1);
    constexpr auto args = TensorAccessorArgs<0>();
    const auto acc = TensorAccessor(args, out);
    for (uint32_t i = 0; i < n; ++i) {
        cb_wait_front(tt::CBIndex::c_0, 1);
        noc_async_write_page(i, acc, get_read_ptr(tt::CBIndex::c_0));
        noc_async_write_barrier();
        cb_pop_front(tt::CBIndex::c_0, 1);
    }
}
)";

TEST_F(Emu, CircularBufferStreamsInOrderThroughTwoPages) {
    const std::uint32_t n = 20, page = tile_size(DataFormat::Float16_b);
    auto out = dram(n * page, page);
    Program p = CreateProgram();
    const CoreCoord core(2, 3);
    cb(p, core, CBIndex::c_0, 2);
    auto prod = CreateKernel(p, kernel_file("producer.cpp", kProducer), core, writer_cfg());
    std::vector<std::uint32_t> ct;
    TensorAccessorArgs(*out).append_to(ct);
    auto cons = CreateKernel(p, kernel_file("consumer.cpp", kConsumer), core, reader_cfg(ct));
    SetRuntimeArgs(p, prod, core, {n});
    SetRuntimeArgs(p, cons, core, {static_cast<std::uint32_t>(out->address()), n});
    run(p);
    auto v = read<std::uint32_t>(out);
    const CoreCoord noc = dev->worker_core_from_logical_core(core);
    EXPECT_NE(noc, core);  // NoC coordinates differ from logical ones
    for (std::uint32_t i = 0; i < n; ++i) {
        EXPECT_EQ(v[i * page / 4], 1000 + i);
        EXPECT_EQ(v[i * page / 4 + 1], noc.x * 100 + noc.y);
    }
}

TEST_F(Emu, DramInterleavingTwelveBanks) {
    ASSERT_EQ(dev->num_dram_channels(), 12u);
    const std::uint32_t page = 100, pages = 30;  // page 100 B -> aligned to 128 B (32-byte DRAM alignment)
    auto b = dram(page * pages, page);
    std::vector<std::uint8_t> host(page * pages);
    for (std::size_t i = 0; i < host.size(); ++i) host[i] = static_cast<std::uint8_t>(i / page);
    write(b, host);
    const auto& impl = *b->ttemu_impl();
    EXPECT_EQ(impl.aligned_page, 128u);
    for (std::uint32_t i = 0; i < pages; ++i) {
        const auto& bank = impl.bank_data[i % 12];
        const std::size_t off = static_cast<std::size_t>(i / 12) * 128;
        EXPECT_EQ(bank[off], i) << "page " << i << " not in bank " << i % 12 << " at " << off;
        EXPECT_EQ(bank[off + page - 1], i);
    }
    EXPECT_EQ(impl.pages_in_bank(0), 3u);   // pages 0, 12, 24
    EXPECT_EQ(impl.pages_in_bank(5), 3u);   // 5, 17, 29
    EXPECT_EQ(impl.pages_in_bank(6), 2u);   // 6, 18
    EXPECT_EQ(b->address() % 32, 0u);
    auto b2 = dram(page * pages, page);
    EXPECT_GE(b2->address(), b->address() + 3 * 128);  // same address in every bank, no overlap
    EXPECT_EQ(read<std::uint8_t>(b), host);
}

// A kernel reads interleaved pages by explicit bank id and offset and compares with the accessor.
static const char* kBankReader = R"(
#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    const uint32_t src = get_arg_val<uint32_t>(0);
    const uint32_t n = get_arg_val<uint32_t>(1);
    const uint32_t banks = get_arg_val<uint32_t>(2);
    constexpr auto args = TensorAccessorArgs<0>();
    const auto acc = TensorAccessor(args, src);
    bool ok = true;
    for (uint32_t i = 0; i < n; ++i) {
        uint64_t a = get_noc_addr_from_bank_id<true>(i % banks, src + (i / banks) * args.aligned_page_size);
        if (a != acc.get_noc_addr(i)) ok = false;
    }
    if (!ok) return;
    cb_reserve_back(tt::CBIndex::c_0, 1);
    noc_async_read_page(n - 1, acc, get_write_ptr(tt::CBIndex::c_0));
    noc_async_read_barrier();
    cb_push_back(tt::CBIndex::c_0, 1);
    cb_wait_front(tt::CBIndex::c_0, 1);
    noc_async_write_page(0, acc, get_read_ptr(tt::CBIndex::c_0));
    noc_async_write_barrier();
    cb_pop_front(tt::CBIndex::c_0, 1);
}
)";

TEST_F(Emu, KernelSeesInterleavedAddresses) {
    const std::uint32_t page = 2048, n = 27;
    auto b = dram(page * n, page);
    std::vector<std::uint32_t> host(page / 4 * n);
    for (std::size_t i = 0; i < host.size(); ++i) host[i] = static_cast<std::uint32_t>(i);
    write(b, host);
    Program p = CreateProgram();
    cb(p, CoreCoord(0, 0), CBIndex::c_0, 1);
    std::vector<std::uint32_t> ct;
    TensorAccessorArgs(*b).append_to(ct);
    auto k = CreateKernel(p, kernel_file("bank_reader.cpp", kBankReader), CoreCoord(0, 0), reader_cfg(ct));
    SetRuntimeArgs(p, k, CoreCoord(0, 0), {static_cast<std::uint32_t>(b->address()), n, 12});
    run(p);
    auto v = read<std::uint32_t>(b);
    for (std::uint32_t j = 0; j < page / 4; ++j) EXPECT_EQ(v[j], (n - 1) * (page / 4) + j);
}

TEST(Blackhole, GridAndBanks) {
    setenv("TTEMU_ARCH", "blackhole", 1);
    auto dev = MeshDevice::create_unit_mesh(0);
    unsetenv("TTEMU_ARCH");
    EXPECT_EQ(dev->compute_with_storage_grid_size(), CoreCoord(11, 10));
    EXPECT_EQ(dev->num_dram_channels(), 8u);
    EXPECT_EQ(dev->arch(), ARCH::BLACKHOLE);
    auto b = MeshBuffer::create(distributed::ReplicatedBufferConfig{.size = 20 * 64},
                                distributed::DeviceLocalBufferConfig{.page_size = 64, .buffer_type = BufferType::DRAM},
                                dev.get());
    EXPECT_EQ(b->ttemu_impl()->pages_in_bank(3), 3u);  // 3, 11, 19
    EXPECT_EQ(b->ttemu_impl()->pages_in_bank(4), 2u);
    dev->close();
}

TEST_F(Emu, DeterministicAcrossRuns) {
    // the same program twice: same output bits and the same counters
    const std::string json = std::string(TTEMU_TEST_WORK_DIR) + "/stats-determinism.json";
    setenv("TTEMU_STATS_JSON", json.c_str(), 1);
    std::vector<std::string> outs, stats;
    for (int rep = 0; rep < 2; ++rep) {
        const std::uint32_t page = tile_size(DataFormat::Float16_b), n = 16;
        auto out = dram(n * page, page);
        Program p = CreateProgram();
        CoreRange cores(CoreCoord(0, 0), CoreCoord(3, 1));
        cb(p, cores, CBIndex::c_0, 2);
        std::vector<std::uint32_t> ct;
        TensorAccessorArgs(*out).append_to(ct);
        auto prod = CreateKernel(p, kernel_file("producer.cpp", kProducer), cores, writer_cfg());
        auto cons = CreateKernel(p, kernel_file("consumer.cpp", kConsumer), CoreCoord(0, 0), reader_cfg(ct));
        for (const auto& c : cores) SetRuntimeArgs(p, prod, c, {c == CoreCoord(0, 0) ? n : 0u});
        SetRuntimeArgs(p, cons, CoreCoord(0, 0), {static_cast<std::uint32_t>(out->address()), n});
        run(p);
        auto v = read<std::uint8_t>(out);
        outs.emplace_back(v.begin(), v.end());
        std::ifstream f(json);
        std::stringstream ss;
        ss << f.rdbuf();
        std::string s = ss.str();
        auto last = s.rfind("{\"program\"");
        std::string prog = s.substr(last);
        // drop the program number, wall times, cache counters and buffer ids, which legitimately differ,
        // and the host side (the transfers since the previous program include the first run's read)
        prog = prog.substr(prog.find("\"noc\""));
        const std::size_t host = prog.find("\"host\": {"), modeled = prog.find("\"modeled\": {");
        ASSERT_NE(host, std::string::npos);
        ASSERT_NE(modeled, std::string::npos);
        prog = prog.substr(0, host) + prog.substr(modeled, prog.find("\n],\n\"host_transfers\"") - modeled);
        stats.push_back(prog);
    }
    unsetenv("TTEMU_STATS_JSON");
    EXPECT_EQ(outs[0], outs[1]);
    EXPECT_EQ(stats[0], stats[1]);
}

TEST_F(Emu, KernelCompileCacheHitsAndJsonCounters) {
    const std::string json = std::string(TTEMU_TEST_WORK_DIR) + "/stats-cache.json";
    setenv("TTEMU_STATS_JSON", json.c_str(), 1);
    for (int rep = 0; rep < 2; ++rep) {
        const std::uint32_t page = tile_size(DataFormat::Float16_b), n = 4;
        auto out = dram(n * page, page);
        Program p = CreateProgram();
        cb(p, CoreCoord(1, 1), CBIndex::c_0, 2);
        std::vector<std::uint32_t> ct;
        TensorAccessorArgs(*out).append_to(ct);
        auto prod = CreateKernel(p, kernel_file("producer.cpp", kProducer), CoreCoord(1, 1), writer_cfg());
        auto cons = CreateKernel(p, kernel_file("consumer.cpp", kConsumer), CoreCoord(1, 1), reader_cfg(ct));
        SetRuntimeArgs(p, prod, CoreCoord(1, 1), {n});
        SetRuntimeArgs(p, cons, CoreCoord(1, 1), {static_cast<std::uint32_t>(out->address()), n});
        run(p);
    }
    unsetenv("TTEMU_STATS_JSON");
    std::ifstream f(json);
    std::stringstream ss;
    ss << f.rdbuf();
    std::string s = ss.str();
    auto second = s.rfind("{\"program\"");
    ASSERT_NE(second, std::string::npos);
    EXPECT_NE(s.find("\"kernel_compile_cache\": {\"hits\": 2, \"misses\": 0}", second), std::string::npos) << s;
    EXPECT_NE(s.find("\"unicast_writes\": 4", second), std::string::npos);
    EXPECT_NE(s.find("\"written_bytes\": 8192", second), std::string::npos);
    EXPECT_NE(s.find("\"peak_pages\": 2, \"capacity_pages\": 2", second), std::string::npos);
}
