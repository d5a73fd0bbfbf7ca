// A tl.matmul for the pipeline (see shape-generic.test).
func.func @matmul(%A: memref<320x64xbf16>, %B: memref<64x256xbf16>, %C: memref<320x256xbf16>) {
  tl.matmul %A, %B into %C : memref<320x64xbf16>, memref<64x256xbf16> into memref<320x256xbf16>
  return
}
