// RUN: tt-opt %s -split-input-file -verify-diagnostics

tt.program @p device #tt.device<wormhole_b0> {
  tt.buffer @a size 8192 page_size 2048 format <bf16> layout <dram_interleaved> shape [64, 64]
  tt.buffer @b size 8192 page_size 2048 format <bf16> layout <dram_interleaved> shape [64, 64]
  tt.buffer @c size 4096 page_size 2048 format <bf16> layout <dram_interleaved> shape [32, 64]
  // expected-error @+1 {{shapes 64x64 * 64x64 -> 32x64 do not compose}}
  tt.reference_matmul @a, @b -> @c
}

// -----

tt.program @p device #tt.device<wormhole_b0> {
  tt.buffer @a size 8192 page_size 2048 format <bf16> layout <dram_interleaved>
  // expected-error @+1 {{buffer @a needs a shape}}
  tt.reference_matmul @a, @a -> @a
}

// -----

tt.program @p device #tt.device<wormhole_b0> {
  // expected-error @+1 {{@x is not a buffer of the program}}
  tt.reference_matmul @x, @x -> @x
}
