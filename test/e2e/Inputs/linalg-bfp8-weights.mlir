func.func @mm(%A: memref<64x128xbf16>, %B: memref<128x96xbf16> {tt.format = #tt.format<bfp8_b>}, %C: memref<64x96xbf16>) {
  %zero = arith.constant 0.0 : bf16
  linalg.fill ins(%zero : bf16) outs(%C : memref<64x96xbf16>)
  linalg.matmul ins(%A, %B : memref<64x128xbf16>, memref<128x96xbf16>) outs(%C : memref<64x96xbf16>)
  return
}
