#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <tt-metalium/core_coord.hpp>
#include <tt-metalium/mesh_coord.hpp>
#include <tt-metalium/tt_backend_api_types.hpp>
#include <ttemu/error.hpp>

namespace ttemu {
struct DeviceImpl;
}

namespace tt::tt_metal {

struct DispatchCoreConfig {};

namespace distributed {

// The mesh to open (tt-metal's mesh_config.hpp): its shape (default: the whole system), where it
// starts in the system mesh, and optionally which physical devices.
using ChipId = int;
class MeshDeviceConfig {
public:
    MeshDeviceConfig(const std::optional<MeshShape>& mesh_shape, const std::optional<MeshCoordinate>& offset = std::nullopt,
                     const std::vector<ChipId>& physical_device_ids = {})
        : mesh_shape_(mesh_shape), offset_(offset), physical_device_ids_(physical_device_ids) {}
    const std::optional<MeshShape>& mesh_shape() const { return mesh_shape_; }
    const std::optional<MeshCoordinate>& offset() const { return offset_; }
    const std::vector<ChipId>& physical_device_ids() const { return physical_device_ids_; }

private:
    std::optional<MeshShape> mesh_shape_;
    std::optional<MeshCoordinate> offset_;
    std::vector<ChipId> physical_device_ids_;
};

class MeshCommandQueue;

class MeshDevice {
public:
    // Opens an emulated mesh of `rows x cols` devices of the architecture TTEMU_ARCH names (default: the
    // whole system, one device). Each device has its own DRAM, cores and L1; they share the host.
    static std::shared_ptr<MeshDevice> create(const MeshDeviceConfig& config, std::size_t l1_small_size = 0,
                                              std::size_t trace_region_size = 0, std::size_t num_command_queues = 1,
                                              const DispatchCoreConfig& dispatch_core_config = {});
    static std::shared_ptr<MeshDevice> create_unit_mesh(int device_id, std::size_t l1_small_size = 0,
                                                        std::size_t trace_region_size = 0,
                                                        std::size_t num_command_queues = 1,
                                                        const DispatchCoreConfig& dispatch_core_config = {});
    ~MeshDevice();
    MeshDevice(const MeshDevice&) = delete;
    MeshDevice& operator=(const MeshDevice&) = delete;

    bool close();
    bool is_initialized() const;
    int id() const { return device_id_; }
    tt::ARCH arch() const;
    CoreCoord compute_with_storage_grid_size() const;
    CoreCoord logical_grid_size() const { return compute_with_storage_grid_size(); }
    CoreCoord worker_core_from_logical_core(const CoreCoord& logical_core) const;
    CoreCoord virtual_core_from_logical_core(const CoreCoord& logical_core) const {
        return worker_core_from_logical_core(logical_core);
    }
    const MeshShape& shape() const { return shape_; }
    std::size_t num_devices() const { return shape_.mesh_size(); }
    std::size_t num_rows() const { return shape_.dims() >= 2 ? shape_[0] : 1; }
    std::size_t num_cols() const { return shape_.dims() >= 2 ? shape_[1] : shape_[0]; }
    bool is_local(const MeshCoordinate& coord) const { return MeshCoordinateRange(shape_).contains(coord); }
    std::uint32_t num_dram_channels() const;
    std::uint32_t l1_size_per_core() const;
    std::uint32_t dram_size_per_channel() const;
    MeshCommandQueue& mesh_command_queue(std::optional<std::uint8_t> cq_id = std::nullopt);

    // Emulator internals: the device at a row-major index of the mesh; ttemu_impl() is device (0, 0).
    const std::shared_ptr<ttemu::DeviceImpl>& ttemu_impl() const;
    const std::shared_ptr<ttemu::DeviceImpl>& ttemu_device(std::size_t linear_index) const;
    MeshDevice(int device_id, MeshShape shape, std::vector<std::shared_ptr<ttemu::DeviceImpl>> devices);

private:
    int device_id_;
    MeshShape shape_;
    std::vector<std::shared_ptr<ttemu::DeviceImpl>> devices_;
    std::unique_ptr<MeshCommandQueue> cq_;
};

}  // namespace distributed
}  // namespace tt::tt_metal
