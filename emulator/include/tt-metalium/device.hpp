// The device interface tt-metal's host headers share. On the emulator a device is a
// distributed::MeshDevice of one chip (mesh_device.hpp); this header brings what tt-metal's
// device.hpp makes reachable to programs: the core coordinates, the architecture, spans, the
// values host and kernels share, fmt and the TT_* checks.
#pragma once
#include <cstdint>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <hostdevcommon/common_values.hpp>
#include <hostdevcommon/kernel_structs.h>
#include <tt-metalium/core_coord.hpp>
#include <tt-metalium/mesh_device.hpp>
#include <tt_stl/assert.hpp>
#include <tt_stl/span.hpp>
#include <umd/device/types/arch.hpp>

namespace tt::tt_metal {
using ChipId = int;
}  // namespace tt::tt_metal
