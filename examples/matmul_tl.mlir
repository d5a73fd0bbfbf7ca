// C = A * B on whole buffers: the entry form of the tl dialect.
func.func @matmul(%A: memref<64x64xbf16>, %B: memref<64x96xbf16>,
                  %C: memref<64x96xbf16>) {
  tl.matmul %A, %B into %C : memref<64x64xbf16>, memref<64x96xbf16> into memref<64x96xbf16>
  return
}
