// Devices, DRAM buffers and host transfers.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <exception>
#include <sstream>

#include "internal.hpp"

namespace ttemu {

std::string hex(std::uint64_t v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
    return buf;
}
std::string core_str(CoreCoord c) { return "(" + std::to_string(c.x) + "," + std::to_string(c.y) + ")"; }
std::string cb_str(std::uint32_t cb) { return "c_" + std::to_string(cb); }

bool env_flag(const char* name, bool dflt) {
    const char* v = std::getenv(name);
    if (!v || !*v) return dflt;
    return !(std::strcmp(v, "0") == 0 || std::strcmp(v, "false") == 0 || std::strcmp(v, "off") == 0 ||
             std::strcmp(v, "no") == 0);
}

CoreCoord ArchSpec::noc_from_logical(CoreCoord c) const {
    if (arch == tt::ARCH::BLACKHOLE) return {c.x < 7 ? c.x + 1 : c.x + 3, c.y + 2};
    return {c.x + 18, c.y + 18};
}

bool ArchSpec::logical_from_noc(std::uint32_t x, std::uint32_t y, CoreCoord& out) const {
    std::int64_t lx, ly;
    if (arch == tt::ARCH::BLACKHOLE) {
        if (x >= 1 && x <= 7)
            lx = x - 1;
        else if (x >= 10)
            lx = x - 3;
        else
            return false;
        ly = static_cast<std::int64_t>(y) - 2;
    } else {
        lx = static_cast<std::int64_t>(x) - 18;
        ly = static_cast<std::int64_t>(y) - 18;
    }
    if (lx < 0 || ly < 0 || lx >= grid_x || ly >= grid_y) return false;
    out = CoreCoord(static_cast<std::size_t>(lx), static_cast<std::size_t>(ly));
    return true;
}

const ArchSpec& arch_from_env() {
    // Layout facts here; timing parameters from the device model (ttemu/device_model.hpp).
    auto spec = [](const char* name, tt::ARCH arch, std::uint32_t usable_cbs, const model::DeviceModel& m) {
        return ArchSpec{name, arch, m.grid_x, m.grid_y, m.dram_banks, 1464 * 1024, m.dram_alignment, 16,
                        m.dram_bank_bytes, m.clock_ghz, m.dram_gbps, m.noc_bytes_per_cycle, m.noc_latency_cycles,
                        usable_cbs, &m};
    };
    static const ArchSpec wormhole = spec("wormhole_b0", tt::ARCH::WORMHOLE_B0, 32, model::kWormholeB0);
    static const ArchSpec blackhole = spec("blackhole", tt::ARCH::BLACKHOLE, 64, model::kBlackhole);
    const char* v = std::getenv("TTEMU_ARCH");
    if (!v || !*v) v = std::getenv("ARCH_NAME");
    if (!v || !*v) return wormhole;
    std::string s(v);
    if (s == "wormhole_b0" || s == "wormhole" || s == "WORMHOLE_B0") return wormhole;
    if (s == "blackhole" || s == "BLACKHOLE") return blackhole;
    throw Error("TTEMU_ARCH='" + s + "' is not a known device (use wormhole_b0 or blackhole)");
}

// ---------------------------------------------------------------- DeviceImpl
DeviceImpl::DeviceImpl(const ArchSpec& a) : arch(a) {
    num_cores = arch.grid_x * arch.grid_y;
    long page = sysconf(_SC_PAGESIZE);
    l1_stride = (arch.l1_size + page - 1) / page * page;
    memfd = memfd_create("ttemu-l1", MFD_CLOEXEC);
    if (memfd < 0) throw Error("ttemu: memfd_create failed for the L1 model");
    if (ftruncate(memfd, static_cast<off_t>(l1_stride * num_cores)) != 0)
        throw Error("ttemu: cannot size the L1 model");
    void* p = mmap(nullptr, l1_stride * num_cores, PROT_READ | PROT_WRITE, MAP_SHARED, memfd, 0);
    if (p == MAP_FAILED) throw Error("ttemu: cannot map the L1 model");
    l1_mem = static_cast<std::uint8_t*>(p);
    l1_window_attach(this);
}

DeviceImpl::~DeviceImpl() {
    l1_window_detach(this);
    if (l1_mem) munmap(l1_mem, l1_stride * num_cores);
    if (memfd >= 0) ::close(memfd);
}

void DeviceImpl::check_open(const char* fn) const {
    if (!open) throw Error(std::string(fn) + ": the device has been closed");
}

std::uint32_t DeviceImpl::allocate(std::uint64_t bank_bytes, std::uint32_t alignment, BufferImpl* b) {
    auto align = [&](std::uint64_t v) { return (v + alignment - 1) / alignment * alignment; };
    std::uint64_t start = arch.timing->dram_reserved_bytes;
    for (const auto& [addr, buf] : buffers) {
        if (align(start) + bank_bytes <= addr) break;
        start = std::max<std::uint64_t>(start, addr + buf->bank_extent());
    }
    start = align(start);
    if (start + bank_bytes > arch.dram_bank_size)
        throw Error("MeshBuffer::create: out of DRAM: need " + std::to_string(bank_bytes) + " bytes per bank at " +
                    hex(start) + ", bank size " + hex(arch.dram_bank_size));
    buffers[static_cast<std::uint32_t>(start)] = b;
    return static_cast<std::uint32_t>(start);
}

void DeviceImpl::release(BufferImpl* b) {
    auto& map = b->l1 ? l1_buffers : buffers;
    auto it = map.find(b->address);
    if (it != map.end() && it->second == b) map.erase(it);
}

std::uint32_t DeviceImpl::l1_buffers_bottom() const {
    return l1_buffers.empty() ? arch.l1_size : l1_buffers.begin()->first;
}

// tt-metal allocates L1 buffers from the top of L1 down, circular buffers from the bottom up.
std::uint32_t DeviceImpl::allocate_l1(std::uint64_t bank_bytes, BufferImpl* b) {
    const std::uint64_t bottom = l1_buffers_bottom();
    const std::uint32_t align = arch.l1_alignment;
    if (bank_bytes + L1_UNRESERVED_BASE > bottom)
        throw Error("MeshBuffer::create: out of L1: an L1 buffer needs " + std::to_string(bank_bytes) +
                    " bytes on each core but only " + std::to_string(bottom - L1_UNRESERVED_BASE) + " are left below " +
                    hex(bottom));
    const std::uint32_t start = static_cast<std::uint32_t>((bottom - bank_bytes) / align * align);
    l1_buffers[start] = b;
    return start;
}

BufferImpl* DeviceImpl::find_buffer(std::uint32_t bank, std::uint64_t addr, std::uint64_t size,
                                    std::string* why) const {
    auto it = buffers.upper_bound(static_cast<std::uint32_t>(std::min<std::uint64_t>(addr, 0xFFFFFFFFu)));
    if (it == buffers.begin()) {
        if (why) *why = "no DRAM buffer is allocated at or below this address";
        return nullptr;
    }
    --it;
    BufferImpl* b = it->second;
    std::uint64_t end = static_cast<std::uint64_t>(b->address) +
                        static_cast<std::uint64_t>(b->pages_in_bank(bank)) * b->aligned_page;
    if (addr + size <= end) return b;
    if (why)
        *why = "nearest buffer #" + std::to_string(b->id) + " at " + hex(b->address) + " holds " +
               std::to_string(b->pages_in_bank(bank)) + " pages of " + std::to_string(b->aligned_page) +
               " B in bank " + std::to_string(bank) + " (ends at " + hex(end) + ")";
    return nullptr;
}

BufferImpl::~BufferImpl() {
    if (allocated && dev) dev->release(this);
}

void HostSide::account(const std::vector<std::uint64_t>& bytes_per_chip, bool to_device) {
    std::uint64_t total = 0;
    for (std::uint64_t bytes : bytes_per_chip) total += bytes;
    if (total == 0) return;
    const double us =
        static_cast<double>(model::busiest_link_bytes(chips_per_link, bytes_per_chip)) / (link_gbps * 1e3);
    if (to_device) {
        to_device_bytes += total;
        ++to_device_transfers;
        to_device_us += us;
    } else {
        from_device_bytes += total;
        ++from_device_transfers;
        from_device_us += us;
    }
}

namespace {
bool g_mesh_open = false;

[[noreturn]] void terminate_handler() {
    if (std::exception_ptr e = std::current_exception()) {
        try {
            std::rethrow_exception(e);
        } catch (const Error& err) {
            std::fprintf(stderr, "ttemu error: %s\n", err.what());
            std::fflush(stderr);
            std::_Exit(1);
        } catch (const std::exception& ex) {
            std::fprintf(stderr, "terminate called after an uncaught exception: %s\n", ex.what());
        } catch (...) {
        }
    }
    std::abort();
}
struct InstallTerminate {
    InstallTerminate() { std::set_terminate(terminate_handler); }
} install_terminate;

// One device's part of a mesh buffer, allocated on that device.
std::shared_ptr<BufferImpl> allocate_on(const std::shared_ptr<DeviceImpl>& dev, std::uint64_t size,
                                        const tt::tt_metal::distributed::DeviceLocalBufferConfig& local) {
    auto b = std::make_shared<BufferImpl>();
    b->dev = dev;
    b->id = dev->next_buffer_id++;
    b->size = size;
    b->page_size = static_cast<std::uint32_t>(local.page_size);
    b->l1 = local.buffer_type == tt::tt_metal::BufferType::L1;
    const std::uint32_t align = b->l1 ? dev->arch.l1_alignment : dev->arch.dram_alignment;
    b->aligned_page = (b->page_size + align - 1) / align * align;
    b->num_pages = static_cast<std::uint32_t>(size / local.page_size);
    if (b->l1) {
        // Pages over the worker cores, core index order (row by row).
        b->banks = dev->num_cores;
        b->address = dev->allocate_l1(b->bank_extent(), b.get());
        b->allocated = true;
        for (std::uint32_t p = 0; p < b->num_pages; ++p) std::memset(dev->l1_page(*b, p), 0, b->aligned_page);
        return b;
    }
    b->banks = dev->arch.dram_banks;
    b->address = dev->allocate(b->bank_extent(), align, b.get());
    b->allocated = true;
    b->bank_data.resize(b->banks);
    for (std::uint32_t i = 0; i < b->banks; ++i)
        b->bank_data[i].assign(static_cast<std::size_t>(b->pages_in_bank(i)) * b->aligned_page, 0);
    return b;
}

std::uint8_t* page_ptr(BufferImpl& b, std::uint32_t p) {
    return b.l1 ? b.dev->l1_page(b, p)
                : &b.bank_data[p % b.banks][static_cast<std::size_t>(p / b.banks) * b.aligned_page];
}
void write_pages(BufferImpl& b, const std::uint8_t* src) {
    for (std::uint32_t p = 0; p < b.num_pages; ++p)
        std::memcpy(page_ptr(b, p), src + static_cast<std::size_t>(p) * b.page_size, b.page_size);
    b.host_written_bytes += b.size;
}
void read_pages(BufferImpl& b, std::uint8_t* dst) {
    for (std::uint32_t p = 0; p < b.num_pages; ++p)
        std::memcpy(dst + static_cast<std::size_t>(p) * b.page_size, page_ptr(b, p), b.page_size);
    b.host_read_bytes += b.size;
}
}  // namespace

}  // namespace ttemu

// ---------------------------------------------------------------- public API
namespace tt::tt_metal::distributed {
using namespace ttemu;

MeshDevice::MeshDevice(int device_id, MeshShape shape, std::vector<std::shared_ptr<DeviceImpl>> devices)
    : device_id_(device_id),
      shape_(std::move(shape)),
      devices_(std::move(devices)),
      cq_(std::make_unique<MeshCommandQueue>(this)) {}

MeshDevice::~MeshDevice() { close(); }

std::shared_ptr<MeshDevice> MeshDevice::create_unit_mesh(int device_id, std::size_t l1_small_size,
                                                         std::size_t trace_region_size, std::size_t num_command_queues,
                                                         const DispatchCoreConfig& dispatch_core_config) {
    if (device_id != 0)
        throw Error("MeshDevice::create_unit_mesh: the emulated system's devices open as one mesh; device " +
                    std::to_string(device_id) + " alone is not available (use id 0, or MeshDevice::create with a "
                    "mesh shape)");
    return create(MeshDeviceConfig(MeshShape(1, 1)), l1_small_size, trace_region_size, num_command_queues,
                  dispatch_core_config);
}

std::shared_ptr<MeshDevice> MeshDevice::create(const MeshDeviceConfig& config, std::size_t, std::size_t, std::size_t,
                                               const DispatchCoreConfig&) {
    MeshShape shape = config.mesh_shape().value_or(MeshShape(1, 1));
    if (shape.dims() == 1) shape = MeshShape(1, shape[0]);
    std::string dims;
    for (std::size_t i = 0; i < shape.dims(); ++i) dims += (i ? "x" : "") + std::to_string(shape[i]);
    if (shape.dims() != 2 || shape.mesh_size() == 0 || shape.mesh_size() > model::kMaxMeshDevices)
        throw Error("MeshDevice::create: a " + dims + " mesh asked for; the emulator opens two-dimensional meshes of "
                    "1 to " + std::to_string(model::kMaxMeshDevices) + " devices (1x1 n150/p150, 1x2 n300, 2x4 T3000, "
                    "4x8 Galaxy)");
    if (config.offset() && *config.offset() != MeshCoordinate::zero_coordinate(config.offset()->dims()))
        throw Error("MeshDevice::create: the emulated system mesh starts at (0, 0); an offset of " +
                    config.offset()->str() + " is not emulated");
    if (g_mesh_open) throw Error("MeshDevice::create: a mesh device is already open (close it first)");
    const ArchSpec& arch = arch_from_env();
    auto host = std::make_shared<HostSide>();
    host->rows = shape[0];
    host->cols = shape[1];
    host->link_gbps = arch.timing->host_link_gbps;
    if (const model::SystemModel* system = model::find_system(arch.name, shape[0], shape[1])) {
        host->system = std::string(system->name);
        host->chips_per_link = system->chips_per_host_link;
    } else {
        host->system = dims + " " + arch.name + " mesh";
        host->chips_per_link = 1;
    }
    std::vector<std::shared_ptr<DeviceImpl>> devices;
    for (std::uint32_t r = 0; r < shape[0]; ++r)
        for (std::uint32_t c = 0; c < shape[1]; ++c) {
            auto dev = std::make_shared<DeviceImpl>(arch);
            dev->host = host;
            dev->mesh_row = r;
            dev->mesh_col = c;
            dev->device_id = r * shape[1] + c;
            devices.push_back(std::move(dev));
        }
    g_mesh_open = true;
    const int id = config.physical_device_ids().empty() ? 0 : config.physical_device_ids().front();
    return std::make_shared<MeshDevice>(id, shape, std::move(devices));
}

bool MeshDevice::close() {
    if (devices_.empty() || !devices_.front()->open) return true;
    for (auto& dev : devices_) dev->open = false;
    ::ttemu::report_host_transfers(*devices_.front());
    for (auto& dev : devices_) l1_window_detach(dev.get());
    g_mesh_open = false;
    return true;
}

bool MeshDevice::is_initialized() const { return !devices_.empty() && devices_.front()->open; }
tt::ARCH MeshDevice::arch() const { return ttemu_impl()->arch.arch; }
CoreCoord MeshDevice::compute_with_storage_grid_size() const {
    return {ttemu_impl()->arch.grid_x, ttemu_impl()->arch.grid_y};
}
CoreCoord MeshDevice::worker_core_from_logical_core(const CoreCoord& c) const {
    const ArchSpec& a = ttemu_impl()->arch;
    if (c.x >= a.grid_x || c.y >= a.grid_y)
        throw Error("worker_core_from_logical_core: logical core " + core_str(c) + " is outside the " +
                    std::to_string(a.grid_x) + "x" + std::to_string(a.grid_y) + " grid");
    return a.noc_from_logical(c);
}
std::uint32_t MeshDevice::num_dram_channels() const { return ttemu_impl()->arch.dram_banks; }
std::uint32_t MeshDevice::l1_size_per_core() const { return ttemu_impl()->arch.l1_size; }
std::uint32_t MeshDevice::dram_size_per_channel() const {
    return static_cast<std::uint32_t>(std::min<std::uint64_t>(ttemu_impl()->arch.dram_bank_size, 0xFFFFFFFFu));
}
MeshCommandQueue& MeshDevice::mesh_command_queue(std::optional<std::uint8_t> cq_id) {
    if (cq_id && *cq_id != 0) throw Error("mesh_command_queue: the emulator has one command queue (id 0)");
    return *cq_;
}
const std::shared_ptr<DeviceImpl>& MeshDevice::ttemu_impl() const { return devices_.front(); }
const std::shared_ptr<DeviceImpl>& MeshDevice::ttemu_device(std::size_t linear_index) const {
    return devices_.at(linear_index);
}

// ---- MeshBuffer
MeshBuffer::MeshBuffer(MeshDevice* device, const MeshBufferConfig& config, const DeviceLocalBufferConfig& local,
                       DeviceAddr device_local_size, std::vector<std::shared_ptr<BufferImpl>> impls)
    : device_(device),
      config_(config),
      local_config_(local),
      device_local_size_(device_local_size),
      impls_(std::move(impls)),
      views_(impls_.size()) {}
MeshBuffer::~MeshBuffer() = default;

std::shared_ptr<MeshBuffer> MeshBuffer::create(const MeshBufferConfig& config, const DeviceLocalBufferConfig& local,
                                               MeshDevice* device, std::optional<DeviceAddr> address) {
    if (!device) throw Error("MeshBuffer::create: null device");
    device->ttemu_impl()->check_open("MeshBuffer::create");
    if (local.buffer_type != BufferType::DRAM && local.buffer_type != BufferType::L1)
        throw Error("MeshBuffer::create: only DRAM and L1 interleaved buffers are supported by the emulator yet");
    if (address) throw Error("MeshBuffer::create: explicit addresses are not supported by the emulator");
    std::uint64_t size = 0;
    if (const auto* replicated = std::get_if<ReplicatedBufferConfig>(&config)) {
        size = replicated->size;
    } else {
        // tt-metal's rules: shards tile the global shape, and the shards (times the devices a replicated
        // dimension copies them to) fit the mesh.
        const auto& sharded = std::get<ShardedBufferConfig>(config);
        const auto [gh, gw] = sharded.global_buffer_shape;
        const auto [sh, sw] = sharded.physical_shard_shape();
        if (gh == 0 || gw == 0 || sharded.global_size == 0 || sharded.global_size % (gh * gw) != 0)
            throw Error("MeshBuffer::create: global_size " + std::to_string(sharded.global_size) +
                        " bytes is not a whole number of datums of the " + std::to_string(gh) + "x" +
                        std::to_string(gw) + " global buffer shape");
        if (gh % sh != 0 || gw % sw != 0)
            throw Error("MeshBuffer::create: the global buffer shape " + std::to_string(gh) + "x" + std::to_string(gw) +
                        " is not a whole number of " + std::to_string(sh) + "x" + std::to_string(sw) + " shards");
        std::size_t shards = (gh / sh) * (gw / sw);
        const auto [height_replicated, width_replicated] = sharded.replicated_dims();
        if (height_replicated && width_replicated)
            shards *= device->num_devices();
        else if (height_replicated || width_replicated)
            shards *= sharded.shard_orientation == ShardOrientation::ROW_MAJOR ? device->num_rows() : device->num_cols();
        if (shards > device->num_devices())
            throw Error("MeshBuffer::create: the sharded buffer does not fit the mesh: " + std::to_string(shards) +
                        " shards (replicas included) for " + std::to_string(device->num_devices()) + " devices");
        size = static_cast<std::uint64_t>(sharded.compute_datum_size_bytes()) * sh * sw;
    }
    if (local.page_size == 0 || size == 0 || size % local.page_size != 0)
        throw Error("MeshBuffer::create: size " + std::to_string(size) + " must be a non-zero multiple of page_size " +
                    std::to_string(local.page_size));
    if (size / local.page_size > 0xFFFFFFFFull)
        throw Error("MeshBuffer::create: " + std::to_string(size / local.page_size) +
                    " pages do not fit a 32-bit page index");
    std::vector<std::shared_ptr<BufferImpl>> impls;
    for (std::size_t i = 0; i < device->num_devices(); ++i) {
        impls.push_back(allocate_on(device->ttemu_device(i), size, local));
        // Every device allocates the same buffers in the same order, so one address serves the mesh.
        if (impls.back()->address != impls.front()->address)
            throw Error("MeshBuffer::create: the devices of the mesh allocated the buffer at different addresses (" +
                        hex(impls.front()->address) + ", " + hex(impls.back()->address) + ")");
    }
    return std::make_shared<MeshBuffer>(device, config, local, size, std::move(impls));
}

DeviceAddr MeshBuffer::address() const { return impls_.front()->address; }
DeviceAddr MeshBuffer::size() const {
    if (const auto* sharded = std::get_if<ShardedBufferConfig>(&config_)) return sharded->global_size;
    return device_local_size_;
}
const ShardedBufferConfig& MeshBuffer::global_shard_spec() const {
    if (const auto* sharded = std::get_if<ShardedBufferConfig>(&config_)) return *sharded;
    throw Error("MeshBuffer: a replicated buffer has no shard spec (it is on every device whole)");
}
bool MeshBuffer::is_allocated() const { return impls_.front()->allocated; }
void MeshBuffer::deallocate() {
    for (auto& impl : impls_)
        if (impl->allocated) {
            impl->dev->release(impl.get());
            impl->allocated = false;
        }
}
Buffer* MeshBuffer::view(std::size_t device_index) const {
    auto& v = views_.at(device_index);
    if (!v) v = std::make_unique<Buffer>(*this, device_index);
    return v.get();
}
Buffer* MeshBuffer::get_device_buffer(const MeshCoordinate& coord) const {
    if (!device_->is_local(coord))
        throw Error("MeshBuffer::get_device_buffer: device " + coord.str() + " is not in the " +
                    std::to_string(device_->num_rows()) + "x" + std::to_string(device_->num_cols()) + " mesh");
    return view(coord.to_linear_index(device_->shape()));
}

namespace ttemu_detail {
namespace {
MeshBuffer& checked(MeshCommandQueue& cq, const std::shared_ptr<MeshBuffer>& buffer, const char* fn) {
    if (!buffer) throw Error(std::string(fn) + ": null buffer");
    cq.device()->ttemu_impl()->check_open(fn);
    if (!buffer->is_allocated())
        throw Error(std::string(fn) + ": buffer #" + std::to_string(buffer->ttemu_impl()->id) + " was deallocated");
    return *buffer;
}
void check_bytes(const char* fn, const MeshBuffer& b, std::size_t bytes, std::uint64_t expected, const char* what) {
    if (bytes != expected)
        throw Error(std::string(fn) + ": host vector holds " + std::to_string(bytes) + " bytes but buffer #" +
                    std::to_string(b.ttemu_impl()->id) + " is " + std::to_string(expected) + " bytes" + what);
}
// The shards of a sharded buffer in tt-metal's order: for each shard (row-major over the global shape),
// the devices it goes to and where its rows sit in the global row-major host data.
template <typename Fn>
void for_each_shard(const MeshBuffer& b, Fn&& fn) {
    const ShardedBufferConfig& spec = b.global_shard_spec();
    const std::size_t gw = spec.global_buffer_shape.width();
    const auto [sh, sw] = spec.physical_shard_shape();
    const std::size_t datum = spec.compute_datum_size_bytes();
    const std::size_t shards_x = gw / sw, shards_y = spec.global_buffer_shape.height() / sh;
    const std::uint32_t rows = static_cast<std::uint32_t>(b.device()->num_rows());
    const std::uint32_t cols = static_cast<std::uint32_t>(b.device()->num_cols());
    const auto [height_replicated, width_replicated] = spec.replicated_dims();
    const bool row_major = spec.shard_orientation == ShardOrientation::ROW_MAJOR;
    std::uint32_t dx = 0, dy = 0;
    for (std::size_t y = 0; y < shards_y; ++y)
        for (std::size_t x = 0; x < shards_x; ++x) {
            std::vector<MeshCoordinate> to;
            if (height_replicated && width_replicated) {
                for (std::uint32_t r = 0; r < rows; ++r)
                    for (std::uint32_t c = 0; c < cols; ++c) to.emplace_back(r, c);
            } else if (height_replicated || width_replicated) {
                if (row_major) {
                    for (std::uint32_t r = 0; r < rows; ++r) to.emplace_back(r, dx);
                    ++dx;
                } else {
                    for (std::uint32_t c = 0; c < cols; ++c) to.emplace_back(dy, c);
                    ++dy;
                }
            } else {
                to.emplace_back(dy, dx);
                if (row_major) {
                    if (++dx == cols) dx = 0, ++dy;
                } else {
                    if (++dy == rows) dy = 0, ++dx;
                }
            }
            // Row i of the shard: datum row y * sh + i, columns x * sw ... x * sw + sw - 1.
            const std::size_t row_bytes = sw * datum, stride = gw * datum;
            const std::size_t first = y * sh * stride + x * row_bytes;
            fn(to, first, row_bytes, stride, sh);
        }
}
}  // namespace

void write_buffer(MeshCommandQueue& cq, const std::shared_ptr<MeshBuffer>& buffer, const void* src,
                  std::size_t bytes) {
    MeshBuffer& b = checked(cq, buffer, "EnqueueWriteMeshBuffer");
    const auto* s = static_cast<const std::uint8_t*>(src);
    const std::size_t devices = b.device()->num_devices();
    std::vector<std::uint64_t> per_chip(devices, 0);
    if (b.global_layout() == MeshBufferLayout::REPLICATED) {
        check_bytes("EnqueueWriteMeshBuffer", b, bytes, b.size(), "");
        for (std::size_t d = 0; d < devices; ++d) {
            write_pages(*b.ttemu_impl(d), s);
            per_chip[d] += b.device_local_size();
        }
    } else {
        check_bytes("EnqueueWriteMeshBuffer", b, bytes, b.size(), " (its global size)");
        std::vector<std::uint8_t> shard(b.device_local_size());
        for_each_shard(b, [&](const std::vector<MeshCoordinate>& to, std::size_t first, std::size_t row_bytes,
                              std::size_t stride, std::size_t shard_rows) {
            for (std::size_t i = 0; i < shard_rows; ++i)
                std::memcpy(shard.data() + i * row_bytes, s + first + i * stride, row_bytes);
            for (const MeshCoordinate& c : to) {
                const std::size_t d = c.to_linear_index(b.device()->shape());
                write_pages(*b.ttemu_impl(d), shard.data());
                per_chip[d] += shard.size();
            }
        });
    }
    b.ttemu_impl()->dev->host->account(per_chip, true);
}

void read_buffer(MeshCommandQueue& cq, const std::shared_ptr<MeshBuffer>& buffer, void* dst, std::size_t bytes) {
    MeshBuffer& b = checked(cq, buffer, "EnqueueReadMeshBuffer");
    auto* d = static_cast<std::uint8_t*>(dst);
    const std::size_t devices = b.device()->num_devices();
    std::vector<std::uint64_t> per_chip(devices, 0);
    if (b.global_layout() == MeshBufferLayout::REPLICATED) {
        if (devices != 1)
            throw Error("EnqueueReadMeshBuffer: buffer #" + std::to_string(b.ttemu_impl()->id) +
                        " is replicated over a " + std::to_string(b.device()->num_rows()) + "x" +
                        std::to_string(b.device()->num_cols()) +
                        " mesh; as in tt-metal, only sharded buffers (or a unit mesh's) read whole (use ReadShard)");
        check_bytes("EnqueueReadMeshBuffer", b, bytes, b.size(), "");
        read_pages(*b.ttemu_impl(0), d);
        per_chip[0] = b.size();
    } else {
        const auto [height_replicated, width_replicated] = b.replicated_dims();
        if (height_replicated || width_replicated)
            throw Error("EnqueueReadMeshBuffer: buffer #" + std::to_string(b.ttemu_impl()->id) +
                        " is replicated along a dimension; as in tt-metal, it cannot be read whole (use ReadShard)");
        check_bytes("EnqueueReadMeshBuffer", b, bytes, b.size(), " (its global size)");
        std::vector<std::uint8_t> shard(b.device_local_size());
        for_each_shard(b, [&](const std::vector<MeshCoordinate>& from, std::size_t first, std::size_t row_bytes,
                              std::size_t stride, std::size_t shard_rows) {
            const std::size_t dev = from.front().to_linear_index(b.device()->shape());
            read_pages(*b.ttemu_impl(dev), shard.data());
            per_chip[dev] += shard.size();
            for (std::size_t i = 0; i < shard_rows; ++i)
                std::memcpy(d + first + i * stride, shard.data() + i * row_bytes, row_bytes);
        });
    }
    b.ttemu_impl()->dev->host->account(per_chip, false);
}

void write_shard(MeshCommandQueue& cq, const std::shared_ptr<MeshBuffer>& buffer, const void* src, std::size_t bytes,
                 const MeshCoordinate& coord) {
    MeshBuffer& b = checked(cq, buffer, "WriteShard");
    check_bytes("WriteShard", b, bytes, b.device_local_size(), " on each device");
    const std::size_t d = b.get_device_buffer(coord)->ttemu_device_index();
    write_pages(*b.ttemu_impl(d), static_cast<const std::uint8_t*>(src));
    std::vector<std::uint64_t> per_chip(b.device()->num_devices(), 0);
    per_chip[d] = bytes;
    b.ttemu_impl()->dev->host->account(per_chip, true);
}

void read_shard(MeshCommandQueue& cq, const std::shared_ptr<MeshBuffer>& buffer, void* dst, std::size_t bytes,
                const MeshCoordinate& coord) {
    MeshBuffer& b = checked(cq, buffer, "ReadShard");
    check_bytes("ReadShard", b, bytes, b.device_local_size(), " on each device");
    const std::size_t d = b.get_device_buffer(coord)->ttemu_device_index();
    read_pages(*b.ttemu_impl(d), static_cast<std::uint8_t*>(dst));
    std::vector<std::uint64_t> per_chip(b.device()->num_devices(), 0);
    per_chip[d] = bytes;
    b.ttemu_impl()->dev->host->account(per_chip, false);
}
}  // namespace ttemu_detail

void EnqueueMeshWorkload(MeshCommandQueue& cq, MeshWorkload& workload, bool) {
    MeshDevice& mesh = *cq.device();
    const std::shared_ptr<DeviceImpl>& first = mesh.ttemu_impl();
    first->check_open("EnqueueMeshWorkload");
    HostSide& host = *first->host;
    const std::uint32_t program_no = ++host.programs_run;
    for (auto& [range, program] : workload.get_programs())
        for (const MeshCoordinate& coord : range)
            if (!mesh.is_local(coord))
                throw Error("EnqueueMeshWorkload: the program's device range " + range.str() + " reaches device " +
                            coord.str() + ", outside the " + std::to_string(mesh.num_rows()) + "x" +
                            std::to_string(mesh.num_cols()) + " mesh");
    if (mesh.num_devices() == 1) {
        for (auto& [range, program] : workload.get_programs()) run_program(*first, program.ttemu_state(), program_no);
        return;
    }
    // The devices run in parallel: each is emulated in turn with its own model, and the workload takes as
    // long as its slowest device.
    std::vector<DeviceRunReport> reports;
    std::vector<ProgramTiming> timings;
    for (auto& [range, program] : workload.get_programs())
        for (const MeshCoordinate& coord : range) {
            reports.emplace_back();
            run_program(*mesh.ttemu_device(coord.to_linear_index(mesh.shape())), program.ttemu_state(), program_no,
                        &reports.back());
            timings.push_back(last_program_timing());
        }
    if (reports.empty()) return;
    std::size_t slowest = 0, fastest = 0;
    double ideal = 0;
    for (std::size_t i = 0; i < reports.size(); ++i) {
        if (reports[i].cycles > reports[slowest].cycles) slowest = i;
        if (reports[i].cycles < reports[fastest].cycles) fastest = i;
        ideal += reports[i].ideal_matmul_cycles;
    }
    const DeviceRunReport& crit = reports[slowest];
    const double clock = first->arch.clock_ghz;
    const double mesh_util =
        crit.cycles ? ideal / (static_cast<double>(crit.cycles) * static_cast<double>(mesh.num_devices())) : 0.0;
    std::ostringstream m;
    m << ",\n  \"mesh\": {\"shape\": [" << mesh.num_rows() << ", " << mesh.num_cols()
      << "], \"system\": \"" << host.system << "\", \"devices_run\": " << reports.size()
      << ", \"slowest_device\": [" << crit.mesh_row << ", " << crit.mesh_col << "], \"modeled_cycles\": " << crit.cycles
      << ", \"modeled_microseconds\": " << crit.cycles / (clock * 1000.0) << ", \"utilization\": " << mesh_util
      << ", \"devices\": [";
    for (std::size_t i = 0; i < reports.size(); ++i)
        m << (i ? ", " : "") << "{\"coordinate\": [" << reports[i].mesh_row << ", " << reports[i].mesh_col
          << "], \"cycles\": " << reports[i].cycles << ", \"cores\": " << reports[i].cores << "}";
    m << "]}";
    std::string json = crit.json;
    json.insert(json.rfind('}'), m.str());
    host.mark_launch();
    ProgramTiming& t = mutable_last_program_timing();
    t = timings[slowest];
    t.devices = static_cast<std::uint32_t>(reports.size());
    t.mesh_utilization = mesh_util;
    record_program_stats(*first, std::move(json));
    if (!env_flag("TTEMU_STATS", true)) return;
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "ttemu: mesh workload #%u on the %zux%zu %s mesh (%s): %zu devices in parallel; modeled device time "
                  "%llu cycles = %.1f us (the slowest, device (%u, %u); the fastest %llu cycles); mesh utilization "
                  "%.1f %%. The slowest device:\n",
                  program_no, mesh.num_rows(), mesh.num_cols(), first->arch.name.c_str(), host.system.c_str(),
                  reports.size(), static_cast<unsigned long long>(crit.cycles), crit.cycles / (clock * 1000.0),
                  crit.mesh_row, crit.mesh_col, static_cast<unsigned long long>(reports[fastest].cycles),
                  100.0 * mesh_util);
    std::fputs(buf, stderr);
    std::fputs(crit.text.c_str(), stderr);
}

void Finish(MeshCommandQueue& cq) { cq.device()->ttemu_impl()->check_open("Finish"); }

}  // namespace tt::tt_metal::distributed
