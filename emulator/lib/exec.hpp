// Execution state of one program launch: cores, circular buffers, kernel instances (fibers).
#pragma once
#include <array>
#include <cstdint>
#include <exception>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "internal.hpp"

// NoC coordinates of the running core, as tt-metal kernels see them (my_x[noc], my_y[noc]).
extern std::uint8_t my_x[2];
extern std::uint8_t my_y[2];

namespace ttemu {

extern std::uint64_t g_epoch;

struct CoreState;
struct Instance;
struct LaunchState;

struct CBState {
    std::uint32_t index = 0;
    CoreState* core = nullptr;
    std::uint32_t base = 0, fifo_size = 0, page_size = 0, num_pages = 0;
    tt::DataFormat format = tt::DataFormat::Invalid;
    std::uint32_t received = 0, acked = 0;  // monotonic page counters (producer / consumer side)
    std::uint32_t wr_page = 0, rd_page = 0; // producer and consumer pointers, kept apart
    std::uint32_t reserved = 0, waited = 0; // open windows
    std::uint32_t pack_pos = 0;             // next sequential pack_tile slot in the reserved window
    std::uint32_t peak = 0;
    Instance* producer = nullptr;
    Instance* consumer = nullptr;
    std::vector<std::uint64_t> push_ts, pop_ts;  // virtual time each page was last pushed / popped
    std::uint32_t occupancy() const { return received - acked; }
};

struct CoreState {
    std::uint32_t index = 0;
    CoreCoord logical, noc;
    std::uint8_t* l1 = nullptr;
    std::array<CBState*, tt::NUM_CIRCULAR_BUFFERS> cb{};
    std::vector<std::unique_ptr<CBState>> cbs;
    std::uint32_t sem_mask = 0;  // semaphore ids defined on this core
    std::uint64_t matmul_tiles = 0;
    std::uint64_t link_free[2] = {0, 0};
};

enum class WaitKind { None, CbSpace, CbData, Sem };
struct Wait {
    WaitKind kind = WaitKind::None;
    CBState* cb = nullptr;
    std::uint32_t n = 0;
    volatile std::uint32_t* sem = nullptr;
    std::uint32_t sem_addr = 0;
    std::uint32_t value = 0;
    bool at_least = false;
};

struct PendingRead {
    std::uint32_t l1_addr, size;
    std::size_t arena_off;
};
struct PendingWrite {
    std::uint32_t l1_addr, size;
};

// The 16 DST tiles of a compute kernel, in pages the kernel maps zeroed on first touch: a launch
// of many compute cores then only pays for the tiles its kernels use.
class DstRegisters {
public:
    static constexpr std::size_t kTiles = 16, kTileFloats = 1024;
    DstRegisters();
    ~DstRegisters();
    DstRegisters(const DstRegisters&) = delete;
    DstRegisters& operator=(const DstRegisters&) = delete;
    float* operator[](std::size_t tile) {
        if (tile >= touched_) touched_ = tile + 1;
        return tiles_ + tile * kTileFloats;
    }
    // Zeroes tiles [0, count): those of them used since the last clear, the others are zero.
    void clear(std::size_t count);

private:
    float* tiles_;
    std::size_t touched_ = 0;
};

struct ComputeState {
    DstRegisters dst;
    enum class Dst { Idle, Acquired, Committed, Waited, Both } dst_state = Dst::Idle;
    bool hw_started = false;
    // The formats the unpacker's sources A and B and the packer are configured for, and the CB
    // that configured each (for error messages).
    tt::DataFormat src_format[2] = {tt::DataFormat::Invalid, tt::DataFormat::Invalid};
    tt::DataFormat pack_format = tt::DataFormat::Invalid;
    std::uint32_t src_cb[2] = {0, 0}, pack_cb = 0;
    std::string src_set_by[2], pack_set_by;
    enum class Mode { None, Matmul, Copy, Binary } mode = Mode::None;
    std::uint32_t binary_op = 0;     // EltwiseBinaryType of binary_tiles_init
    std::uint32_t binary_bcast = 0;  // BroadcastType of B
    const char* binary_init_name = "";
    bool binary_acc = false;
    std::uint32_t copy_cb = 0;
    // The unpacker's transposes for copy_tile (copy_tile_to_dst_init_short's flags; both for
    // transpose_wh).
    bool unpack_transpose_faces = false, unpack_transpose_within = false;
    bool l1_acc = false;
    std::uint32_t capacity = 8;
    std::uint32_t fidelity_cycles = 64;
    unsigned fidelity_phases = 4;  // LoFi 1, HiFi2 2, HiFi3 3, HiFi4 4
    bool transpose = false;
    // Timing: the unpack/math thread and the pack thread each have a clock; the instance's clock is
    // the running thread's, `other_clock` the other's. DST has two halves in half-sync mode (math
    // fills one while pack drains the other) and one in full-sync mode.
    enum class Thread { Math, Pack } thread = Thread::Math;
    std::uint64_t other_clock = 0;
    std::uint32_t dst_halves = 2;
    std::uint64_t half_free_at[2] = {0, 0}, committed_at[2] = {0, 0};
    std::uint64_t acquires = 0, waits = 0;
    std::vector<float> unpacked;  // matmul_block's unpacked operand tiles, reused call to call
    // The SFPU op family the last SFPU init configured, and which init that was.
    int sfpu_family = -1;
    const char* sfpu_init_name = nullptr;
};

struct Fiber {
    void* sp = nullptr;
    void* stack = nullptr;
    std::size_t stack_size = 0;
};

struct Instance {
    LaunchState* launch = nullptr;
    CoreState* core = nullptr;
    KernelDef* kernel = nullptr;
    void (*entry)() = nullptr;
    const std::vector<std::uint32_t>* args = nullptr;
    const std::vector<std::uint32_t>* common_args = nullptr;
    Fiber fiber;
    enum class State { Ready, Blocked, Done, Failed } state = State::Ready;
    Wait wait;
    const char* file = nullptr;
    int line = 0;
    std::exception_ptr error;
    std::uint8_t noc = 0;
    // virtual time (cycles)
    std::uint64_t clock = 0, reads_done_at = 0, writes_done_at = 0;
    std::vector<PendingRead> pending_reads;
    std::vector<std::uint8_t> read_arena;
    std::vector<PendingWrite> pending_writes;
    std::unique_ptr<ComputeState> cs;
    // Where the virtual time went: cycles blocked, by what was waited on ("cb_wait_front(c_0)",
    // "noc_async_read_barrier", ...), and cycles of matrix-engine work.
    std::map<std::string, std::uint64_t> stalls;
    std::map<std::string, std::uint64_t> pack_stalls;  // a compute kernel's pack thread
    std::uint64_t math_cycles = 0;
    std::uint8_t trace_tid = 0;  // the RISC's track in the trace
};

// Runs the following compute API call on `t`'s clock (no-op for data movement kernels).
inline void select_thread(Instance& in, ComputeState::Thread t) {
    if (!in.cs || in.cs->thread == t) return;
    std::swap(in.clock, in.cs->other_clock);
    in.cs->thread = t;
    in.trace_tid = t == ComputeState::Thread::Math ? 2 : 3;
}

// One span of the Chrome / Perfetto trace, in cycles.
struct TraceEvent {
    std::uint64_t ts, dur;
    std::uint32_t pid;  // core index, or kDramTrack for the DRAM banks
    std::uint32_t tid;  // RISC (0 BRISC, 1 NCRISC, 2 unpack/math, 3 pack) or bank
    std::string name;
    const char* cat;
};
constexpr std::uint32_t kDramTrack = 100000;

struct NocStats {
    std::uint64_t unicast_reads = 0, unicast_read_bytes = 0;
    std::uint64_t unicast_writes = 0, unicast_write_bytes = 0;
    std::uint64_t multicast_writes = 0, multicast_write_bytes = 0, multicast_destinations = 0;
    std::uint64_t semaphore_incs = 0, semaphore_multicasts = 0, semaphore_remote_sets = 0;
    std::uint64_t dram_read_bytes = 0, dram_write_bytes = 0;
};

// The key of a semaphore in LaunchState::sem_ts: its core and L1 address.
inline std::uint64_t sem_key(const CoreState& c, std::uint64_t addr) {
    return (static_cast<std::uint64_t>(c.index) << 32) | (addr & 0xffffffffu);
}

struct LaunchState {
    DeviceImpl* dev = nullptr;
    ProgramState* prog = nullptr;
    bool strict = true;
    std::vector<std::unique_ptr<CoreState>> cores;  // by core index; null if unused
    std::vector<std::unique_ptr<Instance>> instances;
    NocStats noc;
    std::unordered_map<std::uint64_t, std::uint64_t> sem_ts;  // (core << 32 | addr) -> virtual time of last update
    std::vector<std::uint64_t> bank_free;  // virtual time each DRAM bank finishes its queued requests
    std::vector<std::uint64_t> link_free;  // virtual time each directed NoC link is free (see route_links)
    // The trace (TTEMU_TRACE): spans up to a cap, so a large program cannot exhaust memory.
    bool tracing = false;
    std::size_t trace_cap = 0;
    bool trace_truncated = false;
    std::vector<TraceEvent> trace;
    void span(std::uint64_t ts, std::uint64_t dur, std::uint32_t pid, std::uint32_t tid, std::string name,
              const char* cat) {
        if (!tracing || dur == 0) return;
        // Back-to-back spans of one activity on one track are one span.
        if (!trace.empty()) {
            TraceEvent& last = trace.back();
            if (last.pid == pid && last.tid == tid && last.ts + last.dur == ts && last.name == name) {
                last.dur += dur;
                return;
            }
        }
        if (trace.size() >= trace_cap) {
            trace_truncated = true;
            return;
        }
        trace.push_back({ts, dur, pid, tid, std::move(name), cat});
    }
};

extern Instance* g_cur;

// Raises a ttemu::Error naming the current core, kernel, role and source location.
[[noreturn]] void kfail(const char* op, const std::string& msg);
// A protocol slip silicon runs without harm (tt-metal does not check it, and its own examples make
// it): said once on stderr, or raised as kfail when TTEMU_WERROR is set.
void kwarn(const char* op, const std::string& msg);
std::string instance_str(const Instance& inst);
// Parks the current instance until the wait condition holds (deadlock-checked by the scheduler).
void block_on(const Wait& w);
// Lets every runnable instance whose virtual time is earlier than the current one's run first, so
// shared resources (DRAM banks, NoC ports) are granted in virtual-time order.
void yield_in_time();
// The earliest virtual time at which another runnable instance of the launch would resume.
std::uint64_t earliest_other_wake(const Instance& self);
// Books the cycles `inst` spent blocked since `from` under `what` ("what(c_N)" for a CB) in its
// stall table and the trace. Called on every blocking call: names are built only for real stalls.
void record_stall(Instance& inst, std::uint64_t from, const char* what, int cb = -1);
bool wait_ready(const Wait& w);
// The single L1 translation point: host pointer for [addr, addr + size) in the core's L1.
std::uint8_t* l1_at(CoreState& core, std::uint32_t addr, std::uint32_t size, const char* op);
// Checks a CB-region access lies in a reserved or waited window of the core's CBs.
void check_cb_window(CoreState& core, std::uint32_t addr, std::uint32_t size, const char* op);
CBState& cur_cb(std::uint32_t cb, const char* op);
void note_loc(const char* file, int line);
void kernel_exit_checks(Instance& inst);

}  // namespace ttemu
