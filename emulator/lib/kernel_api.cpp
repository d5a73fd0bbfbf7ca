// Data-movement kernel API: runtime args, circular buffers, NoC transfers, semaphores.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <set>

#include "exec.hpp"

std::uint8_t my_x[2] = {0, 0};
std::uint8_t my_y[2] = {0, 0};

namespace ttemu {

namespace {
constexpr std::uint64_t LOCAL_MASK = (1ull << 36) - 1;

Instance& cur(const char* op, const char* file, int line) {
    if (!g_cur) throw Error(std::string(op) + " called outside a running kernel");
    note_loc(file, line);
    return *g_cur;
}

std::uint64_t encode(std::uint32_t x, std::uint32_t y, std::uint64_t addr) {
    return (static_cast<std::uint64_t>(y) << 42) | (static_cast<std::uint64_t>(x) << 36) | (addr & LOCAL_MASK);
}

// A decoded unicast NoC target: a worker core's L1 or a DRAM bank.
struct Target {
    CoreState* core = nullptr;
    std::int32_t bank = -1;
    std::uint64_t addr = 0;
};

Target decode(std::uint64_t noc_addr, const char* op) {
    Instance& in = *g_cur;
    const ArchSpec& A = in.launch->dev->arch;
    if (noc_addr & NOC_MCAST_BIT)
        kfail(op, "got a multicast NoC address (from get_noc_multicast_addr); use a unicast address from "
                  "get_noc_addr or an accessor");
    const std::uint32_t x = (noc_addr >> 36) & 63, y = (noc_addr >> 42) & 63;
    Target t;
    t.addr = noc_addr & LOCAL_MASK;
    if (x == DRAM_NOC_X && y < A.dram_banks) {
        t.bank = static_cast<std::int32_t>(y);
        return t;
    }
    CoreCoord logical;
    if (!A.logical_from_noc(x, y, logical)) {
        std::string msg = "NoC coordinates " + core_str({x, y}) + " are neither a worker core nor a DRAM bank of " +
                          A.name;
        if (x < A.grid_x && y < A.grid_y)
            msg += "; they look like logical coordinates: convert them on the host with "
                   "worker_core_from_logical_core (logical " +
                   core_str({x, y}) + " is NoC " + core_str(A.noc_from_logical({x, y})) + ")";
        kfail(op, msg);
    }
    t.core = in.launch->cores[in.launch->dev->core_index(logical)].get();
    return t;
}

std::vector<CoreState*> decode_mcast(std::uint64_t noc_addr, bool loopback, std::uint32_t num_dests, const char* op,
                                     std::uint64_t& addr) {
    Instance& in = *g_cur;
    const ArchSpec& A = in.launch->dev->arch;
    if (!(noc_addr & NOC_MCAST_BIT))
        kfail(op, "needs a multicast NoC address from get_noc_multicast_addr, got a unicast address");
    addr = noc_addr & LOCAL_MASK;
    std::uint32_t xs = (noc_addr >> 36) & 63, ys = (noc_addr >> 42) & 63;
    std::uint32_t xe = (noc_addr >> 48) & 63, ye = (noc_addr >> 54) & 63;
    if (xs > xe) std::swap(xs, xe);
    if (ys > ye) std::swap(ys, ye);
    std::vector<CoreState*> out;
    bool sender_inside = false;
    for (std::uint32_t y = ys; y <= ye; ++y)
        for (std::uint32_t x = xs; x <= xe; ++x) {
            CoreCoord logical;
            if (!A.logical_from_noc(x, y, logical)) continue;
            CoreState* c = in.launch->cores[in.launch->dev->core_index(logical)].get();
            if (c == in.core) {
                sender_inside = true;
                if (!loopback) continue;
            }
            out.push_back(c);
        }
    if (out.empty())
        kfail(op, "the multicast rectangle NoC " + core_str({xs, ys}) + "-" + core_str({xe, ye}) +
                      " holds no destination worker core (use NoC coordinates from worker_core_from_logical_core)");
    if (out.size() != num_dests)
        kfail(op, "num_dests is " + std::to_string(num_dests) + " but the rectangle NoC " + core_str({xs, ys}) + "-" +
                      core_str({xe, ye}) + " holds " + std::to_string(out.size()) + " destination cores" +
                      (loopback ? " (including the sender)"
                                : sender_inside ? " (excluding the sender, which is inside it)" : ""));
    return out;
}

std::uint8_t* dram_at(std::int32_t bank, std::uint64_t addr, std::uint32_t size, bool write, const char* op) {
    Instance& in = *g_cur;
    std::string why;
    BufferImpl* b = in.launch->dev->find_buffer(static_cast<std::uint32_t>(bank), addr, size, &why);
    if (!b)
        kfail(op, std::string(write ? "writes" : "reads") + " DRAM bank " + std::to_string(bank) + " [" + hex(addr) +
                      ", +" + std::to_string(size) + ") outside every allocated buffer: " + why);
    if (write) {
        b->written_bytes += size;
        in.launch->noc.dram_write_bytes += size;
    } else {
        b->read_bytes += size;
        in.launch->noc.dram_read_bytes += size;
    }
    return b->bank_data[bank].data() + (addr - b->address);
}

std::uint64_t ceil_div(double bytes, double per_cycle) {
    return static_cast<std::uint64_t>(bytes / per_cycle + 0.999999);
}

// NoC routes between worker cores: the worker grid (worker (x, y) at (x + 1, y); column 0 is kept
// for DRAM, whose physical placement the emulator does not model, so DRAM traffic holds only the
// core's port). Both NoCs are tori with dimension-order routing: NoC 0 goes right (+x), then down
// (+y); NoC 1 goes up (-y), then left (-x). A transfer holds every link of its route for size / link
// bandwidth cycles (wormhole switching), so transfers whose routes share a link take turns; each hop
// adds the router latency. A multicast holds the union of its routes once.
struct NocPoint {
    std::uint32_t x, y;
};
NocPoint point_of(const CoreState& c) { return {static_cast<std::uint32_t>(c.logical.x) + 1, static_cast<std::uint32_t>(c.logical.y)}; }

// Appends the links from `a` to `b` on `noc` (as indices into LaunchState::link_free); returns the hops.
std::uint32_t route_links(const ArchSpec& A, unsigned noc, NocPoint a, NocPoint b, std::vector<std::uint32_t>& out) {
    const std::uint32_t W = A.grid_x + 1, H = A.grid_y;
    auto link = [&](std::uint32_t x, std::uint32_t y, unsigned axis) {
        return static_cast<std::uint32_t>((((noc * W + x) * H + y) * 2) + axis);
    };
    std::uint32_t hops = 0, x = a.x, y = a.y;
    auto step_x = [&] {
        while (x != b.x) {
            out.push_back(link(x, y, 0));
            x = noc == 0 ? (x + 1) % W : (x + W - 1) % W;
            ++hops;
        }
    };
    auto step_y = [&] {
        while (y != b.y) {
            out.push_back(link(x, y, 1));
            y = noc == 0 ? (y + 1) % H : (y + H - 1) % H;
            ++hops;
        }
    };
    if (noc == 0) {
        step_x();
        step_y();
    } else {
        step_y();
        step_x();
    }
    return hops;
}

// Holds the issuing core's NoC port and `links` for `size` bytes, starting no earlier than `ready`;
// returns when the last byte has left (before hop and completion latencies).
std::uint64_t occupy(Instance& in, std::uint64_t ready, std::uint32_t size, const std::vector<std::uint32_t>& links) {
    const model::DeviceModel& M = *in.launch->dev->arch.timing;
    std::uint64_t& port = in.core->link_free[in.noc & 1];
    std::uint64_t start = std::max(ready, port);
    for (std::uint32_t l : links) start = std::max(start, in.launch->link_free[l]);
    const std::uint64_t end = start + ceil_div(size, M.noc_bytes_per_cycle);
    port = end;
    for (std::uint32_t l : links) in.launch->link_free[l] = end;
    return end;
}

// A NoC transfer of `size` bytes between the running core's L1 and `dests` (one core, or a
// multicast's destinations, whose routes' links are held once), `to_remote` from the running core,
// else towards it. Returns the virtual time it completes.
std::uint64_t noc_transfer(Instance& in, std::uint32_t size, const std::vector<CoreState*>& dests, bool to_remote) {
    const ArchSpec& A = in.launch->dev->arch;
    const model::DeviceModel& M = *A.timing;
    yield_in_time();  // links are granted in virtual-time order
    in.clock += M.noc_issue_cycles;
    std::vector<std::uint32_t> links;
    std::uint32_t hops = 0;
    for (CoreState* d : dests)
        hops = std::max(hops, to_remote ? route_links(A, in.noc & 1, point_of(*in.core), point_of(*d), links)
                                        : route_links(A, in.noc & 1, point_of(*d), point_of(*in.core), links));
    std::sort(links.begin(), links.end());
    links.erase(std::unique(links.begin(), links.end()), links.end());
    return occupy(in, in.clock, size, links) + hops * M.noc_hop_cycles + M.noc_latency_cycles;
}

// A page to or from DRAM bank `bank`: the bank serves one request at a time at its share of the
// device's bandwidth (so cores reading one bank queue behind each other and the aggregate never
// exceeds the device's), and the core's NoC port carries the data; the two stream into each
// other. Returns the virtual time the transfer completes.
std::uint64_t dram_transfer(Instance& in, std::int32_t bank_id, std::uint32_t size, bool write) {
    const ArchSpec& A = in.launch->dev->arch;
    const model::DeviceModel& M = *A.timing;
    yield_in_time();
    in.clock += M.noc_issue_cycles;
    std::uint64_t& bank = in.launch->bank_free[static_cast<std::size_t>(bank_id)];
    const std::uint64_t bank_cycles = ceil_div(size, M.dram_bank_bytes_per_cycle());
    const std::vector<std::uint32_t> links;  // the port only (see above)
    std::uint64_t bank_start, last;
    if (write) {
        const std::uint64_t sent = occupy(in, in.clock, size, links);
        bank_start = std::max(sent - ceil_div(size, M.noc_bytes_per_cycle), bank);
        bank = bank_start + bank_cycles;
        last = std::max(sent, bank);
    } else {
        bank_start = std::max(in.clock, bank);
        bank = bank_start + bank_cycles;
        last = std::max(bank, occupy(in, bank_start, size, links));
    }
    if (in.launch->tracing)
        in.launch->span(bank_start, bank_cycles, kDramTrack, static_cast<std::uint32_t>(bank_id),
                        std::string(write ? "write from " : "read by ") + core_str(in.core->logical), "dram");
    return last + M.dram_latency_cycles;
}

bool overlaps(std::uint32_t a, std::uint32_t asz, std::uint32_t b, std::uint32_t bsz) {
    return a < b + bsz && b < a + asz;
}

}  // namespace

std::uint8_t* l1_at(CoreState& core, std::uint32_t addr, std::uint32_t size, const char* op) {
    const std::uint32_t l1 = g_cur->launch->dev->arch.l1_size;
    if (static_cast<std::uint64_t>(addr) + size > l1)
        kfail(op, "L1 access [" + hex(addr) + ", +" + std::to_string(size) + ") on core " + core_str(core.logical) +
                      " is outside L1 (size " + hex(l1) + ")");
    if (addr < L1_SEMAPHORE_BASE)
        kfail(op, "L1 access [" + hex(addr) + ", +" + std::to_string(size) + ") on core " + core_str(core.logical) +
                      " falls in the reserved firmware region below " + hex(L1_SEMAPHORE_BASE));
    return core.l1 + addr;
}

void check_cb_window(CoreState& core, std::uint32_t addr, std::uint32_t size, const char* op) {
    const CBState* hit = nullptr;
    for (auto& cbp : core.cbs) {
        const CBState& cb = *cbp;
        if (!overlaps(addr, size, cb.base, cb.fifo_size)) continue;
        hit = &cb;
        const std::uint32_t off = addr - std::min(addr, cb.base);
        if (addr >= cb.base && off + size <= cb.fifo_size) {
            auto inside = [&](std::uint32_t page, std::uint32_t n) {
                const std::uint32_t lo = page * cb.page_size;
                const std::uint32_t hi = std::min(cb.fifo_size, (page + n) * cb.page_size);
                return n > 0 && off >= lo && off + size <= hi;
            };
            if (inside(cb.wr_page, cb.reserved) || inside(cb.rd_page, cb.waited)) return;
        }
    }
    if (!hit) return;
    const CBState& cb = *hit;
    // An idle CB (every pushed page popped, no window open) holds nothing another kernel could lose:
    // tt-metal does not check CB windows, and its own examples use an idle CB as scratch L1
    // (hello_world_datatypes_kernel reads into c_0 after cb_reserve_back(c_0, 0)). Said once per
    // kernel and CB, on stderr.
    if (cb.received == cb.acked && cb.reserved == 0 && cb.waited == 0) {
        kwarn(op, "uses idle " + cb_str(cb.index) + " on core " + core_str(core.logical) +
                      " as scratch L1 without a reserved or waited window (harmless: it holds no pages)");
        return;
    }
    kfail(op, "L1 access [" + hex(addr) + ", +" + std::to_string(size) + ") on core " + core_str(core.logical) +
                  " touches " + cb_str(cb.index) + " (L1 " + hex(cb.base) + "-" + hex(cb.base + cb.fifo_size) +
                  ") outside its reserved window (" + std::to_string(cb.reserved) + " pages at " +
                  hex(cb.base + cb.wr_page * cb.page_size) + ") and its waited window (" +
                  std::to_string(cb.waited) + " pages at " + hex(cb.base + cb.rd_page * cb.page_size) +
                  "); reserve with cb_reserve_back / wait with cb_wait_front first, and keep the access inside the "
                  "window (a window may not wrap past the end of the CB)");
}

CBState& cur_cb(std::uint32_t cb, const char* op) {
    if (cb >= tt::NUM_CIRCULAR_BUFFERS || !g_cur->core->cb[cb])
        kfail(op, "circular buffer " + cb_str(cb) + " is not configured on core " + core_str(g_cur->core->logical) +
                      " (CreateCircularBuffer)");
    return *g_cur->core->cb[cb];
}

void kernel_exit_checks(Instance& in) {
    g_cur = &in;
    for (auto& cbp : in.core->cbs) {
        CBState& cb = *cbp;
        if (cb.producer == &in && cb.reserved > 0)
            kfail("kernel exit", "cb_reserve_back(" + cb_str(cb.index) + ") left " + std::to_string(cb.reserved) +
                                     " reserved pages open (never pushed with cb_push_back)");
        if (cb.consumer == &in && cb.waited > 0)
            kfail("kernel exit", "cb_wait_front(" + cb_str(cb.index) + ") left " + std::to_string(cb.waited) +
                                     " waited pages open (never popped with cb_pop_front)");
    }
    if (in.cs && in.cs->dst_state != ComputeState::Dst::Idle)
        kfail("kernel exit", "the DST register is still held (missing tile_regs_release)");
    // complete outstanding NoC traffic
    for (const auto& r : in.pending_reads)
        if (r.arena_off != SIZE_MAX) std::memcpy(in.core->l1 + r.l1_addr, in.read_arena.data() + r.arena_off, r.size);
    in.pending_reads.clear();
    in.pending_writes.clear();
    in.clock = std::max({in.clock, in.reads_done_at, in.writes_done_at});
    if (in.cs) in.clock = std::max(in.clock, in.cs->other_clock);  // the later of math and pack
}

namespace kapi {
std::uint32_t logical_coord(bool y, const char* file, int line) {
    Instance& in = cur("get_absolute_logical_x/y", file, line);
    return static_cast<std::uint32_t>(y ? in.core->logical.y : in.core->logical.x);
}


std::uint32_t rt_arg(std::uint32_t i, const char* file, int line) {
    Instance& in = cur("get_arg_val", file, line);
    if (i >= in.args->size())
        kfail("get_arg_val", "index " + std::to_string(i) + " but only " + std::to_string(in.args->size()) +
                                 " runtime args were set for this kernel on this core (SetRuntimeArgs)");
    return (*in.args)[i];
}

std::uint32_t common_rt_arg(std::uint32_t i, const char* file, int line) {
    Instance& in = cur("get_common_arg_val", file, line);
    if (i >= in.common_args->size())
        kfail("get_common_arg_val", "index " + std::to_string(i) + " but only " +
                                        std::to_string(in.common_args->size()) +
                                        " common runtime args were set for this kernel (SetCommonRuntimeArgs)");
    return (*in.common_args)[i];
}

// ---------------------------------------------------------------- circular buffers
void cb_reserve_back(std::uint32_t cbi, std::uint32_t n, const char* file, int line) {
    Instance& in = cur("cb_reserve_back", file, line);
    select_thread(in, ComputeState::Thread::Pack);
    CBState& cb = cur_cb(cbi, "cb_reserve_back");
    if (n > cb.num_pages)
        kfail("cb_reserve_back", "reserving " + std::to_string(n) + " pages of " + cb_str(cbi) +
                                     ", which holds only " + std::to_string(cb.num_pages) + " pages");
    cb.producer = &in;
    const std::uint64_t from = in.clock;
    while (cb.num_pages - cb.occupancy() < n) block_on(Wait{WaitKind::CbSpace, &cb, n});
    if (n) in.clock = std::max(in.clock, cb.pop_ts[(cb.wr_page + n - 1) % cb.num_pages]);
    record_stall(in, from, "cb_reserve_back", cbi);
    cb.reserved = std::max(cb.reserved, n);
}

void cb_push_back(std::uint32_t cbi, std::uint32_t n, const char* file, int line) {
    Instance& in = cur("cb_push_back", file, line);
    select_thread(in, ComputeState::Thread::Pack);
    CBState& cb = cur_cb(cbi, "cb_push_back");
    if (n > cb.reserved) {
        const std::string what = "pushing " + std::to_string(n) + " pages of " + cb_str(cbi) + " but only " +
                                 std::to_string(cb.reserved) + " are reserved (cb_reserve_back)";
        // Pages that were free all along hold nothing another kernel could lose.
        if (cb.occupancy() + n > cb.num_pages) kfail("cb_push_back", what);
        kwarn("cb_push_back", what + "; harmless here: the pages were free");
        cb.reserved = n;
    }
    const std::uint32_t lo = cb.base + cb.wr_page * cb.page_size, sz = n * cb.page_size;
    for (const auto& r : in.pending_reads)
        if (overlaps(r.l1_addr, r.size, lo, sz))
            kfail("cb_push_back", "pushing pages of " + cb_str(cbi) + " while a noc_async_read into them (L1 " +
                                      hex(r.l1_addr) + ") has not completed: call noc_async_read_barrier() first");
    for (std::uint32_t i = 0; i < n; ++i) cb.push_ts[(cb.wr_page + i) % cb.num_pages] = in.clock;
    cb.wr_page = (cb.wr_page + n) % cb.num_pages;
    cb.received += n;
    cb.reserved -= n;
    cb.pack_pos = 0;
    cb.peak = std::max(cb.peak, cb.occupancy());
    ++g_epoch;
}

void cb_wait_front(std::uint32_t cbi, std::uint32_t n, const char* file, int line) {
    Instance& in = cur("cb_wait_front", file, line);
    select_thread(in, ComputeState::Thread::Math);
    CBState& cb = cur_cb(cbi, "cb_wait_front");
    if (n > cb.num_pages)
        kfail("cb_wait_front", "waiting for " + std::to_string(n) + " pages of " + cb_str(cbi) +
                                   ", which holds only " + std::to_string(cb.num_pages) + " pages");
    cb.consumer = &in;
    const std::uint64_t from = in.clock;
    while (cb.occupancy() < n) block_on(Wait{WaitKind::CbData, &cb, n});
    if (n) in.clock = std::max(in.clock, cb.push_ts[(cb.rd_page + n - 1) % cb.num_pages]);
    record_stall(in, from, "cb_wait_front", cbi);
    cb.waited = std::max(cb.waited, n);
}

void cb_pop_front(std::uint32_t cbi, std::uint32_t n, const char* file, int line) {
    Instance& in = cur("cb_pop_front", file, line);
    select_thread(in, ComputeState::Thread::Math);
    CBState& cb = cur_cb(cbi, "cb_pop_front");
    if (n > cb.waited)
        kfail("cb_pop_front", "popping " + std::to_string(n) + " pages of " + cb_str(cbi) + " but only " +
                                  std::to_string(cb.waited) + " were waited for (cb_wait_front)");
    const std::uint32_t lo = cb.base + cb.rd_page * cb.page_size, sz = n * cb.page_size;
    for (const auto& w : in.pending_writes)
        if (overlaps(w.l1_addr, w.size, lo, sz))
            kfail("cb_pop_front", "popping pages of " + cb_str(cbi) + " while a noc_async_write from them (L1 " +
                                      hex(w.l1_addr) +
                                      ") is still in flight: call noc_async_write_barrier() or "
                                      "noc_async_writes_flushed() first");
    for (std::uint32_t i = 0; i < n; ++i) cb.pop_ts[(cb.rd_page + i) % cb.num_pages] = in.clock;
    cb.rd_page = (cb.rd_page + n) % cb.num_pages;
    cb.acked += n;
    cb.waited -= n;
    ++g_epoch;
}

// A failed poll spins until another instance could have changed something: the poller's clock
// moves to the earliest time another runnable instance resumes at, then the others run.
static void poll_wait(Instance& in, CBState& cb, std::uint32_t n, const char* what) {
    const std::uint64_t from = in.clock;
    const std::uint64_t other = earliest_other_wake(in);
    in.clock = other == UINT64_MAX ? in.clock + 1 : std::max(in.clock + 1, other);
    record_stall(in, from, what, static_cast<int>(cb.index));
    block_on(Wait{WaitKind::None, &cb, n});
}

bool cb_pages_available_at_front(std::uint32_t cbi, std::uint32_t n, const char* file, int line) {
    Instance& in = cur("cb_pages_available_at_front", file, line);
    CBState& cb = cur_cb(cbi, "cb_pages_available_at_front");
    if (cb.occupancy() >= n) return true;
    poll_wait(in, cb, n, "cb_pages_available_at_front");
    return cb.occupancy() >= n;
}

bool cb_pages_reservable_at_back(std::uint32_t cbi, std::uint32_t n, const char* file, int line) {
    Instance& in = cur("cb_pages_reservable_at_back", file, line);
    CBState& cb = cur_cb(cbi, "cb_pages_reservable_at_back");
    if (cb.num_pages - cb.occupancy() >= n) return true;
    poll_wait(in, cb, n, "cb_pages_reservable_at_back");
    return cb.num_pages - cb.occupancy() >= n;
}

std::uint32_t cb_write_ptr(std::uint32_t cbi, const char* file, int line) {
    cur("get_write_ptr", file, line);
    CBState& cb = cur_cb(cbi, "get_write_ptr");
    return cb.base + cb.wr_page * cb.page_size;
}

std::uint32_t cb_read_ptr(std::uint32_t cbi, const char* file, int line) {
    cur("get_read_ptr", file, line);
    CBState& cb = cur_cb(cbi, "get_read_ptr");
    return cb.base + cb.rd_page * cb.page_size;
}

std::uint32_t cb_page_size(std::uint32_t cbi, const char* file, int line) {
    cur("get_tile_size", file, line);
    return cur_cb(cbi, "get_tile_size").page_size;
}

// ---------------------------------------------------------------- NoC addressing
std::uint64_t noc_xy_addr(std::uint32_t x, std::uint32_t y, std::uint32_t addr, const char* file, int line) {
    cur("get_noc_addr", file, line);
    if (x > 63 || y > 63) kfail("get_noc_addr", "NoC coordinates " + core_str({x, y}) + " out of range");
    return encode(x, y, addr);
}

std::uint64_t noc_local_addr(std::uint32_t addr) {
    if (!g_cur) throw Error("get_noc_addr called outside a running kernel");
    return encode(static_cast<std::uint32_t>(g_cur->core->noc.x), static_cast<std::uint32_t>(g_cur->core->noc.y), addr);
}

std::uint64_t noc_mcast_addr(std::uint32_t xs, std::uint32_t ys, std::uint32_t xe, std::uint32_t ye, std::uint32_t addr,
                             const char* file, int line) {
    cur("get_noc_multicast_addr", file, line);
    if (xs > 63 || ys > 63 || xe > 63 || ye > 63)
        kfail("get_noc_multicast_addr", "NoC coordinates out of range");
    return NOC_MCAST_BIT | (static_cast<std::uint64_t>(ye) << 54) | (static_cast<std::uint64_t>(xe) << 48) |
           encode(xs, ys, addr);
}

std::uint64_t interleaved_addr(std::uint32_t flags, std::uint32_t base, std::uint32_t page_size, std::uint32_t page_id,
                               std::uint32_t offset, const char* file, int line) {
    Instance& in = cur("TensorAccessor::get_noc_addr", file, line);
    DeviceImpl& dev = *in.launch->dev;
    if (!(flags & 1u)) {
        // L1-interleaved: page p on the worker core of index p % cores, at the same address on each.
        if (auto it = dev.l1_buffers.find(base); it == dev.l1_buffers.end())
            kfail("TensorAccessor::get_noc_addr", "no L1 buffer starts at L1 address " + hex(base));
        else if (page_id >= it->second->num_pages)
            kfail("TensorAccessor::get_noc_addr",
                  "page " + std::to_string(page_id) + " of the L1 buffer at " + hex(base) +
                      " is past its end: the buffer holds " + std::to_string(it->second->num_pages) + " pages");
        const std::uint32_t cores = dev.num_cores, index = page_id % cores;
        const CoreCoord logical(index % dev.arch.grid_x, index / dev.arch.grid_x);
        const CoreCoord noc = dev.arch.noc_from_logical(logical);
        return encode(static_cast<std::uint32_t>(noc.x), static_cast<std::uint32_t>(noc.y),
                      static_cast<std::uint64_t>(base) + static_cast<std::uint64_t>(page_id / cores) * page_size +
                          offset);
    }
    const std::uint32_t banks = dev.arch.dram_banks;
    // Per-buffer bounds: a page index past the end would land in whatever buffer follows.
    if (auto it = dev.buffers.find(base); it != dev.buffers.end() &&
                                                       page_id >= it->second->num_pages)
        kfail("TensorAccessor::get_noc_addr",
              "page " + std::to_string(page_id) + " of the buffer at DRAM address " + hex(base) +
                  " is past its end: the buffer holds " + std::to_string(it->second->num_pages) + " pages of " +
                  std::to_string(it->second->page_size) + " bytes");
    const std::uint64_t addr = static_cast<std::uint64_t>(base) +
                               static_cast<std::uint64_t>(page_id / banks) * page_size + offset;
    return encode(DRAM_NOC_X, page_id % banks, addr);
}

std::uint64_t dram_bank_addr(std::uint32_t bank_id, std::uint32_t offset, const char* file, int line) {
    Instance& in = cur("get_noc_addr_from_bank_id", file, line);
    if (bank_id >= in.launch->dev->arch.dram_banks)
        kfail("get_noc_addr_from_bank_id", "DRAM bank " + std::to_string(bank_id) + " does not exist (" +
                                               std::to_string(in.launch->dev->arch.dram_banks) + " banks)");
    return encode(DRAM_NOC_X, bank_id, offset);
}

// ---------------------------------------------------------------- NoC transfers
void noc_read(std::uint64_t src, std::uint32_t dst_l1, std::uint32_t size, std::uint8_t, const char* file, int line) {
    const char* op = "noc_async_read";
    Instance& in = cur(op, file, line);
    std::uint8_t* dst = l1_at(*in.core, dst_l1, size, op);
    check_cb_window(*in.core, dst_l1, size, op);
    Target t = decode(src, op);
    const std::uint8_t* from;
    if (t.bank >= 0) {
        from = dram_at(t.bank, t.addr, size, false, op);
    } else {
        if (t.addr > 0xffffffffu) kfail(op, "L1 address " + hex(t.addr) + " out of range");
        from = l1_at(*t.core, static_cast<std::uint32_t>(t.addr), size, op);
        check_cb_window(*t.core, static_cast<std::uint32_t>(t.addr), size, op);
    }
    ++in.launch->noc.unicast_reads;
    in.launch->noc.unicast_read_bytes += size;
    in.reads_done_at = std::max(in.reads_done_at,
                                t.bank >= 0 ? dram_transfer(in, t.bank, size, false)
                                            : noc_transfer(in, size, {t.core}, false));
    if (in.launch->strict) {
        const std::size_t off = in.read_arena.size();
        in.read_arena.insert(in.read_arena.end(), from, from + size);
        in.pending_reads.push_back({dst_l1, size, off});
    } else {
        std::memmove(dst, from, size);
        in.pending_reads.push_back({dst_l1, size, SIZE_MAX});
    }
}

void noc_write(std::uint32_t src_l1, std::uint64_t dst, std::uint32_t size, std::uint8_t, const char* file, int line) {
    const char* op = "noc_async_write";
    Instance& in = cur(op, file, line);
    const std::uint8_t* from = l1_at(*in.core, src_l1, size, op);
    check_cb_window(*in.core, src_l1, size, op);
    Target t = decode(dst, op);
    std::uint8_t* to;
    if (t.bank >= 0) {
        to = dram_at(t.bank, t.addr, size, true, op);
    } else {
        if (t.addr > 0xffffffffu) kfail(op, "L1 address " + hex(t.addr) + " out of range");
        to = l1_at(*t.core, static_cast<std::uint32_t>(t.addr), size, op);
        check_cb_window(*t.core, static_cast<std::uint32_t>(t.addr), size, op);
    }
    std::memmove(to, from, size);
    ++in.launch->noc.unicast_writes;
    in.launch->noc.unicast_write_bytes += size;
    in.writes_done_at = std::max(in.writes_done_at,
                                 t.bank >= 0 ? dram_transfer(in, t.bank, size, true)
                                             : noc_transfer(in, size, {t.core}, true));
    in.pending_writes.push_back({src_l1, size});
    ++g_epoch;
}

void noc_write_mcast(std::uint32_t src_l1, std::uint64_t dst, std::uint32_t size, std::uint32_t num_dests,
                     bool loopback, std::uint8_t, const char* file, int line) {
    const char* op = loopback ? "noc_async_write_multicast_loopback_src" : "noc_async_write_multicast";
    Instance& in = cur(op, file, line);
    const std::uint8_t* from = l1_at(*in.core, src_l1, size, op);
    check_cb_window(*in.core, src_l1, size, op);
    std::uint64_t addr = 0;
    auto dests = decode_mcast(dst, loopback, num_dests, op, addr);
    if (addr > 0xffffffffu) kfail(op, "L1 address " + hex(addr) + " out of range");
    for (CoreState* c : dests) {
        std::uint8_t* to = l1_at(*c, static_cast<std::uint32_t>(addr), size, op);
        check_cb_window(*c, static_cast<std::uint32_t>(addr), size, op);
        if (to != from) std::memmove(to, from, size);
    }
    ++in.launch->noc.multicast_writes;
    in.launch->noc.multicast_write_bytes += size;
    in.launch->noc.multicast_destinations += dests.size();
    in.writes_done_at = std::max(in.writes_done_at, noc_transfer(in, size, dests, true));
    in.pending_writes.push_back({src_l1, size});
    ++g_epoch;
}

void noc_read_barrier(std::uint8_t, const char* file, int line) {
    Instance& in = cur("noc_async_read_barrier", file, line);
    for (const auto& r : in.pending_reads)
        if (r.arena_off != SIZE_MAX) std::memcpy(in.core->l1 + r.l1_addr, in.read_arena.data() + r.arena_off, r.size);
    in.pending_reads.clear();
    in.read_arena.clear();
    const std::uint64_t from = in.clock;
    in.clock = std::max(in.clock, in.reads_done_at);
    record_stall(in, from, "noc_async_read_barrier");
}

void noc_write_barrier(std::uint8_t, const char* file, int line) {
    Instance& in = cur("noc_async_write_barrier", file, line);
    in.pending_writes.clear();
    const std::uint64_t from = in.clock;
    in.clock = std::max(in.clock, in.writes_done_at);
    record_stall(in, from, "noc_async_write_barrier");
}

void noc_writes_flushed(std::uint8_t, const char* file, int line) {
    Instance& in = cur("noc_async_writes_flushed", file, line);
    in.pending_writes.clear();
    const std::uint64_t from = in.clock;
    in.clock = std::max(in.clock, in.writes_done_at - std::min<std::uint64_t>(in.writes_done_at,
                                                                              in.launch->dev->arch.noc_latency_cycles));
    record_stall(in, from, "noc_async_writes_flushed");
}

// ---------------------------------------------------------------- semaphores
std::uint32_t semaphore_addr(std::uint32_t id, const char* file, int line) {
    Instance& in = cur("get_semaphore", file, line);
    if (id >= L1_MAX_SEMAPHORES || !(in.core->sem_mask & (1u << id)))
        kfail("get_semaphore", "semaphore " + std::to_string(id) + " was not created on core " +
                                   core_str(in.core->logical) + " (CreateSemaphore)");
    return L1_SEMAPHORE_BASE + id * L1_SEMAPHORE_STRIDE;
}

static std::uint32_t local_sem_addr(volatile std::uint32_t* p, const char* op) {
    const auto a = reinterpret_cast<std::uintptr_t>(p);
    if (a > 0xffffffffu || (a & 3))
        kfail(op, "semaphore pointer " + hex(a) + " is not a 4-byte aligned L1 address (use get_semaphore)");
    return static_cast<std::uint32_t>(a);
}

void sem_wait(volatile std::uint32_t* p, std::uint32_t value, bool at_least, const char* file, int line) {
    const char* op = at_least ? "noc_semaphore_wait_min" : "noc_semaphore_wait";
    Instance& in = cur(op, file, line);
    const std::uint32_t addr = local_sem_addr(p, op);
    auto* host = reinterpret_cast<volatile std::uint32_t*>(l1_at(*in.core, addr, 4, op));
    Wait w{WaitKind::Sem};
    w.sem = host;
    w.sem_addr = addr;
    w.value = value;
    w.at_least = at_least;
    const std::uint64_t from = in.clock;
    while (!wait_ready(w)) block_on(w);
    auto it = in.launch->sem_ts.find(sem_key(*in.core, addr));
    if (it != in.launch->sem_ts.end()) in.clock = std::max(in.clock, it->second);
    record_stall(in, from, op);
}

void sem_set(volatile std::uint32_t* p, std::uint32_t value, const char* file, int line) {
    Instance& in = cur("noc_semaphore_set", file, line);
    const std::uint32_t addr = local_sem_addr(p, "noc_semaphore_set");
    *reinterpret_cast<volatile std::uint32_t*>(l1_at(*in.core, addr, 4, "noc_semaphore_set")) = value;
    in.launch->sem_ts[sem_key(*in.core, addr)] = in.clock;
    ++g_epoch;
}

void sem_inc(std::uint64_t noc_addr, std::uint32_t incr, std::uint8_t, const char* file, int line) {
    const char* op = "noc_semaphore_inc";
    Instance& in = cur(op, file, line);
    Target t = decode(noc_addr, op);
    if (t.bank >= 0) kfail(op, "semaphores live in L1; the address targets DRAM bank " + std::to_string(t.bank));
    if (t.addr & 3) kfail(op, "semaphore address " + hex(t.addr) + " is not 4-byte aligned");
    auto* p = reinterpret_cast<std::uint32_t*>(l1_at(*t.core, static_cast<std::uint32_t>(t.addr), 4, op));
    *p += incr;
    ++in.launch->noc.semaphore_incs;
    in.launch->sem_ts[sem_key(*t.core, t.addr)] = noc_transfer(in, 4, {t.core}, true);
    ++g_epoch;
}

void sem_set_mcast(std::uint32_t src_l1, std::uint64_t dst, std::uint32_t num_dests, bool loopback, std::uint8_t,
                   const char* file, int line) {
    const char* op = loopback ? "noc_semaphore_set_multicast_loopback_src" : "noc_semaphore_set_multicast";
    Instance& in = cur(op, file, line);
    std::uint32_t value;
    std::memcpy(&value, l1_at(*in.core, src_l1, 4, op), 4);
    std::uint64_t addr = 0;
    auto dests = decode_mcast(dst, loopback, num_dests, op, addr);
    const std::uint64_t done = noc_transfer(in, 4, dests, true);
    for (CoreState* c : dests) {
        std::memcpy(l1_at(*c, static_cast<std::uint32_t>(addr), 4, op), &value, 4);
        in.launch->sem_ts[sem_key(*c, addr)] = done;
    }
    ++in.launch->noc.semaphore_multicasts;
    ++g_epoch;
}

void sem_set_remote(std::uint32_t src_l1, std::uint64_t dst, std::uint8_t, const char* file, int line) {
    const char* op = "noc_semaphore_set_remote";
    Instance& in = cur(op, file, line);
    std::uint32_t value;
    std::memcpy(&value, l1_at(*in.core, src_l1, 4, op), 4);
    Target t = decode(dst, op);
    if (t.bank >= 0) kfail(op, "semaphores live in L1; the address targets DRAM");
    std::memcpy(l1_at(*t.core, static_cast<std::uint32_t>(t.addr), 4, op), &value, 4);
    ++in.launch->noc.semaphore_remote_sets;
    in.launch->sem_ts[sem_key(*t.core, t.addr)] = noc_transfer(in, 4, {t.core}, true);
    ++g_epoch;
}

}  // namespace kapi
}  // namespace ttemu
