#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <optional>

#include <hostdevcommon/kernel_structs.h>
#include <tt-metalium/tt_backend_api_types.hpp>
#include <ttemu/error.hpp>

namespace tt::tt_metal {

class CircularBufferConfig {
public:
    CircularBufferConfig(std::uint32_t total_size, const std::map<std::uint8_t, tt::DataFormat>& data_format_spec)
        : total_size_(total_size) {
        for (const auto& [index, format] : data_format_spec) {
            check_index(index);
            data_formats_[index] = format;
        }
    }
    explicit CircularBufferConfig(std::uint32_t total_size) : total_size_(total_size) {}

    CircularBufferConfig& set_page_size(std::uint8_t buffer_index, std::uint32_t page_size) {
        check_index(buffer_index);
        if (!data_formats_[buffer_index])
            throw ttemu::Error("CircularBufferConfig::set_page_size: CB index " + std::to_string(buffer_index) +
                               " has no data format in this config");
        if (page_size == 0 || total_size_ % page_size != 0)
            throw ttemu::Error("CircularBufferConfig::set_page_size: total size " + std::to_string(total_size_) +
                               " of CB " + std::to_string(buffer_index) + " is not a multiple of page size " +
                               std::to_string(page_size));
        page_sizes_[buffer_index] = page_size;
        return *this;
    }
    CircularBufferConfig& set_total_size(std::uint32_t total_size) {
        total_size_ = total_size;
        return *this;
    }

    std::uint32_t total_size() const { return total_size_; }
    const std::array<std::optional<tt::DataFormat>, tt::NUM_CIRCULAR_BUFFERS>& data_formats() const {
        return data_formats_;
    }
    const std::array<std::optional<std::uint32_t>, tt::NUM_CIRCULAR_BUFFERS>& page_sizes() const {
        return page_sizes_;
    }

private:
    static void check_index(std::uint32_t index) {
        if (index >= tt::NUM_CIRCULAR_BUFFERS)
            throw ttemu::Error("CircularBufferConfig: CB index " + std::to_string(index) + " out of range (max " +
                               std::to_string(tt::NUM_CIRCULAR_BUFFERS - 1) + ")");
    }
    std::uint32_t total_size_ = 0;
    std::array<std::optional<tt::DataFormat>, tt::NUM_CIRCULAR_BUFFERS> data_formats_{};
    std::array<std::optional<std::uint32_t>, tt::NUM_CIRCULAR_BUFFERS> page_sizes_{};
};

}  // namespace tt::tt_metal
