func.func @mm(%A: memref<64x128xbf16>, %B: memref<128x96xbf16>, %C: memref<64x96xbf16>, %bias: memref<96xbf16>) {
  tl.matmul %A, %B into %C bias %bias epilogue [#tl.activation<gelu>] : memref<64x128xbf16>, memref<128x96xbf16> into memref<64x96xbf16>, memref<96xbf16>
  return
}
