//===- Passes.td - conversion passes -----------------------*- tablegen -*-===//
#ifndef TTDIALECT_CONVERSION_PASSES_TD
#define TTDIALECT_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertLinalgToTL : Pass<"convert-linalg-to-tl", "mlir::func::FuncOp"> {
  let summary = "Convert static linalg matmuls on memrefs (linalg.matmul, a linalg.generic that is one) to tl.matmul";
  let description = [{
    Lets any MLIR frontend that produces `linalg.matmul` reach the
    Tenstorrent pipeline. `linalg.matmul` accumulates into its output, so it
    becomes `tl.matmul ... accumulate`, unless the output was just filled with
    zero by a `linalg.fill` (the usual way to write `C = A * B`), in which
    case the fill is dropped and the product overwrites C. Indexing maps
    that read A as `(k, m)` or B as `(n, k)` (the transposed forms, as
    `linalg.matmul indexing_maps = [...]` writes them) become `transpose_a` /
    `transpose_b`; other maps (broadcasts, a transposed C) are diagnosed.
    A `linalg.generic` whose body multiplies and adds (a contraction) with
    one m, one n and one k loop in any order, indexing A by (m, k) or
    (k, m), B by (k, n) or (n, k) and C by (m, n), is the same matmul;
    other contractions (batch loops, several m/n/k loops, a transposed C)
    are diagnosed, and generics that are not contractions are left alone.

    Example:

    ```mlir
    linalg.fill ins(%zero : bf16) outs(%C : memref<64x64xbf16>)
    linalg.matmul ins(%A, %B : memref<64x32xbf16>, memref<32x64xbf16>)
                  outs(%C : memref<64x64xbf16>)
    // becomes
    tl.matmul %A, %B into %C : memref<64x32xbf16>, memref<32x64xbf16> into memref<64x64xbf16>

    // B stored N x K
    linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>,
                                   affine_map<(m, n, k) -> (n, k)>,
                                   affine_map<(m, n, k) -> (m, n)>]
                  ins(%A, %Bt : memref<64x32xbf16>, memref<64x32xbf16>)
                  outs(%C : memref<64x64xbf16>)
    // becomes (after its fill)
    tl.matmul %A, %Bt into %C transpose_b : ...

    // the same as a generic, loops in the order (k, m, n)
    linalg.generic {indexing_maps = [affine_map<(k, m, n) -> (m, k)>,
                                     affine_map<(k, m, n) -> (n, k)>,
                                     affine_map<(k, m, n) -> (m, n)>],
                    iterator_types = ["reduction", "parallel", "parallel"]}
        ins(%A, %Bt : memref<64x32xbf16>, memref<64x32xbf16>)
        outs(%C : memref<64x64xbf16>) {
    ^bb0(%a: bf16, %b: bf16, %c: bf16):
      %p = arith.mulf %a, %b : bf16
      %s = arith.addf %c, %p : bf16
      linalg.yield %s : bf16
    }
    ```
  }];
  let dependentDialects = ["mlir::tl::TLDialect"];
}

def TLFuseLinalgEpilogue : Pass<"tl-fuse-linalg-epilogue", "mlir::func::FuncOp"> {
  let summary = "Fuse the element-wise linalg ops that follow a tl.matmul on its result into its epilogue";
  let description = [{
    A matmul followed by element-wise ops on its result (a bias row added to
    every row, an activation, a scaling) is computed in one compute kernel,
    as tt-metal's fused matmul kernels do. This pass takes the linalg ops
    (a `linalg.generic` or a named element-wise op) that directly follow a
    `tl.matmul` and update its C in place (C as input with an identity map,
    or as the output alone; optionally one rank-1 input indexed by the
    column, the bias) and moves them into the matmul's `bias` and
    `epilogue`.

    What a payload computes is recognized by value, not by its spelling: it
    is evaluated in double precision (arith and math ops) at fixed sample
    points and compared with the functions the kernel can apply: a bias
    added first, then one of relu, gelu (erf form), gelu_tanh, silu,
    sigmoid, tanh, exp, a multiplication by a constant taken from the
    payload, or such a scaling before or after an activation. So
    `maximumf(x, 0)`, `select(x > 0, x, 0)` and any spelling of the tanh
    form of GELU are recognized alike. A payload that matches none of them
    is diagnosed with what it could not map; an element-wise op that is not
    in place (it writes another buffer) ends the fusion and stays as it is.

    Example:

    ```mlir
    tl.matmul %A, %B into %C : ...
    linalg.generic {indexing_maps = [affine_map<(m, n) -> (m, n)>,
                                     affine_map<(m, n) -> (n)>,
                                     affine_map<(m, n) -> (m, n)>],
                    iterator_types = ["parallel", "parallel"]}
        ins(%C, %bias : memref<64x96xbf16>, memref<96xbf16>) outs(%C : memref<64x96xbf16>) {
    ^bb0(%c: bf16, %b: bf16, %out: bf16):
      %s = arith.addf %c, %b : bf16
      %zero = arith.constant 0.0 : bf16
      %r = arith.maximumf %s, %zero : bf16
      linalg.yield %r : bf16
    }
    // becomes
    tl.matmul %A, %B into %C bias %bias epilogue [#tl.activation<relu>] : ...
    ```
  }];
  let dependentDialects = ["mlir::tl::TLDialect"];
}

def ConvertTTToEmitC : Pass<"convert-tt-to-emitc", "mlir::ModuleOp"> {
  let summary = "Convert tt kernel functions to EmitC";
  let description = [{
    Rewrites every `func.func` marked `tt.kernel_role` into an `emitc.file`
    named after the kernel that holds its includes and `void kernel_main()`,
    with the Metalium kernel API spelled as at the targeted tt-metal commit,
    so that `mlir::emitc::translateToCpp` prints the kernel source. Values
    that carry a `name` (runtime arguments, circular buffers, accessors)
    become named C++ constants, and a comment opens each stage (loops print
    their `tt.comment`). `tt.program` ops are removed: they refer to the
    kernel functions this pass replaces, and the host program is emitted from
    them directly by `--emit-metalium`.

    Example:

    ```mlir
    %n = tt.get_arg_val 0 as "num_tiles" : i32
    // becomes
    emitc.verbatim "const uint32_t num_tiles = get_arg_val<uint32_t>(0);"
    %n = emitc.literal "num_tiles" : i32
    ```
  }];
  let dependentDialects = ["mlir::emitc::EmitCDialect"];
}

#endif // TTDIALECT_CONVERSION_PASSES_TD
