// RUN: tt-opt %s | tt-opt | FileCheck %s
// RUN: tt-opt %s --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// RUN: tt-opt %s --mlir-print-op-generic | tt-opt | FileCheck %s

// CHECK-LABEL: func.func @copies
// CHECK-SAME: (%[[A:.*]]: memref<128x96xbf16>, %[[C:.*]]: memref<128x64xbf16>)
// CHECK: tl.kernel [2, 4] as (%[[BX:.*]], %[[BY:.*]]) {
// CHECK: %[[AS:.*]] = tl.alloc_shared
// CHECK: %[[CL:.*]] = tl.alloc_fragment
// CHECK: %[[ROW:.*]] = arith.muli %[[BY]]
// CHECK: %[[COL:.*]] = arith.muli %[[BX]]
// CHECK: tl.copy %[[A]][%[[ROW]], %{{.*}}] to %[[AS]] : memref<128x96xbf16> to memref<32x32xbf16, #tl.scope<shared>>
// CHECK: tl.copy %[[CL]] to %[[C]][%[[ROW]], %[[COL]]] : memref<32x32xf32, #tl.scope<fragment>> to memref<128x64xbf16>
// GENERIC: "tl.copy"(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) <{operandSegmentSizes = array<i32: 1, 2, 1, 0>}>
// GENERIC: "tl.copy"(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) <{operandSegmentSizes = array<i32: 1, 0, 1, 2>}>
func.func @copies(%A: memref<128x96xbf16>, %C: memref<128x64xbf16>) {
  %c32 = arith.constant 32 : index
  %c64 = arith.constant 64 : index
  tl.kernel [2, 4] as (%bx, %by) {
    %as = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %cl = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    %row = arith.muli %by, %c32 : index
    %col = arith.muli %bx, %c32 : index
    tl.copy %A[%row, %c64] to %as : memref<128x96xbf16> to memref<32x32xbf16, #tl.scope<shared>>
    tl.copy %cl to %C[%row, %col] : memref<32x32xf32, #tl.scope<fragment>> to memref<128x64xbf16>
  }
  return
}

// The last block of rows reaches into the zero padding of a 100-row buffer
// (stored as 128 rows): loads read 0 there, stores drop those rows.
// CHECK-LABEL: func.func @into_padding
// CHECK: tl.copy %{{.*}}[%{{.*}}, %{{.*}}] to %{{.*}} : memref<100x50xbf16> to memref<32x32xbf16, #tl.scope<shared>>
// CHECK: tl.copy %{{.*}} to %{{.*}}[%{{.*}}, %{{.*}}] : memref<32x32xf32, #tl.scope<fragment>> to memref<100x50xbf16>
func.func @into_padding(%A: memref<100x50xbf16>, %C: memref<100x50xbf16>) {
  %c32 = arith.constant 32 : index
  tl.kernel [2, 4] as (%bx, %by) {
    %as = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %cl = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    %row = arith.muli %by, %c32 : index
    %col = arith.muli %bx, %c32 : index
    tl.copy %A[%row, %col] to %as : memref<100x50xbf16> to memref<32x32xbf16, #tl.scope<shared>>
    tl.copy %cl to %C[%row, %col] : memref<32x32xf32, #tl.scope<fragment>> to memref<100x50xbf16>
  }
  return
}

// An edge block: blocks of 128 rows over 320 rows; the third starts at row
// 256 and reaches past the end (loads read 0 there, stores drop those rows).
// CHECK-LABEL: func.func @edge_block
// CHECK: tl.kernel [1, 3]
// CHECK: tl.copy %{{.*}}[%{{.*}}, %{{.*}}] to %{{.*}} : memref<320x64xbf16> to memref<128x64xbf16, #tl.scope<shared>>
// CHECK: tl.copy %{{.*}} to %{{.*}}[%{{.*}}, %{{.*}}] : memref<128x64xf32, #tl.scope<fragment>> to memref<320x64xbf16>
func.func @edge_block(%A: memref<320x64xbf16>, %C: memref<320x64xbf16>) {
  %c0 = arith.constant 0 : index
  %c128 = arith.constant 128 : index
  tl.kernel [1, 3] as (%bx, %by) {
    %as = tl.alloc_shared : memref<128x64xbf16, #tl.scope<shared>>
    %cl = tl.alloc_fragment : memref<128x64xf32, #tl.scope<fragment>>
    %row = arith.muli %by, %c128 : index
    tl.copy %A[%row, %c0] to %as : memref<320x64xbf16> to memref<128x64xbf16, #tl.scope<shared>>
    tl.copy %cl to %C[%row, %c0] : memref<128x64xf32, #tl.scope<fragment>> to memref<320x64xbf16>
  }
  return
}
