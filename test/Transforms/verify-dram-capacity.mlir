// RUN: tt-opt %s --tt-verify | FileCheck %s
// Buffers that exactly fill every DRAM bank pass.
// CHECK-LABEL: tt.program @full
// CHECK: tt.buffer @a size 12884017152
tt.program @full device #tt.device<wormhole_b0> {
  tt.buffer @a size 12884017152 page_size 2048 format <bf16> layout <dram_interleaved>
}
