// RUN: tt-opt %s --tl-fuse-linalg-epilogue --split-input-file -verify-diagnostics

#id = affine_map<(m, n) -> (m, n)>

func.func @sin(%A: memref<64x32xbf16>, %B: memref<32x96xbf16>, %C: memref<64x96xbf16>) {
  tl.matmul %A, %B into %C : memref<64x32xbf16>, memref<32x96xbf16> into memref<64x96xbf16>
  // expected-error @+1 {{cannot be fused into the matmul's epilogue: 'math.sin' has no counterpart in the compute kernel}}
  linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]}
      outs(%C : memref<64x96xbf16>) {
  ^bb0(%c: bf16):
    %s = math.sin %c : bf16
    linalg.yield %s : bf16
  }
  return
}

// -----

#id = affine_map<(m, n) -> (m, n)>

func.func @unknown_function(%A: memref<64x32xbf16>, %B: memref<32x96xbf16>, %C: memref<64x96xbf16>) {
  tl.matmul %A, %B into %C : memref<64x32xbf16>, memref<32x96xbf16> into memref<64x96xbf16>
  // expected-error @+1 {{cannot be fused into the matmul's epilogue: its payload is none of relu, gelu (erf or tanh form), silu, sigmoid, tanh, exp, a scaling by one of its constants, or a scaling with one of them}}
  linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]}
      outs(%C : memref<64x96xbf16>) {
  ^bb0(%c: bf16):
    %sq = arith.mulf %c, %c : bf16
    linalg.yield %sq : bf16
  }
  return
}

// -----

#id = affine_map<(m, n) -> (m, n)>
#col = affine_map<(m, n) -> (n)>

func.func @bias_after_relu(%A: memref<64x32xbf16>, %B: memref<32x96xbf16>, %C: memref<64x96xbf16>, %bias: memref<96xbf16>) {
  tl.matmul %A, %B into %C : memref<64x32xbf16>, memref<32x96xbf16> into memref<64x96xbf16>
  // expected-error @+1 {{cannot be fused into the matmul's epilogue: it must add the bias to the result before anything else (f(x + bias))}}
  linalg.generic {indexing_maps = [#id, #col, #id], iterator_types = ["parallel", "parallel"]}
      ins(%C, %bias : memref<64x96xbf16>, memref<96xbf16>) outs(%C : memref<64x96xbf16>) {
  ^bb0(%c: bf16, %b: bf16, %out: bf16):
    %zero = arith.constant 0.0 : bf16
    %r = arith.maximumf %c, %zero : bf16
    %s = arith.addf %r, %b : bf16
    linalg.yield %s : bf16
  }
  return
}

// -----

#id = affine_map<(m, n) -> (m, n)>
#row = affine_map<(m, n) -> (m)>

func.func @row_vector(%A: memref<64x32xbf16>, %B: memref<32x96xbf16>, %C: memref<64x96xbf16>, %v: memref<64xbf16>) {
  tl.matmul %A, %B into %C : memref<64x32xbf16>, memref<32x96xbf16> into memref<64x96xbf16>
  // expected-error @+1 {{reads 'memref<64xbf16>' with map (d0, d1) -> (d0): an epilogue fused into the matmul reads its result and at most one bias row (a vector indexed by the column)}}
  linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel"]}
      ins(%C, %v : memref<64x96xbf16>, memref<64xbf16>) outs(%C : memref<64x96xbf16>) {
  ^bb0(%c: bf16, %b: bf16, %out: bf16):
    %s = arith.addf %c, %b : bf16
    linalg.yield %s : bf16
  }
  return
}
