// Only the first half of K: C = A[:, :64] * B[:64, :]. Not a whole matmul, so
// the host program has no reference to check against; it must still build
// and run (and the K loop must get its own parameter, not Kt).
func.func @partial(%A: memref<64x128xbf16>, %B: memref<128x64xbf16>, %C: memref<64x64xbf16>) {
  %c32 = arith.constant 32 : index
  tl.kernel [2, 2] as (%bx, %by) {
    %a = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %b = tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>
    %c = tl.alloc_fragment : memref<32x32xf32, #tl.scope<fragment>>
    %row = arith.muli %by, %c32 : index
    %col = arith.muli %bx, %c32 : index
    tl.clear %c : memref<32x32xf32, #tl.scope<fragment>>
    tl.pipelined %k in 2 stages 2 {
      %kk = arith.muli %k, %c32 : index
      tl.copy %A[%row, %kk] to %a : memref<64x128xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.copy %B[%kk, %col] to %b : memref<128x64xbf16> to memref<32x32xbf16, #tl.scope<shared>>
      tl.gemm %a, %b, %c : memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xbf16, #tl.scope<shared>>, memref<32x32xf32, #tl.scope<fragment>>
    }
    tl.copy %c to %C[%row, %col] : memref<32x32xf32, #tl.scope<fragment>> to memref<64x64xbf16>
  }
  return
}
