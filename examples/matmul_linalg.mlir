// C = A * B written with upstream linalg: what other MLIR frontends produce.
// tt-opt --tl-to-tt-pipeline takes it as it takes the tl forms.
func.func @matmul(%A: memref<320x256xbf16>, %B: memref<256x384xbf16>,
                  %C: memref<320x384xbf16>) {
  %zero = arith.constant 0.0 : bf16
  linalg.fill ins(%zero : bf16) outs(%C : memref<320x384xbf16>)
  linalg.matmul ins(%A, %B : memref<320x256xbf16>, memref<256x384xbf16>)
                outs(%C : memref<320x384xbf16>)
  return
}
