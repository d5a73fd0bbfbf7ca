// Programs bound to rectangles of a mesh's devices (tt-metal's mesh_workload.hpp).
#pragma once
#include <utility>
#include <vector>

#include <tt-metalium/mesh_coord.hpp>
#include <tt-metalium/host_api.hpp>
#include <tt-metalium/program.hpp>
#include <ttemu/error.hpp>

namespace tt::tt_metal::distributed {

class MeshWorkload {
public:
    MeshWorkload() = default;
    // As in tt-metal, a device runs at most one program of a workload: ranges may not overlap.
    void add_program(const MeshCoordinateRange& device_range, Program&& program) {
        for (const auto& [range, p] : programs_)
            if (range.intersects(device_range))
                throw ttemu::Error("MeshWorkload::add_program: program range " + device_range.str() +
                                   " overlaps with the previously added range " + range.str());
        programs_.emplace_back(device_range, std::move(program));
    }
    std::vector<std::pair<MeshCoordinateRange, Program>>& get_programs() { return programs_; }

private:
    std::vector<std::pair<MeshCoordinateRange, Program>> programs_;
};

}  // namespace tt::tt_metal::distributed
