// Every emulator error is raised with a precise message, never a hang.
#include <cstdio>
#include <cstdlib>
#include <sys/wait.h>

#include "test_util.hpp"

using namespace ttemu_test;

namespace {
const std::uint32_t kTile = 2048;

// Runs one data-movement kernel (RISCV_1) with CB c_0 (pages tiles) on core (1,2); optional DRAM buffer arg.
class Err : public Emu {
protected:
    void run_dm(const std::string& name, const std::string& src, std::uint32_t pages = 2,
                std::vector<std::uint32_t> args = {}, std::vector<std::uint32_t> ct = {}) {
        Program p = CreateProgram();
        cb(p, core, CBIndex::c_0, pages);
        auto k = CreateKernel(p, kernel_file(name, src), core, reader_cfg(ct));
        SetRuntimeArgs(p, k, core, args);
        run(p);
    }
    const CoreCoord core{1, 2};
};
}  // namespace

TEST_F(Err, DeadlockListsEveryBlockedKernel) {
    // reader waits for c_1 that nobody fills, compute waits for c_0 that the reader never pushes
    const char* reader = R"(#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    cb_wait_front(tt::CBIndex::c_1, 1);
    cb_reserve_back(tt::CBIndex::c_0, 1);
    cb_push_back(tt::CBIndex::c_0, 1);
}
)";
    const char* compute = R"(#include "api/compute/common.h"
void kernel_main() {
    cb_wait_front(tt::CBIndex::c_0, 1);
    cb_pop_front(tt::CBIndex::c_0, 1);
}
)";
    Program p = CreateProgram();
    cb(p, core, CBIndex::c_0, 2);
    cb(p, core, CBIndex::c_1, 2);
    CreateKernel(p, kernel_file("reader.cpp", reader), core, reader_cfg());
    CreateKernel(p, kernel_file("compute.cpp", compute), core, ComputeConfig{});
    std::string msg = expect_error([&] { run(p); },
                                   {"deadlock", "all 2 live kernel instances are blocked", "core (1,2)", "reader.cpp",
                                    "RISCV_1", "compute.cpp (compute)", "cb_wait_front(c_1, 1): 0 of 2 pages",
                                    "cb_wait_front(c_0, 1)", "reader.cpp:3", "compute.cpp:3"});
}

TEST_F(Err, SemaphoreDeadlockNamesTheSemaphore) {
    const char* k = R"(#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    volatile uint32_t* s = reinterpret_cast<volatile uint32_t*>(get_semaphore(0));
    noc_semaphore_wait(s, 5);
}
)";
    Program p = CreateProgram();
    CreateSemaphore(p, CoreRange(core), 2);
    auto h = CreateKernel(p, kernel_file("sem.cpp", k), core, reader_cfg());
    (void)h;
    expect_error([&] { run(p); }, {"deadlock", "noc_semaphore_wait(semaphore at L1 0x10000, 5): value is 2", "sem.cpp:4"});
}

TEST_F(Err, PushMoreThanReserved) {
    expect_error([&] {
        run_dm("push.cpp", R"(#include "api/dataflow/dataflow_api.h"
void kernel_main() { cb_reserve_back(tt::CBIndex::c_0, 1); cb_push_back(tt::CBIndex::c_0, 2); }
)");
    }, {"cb_push_back", "pushing 2 pages of c_0 but only 1 are reserved", "core (1,2)", "push.cpp"});
}

TEST_F(Err, PopMoreThanWaited) {
    expect_error([&] {
        run_dm("pop.cpp", R"(#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    cb_reserve_back(tt::CBIndex::c_0, 2); cb_push_back(tt::CBIndex::c_0, 2);
    cb_wait_front(tt::CBIndex::c_0, 1); cb_pop_front(tt::CBIndex::c_0, 2);
}
)");
    }, {"cb_pop_front", "popping 2 pages of c_0 but only 1 were waited", "pop.cpp:4"});
}

TEST_F(Err, ReserveLargerThanCB) {
    expect_error([&] {
        run_dm("big.cpp", R"(#include "api/dataflow/dataflow_api.h"
void kernel_main() { cb_reserve_back(tt::CBIndex::c_0, 3); }
)");
    }, {"cb_reserve_back", "reserving 3 pages of c_0, which holds only 2 pages"});
}

TEST_F(Err, ReserveOpenAtKernelExit) {
    expect_error([&] {
        run_dm("open.cpp", R"(#include "api/dataflow/dataflow_api.h"
void kernel_main() { cb_reserve_back(tt::CBIndex::c_0, 1); }
)");
    }, {"kernel exit", "cb_reserve_back(c_0) left 1 reserved pages open", "core (1,2)", "open.cpp"});
}

TEST_F(Err, WaitOpenAtKernelExit) {
    expect_error([&] {
        run_dm("open_wait.cpp", R"(#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    cb_reserve_back(tt::CBIndex::c_0, 1); cb_push_back(tt::CBIndex::c_0, 1);
    cb_wait_front(tt::CBIndex::c_0, 1);
}
)");
    }, {"kernel exit", "cb_wait_front(c_0) left 1 waited pages open"});
}

// An idle CB (no pages in it, no window open) may serve as scratch L1, as tt-metal's own
// hello_world_datatypes_kernel uses c_0: a warning on stderr, not an error.
TEST_F(Err, IdleCBAsScratchIsAllowed) {
    const char* werror = std::getenv("TTEMU_WERROR");
    const std::string saved = werror ? werror : "";
    unsetenv("TTEMU_WERROR");
    auto b = dram(4 * kTile, kTile);
    std::vector<std::uint32_t> ct;
    TensorAccessorArgs(*b).append_to(ct);
    testing::internal::CaptureStderr();
    EXPECT_NO_THROW(run_dm("scratch.cpp", R"(#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    constexpr auto args = TensorAccessorArgs<0>();
    const auto a = TensorAccessor(args, get_arg_val<uint32_t>(0));
    cb_reserve_back(tt::CBIndex::c_0, 0);
    noc_async_read_page(0, a, get_write_ptr(tt::CBIndex::c_0));
    noc_async_read_barrier();
}
)", 2, {static_cast<std::uint32_t>(b->address())}, ct));
    const std::string err = testing::internal::GetCapturedStderr();
    EXPECT_NE(err.find("uses idle c_0 on core (1,2) as scratch L1"), std::string::npos) << err;
    // With TTEMU_WERROR the same kernel is an error.
    setenv("TTEMU_WERROR", "1", 1);
    expect_error([&] {
        run_dm("scratch.cpp", R"(#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    constexpr auto args = TensorAccessorArgs<0>();
    const auto a = TensorAccessor(args, get_arg_val<uint32_t>(0));
    cb_reserve_back(tt::CBIndex::c_0, 0);
    noc_async_read_page(0, a, get_write_ptr(tt::CBIndex::c_0));
    noc_async_read_barrier();
}
)", 2, {static_cast<std::uint32_t>(b->address())}, ct);
    }, {"uses idle c_0", "TTEMU_WERROR", "scratch.cpp:6"});
    if (saved.empty())
        unsetenv("TTEMU_WERROR");
    else
        setenv("TTEMU_WERROR", saved.c_str(), 1);
}

TEST_F(Err, WriteOutsideReservedWindow) {
    auto b = dram(4 * kTile, kTile);
    std::vector<std::uint32_t> ct;
    TensorAccessorArgs(*b).append_to(ct);
    // reads into the CB without reserving first, while it holds a page for its consumer
    expect_error([&] {
        run_dm("window.cpp", R"(#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    constexpr auto args = TensorAccessorArgs<0>();
    const auto a = TensorAccessor(args, get_arg_val<uint32_t>(0));
    cb_reserve_back(tt::CBIndex::c_0, 1);
    cb_push_back(tt::CBIndex::c_0, 1);
    noc_async_read_page(0, a, get_write_ptr(tt::CBIndex::c_0));
}
)", 2, {static_cast<std::uint32_t>(b->address())}, ct);
    }, {"noc_async_read", "touches c_0", "outside its reserved window (0 pages", "window.cpp:7"});
    // reads two pages into a one-page reservation
    expect_error([&] {
        run_dm("window2.cpp", R"(#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    constexpr auto args = TensorAccessorArgs<0>();
    const auto a = TensorAccessor(args, get_arg_val<uint32_t>(0));
    cb_reserve_back(tt::CBIndex::c_0, 1);
    noc_async_read_page(0, a, get_write_ptr(tt::CBIndex::c_0) + a.page_size);
}
)", 2, {static_cast<std::uint32_t>(b->address())}, ct);
    }, {"outside its reserved window (1 pages"});
}

TEST_F(Err, MissingReadBarrierIsCaught) {
    auto b = dram(4 * kTile, kTile);
    std::vector<std::uint32_t> ct;
    TensorAccessorArgs(*b).append_to(ct);
    expect_error([&] {
        run_dm("nobarrier.cpp", R"(#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    constexpr auto args = TensorAccessorArgs<0>();
    const auto a = TensorAccessor(args, get_arg_val<uint32_t>(0));
    cb_reserve_back(tt::CBIndex::c_0, 1);
    noc_async_read_page(1, a, get_write_ptr(tt::CBIndex::c_0));
    cb_push_back(tt::CBIndex::c_0, 1);
}
)", 2, {static_cast<std::uint32_t>(b->address())}, ct);
    }, {"cb_push_back", "noc_async_read_barrier()", "nobarrier.cpp:7"});
}

TEST_F(Err, StrictModeHidesReadDataUntilBarrier) {
    // the kernel looks at the data before the barrier: it must still see the old L1 contents
    auto b = dram(4 * kTile, kTile);
    auto out = dram(4 * kTile, kTile);
    std::vector<std::uint32_t> host(4 * kTile / 4, 0xabcd1234u);
    write(b, host);
    std::vector<std::uint32_t> ct;
    TensorAccessorArgs(*b).append_to(ct);
    run_dm("strict.cpp", R"(#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    constexpr auto args = TensorAccessorArgs<0>();
    const auto a = TensorAccessor(args, get_arg_val<uint32_t>(0));
    const auto o = TensorAccessor(args, get_arg_val<uint32_t>(1));
    cb_reserve_back(tt::CBIndex::c_0, 2);
    volatile uint32_t* p = reinterpret_cast<volatile uint32_t*>(get_write_ptr(tt::CBIndex::c_0));
    p[0] = 7;
    noc_async_read_page(0, a, get_write_ptr(tt::CBIndex::c_0));
    const uint32_t before = p[0];
    noc_async_read_barrier();
    const uint32_t after = p[0];
    p[512] = before;
    p[513] = after;
    cb_push_back(tt::CBIndex::c_0, 2);
    cb_wait_front(tt::CBIndex::c_0, 2);
    noc_async_write_page(0, o, get_read_ptr(tt::CBIndex::c_0) + 2048);
    noc_async_write_barrier();
    cb_pop_front(tt::CBIndex::c_0, 2);
}
)", 2, {static_cast<std::uint32_t>(b->address()), static_cast<std::uint32_t>(out->address())}, ct);
    auto v = read<std::uint32_t>(out);
    EXPECT_EQ(v[0], 7u);            // not visible before the barrier
    EXPECT_EQ(v[1], 0xabcd1234u);   // visible after it
}

TEST_F(Err, PopBeforeWriteBarrier) {
    auto b = dram(4 * kTile, kTile);
    std::vector<std::uint32_t> ct;
    TensorAccessorArgs(*b).append_to(ct);
    expect_error([&] {
        run_dm("nowb.cpp", R"(#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    constexpr auto args = TensorAccessorArgs<0>();
    const auto a = TensorAccessor(args, get_arg_val<uint32_t>(0));
    cb_reserve_back(tt::CBIndex::c_0, 1); cb_push_back(tt::CBIndex::c_0, 1);
    cb_wait_front(tt::CBIndex::c_0, 1);
    noc_async_write_page(0, a, get_read_ptr(tt::CBIndex::c_0));
    cb_pop_front(tt::CBIndex::c_0, 1);
}
)", 2, {static_cast<std::uint32_t>(b->address())}, ct);
    }, {"cb_pop_front", "noc_async_write_barrier()"});
}

TEST_F(Err, DramAccessOutsideBuffer) {
    // A raw bank address (no accessor to check the page against): the transfer itself is checked.
    auto b = dram(4 * kTile, kTile);
    std::vector<std::uint32_t> ct;
    TensorAccessorArgs(*b).append_to(ct);
    expect_error([&] {
        run_dm("oob.cpp", R"(#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    constexpr auto args = TensorAccessorArgs<0>();
    const uint64_t page4 = get_noc_addr_from_bank_id<true>(4, get_arg_val<uint32_t>(0));
    cb_reserve_back(tt::CBIndex::c_0, 1);
    noc_async_read(page4, get_write_ptr(tt::CBIndex::c_0), 2048);
    noc_async_read_barrier();
    cb_push_back(tt::CBIndex::c_0, 1);
}
)", 2, {static_cast<std::uint32_t>(b->address())}, ct);
    }, {"noc_async_read", "reads DRAM bank 4", "outside every allocated buffer", "holds 0 pages", "oob.cpp:6"});
}

TEST_F(Err, L1AccessOutsideL1) {
    expect_error([&] {
        run_dm("l1oob.cpp", R"(#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    cb_reserve_back(tt::CBIndex::c_0, 1);
    noc_async_write(get_write_ptr(tt::CBIndex::c_0), get_noc_addr(my_x[0], my_y[0], 0x170000), 64);
}
)");
    }, {"noc_async_write", "is outside L1"});
}

TEST_F(Err, LogicalCoordinatesAreRejected) {
    expect_error([&] {
        run_dm("logical.cpp", R"(#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    cb_reserve_back(tt::CBIndex::c_0, 1);
    noc_async_write(get_write_ptr(tt::CBIndex::c_0), get_noc_addr(1, 2, get_write_ptr(tt::CBIndex::c_0)), 64);
}
)");
    }, {"NoC coordinates (1,2) are neither a worker core", "worker_core_from_logical_core"});
}

TEST_F(Err, DstIndexOutOfRange) {
    const char* k = R"(#include "api/compute/compute_kernel_hw_startup.h"
#include "api/compute/matmul.h"
void kernel_main() {
    compute_kernel_hw_startup(tt::CBIndex::c_0, tt::CBIndex::c_0, tt::CBIndex::c_0);
    matmul_init(tt::CBIndex::c_0, tt::CBIndex::c_0);
    tile_regs_acquire();
    matmul_tiles(tt::CBIndex::c_0, tt::CBIndex::c_0, 0, 0, get_arg_val<uint32_t>(0));
}
)";
    for (bool fp32 : {false, true}) {
        Program p = CreateProgram();
        cb(p, core, CBIndex::c_0, 2);
        auto h = CreateKernel(p, kernel_file("dst.cpp", k), core, ComputeConfig{.fp32_dest_acc_en = fp32});
        SetRuntimeArgs(p, h, core, {fp32 ? 4u : 8u});
        expect_error([&] { run(p); }, {"matmul_tiles", fp32 ? "DST index 4 out of range: DST holds 4 tiles"
                                                           : "DST index 8 out of range: DST holds 8 tiles",
                                       "half-sync", "dst.cpp:7"});
    }
}

TEST_F(Err, TransposeNeedsItsInit) {
    // After copy_tile_to_dst_init_short (no transpose) the unpacker copies; transpose_wh_tile
    // needs transpose_wh_init_short.
    const char* k = R"(#include "api/compute/compute_kernel_hw_startup.h"
#include "api/compute/tile_move_copy.h"
#include "api/compute/transpose_wh.h"
void kernel_main() {
    compute_kernel_hw_startup<SrcOrder::Reverse>(tt::CBIndex::c_0, tt::CBIndex::c_0, tt::CBIndex::c_0);
    copy_tile_to_dst_init_short(tt::CBIndex::c_0);
    tile_regs_acquire();
    transpose_wh_tile(tt::CBIndex::c_0, 0, 0);
}
)";
    Program p = CreateProgram();
    cb(p, core, CBIndex::c_0, 2);
    CreateKernel(p, kernel_file("transpose.cpp", k), core, ComputeConfig{});
    expect_error([&] { run(p); }, {"transpose_wh_tile", "transpose_wh_init_short(cb) (or transpose_wh_init) must be "
                                   "called before transpose_wh_tile", "transpose.cpp:8"});
}

TEST_F(Err, MatmulNeedsInitAndWaitedTiles) {
    const char* k = R"(#include "api/compute/matmul.h"
void kernel_main() {
    tile_regs_acquire();
    matmul_tiles(tt::CBIndex::c_0, tt::CBIndex::c_0, 0, 0, 0);
}
)";
    Program p = CreateProgram();
    cb(p, core, CBIndex::c_0, 2);
    CreateKernel(p, kernel_file("noinit.cpp", k), core, ComputeConfig{});
    expect_error([&] { run(p); }, {"compute_kernel_hw_startup and matmul_init must be called before matmul_tiles"});

    const char* k2 = R"(#include "api/compute/compute_kernel_hw_startup.h"
#include "api/compute/matmul.h"
void kernel_main() {
    compute_kernel_hw_startup<SrcOrder::Reverse>(tt::CBIndex::c_0, tt::CBIndex::c_0, tt::CBIndex::c_0);
    matmul_init(tt::CBIndex::c_0, tt::CBIndex::c_0);
    tile_regs_acquire();
    matmul_tiles(tt::CBIndex::c_0, tt::CBIndex::c_0, 0, 0, 0);
}
)";
    Program p2 = CreateProgram();
    cb(p2, core, CBIndex::c_0, 2);
    CreateKernel(p2, kernel_file("nowait.cpp", k2), core, ComputeConfig{});
    expect_error([&] { run(p2); }, {"reads tile 0 of c_0 but only 0 tiles are waited"});
}

// Bfp2_b CBs can be declared (tt-metal has them) but the compute model does not unpack them.
TEST_F(Err, ComputeOnAnUnsupportedFormatIsAnError) {
    const char* k = R"(#include "api/compute/compute_kernel_hw_startup.h"
#include "api/compute/matmul.h"
void kernel_main() {
    compute_kernel_hw_startup(tt::CBIndex::c_0, tt::CBIndex::c_0, tt::CBIndex::c_0);
    matmul_init(tt::CBIndex::c_0, tt::CBIndex::c_0);
}
)";
    Program p = CreateProgram();
    cb(p, core, CBIndex::c_0, 2, DataFormat::Bfp2_b);
    CreateKernel(p, kernel_file("bfp2.cpp", k), core, ComputeConfig{});
    expect_error([&] { run(p); }, {"Bfp2_b", "does not support (use Float16_b, Float32, Bfp8_b or Bfp4_b)"});
}

TEST_F(Err, CompileErrorNamesKernelAndCompilerMessage) {
    Program p = CreateProgram();
    std::string path = kernel_file("broken.cpp", "#include \"api/dataflow/dataflow_api.h\"\nvoid kernel_main() { int x = ; }\n");
    CreateKernel(p, path, core, reader_cfg());
    expect_error([&] { run(p); }, {"kernel compile failed: " + path, "broken.cpp:2", "error"});
}

TEST_F(Err, CompileTimeArgOutOfRangeIsACompileError) {
    Program p = CreateProgram();
    std::string path = kernel_file("ctarg.cpp", R"(#include "api/dataflow/dataflow_api.h"
void kernel_main() { constexpr uint32_t v = get_compile_time_arg_val(2); (void)v; }
)");
    CreateKernel(p, path, core, reader_cfg({1, 2}));
    expect_error([&] { run(p); }, {"kernel compile failed", "index beyond the kernel's compile-time args"});
}

TEST_F(Err, RuntimeArgLimits) {
    Program p = CreateProgram();
    auto k = CreateKernel(p, kernel_file("args.cpp", R"(#include "api/dataflow/dataflow_api.h"
void kernel_main() { (void)get_arg_val<uint32_t>(3); }
)"), core, reader_cfg());
    expect_error([&] { SetRuntimeArgs(p, k, core, std::vector<std::uint32_t>(342, 0)); },
                 {"342 runtime args", "limit of 341"});
    SetRuntimeArgs(p, k, core, {1, 2});
    expect_error([&] { run(p); }, {"get_arg_val", "index 3 but only 2 runtime args"});
}

TEST_F(Err, UncaughtErrorInHostProgramExitsNonZero) {
    // a program directory whose reader deadlocks, run through tt-run
    std::string cmd = std::string(TTEMU_TT_RUN) + " " + TTEMU_TEST_SOURCE_DIR + "/deadlock_program 2>&1";
    FILE* f = popen(cmd.c_str(), "r");
    ASSERT_NE(f, nullptr);
    std::string out;
    char buf[512];
    while (fgets(buf, sizeof buf, f)) out += buf;
    int status = pclose(f);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_NE(WEXITSTATUS(status), 0);
    EXPECT_NE(out.find("ttemu error: deadlock"), std::string::npos) << out;
    EXPECT_NE(out.find("reader.cpp"), std::string::npos) << out;
}
