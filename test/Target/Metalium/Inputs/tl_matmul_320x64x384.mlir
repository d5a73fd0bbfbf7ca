// C[320x384] = A[320x64] * B[64x384]: 120 output tiles, more than any device's cores.
func.func @matmul(%A: memref<320x64xbf16>, %B: memref<64x384xbf16>, %C: memref<320x384xbf16>) {
  tl.matmul %A, %B into %C : memref<320x64xbf16>, memref<64x384xbf16> into memref<320x384xbf16>
  return
}
