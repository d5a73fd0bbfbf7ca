// RUN: tt-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tt-select-schedule{explain}))' --mlir-print-op-on-diagnostic=false -o /dev/null 2>&1 | FileCheck %s --check-prefix=WHY
// RUN: tt-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tt-select-schedule))' | FileCheck %s
// RUN: tt-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tt-select-schedule{schedule=reuse block-k=64}))' | FileCheck %s --check-prefix=FIXED

// 2048^3 on Wormhole: one 256x256 block per core of the 8x8 grid, A and B
// multicast (each DRAM tile read once), compute bound; the best reuse
// schedule reads 6.5x the minimum on 40 cores. K steps are the divisors of
// K's 64 tiles up to 8 (no step leaves a partial last step when one of 8
// divides K).
// WHY-LABEL: remark: schedule: multicast block 256x256x256 (tiles 8x8x8, subblock 1x8) on 64 cores: {{[0-9]+}} cycles predicted, {{9[0-9]\.[0-9]}}% of peak, compute bound, 8192 DRAM tile reads, {{[0-9]+}} KB of L1; minimum DRAM tile reads 8192
// WHY: note: best multicast: multicast block 256x256x256
// WHY: note: best reuse: reuse block {{.*}} 53248 DRAM tile reads, {{.*}} ({{1\.[5-9][0-9]}}x the winner)
// WHY: note: runner-up: multicast block 256x256x128
// WHY-NOT: 256x256x224
// CHECK-LABEL: func.func @square
// CHECK-SAME: tt.schedule = #tt.schedule<kind = multicast, block_m = 256, block_n = 256, block_k = 256>
// With the schedule and K step fixed, only the blocks are chosen.
// FIXED-LABEL: func.func @square
// FIXED-SAME: tt.schedule = #tt.schedule<kind = reuse, block_m = {{[0-9]+}}, block_n = {{[0-9]+}}, block_k = 64>
func.func @square(%A: memref<2048x2048xbf16>, %B: memref<2048x2048xbf16>, %C: memref<2048x2048xbf16>) attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  tl.matmul %A, %B into %C : memref<2048x2048xbf16>, memref<2048x2048xbf16> into memref<2048x2048xbf16>
  return
}

// -----

// On Blackhole's 11x10 grid, edge blocks let multicast use every core: 64
// tile rows in 10 blocks of 7 and 64 tile columns in 11 blocks of 6 (the last
// block row and column reach past the matrix; their extra rows and columns
// are computed and dropped), where dividing 8x8-tile blocks leave 46 cores
// idle.
// WHY-LABEL: remark: schedule: multicast block 224x192x{{[0-9]+}} (tiles 7x6x{{[0-9]}}, subblock 7x1) on 110 cores: {{[0-9]+}} cycles predicted, {{8[0-9]\.[0-9]}}% of peak, compute bound, 8192 DRAM tile reads
// CHECK-LABEL: func.func @square_blackhole
// CHECK-SAME: tt.schedule = #tt.schedule<kind = multicast, block_m = 224, block_n = 192
func.func @square_blackhole(%A: memref<2048x2048xbf16>, %B: memref<2048x2048xbf16>, %C: memref<2048x2048xbf16>) attributes {tt.target = #tt.target<device = <blackhole>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  tl.matmul %A, %B into %C : memref<2048x2048xbf16>, memref<2048x2048xbf16> into memref<2048x2048xbf16>
  return
}

// -----

// K = 544 is 17 tiles, a prime: its only K step up to 8 that divides it is 1,
// so steps that leave a partial last step compete (6 tiles: 3 steps, the
// last holding 5; 3 tiles: 6 steps, the last holding 2).
// WHY-LABEL: remark: schedule: multicast block 64x64x192 (tiles 2x2x6, subblock 2x2) on 64 cores
// WHY: note: runner-up: multicast block 64x64x96 (tiles 2x2x3
// CHECK-LABEL: func.func @prime_k
// CHECK-SAME: tt.schedule = #tt.schedule<kind = multicast, block_m = 64, block_n = 64, block_k = 192>
func.func @prime_k(%A: memref<512x544xbf16>, %B: memref<544x512xbf16>, %C: memref<512x512xbf16>) attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  tl.matmul %A, %B into %C : memref<512x544xbf16>, memref<544x512xbf16> into memref<512x512xbf16>
  return
}

// -----

// The same 1024^3 output block with its extras: C = A * B (42424 cycles with
// K steps of 2 tiles, 160 KB of L1), A^T * B (each K step transposes the A
// block through DST and the partial sums spill: more cycles, steps of 4 tiles,
// and cb_in0_transposed in L1), and C += A * B (each block first reads C's
// 4x4 tiles, all cores at once, and starts from them; cb_c_in holds them:
// 32 KB more than the plain product at the same K step).
// WHY-LABEL: remark: schedule: multicast block 128x128x64 (tiles 4x4x2, subblock 2x4) on 64 cores: 42424 cycles predicted, 77.2% of peak, compute bound, 2048 DRAM tile reads, 160 KB of L1
// WHY-LABEL: remark: schedule: multicast block 128x128x128 (tiles 4x4x4, subblock 2x4) on 64 cores: 47174 cycles predicted, 69.5% of peak, compute bound, 2048 DRAM tile reads, 256 KB of L1
// WHY-LABEL: remark: schedule: multicast block 128x128x64 (tiles 4x4x2, subblock 2x4) on 64 cores: 50774 cycles predicted, 64.5% of peak, compute bound, 2048 DRAM tile reads, 192 KB of L1
// CHECK-LABEL: func.func @plain
// CHECK-LABEL: func.func @transpose_a
// CHECK-LABEL: func.func @accumulate
func.func @plain(%A: memref<1024x1024xbf16>, %B: memref<1024x1024xbf16>, %C: memref<1024x1024xbf16>) attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  tl.matmul %A, %B into %C : memref<1024x1024xbf16>, memref<1024x1024xbf16> into memref<1024x1024xbf16>
  return
}
func.func @transpose_a(%A: memref<1024x1024xbf16>, %B: memref<1024x1024xbf16>, %C: memref<1024x1024xbf16>) attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  tl.matmul %A, %B into %C transpose_a : memref<1024x1024xbf16>, memref<1024x1024xbf16> into memref<1024x1024xbf16>
  return
}
func.func @accumulate(%A: memref<1024x1024xbf16>, %B: memref<1024x1024xbf16>, %C: memref<1024x1024xbf16>) attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  tl.matmul %A, %B into %C accumulate : memref<1024x1024xbf16>, memref<1024x1024xbf16> into memref<1024x1024xbf16>
  return
}

// -----

// A tiny matmul: latency bound; one-tile blocks on four cores, each reading
// its own tiles, beat waiting for multicast handshakes.
// WHY-LABEL: remark: schedule: reuse block 32x32x64 (tiles 1x1x2, subblock 1x1) on 4 cores
// CHECK-LABEL: func.func @tiny
// CHECK-SAME: tt.schedule = #tt.schedule<kind = reuse, block_m = 32, block_n = 32, block_k = 64>
func.func @tiny(%A: memref<64x64xbf16>, %B: memref<64x64xbf16>, %C: memref<64x64xbf16>) attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  tl.matmul %A, %B into %C : memref<64x64xbf16>, memref<64x64xbf16> into memref<64x64xbf16>
  return
}

// -----

// A tall, skinny product: 64-row blocks as wide as C make one column of 64
// blocks, folded onto all 8x8 cores; each reads its own rows of A, and B's
// blocks, read once, are multicast to the whole grid. DRAM reads are at the
// minimum, where the best reuse schedule reads 2.5x it on fewer cores.
// WHY-LABEL: remark: schedule: multicast to the whole grid (8x8 cores) block 64x256x{{[0-9]+}} (tiles 2x8x{{[0-9]}}, subblock 1x8) on 64 cores: {{[0-9]+}} cycles predicted, {{[0-9.]+}}% of peak, {{.*}} bound, 4352 DRAM tile reads, {{[0-9]+}} KB of L1; minimum DRAM tile reads 4352
// WHY: note: best reuse: reuse block {{.*}} ({{1\.[3-9][0-9]}}x the winner)
// CHECK-LABEL: func.func @tall
// CHECK-SAME: tt.schedule = #tt.schedule<kind = multicast, block_m = 64, block_n = 256
func.func @tall(%A: memref<4096x1024xbf16>, %B: memref<1024x256xbf16>, %C: memref<4096x256xbf16>) attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  tl.matmul %A, %B into %C : memref<4096x1024xbf16>, memref<1024x256xbf16> into memref<4096x256xbf16>
  return
}

// -----

// A schedule already chosen (or written by the user) is kept.
// CHECK-LABEL: func.func @chosen
// CHECK-SAME: tt.schedule = #tt.schedule<kind = reuse, block_m = 32, block_n = 32, block_k = 32>
func.func @chosen(%A: memref<64x64xbf16>, %B: memref<64x64xbf16>, %C: memref<64x64xbf16>) attributes {tt.schedule = #tt.schedule<kind = reuse, block_m = 32, block_n = 32, block_k = 32>, tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  tl.matmul %A, %B into %C : memref<64x64xbf16>, memref<64x64xbf16> into memref<64x64xbf16>
  return
}
// WHY-NOT: remark
