// A host program whose reader never pushes what the compute kernel waits for: tt-run must report the
// deadlock on stderr and exit non-zero.
#include <tt-metalium/distributed.hpp>
#include <tt-metalium/host_api.hpp>

#include <filesystem>

using namespace tt;
using namespace tt::tt_metal;

int main() {
    auto device = distributed::MeshDevice::create_unit_mesh(0);
    Program program = CreateProgram();
    const CoreCoord core{0, 0};
    const std::uint32_t tile = tile_size(DataFormat::Float16_b);
    CreateCircularBuffer(program, core,
                         CircularBufferConfig(2 * tile, {{CBIndex::c_0, DataFormat::Float16_b}}).set_page_size(CBIndex::c_0, tile));
    const std::string dir = std::filesystem::current_path().string() + "/kernels/";
    CreateKernel(program, dir + "reader.cpp", core,
                 DataMovementConfig{.processor = DataMovementProcessor::RISCV_1, .noc = NOC::RISCV_1_default});
    distributed::MeshWorkload workload;
    workload.add_program(distributed::MeshCoordinateRange(device->shape()), std::move(program));
    distributed::EnqueueMeshWorkload(device->mesh_command_queue(), workload, true);
    device->close();
    return 0;
}
