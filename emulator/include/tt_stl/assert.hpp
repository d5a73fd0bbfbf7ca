// TT_ASSERT, TT_FATAL and TT_THROW as tt-metal's tt_stl defines them: a failed check throws
// std::runtime_error whose message is formatted with fmt and names the file and line.
#pragma once
#include <stdexcept>
#include <string>
#include <utility>

#include <fmt/format.h>
#include <fmt/ostream.h>

namespace tt::assert::detail {
[[noreturn]] inline void tt_throw(const char* file, int line, const char* what, const std::string& message) {
    throw std::runtime_error(fmt::format("{} @ {}:{}: {}", what, file, line, message));
}

inline std::string format_message() { return std::string(); }

template <typename... Args>
std::string format_message(fmt::format_string<Args...> format, Args&&... args) {
    return fmt::format(format, std::forward<Args>(args)...);
}
}  // namespace tt::assert::detail

#define TT_THROW(...) \
    ::tt::assert::detail::tt_throw(__FILE__, __LINE__, "TT_THROW", ::tt::assert::detail::format_message(__VA_ARGS__))

#define TT_FATAL(condition, ...)                                                                     \
    do {                                                                                             \
        if (!(condition))                                                                            \
            ::tt::assert::detail::tt_throw(__FILE__, __LINE__, "TT_FATAL: " #condition,              \
                                           ::tt::assert::detail::format_message(__VA_ARGS__));       \
    } while (false)

// Checked in debug builds only, as in tt-metal.
#ifndef NDEBUG
#define TT_ASSERT(condition, ...)                                                                    \
    do {                                                                                             \
        if (!(condition))                                                                            \
            ::tt::assert::detail::tt_throw(__FILE__, __LINE__, "TT_ASSERT: " #condition,             \
                                           ::tt::assert::detail::format_message(__VA_ARGS__));       \
    } while (false)
#else
#define TT_ASSERT(condition, ...) ((void)sizeof((condition) ? 1 : 0))
#endif
