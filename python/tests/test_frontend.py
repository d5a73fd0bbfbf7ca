"""The frontend: TileLang source -> tl IR text, with Python locations."""

import re

import pytest

import tilelang_tt as tilelang
import tilelang_tt.language as T
from programs import matmul

HERE = __file__


def line_of(marker):
    with open(HERE) as f:
        for number, line in enumerate(f, 1):
            if line.rstrip().endswith("# " + marker):
                return number
    raise AssertionError("no line marked %r" % marker)


def test_canonical_example_becomes_tl_ir():
    func = matmul(256, 256, 128, 32, 64, 32)
    assert isinstance(func, tilelang.PrimFunc)
    ir = func.script()
    assert "func.func @main(%A: memref<256x128xbf16>" in ir
    assert "%B: memref<128x256xbf16>" in ir and "%C: memref<256x256xbf16>" in ir
    # ceildiv(N, block_N) x ceildiv(M, block_M) blocks, bound to (bx, by)
    assert re.search(r"tl\.kernel \[4, 8\] as \(%bx [^)]*\), %by [^)]*\)\) whole_matmul \{", ir)
    assert "tl.alloc_shared : memref<32x32xbf16, #tl.scope<shared>>" in ir
    assert "tl.alloc_shared : memref<32x64xbf16, #tl.scope<shared>>" in ir
    assert "tl.alloc_fragment : memref<32x64xf32, #tl.scope<fragment>>" in ir
    assert "tl.pipelined %k in 4 stages 3 {" in ir
    assert re.search(r"tl\.copy %A\[%\w+, %\w+\] to %A_shared : memref<256x128xbf16> to", ir)
    assert re.search(r"tl\.copy %C_local to %C\[%\w+, %\w+\] : memref<32x64xf32, #tl.scope<fragment>> to", ir)
    assert "tl.gemm %A_shared, %B_shared, %C_local :" in ir
    assert "arith.muli %by, %c32 : index" in ir and "arith.muli %bx, %c64 : index" in ir
    assert [p.name for p in func.params] == ["A", "B", "C"]
    assert func.params[0].shape == (256, 128) and func.params[0].dtype == "float16"


def test_only_the_whole_product_is_stated():
    """The frontend states whole_matmul for the canonical GEMM it traced (the
    emitted program then checks C = A * B); a kernel computing anything
    else is not marked, so no reference check can reject a correct run."""
    M = N = K = 64

    @T.prim_func
    def half_k(A: T.Tensor((M, K), "float16"), B: T.Tensor((K, N), "float16"), C: T.Tensor((M, N), "float16")):
        with T.Kernel(2, 2) as (bx, by):
            A_shared = T.alloc_shared((32, 32), "float16")
            B_shared = T.alloc_shared((32, 32), "float16")
            C_local = T.alloc_fragment((32, 32), "float")
            T.clear(C_local)
            for k in T.Pipelined(1):
                T.copy(A[by * 32, k * 32], A_shared)
                T.copy(B[k * 32, bx * 32], B_shared)
                T.gemm(A_shared, B_shared, C_local)
            T.copy(C_local, C[by * 32, bx * 32])

    @T.prim_func
    def swapped_blocks(A: T.Tensor((M, K), "float16"), B: T.Tensor((K, N), "float16"), C: T.Tensor((M, N), "float16")):
        with T.Kernel(2, 2) as (bx, by):
            A_shared = T.alloc_shared((32, 32), "float16")
            B_shared = T.alloc_shared((32, 32), "float16")
            C_local = T.alloc_fragment((32, 32), "float")
            T.clear(C_local)
            for k in T.Pipelined(2):
                T.copy(A[bx * 32, k * 32], A_shared)
                T.copy(B[k * 32, bx * 32], B_shared)
                T.gemm(A_shared, B_shared, C_local)
            T.copy(C_local, C[by * 32, bx * 32])

    @T.prim_func
    def no_clear(A: T.Tensor((M, K), "float16"), B: T.Tensor((K, N), "float16"), C: T.Tensor((M, N), "float16")):
        with T.Kernel(2, 2) as (bx, by):
            A_shared = T.alloc_shared((32, 32), "float16")
            B_shared = T.alloc_shared((32, 32), "float16")
            C_local = T.alloc_fragment((32, 32), "float")
            for k in T.Pipelined(2):
                T.copy(A[by * 32, k * 32], A_shared)
                T.copy(B[k * 32, bx * 32], B_shared)
                T.gemm(A_shared, B_shared, C_local)
            T.copy(C_local, C[by * 32, bx * 32])

    assert "whole_matmul" in matmul(M, N, K, 32, 32, 32).script()
    for func in (half_k, swapped_blocks, no_clear):
        assert "whole_matmul" not in func.script(), func.name


def test_every_op_carries_a_python_location():
    func = matmul(64, 64, 64, 32, 32, 32)
    ir = func.script()
    source = re.escape(func.filename)
    lines = [l for l in ir.splitlines() if l.strip()]
    for line in lines:
        if line.endswith("{"):
            continue  # a region op: its location follows its closing brace
        assert re.search(r'loc\(("\w+"\()?"%s":\d+:\d+\)' % source, line), line
    opened = sum(l.endswith("{") for l in lines)
    assert opened == 3 and sum(l.strip().startswith("} loc(") for l in lines) == opened
    # the T.gemm line of programs.py, column of `T.gemm`
    with open(func.filename) as f:
        lines = f.read().splitlines()
    gemm_line = next(i for i, l in enumerate(lines, 1) if "T.gemm(A_shared" in l)
    col = lines[gemm_line - 1].index("T.gemm") + 1
    assert re.search(r'tl\.gemm .* loc\("%s":%d:%d\)' % (source, gemm_line, col), ir)


def test_ir_parses_and_verifies():
    module = tilelang.Module.from_prim_func(matmul(128, 96, 160, 32, 32, 32))
    text = str(module)
    assert "loc(" not in text
    assert "%A_shared = tl.alloc_shared" in text


def test_dtypes():
    f32 = matmul(64, 64, 64, 32, 32, 32, dtype="float32", accum_dtype="float32")
    assert "memref<64x64xf32>" in f32.script()
    bf16 = matmul(64, 64, 64, 32, 32, 32, dtype="bfloat16")
    assert "memref<64x64xbf16>" in bf16.script()
    assert "memref<32x32xf32, #tl.scope<fragment>>" in bf16.script()


def make_variants(M, N, K, bm, bn, bk):
    @T.prim_func
    def variants(A: T.Buffer[(M, K), T.float16], B: T.Buffer[(K, N), "float16"],
                 C: T.Buffer[(M, N), "float16"]):
        """Older spellings and meta-programming."""
        with T.Kernel(N // bn, T.ceildiv(M, bm)) as (bx, by):
            A_s = T.alloc_shared((bm, bk), "float16")
            B_s = T.alloc_shared((bk, bn), "float16")
            C_l = T.alloc_fragment((bm, bn), "float32")
            T.fill(C_l, 0)
            row = by * bm
            steps = K // bk
            if steps > 0:
                for k in range(steps):
                    T.copy(A[row:row + bm, k * bk:(k + 1) * bk], A_s)
                    T.copy(B[k * bk, bx * bn + 0], B_s)
                    T.gemm(A_s, B_s, C_l, False, False)
            else:
                pass
            T.copy(C_l, C[row, bx * bn])
    return variants


def test_meta_programming_and_older_spellings():
    ir = make_variants(64, 96, 128, 32, 32, 32).script()
    assert "tl.kernel [3, 2]" in ir
    # range(n) is a K loop with one stage
    assert "tl.pipelined %k in 4 stages 1" in ir
    assert "tl.clear %C_l" in ir
    # a named index keeps its name; the slice's start is the region
    assert re.search(r"%row = arith.muli %by, %c32 : index", ir)
    assert re.search(r"tl\.copy %A\[%row, %\w+\] to %A_s", ir)


def test_pipelined_start_stop_and_zero_stages():
    @T.prim_func
    def f(A: T.Tensor((64, 64), "float16"), B: T.Tensor((64, 64), "float16"),
          C: T.Tensor((64, 64), "float16")):
        with T.Kernel(2, 2) as (bx, by):
            A_s = T.alloc_shared((32, 32), "float16")
            B_s = T.alloc_shared((32, 32), "float16")
            C_l = T.alloc_fragment((32, 32), "float")
            T.clear(C_l)
            for k in T.Pipelined(0, 2, num_stages=0):
                T.copy(A[by * 32, k * 32], A_s)
                T.copy(B[k * 32, bx * 32], B_s)
                T.gemm(A_s, B_s, C_l)
            T.copy(C_l, C[by * 32, bx * 32])

    assert "tl.pipelined %k in 2 stages 1" in f.script()


def test_transpose_flags_reach_the_ir():
    @T.prim_func
    def f(A: T.Tensor((64, 64), "float16"), B: T.Tensor((64, 64), "float16"),
          C: T.Tensor((64, 64), "float16")):
        with T.Kernel(2, 2) as (bx, by):
            A_s = T.alloc_shared((32, 32), "float16")
            B_s = T.alloc_shared((32, 32), "float16")
            C_l = T.alloc_fragment((32, 32), "float")
            T.clear(C_l)
            for k in T.Pipelined(2, num_stages=2):
                T.copy(A[k * 32, by * 32], A_s)
                T.copy(B[bx * 32, k * 32], B_s)
                T.gemm(A_s, B_s, C_l, transpose_A=True, transpose_B=True)
            T.copy(C_l, C[by * 32, bx * 32])

    assert "tl.gemm %A_s, %B_s, %C_l transpose_a transpose_b :" in f.script()


def test_prim_func_is_not_called():
    func = matmul(64, 64, 64, 32, 32, 32)
    with pytest.raises(TypeError, match="compile it first"):
        func(None, None, None)
    with pytest.raises(RuntimeError, match="only be used inside"):
        T.copy(None, None)
    assert T.ceildiv(65, 32) == 3
    assert "main" in repr(func)
