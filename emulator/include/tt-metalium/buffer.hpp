// tt-metal's Buffer: on the emulator the one-device view of a MeshBuffer (mesh_buffer.hpp).
#pragma once
#include <tt-metalium/mesh_buffer.hpp>
