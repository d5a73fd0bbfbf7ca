#include "cmake_project.hpp"

#include "process.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

namespace ttrun {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

// Runs `args` with its output in `log` (or on the terminal when verbose); the exit status.
int run_logged(const std::vector<std::string>& args, const std::string& log, bool verbose) {
    if (verbose) {
        for (const auto& a : args) std::fprintf(stderr, "%s ", a.c_str());
        std::fprintf(stderr, "\n");
    }
    return run_process(args, "", verbose ? "" : log);
}

void print_log(const std::string& log) {
    std::ifstream in(log);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::fputs(text.c_str(), stderr);
}

bool on_path(const char* program) {
    const char* path = std::getenv("PATH");
    if (!path) return false;
    std::string dirs = path;
    std::size_t start = 0;
    while (start <= dirs.size()) {
        const std::size_t end = std::min(dirs.find(':', start), dirs.size());
        const fs::path candidate = fs::path(dirs.substr(start, end - start)) / program;
        if (access(candidate.c_str(), X_OK) == 0) return true;
        start = end + 1;
    }
    return false;
}

json read_json(const fs::path& path) {
    std::ifstream in(path);
    return json::parse(in, nullptr, /*allow_exceptions=*/false);
}

struct Executable {
    std::string name, path;
};

// The project's executables, from the newest reply of CMake's file API (codemodel v2).
std::vector<Executable> executables(const fs::path& build_dir) {
    std::vector<Executable> found;
    const fs::path reply = build_dir / ".cmake/api/v1/reply";
    std::error_code ec;
    std::vector<fs::path> indexes;
    for (const auto& entry : fs::directory_iterator(reply, ec))
        if (entry.path().filename().string().rfind("index-", 0) == 0) indexes.push_back(entry.path());
    if (indexes.empty()) return found;
    std::sort(indexes.begin(), indexes.end());  // index-<timestamp>.json: the last is the newest
    const json index = read_json(indexes.back());
    if (!index.contains("reply") || !index["reply"].contains("codemodel-v2")) return found;
    const json& codemodel_ref = index["reply"]["codemodel-v2"];
    if (!codemodel_ref.contains("jsonFile")) return found;
    const json codemodel = read_json(reply / codemodel_ref["jsonFile"].get<std::string>());
    for (const json& configuration : codemodel.value("configurations", json::array()))
        for (const json& target_ref : configuration.value("targets", json::array())) {
            const json target = read_json(reply / target_ref.value("jsonFile", std::string()));
            if (target.value("type", std::string()) != "EXECUTABLE") continue;
            for (const json& artifact : target.value("artifacts", json::array())) {
                fs::path path = artifact.value("path", std::string());
                if (path.is_relative()) path = build_dir / path;
                found.push_back({target.value("name", std::string()), path.string()});
            }
        }
    return found;
}

}  // namespace

std::string build_cmake_project(const CMakeBuildRequest& request) {
    const fs::path build_dir = request.build_dir;
    const std::string log = (build_dir / "tt-run-build.log").string();
    std::error_code ec;
    if (request.reconfigure) fs::remove_all(build_dir, ec);
    fs::create_directories(build_dir / ".cmake/api/v1/query", ec);
    std::ofstream(build_dir / ".cmake/api/v1/query/codemodel-v2");  // ask CMake for its code model
    if (!fs::exists(build_dir / "CMakeCache.txt")) {
        std::vector<std::string> configure = {"cmake", "-S", request.source_dir, "-B", build_dir.string(),
                                              "-DCMAKE_BUILD_TYPE=Release",
                                              "-DCMAKE_PREFIX_PATH=" + request.package_prefix};
        if (on_path("ninja")) configure.insert(configure.begin() + 1, {"-G", "Ninja"});
        if (const char* cxx = std::getenv("CXX"); cxx && *cxx)
            configure.push_back(std::string("-DCMAKE_CXX_COMPILER=") + cxx);
        if (run_logged(configure, log, request.verbose) != 0) {
            if (!request.verbose) print_log(log);
            std::fprintf(stderr, "tt-run: configuring %s with CMake failed\n", request.source_dir.c_str());
            fs::remove(build_dir / "CMakeCache.txt", ec);  // configure again next time
            return "";
        }
    }
    // The code model exists once configured: choose the executable before building it.
    const std::vector<Executable> found = executables(build_dir);
    std::vector<const Executable*> chosen;
    for (const Executable& e : found)
        if (request.target.empty() || e.name == request.target) chosen.push_back(&e);
    if (chosen.size() != 1) {
        std::string names;
        for (const Executable& e : found) names += " " + e.name;
        if (found.empty())
            std::fprintf(stderr, "tt-run: %s defines no executable\n", request.source_dir.c_str());
        else if (chosen.empty())
            std::fprintf(stderr, "tt-run: %s has no executable '%s'; its executables:%s\n",
                         request.source_dir.c_str(), request.target.c_str(), names.c_str());
        else
            std::fprintf(stderr, "tt-run: %s defines several executables; choose one with --target:%s\n",
                         request.source_dir.c_str(), names.c_str());
        return "";
    }
    const std::vector<std::string> build = {"cmake", "--build", build_dir.string(), "--target", chosen.front()->name};
    if (run_logged(build, log, request.verbose) != 0) {
        if (!request.verbose) print_log(log);
        std::fprintf(stderr, "tt-run: building %s failed\n", request.source_dir.c_str());
        return "";
    }
    // The build re-configures when the project changed since: read where the executable is now.
    for (const Executable& e : executables(build_dir))
        if (e.name == chosen.front()->name) return e.path;
    return chosen.front()->path;
}

}  // namespace ttrun
