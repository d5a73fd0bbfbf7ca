// DPRINT(format, args...): a kernel's debug print, as tt-metal's device print: fmt-style format
// strings ("{}", "{:#x}", "{:.3f}", ...), printed by the host as lines prefixed with the device, the
// core's logical coordinates and the RISC ("0:(x=0,y=0):BR: ..."), for the cores
// TT_METAL_DPRINT_CORES names ("0,0", "(0,0),(1,2)", "(0,0)-(3,3)" or "all"; none when unset).
// DPRINT_DATA0 / DPRINT_DATA1 print on data-movement RISCV_0 (BR) / RISCV_1 (NC) only; in a
// compute kernel DPRINT prints once per thread (TR0 unpack, TR1 math, TR2 pack) and
// DPRINT_UNPACK / _MATH / _PACK on one of them.
#pragma once
#include <cstdint>
#include <type_traits>

#include "ttemu/kernel_api.h"

namespace ttemu::dprint {
enum class Risc : std::uint8_t { Any = 0, Unpack = 1, Math = 2, Pack = 3, Data0 = 4, Data1 = 5 };

// One argument, as the host-side formatter reads it.
struct Arg {
    enum Kind : std::uint8_t { Signed, Unsigned, Float, Double, Bool, Char, String, Pointer } kind;
    union {
        long long i;
        unsigned long long u;
        double f;
        const char* s;
        const void* p;
    };
};

template <typename T>
Arg to_arg(T value) {
    Arg a;
    using U = std::remove_cv_t<T>;
    if constexpr (std::is_same_v<U, bool>) {
        a.kind = Arg::Bool;
        a.u = value ? 1 : 0;
    } else if constexpr (std::is_same_v<U, char>) {
        a.kind = Arg::Char;
        a.u = static_cast<unsigned char>(value);
    } else if constexpr (std::is_enum_v<U>) {
        a.kind = Arg::Signed;
        a.i = static_cast<long long>(value);
    } else if constexpr (std::is_integral_v<U> && std::is_signed_v<U>) {
        a.kind = Arg::Signed;
        a.i = value;
    } else if constexpr (std::is_integral_v<U>) {
        a.kind = Arg::Unsigned;
        a.u = value;
    } else if constexpr (std::is_same_v<U, float>) {
        a.kind = Arg::Float;
        a.f = value;
    } else if constexpr (std::is_floating_point_v<U>) {
        a.kind = Arg::Double;
        a.f = static_cast<double>(value);
    } else if constexpr (std::is_same_v<std::decay_t<U>, const char*> || std::is_same_v<std::decay_t<U>, char*>) {
        a.kind = Arg::String;
        a.s = value;
    } else if constexpr (std::is_pointer_v<U>) {
        a.kind = Arg::Pointer;
        a.p = const_cast<const void*>(static_cast<const volatile void*>(value));
    } else if constexpr (std::is_convertible_v<U, float>) {  // bfloat16 and other float-like types
        a.kind = Arg::Float;
        a.f = static_cast<float>(value);
    } else {
        static_assert(sizeof(T) == 0, "DPRINT: an argument of a type it cannot print");
    }
    return a;
}
}  // namespace ttemu::dprint

#pragma GCC visibility push(default)
namespace ttemu::kapi {
void dprint(std::uint8_t risc, const char* format, const ::ttemu::dprint::Arg* args, std::uint32_t count,
            const char* file, int line);
}  // namespace ttemu::kapi
#pragma GCC visibility pop

namespace ttemu::dprint {
template <typename... Args>
inline void print(Risc risc, const char* file, int line, const char* format, Args... args) {
    const Arg packed[sizeof...(Args) + 1] = {to_arg(args)..., Arg{}};
    ::ttemu::kapi::dprint(static_cast<std::uint8_t>(risc), format, packed, sizeof...(Args), file, line);
}
}  // namespace ttemu::dprint

#define TTEMU_DPRINT(risc, format, ...) \
    ::ttemu::dprint::print(::ttemu::dprint::Risc::risc, __FILE__, __LINE__, format, ##__VA_ARGS__)
#define DPRINT(format, ...) TTEMU_DPRINT(Any, format, ##__VA_ARGS__)
#define DPRINT_UNPACK(format, ...) TTEMU_DPRINT(Unpack, format, ##__VA_ARGS__)
#define DPRINT_MATH(format, ...) TTEMU_DPRINT(Math, format, ##__VA_ARGS__)
#define DPRINT_PACK(format, ...) TTEMU_DPRINT(Pack, format, ##__VA_ARGS__)
#define DPRINT_DATA0(format, ...) TTEMU_DPRINT(Data0, format, ##__VA_ARGS__)
#define DPRINT_DATA1(format, ...) TTEMU_DPRINT(Data1, format, ##__VA_ARGS__)
