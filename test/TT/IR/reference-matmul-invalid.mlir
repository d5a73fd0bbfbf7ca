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

// -----

// transpose_b: b is stored N x K, so 64x32 * (96x32)^T -> 64x96; a 32-row b does not compose.
tt.program @p device #tt.device<wormhole_b0> {
  tt.buffer @a size 4096 page_size 2048 format <bf16> layout <dram_interleaved> shape [64, 32]
  tt.buffer @b size 4096 page_size 2048 format <bf16> layout <dram_interleaved> shape [32, 96]
  tt.buffer @c size 12288 page_size 2048 format <bf16> layout <dram_interleaved> shape [64, 96]
  // expected-error @+1 {{shapes 64x32 * 32x96^T -> 64x96 do not compose}}
  tt.reference_matmul @a, @b -> @c transpose_b
}

// -----

// A batched operand needs a batched result.
tt.program @p device #tt.device<wormhole_b0> {
  tt.buffer @a size 8192 page_size 2048 format <bf16> layout <dram_interleaved> shape [2, 32, 64]
  tt.buffer @b size 4096 page_size 2048 format <bf16> layout <dram_interleaved> shape [64, 32]
  tt.buffer @c size 2048 page_size 2048 format <bf16> layout <dram_interleaved> shape [32, 32]
  // expected-error @+1 {{shapes 2x32x64 * 64x32 -> 32x32 do not compose}}
  tt.reference_matmul @a, @b -> @c
}

// -----

// Batches of different sizes.
tt.program @p device #tt.device<wormhole_b0> {
  tt.buffer @a size 8192 page_size 2048 format <bf16> layout <dram_interleaved> shape [2, 32, 64]
  tt.buffer @b size 12288 page_size 2048 format <bf16> layout <dram_interleaved> shape [3, 64, 32]
  tt.buffer @c size 4096 page_size 2048 format <bf16> layout <dram_interleaved> shape [2, 32, 32]
  // expected-error @+1 {{shapes 2x32x64 * 3x64x32 -> 2x32x32 do not compose}}
  tt.reference_matmul @a, @b -> @c
}
