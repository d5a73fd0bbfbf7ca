// C[128x64] = A[128x32] * B[32x64]: 8 output tiles, fewer than any device's cores.
func.func @matmul(%A: memref<128x32xbf16>, %B: memref<32x64xbf16>, %C: memref<128x64xbf16>) {
  tl.matmul %A, %B into %C : memref<128x32xbf16>, memref<32x64xbf16> into memref<128x64xbf16>
  return
}
