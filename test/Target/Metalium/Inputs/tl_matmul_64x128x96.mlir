// A tl.matmul for the pipeline (see shape-generic.test).
func.func @matmul(%A: memref<64x128xbf16>, %B: memref<128x96xbf16>, %C: memref<64x96xbf16>) {
  tl.matmul %A, %B into %C : memref<64x128xbf16>, memref<128x96xbf16> into memref<64x96xbf16>
  return
}
