// Mesh workloads, command queues and buffer transfers (tt::tt_metal::distributed).
#pragma once
#include <chrono>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include <tt-metalium/mesh_buffer.hpp>
#include <tt-metalium/mesh_coord.hpp>
#include <tt-metalium/mesh_device.hpp>
#include <tt-metalium/mesh_workload.hpp>
#include <tt-metalium/program.hpp>

namespace tt::tt_metal::distributed {

class MeshCommandQueue {
public:
    explicit MeshCommandQueue(MeshDevice* device) : device_(device) {}
    MeshDevice* device() const { return device_; }

private:
    MeshDevice* device_;
};

namespace ttemu_detail {
// Whole-buffer transfers: a replicated buffer is written to every device (and read from device (0, 0)
// of a unit mesh); a sharded one is cut into shards / assembled from them as its config says.
void write_buffer(MeshCommandQueue& cq, const std::shared_ptr<MeshBuffer>& buffer, const void* src, std::size_t bytes);
void read_buffer(MeshCommandQueue& cq, const std::shared_ptr<MeshBuffer>& buffer, void* dst, std::size_t bytes);
// One device's bytes of the buffer.
void write_shard(MeshCommandQueue& cq, const std::shared_ptr<MeshBuffer>& buffer, const void* src, std::size_t bytes,
                 const MeshCoordinate& coord);
void read_shard(MeshCommandQueue& cq, const std::shared_ptr<MeshBuffer>& buffer, void* dst, std::size_t bytes,
                const MeshCoordinate& coord);
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

template <typename DType>
void WriteShard(MeshCommandQueue& mesh_cq, const std::shared_ptr<MeshBuffer>& mesh_buffer, std::vector<DType>& src,
                const MeshCoordinate& coord, bool blocking = false) {
    (void)blocking;
    ttemu_detail::write_shard(mesh_cq, mesh_buffer, src.data(), src.size() * sizeof(DType), coord);
}

template <typename DType>
void ReadShard(MeshCommandQueue& mesh_cq, std::vector<DType>& dst, const std::shared_ptr<MeshBuffer>& mesh_buffer,
               const MeshCoordinate& coord, bool blocking = true) {
    (void)blocking;
    if (!mesh_buffer) throw ttemu::Error("ReadShard: null buffer");
    dst.resize(static_cast<std::size_t>(mesh_buffer->device_local_size() / sizeof(DType)));
    ttemu_detail::read_shard(mesh_cq, mesh_buffer, dst.data(), dst.size() * sizeof(DType), coord);
}

// Runs each program of the workload on the devices of its range. The devices run in parallel: the
// workload's modeled device time is the slowest device's.
void EnqueueMeshWorkload(MeshCommandQueue& mesh_cq, MeshWorkload& mesh_workload, bool blocking);
void Finish(MeshCommandQueue& mesh_cq);

}  // namespace tt::tt_metal::distributed
