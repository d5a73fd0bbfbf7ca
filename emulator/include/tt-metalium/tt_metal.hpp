// tt-metal's umbrella of host functions; on the emulator the host API proper.
#pragma once
#include <tt-metalium/host_api.hpp>
