// RUN: not tt-opt %s --tl-to-tt-pipeline="block-m=128 block-n=128 subblock-h=3" 2>&1 | FileCheck %s --check-prefix=DIVIDE
// RUN: not tt-opt %s --tl-to-tt-pipeline="block-m=128 block-n=128 subblock-h=4 subblock-w=4" 2>&1 | FileCheck %s --check-prefix=DST

func.func @mm(%A: memref<1024x1024xbf16>, %B: memref<1024x1024xbf16>, %C: memref<1024x1024xbf16>) {
  // DIVIDE: pipeline-subblock-invalid.mlir:[[@LINE+2]]:3: error: subblock 3x4 tiles does not divide the 4x4-tile output block
  // DST: pipeline-subblock-invalid.mlir:[[@LINE+1]]:3: error: subblock 4x4 = 16 tiles does not fit DST, which holds 8 bf16 tiles in half-sync mode
  tl.matmul %A, %B into %C : memref<1024x1024xbf16>, memref<1024x1024xbf16> into memref<1024x1024xbf16>
  return
}
