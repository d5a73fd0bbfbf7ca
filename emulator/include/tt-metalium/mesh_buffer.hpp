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

namespace tt::tt_metal {
namespace distributed {
class MeshBuffer;
}

// A MeshBuffer's buffer on one device (tt-metal's Buffer): the emulator's mesh has one device, so
// it is a view of the MeshBuffer itself.
class Buffer {
public:
    explicit Buffer(const distributed::MeshBuffer& mesh_buffer) : mesh_buffer_(&mesh_buffer) {}
    DeviceAddr address() const;
    DeviceAddr size() const;
    DeviceAddr page_size() const;
    std::uint32_t num_pages() const;
    BufferType buffer_type() const;
    const distributed::MeshBuffer& mesh_buffer() const { return *mesh_buffer_; }

private:
    const distributed::MeshBuffer* mesh_buffer_;
};

}  // namespace tt::tt_metal

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
    // The buffer on the mesh's (one) device.
    Buffer* get_backing_buffer() const {
        if (!backing_) backing_ = std::make_unique<Buffer>(*this);
        return backing_.get();
    }

    // Emulator internals.
    MeshBuffer(MeshDevice* device, const DeviceLocalBufferConfig& local, std::shared_ptr<ttemu::BufferImpl> impl);
    const std::shared_ptr<ttemu::BufferImpl>& ttemu_impl() const { return impl_; }

private:
    MeshDevice* device_;
    DeviceLocalBufferConfig local_config_;
    std::shared_ptr<ttemu::BufferImpl> impl_;
    mutable std::unique_ptr<Buffer> backing_;
};

}  // namespace tt::tt_metal::distributed

namespace tt::tt_metal {
inline DeviceAddr Buffer::address() const { return mesh_buffer_->address(); }
inline DeviceAddr Buffer::size() const { return mesh_buffer_->size(); }
inline DeviceAddr Buffer::page_size() const { return mesh_buffer_->page_size(); }
inline std::uint32_t Buffer::num_pages() const { return mesh_buffer_->num_pages(); }
inline BufferType Buffer::buffer_type() const { return mesh_buffer_->buffer_type(); }
}  // namespace tt::tt_metal
