// The modeled timing of the last program the emulator ran (an emulator extension, not Metalium API).
// The same figures go to the printed summary and the stats JSON (TTEMU_STATS_JSON).
#pragma once
#include <cstdint>
#include <string>

namespace ttemu {

struct ProgramTiming {
    std::uint64_t cycles = 0;             // modeled device cycles of the program's kernels
    double microseconds = 0;              // cycles at the device clock
    double ideal_matmul_cycles = 0;       // tile products x cycles per product / device cores
    double utilization = 0;               // ideal_matmul_cycles / cycles
    std::uint64_t dram_bytes = 0;         // read + written by kernels
    std::uint64_t dram_bound_cycles = 0;  // dram_bytes at the device's DRAM bandwidth
    std::string bottleneck;               // "<kernel> (<role>) on core (x,y): <top shares>"
    // A mesh workload: the devices that ran it in parallel; the figures above are the slowest device's
    // (its cycles are the workload's device time) and mesh_utilization is the ideal cycles of all of them
    // over (cycles x the mesh's devices).
    std::uint32_t devices = 1;
    double mesh_utilization = 0;
};

// The timing of the most recent program run on any device of this process.
const ProgramTiming& last_program_timing();

}  // namespace ttemu
