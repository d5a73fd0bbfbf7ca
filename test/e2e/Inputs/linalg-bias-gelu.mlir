// C = gelu(A * B + bias) written in linalg: a zero fill, a matmul, and the
// epilogue as a generic in place on C (the erf form of GELU), with bfp8_b
// weights.
#id = affine_map<(m, n) -> (m, n)>
#col = affine_map<(m, n) -> (n)>
func.func @mm(%A: memref<128x256xbf16>, %B: memref<256x192xbf16> {tt.format = #tt.format<bfp8_b>},
              %C: memref<128x192xbf16>, %bias: memref<192xbf16>) {
  %zero = arith.constant 0.0 : bf16
  linalg.fill ins(%zero : bf16) outs(%C : memref<128x192xbf16>)
  linalg.matmul ins(%A, %B : memref<128x256xbf16>, memref<256x192xbf16>) outs(%C : memref<128x192xbf16>)
  linalg.generic {indexing_maps = [#id, #col, #id], iterator_types = ["parallel", "parallel"]}
      ins(%C, %bias : memref<128x192xbf16>, memref<192xbf16>) outs(%C : memref<128x192xbf16>) {
  ^bb0(%c: bf16, %b: bf16, %out: bf16):
    %x32 = arith.extf %c : bf16 to f32
    %b32 = arith.extf %b : bf16 to f32
    %x = arith.addf %x32, %b32 : f32
    %rs2 = arith.constant 0.70710678118654752 : f32
    %half = arith.constant 0.5 : f32
    %one = arith.constant 1.0 : f32
    %s = arith.mulf %x, %rs2 : f32
    %e = math.erf %s : f32
    %p = arith.addf %e, %one : f32
    %h = arith.mulf %x, %half : f32
    %g = arith.mulf %h, %p : f32
    %r = arith.truncf %g : f32 to bf16
    linalg.yield %r : bf16
  }
  return
}
