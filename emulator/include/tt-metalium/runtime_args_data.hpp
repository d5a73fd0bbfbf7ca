#pragma once
#include <cstddef>
#include <cstdint>
#include <ttemu/error.hpp>
#include <string>

namespace tt::tt_metal {
// A view of one kernel's runtime arguments on one core, as returned by GetRuntimeArgs.
struct RuntimeArgsData {
    std::uint32_t* rt_args_data = nullptr;
    std::size_t rt_args_count = 0;
    std::uint32_t& operator[](std::size_t i) {
        if (i >= rt_args_count)
            throw ttemu::Error("RuntimeArgsData: index " + std::to_string(i) + " out of range (" +
                               std::to_string(rt_args_count) + " args)");
        return rt_args_data[i];
    }
    const std::uint32_t& operator[](std::size_t i) const { return const_cast<RuntimeArgsData&>(*this)[i]; }
    std::uint32_t& at(std::size_t i) { return (*this)[i]; }
    std::size_t size() const { return rt_args_count; }
    std::uint32_t* data() { return rt_args_data; }
};
}  // namespace tt::tt_metal
