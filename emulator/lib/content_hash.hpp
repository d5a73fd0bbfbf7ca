// Content hashing for the emulator's on-disk caches (compiled kernels in
// libttemu, built host programs in tt-run): FNV-1a over length-delimited
// strings, and whole-file reads. Header-only so tt-run need not link libttemu.
#pragma once

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

namespace ttemu::detail {

struct Hasher {
    std::uint64_t h = 1469598103934665603ull;
    void bytes(const void* p, std::size_t n) {
        const auto* b = static_cast<const std::uint8_t*>(p);
        for (std::size_t i = 0; i < n; ++i) {
            h ^= b[i];
            h *= 1099511628211ull;
        }
    }
    // A separator after each string keeps ("ab", "c") apart from ("a", "bc").
    void str(const std::string& s) {
        bytes(s.data(), s.size());
        std::uint8_t sep = 0xff;
        bytes(&sep, 1);
    }
    std::string hex() const {
        char buf[20];
        std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
        return buf;
    }
};

inline bool read_file(const std::string& path, std::string& out) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return false;
    std::ostringstream ss;
    ss << f.rdbuf();
    out = ss.str();
    return true;
}

}  // namespace ttemu::detail
