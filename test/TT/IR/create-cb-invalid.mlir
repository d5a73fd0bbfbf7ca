// RUN: tt-opt %s -split-input-file -verify-diagnostics

tt.program @p device #tt.device<wormhole_b0> {
  // expected-error @+1 {{total size 5000 is not a whole number of 2048-byte pages}}
  tt.create_cb 0 on <(0, 0) to (0, 0)> total_size 5000 page_size 2048 format <bf16>
}

// -----

tt.program @p device #tt.device<wormhole_b0> {
  // expected-error @+1 {{circular buffer index 32 is out of range: wormhole_b0 has indices 0-31}}
  tt.create_cb 32 on <(0, 0) to (0, 0)> total_size 4096 page_size 2048 format <bf16>
}

// -----

// Blackhole has 64 circular buffers: index 32 is fine there.
tt.program @p device #tt.device<blackhole> {
  tt.create_cb 32 on <(0, 0) to (0, 0)> total_size 4096 page_size 2048 format <bf16>
  // expected-error @+1 {{circular buffer index 64 is out of range: blackhole has indices 0-63}}
  tt.create_cb 64 on <(0, 0) to (0, 0)> total_size 4096 page_size 2048 format <bf16>
}

// -----

tt.program @p device #tt.device<wormhole_b0> {
  // expected-note @+1 {{first configured here}}
  tt.create_cb 0 on <(0, 0) to (3, 3)> total_size 4096 page_size 2048 format <bf16>
  // The same index on disjoint cores is fine.
  tt.create_cb 0 on <(4, 4) to (7, 7)> total_size 4096 page_size 2048 format <bf16>
  // expected-error @+1 {{circular buffer index 0 is already configured on some of these cores}}
  tt.create_cb 0 on <(3, 3) to (4, 3)> total_size 4096 page_size 2048 format <bf16>
}

// -----

tt.program @p device #tt.device<wormhole_b0> {
  // expected-error @+1 {{uses core (8, 0) outside the 8x8 compute grid of wormhole_b0}}
  tt.create_cb 0 on <(0, 0) to (8, 0)> total_size 4096 page_size 2048 format <bf16>
}
