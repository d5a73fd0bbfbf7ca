// C[64x64] = A^T * B, A stored 128x64 (K x M).
func.func @mm(%A: memref<128x64xbf16>, %B: memref<128x64xbf16>, %C: memref<64x64xbf16>) {
  tl.matmul %A, %B into %C transpose_a : memref<128x64xbf16>, memref<128x64xbf16> into memref<64x64xbf16>
  return
}
