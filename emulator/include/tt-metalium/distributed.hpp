// Mesh workloads, command queues and buffer transfers (tt::tt_metal::distributed).
#pragma once
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include <tt-metalium/mesh_buffer.hpp>
#include <tt-metalium/mesh_device.hpp>
#include <tt-metalium/program.hpp>

namespace tt::tt_metal::distributed {

class MeshWorkload {
public:
    MeshWorkload() = default;
    void add_program(const MeshCoordinateRange& device_range, Program&& program) {
        programs_.emplace_back(device_range, std::move(program));
    }
    std::vector<std::pair<MeshCoordinateRange, Program>>& get_programs() { return programs_; }

private:
    std::vector<std::pair<MeshCoordinateRange, Program>> programs_;
};

class MeshCommandQueue {
public:
    explicit MeshCommandQueue(MeshDevice* device) : device_(device) {}
    MeshDevice* device() const { return device_; }

private:
    MeshDevice* device_;
};

namespace ttemu_detail {
void write_buffer(MeshCommandQueue& cq, const std::shared_ptr<MeshBuffer>& buffer, const void* src, std::size_t bytes);
void read_buffer(MeshCommandQueue& cq, const std::shared_ptr<MeshBuffer>& buffer, void* dst, std::size_t bytes);
}  // namespace ttemu_detail

template <typename DType>
void EnqueueWriteMeshBuffer(MeshCommandQueue& mesh_cq, std::shared_ptr<MeshBuffer>& mesh_buffer,
                            const std::vector<DType>& src, bool blocking = false) {
    (void)blocking;
    ttemu_detail::write_buffer(mesh_cq, mesh_buffer, src.data(), src.size() * sizeof(DType));
}

template <typename DType>
void EnqueueReadMeshBuffer(MeshCommandQueue& mesh_cq, std::vector<DType>& dst,
                           std::shared_ptr<MeshBuffer>& mesh_buffer, bool blocking = true) {
    (void)blocking;
    if (!mesh_buffer) throw ttemu::Error("EnqueueReadMeshBuffer: null buffer");
    dst.resize(static_cast<std::size_t>(mesh_buffer->size() / sizeof(DType)));
    ttemu_detail::read_buffer(mesh_cq, mesh_buffer, dst.data(), dst.size() * sizeof(DType));
}

void EnqueueMeshWorkload(MeshCommandQueue& mesh_cq, MeshWorkload& mesh_workload, bool blocking);
void Finish(MeshCommandQueue& mesh_cq);

}  // namespace tt::tt_metal::distributed
