// RUN: tt-opt %s -split-input-file -verify-diagnostics

// expected-error @+1 {{circular buffer index 64 is out of range (0-31 on Wormhole, 0-63 on Blackhole)}}
func.func private @cb_index(!tt.cb<64, 2 x !tt.tile<bf16>>)

// -----

// expected-error @+1 {{circular buffer must hold at least one page}}
func.func private @cb_empty(!tt.cb<0, 0 x !tt.tile<bf16>>)

// -----

// expected-error @+2 {{expected ::mlir::tt::DataFormat to be one of: bf16, f32, bfp8_b}}
// expected-error @+1 {{failed to parse TT_TileType parameter 'format'}}
func.func private @tile_format(!tt.tile<f16>)
