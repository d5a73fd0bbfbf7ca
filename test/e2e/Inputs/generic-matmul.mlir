// C = A * B^T written as a linalg.generic (loops k, m, n), after a zero fill:
// a frontend's matmul that is not linalg.matmul. 257 x 100 by 96 x 100.
#A = affine_map<(k, m, n) -> (m, k)>
#B = affine_map<(k, m, n) -> (n, k)>
#C = affine_map<(k, m, n) -> (m, n)>
func.func @mm(%A: memref<257x100xbf16>, %B: memref<96x100xbf16>, %C: memref<257x96xbf16>) {
  %zero = arith.constant 0.0 : bf16
  linalg.fill ins(%zero : bf16) outs(%C : memref<257x96xbf16>)
  linalg.generic {indexing_maps = [#A, #B, #C], iterator_types = ["reduction", "parallel", "parallel"]}
      ins(%A, %B : memref<257x100xbf16>, memref<96x100xbf16>) outs(%C : memref<257x96xbf16>) {
  ^bb0(%a: bf16, %b: bf16, %c: bf16):
    %p = arith.mulf %a, %b : bf16
    %s = arith.addf %c, %p : bf16
    linalg.yield %s : bf16
  }
  return
}
