// DPRINT: formats a kernel's debug print (fmt-style replacement fields) and prints it as tt-metal's
// print server does, one line at a time prefixed with device, logical core and RISC, for the cores
// TT_METAL_DPRINT_CORES selects.
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "api/debug/dprint.h"
#include "exec.hpp"

namespace ttemu {
namespace {

// The cores TT_METAL_DPRINT_CORES names: "all", "x,y", "(x,y),(x,y)" or "(x,y)-(x,y)" ranges.
struct CoreSelection {
    std::string spec;
    bool all = false;
    std::vector<CoreRange> ranges;
};

bool parse_coord(const char*& p, CoreCoord& c) {
    while (*p == ' ' || *p == '(') ++p;
    char* end = nullptr;
    unsigned long x = std::strtoul(p, &end, 10);
    if (end == p || *end != ',') return false;
    p = end + 1;
    unsigned long y = std::strtoul(p, &end, 10);
    if (end == p) return false;
    p = end;
    while (*p == ' ' || *p == ')') ++p;
    c = CoreCoord(x, y);
    return true;
}

const CoreSelection& selection() {
    static CoreSelection cached;
    const char* env = std::getenv("TT_METAL_DPRINT_CORES");
    std::string spec = env ? env : "";
    if (spec == cached.spec && !cached.spec.empty()) return cached;
    cached = CoreSelection{spec};
    if (spec == "all" || spec == "worker") {
        cached.all = true;
        return cached;
    }
    const char* p = spec.c_str();
    while (*p) {
        CoreCoord start, end;
        if (!parse_coord(p, start)) break;
        end = start;
        if (*p == '-') {
            ++p;
            if (!parse_coord(p, end)) break;
        }
        if (end.x >= start.x && end.y >= start.y) cached.ranges.emplace_back(start, end);
        while (*p == ',' || *p == ' ') ++p;
    }
    return cached;
}

bool selected(const CoreCoord& core) {
    const CoreSelection& s = selection();
    if (s.all) return true;
    for (const CoreRange& r : s.ranges)
        if (r.contains(core)) return true;
    return false;
}

// The shortest decimal that reads back as the same value, as fmt prints "{}" of a float/double.
std::string shortest(double v, bool single) {
    char buf[64];
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, v);
        if (single ? static_cast<float>(std::strtod(buf, nullptr)) == static_cast<float>(v)
                   : std::strtod(buf, nullptr) == v)
            break;
    }
    return buf;
}

// One replacement field: `spec` is what follows ':' in "{:spec}" (fill/align are not supported;
// flags '#', '+', '0', width, precision and the types d x X o b c s f e g p are).
std::string format_arg(const dprint::Arg& a, const std::string& spec, const char* format) {
    std::string flags;
    std::size_t i = 0;
    while (i < spec.size() && std::strchr("#+0- ", spec[i])) flags += spec[i++];
    std::string width;
    while (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i]))) width += spec[i++];
    std::string precision;
    if (i < spec.size() && spec[i] == '.') {
        ++i;
        while (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i]))) precision += spec[i++];
    }
    char type = i < spec.size() ? spec[i++] : 0;
    if (i != spec.size())
        kfail("DPRINT", "cannot read the replacement field {:" + spec + "} in format \"" + format + "\"");
    char buf[128];
    const std::string head = "%" + flags + width + (precision.empty() ? "" : "." + precision);
    switch (a.kind) {
        case dprint::Arg::Signed:
        case dprint::Arg::Unsigned:
        case dprint::Arg::Bool:
        case dprint::Arg::Char: {
            if (a.kind == dprint::Arg::Bool && !type) return a.u ? "true" : "false";
            if (a.kind == dprint::Arg::Char && (!type || type == 'c')) return std::string(1, static_cast<char>(a.u));
            if (type == 'b') {
                std::string bits;
                unsigned long long v = a.u;
                do bits.insert(bits.begin(), static_cast<char>('0' + (v & 1))); while (v >>= 1);
                return (flags.find('#') != std::string::npos ? "0b" : "") + bits;
            }
            const char* conv = type == 'x' ? "llx" : type == 'X' ? "llX" : type == 'o' ? "llo"
                             : a.kind == dprint::Arg::Signed ? "lld" : "llu";
            if (type && !std::strchr("dxXo", type))
                kfail("DPRINT", std::string("an integer cannot be printed with type '") + type + "' in \"" + format + "\"");
            std::snprintf(buf, sizeof buf, (head + conv).c_str(), a.u);
            return buf;
        }
        case dprint::Arg::Float:
        case dprint::Arg::Double:
            if (!type && precision.empty() && flags.empty() && width.empty())
                return shortest(a.f, a.kind == dprint::Arg::Float);
            if (type && !std::strchr("fFeEgG", type))
                kfail("DPRINT", std::string("a floating-point value cannot be printed with type '") + type + "' in \"" +
                                    format + "\"");
            std::snprintf(buf, sizeof buf, (head + (type ? std::string(1, type) : std::string("g"))).c_str(), a.f);
            return buf;
        case dprint::Arg::String:
            return a.s ? a.s : "(null)";
        case dprint::Arg::Pointer:
            std::snprintf(buf, sizeof buf, "%p", a.p);
            return buf;
    }
    return "";
}

std::string format_text(const char* format, const dprint::Arg* args, std::uint32_t count) {
    std::string out;
    std::uint32_t next = 0;
    for (const char* p = format; *p; ++p) {
        if (*p == '{' && p[1] == '{') {
            out += '{';
            ++p;
        } else if (*p == '}' && p[1] == '}') {
            out += '}';
            ++p;
        } else if (*p == '{') {
            const char* close = std::strchr(p, '}');
            if (!close) kfail("DPRINT", std::string("unclosed '{' in format \"") + format + "\"");
            std::string field(p + 1, close);
            std::string spec = field.empty() ? "" : field[0] == ':' ? field.substr(1) : "";
            if (!field.empty() && field[0] != ':')
                kfail("DPRINT", "replacement fields are \"{}\" or \"{:spec}\" (no argument numbers), got \"{" +
                                    field + "}\"");
            if (next >= count)
                kfail("DPRINT", "format \"" + std::string(format) + "\" has more replacement fields than the " +
                                    std::to_string(count) + " arguments given");
            out += format_arg(args[next++], spec, format);
            p = close;
        } else {
            out += *p;
        }
    }
    if (next != count)
        kfail("DPRINT", "format \"" + std::string(format) + "\" uses " + std::to_string(next) + " of its " +
                            std::to_string(count) + " arguments");
    return out;
}

// Whether each (core, RISC) stream is at the start of a line.
std::map<std::pair<std::uint32_t, std::string>, bool>& line_starts() {
    static std::map<std::pair<std::uint32_t, std::string>, bool> starts;
    return starts;
}

}  // namespace

void kapi::dprint(std::uint8_t risc, const char* format, const dprint::Arg* args, std::uint32_t count,
                  const char* file, int line) {
    if (!g_cur) throw Error("DPRINT called outside a running kernel");
    note_loc(file, line);
    Instance& in = *g_cur;
    using R = dprint::Risc;
    const R which = static_cast<R>(risc);
    std::vector<const char*> riscs;
    if (in.kernel->compute) {
        if (which == R::Any || which == R::Unpack) riscs.push_back("TR0");
        if (which == R::Any || which == R::Math) riscs.push_back("TR1");
        if (which == R::Any || which == R::Pack) riscs.push_back("TR2");
    } else {
        const bool brisc = in.kernel->dm.processor == tt::tt_metal::DataMovementProcessor::RISCV_0;
        if (which == R::Any || (which == R::Data0 && brisc) || (which == R::Data1 && !brisc))
            riscs.push_back(brisc ? "BR" : "NC");
    }
    if (riscs.empty() || !selected(in.core->logical)) return;
    // Formatting errors are errors of the kernel, on every core.
    const std::string text = format_text(format, args, count);
    const std::uint32_t device = in.launch->dev->device_id;
    const std::string prefix = std::to_string(device) + ":(x=" + std::to_string(in.core->logical.x) + ",y=" +
                               std::to_string(in.core->logical.y) + "):";
    std::string out;
    for (const char* name : riscs) {
        bool& at_start = line_starts().try_emplace({device * 4096 + in.core->index, name}, true).first->second;
        for (char c : text) {
            if (at_start) out += prefix + name + ": ";
            out += c;
            at_start = c == '\n';
        }
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fflush(stdout);
}

}  // namespace ttemu
