// Prints the device's worker grid.
#include <tt-metalium/distributed.hpp>
#include <tt-metalium/host_api.hpp>

#include <cstdio>

int main() {
    auto device = tt::tt_metal::distributed::MeshDevice::create_unit_mesh(0);
    const auto grid = device->compute_with_storage_grid_size();
    std::printf("worker grid %zux%zu\n", grid.x, grid.y);
    device->close();
    return 0;
}
