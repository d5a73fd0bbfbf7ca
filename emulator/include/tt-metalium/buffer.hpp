// tt-metal's Buffer: on the emulator a view of one device's part of a MeshBuffer (mesh_buffer.hpp).
#pragma once
#include <tt-metalium/mesh_buffer.hpp>
