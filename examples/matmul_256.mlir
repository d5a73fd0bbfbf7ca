// The bundled example: a 256x256x256 bf16 matmul in the tl kernel
// form, as a TileLang user writes it with block_M = block_N = block_K = 32.
// `whole_matmul` says the kernel computes C = A * B, so the emitted program
// checks its result against a reference matmul.
func.func @matmul(%A: memref<256x256xbf16>, %B: memref<256x256xbf16>,
                  %C: memref<256x256xbf16>) {
  %c32 = arith.constant 32 : index
  tl.kernel [8, 8] as (%bx, %by) whole_matmul {
    %A_shared = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %B_shared = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %C_local = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    %row = arith.muli %by, %c32 : index
    %col = arith.muli %bx, %c32 : index
    tl.clear %C_local : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 8 stages 2 {
      %kk = arith.muli %k, %c32 : index
      tl.copy %A[%row, %kk] to %A_shared
          : memref<256x256xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%kk, %col] to %B_shared
          : memref<256x256xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.gemm %A_shared, %B_shared, %C_local
          : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>,
            memref<32x32xf32, #tl.scope<fragment>>
    }
    tl.copy %C_local to %C[%row, %col]
        : memref<32x32xf32, #tl.scope<fragment>> to memref<256x256xbf16>
  }
  return
}
