// A tl.matmul whose K (3 tiles) a 2-tile K step does not divide (see emit-edge-blocks.test).
func.func @matmul(%A: memref<64x96xbf16>, %B: memref<96x96xbf16>, %C: memref<64x96xbf16>) {
  tl.matmul %A, %B into %C : memref<64x96xbf16>, memref<96x96xbf16> into memref<64x96xbf16>
  return
}
