#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <variant>

#include <tt-metalium/buffer_types.hpp>
#include <tt-metalium/mesh_device.hpp>

namespace ttemu {
struct BufferImpl;
}

namespace tt::tt_metal::distributed {

struct ReplicatedBufferConfig {
    DeviceAddr size = 0;
};

struct ShardedBufferConfig {
    DeviceAddr global_size = 0;
    std::pair<std::size_t, std::size_t> global_buffer_shape{0, 0};
    std::pair<std::size_t, std::size_t> shard_shape{0, 0};
};

using MeshBufferConfig = std::variant<ReplicatedBufferConfig, ShardedBufferConfig>;

struct DeviceLocalBufferConfig {
    DeviceAddr page_size = 0;
    BufferType buffer_type = BufferType::DRAM;
    std::optional<bool> bottom_up = std::nullopt;
};

class MeshBuffer {
public:
    static std::shared_ptr<MeshBuffer> create(const MeshBufferConfig& mesh_buffer_config,
                                              const DeviceLocalBufferConfig& device_local_config,
                                              MeshDevice* mesh_device,
                                              std::optional<DeviceAddr> address = std::nullopt);
    ~MeshBuffer();

    DeviceAddr address() const;
    DeviceAddr size() const;
    DeviceAddr page_size() const;
    std::uint32_t num_pages() const;
    BufferType buffer_type() const;
    MeshDevice* device() const { return device_; }
    const DeviceLocalBufferConfig& device_local_config() const { return local_config_; }
    bool is_allocated() const;
    void deallocate();

    // Emulator internals.
    MeshBuffer(MeshDevice* device, const DeviceLocalBufferConfig& local, std::shared_ptr<ttemu::BufferImpl> impl);
    const std::shared_ptr<ttemu::BufferImpl>& ttemu_impl() const { return impl_; }

private:
    MeshDevice* device_;
    DeviceLocalBufferConfig local_config_;
    std::shared_ptr<ttemu::BufferImpl> impl_;
};

}  // namespace tt::tt_metal::distributed
