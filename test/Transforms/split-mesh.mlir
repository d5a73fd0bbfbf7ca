// RUN: tt-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tt-split-mesh))' | FileCheck %s
// RUN: tt-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tt-split-mesh{split=m}))' | FileCheck %s --check-prefix=BY-M
// RUN: tt-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tt-split-mesh{split=n}))' | FileCheck %s --check-prefix=BY-N
// RUN: tt-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tt-split-mesh{explain}))' --mlir-print-op-on-diagnostic=false -o /dev/null 2>&1 | FileCheck %s --check-prefix=WHY

// A square matmul on a T3000's 2x4 mesh: cutting C's rows over the mesh's
// rows and its columns over its columns moves least over the host links
// (each device gets an eighth of C, half of A and a quarter of B) with the
// same work per device as the other cuts, so it wins.
// WHY-LABEL: remark: mesh split on the 2x4 mesh (t3k): rows over the mesh's rows, columns over its columns, 2x4 shards: 1024x2048x512 per device, multicast block {{[0-9x]+}} on {{[0-9]+}} cores, {{[0-9]+}} cycles = {{[0-9.]+}} us predicted; host transfers {{[0-9.]+}} us
// WHY: note: also considered: rows of C over all devices (B on every device), 8x1 shards: 256x2048x2048 per device
// WHY: note: also considered: columns of C over all devices (A on every device), 1x8 shards: 2048x2048x256 per device
// CHECK-LABEL: func.func @square
// CHECK-SAME: %[[A:[a-z0-9]+]]: memref<1024x2048xbf16> {tt.global_shape = array<i64: 2048, 2048>, tt.mesh_shard = #tt.mesh_shard<tiles_y = 64, tiles_x = 64, shard_y = 32, shard_x = 0, col_major = true>}
// CHECK-SAME: %[[B:[a-z0-9]+]]: memref<2048x512xbf16> {tt.global_shape = array<i64: 2048, 2048>, tt.mesh_shard = #tt.mesh_shard<tiles_y = 64, tiles_x = 64, shard_y = 0, shard_x = 16>}
// CHECK-SAME: %[[C:[a-z0-9]+]]: memref<1024x512xbf16> {tt.global_shape = array<i64: 2048, 2048>, tt.mesh_shard = #tt.mesh_shard<tiles_y = 64, tiles_x = 64, shard_y = 32, shard_x = 16>}
// CHECK-SAME: tt.mesh_split = #tt.mesh_split<m = 2, n = 4>
// CHECK: tl.matmul %[[A]], %[[B]] into %[[C]] : memref<1024x2048xbf16>, memref<2048x512xbf16> into memref<1024x512xbf16>
// By M over all eight devices: A cut in eight row shards (one per device,
// row by row), B on every device, C in row shards.
// BY-M-LABEL: func.func @square
// BY-M-SAME: memref<256x2048xbf16> {tt.global_shape = array<i64: 2048, 2048>, tt.mesh_shard = #tt.mesh_shard<tiles_y = 64, tiles_x = 64, shard_y = 8, shard_x = 64>}
// BY-M-SAME: memref<2048x2048xbf16> {tt.global_shape = array<i64: 2048, 2048>, tt.mesh_shard = #tt.mesh_shard<tiles_y = 64, tiles_x = 64, shard_y = 0, shard_x = 0>}
// BY-M-SAME: memref<256x2048xbf16> {tt.global_shape = array<i64: 2048, 2048>, tt.mesh_shard = #tt.mesh_shard<tiles_y = 64, tiles_x = 64, shard_y = 8, shard_x = 64>}
// BY-M-SAME: tt.mesh_split = #tt.mesh_split<m = 8, n = 1>
// BY-N-LABEL: func.func @square
// BY-N-SAME: memref<2048x2048xbf16> {tt.global_shape = array<i64: 2048, 2048>, tt.mesh_shard = #tt.mesh_shard<tiles_y = 64, tiles_x = 64, shard_y = 0, shard_x = 0>}
// BY-N-SAME: memref<2048x256xbf16> {tt.global_shape = array<i64: 2048, 2048>, tt.mesh_shard = #tt.mesh_shard<tiles_y = 64, tiles_x = 64, shard_y = 64, shard_x = 8>}
// BY-N-SAME: memref<2048x256xbf16> {tt.global_shape = array<i64: 2048, 2048>, tt.mesh_shard = #tt.mesh_shard<tiles_y = 64, tiles_x = 64, shard_y = 64, shard_x = 8>}
// BY-N-SAME: tt.mesh_split = #tt.mesh_split<m = 1, n = 8>
func.func @square(%A: memref<2048x2048xbf16>, %B: memref<2048x2048xbf16>, %C: memref<2048x2048xbf16>) attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false, mesh = <2, 4>>} {
  tl.matmul %A, %B into %C : memref<2048x2048xbf16>, memref<2048x2048xbf16> into memref<2048x2048xbf16>
  return
}

// -----

// A tall matmul (few columns) on an n300's 1x2 mesh: cutting the rows keeps
// each device's B whole but small; cutting 64 columns in two would leave each
// device one tile column and all of A. Shapes that do not divide the mesh get
// whole-tile shards, the last one zero-padded: 1000 rows are 32 tiles, 16 per
// device.
// WHY-LABEL: remark: mesh split on the 1x2 mesh (n300): rows of C over all devices (B on every device), 2x1 shards: 512x512x64 per device
// CHECK-LABEL: func.func @tall
// CHECK-SAME: memref<512x512xbf16> {tt.global_shape = array<i64: 1000, 512>, tt.mesh_shard = #tt.mesh_shard<tiles_y = 32, tiles_x = 16, shard_y = 16, shard_x = 16>}
// CHECK-SAME: memref<512x64xbf16> {tt.global_shape = array<i64: 512, 64>, tt.mesh_shard = #tt.mesh_shard<tiles_y = 16, tiles_x = 2, shard_y = 0, shard_x = 0>}
// CHECK-SAME: memref<512x64xbf16> {tt.global_shape = array<i64: 1000, 64>, tt.mesh_shard = #tt.mesh_shard<tiles_y = 32, tiles_x = 2, shard_y = 16, shard_x = 2>}
// CHECK-SAME: tt.mesh_split = #tt.mesh_split<m = 2, n = 1>
func.func @tall(%A: memref<1000x512xbf16>, %B: memref<512x64xbf16>, %C: memref<1000x64xbf16>) attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false, mesh = <1, 2>>} {
  tl.matmul %A, %B into %C : memref<1000x512xbf16>, memref<512x64xbf16> into memref<1000x64xbf16>
  return
}

// -----

// Transposed operands are cut along the dimension that is M or N; a bias
// row follows C's columns.
// BY-N-LABEL: func.func @transposed_bias
// BY-N-SAME: memref<256x512xbf16> {tt.global_shape = array<i64: 256, 512>, tt.mesh_shard = #tt.mesh_shard<tiles_y = 8, tiles_x = 16, shard_y = 0, shard_x = 0>}
// BY-N-SAME: memref<128x256xbf16> {tt.global_shape = array<i64: 256, 256>, tt.mesh_shard = #tt.mesh_shard<tiles_y = 8, tiles_x = 8, shard_y = 4, shard_x = 8>}
// BY-N-SAME: memref<512x128xbf16> {tt.global_shape = array<i64: 512, 256>, tt.mesh_shard = #tt.mesh_shard<tiles_y = 16, tiles_x = 8, shard_y = 16, shard_x = 4>}
// BY-N-SAME: memref<128xbf16> {tt.global_shape = array<i64: 256>, tt.mesh_shard = #tt.mesh_shard<tiles_y = 1, tiles_x = 8, shard_y = 1, shard_x = 4>}
// BY-N: tl.matmul {{.*}} transpose_a transpose_b bias
func.func @transposed_bias(%A: memref<256x512xbf16>, %B: memref<256x256xbf16>, %C: memref<512x256xbf16>, %bias: memref<256xbf16>) attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false, mesh = <1, 2>>} {
  tl.matmul %A, %B into %C transpose_a transpose_b bias %bias : memref<256x512xbf16>, memref<256x256xbf16> into memref<512x256xbf16>, memref<256xbf16>
  return
}

// -----

// One device: nothing to split.
// CHECK-LABEL: func.func @one_device
// CHECK-NOT: tt.mesh
func.func @one_device(%A: memref<64x64xbf16>, %B: memref<64x64xbf16>, %C: memref<64x64xbf16>) attributes {tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, fp32_dest_acc = false>} {
  tl.matmul %A, %B into %C : memref<64x64xbf16>, memref<64x64xbf16> into memref<64x64xbf16>
  return
}
