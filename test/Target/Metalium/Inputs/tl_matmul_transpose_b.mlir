// C[64x64] = A[64x128] * B^T, B stored 64x128 (N x K).
func.func @mm(%A: memref<64x128xbf16>, %B: memref<64x128xbf16>, %C: memref<64x64xbf16>) {
  tl.matmul %A, %B into %C transpose_b : memref<64x128xbf16>, memref<64x128xbf16> into memref<64x64xbf16>
  return
}
