// Faults inside kernels end the program with a message naming kernel, core and line, within the
// watchdog's few seconds: livelocks (with or without API calls), fatal signals, exit() and abort(),
// reads past a buffer's end into the next buffer, deadlocks reported by group, and tt-run's host
// program dying with tt-run.
#include <dirent.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "test_util.hpp"

using namespace ttemu_test;

namespace {
const std::uint32_t kTile = 2048;

class Fault : public Emu {
protected:
    static void SetUpTestSuite() { GTEST_FLAG_SET(death_test_style, "threadsafe"); }
    // One data-movement kernel (RISCV_1) on core (1,2), semaphore 0 and CB c_0 there.
    void run_dm(const std::string& name, const std::string& src, std::vector<std::uint32_t> args = {},
                std::vector<std::uint32_t> ct = {}) {
        Program p = CreateProgram();
        cb(p, core, CBIndex::c_0, 2);
        CreateSemaphore(p, CoreRange(core), 0);
        auto k = CreateKernel(p, kernel_file(name, src), core, reader_cfg(ct));
        SetRuntimeArgs(p, k, core, args);
        run(p);
    }
    const CoreCoord core{1, 2};
};
}  // namespace

TEST_F(Fault, LivelockCallingTheApiWithoutProgress) {
    // A barrier with nothing in flight changes nothing: calling it forever is a livelock, reported
    // after the default 4 s.
    EXPECT_EXIT(
        {
            unsetenv("TTEMU_WATCHDOG");
            run_dm("barrier_loop.cpp", R"(#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    while (true) {
        noc_async_read_barrier();
    }
}
)");
        },
        ::testing::ExitedWithCode(124),
        "livelock: kernel .*barrier_loop.cpp \\(data movement RISCV_1/NCRISC\\) on core \\(1,2\\) ran 4 s making [0-9]+ kernel API calls "
        "that changed nothing.*last kernel API call at .*barrier_loop.cpp:4");
}

TEST_F(Fault, LivelockSpinningOnL1) {
    EXPECT_EXIT(
        {
            setenv("TTEMU_WATCHDOG", "1", 1);
            run_dm("spin.cpp", R"(#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    volatile uint32_t* flag = reinterpret_cast<volatile uint32_t*>(get_semaphore(0));
    while (*flag == 0) {
    }
}
)");
        },
        ::testing::ExitedWithCode(124),
        "livelock: kernel .*spin.cpp \\(data movement RISCV_1/NCRISC\\) on core \\(1,2\\) ran 1 s without blocking or calling the kernel "
        "API.*spin.cpp:3");
}

TEST_F(Fault, IntegerDivisionByZeroNamesTheLine) {
    EXPECT_EXIT(
        run_dm("divide.cpp", R"(#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    volatile uint32_t divisor = get_arg_val<uint32_t>(0);
    volatile uint32_t quotient = 100u / divisor;
    (void)quotient;
}
)",
               {0}),
        ::testing::KilledBySignal(SIGFPE),
        "kernel .*divide.cpp \\(data movement RISCV_1/NCRISC\\) on core \\(1,2\\) crashed with SIGFPE \\(arithmetic error.*last kernel API "
        "call at .*divide.cpp:3\n  faulting instruction: .*divide.cpp:4");
}

TEST_F(Fault, AbortIsReported) {
    EXPECT_EXIT(run_dm("abort.cpp", R"(#include "api/dataflow/dataflow_api.h"
#include <cstdlib>
void kernel_main() {
    (void)get_arg_val<uint32_t>(0);
    std::abort();
}
)",
                       {1}),
                ::testing::KilledBySignal(SIGABRT),
                "kernel .*abort.cpp \\(data movement RISCV_1/NCRISC\\) on core \\(1,2\\) crashed with SIGABRT \\(abort\\(\\) or a failed "
                "assert\\); last kernel API call at .*abort.cpp:4\n  faulting instruction: .*abort.cpp:5");
}

TEST_F(Fault, TrapIsReported) {
    EXPECT_EXIT(run_dm("trap.cpp", R"(#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    if (get_arg_val<uint32_t>(0) == 1) __builtin_trap();
}
)",
                       {1}),
                ::testing::KilledBySignal(SIGILL),
                "kernel .*trap.cpp \\(data movement RISCV_1/NCRISC\\) on core \\(1,2\\) crashed with SIGILL.*faulting instruction: "
                ".*trap.cpp:3");
}

TEST_F(Fault, ExitInAKernelIsAnError) {
    // exit(0) would end the host program with status 0 and skip its result check.
    EXPECT_EXIT(run_dm("exit.cpp", R"(#include "api/dataflow/dataflow_api.h"
#include <cstdlib>
void kernel_main() {
    (void)get_arg_val<uint32_t>(0);
    std::exit(0);
}
)",
                       {1}),
                ::testing::ExitedWithCode(70),
                "kernel .*exit.cpp \\(data movement RISCV_1/NCRISC\\) on core \\(1,2\\) called exit\\(\\); kernels must return from "
                "kernel_main; last kernel API call at .*exit.cpp:4");
}

TEST_F(Fault, PageIndexPastTheBufferEndIsCaughtBeforeTheNextBuffer) {
    // Page 4 of a 4-page buffer is a real address: the first page of the buffer allocated next.
    auto a = dram(4 * kTile, kTile);
    auto next = dram(4 * kTile, kTile);
    std::vector<std::uint32_t> ct;
    TensorAccessorArgs(*a).append_to(ct);
    expect_error(
        [&] {
            run_dm("past_end.cpp", R"(#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    constexpr auto args = TensorAccessorArgs<0>();
    const auto a = TensorAccessor(args, get_arg_val<uint32_t>(0));
    cb_reserve_back(tt::CBIndex::c_0, 1);
    noc_async_read_page(12, a, get_write_ptr(tt::CBIndex::c_0));
    noc_async_read_barrier();
    cb_push_back(tt::CBIndex::c_0, 1);
}
)",
                   {static_cast<std::uint32_t>(a->address())}, ct);
        },
        {"page 12 of the buffer at DRAM address", "holds 4 pages", "past_end.cpp:6", "core (1,2)"});
}

TEST_F(Fault, DeadlockReportGroupsCoresAndNamesTheProbableCause) {
    // On 64 cores the compute kernel pops one page and finishes; the writer waits for a second.
    const char* compute = R"(#include "api/compute/common.h"
void kernel_main() {
    cb_reserve_back(tt::CBIndex::c_16, 1);
    cb_push_back(tt::CBIndex::c_16, 1);
}
)";
    const char* writer = R"(#include "api/dataflow/dataflow_api.h"
void kernel_main() {
    cb_wait_front(tt::CBIndex::c_16, 2);
    cb_pop_front(tt::CBIndex::c_16, 2);
}
)";
    const CoreRange all({0, 0}, {7, 7});
    Program p = CreateProgram();
    cb(p, all, CBIndex::c_16, 2);
    CreateKernel(p, kernel_file("compute.cpp", compute), all, ComputeConfig{});
    CreateKernel(p, kernel_file("writer.cpp", writer), all, writer_cfg());
    std::string msg = expect_error(
        [&] { run(p); },
        {"deadlock: all 64 live kernel instances are blocked, in 1 state",
         "probable cause: ", "compute.cpp (compute) has finished, so nothing will push to c_16 again, while ",
         "writer.cpp (data movement RISCV_0/BRISC) still waits in cb_wait_front(c_16, 2) (on cores (0,0)-(7,7))",
         "64 x ", "writer.cpp:3: cb_wait_front(c_16, 2): 1 of 2 pages available", "on cores (0,0)-(7,7)"});
    // One line per state, not one per core.
    EXPECT_LT(std::count(msg.begin(), msg.end(), '\n'), 6) << msg;
}

namespace {
// Processes whose executable lies under `dir`.
std::vector<pid_t> processes_under(const std::string& dir) {
    std::vector<pid_t> found;
    DIR* proc = opendir("/proc");
    while (dirent* e = proc ? readdir(proc) : nullptr) {
        char* end = nullptr;
        long pid = std::strtol(e->d_name, &end, 10);
        if (*end || pid <= 0) continue;
        char exe[4096];
        ssize_t n = readlink(("/proc/" + std::string(e->d_name) + "/exe").c_str(), exe, sizeof exe - 1);
        if (n > 0 && std::string(exe, static_cast<std::size_t>(n)).rfind(dir, 0) == 0) found.push_back(pid);
    }
    if (proc) closedir(proc);
    return found;
}
}  // namespace

TEST(TtRun, HostProgramDiesWithTtRun) {
    const std::string cache = std::string(TTEMU_TEST_WORK_DIR) + "/spin-cache-" + std::to_string(getpid());
    pid_t tt_run = fork();
    ASSERT_GE(tt_run, 0);
    if (tt_run == 0) {
        setenv("TTEMU_CACHE_DIR", cache.c_str(), 1);
        setenv("TTEMU_WATCHDOG", "0", 1);
        const std::string dir = std::string(TTEMU_TEST_SOURCE_DIR) + "/spin_program";
        execl(TTEMU_TT_RUN, TTEMU_TT_RUN, dir.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    // Wait for the host program (built into the cache) to be running.
    std::vector<pid_t> hosts;
    for (int i = 0; i < 1200 && hosts.empty(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        hosts = processes_under(cache + "/hosts/");
    }
    ASSERT_FALSE(hosts.empty()) << "the spinning host program never started";
    kill(tt_run, SIGKILL);
    int status = 0;
    waitpid(tt_run, &status, 0);
    for (int i = 0; i < 50 && !processes_under(cache + "/hosts/").empty(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    EXPECT_TRUE(processes_under(cache + "/hosts/").empty()) << "the host program outlived tt-run";
    for (pid_t pid : processes_under(cache + "/hosts/")) kill(pid, SIGKILL);
    std::system(("rm -rf '" + cache + "'").c_str());
}
