// Programs: kernels, circular buffers, semaphores, runtime arguments; work splitting; tensor accessor args.
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <fstream>

#include <tt-metalium/tensor_accessor_args.hpp>
#include <tt-metalium/work_split.hpp>

#include "internal.hpp"

namespace ttemu {

std::string KernelDef::role() const {
    if (compute) return "compute";
    return dm.processor == tt::tt_metal::DataMovementProcessor::RISCV_0 ? "data movement RISCV_0/BRISC"
                                                                        : "data movement RISCV_1/NCRISC";
}

KernelDef& ProgramState::kernel(std::uint32_t handle, const char* fn) {
    if (handle >= kernels.size())
        throw Error(std::string(fn) + ": kernel handle " + std::to_string(handle) + " does not belong to this program");
    return *kernels[handle];
}

static CoreRangeSet to_set(const std::variant<CoreCoord, CoreRange, CoreRangeSet>& spec) {
    if (auto* c = std::get_if<CoreCoord>(&spec)) return CoreRangeSet(CoreRange(*c));
    if (auto* r = std::get_if<CoreRange>(&spec)) return CoreRangeSet(*r);
    return std::get<CoreRangeSet>(spec);
}

static std::string resolve_kernel_path(const std::string& file) {
    auto exists = [](const std::string& p) { return access(p.c_str(), R_OK) == 0; };
    std::vector<std::string> tried;
    std::vector<std::string> candidates;
    if (!file.empty() && file[0] == '/') {
        candidates.push_back(file);
    } else {
        // As tt-metal looks: the path as given (from the working directory), then under the root
        // directory (TT_METAL_HOME), then under TT_METAL_KERNEL_PATH.
        candidates.push_back(file);
        for (const char* root : {"TT_METAL_HOME", "TT_METAL_KERNEL_PATH"})
            if (const char* dir = std::getenv(root); dir && *dir) candidates.push_back(std::string(dir) + "/" + file);
    }
    for (const auto& c : candidates) {
        if (exists(c)) {
            char buf[PATH_MAX];
            if (realpath(c.c_str(), buf)) return buf;
            return c;
        }
        tried.push_back(c);
    }
    std::string msg = "CreateKernel: kernel source '" + file + "' not found (tried:";
    for (const auto& t : tried) msg += " " + t;
    throw Error(msg + ")");
}

static void check_arg_count(const KernelDef& k, std::size_t n, const char* fn) {
    if (n > MAX_RUNTIME_ARGS)
        throw Error(std::string(fn) + ": " + std::to_string(n) + " runtime args for kernel " + k.name +
                    " exceed the limit of " + std::to_string(MAX_RUNTIME_ARGS) + " per kernel per core");
}

static void set_args(ArgsEntry& e, const std::uint32_t* data, std::size_t n) {
    e.values.assign(data, data + n);
    e.view.rt_args_data = e.values.data();
    e.view.rt_args_count = e.values.size();
}

}  // namespace ttemu

namespace tt::tt_metal {
using namespace ttemu;

Program::Program() : state_(std::make_unique<ProgramState>()) {}
Program::~Program() = default;
Program::Program(Program&&) noexcept = default;
Program& Program::operator=(Program&&) noexcept = default;

Program CreateProgram() { return Program(); }

KernelHandle CreateKernel(Program& program, const std::string& file_name,
                          const std::variant<CoreCoord, CoreRange, CoreRangeSet>& core_spec,
                          const std::variant<DataMovementConfig, ComputeConfig, EthernetConfig>& config) {
    ProgramState& ps = program.ttemu_state();
    auto k = std::make_unique<KernelDef>();
    k->handle = static_cast<KernelHandle>(ps.kernels.size());
    k->path = resolve_kernel_path(file_name);
    k->name = k->path.substr(k->path.find_last_of('/') + 1);
    k->cores = to_set(core_spec);
    if (std::holds_alternative<EthernetConfig>(config))
        throw Error("CreateKernel: ethernet kernels are not supported by the emulator (" + file_name + ")");
    if (auto* dm = std::get_if<DataMovementConfig>(&config)) {
        k->dm = *dm;
    } else {
        k->compute = true;
        k->cc = std::get<ComputeConfig>(config);
    }
    k->job = start_kernel_compile(*k, arch_from_env());
    ps.kernels.push_back(std::move(k));
    return ps.kernels.back()->handle;
}

CBHandle CreateCircularBuffer(Program& program, const std::variant<CoreCoord, CoreRange, CoreRangeSet>& core_spec,
                              const CircularBufferConfig& config) {
    ProgramState& ps = program.ttemu_state();
    bool any = false;
    for (std::uint32_t i = 0; i < tt::NUM_CIRCULAR_BUFFERS; ++i) {
        const auto& fmt = config.data_formats()[i];
        if (!fmt) continue;
        any = true;
        std::uint32_t page = config.page_sizes()[i].value_or(0);
        if (page == 0)
            throw Error("CreateCircularBuffer: CB " + cb_str(i) +
                        " has no page size (call CircularBufferConfig::set_page_size)");
    }
    if (!any) throw Error("CreateCircularBuffer: the config names no CB index");
    CoreRangeSet cores = to_set(core_spec);
    for (const auto& other : ps.cbs)
        for (std::uint32_t i = 0; i < tt::NUM_CIRCULAR_BUFFERS; ++i)
            if (other.config.data_formats()[i] && config.data_formats()[i])
                for (const auto& r : cores.ranges())
                    if (other.cores.intersects(r))
                        throw Error("CreateCircularBuffer: CB " + cb_str(i) + " is already defined on cores " +
                                    other.cores.str() + " which overlap " + cores.str());
    ps.cbs.push_back(CBDef{cores, config});
    return ps.cbs.size();
}

std::uint32_t CreateSemaphore(Program& program, const std::variant<CoreRange, CoreRangeSet>& core_spec,
                              std::uint32_t initial_value, CoreType core_type) {
    if (core_type != CoreType::WORKER) throw Error("CreateSemaphore: only worker-core semaphores are supported");
    ProgramState& ps = program.ttemu_state();
    CoreRangeSet cores = std::holds_alternative<CoreRange>(core_spec) ? CoreRangeSet(std::get<CoreRange>(core_spec))
                                                                      : std::get<CoreRangeSet>(core_spec);
    // smallest id free on every core of the set
    for (std::uint32_t id = 0; id < L1_MAX_SEMAPHORES; ++id) {
        bool used = false;
        for (const auto& s : ps.sems)
            if (s.id == id)
                for (const auto& r : cores.ranges())
                    if (s.cores.intersects(r)) used = true;
        if (!used) {
            ps.sems.push_back(SemDef{cores, id, initial_value});
            return id;
        }
    }
    throw Error("CreateSemaphore: more than " + std::to_string(L1_MAX_SEMAPHORES) + " semaphores on cores " +
                cores.str());
}

void SetRuntimeArgs(const Program& program, KernelHandle kernel,
                    const std::variant<CoreCoord, CoreRange, CoreRangeSet>& core_spec,
                    tt::stl::Span<const std::uint32_t> runtime_args) {
    KernelDef& k = program.ttemu_state().kernel(kernel, "SetRuntimeArgs");
    check_arg_count(k, runtime_args.size(), "SetRuntimeArgs");
    const CoreRangeSet cores = to_set(core_spec);
    for (const auto& r : cores.ranges())
        for (const auto& c : r) {
            if (!k.cores.contains(c))
                throw Error("SetRuntimeArgs: kernel " + k.name + " does not run on core " + core_str(c) +
                            " (its cores: " + k.cores.str() + ")");
            auto& e = k.rt_args[c];
            if (!e) e = std::make_unique<ArgsEntry>();
            set_args(*e, runtime_args.data(), runtime_args.size());
        }
}

void SetRuntimeArgs(const Program& program, KernelHandle kernel,
                    const std::variant<CoreCoord, CoreRange, CoreRangeSet>& core_spec,
                    std::initializer_list<std::uint32_t> runtime_args) {
    SetRuntimeArgs(program, kernel, core_spec,
                   tt::stl::Span<const std::uint32_t>(runtime_args.begin(), runtime_args.size()));
}

void SetRuntimeArgs(const Program& program, KernelHandle kernel, const std::vector<CoreCoord>& cores,
                    const std::vector<std::vector<std::uint32_t>>& runtime_args) {
    if (cores.size() != runtime_args.size())
        throw Error("SetRuntimeArgs: " + std::to_string(cores.size()) + " cores but " +
                    std::to_string(runtime_args.size()) + " argument vectors");
    for (std::size_t i = 0; i < cores.size(); ++i)
        SetRuntimeArgs(program, kernel, cores[i], tt::stl::Span<const std::uint32_t>(runtime_args[i]));
}

RuntimeArgsData& GetRuntimeArgs(const Program& program, KernelHandle kernel, const CoreCoord& core) {
    KernelDef& k = program.ttemu_state().kernel(kernel, "GetRuntimeArgs");
    auto it = k.rt_args.find(core);
    if (it == k.rt_args.end())
        throw Error("GetRuntimeArgs: no runtime args set for kernel " + k.name + " on core " + core_str(core));
    return it->second->view;
}

void SetCommonRuntimeArgs(const Program& program, KernelHandle kernel, tt::stl::Span<const std::uint32_t> args) {
    KernelDef& k = program.ttemu_state().kernel(kernel, "SetCommonRuntimeArgs");
    check_arg_count(k, args.size(), "SetCommonRuntimeArgs");
    set_args(k.common_args, args.data(), args.size());
}
void SetCommonRuntimeArgs(const Program& program, KernelHandle kernel, std::initializer_list<std::uint32_t> args) {
    SetCommonRuntimeArgs(program, kernel, tt::stl::Span<const std::uint32_t>(args.begin(), args.size()));
}
RuntimeArgsData& GetCommonRuntimeArgs(const Program& program, KernelHandle kernel) {
    return program.ttemu_state().kernel(kernel, "GetCommonRuntimeArgs").common_args.view;
}

// ---- work split
static CoreCoord nth_core(std::uint32_t i, const CoreCoord& grid, bool row_wise) {
    return row_wise ? CoreCoord(i % grid.x, i / grid.x) : CoreCoord(i / grid.y, i % grid.y);
}

// Cores [first, first + count) in the given order, as rectangles: whole lines, then a partial line.
static std::vector<CoreRange> core_span(std::uint32_t first, std::uint32_t count, const CoreCoord& grid, bool row_wise) {
    std::vector<CoreRange> out;
    const std::uint32_t line = static_cast<std::uint32_t>(row_wise ? grid.x : grid.y);
    std::uint32_t i = first, end = first + count;
    while (i < end) {
        std::uint32_t pos = i % line;
        if (pos == 0 && end - i >= line) {  // run of full lines
            std::uint32_t lines = (end - i) / line;
            out.emplace_back(nth_core(i, grid, row_wise), nth_core(i + lines * line - 1, grid, row_wise));
            i += lines * line;
        } else {
            std::uint32_t n = std::min(line - pos, end - i);
            out.emplace_back(nth_core(i, grid, row_wise), nth_core(i + n - 1, grid, row_wise));
            i += n;
        }
    }
    return out;
}

CoreRangeSet num_cores_to_corerangeset(std::uint32_t target_num_cores, const CoreCoord grid_size, bool row_wise) {
    if (target_num_cores > grid_size.x * grid_size.y)
        throw Error("num_cores_to_corerangeset: " + std::to_string(target_num_cores) + " cores do not fit a " +
                    std::to_string(grid_size.x) + "x" + std::to_string(grid_size.y) + " grid");
    return CoreRangeSet(core_span(0, target_num_cores, grid_size, row_wise));
}

std::tuple<std::uint32_t, CoreRangeSet, CoreRangeSet, CoreRangeSet, std::uint32_t, std::uint32_t> split_work_to_cores(
    const CoreCoord grid_size, const std::uint32_t units_to_divide, const bool row_wise) {
    if (units_to_divide == 0) return {0, CoreRangeSet(), CoreRangeSet(), CoreRangeSet(), 0, 0};
    const std::uint32_t max_cores = static_cast<std::uint32_t>(grid_size.x * grid_size.y);
    const std::uint32_t num_cores = std::min(units_to_divide, max_cores);
    CoreRangeSet all = num_cores_to_corerangeset(num_cores, grid_size, row_wise);
    std::uint32_t per1 = units_to_divide / num_cores, per2 = 0;
    CoreRangeSet g1 = all, g2;
    const std::uint32_t extra = units_to_divide % num_cores;
    if (extra != 0) {
        per2 = per1;
        per1 += 1;
        g1 = CoreRangeSet(core_span(0, extra, grid_size, row_wise));
        g2 = CoreRangeSet(core_span(extra, num_cores - extra, grid_size, row_wise));
    }
    return {num_cores, all, g1, g2, per1, per2};
}

// ---- tensor accessor args (host side)
TensorAccessorArgs::TensorAccessorArgs(const distributed::MeshBuffer& buffer) {
    const auto& b = *buffer.ttemu_impl();
    flags_ = (buffer.buffer_type() == BufferType::DRAM ? 1u : 0u) | 2u;
    aligned_page_size_ = b.aligned_page;
}
void TensorAccessorArgs::append_to(std::vector<std::uint32_t>& cta) const {
    cta.push_back(flags_);
    cta.push_back(aligned_page_size_);
}
void TensorAccessorArgs::append_to(std::vector<std::uint32_t>& cta, std::vector<std::uint32_t>&) const {
    append_to(cta);
}
std::vector<std::uint32_t> TensorAccessorArgs::get_compile_time_args() const {
    std::vector<std::uint32_t> v;
    append_to(v);
    return v;
}

}  // namespace tt::tt_metal
