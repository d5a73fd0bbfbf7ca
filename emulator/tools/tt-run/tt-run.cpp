// tt-run DIR [-- ARGS...]: builds a Metalium host program against the emulator — DIR/host.cpp, or the
// project DIR/CMakeLists.txt describes — runs it with DIR as working directory, prints the emulator's
// counters and exits with the program's status.
#include <dirent.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cmake_project.hpp"
#include "process.hpp"
#include "content_hash.hpp"

#ifndef TTEMU_DEFAULT_INCLUDE_DIR
#define TTEMU_DEFAULT_INCLUDE_DIR ""
#endif
#ifndef TTEMU_DEFAULT_LIB_DIR
#define TTEMU_DEFAULT_LIB_DIR ""
#endif

namespace {

void usage() {
    std::fprintf(stderr,
                 "usage: tt-run [options] DIR [-- ARGS...]\n"
                 "Builds a Metalium host program against the emulator, runs it in DIR and exits with its status:\n"
                 "DIR/host.cpp (compiled alone), or else the CMake project of DIR/CMakeLists.txt (configured\n"
                 "with the emulator's TT-Metalium package and built in tt-run's cache).\n"
                 "options:\n"
                 "  --cmake             build DIR's CMake project even if DIR/host.cpp exists\n"
                 "  --target NAME       the CMake project's executable to run (needed when it has several)\n"
                 "  --stats-json FILE   write the emulator counters of every program as JSON to FILE\n"
                 "  --trace FILE        write the modeled timeline as Chrome/Perfetto trace JSON to FILE\n"
                 "                      (program N > 1 of a run goes to FILE with .N before the extension)\n"
                 "  --arch NAME         wormhole_b0 (default) or blackhole (sets TTEMU_ARCH)\n"
                 "  --no-stats          do not print the counters\n"
                 "  --rebuild           rebuild the host program even if a cached build exists\n"
                 "  -v                  print the build command\n"
                 "environment: TTEMU_INCLUDE_DIR, TTEMU_LIB_DIR (emulator location), TTEMU_CACHE_DIR, CXX\n");
}

bool exists(const std::string& p) { return access(p.c_str(), F_OK) == 0; }

std::string exe_dir() {
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return ".";
    buf[n] = 0;
    std::string s(buf);
    return s.substr(0, s.find_last_of('/'));
}

std::string absolute(const std::string& p) {
    char buf[PATH_MAX];
    return realpath(p.c_str(), buf) ? std::string(buf) : p;
}

using ttemu::detail::Hasher;
using ttemu::detail::read_file;

// Hash every regular file under dir (sorted), for header-change detection.
void hash_tree(Hasher& h, const std::string& dir) {
    DIR* d = opendir(dir.c_str());
    if (!d) return;
    std::vector<std::string> names;
    while (dirent* e = readdir(d))
        if (e->d_name[0] != '.') names.push_back(e->d_name);
    closedir(d);
    std::sort(names.begin(), names.end());
    for (const auto& n : names) {
        std::string p = dir + "/" + n;
        struct stat st;
        if (stat(p.c_str(), &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) {
            hash_tree(h, p);
        } else {
            std::string c;
            read_file(p, c);
            h.str(p);
            h.str(c);
        }
    }
}

void mkdirs(const std::string& path) {
    std::string cur;
    std::stringstream ss(path);
    std::string part;
    while (std::getline(ss, part, '/')) {
        if (part.empty()) continue;
        cur += "/" + part;
        mkdir(cur.c_str(), 0755);
    }
}

// "arch" of the plan's "device" object (tt-translate writes `"device": {"arch": "blackhole", ...`),
// or "" when there is no plan.
std::string plan_arch(const std::string& path) {
    std::string text;
    if (!exists(path) || !read_file(path, text)) return "";
    std::size_t device = text.find("\"device\"");
    std::size_t key = device == std::string::npos ? device : text.find("\"arch\"", device);
    if (key == std::string::npos) return "";
    std::size_t open = text.find('"', text.find(':', key) + 1);
    std::size_t close = open == std::string::npos ? open : text.find('"', open + 1);
    return close == std::string::npos ? "" : text.substr(open + 1, close - open - 1);
}

// tt-run's cache directory `kind` (hosts, cmake), created if missing.
std::string cache_dir(const std::string& kind) {
    std::string cache = getenv("TTEMU_CACHE_DIR") ? getenv("TTEMU_CACHE_DIR") : "";
    if (cache.empty()) {
        if (getenv("XDG_CACHE_HOME")) cache = std::string(getenv("XDG_CACHE_HOME")) + "/ttemu";
        else if (getenv("HOME")) cache = std::string(getenv("HOME")) + "/.cache/ttemu";
        else cache = "/tmp/ttemu-cache-" + std::to_string(getuid());
    }
    cache += "/" + kind;
    mkdirs(cache);
    return cache;
}

int run_program(const std::string& program, const std::string& dir, std::string stats_json,
                const std::vector<std::string>& prog_args) {
    if (!stats_json.empty()) {
        if (stats_json[0] != '/') {
            char cwd[PATH_MAX];
            if (getcwd(cwd, sizeof cwd)) stats_json = std::string(cwd) + "/" + stats_json;
        }
        setenv("TTEMU_STATS_JSON", stats_json.c_str(), 1);
    }
    std::vector<std::string> exec_args = {program};
    exec_args.insert(exec_args.end(), prog_args.begin(), prog_args.end());
    return ttrun::run_process(exec_args, dir);
}

}  // namespace

int main(int argc, char** argv) {
    std::string dir, stats_json;
    std::vector<std::string> prog_args;
    std::string target;
    bool rebuild = false, verbose = false, cmake = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--") {
            for (++i; i < argc; ++i) prog_args.push_back(argv[i]);
            break;
        } else if (a == "--stats-json" && i + 1 < argc) {
            stats_json = argv[++i];
        } else if (a == "--trace" && i + 1 < argc) {
            setenv("TTEMU_TRACE", absolute(argv[++i]).c_str(), 1);
        } else if (a == "--arch" && i + 1 < argc) {
            setenv("TTEMU_ARCH", argv[++i], 1);
        } else if (a == "--no-stats") {
            setenv("TTEMU_STATS", "0", 1);
        } else if (a == "--cmake") {
            cmake = true;
        } else if (a == "--target" && i + 1 < argc) {
            target = argv[++i];
            cmake = true;
        } else if (a == "--rebuild") {
            rebuild = true;
        } else if (a == "-v") {
            verbose = true;
        } else if (a == "-h" || a == "--help") {
            usage();
            return 0;
        } else if (dir.empty() && a[0] != '-') {
            dir = a;
        } else {
            usage();
            return 2;
        }
    }
    if (dir.empty()) {
        usage();
        return 2;
    }
    dir = absolute(dir);
    // The device the program was compiled for, from its plan, unless --arch or TTEMU_ARCH says.
    if (const std::string planned = plan_arch(dir + "/tt.plan.json"); !planned.empty()) {
        const char* chosen = getenv("TTEMU_ARCH");
        if (!chosen || !*chosen)
            setenv("TTEMU_ARCH", planned.c_str(), 1);
        else if (planned != chosen)
            std::fprintf(stderr, "tt-run: note: the program was compiled for %s (tt.plan.json), running it on %s\n",
                         planned.c_str(), chosen);
    }
    const std::string host = dir + "/host.cpp";
    if (!exists(host) && exists(dir + "/CMakeLists.txt")) cmake = true;
    if (!cmake && !exists(host)) {
        std::fprintf(stderr, "tt-run: neither %s nor %s/CMakeLists.txt found\n", host.c_str(), dir.c_str());
        return 2;
    }

    const std::string here = exe_dir();
    std::string inc = getenv("TTEMU_INCLUDE_DIR") ? getenv("TTEMU_INCLUDE_DIR") : "";
    if (inc.empty()) inc = exists(here + "/../include/tt-metalium") ? absolute(here + "/../include") : TTEMU_DEFAULT_INCLUDE_DIR;
    std::string lib = getenv("TTEMU_LIB_DIR") ? getenv("TTEMU_LIB_DIR") : "";
    if (lib.empty()) lib = exists(here + "/../lib/libttemu.so") ? absolute(here + "/../lib") : TTEMU_DEFAULT_LIB_DIR;
    if (!exists(inc + "/tt-metalium/host_api.hpp") || !exists(lib + "/libttemu.so")) {
        std::fprintf(stderr, "tt-run: emulator not found (headers '%s', library '%s'); set TTEMU_INCLUDE_DIR/TTEMU_LIB_DIR\n",
                     inc.c_str(), lib.c_str());
        return 2;
    }

    const char* cxx_env = getenv("CXX");
    if (cmake) {
        // One build directory per project and emulator; CMake rebuilds what changed.
        Hasher project;
        project.str(dir);
        project.str(lib);
        project.str(cxx_env ? cxx_env : "");
        ttrun::CMakeBuildRequest request;
        request.source_dir = dir;
        request.build_dir = cache_dir("cmake") + "/" + project.hex();
        request.package_prefix = absolute(lib + "/..");
        request.target = target;
        request.reconfigure = rebuild;
        request.verbose = verbose;
        const std::string program = ttrun::build_cmake_project(request);
        if (program.empty()) return 1;
        return run_program(program, dir, stats_json, prog_args);
    }
    std::vector<std::string> cmd = {cxx_env && *cxx_env ? cxx_env : "c++", "-std=c++20", "-O2", "-I" + inc, "-I" + dir,
                                    host};
    Hasher h;
    for (const auto& c : cmd) h.str(c);
    std::string content;
    read_file(host, content);
    h.str(content);
    {
        DIR* d = opendir(dir.c_str());
        std::vector<std::string> hdrs;
        while (dirent* e = d ? readdir(d) : nullptr) {
            std::string n = e->d_name;
            if (n.size() > 2 && (n.substr(n.size() - 2) == ".h" || (n.size() > 4 && n.substr(n.size() - 4) == ".hpp")))
                hdrs.push_back(n);
        }
        if (d) closedir(d);
        std::sort(hdrs.begin(), hdrs.end());
        for (const auto& n : hdrs) {
            std::string c;
            read_file(dir + "/" + n, c);
            h.str(c);
        }
    }
    hash_tree(h, inc);
    struct stat st {};
    stat((lib + "/libttemu.so").c_str(), &st);
    h.str(std::to_string(st.st_size) + ":" + std::to_string(st.st_mtime));

    const std::string bin = cache_dir("hosts") + "/host-" + h.hex();
    if (rebuild || !exists(bin)) {
        const std::string tmp = bin + ".tmp." + std::to_string(getpid());
        std::vector<std::string> full = cmd;
        // fmt: tt-metal's host headers format TT_THROW/TT_FATAL messages with it.
        for (const std::string& a : {std::string("-o"), tmp, "-L" + lib, std::string("-lttemu"), std::string("-lfmt"),
                                     "-Wl,-rpath," + lib})
            full.push_back(a);
        if (verbose) {
            for (const auto& a : full) std::fprintf(stderr, "%s ", a.c_str());
            std::fprintf(stderr, "\n");
        }
        int rc = ttrun::run_process(full);
        if (rc != 0) {
            std::fprintf(stderr, "tt-run: building %s failed\n", host.c_str());
            std::remove(tmp.c_str());
            return rc == 0 ? 1 : rc;
        }
        std::rename(tmp.c_str(), bin.c_str());
    }

    return run_program(bin, dir, stats_json, prog_args);
}
