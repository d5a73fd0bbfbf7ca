func.func @mm(%A: memref<256x512xbf16>, %B: memref<512x256xbf16>, %C: memref<256x256xf32>) {
  tl.matmul %A, %B into %C : memref<256x512xbf16>, memref<512x256xbf16> into memref<256x256xf32>
  return
}
