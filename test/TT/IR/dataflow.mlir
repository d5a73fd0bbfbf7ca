// RUN: tt-opt %s | tt-opt | FileCheck %s
// RUN: tt-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// RUN: tt-opt %s --mlir-print-op-generic | tt-opt | FileCheck %s

// The ops of the function being lowered, before the kernel split.
!in0 = !tt.cb<0, 16 x !tt.tile<bf16>>
!in1 = !tt.cb<1, 16 x !tt.tile<bf16>>
!out = !tt.cb<16, 32 x !tt.tile<bf16>>
!part = !tt.cb<24, 16 x !tt.tile<f32>>

// CHECK-LABEL: func.func @planned
// CHECK-SAME: (%[[A:.*]]: memref<256x128xbf16>, %[[B:.*]]: memref<128x256xbf16>, %[[C:.*]]: memref<256x256xbf16>)
// CHECK: %[[START:.*]], %[[COUNT:.*]] = tt.core_tile_range : i32, i32
// CHECK: tt.core_tile_range blocks : i32, i32
// CHECK: %[[KT:.*]] = tt.runtime_param "Kt" = 4 : i32
// CHECK: %[[NT:.*]] = tt.runtime_param "Nt" = 8 : i32
// CHECK: tt.read_tiles %[[A]][%[[START]], %[[COUNT]]] tiles_per_row %[[KT]] block 4 x 2 -> %{{.*}} : memref<256x128xbf16>, !tt.cb<0, 16 x !tt.tile<bf16>>
// CHECK: tt.read_tiles %[[A]][%[[START]], %[[COUNT]]] tiles_per_row %[[KT]] block 4 x 2 -> %{{.*}} row_limit %[[NT]] col_limit %[[KT]] : memref<256x128xbf16>, !tt.cb<0, 16 x !tt.tile<bf16>>
// CHECK: tt.matmul_block %[[IN0:.*]], %[[IN1:.*]] block 4 x 2 x 4 : !tt.cb<0, 16 x !tt.tile<bf16>>, !tt.cb<1, 16 x !tt.tile<bf16>>
// CHECK: tt.matmul_block %[[IN0]], %[[IN1]] block 4 x 2 x 4 subblock 2 x 4 spill %[[PART:.*]] -> %[[OUT:.*]] step %[[START]] of %[[KT]] : !tt.cb<0, 16 x !tt.tile<bf16>>, !tt.cb<1, 16 x !tt.tile<bf16>>, !tt.cb<24, 16 x !tt.tile<f32>>, !tt.cb<16, 32 x !tt.tile<bf16>>
// CHECK: tt.matmul_block %[[IN0]], %[[IN1]] block 4 x 2 x 4 transpose_in1 : !tt.cb<0, 16 x !tt.tile<bf16>>, !tt.cb<1, 16 x !tt.tile<bf16>>
// CHECK: tt.matmul_block %[[IN0]], %[[IN1]] block 4 x 2 x 4 valid_k %[[COUNT]] transpose_in1 : !tt.cb<0, 16 x !tt.tile<bf16>>, !tt.cb<1, 16 x !tt.tile<bf16>>
// CHECK: tt.matmul_block %[[IN0]], %[[IN1]] block 4 x 2 x 4 transpose_in1 subblock 2 x 4 spill
// CHECK: tt.matmul_block %[[IN0]], %[[IN1]] block 4 x 2 x 4 subblock 2 x 4 spill %[[PART]] -> %[[OUT]] step %[[START]] of %[[KT]] from %[[OUT]] : !tt.cb<0, 16 x !tt.tile<bf16>>, !tt.cb<1, 16 x !tt.tile<bf16>>, !tt.cb<24, 16 x !tt.tile<f32>>, !tt.cb<16, 32 x !tt.tile<bf16>>, !tt.cb<16, 32 x !tt.tile<bf16>>
// CHECK: tt.transpose_block %[[IN0]] -> %[[IN1]] block 2 x 4 packer %[[OUT]] : !tt.cb<0, 16 x !tt.tile<bf16>>, !tt.cb<1, 16 x !tt.tile<bf16>>, !tt.cb<16, 32 x !tt.tile<bf16>>
// CHECK: tt.pack_block %[[OUT]] count 8 : !tt.cb<16, 32 x !tt.tile<bf16>>
// CHECK: tt.write_tiles %[[OUT]] -> %[[C]][%[[START]], %[[COUNT]]] tiles_per_row %[[NT]] block 4 x 4 subblock 2 x 4 : !tt.cb<16, 32 x !tt.tile<bf16>>, memref<256x256xbf16>
// CHECK: tt.write_tiles %[[OUT]] -> %[[C]][%[[START]], %[[COUNT]]] tiles_per_row %[[NT]] block 4 x 4 : !tt.cb<16
// CHECK: tt.write_tiles %[[OUT]] -> %[[C]][%[[START]], %[[COUNT]]] tiles_per_row %[[NT]] block 4 x 4 subblock 2 x 4 col_limit %[[NT]] : !tt.cb<16
// GENERIC: "tt.core_tile_range"() : () -> (i32, i32)
// GENERIC: "tt.core_tile_range"() <{blocks}> : () -> (i32, i32)
// GENERIC: "tt.runtime_param"() <{name = "Kt", value = 4 : i64}> : () -> i32
// GENERIC: "tt.read_tiles"({{.*}}) <{cols = 2 : i64, operandSegmentSizes = array<i32: 1, 1, 1, 1, 1, 0, 0>, rows = 4 : i64}>
// GENERIC: "tt.read_tiles"({{.*}}) <{cols = 2 : i64, operandSegmentSizes = array<i32: 1, 1, 1, 1, 1, 1, 1>, rows = 4 : i64}>
// GENERIC: "tt.matmul_block"({{.*}}) <{k = 2 : i64, m = 4 : i64, n = 4 : i64, operandSegmentSizes = array<i32: 1, 1, 0, 0, 0, 0, 0, 0>}>
// GENERIC: "tt.matmul_block"({{.*}}) <{k = 2 : i64, m = 4 : i64, n = 4 : i64, operandSegmentSizes = array<i32: 1, 1, 1, 1, 1, 1, 0, 0>, subblock_h = 2 : i64, subblock_w = 4 : i64}>
// GENERIC: "tt.matmul_block"({{.*}}) <{k = 2 : i64, m = 4 : i64, n = 4 : i64, operandSegmentSizes = array<i32: 1, 1, 0, 0, 0, 0, 0, 0>, transpose_in1}>
// GENERIC: "tt.matmul_block"({{.*}}) <{k = 2 : i64, m = 4 : i64, n = 4 : i64, operandSegmentSizes = array<i32: 1, 1, 0, 0, 0, 0, 0, 1>, transpose_in1}>
// GENERIC: "tt.matmul_block"({{.*}}) <{{.*}}transpose_in1}>
// GENERIC: "tt.transpose_block"({{.*}}) <{cols = 4 : i64, rows = 2 : i64}>
// GENERIC: "tt.pack_block"({{.*}}) <{count = 8 : i64}>
// GENERIC: "tt.write_tiles"({{.*}}) <{cols = 4 : i64, operandSegmentSizes = array<i32: 1, 1, 1, 1, 1, 0, 0>, rows = 4 : i64, subblock_h = 2 : i64, subblock_w = 4 : i64}>
// GENERIC: "tt.write_tiles"({{.*}}) <{cols = 4 : i64, operandSegmentSizes = array<i32: 1, 1, 1, 1, 1, 0, 1>, rows = 4 : i64, subblock_h = 2 : i64, subblock_w = 4 : i64}>
func.func @planned(%A: memref<256x128xbf16>, %B: memref<128x256xbf16>, %C: memref<256x256xbf16>) {
  %start, %count = tt.core_tile_range : i32, i32
  %bstart, %bcount = tt.core_tile_range blocks : i32, i32
  %Kt = tt.runtime_param "Kt" = 4 : i32
  %Nt = tt.runtime_param "Nt" = 8 : i32
  %in0 = tt.get_cb : !in0
  %in1 = tt.get_cb : !in1
  %out = tt.get_cb : !out
  %part = tt.get_cb : !part
  tt.read_tiles %A[%start, %count] tiles_per_row %Kt block 4 x 2 -> %in0 : memref<256x128xbf16>, !in0
  tt.read_tiles %A[%start, %count] tiles_per_row %Kt block 4 x 2 -> %in0 row_limit %Nt col_limit %Kt : memref<256x128xbf16>, !in0
  tt.matmul_block %in0, %in1 block 4 x 2 x 4 : !in0, !in1
  tt.matmul_block %in0, %in1 block 4 x 2 x 4 subblock 2 x 4 spill %part -> %out step %start of %Kt : !in0, !in1, !part, !out
  tt.matmul_block %in0, %in1 block 4 x 2 x 4 transpose_in1 : !in0, !in1
  tt.matmul_block %in0, %in1 block 4 x 2 x 4 valid_k %count transpose_in1 : !in0, !in1
  tt.matmul_block %in0, %in1 block 4 x 2 x 4 transpose_in1 subblock 2 x 4 spill %part -> %out step %start of %Kt : !in0, !in1, !part, !out
  tt.matmul_block %in0, %in1 block 4 x 2 x 4 subblock 2 x 4 spill %part -> %out step %start of %Kt from %out : !in0, !in1, !part, !out, !out
  tt.transpose_block %in0 -> %in1 block 2 x 4 packer %out : !in0, !in1, !out
  tt.pack_block %out count 8 : !out
  tt.write_tiles %out -> %C[%start, %count] tiles_per_row %Nt block 4 x 4 subblock 2 x 4 : !out, memref<256x256xbf16>
  tt.write_tiles %out -> %C[%start, %count] tiles_per_row %Nt block 4 x 4 : !out, memref<256x256xbf16>
  tt.write_tiles %out -> %C[%start, %count] tiles_per_row %Nt block 4 x 4 subblock 2 x 4 col_limit %Nt : !out, memref<256x256xbf16>
  return
}
