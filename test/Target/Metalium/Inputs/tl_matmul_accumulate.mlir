// C[64x96] += A[64x128] * B[128x96].
func.func @mm(%A: memref<64x128xbf16>, %B: memref<128x96xbf16>, %C: memref<64x96xbf16>) {
  tl.matmul %A, %B into %C accumulate : memref<64x128xbf16>, memref<128x96xbf16> into memref<64x96xbf16>
  return
}
