// RUN: tt-opt %s --tl-matmul-to-kernel="block-m=64 block-n=128" --tt-apply-target-defaults --tt-infer-schedule --tt-infer-shard --tt-lower-memory-space --tt-grid-to-persistent | FileCheck %s --check-prefix=BF16
// RUN: tt-opt %s --tl-matmul-to-kernel="block-m=64 block-n=128" --tt-apply-target-defaults=fp32-dest-acc=true --tt-infer-schedule --tt-infer-shard --tt-lower-memory-space --tt-grid-to-persistent | FileCheck %s --check-prefix=FP32

// A 2x4-tile output block fits the 8 bf16 DST tiles of half-sync mode and
// stays in DST across the K loop; with fp32 accumulation DST holds 4 tiles,
// so the block is computed in 1x4 subblocks with partial sums spilled.
// BF16-LABEL: func.func @mm
// BF16-NOT: cb_partials
// BF16: tt.tile_regs_acquire
// BF16: tt.matmul_block %{{.*}}, %{{.*}} block 2 x 1 x 4 :
// BF16: tt.pack_block %{{.*}} count 8
// FP32-LABEL: func.func @mm
// FP32: tt.get_cb as "cb_partials" : !tt.cb<24, 8 x !tt.tile<f32>>
// FP32-NOT: tt.tile_regs_acquire
// FP32: tt.matmul_block %{{.*}}, %{{.*}} block 2 x 1 x 4 subblock 1 x 4 spill
// FP32-NOT: tt.pack_block
// FP32: tt.write_tiles {{.*}} block 2 x 4 subblock 1 x 4
func.func @mm(%A: memref<128x64xbf16>, %B: memref<64x256xbf16>, %C: memref<128x256xbf16>) {
  tl.matmul %A, %B into %C : memref<128x64xbf16>, memref<64x256xbf16> into memref<128x256xbf16>
  return
}
