// Compute kernel API common part (ckernel namespace, visible unqualified as in tt-metal kernels).
#pragma once
#include <cstdint>

#include <ttemu/kernel_api.h>

#ifndef MATH_FIDELITY
#define MATH_FIDELITY 4
#endif
#ifndef DST_ACCUM_MODE
#define DST_ACCUM_MODE false
#endif

// Deprecated compute entry point form: namespace NAMESPACE { void MAIN { ... } }
#define NAMESPACE ttemu_compute
#define MAIN kernel_main()
#pragma GCC visibility push(default)
namespace ttemu_compute {
void kernel_main();
}
#pragma GCC visibility pop

#define UNPACK(x)
#define MATH(x)
#define PACK(x)

namespace ckernel {
using ::cb_pop_front;
using ::cb_push_back;
using ::cb_reserve_back;
using ::cb_wait_front;
using ::get_arg_val;
using ::get_common_arg_val;

enum class SrcOrder : std::uint8_t { Regular = 0, Reverse = 1 };
// Which rows/columns of faces an SFPU op covers (the emulator applies every op to the whole tile).
enum class VectorMode : std::uint8_t { None = 0, R = 1, C = 2, RC = 4, RC_custom = 6, Invalid = 0xFF };
namespace p_sfpu {
constexpr std::uint32_t kCONST_1_FP16B = 0x3F80;
}

// DST register handshake: math side acquire/commit, pack side wait/release.
ALWI void tile_regs_acquire(TTEMU_LOC_PARAMS) { ::ttemu::kapi::dst_acquire(TTEMU_LOC); }
ALWI void tile_regs_commit(TTEMU_LOC_PARAMS) { ::ttemu::kapi::dst_commit(TTEMU_LOC); }
ALWI void tile_regs_wait(TTEMU_LOC_PARAMS) { ::ttemu::kapi::dst_wait(TTEMU_LOC); }
ALWI void tile_regs_release(TTEMU_LOC_PARAMS) { ::ttemu::kapi::dst_release(TTEMU_LOC); }
[[deprecated("use tile_regs_acquire/tile_regs_commit/tile_regs_wait")]] ALWI void acquire_dst(TTEMU_LOC_PARAMS) {
    ::ttemu::kapi::dst_acquire_both(TTEMU_LOC);
}
[[deprecated("use tile_regs_release")]] ALWI void release_dst(TTEMU_LOC_PARAMS) { ::ttemu::kapi::dst_release(TTEMU_LOC); }

}  // namespace ckernel

using namespace ckernel;

// What tt-metal's common.h brings with it: the DST handshake, packing, data-format
// reconfiguration, the CB calls and the hardware start-up (each includes this file first).
#include "api/compute/reg_api.h"
#include "api/compute/pack.h"
#include "api/compute/reconfig_data_format.h"
#include "api/compute/cb_api.h"
#include "api/compute/compute_kernel_hw_startup.h"
