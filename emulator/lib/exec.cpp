// Program execution: cooperative fibers on one thread, deterministic round-robin scheduling,
// deadlock detection, the L1 window, and the per-program counters.
#include <dlfcn.h>
#include <execinfo.h>
#include <signal.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

#include "exec.hpp"
#include <ttemu/timing.hpp>

#if !defined(__x86_64__)
#include <ucontext.h>
#endif

namespace ttemu {

std::uint64_t g_epoch = 0;  // bumped by every state change another instance could be waiting for

DstRegisters::DstRegisters() {
    void* p = mmap(nullptr, kTiles * kTileFloats * sizeof(float), PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw Error("ttemu: cannot allocate the DST registers of a compute kernel");
    tiles_ = static_cast<float*>(p);
}

DstRegisters::~DstRegisters() { munmap(tiles_, kTiles * kTileFloats * sizeof(float)); }

void DstRegisters::clear(std::size_t count) {
    std::memset(tiles_, 0, std::min(count, touched_) * kTileFloats * sizeof(float));
    if (touched_ <= count) touched_ = 0;
}

// ============================================================ context switching
#if defined(__x86_64__)
extern "C" void ttemu_ctx_switch(void** save_sp, void* load_sp);
extern "C" void ttemu_fiber_trampoline();
asm(R"(
    .text
    .globl ttemu_ctx_switch
    .hidden ttemu_ctx_switch
    .type ttemu_ctx_switch,@function
ttemu_ctx_switch:
    pushq %rbp
    pushq %rbx
    pushq %r12
    pushq %r13
    pushq %r14
    pushq %r15
    subq $8, %rsp
    stmxcsr (%rsp)
    fnstcw 4(%rsp)
    movq %rsp, (%rdi)
    movq %rsi, %rsp
    ldmxcsr (%rsp)
    fldcw 4(%rsp)
    addq $8, %rsp
    popq %r15
    popq %r14
    popq %r13
    popq %r12
    popq %rbx
    popq %rbp
    ret
    .size ttemu_ctx_switch,.-ttemu_ctx_switch

    .globl ttemu_fiber_trampoline
    .hidden ttemu_fiber_trampoline
    .type ttemu_fiber_trampoline,@function
ttemu_fiber_trampoline:
    movq %r12, %rdi
    callq *%r13
    ud2
    .size ttemu_fiber_trampoline,.-ttemu_fiber_trampoline
)");
#endif

namespace {
void* g_sched_sp = nullptr;
#if !defined(__x86_64__)
ucontext_t g_sched_uc;
std::unordered_map<Instance*, ucontext_t> g_uc;
Instance* g_uc_next = nullptr;  // the instance being switched to (the entry reads it on first run)
void fiber_main(void* arg);
void uc_entry() { fiber_main(g_uc_next); }
#endif
std::size_t g_guard = 0;
LaunchState* g_launch = nullptr;
volatile std::uint64_t g_switches = 0;

std::size_t stack_bytes() {
    static std::size_t sz = [] {
        const char* v = std::getenv("TTEMU_STACK_KB");
        std::size_t kb = v ? std::strtoul(v, nullptr, 10) : 0;
        return (kb ? kb : 256) * 1024;
    }();
    return sz;
}

void fiber_main(void* arg);

void fiber_create(Instance& inst) {
    g_guard = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
    const std::size_t size = stack_bytes();
    void* p = mmap(nullptr, size + g_guard, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) throw Error("ttemu: cannot allocate a kernel stack");
    mprotect(p, g_guard, PROT_NONE);
    inst.fiber.stack = p;
    inst.fiber.stack_size = size + g_guard;
#if defined(__x86_64__)
    auto top = (reinterpret_cast<std::uintptr_t>(p) + size + g_guard) & ~std::uintptr_t(15);
    auto* sp = reinterpret_cast<std::uint64_t*>(top);
    *--sp = reinterpret_cast<std::uint64_t>(&ttemu_fiber_trampoline);  // return address
    *--sp = 0;                                                          // rbp
    *--sp = 0;                                                          // rbx
    *--sp = reinterpret_cast<std::uint64_t>(&inst);                    // r12: argument
    *--sp = reinterpret_cast<std::uint64_t>(&fiber_main);              // r13: function
    *--sp = 0;                                                          // r14
    *--sp = 0;                                                          // r15
    *--sp = 0x037F00001F80ull;                                          // mxcsr | x87 control word << 32
    inst.fiber.sp = sp;
#else
    ucontext_t& uc = g_uc[&inst];
    getcontext(&uc);
    uc.uc_stack.ss_sp = static_cast<char*>(p) + g_guard;
    uc.uc_stack.ss_size = size;
    uc.uc_link = nullptr;
    makecontext(&uc, &uc_entry, 0);
#endif
}

void fiber_destroy(Instance& inst) {
    if (inst.fiber.stack) munmap(inst.fiber.stack, inst.fiber.stack_size);
    inst.fiber.stack = nullptr;
}

void switch_to(Instance& inst) {
    g_switches = g_switches + 1;  // read by the watchdog signal handler
#if defined(__x86_64__)
    ttemu_ctx_switch(&g_sched_sp, inst.fiber.sp);
#else
    g_uc_next = &inst;
    swapcontext(&g_sched_uc, &g_uc[&inst]);
#endif
}

void switch_to_scheduler(Instance& inst) {
#if defined(__x86_64__)
    ttemu_ctx_switch(&inst.fiber.sp, g_sched_sp);
#else
    swapcontext(&g_uc[&inst], &g_sched_uc);
#endif
}

void fiber_main(void* arg) {
    Instance& inst = *static_cast<Instance*>(arg);
    try {
        inst.entry();
        kernel_exit_checks(inst);
        inst.state = Instance::State::Done;
    } catch (const Error&) {
        inst.error = std::current_exception();
        inst.state = Instance::State::Failed;
    } catch (const std::exception& e) {
        inst.error = std::make_exception_ptr(
            Error("kernel " + instance_str(inst) + " raised an exception: " + e.what()));
        inst.state = Instance::State::Failed;
    } catch (...) {
        inst.error = std::make_exception_ptr(Error("kernel " + instance_str(inst) + " raised an unknown exception"));
        inst.state = Instance::State::Failed;
    }
    ++g_epoch;
    switch_to_scheduler(inst);
    std::abort();  // never resumed
}

// ============================================================ L1 window
DeviceImpl* g_win_dev = nullptr;
std::uintptr_t g_win_lo = 0, g_win_hi = 0;
int g_win_core = -1;
bool g_win_reserved = false;
bool g_handlers = false;
struct sigaction g_old_alrm;

void window_reset() {
    if (g_win_core < 0) return;
    mmap(reinterpret_cast<void*>(g_win_lo), g_win_hi - g_win_lo, PROT_NONE,
         MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_NORESERVE, -1, 0);
    g_win_core = -1;
}

// The source line, in the kernel, of the faulting instruction: `pc` when it lies in the kernel's
// shared object, else the innermost kernel frame of the stack (abort() faults inside libc).
// Printed by addr2line from the kernel's line tables. Not async-signal-safe (dladdr, backtrace),
// which is acceptable: the process is dying.
void print_fault_line(const Instance& inst, std::uintptr_t pc) {
    Dl_info kernel{}, at{};
    if (!dladdr(reinterpret_cast<void*>(inst.entry), &kernel) || !kernel.dli_fname) return;
    auto in_kernel = [&](std::uintptr_t a) {
        return a && dladdr(reinterpret_cast<void*>(a), &at) && at.dli_fbase == kernel.dli_fbase;
    };
    if (!in_kernel(pc)) {
        void* frames[64];
        const int n = backtrace(frames, 64);
        pc = 0;
        for (int i = 0; i < n && !pc; ++i)
            if (in_kernel(reinterpret_cast<std::uintptr_t>(frames[i])))
                pc = reinterpret_cast<std::uintptr_t>(frames[i]) - 1;  // the call, not the return address
        if (!pc) return;
    }
    char offset[32];
    std::snprintf(offset, sizeof offset, "%#zx",
                  static_cast<std::size_t>(pc - reinterpret_cast<std::uintptr_t>(kernel.dli_fbase)));
    static const char prefix[] = "  faulting instruction: ";
    (void)!write(2, prefix, sizeof prefix - 1);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(2, 1);
        execlp("addr2line", "addr2line", "-e", kernel.dli_fname, "-f", "-C", "-p", offset, static_cast<char*>(nullptr));
        static const char none[] = "(addr2line not found)\n";
        (void)!write(2, none, sizeof none - 1);
        _exit(127);
    }
    if (pid > 0) {
        int status = 0;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
    }
}

const char* signal_meaning(int sig) {
    switch (sig) {
        case SIGSEGV: return "SIGSEGV (invalid memory access)";
        case SIGBUS: return "SIGBUS (misaligned or unmapped memory access)";
        case SIGFPE: return "SIGFPE (arithmetic error: integer division by zero or overflow)";
        case SIGILL: return "SIGILL (illegal instruction: __builtin_trap or unreachable code)";
        case SIGABRT: return "SIGABRT (abort() or a failed assert)";
        case SIGTRAP: return "SIGTRAP (breakpoint trap)";
    }
    return "a fatal signal";
}

constexpr int kFatalSignals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP};
struct sigaction g_old_fatal[sizeof kFatalSignals / sizeof kFatalSignals[0]];

void fault_handler(int sig, siginfo_t* si, void* uctx) {
    const auto a = reinterpret_cast<std::uintptr_t>(si->si_addr);
    Instance* inst = g_cur;
    if ((sig == SIGSEGV || sig == SIGBUS) && inst && g_win_reserved && g_win_dev && a >= g_win_lo && a < g_win_hi &&
        g_win_core != static_cast<int>(inst->core->index)) {
        void* p = mmap(reinterpret_cast<void*>(g_win_lo), g_win_hi - g_win_lo, PROT_READ | PROT_WRITE,
                       MAP_SHARED | MAP_FIXED, g_win_dev->memfd,
                       static_cast<off_t>(inst->core->index * g_win_dev->l1_stride + g_win_lo));
        if (p != MAP_FAILED) {
            g_win_core = static_cast<int>(inst->core->index);
            return;
        }
    }
    if (inst) {
        char buf[1024];
        char where[160] = "";
        if (sig == SIGSEGV || sig == SIGBUS) {
            const char* why = "";
            auto stack = reinterpret_cast<std::uintptr_t>(inst->fiber.stack);
            if (a >= stack && a < stack + g_guard + 4096)
                why = " (kernel stack overflow: raise TTEMU_STACK_KB)";
            else if (g_win_dev && a < g_win_dev->arch.l1_size)
                why = " (an L1 address below the kernel-accessible range)";
            else if (a < 0x100000000ull)
                why = " (outside L1: the address is beyond the core's L1 size)";
            std::snprintf(where, sizeof where, " accessing address %p%s", si->si_addr, why);
        }
        int n = std::snprintf(buf, sizeof buf,
                              "ttemu error: kernel %s (%s) on core (%zu,%zu) crashed with %s%s; last kernel API call "
                              "at %s:%d\n",
                              inst->kernel->path.c_str(), inst->kernel->role().c_str(), inst->core->logical.x,
                              inst->core->logical.y, signal_meaning(sig), where, inst->file ? inst->file : "?",
                              inst->line);
        if (n > 0) (void)!write(2, buf, static_cast<std::size_t>(std::min<int>(n, sizeof buf - 1)));
#if defined(__x86_64__)
        if (uctx) print_fault_line(*inst, static_cast<std::uintptr_t>(static_cast<ucontext_t*>(uctx)->uc_mcontext.gregs[REG_RIP]));
#endif
    }
    // Back to the previous disposition; returning re-raises (the faulting instruction runs again,
    // abort() raises again), so the process ends with the signal as before.
    for (std::size_t i = 0; i < sizeof kFatalSignals / sizeof kFatalSignals[0]; ++i)
        if (kFatalSignals[i] == sig) sigaction(sig, &g_old_fatal[i], nullptr);
    (void)uctx;
}

// exit() called by a kernel would end the host program with the kernel's status and skip the
// host's result check: report it and fail instead.
void exit_in_kernel() {
    Instance* inst = g_cur;
    if (!inst) return;
    char buf[1024];
    int n = std::snprintf(buf, sizeof buf,
                          "ttemu error: kernel %s (%s) on core (%zu,%zu) called exit(); kernels must return from "
                          "kernel_main; last kernel API call at %s:%d\n",
                          inst->kernel->path.c_str(), inst->kernel->role().c_str(), inst->core->logical.x,
                          inst->core->logical.y, inst->file ? inst->file : "?", inst->line);
    if (n > 0) (void)!write(2, buf, static_cast<std::size_t>(std::min<int>(n, sizeof buf - 1)));
    _exit(70);
}

// Watchdog: a running kernel that changes nothing another kernel could see (no CB page, NoC
// transfer, semaphore or kernel end: g_epoch) and never blocks (g_switches) for TTEMU_WATCHDOG
// seconds is livelocked, whether it spins on an L1 value or calls the API in a loop that does
// nothing (a barrier with nothing in flight).
std::uint64_t g_api_calls = 0, g_wd_last = 0, g_wd_api_at_start = 0;
int g_wd_idle = 0, g_wd_limit = 4;
void alarm_handler(int, siginfo_t*, void*) {
    std::uint64_t now = g_epoch + g_switches;
    if (g_cur && now == g_wd_last) {
        if (g_wd_idle == 0) g_wd_api_at_start = g_api_calls;
        if (++g_wd_idle >= g_wd_limit) {
            char buf[1024];
            const std::uint64_t calls = g_api_calls - g_wd_api_at_start;
            char what[256];
            if (calls == 0)
                std::snprintf(what, sizeof what,
                              "without blocking or calling the kernel API (spinning on an L1 value? use "
                              "noc_semaphore_wait)");
            else
                std::snprintf(what, sizeof what,
                              "making %llu kernel API calls that changed nothing another kernel can see (a barrier "
                              "with nothing in flight, a poll that never succeeds?)",
                              static_cast<unsigned long long>(calls));
            int n = std::snprintf(buf, sizeof buf,
                                  "ttemu error: livelock: kernel %s (%s) on core (%zu,%zu) ran %d s %s; last kernel "
                                  "API call at %s:%d (TTEMU_WATCHDOG sets the limit in seconds, 0 turns it off)\n",
                                  g_cur->kernel->path.c_str(), g_cur->kernel->role().c_str(), g_cur->core->logical.x,
                                  g_cur->core->logical.y, g_wd_idle, what, g_cur->file ? g_cur->file : "?",
                                  g_cur->line);
            if (n > 0) (void)!write(2, buf, static_cast<std::size_t>(std::min<int>(n, sizeof buf - 1)));
            _exit(124);
        }
    } else {
        g_wd_idle = 0;
    }
    g_wd_last = now;
}

void install_handlers() {
    if (g_handlers) return;
    g_handlers = true;
    static std::vector<char> altstack(64 * 1024);
    stack_t ss{};
    ss.ss_sp = altstack.data();
    ss.ss_size = altstack.size();
    sigaltstack(&ss, nullptr);
    struct sigaction sa {};
    sa.sa_sigaction = fault_handler;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    for (std::size_t i = 0; i < sizeof kFatalSignals / sizeof kFatalSignals[0]; ++i)
        sigaction(kFatalSignals[i], &sa, &g_old_fatal[i]);
    std::atexit(exit_in_kernel);
}

void watchdog(bool on) {
    static bool enabled = [] {
        const char* v = std::getenv("TTEMU_WATCHDOG");
        if (v && *v) g_wd_limit = std::atoi(v);
        return g_wd_limit > 0;
    }();
    if (!enabled) return;
    if (on) {
        struct sigaction sa {};
        sa.sa_sigaction = alarm_handler;
        sa.sa_flags = SA_SIGINFO | SA_RESTART | SA_ONSTACK;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGALRM, &sa, &g_old_alrm);
        g_wd_idle = 0;
        itimerval t{{1, 0}, {1, 0}};
        setitimer(ITIMER_REAL, &t, nullptr);
    } else {
        itimerval t{};
        setitimer(ITIMER_REAL, &t, nullptr);
        sigaction(SIGALRM, &g_old_alrm, nullptr);
    }
}
}  // namespace

void l1_window_attach(DeviceImpl* dev) {
    install_handlers();
    if (!g_win_reserved) {
        long page = sysconf(_SC_PAGESIZE);
        std::uintptr_t lo = static_cast<std::uintptr_t>(page);
        std::ifstream f("/proc/sys/vm/mmap_min_addr");
        unsigned long min_addr = 0;
        if (f >> min_addr) lo = std::max<std::uintptr_t>(lo, min_addr);
        lo = (lo + page - 1) / page * page;
        std::uintptr_t hi = dev->arch.l1_size;
        if (lo < hi) {
            void* p = mmap(reinterpret_cast<void*>(lo), hi - lo, PROT_NONE,
                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0);
            if (p == reinterpret_cast<void*>(lo)) {
                g_win_reserved = true;
                g_win_lo = lo;
                g_win_hi = hi;
            } else if (p != MAP_FAILED) {
                munmap(p, hi - lo);
            }
        }
    }
    if (g_win_dev != dev) window_reset();
    g_win_dev = dev;
    g_win_core = -1;
}

void l1_window_detach(DeviceImpl* dev) {
    if (g_win_dev != dev) return;
    window_reset();
    g_win_dev = nullptr;
}

// ============================================================ instance helpers
Instance* g_cur = nullptr;

std::string instance_str(const Instance& inst) {
    return inst.kernel->path + " (" + inst.kernel->role() + ") on core " + core_str(inst.core->logical) + " [NoC " +
           core_str(inst.core->noc) + "]";
}

void note_loc(const char* file, int line) {
    g_cur->file = file;
    g_cur->line = line;
    ++g_api_calls;
}

void kfail(const char* op, const std::string& msg) {
    std::string s = std::string(op) + ": " + msg;
    if (g_cur) {
        s += "\n  in kernel " + instance_str(*g_cur);
        if (g_cur->file) s += "\n  at " + std::string(g_cur->file) + ":" + std::to_string(g_cur->line);
    }
    throw Error(s);
}

void kwarn(const char* op, const std::string& msg) {
    const char* werror = std::getenv("TTEMU_WERROR");
    if (werror && *werror && std::string(werror) != "0")
        kfail(op, msg + " (an error because TTEMU_WERROR is set)");
    // Once per kernel source and message: a loop repeating the slip says it once.
    static std::set<std::string> said;
    const std::string key = (g_cur ? g_cur->kernel->path : std::string()) + "\n" + op + msg;
    if (!said.insert(key).second) return;
    std::string s = std::string("ttemu warning: ") + op + ": " + msg;
    if (g_cur) {
        s += "\n  in kernel " + instance_str(*g_cur);
        if (g_cur->file) s += "\n  at " + std::string(g_cur->file) + ":" + std::to_string(g_cur->line);
    }
    std::fprintf(stderr, "%s\n", s.c_str());
}

bool wait_ready(const Wait& w) {
    switch (w.kind) {
        case WaitKind::None: return true;
        case WaitKind::CbSpace: return w.cb->num_pages - w.cb->occupancy() >= w.n;
        case WaitKind::CbData: return w.cb->occupancy() >= w.n;
        case WaitKind::Sem: return w.at_least ? *w.sem >= w.value : *w.sem == w.value;
    }
    return true;
}

void block_on(const Wait& w) {
    Instance& inst = *g_cur;
    inst.wait = w;
    inst.state = Instance::State::Blocked;
    switch_to_scheduler(inst);
    inst.wait = Wait{};
}

namespace {
bool runnable(const Instance& in) {
    if (in.state == Instance::State::Done || in.state == Instance::State::Failed) return false;
    return in.state != Instance::State::Blocked || wait_ready(in.wait);
}

// The virtual time a runnable instance resumes at: its clock, or the time of the push, pop or
// semaphore update that releases its wait.
std::uint64_t wake_time(const Instance& in) {
    if (in.state != Instance::State::Blocked) return in.clock;
    const Wait& w = in.wait;
    std::uint64_t t = in.clock;
    switch (w.kind) {
        case WaitKind::CbData:
            if (w.n) t = std::max(t, w.cb->push_ts[(w.cb->rd_page + w.n - 1) % w.cb->num_pages]);
            break;
        case WaitKind::CbSpace:
            if (w.n) t = std::max(t, w.cb->pop_ts[(w.cb->wr_page + w.n - 1) % w.cb->num_pages]);
            break;
        case WaitKind::Sem: {
            auto it = in.launch->sem_ts.find(sem_key(*in.core, w.sem_addr));
            if (it != in.launch->sem_ts.end()) t = std::max(t, it->second);
            break;
        }
        case WaitKind::None: break;
    }
    return t;
}
}  // namespace

std::uint64_t earliest_other_wake(const Instance& self) {
    std::uint64_t best = UINT64_MAX;
    for (auto& ip : self.launch->instances)
        if (ip.get() != &self && runnable(*ip)) best = std::min(best, wake_time(*ip));
    return best;
}

void yield_in_time() {
    Instance& inst = *g_cur;
    // Cheap tests first: most instances are not runnable or not earlier.
    bool earlier = false;
    for (auto& ip : inst.launch->instances) {
        const Instance& o = *ip;
        if (&o == &inst || o.clock >= inst.clock || !runnable(o)) continue;
        if (wake_time(o) < inst.clock) {
            earlier = true;
            break;
        }
    }
    if (!earlier) return;
    inst.state = Instance::State::Ready;
    switch_to_scheduler(inst);
}

void record_stall(Instance& inst, std::uint64_t from, const char* op, int cb) {
    if (inst.clock <= from) return;
    const std::string what = cb < 0 ? std::string(op) : std::string(op) + "(" + cb_str(cb) + ")";
    const bool pack = inst.cs && inst.cs->thread == ComputeState::Thread::Pack;
    (pack ? inst.pack_stalls : inst.stalls)[what] += inst.clock - from;
    inst.launch->span(from, inst.clock - from, inst.core->index, inst.trace_tid, what, "wait");
}

static std::string wait_str(const Instance& inst) {
    const Wait& w = inst.wait;
    switch (w.kind) {
        case WaitKind::CbSpace:
            return "cb_reserve_back(" + cb_str(w.cb->index) + ", " + std::to_string(w.n) + "): CB full, " +
                   std::to_string(w.cb->occupancy()) + " of " + std::to_string(w.cb->num_pages) +
                   " pages occupied (waiting for the consumer" +
                   (w.cb->consumer ? " " + w.cb->consumer->kernel->name : std::string()) + " to pop)";
        case WaitKind::CbData:
            return "cb_wait_front(" + cb_str(w.cb->index) + ", " + std::to_string(w.n) + "): " +
                   std::to_string(w.cb->occupancy()) + " of " + std::to_string(w.cb->num_pages) +
                   " pages available (waiting for the producer" +
                   (w.cb->producer ? " " + w.cb->producer->kernel->name : std::string()) + " to push)";
        case WaitKind::Sem:
            return std::string(w.at_least ? "noc_semaphore_wait_min" : "noc_semaphore_wait") + "(semaphore at L1 " +
                   hex(w.sem_addr) + ", " + std::to_string(w.value) + "): value is " + std::to_string(*w.sem);
        case WaitKind::None: return "polling (cb_pages_available_at_front / cb_pages_reservable_at_back)";
    }
    return "?";
}

// "core (1,2)", "cores (0,0)-(7,7)" for a full rectangle, else the first few and a count.
static std::string cores_str(std::vector<CoreCoord> cores) {
    std::sort(cores.begin(), cores.end(), [](CoreCoord a, CoreCoord b) { return a.y != b.y ? a.y < b.y : a.x < b.x; });
    if (cores.size() == 1) return "core " + core_str(cores[0]);
    std::size_t x0 = cores[0].x, x1 = x0, y0 = cores[0].y, y1 = y0;
    for (CoreCoord c : cores) x0 = std::min(x0, c.x), x1 = std::max(x1, c.x), y0 = std::min(y0, c.y), y1 = std::max(y1, c.y);
    if ((x1 - x0 + 1) * (y1 - y0 + 1) == cores.size())
        return "cores " + core_str({x0, y0}) + "-" + core_str({x1, y1});
    std::string s = "cores";
    for (std::size_t i = 0; i < cores.size() && i < 6; ++i) s += (i ? ", " : " ") + core_str(cores[i]);
    if (cores.size() > 6) s += " and " + std::to_string(cores.size() - 6) + " more";
    return s;
}

static std::string instance_name(const Instance& in) { return in.kernel->path + " (" + in.kernel->role() + ")"; }

// Why a blocked instance can never resume, when the state says so: the kernel on its core that
// would push or pop the CB has finished (or no kernel there ever uses the other end).
static std::string probable_cause(const Instance& in) {
    const Wait& w = in.wait;
    if (w.kind != WaitKind::CbData && w.kind != WaitKind::CbSpace) return "";
    const bool data = w.kind == WaitKind::CbData;
    const Instance* other = data ? w.cb->producer : w.cb->consumer;
    const std::string cb = cb_str(w.cb->index);
    if (other && other->state == Instance::State::Done)
        return instance_name(*other) + " has finished, so nothing will " + (data ? "push to " : "pop from ") + cb +
               " again, while " + instance_name(in) + " still waits in " +
               (data ? "cb_wait_front(" : "cb_reserve_back(") + cb + ", " + std::to_string(w.n) + ")";
    if (!other) {
        std::string finished;
        for (const auto& ip : in.launch->instances)
            if (ip->core == in.core && ip.get() != &in && ip->state == Instance::State::Done)
                finished += (finished.empty() ? "" : ", ") + instance_name(*ip);
        return "no kernel on the core " + std::string(data ? "pushes to " : "pops from ") + cb + " (" +
               (finished.empty() ? "none of the others has reached it" : finished + " finished without doing so") +
               "), while " + instance_name(in) + " waits in " + (data ? "cb_wait_front(" : "cb_reserve_back(") + cb +
               ", " + std::to_string(w.n) + ")";
    }
    return "";
}

// The blocked instances grouped by what they wait for, largest group first, with the probable
// causes before them: 64 cores stuck the same way are one line, not 64.
static std::string deadlock_report(const LaunchState& L, std::size_t live) {
    std::vector<std::pair<std::string, std::vector<CoreCoord>>> groups, causes;
    auto add = [](std::vector<std::pair<std::string, std::vector<CoreCoord>>>& to, const std::string& key,
                  CoreCoord core) {
        for (auto& [k, cores] : to)
            if (k == key) return cores.push_back(core);
        to.push_back({key, {core}});
    };
    for (const auto& ip : L.instances) {
        const Instance& in = *ip;
        if (in.state != Instance::State::Blocked) continue;
        std::string what = instance_name(in);
        if (in.file) what += " at " + std::string(in.file) + ":" + std::to_string(in.line);
        add(groups, what + ": " + wait_str(in), in.core->logical);
        if (std::string cause = probable_cause(in); !cause.empty()) add(causes, cause, in.core->logical);
    }
    auto larger = [](const auto& a, const auto& b) { return a.second.size() > b.second.size(); };
    std::stable_sort(groups.begin(), groups.end(), larger);
    std::stable_sort(causes.begin(), causes.end(), larger);
    std::string msg = "deadlock: all " + std::to_string(live) + " live kernel instances are blocked, in " +
                      std::to_string(groups.size()) + (groups.size() == 1 ? " state" : " distinct states");
    for (const auto& [cause, cores] : causes) msg += "\n  probable cause: " + cause + " (on " + cores_str(cores) + ")";
    for (const auto& [what, cores] : groups)
        msg += "\n  " + std::to_string(cores.size()) + " x " + what + "\n      on " + cores_str(cores);
    return msg;
}

// ============================================================ counters
namespace {
ProgramTiming g_last_timing;
}  // namespace
const ProgramTiming& last_program_timing() { return g_last_timing; }
ProgramTiming& mutable_last_program_timing() { return g_last_timing; }

namespace {
std::vector<std::string> g_json_programs;

std::string json_str(const std::string& s) {
    std::string o = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\')
            o += '\\', o += c;
        else if (static_cast<unsigned char>(c) < 0x20) {
            char b[8];
            std::snprintf(b, sizeof b, "\\u%04x", c);
            o += b;
        } else
            o += c;
    }
    return o + "\"";
}

std::string mib(std::uint64_t b) {
    char buf[32];
    if (b >= 1024 * 1024)
        std::snprintf(buf, sizeof buf, "%.2f MiB", b / 1048576.0);
    else if (b >= 1024)
        std::snprintf(buf, sizeof buf, "%.1f KiB", b / 1024.0);
    else
        std::snprintf(buf, sizeof buf, "%llu B", static_cast<unsigned long long>(b));
    return buf;
}

// Chrome / Perfetto trace-event JSON: one process per core (and one for the DRAM banks), one
// thread per RISC (bank), complete events ("X") in microseconds of modeled time.
void write_trace(const LaunchState& L, std::uint32_t program_no) {
    std::string path = std::getenv("TTEMU_TRACE");
    // The first program's trace is the named file; later programs, and the devices of a mesh, get a suffix.
    std::string suffix;
    if (program_no > 1) suffix += "." + std::to_string(program_no);
    if (L.dev->in_larger_mesh())
        suffix += ".device" + std::to_string(L.dev->mesh_row) + "-" + std::to_string(L.dev->mesh_col);
    if (!suffix.empty()) {
        const std::size_t dot = path.rfind('.');
        path = dot == std::string::npos || path.find('/', dot) != std::string::npos
                   ? path + suffix
                   : path.substr(0, dot) + suffix + path.substr(dot);
    }
    std::ofstream f(path);
    if (!f) throw Error("TTEMU_TRACE: cannot write " + path);
    const double us_per_cycle = 1.0 / (L.dev->arch.clock_ghz * 1000.0);
    char num[64];
    auto us = [&](std::uint64_t cycles) {
        std::snprintf(num, sizeof num, "%.3f", cycles * us_per_cycle);
        return std::string(num);
    };
    f << "{\"displayTimeUnit\": \"ns\", \"otherData\": {\"device\": " << json_str(L.dev->arch.name)
      << ", \"time\": \"modeled\", \"truncated\": " << (L.trace_truncated ? "true" : "false")
      << "},\n\"traceEvents\": [";
    bool first = true;
    auto sep = [&] {
        f << (first ? "\n" : ",\n");
        first = false;
    };
    static const char* kRisc[] = {"BRISC (RISCV_0)", "NCRISC (RISCV_1)", "compute unpack/math", "compute pack"};
    std::set<std::uint32_t> cores;
    for (auto& ip : L.instances) {
        if (cores.insert(ip->core->index).second) {
            sep();
            f << "{\"ph\": \"M\", \"name\": \"process_name\", \"pid\": " << ip->core->index
              << ", \"args\": {\"name\": \"core " << ip->core->logical.x << "," << ip->core->logical.y << "\"}}";
            sep();
            f << "{\"ph\": \"M\", \"name\": \"process_sort_index\", \"pid\": " << ip->core->index
              << ", \"args\": {\"sort_index\": " << ip->core->index << "}}";
        }
        // A compute kernel has two tracks: unpack/math and pack.
        const int first_tid = ip->cs ? 2 : ip->trace_tid, last_tid = ip->cs ? 3 : ip->trace_tid;
        for (int tid = first_tid; tid <= last_tid; ++tid) {
            sep();
            f << "{\"ph\": \"M\", \"name\": \"thread_name\", \"pid\": " << ip->core->index << ", \"tid\": " << tid
              << ", \"args\": {\"name\": " << json_str(std::string(kRisc[tid]) + " " + ip->kernel->name) << "}}";
        }
    }
    sep();
    f << "{\"ph\": \"M\", \"name\": \"process_name\", \"pid\": " << kDramTrack
      << ", \"args\": {\"name\": \"DRAM banks\"}}";
    for (std::uint32_t b = 0; b < L.dev->arch.dram_banks; ++b) {
        sep();
        f << "{\"ph\": \"M\", \"name\": \"thread_name\", \"pid\": " << kDramTrack << ", \"tid\": " << b
          << ", \"args\": {\"name\": \"bank " << b << "\"}}";
    }
    for (const TraceEvent& e : L.trace) {
        sep();
        f << "{\"ph\": \"X\", \"name\": " << json_str(e.name) << ", \"cat\": \"" << e.cat << "\", \"ts\": "
          << us(e.ts) << ", \"dur\": " << us(e.dur) << ", \"pid\": " << e.pid << ", \"tid\": " << e.tid << "}";
    }
    f << "\n]}\n";
}

struct BufSnap {
    BufferImpl* b;
    std::uint64_t r0, w0;
};

void report(LaunchState& L, std::uint32_t program_no, double compile_s, double run_s, unsigned hits, unsigned misses,
            const std::vector<BufSnap>& snaps, DeviceRunReport* out) {
    const ArchSpec& A = L.dev->arch;
    std::uint64_t cycles = 0;
    for (auto& ip : L.instances)
        cycles = std::max({cycles, ip->clock, ip->reads_done_at, ip->writes_done_at});
    const double dram_bpc = A.dram_gbps / A.clock_ghz;
    const std::uint64_t dram_bound =
        static_cast<std::uint64_t>((L.noc.dram_read_bytes + L.noc.dram_write_bytes) / dram_bpc);
    // The modeled device time is the kernels' virtual time: DRAM banks, NoC ports, the matrix engine
    // and the CB handshakes are all in it. The bandwidth bound stays as a check on the model.
    const std::uint64_t est = cycles;
    std::uint64_t mm_total = 0, mm_max = 0, mm_min = UINT64_MAX;
    unsigned used_cores = 0;
    std::set<std::uint32_t> used;
    for (auto& ip : L.instances) used.insert(ip->core->index);
    for (auto idx : used) {
        auto& c = *L.cores[idx];
        mm_total += c.matmul_tiles;
        mm_max = std::max(mm_max, c.matmul_tiles);
        mm_min = std::min(mm_min, c.matmul_tiles);
        ++used_cores;
    }
    if (used.empty()) mm_min = 0;
    // Utilization as tt-metal's GEMM_FLOPS report defines it: ideal cycles (tile products x cycles
    // per product at the kernel's fidelity, spread over every core of the device) / modeled cycles.
    std::uint32_t fidelity_cycles = 0;
    for (auto& ip : L.instances)
        if (ip->cs) fidelity_cycles = std::max(fidelity_cycles, ip->cs->fidelity_cycles);
    const double ideal = static_cast<double>(mm_total) * fidelity_cycles / A.timing->cores();
    const double utilization = est ? ideal / static_cast<double>(est) : 0.0;
    // Where the time went, for the instance that finishes last and for each kernel.
    const Instance* last = nullptr;
    for (auto& ip : L.instances)
        if (!last || ip->clock > last->clock) last = ip.get();
    // The bottleneck: from the instance that finishes last, follow the waits that dominate its
    // time (a CB wait leads to the CB's producer, a reserve to its consumer) to the instance that
    // is busy; `chain` names who waits for whom.
    const Instance* critical = last;
    std::string chain;
    auto top_of = [](const std::map<std::string, std::uint64_t>& stalls, std::uint64_t& cycles) {
        const std::string* top = nullptr;
        cycles = 0;
        for (auto& [what, c] : stalls)
            if (c > cycles) top = &what, cycles = c;
        return top;
    };
    for (int hop = 0; critical && hop < 4; ++hop) {
        // A compute kernel's math thread that waits for the packer: the packer's wait decides.
        std::uint64_t top_cycles = 0;
        const std::string* top = top_of(critical->stalls, top_cycles);
        if (top && top->rfind("tile_regs_acquire", 0) == 0 && !critical->pack_stalls.empty())
            top = top_of(critical->pack_stalls, top_cycles);
        if (!top || 2 * top_cycles < critical->clock) break;
        unsigned cb_index = 0;
        const bool wait = std::sscanf(top->c_str(), "cb_wait_front(c_%u)", &cb_index) == 1;
        const bool reserve = !wait && std::sscanf(top->c_str(), "cb_reserve_back(c_%u)", &cb_index) == 1;
        if ((!wait && !reserve) || cb_index >= tt::NUM_CIRCULAR_BUFFERS || !critical->core->cb[cb_index]) break;
        const CBState& cbs = *critical->core->cb[cb_index];
        const Instance* other = wait ? cbs.producer : cbs.consumer;
        if (!other || other == critical) break;
        chain += critical->kernel->name + " waits on " + cb_str(cb_index) + " for " + other->kernel->name + "; ";
        critical = other;
    }
    // Shares of the data-movement RISC, or of a compute kernel's unpack/math thread.
    auto breakdown = [](std::vector<const Instance*> insts) {
        std::map<std::string, std::uint64_t> parts;
        std::uint64_t total = 0, accounted = 0;
        for (const Instance* in : insts) {
            total += in->clock;
            if (in->math_cycles) parts["matmul_tiles"] += in->math_cycles;
            accounted += in->math_cycles;
            for (auto& [what, c] : in->stalls) {
                parts[what] += c;
                accounted += c;
            }
        }
        if (total > accounted) parts["busy (NoC issue, pack, copy, arithmetic)"] += total - accounted;
        std::vector<std::pair<std::string, std::uint64_t>> out(parts.begin(), parts.end());
        std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.second > b.second; });
        return std::make_pair(out, total);
    };
    auto shares_json = [&](const std::vector<std::pair<std::string, std::uint64_t>>& parts, std::uint64_t total) {
        std::ostringstream o;
        o << "[";
        for (std::size_t i = 0; i < parts.size(); ++i)
            o << (i ? ", " : "") << "{\"what\": " << json_str(parts[i].first) << ", \"cycles\": " << parts[i].second
              << ", \"share\": " << (total ? static_cast<double>(parts[i].second) / total : 0.0) << "}";
        return o.str() + "]";
    };
    auto shares_text = [](const std::vector<std::pair<std::string, std::uint64_t>>& parts, std::uint64_t total,
                          std::size_t n) {
        std::string o;
        char b[64];
        for (std::size_t i = 0; i < parts.size() && i < n; ++i) {
            std::snprintf(b, sizeof b, "%.0f%% ", total ? 100.0 * parts[i].second / total : 0.0);
            o += (i ? ", " : "") + std::string(b) + parts[i].first;
        }
        return o;
    };
    // Where the bottleneck kernel's time went (for the JSON, the summary and last_program_timing).
    const auto [critical_parts, critical_total] =
        critical ? breakdown({critical})
                 : std::make_pair(std::vector<std::pair<std::string, std::uint64_t>>{}, std::uint64_t{0});

    std::ostringstream js;
    js << "{\"program\": " << program_no << ", \"device\": " << json_str(A.name);
    if (L.dev->in_larger_mesh())
        js << ", \"mesh_coordinate\": [" << L.dev->mesh_row << ", " << L.dev->mesh_col << "]";
    js << ", \"cores\": " << used_cores
       << ", \"kernel_instances\": " << L.instances.size() << ",\n  \"wall_seconds\": {\"kernel_compile\": " << compile_s
       << ", \"run\": " << run_s << "},\n  \"kernel_compile_cache\": {\"hits\": " << hits << ", \"misses\": " << misses
       << "},\n  \"dram\": {\"read_bytes\": " << L.noc.dram_read_bytes
       << ", \"written_bytes\": " << L.noc.dram_write_bytes << ", \"buffers\": [";
    bool first = true;
    for (const auto& s : snaps) {
        js << (first ? "" : ", ") << "\n    {\"id\": " << s.b->id << ", \"address\": " << s.b->address
           << ", \"size\": " << s.b->size << ", \"page_size\": " << s.b->page_size
           << ", \"read_bytes\": " << s.b->read_bytes - s.r0 << ", \"written_bytes\": " << s.b->written_bytes - s.w0
           << "}";
        first = false;
    }
    js << "]},\n  \"noc\": {\"unicast_reads\": " << L.noc.unicast_reads
       << ", \"unicast_read_bytes\": " << L.noc.unicast_read_bytes << ", \"unicast_writes\": " << L.noc.unicast_writes
       << ", \"unicast_write_bytes\": " << L.noc.unicast_write_bytes
       << ", \"multicast_writes\": " << L.noc.multicast_writes
       << ", \"multicast_write_bytes\": " << L.noc.multicast_write_bytes
       << ", \"multicast_destinations\": " << L.noc.multicast_destinations
       << ", \"semaphore_incs\": " << L.noc.semaphore_incs
       << ", \"semaphore_multicasts\": " << L.noc.semaphore_multicasts
       << ", \"semaphore_remote_sets\": " << L.noc.semaphore_remote_sets << "},\n  \"matmul_tiles\": {\"total\": "
       << mm_total << ", \"per_core\": {";
    first = true;
    for (auto idx : used) {
        auto& c = *L.cores[idx];
        js << (first ? "" : ", ") << "\"" << c.logical.x << "," << c.logical.y << "\": " << c.matmul_tiles;
        first = false;
    }
    js << "}},\n  \"cb_peak_occupancy\": [";
    first = true;
    std::map<std::uint32_t, std::pair<std::uint32_t, std::uint32_t>> cb_max;  // index -> (peak, capacity)
    for (auto idx : used) {
        auto& c = *L.cores[idx];
        for (auto& cb : c.cbs) {
            js << (first ? "" : ", ") << "\n    {\"core\": [" << c.logical.x << ", " << c.logical.y
               << "], \"cb\": " << cb->index << ", \"peak_pages\": " << cb->peak
               << ", \"capacity_pages\": " << cb->num_pages << "}";
            first = false;
            auto& m = cb_max[cb->index];
            m.first = std::max(m.first, cb->peak);
            m.second = std::max(m.second, cb->num_pages);
        }
    }
    js << "],\n  \"estimated_cycles\": " << est << ", \"estimated_kernel_cycles\": " << cycles
       << ", \"dram_bandwidth_bound_cycles\": " << dram_bound
       << ", \"estimated_microseconds\": " << est / (A.clock_ghz * 1000.0);
    // Host-side costs, apart from the device time: the program's dispatch and the buffer transfers since
    // the previous program (its inputs, the previous one's outputs).
    const model::DeviceModel& dm = *A.timing;
    const double dispatch_us = dm.program_dispatch_us;
    HostSide& host = *L.dev->host;
    const std::uint64_t to_device = host.to_device_bytes - host.to_device_at_launch,
                        from_device = host.from_device_bytes - host.from_device_at_launch;
    const double link_us = host.to_device_us + host.from_device_us - host.us_at_launch;
    if (!out) host.mark_launch();  // a mesh workload marks once, after all its devices
    js << ",\n  \"host\": {\"dispatch_microseconds\": " << dispatch_us
       << ", \"transfers_since_previous_program\": {\"to_device_bytes\": " << to_device
       << ", \"from_device_bytes\": " << from_device << ", \"microseconds\": " << link_us
       << ", \"link_gbps\": " << host.link_gbps << ", \"links\": " << host.links() << "}}";
    js << ",\n  \"modeled\": {\"cycles\": " << est << ", \"microseconds\": " << est / (A.clock_ghz * 1000.0)
       << ", \"with_dispatch_microseconds\": " << est / (A.clock_ghz * 1000.0) + dispatch_us
       << ", \"clock_ghz\": " << A.clock_ghz << ", \"ideal_matmul_cycles\": " << ideal
       << ", \"utilization\": " << utilization << ", \"dram_bound_cycles\": " << dram_bound;
    if (critical) {
        js << ",\n    \"bottleneck\": {\"waits\": " << json_str(chain) << ", \"kernel\": " << json_str(critical->kernel->name)
           << ", \"role\": " << json_str(critical->kernel->role()) << ", \"core\": [" << critical->core->logical.x
           << ", " << critical->core->logical.y << "], \"cycles\": " << critical->clock
           << ", \"shares\": " << shares_json(critical_parts, critical_total) << "}";
    }
    js << ",\n    \"kernels\": [";
    for (std::size_t k = 0; k < L.prog->kernels.size(); ++k) {
        std::vector<const Instance*> insts;
        for (auto& ip : L.instances)
            if (ip->kernel == L.prog->kernels[k].get()) insts.push_back(ip.get());
        auto [parts, total] = breakdown(insts);
        js << (k ? "," : "") << "\n      {\"kernel\": " << json_str(L.prog->kernels[k]->name)
           << ", \"role\": " << json_str(L.prog->kernels[k]->role()) << ", \"instances\": " << insts.size()
           << ", \"shares\": " << shares_json(parts, total) << "}";
    }
    js << "]}}";
    if (L.tracing) write_trace(L, program_no);
    g_last_timing.cycles = est;
    g_last_timing.microseconds = est / (A.clock_ghz * 1000.0);
    g_last_timing.ideal_matmul_cycles = ideal;
    g_last_timing.utilization = utilization;
    g_last_timing.dram_bytes = L.noc.dram_read_bytes + L.noc.dram_write_bytes;
    g_last_timing.dram_bound_cycles = dram_bound;
    g_last_timing.bottleneck.clear();
    g_last_timing.devices = 1;
    g_last_timing.mesh_utilization = utilization;
    if (critical)
        g_last_timing.bottleneck = chain + critical->kernel->name + " (" + critical->kernel->role() + ") on core " +
                                   core_str(critical->core->logical) + ": " +
                                   shares_text(critical_parts, critical_total, 3);
    if (out) {
        out->json = js.str();
        out->cycles = est;
        out->ideal_matmul_cycles = ideal;
        out->cores = used_cores;
        out->mesh_row = L.dev->mesh_row;
        out->mesh_col = L.dev->mesh_col;
    } else {
        record_program_stats(*L.dev, js.str());
    }
    if (!env_flag("TTEMU_STATS", true)) return;

    std::ostringstream o;
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "ttemu: program #%u on %s%s: %u cores, %zu kernel instances; kernel compile %.2f s (cache: %u hits, "
                  "%u misses), run %.3f s\n",
                  program_no, A.name.c_str(),
                  L.dev->in_larger_mesh() ? (" device " + L.dev->mesh_str() + " of the mesh").c_str() : "", used_cores,
                  L.instances.size(), compile_s, hits, misses, run_s);
    o << buf;
    o << "  DRAM: read " << mib(L.noc.dram_read_bytes) << ", written " << mib(L.noc.dram_write_bytes) << "\n";
    for (const auto& s : snaps) {
        std::uint64_t r = s.b->read_bytes - s.r0, w = s.b->written_bytes - s.w0;
        o << "    buffer #" << s.b->id << " @" << hex(s.b->address) << " (" << mib(s.b->size) << "): read " << mib(r)
          << ", written " << mib(w) << "\n";
    }
    o << "  NoC: " << L.noc.unicast_reads << " unicast reads (" << mib(L.noc.unicast_read_bytes) << "), "
      << L.noc.unicast_writes << " unicast writes (" << mib(L.noc.unicast_write_bytes) << "), "
      << L.noc.multicast_writes << " multicast writes (" << mib(L.noc.multicast_write_bytes) << " to "
      << L.noc.multicast_destinations << " destinations), " << L.noc.semaphore_incs << " semaphore incs, "
      << L.noc.semaphore_multicasts << " semaphore multicasts\n";
    o << "  matmul tiles: " << mm_total << " total, per core min " << mm_min << " max " << mm_max << "\n";
    o << "  CB peak occupancy (max over cores):";
    for (auto& [idx, m] : cb_max) o << " " << cb_str(idx) << " " << m.first << "/" << m.second;
    o << "\n";
    std::snprintf(buf, sizeof buf,
                  "  modeled device time: %" PRIu64 " cycles = %.1f us at %.2f GHz; utilization %.1f %% "
                  "(ideal matmul cycles %.0f / modeled cycles); DRAM bandwidth bound %" PRIu64 " cycles\n",
                  est, est / (A.clock_ghz * 1000.0), A.clock_ghz, 100.0 * utilization, ideal, dram_bound);
    o << buf;
    if (critical) {
        o << "  bottleneck: " << chain << critical->kernel->name << " (" << critical->kernel->role() << ") on core "
          << core_str(critical->core->logical) << ": " << shares_text(critical_parts, critical_total, 3) << "\n";
    }
    std::snprintf(buf, sizeof buf,
                  "  host, apart from the device time (modeled): dispatch %.1f us; transfers since the previous "
                  "program %s to and %s from the device, %.1f us at %.1f GB/s\n",
                  dispatch_us, mib(to_device).c_str(), mib(from_device).c_str(), link_us, host.link_gbps);
    o << buf;
    if (out)
        out->text = o.str();
    else
        std::fputs(o.str().c_str(), stderr);
}
}  // namespace

void record_program_stats(const DeviceImpl& dev, std::string json) {
    g_json_programs.push_back(std::move(json));
    write_stats_json(dev);
}

void write_stats_json(const DeviceImpl& dev) {
    const char* path = std::getenv("TTEMU_STATS_JSON");
    if (!path || !*path) return;
    const HostSide& h = *dev.host;
    std::ofstream f(path);
    f << "{\"programs\": [\n";
    for (std::size_t i = 0; i < g_json_programs.size(); ++i)
        f << (i ? ",\n" : "") << g_json_programs[i];
    f << "\n],\n\"host_transfers\": {\"system\": " << json_str(h.system) << ", \"mesh\": [" << h.rows << ", "
      << h.cols << "], \"to_device_bytes\": " << h.to_device_bytes
      << ", \"to_device_transfers\": " << h.to_device_transfers << ", \"to_device_microseconds\": " << h.to_device_us
      << ", \"from_device_bytes\": " << h.from_device_bytes
      << ", \"from_device_transfers\": " << h.from_device_transfers
      << ", \"from_device_microseconds\": " << h.from_device_us << ", \"link_gbps\": " << h.link_gbps
      << ", \"links\": " << h.links() << ", \"chips_per_link\": " << h.chips_per_link << "}}\n";
}

void report_host_transfers(const DeviceImpl& dev) {
    write_stats_json(dev);
    const HostSide& h = *dev.host;
    if (!env_flag("TTEMU_STATS", true) || (h.programs_run == 0 && h.to_device_transfers + h.from_device_transfers == 0))
        return;
    char buf[400];
    std::snprintf(buf, sizeof buf,
                  "ttemu: host transfers of the run (modeled, apart from the device time): %s to the device "
                  "(%.1f us), %s from it (%.1f us) over %u host link%s of %.1f GB/s (%s)\n",
                  mib(h.to_device_bytes).c_str(), h.to_device_us, mib(h.from_device_bytes).c_str(), h.from_device_us,
                  h.links(), h.links() == 1 ? "" : "s", h.link_gbps, h.system.c_str());
    std::fputs(buf, stderr);
}

// ============================================================ run_program
void run_program(DeviceImpl& dev, ProgramState& prog, std::uint32_t program_no, DeviceRunReport* out) {
    const ArchSpec& A = dev.arch;
    LaunchState L;
    L.dev = &dev;
    L.prog = &prog;
    L.strict = env_flag("TTEMU_STRICT", true);
    l1_window_attach(&dev);  // kernels see this device's L1

    auto check_in_grid = [&](const CoreRangeSet& set, const std::string& what) {
        for (const auto& r : set.ranges())
            if (r.end_coord.x >= A.grid_x || r.end_coord.y >= A.grid_y)
                throw Error(what + ": cores " + r.str() + " lie outside the " + std::to_string(A.grid_x) + "x" +
                            std::to_string(A.grid_y) + " compute grid of " + A.name);
    };

    // cores
    L.cores.resize(dev.num_cores);
    for (std::uint32_t y = 0; y < A.grid_y; ++y)
        for (std::uint32_t x = 0; x < A.grid_x; ++x) {
            auto c = std::make_unique<CoreState>();
            c->logical = CoreCoord(x, y);
            c->index = dev.core_index(c->logical);
            c->noc = A.noc_from_logical(c->logical);
            c->l1 = dev.l1(c->index);
            L.cores[c->index] = std::move(c);
        }

    // circular buffers: same L1 address on every core of a config, allocated upwards from the unreserved base
    std::vector<std::uint32_t> top(dev.num_cores, L1_UNRESERVED_BASE);
    for (const auto& def : prog.cbs) {
        check_in_grid(def.cores, "CreateCircularBuffer");
        std::uint32_t addr = L1_UNRESERVED_BASE;
        for (const auto& r : def.cores.ranges())
            for (const auto& c : r) addr = std::max(addr, top[dev.core_index(c)]);
        addr = (addr + A.l1_alignment - 1) / A.l1_alignment * A.l1_alignment;
        const std::uint32_t size = def.config.total_size();
        for (const auto& r : def.cores.ranges())
            for (const auto& c : r) {
                if (static_cast<std::uint64_t>(addr) + size > A.l1_size)
                    throw Error("CreateCircularBuffer: circular buffers on core " + core_str(c) + " need " +
                                std::to_string(addr + size - L1_UNRESERVED_BASE) + " bytes of L1 but only " +
                                std::to_string(A.l1_size - L1_UNRESERVED_BASE) + " are available on " + A.name);
                // tt-metal refuses statically allocated CBs that reach into the L1 buffers above them.
                if (static_cast<std::uint64_t>(addr) + size > dev.l1_buffers_bottom())
                    throw Error("CreateCircularBuffer: circular buffers on core " + core_str(c) + " end at L1 " +
                                hex(addr + size) + ", past the start of the L1 buffers at " +
                                hex(dev.l1_buffers_bottom()) + " (they clash); free L1 buffers or use smaller CBs");
                top[dev.core_index(c)] = addr + size;
                CoreState& core = *L.cores[dev.core_index(c)];
                // Silicon does not clear L1 between programs: a CB page no kernel has written holds what an
                // earlier program left there. All-ones bytes are NaN in every float format, so a kernel that
                // consumes a page it never filled shows NaN in its results instead of a lucky zero.
                std::memset(core.l1 + addr, 0xFF, size);
                for (std::uint32_t i = 0; i < tt::NUM_CIRCULAR_BUFFERS; ++i) {
                    const auto& fmt = def.config.data_formats()[i];
                    if (!fmt) continue;
                    if (i >= A.usable_cbs)
                        throw Error("CreateCircularBuffer: CB index " + cb_str(i) + " is beyond the " +
                                    std::to_string(A.usable_cbs) + " circular buffers of " + A.name);
                    auto cb = std::make_unique<CBState>();
                    cb->index = i;
                    cb->core = &core;
                    cb->base = addr;
                    cb->fifo_size = size;
                    cb->page_size = *def.config.page_sizes()[i];
                    cb->num_pages = size / cb->page_size;
                    cb->format = *fmt;
                    cb->push_ts.assign(cb->num_pages, 0);
                    cb->pop_ts.assign(cb->num_pages, 0);
                    core.cb[i] = cb.get();
                    core.cbs.push_back(std::move(cb));
                }
            }
    }

    // semaphores
    for (const auto& s : prog.sems) {
        check_in_grid(s.cores, "CreateSemaphore");
        for (const auto& r : s.cores.ranges())
            for (const auto& c : r) {
                CoreState& core = *L.cores[dev.core_index(c)];
                core.sem_mask |= 1u << s.id;
                std::uint32_t v = s.initial;
                std::memcpy(core.l1 + L1_SEMAPHORE_BASE + s.id * L1_SEMAPHORE_STRIDE, &v, 4);
            }
    }

    // kernels: finish compiles (they started at CreateKernel)
    double compile_start = 1e300, compile_end = 0;
    unsigned hits = 0, misses = 0;
    std::set<CompileJob*> seen;
    for (auto& k : prog.kernels) {
        check_in_grid(k->cores, "CreateKernel(" + k->name + ")");
        const bool was_finished = k->job->finished;
        finish_kernel_compile(*k->job);
        if (!seen.insert(k->job.get()).second) continue;
        if (k->job->cache_hit || was_finished) {
            ++hits;
        } else {
            ++misses;
            compile_start = std::min(compile_start, k->job->start_time);
            compile_end = std::max(compile_end, k->job->start_time + k->job->seconds);
        }
    }
    const double compile_s = misses ? compile_end - compile_start : 0.0;

    // instances: cores in row-major order, kernels in creation order
    for (std::uint32_t idx = 0; idx < dev.num_cores; ++idx) {
        CoreState& core = *L.cores[idx];
        bool dm_used[2] = {false, false};
        bool compute_used = false;
        for (auto& k : prog.kernels) {
            if (!k->cores.contains(core.logical)) continue;
            if (k->compute) {
                if (compute_used)
                    throw Error("CreateKernel: two compute kernels on core " + core_str(core.logical) + " (" + k->name +
                                ")");
                compute_used = true;
            } else {
                int p = static_cast<int>(k->dm.processor);
                if (dm_used[p])
                    throw Error("CreateKernel: two data movement kernels on " + k->role() + " of core " +
                                core_str(core.logical) + " (" + k->name + ")");
                dm_used[p] = true;
            }
            auto inst = std::make_unique<Instance>();
            inst->launch = &L;
            inst->core = &core;
            inst->kernel = k.get();
            inst->entry = k->job->entry;
            static const std::vector<std::uint32_t> kNoArgs;
            auto it = k->rt_args.find(core.logical);
            inst->args = it != k->rt_args.end() ? &it->second->values : &kNoArgs;
            inst->common_args = &k->common_args.values;
            if (inst->args->size() + inst->common_args->size() > MAX_RUNTIME_ARGS)
                throw Error("SetRuntimeArgs: kernel " + k->name + " on core " + core_str(core.logical) + " has " +
                            std::to_string(inst->args->size()) + " unique + " +
                            std::to_string(inst->common_args->size()) + " common runtime args, more than " +
                            std::to_string(MAX_RUNTIME_ARGS));
            inst->noc = k->compute ? 0 : static_cast<std::uint8_t>(k->dm.noc) & 1;
            // Trace tracks: BRISC (RISCV_0), NCRISC (RISCV_1), compute.
            inst->trace_tid = k->compute ? 2 : static_cast<std::uint8_t>(k->dm.processor) & 1;
            if (k->compute) {
                inst->cs = std::make_unique<ComputeState>();
                const bool fp32 = k->cc.fp32_dest_acc_en;
                inst->cs->capacity = k->cc.dst_full_sync_en ? (fp32 ? 8 : 16) : (fp32 ? 4 : 8);
                inst->cs->dst_halves = k->cc.dst_full_sync_en ? 1 : 2;
                unsigned phases = 4;
                switch (k->cc.math_fidelity) {
                    case tt::tt_metal::MathFidelity::LoFi: phases = 1; break;
                    case tt::tt_metal::MathFidelity::HiFi2: phases = 2; break;
                    case tt::tt_metal::MathFidelity::HiFi3: phases = 3; break;
                    default: break;
                }
                inst->cs->fidelity_cycles = A.timing->tile_product_cycles(phases);
                inst->cs->fidelity_phases = phases;
            }
            L.instances.push_back(std::move(inst));
        }
    }

    std::vector<BufSnap> snaps;
    for (auto& [addr, b] : dev.buffers) snaps.push_back({b, b->read_bytes, b->written_bytes});

    // run
    const double t0 = now_seconds();
    for (auto& ip : L.instances) fiber_create(*ip);
    struct Cleanup {
        LaunchState& L;
        ~Cleanup() {
            watchdog(false);
            window_reset();
            for (auto& ip : L.instances) fiber_destroy(*ip);
            g_cur = nullptr;
            g_launch = nullptr;
        }
    } cleanup{L};
    g_launch = &L;
    watchdog(true);
    L.bank_free.assign(A.dram_banks, 0);
    L.link_free.assign(2 * (A.grid_x + 1) * A.grid_y * 2, 0);
    if (const char* trace = std::getenv("TTEMU_TRACE"); trace && *trace) {
        L.tracing = true;
        const char* cap = std::getenv("TTEMU_TRACE_MAX_EVENTS");
        L.trace_cap = cap && *cap ? std::strtoull(cap, nullptr, 10) : 1000000;
    }
    // Discrete-event order: always resume the runnable instance with the earliest virtual time (ties
    // by creation order), so results never depend on anything but the program.
    std::size_t live = L.instances.size();
    std::size_t idle_polls = 0;
    while (live > 0) {
        Instance* next = nullptr;
        std::uint64_t next_time = 0;
        for (auto& ip : L.instances) {
            if (!runnable(*ip)) continue;
            const std::uint64_t t = wake_time(*ip);
            if (!next || t < next_time) next = ip.get(), next_time = t;
        }
        const bool polling =
            next && next->state == Instance::State::Blocked && next->wait.kind == WaitKind::None;
        if (!next || (polling && idle_polls > 2 * L.instances.size() + 8)) {
            std::string msg = deadlock_report(L, live);
            throw Error(msg);
        }
        Instance& in = *next;
        if (in.state == Instance::State::Blocked) in.state = Instance::State::Ready;
        if (g_win_core >= 0 && g_win_core != static_cast<int>(in.core->index)) window_reset();
        my_x[0] = my_x[1] = static_cast<std::uint8_t>(in.core->noc.x);
        my_y[0] = my_y[1] = static_cast<std::uint8_t>(in.core->noc.y);
        const std::uint64_t epoch0 = g_epoch;
        g_cur = &in;
        switch_to(in);
        g_cur = nullptr;
        // A poll that changed nothing is no progress; anything else is.
        idle_polls = polling && g_epoch == epoch0 ? idle_polls + 1 : 0;
        if (in.state == Instance::State::Failed) std::rethrow_exception(in.error);
        if (in.state == Instance::State::Done) --live;
    }
    const double run_s = now_seconds() - t0;
    report(L, program_no, compile_s, run_s, hits, misses, snaps, out);
}

}  // namespace ttemu
