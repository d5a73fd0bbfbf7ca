// C += A^T * B as a linalg.generic with bf16 inputs widened into an f32 C
// (no fill: the generic adds to C's values).
#A = affine_map<(m, n, k) -> (k, m)>
#B = affine_map<(m, n, k) -> (k, n)>
#C = affine_map<(m, n, k) -> (m, n)>
func.func @mm(%A: memref<128x64xbf16>, %B: memref<128x96xbf16>, %C: memref<64x96xf32>) {
  linalg.generic {indexing_maps = [#A, #B, #C], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%A, %B : memref<128x64xbf16>, memref<128x96xbf16>) outs(%C : memref<64x96xf32>) {
  ^bb0(%a: bf16, %b: bf16, %c: f32):
    %ae = arith.extf %a : bf16 to f32
    %be = arith.extf %b : bf16 to f32
    %p = arith.mulf %ae, %be : f32
    %s = arith.addf %c, %p : f32
    linalg.yield %s : f32
  }
  return
}
