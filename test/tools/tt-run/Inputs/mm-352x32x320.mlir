func.func @mm(%A: memref<352x32xbf16>, %B: memref<32x320xbf16>, %C: memref<352x320xbf16>) {
  tl.matmul %A, %B into %C : memref<352x32xbf16>, memref<32x320xbf16> into memref<352x320xbf16>
  return
}
