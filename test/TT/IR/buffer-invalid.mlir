// RUN: tt-opt %s -split-input-file -verify-diagnostics

tt.program @p device #tt.device<wormhole_b0> {
  // expected-error @+1 {{size 3000 is not a whole number of 2048-byte pages}}
  tt.buffer @a size 3000 page_size 2048 format <bf16> layout <dram_interleaved>
}

// -----

tt.program @p device #tt.device<wormhole_b0> {
  // expected-error @+1 {{attribute 'page_size' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  tt.buffer @a size 2048 page_size 0 format <bf16> layout <dram_interleaved>
}

// -----

tt.program @p device #tt.device<wormhole_b0> {
  // expected-error @+1 {{shape must be [elements] (a vector, stored as one row), [rows, columns] or [matrices, rows, columns] with positive sizes}}
  tt.buffer @a size 2048 page_size 2048 format <bf16> layout <dram_interleaved> shape [2, 2, 32, 32]
}

// -----

tt.program @p device #tt.device<wormhole_b0> {
  // expected-error @+1 {{shape must be [elements] (a vector, stored as one row), [rows, columns] or [matrices, rows, columns] with positive sizes}}
  tt.buffer @a size 2048 page_size 2048 format <bf16> layout <dram_interleaved> shape [0, 32, 32]
}

// -----

func.func @f() {
  // expected-error @+1 {{'tt.buffer' op expects parent op 'tt.program'}}
  tt.buffer @a size 2048 page_size 2048 format <bf16> layout <dram_interleaved>
  return
}
