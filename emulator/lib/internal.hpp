// Internal state of the Metalium emulator runtime (not part of the public API).
#pragma once
#include <array>
#include <cstdint>
#include <exception>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <tt-metalium/distributed.hpp>
#include <tt-metalium/host_api.hpp>
#include <ttemu/device_model.hpp>
#include <ttemu/error.hpp>
#include <ttemu/timing.hpp>

namespace ttemu {

// ---------------------------------------------------------------- architecture
struct ArchSpec {
    std::string name;
    tt::ARCH arch;
    std::uint32_t grid_x, grid_y;
    std::uint32_t dram_banks;
    std::uint32_t l1_size;
    std::uint32_t dram_alignment;
    std::uint32_t l1_alignment;
    std::uint64_t dram_bank_size;
    double clock_ghz;
    double dram_gbps;
    std::uint32_t noc_bytes_per_cycle;
    std::uint32_t noc_latency_cycles;
    std::uint32_t usable_cbs;
    const model::DeviceModel* timing;  // every timing parameter, with its source
    CoreCoord noc_from_logical(CoreCoord logical) const;
    // NoC coordinates -> logical worker core; false if (x, y) is not a worker core.
    bool logical_from_noc(std::uint32_t x, std::uint32_t y, CoreCoord& logical) const;
};
const ArchSpec& arch_from_env();

// L1 map of every core (byte addresses from 0).
constexpr std::uint32_t L1_SEMAPHORE_BASE = 0x10000;  // below: firmware, not addressable by kernels
constexpr std::uint32_t L1_SEMAPHORE_STRIDE = 16;
constexpr std::uint32_t L1_MAX_SEMAPHORES = 16;
constexpr std::uint32_t L1_UNRESERVED_BASE = 0x20000;  // CBs start here
constexpr std::uint32_t MAX_RUNTIME_ARGS = 341;

// NoC address encoding: bits 0-35 local address, 36-41 x, 42-47 y; multicast adds bit 63 and the end
// corner at bits 48-53 (x) and 54-59 (y). DRAM bank b sits at NoC (0, b).
constexpr std::uint64_t NOC_MCAST_BIT = 1ull << 63;
constexpr std::uint32_t DRAM_NOC_X = 0;

std::string hex(std::uint64_t v);
std::string core_str(CoreCoord c);
std::string cb_str(std::uint32_t cb);

// ---------------------------------------------------------------- device and buffers
struct DeviceImpl;

struct BufferImpl {
    std::shared_ptr<DeviceImpl> dev;
    std::uint32_t id = 0;
    std::uint32_t address = 0;
    std::uint64_t size = 0;
    std::uint32_t page_size = 0;
    std::uint32_t aligned_page = 0;
    std::uint32_t num_pages = 0;
    std::uint32_t banks = 0;
    // L1 buffers: pages interleaved over the worker cores (bank b = core index b), stored in the
    // cores' L1 at `address`; DRAM buffers keep their banks' bytes in bank_data.
    bool l1 = false;
    std::vector<std::vector<std::uint8_t>> bank_data;
    std::uint64_t read_bytes = 0, written_bytes = 0;        // by kernels, cumulative
    std::uint64_t host_read_bytes = 0, host_written_bytes = 0;
    bool allocated = false;

    std::uint32_t pages_in_bank(std::uint32_t bank) const {
        return num_pages / banks + (bank < num_pages % banks ? 1u : 0u);
    }
    std::uint64_t bank_extent() const {  // address span reserved in every bank
        return static_cast<std::uint64_t>((num_pages + banks - 1) / banks) * aligned_page;
    }
    ~BufferImpl();
};

struct ProgramStats;

// The host side of an open mesh: its links to the chips and the buffer transfers over them. A transfer's
// modeled time is the busiest link's bytes over the link bandwidth (the links work in parallel).
struct HostSide {
    std::string system;  // the system's name (n150, n300, t3k, galaxy, p150) or "RxC <device> mesh"
    std::uint32_t rows = 1, cols = 1;
    std::uint32_t chips_per_link = 1;
    double link_gbps = 0;
    std::uint64_t to_device_bytes = 0, from_device_bytes = 0;
    std::uint32_t to_device_transfers = 0, from_device_transfers = 0;
    double to_device_us = 0, from_device_us = 0;
    // At the last program's launch: a program's stats report the transfers since the previous one.
    std::uint64_t to_device_at_launch = 0, from_device_at_launch = 0;
    double us_at_launch = 0;
    std::uint32_t programs_run = 0;  // programs, or mesh workloads
    std::uint32_t links() const { return (rows * cols + chips_per_link - 1) / chips_per_link; }
    // Accounts one transfer of bytes_per_chip[i] bytes to (or from) the chip at row-major index i.
    void account(const std::vector<std::uint64_t>& bytes_per_chip, bool to_device);
    // A program (or mesh workload) launches: later stats report the transfers since.
    void mark_launch() {
        to_device_at_launch = to_device_bytes;
        from_device_at_launch = from_device_bytes;
        us_at_launch = to_device_us + from_device_us;
    }
};

struct DeviceImpl {
    ArchSpec arch;
    bool open = true;
    int memfd = -1;
    std::uint8_t* l1_mem = nullptr;  // all cores' L1, core i at l1_mem + i * l1_stride
    std::size_t l1_stride = 0;
    std::uint32_t num_cores = 0;
    std::map<std::uint32_t, BufferImpl*> buffers;  // DRAM buffers, by address
    std::map<std::uint32_t, BufferImpl*> l1_buffers;  // L1 buffers, by address (allocated top-down)
    std::uint32_t next_buffer_id = 0;
    std::shared_ptr<HostSide> host;  // shared by the devices of a mesh
    std::uint32_t mesh_row = 0, mesh_col = 0;  // where the device sits in its mesh
    std::uint32_t device_id = 0;               // its row-major index: the chip id DPRINT shows
    bool in_larger_mesh() const { return host && host->rows * host->cols > 1; }
    std::string mesh_str() const { return "(" + std::to_string(mesh_row) + ", " + std::to_string(mesh_col) + ")"; }

    explicit DeviceImpl(const ArchSpec& a);
    void check_open(const char* fn) const;
    ~DeviceImpl();
    std::uint8_t* l1(std::uint32_t core_index) const { return l1_mem + core_index * l1_stride; }
    std::uint32_t core_index(CoreCoord c) const { return static_cast<std::uint32_t>(c.y * arch.grid_x + c.x); }
    std::uint32_t allocate(std::uint64_t bank_bytes, std::uint32_t alignment, BufferImpl* b);
    // An L1 buffer's address, the same on every core, below the L1 buffers already there.
    std::uint32_t allocate_l1(std::uint64_t bank_bytes, BufferImpl* b);
    // The lowest L1 address an L1 buffer holds (l1_size without any): circular buffers end below it.
    std::uint32_t l1_buffers_bottom() const;
    // Where page `page` of an L1 buffer lives: the core index and the byte in its L1.
    std::uint8_t* l1_page(const BufferImpl& b, std::uint32_t page) const {
        return l1(page % b.banks) + b.address + static_cast<std::size_t>(page / b.banks) * b.aligned_page;
    }
    void release(BufferImpl* b);
    // Buffer holding [addr, addr + size) in the given bank, or nullptr.
    BufferImpl* find_buffer(std::uint32_t bank, std::uint64_t addr, std::uint64_t size, std::string* why) const;
};

// ---------------------------------------------------------------- programs
struct CompileJob;

struct ArgsEntry {
    std::vector<std::uint32_t> values;
    tt::tt_metal::RuntimeArgsData view;
};

struct KernelDef {
    std::uint32_t handle = 0;
    std::string path;  // absolute
    std::string name;  // file name
    CoreRangeSet cores;
    bool compute = false;
    tt::tt_metal::DataMovementConfig dm;
    tt::tt_metal::ComputeConfig cc;
    std::map<CoreCoord, std::unique_ptr<ArgsEntry>> rt_args;
    ArgsEntry common_args;
    std::shared_ptr<CompileJob> job;
    std::string role() const;
};

struct CBDef {
    CoreRangeSet cores;
    tt::tt_metal::CircularBufferConfig config;
};

struct SemDef {
    CoreRangeSet cores;
    std::uint32_t id;
    std::uint32_t initial;
};

struct ProgramState {
    std::vector<CBDef> cbs;
    std::vector<std::unique_ptr<KernelDef>> kernels;
    std::vector<SemDef> sems;
    KernelDef& kernel(std::uint32_t handle, const char* fn);
};

// ---------------------------------------------------------------- kernel compilation
struct CompileJob {
    std::string key;
    std::string source;
    std::string so_path;
    std::string log_path;
    std::string command;
    int pid = -1;
    bool cache_hit = false;
    bool finished = false;
    std::string error;
    double seconds = 0;
    double start_time = 0;
    void* handle = nullptr;
    void (*entry)() = nullptr;
};
std::shared_ptr<CompileJob> start_kernel_compile(const KernelDef& k, const ArchSpec& arch);
void finish_kernel_compile(CompileJob& job);  // waits, loads; throws ttemu::Error on failure
std::string kernel_include_dir();
std::string kernel_cache_dir();

// ---------------------------------------------------------------- execution
// The L1 window: the current core's L1 is mapped at its own 0-based addresses so kernels can
// dereference L1 addresses (semaphore pointers, get_read_ptr casts) directly.
void l1_window_attach(DeviceImpl* dev);
void l1_window_detach(DeviceImpl* dev);
// What one device's run of a program reports, for a mesh workload to combine with the other devices'.
struct DeviceRunReport {
    std::string json;  // the program's stats entry
    std::string text;  // its printed summary
    std::uint64_t cycles = 0;
    double ideal_matmul_cycles = 0;
    std::uint32_t cores = 0;
    std::uint32_t mesh_row = 0, mesh_col = 0;
};
// Runs a program on one device. With `out`, the stats entry and summary go there instead of the stats
// file and stderr (a mesh workload reports its devices together); `program_no` numbers the program.
void run_program(DeviceImpl& dev, ProgramState& prog, std::uint32_t program_no, DeviceRunReport* out = nullptr);
ProgramTiming& mutable_last_program_timing();
// Adds a finished program's (or mesh workload's) stats entry and rewrites the stats file.
void record_program_stats(const DeviceImpl& dev, std::string json);
// Rewrites $TTEMU_STATS_JSON (when set): every program's stats and the run's host transfers so far.
void write_stats_json(const DeviceImpl& dev);
// At device close (the destructor closes too): the stats file once more, with the transfers after the
// last program, and the run's host <-> device transfers on stderr (with TTEMU_STATS), modeled apart from
// the device time.
void report_host_transfers(const DeviceImpl& dev);
double now_seconds();
bool env_flag(const char* name, bool dflt);

}  // namespace ttemu
