// RUN: tt-opt %s --tl-fuse-linalg-epilogue --split-input-file | FileCheck %s --implicit-check-not=linalg.generic

#id = affine_map<(m, n) -> (m, n)>
#col = affine_map<(m, n) -> (n)>

// A bias add and a relu written as maximumf, in one generic, in place on C.
// CHECK-LABEL: func.func @bias_relu
// CHECK-SAME: %[[C:[^:]*]]: memref<64x96xbf16>, %[[BIAS:[^:]*]]: memref<96xbf16>)
// CHECK: tl.matmul %{{.*}}, %{{.*}} into %[[C]] bias %[[BIAS]] epilogue [#tl.activation<relu>] :
// CHECK-NEXT: return
func.func @bias_relu(%A: memref<64x32xbf16>, %B: memref<32x96xbf16>, %C: memref<64x96xbf16>, %bias: memref<96xbf16>) {
  tl.matmul %A, %B into %C : memref<64x32xbf16>, memref<32x96xbf16> into memref<64x96xbf16>
  linalg.generic {indexing_maps = [#id, #col, #id], iterator_types = ["parallel", "parallel"]}
      ins(%C, %bias : memref<64x96xbf16>, memref<96xbf16>) outs(%C : memref<64x96xbf16>) {
  ^bb0(%c: bf16, %b: bf16, %out: bf16):
    %s = arith.addf %c, %b : bf16
    %zero = arith.constant 0.0 : bf16
    %r = arith.maximumf %s, %zero : bf16
    linalg.yield %r : bf16
  }
  return
}

// -----

#id = affine_map<(m, n) -> (m, n)>
#col = affine_map<(m, n) -> (n)>

// The tanh form of GELU spelled out, after a bias added bias-first; then a
// second generic scaling by 1/8 (a division): a chain.
// CHECK-LABEL: func.func @bias_gelu_tanh_scale
// CHECK: tl.matmul {{.*}} bias %{{.*}} epilogue [#tl.activation<gelu_tanh>, #tl.scale<1.250000e-01 : f32>] :
func.func @bias_gelu_tanh_scale(%A: memref<64x32xf32>, %B: memref<32x96xf32>, %C: memref<64x96xf32>, %bias: memref<96xf32>) {
  tl.matmul %A, %B into %C : memref<64x32xf32>, memref<32x96xf32> into memref<64x96xf32>
  linalg.generic {indexing_maps = [#col, #id], iterator_types = ["parallel", "parallel"]}
      ins(%bias : memref<96xf32>) outs(%C : memref<64x96xf32>) {
  ^bb0(%b: f32, %c: f32):
    %x = arith.addf %b, %c : f32
    %half = arith.constant 0.5 : f32
    %one = arith.constant 1.0 : f32
    %k = arith.constant 0.7978845608028654 : f32
    %a = arith.constant 0.044715 : f32
    %x2 = arith.mulf %x, %x : f32
    %x3 = arith.mulf %x2, %x : f32
    %ax3 = arith.mulf %a, %x3 : f32
    %inner = arith.addf %x, %ax3 : f32
    %scaled = arith.mulf %k, %inner : f32
    %t = math.tanh %scaled : f32
    %onep = arith.addf %one, %t : f32
    %hx = arith.mulf %half, %x : f32
    %g = arith.mulf %hx, %onep : f32
    linalg.yield %g : f32
  }
  linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]}
      outs(%C : memref<64x96xf32>) {
  ^bb0(%c: f32):
    %eight = arith.constant 8.0 : f32
    %d = arith.divf %c, %eight : f32
    linalg.yield %d : f32
  }
  return
}

// -----

#id = affine_map<(m, n) -> (m, n)>

// The erf form of GELU, SiLU as x * sigmoid(x), relu as a select: each maps
// to its kernel op; a scaling inside an activation comes first.
// CHECK-LABEL: func.func @forms
// CHECK: tl.matmul {{.*}} epilogue [#tl.activation<gelu>, #tl.activation<silu>, #tl.activation<relu>, #tl.scale<2.000000e+00 : f32>, #tl.activation<sigmoid>] :
func.func @forms(%A: memref<64x32xbf16>, %B: memref<32x96xbf16>, %C: memref<64x96xbf16>) {
  tl.matmul %A, %B into %C : memref<64x32xbf16>, memref<32x96xbf16> into memref<64x96xbf16>
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%C : memref<64x96xbf16>) outs(%C : memref<64x96xbf16>) {
  ^bb0(%c: bf16, %out: bf16):
    %x = arith.extf %c : bf16 to f32
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
  linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]}
      outs(%C : memref<64x96xbf16>) {
  ^bb0(%c: bf16):
    %one = arith.constant 1.0 : bf16
    %n = arith.negf %c : bf16
    %e = math.exp %n : bf16
    %d = arith.addf %one, %e : bf16
    %sig = arith.divf %one, %d : bf16
    %y = arith.mulf %c, %sig : bf16
    linalg.yield %y : bf16
  }
  linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]}
      outs(%C : memref<64x96xbf16>) {
  ^bb0(%c: bf16):
    %zero = arith.constant 0.0 : bf16
    %pos = arith.cmpf ogt, %c, %zero : bf16
    %y = arith.select %pos, %c, %zero : bf16
    linalg.yield %y : bf16
  }
  linalg.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel"]}
      outs(%C : memref<64x96xbf16>) {
  ^bb0(%c: bf16):
    %two = arith.constant 2.0 : bf16
    %one = arith.constant 1.0 : bf16
    %x = arith.mulf %c, %two : bf16
    %n = arith.negf %x : bf16
    %e = math.exp %n : bf16
    %d = arith.addf %one, %e : bf16
    %y = arith.divf %one, %d : bf16
    linalg.yield %y : bf16
  }
  return
}

// -----

#id = affine_map<(m, n) -> (m, n)>

// An element-wise op that writes another buffer is not fused (C must keep
// the product): the fusion stops there.
// CHECK-LABEL: func.func @not_in_place
// CHECK: tl.matmul %{{.*}}, %{{.*}} into %{{.*}} :
// CHECK: linalg.generic
func.func @not_in_place(%A: memref<64x32xbf16>, %B: memref<32x96xbf16>, %C: memref<64x96xbf16>, %D: memref<64x96xbf16>) {
  tl.matmul %A, %B into %C : memref<64x32xbf16>, memref<32x96xbf16> into memref<64x96xbf16>
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%C : memref<64x96xbf16>) outs(%D : memref<64x96xbf16>) {
  ^bb0(%c: bf16, %out: bf16):
    %e = math.exp %c : bf16
    linalg.yield %e : bf16
  }
  return
}
