// A host program whose one kernel spins forever on an L1 value nobody writes: with the watchdog
// off it never ends, so a test can kill tt-run and check that this program dies with it.
#include <tt-metalium/distributed.hpp>
#include <tt-metalium/host_api.hpp>

#include <filesystem>

using namespace tt;
using namespace tt::tt_metal;

int main() {
    auto device = distributed::MeshDevice::create_unit_mesh(0);
    Program program = CreateProgram();
    const CoreCoord core{0, 0};
    CreateSemaphore(program, CoreRange(core), 0);
    const std::string dir = std::filesystem::current_path().string() + "/kernels/";
    CreateKernel(program, dir + "reader.cpp", core,
                 DataMovementConfig{.processor = DataMovementProcessor::RISCV_1, .noc = NOC::RISCV_1_default});
    distributed::MeshWorkload workload;
    workload.add_program(distributed::MeshCoordinateRange(device->shape()), std::move(program));
    distributed::EnqueueMeshWorkload(device->mesh_command_queue(), workload, true);
    device->close();
    return 0;
}
