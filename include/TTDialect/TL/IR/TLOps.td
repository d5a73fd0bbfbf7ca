//===- TLOps.td - tl operations ----------------------------*- tablegen -*-===//
#ifndef TTDIALECT_TL_IR_TLOPS_TD
#define TTDIALECT_TL_IR_TLOPS_TD

include "TTDialect/TL/IR/TLDialect.td"
include "TTDialect/TL/IR/TLAttrs.td"
include "mlir/IR/OpAsmInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"

// Element types a tile program may compute on.
def TL_ElementType : AnyTypeOf<[BF16, F32]>;
def TL_MemRef2D : MemRefRankOf<[BF16, F32], [2]>;
// A global buffer: a matrix, or a batch of matrices (leading dimension).
def TL_GlobalMemRef : MemRefRankOf<[BF16, F32], [2, 3]>;
// A bias: one value per column of the result.
def TL_BiasMemRef : MemRefRankOf<[BF16, F32], [1]>;

//===----------------------------------------------------------------------===//
// Whole-buffer form
//===----------------------------------------------------------------------===//

def TL_MatmulOp : TL_Op<"matmul"> {
  let summary = "whole-buffer matrix product C = A * B (or C += A * B)";
  let description = [{
    The entry form of the pipeline, produced by a frontend or by the
    `linalg.matmul` conversion: `C = op(A) * op(B)`, where `op` transposes
    the operand when `transpose_a` / `transpose_b` is set. With the
    transposes applied `A` is `M x K`, `B` is `K x N` and `C` is `M x N`
    (so a `transpose_b` operand is stored `N x K`), all global buffers
    (memrefs without a memory space). Inputs are bf16 or f32; products
    accumulate in f32 and are rounded to `C`'s element type once. With
    `accumulate`, the product is added to `C`'s contents. Any M, N, K >= 1:
    the lowering pads partial tiles with zeros, which leaves the product
    unchanged.

    With an epilogue, each element of the product goes through it before it
    is stored (fused in the compute kernel, after the K loop): `bias %v`
    first adds the row vector `%v` (N elements) to every row, then each
    step of `epilogue` applies in order, a `#tl.scale` or a
    `#tl.activation`: `C = f(A * B + bias)`.

    Batched: a rank-3 operand is a batch of matrices, its leading dimension
    the batch (`A` is `batch x M x K`). `C` is batched whenever `A` or `B`
    is, and `C[i] = op(A[i]) * op(B[i])`; a rank-2 `A` or `B` is shared by
    every matrix of the batch (broadcast, as shared weights are).

    Examples:

    ```mlir
    tl.matmul %A, %B into %C
        : memref<256x128xbf16>, memref<128x64xbf16> into memref<256x64xbf16>
    // Q * K^T: K is stored 64 x 128 (N x K).
    tl.matmul %Q, %K into %S transpose_b
        : memref<256x128xbf16>, memref<64x128xbf16> into memref<256x64xbf16>
    // Eight products sharing B.
    tl.matmul %X, %W into %Y
        : memref<8x100x64xbf16>, memref<64x96xbf16> into memref<8x100x96xbf16>
    // gelu(A * B + bias), fused.
    tl.matmul %A, %B into %C bias %bias epilogue [#tl.activation<gelu>]
        : memref<256x128xbf16>, memref<128x64xbf16> into memref<256x64xbf16>,
          memref<64xbf16>
    ```
  }];
  let arguments = (ins Arg<TL_GlobalMemRef, "left operand", [MemRead]>:$a,
                       Arg<TL_GlobalMemRef, "right operand", [MemRead]>:$b,
                       Arg<TL_GlobalMemRef, "result", [MemRead, MemWrite]>:$c,
                       UnitAttr:$transpose_a, UnitAttr:$transpose_b,
                       UnitAttr:$accumulate,
                       Arg<Optional<TL_BiasMemRef>, "bias row", [MemRead]>:$bias,
                       OptionalAttr<ArrayAttr>:$epilogue);
  let assemblyFormat = [{
    $a `,` $b `into` $c (`transpose_a` $transpose_a^)?
    (`transpose_b` $transpose_b^)? (`accumulate` $accumulate^)?
    (`bias` $bias^)? (`epilogue` $epilogue^)? attr-dict
    `:` type($a) `,` type($b) `into` type($c) (`,` type($bias)^)?
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// M, K and N in elements (of one matrix of a batch), with the
    /// transposes applied.
    ::mlir::tl::MatmulShape getShape() {
      return ::mlir::tl::MatmulShape::of(getA().getType(), getB().getType(),
                                         getTransposeA(), getTransposeB());
    }
    /// The number of products: C's batch (1 without one).
    int64_t getBatch() { return ::mlir::tl::batchOf(getC().getType()); }
  }];
}

//===----------------------------------------------------------------------===//
// Kernel form
//===----------------------------------------------------------------------===//

def TL_KernelOp : TL_Op<"kernel", [SingleBlock, NoTerminator,
    RecursiveMemoryEffects,
    DeclareOpInterfaceMethods<OpAsmOpInterface, ["getAsmBlockArgumentNames"]>]> {
  let summary = "a grid of blocks, TileLang's `T.Kernel(gx, gy) as (bx, by)`";
  let description = [{
    Runs its body once per block of a 1-, 2- or 3-dimensional grid. The body's
    block arguments are the block indices (`bx`, `by`, ...), each in
    `[0, extent)`. Block bodies are independent: the compiler may run them in
    any order, on any core.

    `whole_matmul` states that the blocks together compute `C = A * B` of
    the function's buffers (its first two arguments into the third), so the
    host program checks the result against a reference matmul. Whoever
    builds the kernel says so: `tl-matmul-to-kernel` and the Python frontend
    (for the canonical GEMM it traced); a kernel written by hand says so
    itself, and a false claim fails the run's check.

    Example:

    ```mlir
    tl.kernel [8, 4] as (%bx, %by) whole_matmul {
      ...
    }
    ```
  }];
  let arguments = (ins DenseI64ArrayAttr:$grid, UnitAttr:$whole_matmul);
  let regions = (region SizedRegion<1>:$body);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
  let builders = [OpBuilder<(ins "::llvm::ArrayRef<int64_t>":$grid,
                                 CArg<"bool", "false">:$wholeMatmul)>];
  let extraClassDeclaration = [{
    /// The block index arguments, outermost grid dimension first.
    ::mlir::Block::BlockArgListType getBlockIndices() {
      return getBody().front().getArguments();
    }
    ::mlir::Block &getBodyBlock() { return getBody().front(); }
  }];
}

def TL_PipelinedOp : TL_Op<"pipelined", [SingleBlock, NoTerminator,
    RecursiveMemoryEffects,
    DeclareOpInterfaceMethods<OpAsmOpInterface, ["getAsmBlockArgumentNames"]>]> {
  let summary = "a software-pipelined loop, TileLang's `T.Pipelined(n, num_stages)`";
  let description = [{
    Runs its body for `%k = 0 .. count-1` in order. `stages` is the number of
    iterations whose loads may be in flight at once; the Tenstorrent lowering
    turns it into the depth (in K steps) of the input circular buffers.

    Example:

    ```mlir
    tl.pipelined %k in 8 stages 2 {
      ...
    }
    ```
  }];
  let arguments = (ins I64Attr:$count, I64Attr:$stages);
  let regions = (region SizedRegion<1>:$body);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
  let builders = [OpBuilder<(ins "int64_t":$count, "int64_t":$stages)>];
  let extraClassDeclaration = [{
    ::mlir::Value getInductionVar() { return getBody().front().getArgument(0); }
    ::mlir::Block &getBodyBlock() { return getBody().front(); }
  }];
}

class TL_AllocOp<string mnemonic, string scope> : TL_Op<mnemonic,
    [MemoryEffects<[MemAlloc<DefaultResource>]>]> {
  let results = (outs TL_MemRef2D:$result);
  let assemblyFormat = "attr-dict `:` type($result)";
  let hasVerifier = 1;
}

def TL_AllocSharedOp : TL_AllocOp<"alloc_shared", "shared"> {
  let summary = "a shared tile buffer, TileLang's `T.alloc_shared`";
  let description = [{
    Allocates a block-local buffer that copies fill and `gemm` reads. Its
    shape is a whole number of 32x32 tiles; its memory space is
    `#tl.scope<shared>`. It becomes an L1 circular buffer.

    Example:

    ```mlir
    %A_shared = tl.alloc_shared : memref<64x32xbf16, #tl.scope<shared>>
    ```
  }];
}

def TL_AllocFragmentOp : TL_AllocOp<"alloc_fragment", "fragment"> {
  let summary = "a fragment accumulator, TileLang's `T.alloc_fragment`";
  let description = [{
    Allocates a block-local accumulator that `gemm` adds into. Its shape is a
    whole number of 32x32 tiles; its memory space is `#tl.scope<fragment>`. It
    becomes DST register tiles packed to an output circular buffer.

    Example:

    ```mlir
    %C_local = tl.alloc_fragment : memref<64x64xf32, #tl.scope<fragment>>
    ```
  }];
}

def TL_ClearOp : TL_Op<"clear"> {
  let summary = "zero a fragment, TileLang's `T.clear`";
  let description = [{
    Example:

    ```mlir
    tl.clear %C_local : memref<32x32xf32, #tl.scope<fragment>>
    ```
  }];
  let arguments = (ins Arg<TL_MemRef2D, "fragment", [MemWrite]>:$buffer);
  let assemblyFormat = "$buffer attr-dict `:` type($buffer)";
  let hasVerifier = 1;
}

def TL_CopyOp : TL_Op<"copy", [AttrSizedOperandSegments]> {
  let summary = "copy between a region of a global buffer and a local buffer";
  let description = [{
    TileLang's `T.copy`. Exactly one side is a global buffer, indexed by the
    start of the region (one index per dimension, in elements); the region's
    shape is the local buffer's shape. A batched (rank-3) global buffer takes
    the matrix's index in the batch first, and the region lies in that
    matrix (TileLang's `T.copy(A[bz, row, col], A_shared)`). Loads go from global to shared (or
    fragment); stores go from a fragment (or shared buffer) to global, and may
    narrow f32 to bf16. Buffers are held in whole 32x32 tiles: a region may
    reach into the zero padding of a buffer's last partial tile (as TileLang's
    bounds-checked copies do, a load reads 0 there and a store drops those
    elements) but not beyond it, for any value the indices can take (block
    indices and loop counters have known ranges).

    Example:

    ```mlir
    tl.copy %A[%row, %col] to %A_shared
        : memref<256x256xbf16> to memref<32x32xbf16, #tl.scope<shared>>
    tl.copy %C_local to %C[%row, %col]
        : memref<32x32xf32, #tl.scope<fragment>> to memref<256x256xbf16>
    tl.copy %X[%bz, %row, %col] to %X_shared
        : memref<8x256x256xbf16> to memref<32x32xbf16, #tl.scope<shared>>
    ```
  }];
  let arguments = (ins Arg<TL_GlobalMemRef, "source", [MemRead]>:$source,
                       Variadic<Index>:$sourceIndices,
                       Arg<TL_GlobalMemRef, "destination", [MemWrite]>:$dest,
                       Variadic<Index>:$destIndices);
  let assemblyFormat = [{
    $source (`[` $sourceIndices^ `]`)? `to` $dest (`[` $destIndices^ `]`)?
    attr-dict `:` type($source) `to` type($dest)
  }];
  let hasVerifier = 1;
  let builders = [OpBuilder<(ins "::mlir::Value":$source,
                                 "::mlir::ValueRange":$sourceIndices,
                                 "::mlir::Value":$dest,
                                 "::mlir::ValueRange":$destIndices)>];
  let extraClassDeclaration = [{
    /// True when the copy reads global memory into a local buffer.
    bool isLoad() { return !getSourceIndices().empty(); }
    ::mlir::Value getGlobal() { return isLoad() ? getSource() : getDest(); }
    ::mlir::Value getLocal() { return isLoad() ? getDest() : getSource(); }
    ::mlir::OperandRange getGlobalIndices() {
      return isLoad() ? getSourceIndices() : getDestIndices();
    }
    /// The region's start in the matrix: the last two global indices.
    ::mlir::OperandRange getMatrixIndices() {
      return getGlobalIndices().drop_front(getGlobalIndices().size() - 2);
    }
    /// The index of the matrix in a batched global buffer, or null.
    ::mlir::Value getBatchIndex() {
      return getGlobalIndices().size() == 3 ? getGlobalIndices()[0]
                                            : ::mlir::Value();
    }
  }];
}

def TL_GemmOp : TL_Op<"gemm"> {
  let summary = "accumulate shared A x shared B into a fragment, TileLang's `T.gemm`";
  let description = [{
    `C += op(A) * op(B)` where `op` transposes when `transpose_a` /
    `transpose_b` is set. `A` and `B` are shared buffers of one element type;
    `C` is an f32 fragment. With the transposes applied, `A` is `M x K`, `B`
    is `K x N` and `C` is `M x N`.

    Example:

    ```mlir
    tl.gemm %A_shared, %B_shared, %C_local
        : memref<64x32xbf16, #tl.scope<shared>>,
          memref<32x64xbf16, #tl.scope<shared>>,
          memref<64x64xf32, #tl.scope<fragment>>
    ```
  }];
  let arguments = (ins Arg<TL_MemRef2D, "A", [MemRead]>:$a,
                       Arg<TL_MemRef2D, "B", [MemRead]>:$b,
                       Arg<TL_MemRef2D, "C", [MemRead, MemWrite]>:$c,
                       UnitAttr:$transpose_a, UnitAttr:$transpose_b);
  let assemblyFormat = [{
    $a `,` $b `,` $c (`transpose_a` $transpose_a^)? (`transpose_b` $transpose_b^)?
    attr-dict `:` type($a) `,` type($b) `,` type($c)
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// M, K and N of the block product in elements, transposes applied.
    ::mlir::tl::MatmulShape getShape() {
      return ::mlir::tl::MatmulShape::of(getA().getType(), getB().getType(),
                                         getTransposeA(), getTransposeB());
    }
  }];
}

//===----------------------------------------------------------------------===//
// Epilogue: element-wise steps on the fragment after the K loop
//===----------------------------------------------------------------------===//

def TL_AddBiasOp : TL_Op<"add_bias"> {
  let summary = "add a bias row to every row of a fragment";
  let description = [{
    `C_local[i, j] += bias[col + j]` for every row `i`: TileLang's
    `for i, j in T.Parallel(M, N): C_local[i, j] += Bias[bx * N + j]`.
    `bias` is a global vector; the region `col ..` has the fragment's
    column count and may reach into the padding of the vector's last tile
    (it reads 0 there), not beyond it. Epilogue ops follow the K loop and
    precede the fragment's store; the bias comes first (it is added as the
    result is unpacked from its circular buffer).

    Example:

    ```mlir
    tl.add_bias %bias[%col] to %C_local
        : memref<256xbf16> to memref<64x64xf32, #tl.scope<fragment>>
    ```
  }];
  let arguments = (ins Arg<TL_BiasMemRef, "bias row", [MemRead]>:$bias,
                       Index:$col,
                       Arg<TL_MemRef2D, "fragment", [MemRead, MemWrite]>:$fragment);
  let assemblyFormat = [{
    $bias `[` $col `]` `to` $fragment attr-dict `:` type($bias) `to` type($fragment)
  }];
  let hasVerifier = 1;
}

def TL_ActivationOp : TL_Op<"activation"> {
  let summary = "apply an activation to every element of a fragment";
  let description = [{
    `C_local[i, j] = f(C_local[i, j])` for `f` one of `#tl.activation`'s
    functions: TileLang's `T.Parallel` loop over the fragment whose body the
    frontend recognizes as `f`. It lowers to the vector engine's (SFPU) op
    on the DST tiles before they are packed.

    Example:

    ```mlir
    tl.activation <gelu> %C_local : memref<64x64xf32, #tl.scope<fragment>>
    ```
  }];
  let arguments = (ins TL_ActivationAttr:$kind,
                       Arg<TL_MemRef2D, "fragment", [MemRead, MemWrite]>:$fragment);
  let assemblyFormat = "$kind $fragment attr-dict `:` type($fragment)";
  let hasVerifier = 1;
}

def TL_ScaleOp : TL_Op<"scale"> {
  let summary = "multiply every element of a fragment by a constant";
  let description = [{
    `C_local[i, j] *= factor`, on the vector engine before packing.

    Example:

    ```mlir
    tl.scale %C_local by 1.250000e-01 : memref<64x64xf32, #tl.scope<fragment>>
    ```
  }];
  let arguments = (ins Arg<TL_MemRef2D, "fragment", [MemRead, MemWrite]>:$fragment,
                       F32Attr:$factor);
  let assemblyFormat = "$fragment `by` $factor attr-dict `:` type($fragment)";
  let hasVerifier = 1;
}

#endif // TTDIALECT_TL_IR_TLOPS_TD
