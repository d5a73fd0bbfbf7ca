// RUN: tt-opt %s | tt-opt | FileCheck %s

// tt.format on a function argument: the device stores that matmul input as
// block floating point; the element type stays what the host holds.
// CHECK-LABEL: func.func @weights
// CHECK-SAME: %{{.*}}: memref<64x64xbf16> {tt.format = #tt.format<bfp8_b>}
// CHECK-SAME: %{{.*}}: memref<64x64xf32> {tt.format = #tt.format<bfp8_b>}
// CHECK-SAME: %{{.*}}: memref<64x64xbf16> {tt.format = #tt.format<bfp4_b>}
func.func @weights(%a: memref<64x64xbf16> {tt.format = #tt.format<bfp8_b>}, %b: memref<64x64xf32> {tt.format = #tt.format<bfp8_b>}, %c: memref<64x64xbf16> {tt.format = #tt.format<bfp4_b>}) {
  return
}
