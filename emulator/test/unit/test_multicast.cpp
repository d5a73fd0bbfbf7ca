// Multicast writes and semaphores: core (0,0) multicasts a tile to cores (1..3, 0).
#include <fstream>
#include <sstream>

#include "test_util.hpp"

using namespace ttemu_test;

static const char* kSender = R"(
#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    const uint32_t src = get_arg_val<uint32_t>(0);
    const uint32_t sx = get_arg_val<uint32_t>(1), sy = get_arg_val<uint32_t>(2);
    const uint32_t ex = get_arg_val<uint32_t>(3), ey = get_arg_val<uint32_t>(4);
    const uint32_t num_dests = get_arg_val<uint32_t>(5);
    const uint32_t num_receivers = get_arg_val<uint32_t>(6);
    constexpr auto args = TensorAccessorArgs<0>();
    const auto s = TensorAccessor(args, src);
    volatile tt_l1_ptr uint32_t* sender_sem = reinterpret_cast<volatile tt_l1_ptr uint32_t*>(get_semaphore(0));
    const uint32_t receiver_sem_addr = get_semaphore(1);
    volatile tt_l1_ptr uint32_t* receiver_sem = reinterpret_cast<volatile tt_l1_ptr uint32_t*>(receiver_sem_addr);

    cb_reserve_back(tt::CBIndex::c_0, 1);
    const uint32_t l1 = get_write_ptr(tt::CBIndex::c_0);
    noc_async_read_page(0, s, l1);
    noc_async_read_barrier();
    noc_semaphore_wait(sender_sem, num_receivers);   // every receiver has reserved space
    noc_semaphore_set(sender_sem, 0);
    noc_async_write_multicast(l1, get_noc_multicast_addr(sx, sy, ex, ey, l1), args.aligned_page_size, num_dests);
    *receiver_sem = 1;                           // VALID, set through a direct L1 pointer
    noc_semaphore_set_multicast(receiver_sem_addr, get_noc_multicast_addr(sx, sy, ex, ey, receiver_sem_addr), num_dests);
    noc_async_write_barrier();
    cb_push_back(tt::CBIndex::c_0, 1);
}
)";
static const char* kReceiver = R"(
#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    const uint32_t sender_x = get_arg_val<uint32_t>(0), sender_y = get_arg_val<uint32_t>(1);
    volatile tt_l1_ptr uint32_t* receiver_sem = reinterpret_cast<volatile tt_l1_ptr uint32_t*>(get_semaphore(1));
    cb_reserve_back(tt::CBIndex::c_0, 1);
    noc_semaphore_set(receiver_sem, 0);
    noc_semaphore_inc(get_noc_addr(sender_x, sender_y, get_semaphore(0)), 1);
    noc_semaphore_wait(receiver_sem, 1);
    cb_push_back(tt::CBIndex::c_0, 1);
}
)";
static const char* kWriter = R"(
#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    constexpr auto args = TensorAccessorArgs<0>();
    const auto out = TensorAccessor(args, get_arg_val<uint32_t>(0));
    cb_wait_front(tt::CBIndex::c_0, 1);
    noc_async_write_page(get_arg_val<uint32_t>(1), out, get_read_ptr(tt::CBIndex::c_0));
    noc_async_write_barrier();
    cb_pop_front(tt::CBIndex::c_0, 1);
}
)";

class Mcast : public Emu {
protected:
    // Builds and runs the program; rect_from_x = first x of the multicast rectangle.
    std::vector<std::uint32_t> run_mcast(std::uint32_t rect_from_x, std::uint32_t num_dests) {
        const std::uint32_t tile = tile_size(DataFormat::Float16_b);
        auto src = dram(tile, tile), out = dram(4 * tile, tile);
        std::vector<std::uint32_t> host(tile / 4);
        for (std::size_t i = 0; i < host.size(); ++i) host[i] = 0x5000 + static_cast<std::uint32_t>(i);
        write(src, host);
        Program p = CreateProgram();
        CoreRange all(CoreCoord(0, 0), CoreCoord(3, 0)), receivers(CoreCoord(1, 0), CoreCoord(3, 0));
        cb(p, all, CBIndex::c_0, 1);
        CreateSemaphore(p, all, 0);
        CreateSemaphore(p, all, 0);
        std::vector<std::uint32_t> sct, wct;
        TensorAccessorArgs(*src).append_to(sct);
        TensorAccessorArgs(*out).append_to(wct);
        auto sender = CreateKernel(p, kernel_file("sender.cpp", kSender), CoreCoord(0, 0), reader_cfg(sct));
        auto receiver = CreateKernel(p, kernel_file("receiver.cpp", kReceiver), receivers, reader_cfg());
        auto writer = CreateKernel(p, kernel_file("writer.cpp", kWriter), all, writer_cfg(wct));
        const CoreCoord s = dev->worker_core_from_logical_core(CoreCoord(0, 0));
        const CoreCoord a = dev->worker_core_from_logical_core(CoreCoord(rect_from_x, 0));
        const CoreCoord b = dev->worker_core_from_logical_core(CoreCoord(3, 0));
        SetRuntimeArgs(p, sender, CoreCoord(0, 0),
                       {static_cast<std::uint32_t>(src->address()), static_cast<std::uint32_t>(a.x),
                        static_cast<std::uint32_t>(a.y), static_cast<std::uint32_t>(b.x),
                        static_cast<std::uint32_t>(b.y), num_dests, 3});
        SetRuntimeArgs(p, receiver, receivers, {static_cast<std::uint32_t>(s.x), static_cast<std::uint32_t>(s.y)});
        for (std::uint32_t x = 0; x < 4; ++x)
            SetRuntimeArgs(p, writer, CoreCoord(x, 0), {static_cast<std::uint32_t>(out->address()), x});
        run(p);
        return read<std::uint32_t>(out);
    }
};

TEST_F(Mcast, TileReachesEveryReceiver) {
    const std::string json = std::string(TTEMU_TEST_WORK_DIR) + "/stats-mcast.json";
    setenv("TTEMU_STATS_JSON", json.c_str(), 1);
    auto v = run_mcast(1, 3);
    unsetenv("TTEMU_STATS_JSON");
    for (std::uint32_t core = 0; core < 4; ++core)
        for (std::uint32_t i = 0; i < 512; ++i) ASSERT_EQ(v[core * 512 + i], 0x5000 + i) << "core " << core;
    std::ifstream f(json);
    std::stringstream ss;
    ss << f.rdbuf();
    const std::string s = ss.str();
    EXPECT_NE(s.find("\"multicast_writes\": 1, \"multicast_write_bytes\": 2048, \"multicast_destinations\": 3"),
              std::string::npos) << s;
    EXPECT_NE(s.find("\"semaphore_incs\": 3, \"semaphore_multicasts\": 1"), std::string::npos) << s;
    EXPECT_NE(s.find("\"read_bytes\": 2048"), std::string::npos) << s;  // the source tile is read from DRAM once
}

TEST_F(Mcast, NumDestsMustMatchTheRectangle) {
    // rectangle (0..3, 0) contains the sender; without loopback it has 3 destinations, not 4
    expect_error([&] { run_mcast(0, 4); },
                 {"noc_async_write_multicast", "num_dests is 4", "holds 3 destination cores",
                  "excluding the sender", "sender.cpp"});
}
