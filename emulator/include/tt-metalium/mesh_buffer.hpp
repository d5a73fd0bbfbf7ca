#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <variant>
#include <vector>

#include <tt-metalium/bfloat16.hpp>
#include <tt-metalium/buffer_types.hpp>
#include <tt-metalium/mesh_coord.hpp>
#include <tt-metalium/mesh_device.hpp>
#include <tt-metalium/shape2d.hpp>

namespace ttemu {
struct BufferImpl;
}

namespace tt::tt_metal {
namespace distributed {
class MeshBuffer;
}

// A MeshBuffer's buffer on one device of the mesh (tt-metal's Buffer).
class Buffer {
public:
    Buffer(const distributed::MeshBuffer& mesh_buffer, std::size_t device_index)
        : mesh_buffer_(&mesh_buffer), device_index_(device_index) {}
    DeviceAddr address() const;
    DeviceAddr size() const;  // the bytes on this device
    DeviceAddr page_size() const;
    std::uint32_t num_pages() const;
    BufferType buffer_type() const;
    const distributed::MeshBuffer& mesh_buffer() const { return *mesh_buffer_; }
    std::size_t ttemu_device_index() const { return device_index_; }

private:
    const distributed::MeshBuffer* mesh_buffer_;
    std::size_t device_index_;
};

}  // namespace tt::tt_metal

namespace tt::tt_metal::distributed {

// The same bytes on every device.
struct ReplicatedBufferConfig {
    DeviceAddr size = 0;
};

// A 2D array of `global_buffer_shape` datums (datum = global_size / (height x width) bytes, row-major)
// cut into shards of `shard_shape` datums, one per device; a 0 in the shard shape replicates that
// dimension. Shards go to the devices row by row (ROW_MAJOR) or column by column (COL_MAJOR).
struct ShardedBufferConfig {
    DeviceAddr global_size = 0;
    Shape2D global_buffer_shape = {0, 0};
    Shape2D shard_shape = {0, 0};
    ShardOrientation shard_orientation = ShardOrientation::ROW_MAJOR;

    std::uint32_t compute_datum_size_bytes() const {
        const std::size_t datums = global_buffer_shape.height() * global_buffer_shape.width();
        return datums ? static_cast<std::uint32_t>(global_size / datums) : 0;
    }
    std::pair<bool, bool> replicated_dims() const { return {shard_shape.height() == 0, shard_shape.width() == 0}; }
    Shape2D physical_shard_shape() const {
        return Shape2D(shard_shape.height() == 0 ? global_buffer_shape.height() : shard_shape.height(),
                       shard_shape.width() == 0 ? global_buffer_shape.width() : shard_shape.width());
    }
};

enum class MeshBufferLayout : std::uint8_t { REPLICATED, SHARDED };
using MeshBufferConfig = std::variant<ReplicatedBufferConfig, ShardedBufferConfig>;

struct DeviceLocalBufferConfig {
    DeviceAddr page_size = 0;
    BufferType buffer_type = BufferType::DRAM;
    std::optional<bool> bottom_up = std::nullopt;
};

class MeshBuffer {
public:
    // Allocates the buffer on every device of the mesh at one address (lock-step, as tt-metal does).
    static std::shared_ptr<MeshBuffer> create(const MeshBufferConfig& mesh_buffer_config,
                                              const DeviceLocalBufferConfig& device_local_config,
                                              MeshDevice* mesh_device,
                                              std::optional<DeviceAddr> address = std::nullopt);
    ~MeshBuffer();

    DeviceAddr address() const;
    // Replicated: the bytes on each device; sharded: the global size.
    DeviceAddr size() const;
    DeviceAddr device_local_size() const { return device_local_size_; }
    DeviceAddr page_size() const { return local_config_.page_size; }
    std::uint32_t num_pages() const {
        return page_size() == 0 ? 0 : static_cast<std::uint32_t>(device_local_size_ / page_size());
    }
    BufferType buffer_type() const { return local_config_.buffer_type; }
    MeshDevice* device() const { return device_; }
    const DeviceLocalBufferConfig& device_local_config() const { return local_config_; }
    MeshBufferLayout global_layout() const {
        return std::holds_alternative<ReplicatedBufferConfig>(config_) ? MeshBufferLayout::REPLICATED
                                                                       : MeshBufferLayout::SHARDED;
    }
    const MeshBufferConfig& global_config() const { return config_; }
    const ShardedBufferConfig& global_shard_spec() const;
    std::uint32_t datum_size_bytes() const { return global_shard_spec().compute_datum_size_bytes(); }
    Shape2D physical_shard_shape() const { return global_shard_spec().physical_shard_shape(); }
    std::pair<bool, bool> replicated_dims() const { return global_shard_spec().replicated_dims(); }
    bool is_allocated() const;
    void deallocate();
    // The buffer on one device, on the first device, and (as tt-metal's) the one backing the address.
    Buffer* get_device_buffer(const MeshCoordinate& device_coord) const;
    Buffer* get_reference_buffer() const { return view(0); }
    Buffer* get_backing_buffer() const { return view(0); }

    // Emulator internals: the buffer on the device at a row-major index of the mesh.
    MeshBuffer(MeshDevice* device, const MeshBufferConfig& config, const DeviceLocalBufferConfig& local,
               DeviceAddr device_local_size, std::vector<std::shared_ptr<ttemu::BufferImpl>> impls);
    const std::shared_ptr<ttemu::BufferImpl>& ttemu_impl(std::size_t device_index = 0) const {
        return impls_.at(device_index);
    }

private:
    Buffer* view(std::size_t device_index) const;
    MeshDevice* device_;
    MeshBufferConfig config_;
    DeviceLocalBufferConfig local_config_;
    DeviceAddr device_local_size_;
    std::vector<std::shared_ptr<ttemu::BufferImpl>> impls_;
    mutable std::vector<std::unique_ptr<Buffer>> views_;
};

}  // namespace tt::tt_metal::distributed

namespace tt::tt_metal {
inline DeviceAddr Buffer::address() const { return mesh_buffer_->address(); }
inline DeviceAddr Buffer::size() const { return mesh_buffer_->device_local_size(); }
inline DeviceAddr Buffer::page_size() const { return mesh_buffer_->page_size(); }
inline std::uint32_t Buffer::num_pages() const { return mesh_buffer_->num_pages(); }
inline BufferType Buffer::buffer_type() const { return mesh_buffer_->buffer_type(); }
}  // namespace tt::tt_metal
