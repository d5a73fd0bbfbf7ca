// Kernel compilation: each kernel source is built with the system C++ compiler against the emulator's
// kernel headers into a shared object, cached on disk by a hash of everything that affects the build.
#include <dlfcn.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <mutex>
#include <sstream>
#include <unordered_map>

#include "content_hash.hpp"
#include "internal.hpp"

extern char** environ;

#ifndef TTEMU_DEFAULT_INCLUDE_DIR
#define TTEMU_DEFAULT_INCLUDE_DIR ""
#endif

namespace ttemu {

static const char* const kVersion = "ttemu-kernel-abi-1";

double now_seconds() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

namespace {

using detail::Hasher;
using detail::read_file;

std::string file_hash(const std::string& path) {
    std::string content;
    if (!read_file(path, content)) return "missing";
    Hasher h;
    h.str(content);
    return h.hex();
}

bool is_dir(const std::string& p) {
    struct stat st;
    return stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

void mkdirs(const std::string& path) {
    std::string cur;
    std::stringstream ss(path);
    std::string part;
    if (!path.empty() && path[0] == '/') cur = "";
    while (std::getline(ss, part, '/')) {
        if (part.empty()) continue;
        cur += "/" + part;
        mkdir(cur.c_str(), 0755);
    }
}

std::string compiler() {
    const char* c = std::getenv("TTEMU_CXX");
    return c && *c ? c : "c++";
}

// Resolved path + size + mtime of the compiler binary: identifies it without running it.
std::string compiler_identity(const std::string& cxx) {
    std::string path = cxx;
    if (cxx.find('/') == std::string::npos) {
        const char* pathenv = std::getenv("PATH");
        std::stringstream ss(pathenv ? pathenv : "/usr/bin");
        std::string dir;
        while (std::getline(ss, dir, ':')) {
            std::string cand = dir + "/" + cxx;
            if (access(cand.c_str(), X_OK) == 0) {
                path = cand;
                break;
            }
        }
    }
    char buf[PATH_MAX];
    std::string real = realpath(path.c_str(), buf) ? buf : path;
    struct stat st {};
    stat(real.c_str(), &st);
    return real + ":" + std::to_string(st.st_size) + ":" + std::to_string(st.st_mtime);
}

const char* opt_flag(tt::tt_metal::KernelBuildOptLevel o) {
    using L = tt::tt_metal::KernelBuildOptLevel;
    switch (o) {
        case L::O0: return "-O0";
        case L::O1: return "-O1";
        case L::O2: return "-O2";
        case L::O3: return "-O3";
        case L::Os: return "-Os";
        case L::Ofast: return "-O3";
        case L::Oz: return "-Os";
    }
    return "-O2";
}

std::mutex g_jobs_mutex;
std::unordered_map<std::string, std::shared_ptr<CompileJob>> g_jobs;

// Dependencies recorded by the compiler (-MMD) with their content hashes.
bool deps_valid(const std::string& deps_path) {
    std::ifstream f(deps_path);
    if (!f) return false;
    std::string hash, path;
    while (f >> hash >> std::ws && std::getline(f, path)) {
        if (file_hash(path) != hash) return false;
    }
    return true;
}

void write_deps(const std::string& depfile, const std::string& out_path) {
    std::string content;
    if (!read_file(depfile, content)) return;
    // make-style: "target: dep1 dep2 \\\n dep3"
    auto colon = content.find(": ");
    if (colon == std::string::npos) return;
    std::string rest = content.substr(colon + 2);
    std::ostringstream out;
    std::string tok;
    std::string cur;
    for (std::size_t i = 0; i <= rest.size(); ++i) {
        char ch = i < rest.size() ? rest[i] : ' ';
        if (ch == '\\' && i + 1 < rest.size() && rest[i + 1] == '\n') {
            ++i;
            ch = ' ';
        } else if (ch == '\\' && i + 1 < rest.size() && rest[i + 1] == ' ') {
            cur += ' ';
            ++i;
            continue;
        }
        if (ch == ' ' || ch == '\n' || ch == '\t') {
            if (!cur.empty()) out << file_hash(cur) << " " << cur << "\n";
            cur.clear();
        } else {
            cur += ch;
        }
    }
    std::string tmp = out_path + ".tmp." + std::to_string(getpid());
    {
        std::ofstream f(tmp);
        f << out.str();
    }
    std::rename(tmp.c_str(), out_path.c_str());
}

void load(CompileJob& job) {
    job.handle = dlopen(job.so_path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!job.handle) throw Error("kernel " + job.source + ": cannot load compiled kernel: " + dlerror());
    void* sym = dlsym(job.handle, "_Z11kernel_mainv");
    if (!sym) sym = dlsym(job.handle, "_ZN13ttemu_compute11kernel_mainEv");
    if (!sym) throw Error("kernel " + job.source + ": defines no 'void kernel_main()'");
    job.entry = reinterpret_cast<void (*)()>(sym);
}

}  // namespace

std::string kernel_include_dir() {
    if (const char* v = std::getenv("TTEMU_INCLUDE_DIR"); v && *v) return v;
    Dl_info info;
    if (dladdr(reinterpret_cast<void*>(&kernel_include_dir), &info) && info.dli_fname) {
        std::string lib = info.dli_fname;
        auto slash = lib.find_last_of('/');
        if (slash != std::string::npos) {
            std::string cand = lib.substr(0, slash) + "/../include";
            if (is_dir(cand + "/tt-metalium")) {
                char buf[PATH_MAX];
                if (realpath(cand.c_str(), buf)) return buf;
            }
        }
    }
    return TTEMU_DEFAULT_INCLUDE_DIR;
}

std::string kernel_cache_dir() {
    if (const char* v = std::getenv("TTEMU_CACHE_DIR"); v && *v) return v;
    if (const char* v = std::getenv("XDG_CACHE_HOME"); v && *v) return std::string(v) + "/ttemu";
    if (const char* v = std::getenv("HOME"); v && *v) return std::string(v) + "/.cache/ttemu";
    return "/tmp/ttemu-cache-" + std::to_string(getuid());
}

std::shared_ptr<CompileJob> start_kernel_compile(const KernelDef& k, const ArchSpec& arch) {
    const std::string cxx = compiler();
    const std::string inc = kernel_include_dir();
    if (!is_dir(inc + "/api"))
        throw Error("CreateKernel: emulator kernel headers not found at '" + inc + "' (set TTEMU_INCLUDE_DIR)");

    std::vector<std::string> args = {cxx, "-std=c++17", "-fPIC", "-shared", "-fvisibility=hidden", "-g1",
                                     "-ffp-contract=off"};
    const auto& cargs = k.compute ? k.cc.compile_args : k.dm.compile_args;
    const auto& defines = k.compute ? k.cc.defines : k.dm.defines;
    args.push_back(opt_flag(k.compute ? k.cc.opt_level : k.dm.opt_level));
    args.push_back("-I" + inc);
    if (!k.compute)
        for (const auto& p : k.dm.compiler_include_paths) args.push_back("-I" + p);
    std::string ct;
    for (std::size_t i = 0; i < cargs.size(); ++i) ct += (i ? "," : "") + std::to_string(cargs[i]);
    args.push_back("-DKERNEL_COMPILE_TIME_ARGS=" + ct);
    args.push_back("-DTTEMU_NUM_CT_ARGS=" + std::to_string(cargs.size()));
    args.push_back("-DTTEMU_KERNEL=1");
    args.push_back("-DKERNEL_BUILD=1");
    args.push_back(arch.arch == tt::ARCH::BLACKHOLE ? "-DARCH_BLACKHOLE=1" : "-DARCH_WORMHOLE=1");
    if (k.compute) {
        args.push_back("-DCOMPILE_FOR_TRISC=1");
        args.push_back("-DMATH_FIDELITY=" + std::to_string(static_cast<int>(k.cc.math_fidelity)));
        args.push_back(std::string("-DDST_ACCUM_MODE=") + (k.cc.fp32_dest_acc_en ? "true" : "false"));
        args.push_back(std::string("-DDST_SYNC_MODE=") + (k.cc.dst_full_sync_en ? "1" : "0"));
        args.push_back("-DNOC_INDEX=0");
    } else {
        args.push_back(k.dm.processor == tt::tt_metal::DataMovementProcessor::RISCV_0 ? "-DCOMPILE_FOR_BRISC=1"
                                                                                      : "-DCOMPILE_FOR_NCRISC=1");
        args.push_back("-DNOC_INDEX=" + std::to_string(static_cast<int>(k.dm.noc)));
    }
    for (const auto& [name, value] : defines) args.push_back("-D" + name + (value.empty() ? "" : "=" + value));
    std::vector<std::pair<std::string, std::uint32_t>> named(
        k.compute ? k.cc.named_compile_args.begin() : k.dm.named_compile_args.begin(),
        k.compute ? k.cc.named_compile_args.end() : k.dm.named_compile_args.end());
    std::sort(named.begin(), named.end());
    // get_named_compile_time_arg_val("name") looks these up at compile time.
    std::string named_list;
    for (const auto& [n, v] : named) named_list += "{\"" + n + "\"," + std::to_string(v) + "},";
    args.push_back("-DTTEMU_NAMED_CT_ARGS=" + named_list);
    // tt-metal's data-movement firmware wrapper includes the dataflow API (and with it DPRINT) before
    // the kernel.
    if (!k.compute)
        for (const char* prelude : {"/api/dataflow/dataflow_api.h", "/api/debug/dprint.h"}) {
            args.push_back("-include");
            args.push_back(inc + prelude);
        }

    std::string source;
    if (!read_file(k.path, source)) throw Error("CreateKernel: cannot read kernel source " + k.path);
    Hasher h;
    h.str(kVersion);
    h.str(compiler_identity(cxx));
    h.str(k.path);
    h.str(source);
    for (const auto& a : args) h.str(a);
    for (const auto& [n, v] : named) h.str(n + "=" + std::to_string(v));
    const std::string key = h.hex();

    std::lock_guard<std::mutex> lock(g_jobs_mutex);
    if (auto it = g_jobs.find(key); it != g_jobs.end()) return it->second;

    auto job = std::make_shared<CompileJob>();
    job->key = key;
    job->source = k.path;
    const std::string dir = kernel_cache_dir();
    mkdirs(dir);
    const std::string stem = dir + "/" + k.name.substr(0, k.name.find_last_of('.')) + "-" + key;
    job->so_path = stem + ".so";
    job->start_time = now_seconds();
    if (access(job->so_path.c_str(), R_OK) == 0 && deps_valid(stem + ".deps")) {
        job->cache_hit = true;
        g_jobs[key] = job;
        return job;
    }
    const std::string tmp = stem + ".tmp." + std::to_string(getpid());
    job->log_path = tmp + ".log";
    args.push_back("-MMD");
    args.push_back("-MF");
    args.push_back(tmp + ".d");
    args.push_back(k.path);
    args.push_back("-o");
    args.push_back(tmp + ".so");
    for (const auto& a : args) job->command += (job->command.empty() ? "" : " ") + a;

    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, job->log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = -1;
    int rc = posix_spawnp(&pid, cxx.c_str(), &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) throw Error("CreateKernel: cannot run the C++ compiler '" + cxx + "': " + std::strerror(rc));
    job->pid = pid;
    g_jobs[key] = job;
    return job;
}

void finish_kernel_compile(CompileJob& job) {
    if (!job.error.empty()) throw Error(job.error);
    if (job.finished) return;
    if (job.cache_hit) {
        load(job);
        job.finished = true;
        return;
    }
    int status = 0;
    while (waitpid(job.pid, &status, 0) < 0 && errno == EINTR) {
    }
    job.seconds = now_seconds() - job.start_time;
    const std::string tmp = job.so_path.substr(0, job.so_path.size() - 3) + ".tmp." + std::to_string(getpid());
    std::string log;
    read_file(job.log_path, log);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::remove(job.log_path.c_str());
        std::remove((tmp + ".d").c_str());
        {
            std::lock_guard<std::mutex> lock(g_jobs_mutex);
            g_jobs.erase(job.key);
        }
        job.error = "kernel compile failed: " + job.source + "\n" + log + "command: " + job.command;
        throw Error(job.error);
    }
    const std::string stem = job.so_path.substr(0, job.so_path.size() - 3);
    write_deps(tmp + ".d", stem + ".deps");
    std::rename((tmp + ".so").c_str(), job.so_path.c_str());
    std::remove((tmp + ".d").c_str());
    std::remove(job.log_path.c_str());
    load(job);
    job.finished = true;
}

}  // namespace ttemu
