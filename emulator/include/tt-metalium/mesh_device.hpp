#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <tt-metalium/core_coord.hpp>
#include <tt-metalium/tt_backend_api_types.hpp>
#include <ttemu/error.hpp>

namespace ttemu {
struct DeviceImpl;
}

namespace tt::tt_metal {

struct DispatchCoreConfig {};

namespace distributed {

class MeshShape {
public:
    MeshShape(std::uint32_t rows, std::uint32_t cols) : dims_{rows, cols} {}
    explicit MeshShape(const std::vector<std::uint32_t>& dims) : dims_(dims) {}
    std::size_t dims() const { return dims_.size(); }
    std::uint32_t operator[](std::size_t i) const { return dims_.at(i); }
    std::size_t mesh_size() const {
        std::size_t n = 1;
        for (auto d : dims_) n *= d;
        return n;
    }
    friend bool operator==(const MeshShape& a, const MeshShape& b) { return a.dims_ == b.dims_; }

private:
    std::vector<std::uint32_t> dims_;
};

class MeshCoordinate {
public:
    MeshCoordinate(std::uint32_t row, std::uint32_t col) : coords_{row, col} {}
    std::uint32_t operator[](std::size_t i) const { return coords_.at(i); }
    std::size_t dims() const { return coords_.size(); }

private:
    std::vector<std::uint32_t> coords_;
};

class MeshCoordinateRange {
public:
    explicit MeshCoordinateRange(const MeshShape& shape) : start_(0, 0), end_(shape[0] - 1, shape[1] - 1) {}
    MeshCoordinateRange(const MeshCoordinate& start, const MeshCoordinate& end) : start_(start), end_(end) {}
    const MeshCoordinate& start_coord() const { return start_; }
    const MeshCoordinate& end_coord() const { return end_; }

private:
    MeshCoordinate start_;
    MeshCoordinate end_;
};

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
    // The emulated system is one device: a 1x1 mesh (or the default shape) opens it.
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
    std::size_t num_devices() const { return 1; }
    std::size_t num_rows() const { return 1; }
    std::size_t num_cols() const { return 1; }
    std::uint32_t num_dram_channels() const;
    std::uint32_t l1_size_per_core() const;
    std::uint32_t dram_size_per_channel() const;
    MeshCommandQueue& mesh_command_queue(std::optional<std::uint8_t> cq_id = std::nullopt);

    // Emulator internals.
    const std::shared_ptr<ttemu::DeviceImpl>& ttemu_impl() const;
    MeshDevice(int device_id, std::shared_ptr<ttemu::DeviceImpl> impl);

private:
    int device_id_;
    MeshShape shape_{1, 1};
    std::shared_ptr<ttemu::DeviceImpl> impl_;
    std::unique_ptr<MeshCommandQueue> cq_;
};

}  // namespace distributed
}  // namespace tt::tt_metal
