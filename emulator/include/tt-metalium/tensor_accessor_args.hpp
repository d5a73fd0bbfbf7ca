#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include <tt-metalium/mesh_buffer.hpp>

namespace tt::tt_metal {

// Compile-time description of an interleaved buffer for a kernel's TensorAccessor.
// Encoding (2 compile-time args): [flags (bit0 = DRAM, bit1 = interleaved), aligned page size].
class TensorAccessorArgs {
public:
    TensorAccessorArgs() = default;
    explicit TensorAccessorArgs(const distributed::MeshBuffer& buffer);
    explicit TensorAccessorArgs(const distributed::MeshBuffer* buffer) : TensorAccessorArgs(*buffer) {}
    explicit TensorAccessorArgs(const std::shared_ptr<distributed::MeshBuffer>& buffer) : TensorAccessorArgs(*buffer) {}
    explicit TensorAccessorArgs(const Buffer& buffer) : TensorAccessorArgs(buffer.mesh_buffer()) {}
    explicit TensorAccessorArgs(const Buffer* buffer) : TensorAccessorArgs(buffer->mesh_buffer()) {}

    void append_to(std::vector<std::uint32_t>& compile_time_args) const;
    void append_to(std::vector<std::uint32_t>& compile_time_args, std::vector<std::uint32_t>& common_runtime_args) const;
    std::vector<std::uint32_t> get_compile_time_args() const;
    std::vector<std::uint32_t> get_common_runtime_args() const { return {}; }

private:
    std::uint32_t flags_ = 0;
    std::uint32_t aligned_page_size_ = 0;
};

}  // namespace tt::tt_metal
