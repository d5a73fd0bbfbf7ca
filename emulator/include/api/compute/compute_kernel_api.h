// The compute kernel API umbrella (tt-metal's api/compute/compute_kernel_api.h): the common part
// (DST handshake, packing, format reconfiguration, CB calls, hardware start-up) and the tile ops
// the emulator implements.
#pragma once
#include "api/compute/common.h"
#include "api/compute/eltwise_binary.h"
#include "api/compute/matmul.h"
#include "api/compute/tile_move_copy.h"
#include "api/compute/transpose_wh.h"
