// C[256x256] = A[256x256] * B[256x256] in bf16 (input for block-size tests).
func.func @mm(%A: memref<256x256xbf16>, %B: memref<256x256xbf16>, %C: memref<256x256xbf16>) {
  tl.matmul %A, %B into %C : memref<256x256xbf16>, memref<256x256xbf16> into memref<256x256xbf16>
  return
}
