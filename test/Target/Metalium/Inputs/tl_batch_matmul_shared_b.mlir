// Three products of 100x64 matrices with one shared 64x96 B.
func.func @batch(%A: memref<3x100x64xbf16>, %B: memref<64x96xbf16>, %C: memref<3x100x96xbf16>) {
  tl.matmul %A, %B into %C : memref<3x100x64xbf16>, memref<64x96xbf16> into memref<3x100x96xbf16>
  return
}
