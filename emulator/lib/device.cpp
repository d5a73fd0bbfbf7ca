// Devices, DRAM buffers and host transfers.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>

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

namespace {
DeviceImpl* g_open_device = nullptr;

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
}  // namespace

}  // namespace ttemu

// ---------------------------------------------------------------- public API
namespace tt::tt_metal::distributed {
using namespace ttemu;

MeshDevice::MeshDevice(int device_id, std::shared_ptr<DeviceImpl> impl)
    : device_id_(device_id), impl_(std::move(impl)), cq_(std::make_unique<MeshCommandQueue>(this)) {}

MeshDevice::~MeshDevice() { close(); }

std::shared_ptr<MeshDevice> MeshDevice::create_unit_mesh(int device_id, std::size_t, std::size_t, std::size_t,
                                                         const DispatchCoreConfig&) {
    if (device_id != 0)
        throw Error("MeshDevice::create_unit_mesh: the emulator has one device (id 0), asked for " +
                    std::to_string(device_id));
    if (g_open_device) throw Error("MeshDevice::create_unit_mesh: device 0 is already open");
    auto impl = std::make_shared<DeviceImpl>(arch_from_env());
    g_open_device = impl.get();
    return std::make_shared<MeshDevice>(device_id, std::move(impl));
}

std::shared_ptr<MeshDevice> MeshDevice::create(const MeshDeviceConfig& config, std::size_t l1_small_size,
                                               std::size_t trace_region_size, std::size_t num_command_queues,
                                               const DispatchCoreConfig& dispatch_core_config) {
    if (const auto& shape = config.mesh_shape(); shape && shape->mesh_size() != 1) {
        std::string dims;
        for (std::size_t i = 0; i < shape->dims(); ++i) dims += (i ? "x" : "") + std::to_string((*shape)[i]);
        throw Error("MeshDevice::create: a " + dims +
                    " mesh asked for, but the emulated system is one device (meshes larger than 1x1 are not "
                    "emulated yet)");
    }
    const int device_id = config.physical_device_ids().empty() ? 0 : config.physical_device_ids().front();
    return create_unit_mesh(device_id, l1_small_size, trace_region_size, num_command_queues, dispatch_core_config);
}

bool MeshDevice::close() {
    if (!impl_ || !impl_->open) return true;
    impl_->open = false;
    ::ttemu::report_host_transfers(*impl_);
    l1_window_detach(impl_.get());
    if (g_open_device == impl_.get()) g_open_device = nullptr;
    return true;
}

bool MeshDevice::is_initialized() const { return impl_ && impl_->open; }
tt::ARCH MeshDevice::arch() const { return impl_->arch.arch; }
CoreCoord MeshDevice::compute_with_storage_grid_size() const { return {impl_->arch.grid_x, impl_->arch.grid_y}; }
CoreCoord MeshDevice::worker_core_from_logical_core(const CoreCoord& c) const {
    if (c.x >= impl_->arch.grid_x || c.y >= impl_->arch.grid_y)
        throw Error("worker_core_from_logical_core: logical core " + core_str(c) + " is outside the " +
                    std::to_string(impl_->arch.grid_x) + "x" + std::to_string(impl_->arch.grid_y) + " grid");
    return impl_->arch.noc_from_logical(c);
}
std::uint32_t MeshDevice::num_dram_channels() const { return impl_->arch.dram_banks; }
std::uint32_t MeshDevice::l1_size_per_core() const { return impl_->arch.l1_size; }
std::uint32_t MeshDevice::dram_size_per_channel() const {
    return static_cast<std::uint32_t>(std::min<std::uint64_t>(impl_->arch.dram_bank_size, 0xFFFFFFFFu));
}
MeshCommandQueue& MeshDevice::mesh_command_queue(std::optional<std::uint8_t> cq_id) {
    if (cq_id && *cq_id != 0) throw Error("mesh_command_queue: the emulator has one command queue (id 0)");
    return *cq_;
}
const std::shared_ptr<DeviceImpl>& MeshDevice::ttemu_impl() const { return impl_; }

// ---- MeshBuffer
MeshBuffer::MeshBuffer(MeshDevice* device, const DeviceLocalBufferConfig& local, std::shared_ptr<BufferImpl> impl)
    : device_(device), local_config_(local), impl_(std::move(impl)) {}
MeshBuffer::~MeshBuffer() = default;

std::shared_ptr<MeshBuffer> MeshBuffer::create(const MeshBufferConfig& config, const DeviceLocalBufferConfig& local,
                                               MeshDevice* device, std::optional<DeviceAddr> address) {
    if (!device) throw Error("MeshBuffer::create: null device");
    auto& dev = device->ttemu_impl();
    dev->check_open("MeshBuffer::create");
    if (!std::holds_alternative<ReplicatedBufferConfig>(config))
        throw Error("MeshBuffer::create: sharded mesh buffers are not supported by the emulator yet");
    if (local.buffer_type != BufferType::DRAM && local.buffer_type != BufferType::L1)
        throw Error("MeshBuffer::create: only DRAM and L1 interleaved buffers are supported by the emulator yet");
    if (address) throw Error("MeshBuffer::create: explicit addresses are not supported by the emulator");
    const std::uint64_t size = std::get<ReplicatedBufferConfig>(config).size;
    if (local.page_size == 0 || size == 0 || size % local.page_size != 0)
        throw Error("MeshBuffer::create: size " + std::to_string(size) + " must be a non-zero multiple of page_size " +
                    std::to_string(local.page_size));
    if (size / local.page_size > 0xFFFFFFFFull)
        throw Error("MeshBuffer::create: " + std::to_string(size / local.page_size) +
                    " pages do not fit a 32-bit page index");
    auto b = std::make_shared<BufferImpl>();
    b->dev = dev;
    b->id = dev->next_buffer_id++;
    b->size = size;
    b->page_size = static_cast<std::uint32_t>(local.page_size);
    b->l1 = local.buffer_type == BufferType::L1;
    const std::uint32_t align = b->l1 ? dev->arch.l1_alignment : dev->arch.dram_alignment;
    b->aligned_page = (b->page_size + align - 1) / align * align;
    b->num_pages = static_cast<std::uint32_t>(size / local.page_size);
    if (b->l1) {
        // Pages over the worker cores, core index order (row by row).
        b->banks = dev->num_cores;
        b->address = dev->allocate_l1(b->bank_extent(), b.get());
        b->allocated = true;
        for (std::uint32_t p = 0; p < b->num_pages; ++p) std::memset(dev->l1_page(*b, p), 0, b->aligned_page);
        return std::make_shared<MeshBuffer>(device, local, std::move(b));
    }
    b->banks = dev->arch.dram_banks;
    b->address = dev->allocate(b->bank_extent(), align, b.get());
    b->allocated = true;
    b->bank_data.resize(b->banks);
    for (std::uint32_t i = 0; i < b->banks; ++i)
        b->bank_data[i].assign(static_cast<std::size_t>(b->pages_in_bank(i)) * b->aligned_page, 0);
    return std::make_shared<MeshBuffer>(device, local, std::move(b));
}

DeviceAddr MeshBuffer::address() const { return impl_->address; }
DeviceAddr MeshBuffer::size() const { return impl_->size; }
DeviceAddr MeshBuffer::page_size() const { return impl_->page_size; }
std::uint32_t MeshBuffer::num_pages() const { return impl_->num_pages; }
BufferType MeshBuffer::buffer_type() const { return local_config_.buffer_type; }
bool MeshBuffer::is_allocated() const { return impl_->allocated; }
void MeshBuffer::deallocate() {
    if (impl_->allocated) {
        impl_->dev->release(impl_.get());
        impl_->allocated = false;
    }
}

namespace ttemu_detail {
static BufferImpl& checked(MeshCommandQueue& cq, const std::shared_ptr<MeshBuffer>& buffer, const char* fn,
                           std::size_t bytes) {
    if (!buffer) throw Error(std::string(fn) + ": null buffer");
    cq.device()->ttemu_impl()->check_open(fn);
    BufferImpl& b = *buffer->ttemu_impl();
    if (!b.allocated) throw Error(std::string(fn) + ": buffer #" + std::to_string(b.id) + " was deallocated");
    if (bytes != b.size)
        throw Error(std::string(fn) + ": host vector holds " + std::to_string(bytes) + " bytes but buffer #" +
                    std::to_string(b.id) + " is " + std::to_string(b.size) + " bytes");
    return b;
}

void write_buffer(MeshCommandQueue& cq, const std::shared_ptr<MeshBuffer>& buffer, const void* src,
                  std::size_t bytes) {
    BufferImpl& b = checked(cq, buffer, "EnqueueWriteMeshBuffer", bytes);
    const auto* s = static_cast<const std::uint8_t*>(src);
    for (std::uint32_t p = 0; p < b.num_pages; ++p)
        std::memcpy(b.l1 ? b.dev->l1_page(b, p)
                         : &b.bank_data[p % b.banks][static_cast<std::size_t>(p / b.banks) * b.aligned_page],
                    s + static_cast<std::size_t>(p) * b.page_size, b.page_size);
    b.host_written_bytes += bytes;
    b.dev->host_to_device_bytes += bytes;
    ++b.dev->host_to_device_transfers;
}

void read_buffer(MeshCommandQueue& cq, const std::shared_ptr<MeshBuffer>& buffer, void* dst, std::size_t bytes) {
    BufferImpl& b = checked(cq, buffer, "EnqueueReadMeshBuffer", bytes);
    auto* d = static_cast<std::uint8_t*>(dst);
    for (std::uint32_t p = 0; p < b.num_pages; ++p)
        std::memcpy(d + static_cast<std::size_t>(p) * b.page_size,
                    b.l1 ? b.dev->l1_page(b, p)
                         : &b.bank_data[p % b.banks][static_cast<std::size_t>(p / b.banks) * b.aligned_page],
                    b.page_size);
    b.host_read_bytes += bytes;
    b.dev->device_to_host_bytes += bytes;
    ++b.dev->device_to_host_transfers;
}
}  // namespace ttemu_detail

void EnqueueMeshWorkload(MeshCommandQueue& cq, MeshWorkload& workload, bool) {
    auto& dev = cq.device()->ttemu_impl();
    dev->check_open("EnqueueMeshWorkload");
    for (auto& [range, program] : workload.get_programs()) {
        (void)range;
        run_program(*dev, program.ttemu_state());
    }
}

void Finish(MeshCommandQueue& cq) { cq.device()->ttemu_impl()->check_open("Finish"); }

}  // namespace tt::tt_metal::distributed
