// The timing parameters of each emulated device, with where each value comes from. The emulator's
// virtual-time model reads them; a compiler's cost model can include this header and read the same
// numbers. docs/timing-model.md explains the mechanisms that use them.
//
// Sources:
//   [anchors]  ../shared/perf-anchors.md (tt-metal tech reports: GEMM_FLOPS, Saturating_DRAM_bandwidth,
//              matrix_engine), figures measured by Tenstorrent on n150 / p150.
//   [metal]    tt-metal at the targeted commit (metalium-api.md): device constants (L1 size, DRAM banks).
//   [product]  Tenstorrent's board specifications (docs.tenstorrent.com/aibs): n150 PCI Express 4.0 x16,
//              p150 PCI Express 5.0 x16.
//   [estimate] not published for this level of detail; chosen so the model reproduces the anchors, and
//              listed in docs/timing-model.md under "known sources of error".
#pragma once
#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

namespace ttemu::model {

struct DeviceModel {
    std::string_view name;
    double clock_ghz;                   // [anchors] WH 1.0 GHz, BH 1.35 GHz (AI clock of the GEMM report)
    std::uint32_t grid_x, grid_y;       // [anchors] compute cores: WH 8x8, BH 11x10 with current firmware
    std::uint32_t dram_banks;           // [anchors] WH 12, BH 8
    double dram_gbps;                   // [anchors] aggregate peak: WH 288 GB/s, BH 512 GB/s
    std::uint32_t dram_latency_cycles;  // [estimate] issue of a read to first byte back from an idle bank
    std::uint32_t noc_bytes_per_cycle;  // [anchors] per NoC link: WH 32 B/cycle, BH 64 B/cycle
    std::uint32_t noc_issue_cycles;     // [estimate] cycles a RISC spends issuing one NoC command
    std::uint32_t noc_latency_cycles;   // [estimate] fixed completion latency of a NoC transfer
    std::uint32_t noc_hop_cycles;       // [estimate] router latency per hop of a route
    // Matrix engine cycles per 32x32 tile product by fidelity phases (LoFi, HiFi2, HiFi3, HiFi4):
    // [anchors] 16 / 32 / 48 / 64, the GEMM_FLOPS report's ideal-cycle definition.
    std::uint32_t matmul_tile_cycles[4];
    // [estimate] bytes of a tile, in its L1 format, that the unpacker moves from a CB into DST per cycle
    // (copy_tile, transpose_wh_tile, partial-sum reloads) and the packer from DST into a CB page: 128, so
    // a bf16 tile (2048 B) takes 16 cycles, fp32 32, bfp8_b 9, bfp4_b 5. The matrix engine's operands are
    // unpacked on the unpacker's own thread ahead of the products and are not charged.
    std::uint32_t unpack_bytes_per_cycle;
    std::uint32_t pack_bytes_per_cycle;
    // [estimate] an op's init (compute_kernel_hw_startup, matmul_init, copy_tile_to_dst_init_short, the
    // element-wise and SFPU inits) reprograms the unpacker's and the math engine's address modifiers and
    // macro-op template: about 16 configuration writes of ~2 cycles each.
    std::uint32_t init_cycles;
    // [estimate] a data-format reconfiguration that changes a format (reconfig_data_format*,
    // pack_reconfig_data_format; the old/new overloads skip it when the formats match): the unit drains,
    // then ~4 format and tile-size registers are rewritten.
    std::uint32_t reconfig_cycles;
    // [estimate] vector engine (SFPU) cycles per DST tile: 32 passes of 32 lanes (4 faces x 8 rows of
    // the LLK routines' loop) times the instructions of one pass, ~4 for simple ops (relu, abs, square,
    // scalar and DST-to-DST arithmetic, the fast GELU's table lookup), ~16 for the transcendental ones
    // (exp, log, sigmoid, silu, tanh, accurate gelu, sqrt, reciprocal), counted roughly from tt-metal's
    // LLK SFPU routines.
    std::uint32_t sfpu_simple_tile_cycles;
    std::uint32_t sfpu_transcendental_tile_cycles;
    // [metal] DRAM bytes per bank: n150's 12 GB in 12 banks of 1 GiB; p150's 32 GB in 8 banks of 4 GiB,
    // of which 32-bit bank addresses reach the first 0xFFFF0000 bytes (dram_size_per_channel).
    std::uint64_t dram_bank_bytes;
    std::uint32_t dram_alignment;       // [metal] DRAM page alignment: WH 32 B, BH 64 B
    std::uint32_t dram_reserved_bytes;  // [metal] start of every bank that buffers never use
    // [estimate] host time to dispatch one program before its kernels start (tt-metal's "op-to-op gap"):
    // tt-metal's LLMs tech report (section 4.5) gives "single-digit microseconds" as the lower limit and
    // "below 6us" with tracing; 5 us here. Reported beside the device time, never inside it.
    double program_dispatch_us;
    // [product] host link payload bandwidth per direction: PCIe 4.0 x16 (n150) 16 GT/s x 16 lanes x 128/130
    // = 31.5 GB/s, PCIe 5.0 x16 (p150) 63.0 GB/s; host<->device buffer transfers are modeled at this rate (a
    // floor: no protocol or driver overhead) and reported apart from the device time.
    double host_link_gbps;

    // DRAM bytes one bank serves per cycle: the aggregate shared evenly by the banks.
    double dram_bank_bytes_per_cycle() const { return dram_gbps / clock_ghz / dram_banks; }
    // Cycles of one tile product at `phases` fidelity phases (1 = LoFi ... 4 = HiFi4).
    std::uint32_t tile_product_cycles(unsigned phases) const {
        return matmul_tile_cycles[(phases < 1 ? 1 : phases > 4 ? 4 : phases) - 1];
    }
    std::uint32_t cores() const { return grid_x * grid_y; }
    // Cycles to unpack one tile of `tile_bytes` (its size in its L1 format) into DST, and to pack one.
    std::uint32_t unpack_tile_cycles(std::uint64_t tile_bytes) const {
        return static_cast<std::uint32_t>((tile_bytes + unpack_bytes_per_cycle - 1) / unpack_bytes_per_cycle);
    }
    std::uint32_t pack_tile_cycles(std::uint64_t tile_bytes) const {
        return static_cast<std::uint32_t>((tile_bytes + pack_bytes_per_cycle - 1) / pack_bytes_per_cycle);
    }
};

inline constexpr DeviceModel kWormholeB0{
    "wormhole_b0", 1.0, 8, 8, 12, 288.0,
    /*dram_latency_cycles=*/300, /*noc_bytes_per_cycle=*/32, /*noc_issue_cycles=*/4, /*noc_latency_cycles=*/300,
    /*noc_hop_cycles=*/5, {16, 32, 48, 64}, /*unpack_bytes_per_cycle=*/128, /*pack_bytes_per_cycle=*/128,
    /*init_cycles=*/32, /*reconfig_cycles=*/16,
    /*sfpu_simple_tile_cycles=*/128, /*sfpu_transcendental_tile_cycles=*/512,
    /*dram_bank_bytes=*/1ull << 30, /*dram_alignment=*/32, /*dram_reserved_bytes=*/0x10000,
    /*program_dispatch_us=*/5.0, /*host_link_gbps=*/31.5};

inline constexpr DeviceModel kBlackhole{
    "blackhole", 1.35, 11, 10, 8, 512.0,
    /*dram_latency_cycles=*/300, /*noc_bytes_per_cycle=*/64, /*noc_issue_cycles=*/4, /*noc_latency_cycles=*/300,
    /*noc_hop_cycles=*/5, {16, 32, 48, 64}, /*unpack_bytes_per_cycle=*/128, /*pack_bytes_per_cycle=*/128,
    /*init_cycles=*/32, /*reconfig_cycles=*/16,
    /*sfpu_simple_tile_cycles=*/128, /*sfpu_transcendental_tile_cycles=*/512,
    /*dram_bank_bytes=*/0xFFFF0000ull, /*dram_alignment=*/64, /*dram_reserved_bytes=*/0x10000,
    /*program_dispatch_us=*/5.0, /*host_link_gbps=*/63.0};

// Bytes an interleaved buffer of `pages` pages of `page_bytes` takes in every bank: pages go round-robin
// over the banks, each page aligned.
inline std::uint64_t interleaved_bank_bytes(const DeviceModel& m, std::uint64_t pages, std::uint64_t page_bytes) {
    const std::uint64_t aligned = (page_bytes + m.dram_alignment - 1) / m.dram_alignment * m.dram_alignment;
    return (pages + m.dram_banks - 1) / m.dram_banks * aligned;
}

// A system of devices: the mesh it forms and how its chips reach the host. Devices of a mesh run in
// parallel; host <-> device transfers of the chips behind one host link share that link's bandwidth
// (DeviceModel::host_link_gbps), links work in parallel.
struct SystemModel {
    std::string_view name;
    std::string_view device;  // the DeviceModel of every chip
    std::uint32_t rows, cols;
    std::uint32_t chips_per_host_link;
};

inline constexpr SystemModel kSystems[] = {
    // [product] one PCI Express 4.0 x16 card, one chip.
    {"n150", "wormhole_b0", 1, 1, 1},
    // [product] n300: PCI Express 4.0 x16 to the first chip only; the host reaches the second chip through
    // it and the card's internal Ethernet (400GbE chip to chip), so both chips share one link.
    {"n300", "wormhole_b0", 1, 2, 2},
    // [product] T3000: four n300 cards, each on its own PCI Express 4.0 x16 link: 8 chips, 4 links.
    {"t3k", "wormhole_b0", 2, 4, 2},
    // [estimate] Galaxy: 32 chips; its host connection is not in the board specifications we cite. Modeled
    // as four PCI Express 4.0 x16 links of eight chips each (a TG system's four gateway cards).
    {"galaxy", "wormhole_b0", 4, 8, 8},
    // [product] one p150 card, PCI Express 5.0 x16.
    {"p150", "blackhole", 1, 1, 1},
};

// The largest mesh the emulator opens and the compiler targets: a Galaxy's 32 chips.
inline constexpr std::uint32_t kMaxMeshDevices = 32;

// The bytes the busiest host link carries when chip i (row-major in its mesh) moves bytes_per_chip[i]:
// consecutive chips share a link, `chips_per_link` to a link. A transfer takes that over the link bandwidth.
inline std::uint64_t busiest_link_bytes(std::uint32_t chips_per_link, const std::vector<std::uint64_t>& bytes_per_chip) {
    std::vector<std::uint64_t> per_link((bytes_per_chip.size() + chips_per_link - 1) / chips_per_link, 0);
    for (std::size_t chip = 0; chip < bytes_per_chip.size(); ++chip) per_link[chip / chips_per_link] += bytes_per_chip[chip];
    return per_link.empty() ? 0 : *std::max_element(per_link.begin(), per_link.end());
}

// The system of `device` chips forming a rows x cols mesh, or nullptr (then every chip is modeled on
// a host link of its own).
inline const SystemModel* find_system(std::string_view device, std::uint32_t rows, std::uint32_t cols) {
    for (const SystemModel& s : kSystems)
        if (s.device == device && ((s.rows == rows && s.cols == cols) || (s.rows == cols && s.cols == rows)))
            return &s;
    return nullptr;
}
inline const SystemModel* find_system(std::string_view name) {
    for (const SystemModel& s : kSystems)
        if (s.name == name) return &s;
    return nullptr;
}

// The model of the device called `name` (wormhole_b0, blackhole), or nullptr.
inline const DeviceModel* find_device_model(std::string_view name) {
    if (name == kWormholeB0.name) return &kWormholeB0;
    if (name == kBlackhole.name) return &kBlackhole;
    return nullptr;
}

}  // namespace ttemu::model
