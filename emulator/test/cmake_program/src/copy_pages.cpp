// Copies numbered pages between two DRAM buffers with one data-movement kernel and checks them.
#include <tt-metalium/distributed.hpp>
#include <tt-metalium/host_api.hpp>

#include <cstdio>

#include "pages.hpp"

using namespace tt::tt_metal;

int main() {
    constexpr std::uint32_t pages = 12, page_words = 256, page_bytes = page_words * 4;
    auto device = distributed::MeshDevice::create_unit_mesh(0);
    auto& queue = device->mesh_command_queue();
    const distributed::DeviceLocalBufferConfig local{.page_size = page_bytes, .buffer_type = BufferType::DRAM};
    const distributed::ReplicatedBufferConfig whole{.size = pages * page_bytes};
    auto src = distributed::MeshBuffer::create(whole, local, device.get());
    auto dst = distributed::MeshBuffer::create(whole, local, device.get());
    const std::vector<std::uint32_t> input = numbered_pages(pages, page_words);
    distributed::EnqueueWriteMeshBuffer(queue, src, input, false);

    Program program = CreateProgram();
    const CoreCoord core{0, 0};
    const std::uint32_t l1_page = 0x40000;
    KernelHandle copy = CreateKernel(program, KERNEL_DIR "copy.cpp", core,
                                     DataMovementConfig{.processor = DataMovementProcessor::RISCV_0,
                                                        .noc = NOC::RISCV_0_default});
    SetRuntimeArgs(program, copy, core,
                   {static_cast<std::uint32_t>(src->address()), static_cast<std::uint32_t>(dst->address()), pages,
                    page_bytes, l1_page});
    distributed::MeshWorkload workload;
    workload.add_program(distributed::MeshCoordinateRange(device->shape()), std::move(program));
    distributed::EnqueueMeshWorkload(queue, workload, false);
    std::vector<std::uint32_t> output;
    distributed::EnqueueReadMeshBuffer(queue, output, dst, true);
    device->close();
    const bool same = output == input;
    std::printf("%s: %u pages copied\n", same ? "PASS" : "FAIL", pages);
    return same ? 0 : 1;
}
