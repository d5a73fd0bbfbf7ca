"""Every error path: the frontend's, the verifiers' and the passes' (located in
this file), bad options, and bad calls of compiled kernels."""

import os
import re

import numpy as np
import pytest

import tilelang_tt as tilelang
import tilelang_tt.language as T
from programs import matmul

HERE = os.path.abspath(__file__)


def line_of(marker):
    with open(HERE) as f:
        for number, line in enumerate(f, 1):
            if line.rstrip().endswith("# " + marker):
                return number
    raise AssertionError("no line marked %r" % marker)


def check(error, marker, message, column_of=None):
    """`error` is located at the line marked `marker` of this file (at the
    column where `column_of` starts, if given) and says `message`."""
    text = str(error.value)
    line = line_of(marker)
    match = re.search(r"%s:%d:(\d+): error: " % (re.escape(HERE), line), text)
    assert match, text
    if column_of is not None:
        with open(HERE) as f:
            source = f.read().splitlines()[line - 1]
        assert int(match.group(1)) == source.index(column_of) + 1, text
    assert message in text, text
    return text


# ---- the frontend ----------------------------------------------------------


def test_unsupported_statement():
    with pytest.raises(tilelang.FrontendError) as error:
        @T.prim_func
        def f(A: T.Tensor((64, 64), "float16")):
            with T.Kernel(2, 2) as (bx, by):
                while True:  # while
                    pass
    check(error, "while", "while loops are not supported", "while")
    assert error.value.lineno == line_of("while") and error.value.filename == HERE


def test_unsupported_dtype_in_annotation():
    with pytest.raises(tilelang.FrontendError) as error:
        @T.prim_func
        def f(A: T.Tensor((64, 64), "int8")):  # int8
            pass
    check(error, "int8", "dtype 'int8' is not supported on Tenstorrent", "T.Tensor")


def test_unsupported_dtype_in_alloc():
    with pytest.raises(tilelang.FrontendError) as error:
        @T.prim_func
        def f(A: T.Tensor((64, 64), "float16")):
            with T.Kernel(2, 2) as (bx, by):
                A_s = T.alloc_shared((32, 32), "float8_e4m3")  # fp8
    check(error, "fp8", "dtype 'float8_e4m3' is not supported", '"float8')


def test_four_dimensional_parameter():
    with pytest.raises(tilelang.FrontendError) as error:
        @T.prim_func
        def f(A: T.Tensor((2, 64, 64, 2), "float16")):  # 4d
            pass
    check(error, "4d", "only matrices (rows, cols), batches of them (batch, rows, cols) and vectors (n,) (a bias)")


def test_three_dimensional_alloc():
    with pytest.raises(tilelang.FrontendError) as error:
        @T.prim_func
        def f(A: T.Tensor((2, 64, 64), "float16")):
            with T.Kernel(2, 2, 2) as (bx, by, bz):
                A_s = T.alloc_shared((2, 32, 32), "float16")  # 3d
    check(error, "3d", "only 2-D buffers (rows, cols)")


def test_batch_slice_of_several_matrices():
    with pytest.raises(tilelang.FrontendError) as error:
        @T.prim_func
        def f(A: T.Tensor((4, 64, 64), "float16"), C: T.Tensor((4, 64, 64), "float16")):
            with T.Kernel(2, 2, 4) as (bx, by, bz):
                A_s = T.alloc_shared((32, 32), "float16")
                T.copy(A[0:2, by * 32:by * 32 + 32, 0:32], A_s)  # two matrices
    check(error, "two matrices", "picks one matrix of the batch")


def test_missing_annotation():
    with pytest.raises(tilelang.FrontendError) as error:
        @T.prim_func
        def f(A):  # no annotation
            pass
    check(error, "no annotation", "needs a T.Tensor((rows, cols), dtype) annotation")


def test_undefined_name():
    with pytest.raises(tilelang.FrontendError) as error:
        @T.prim_func
        def f(A: T.Tensor((64, 64), "float16")):
            with T.Kernel(2, undefined_extent) as (bx, by):  # undefined
                pass
    check(error, "undefined", "name 'undefined_extent' is not defined", "undefined_extent")


def test_unsupported_call():
    with pytest.raises(tilelang.FrontendError) as error:
        @T.prim_func
        def f(A: T.Tensor((64, 64), "float16")):
            with T.Kernel(2, 2) as (bx, by):
                print(bx)  # print
    check(error, "print", "calling 'print' has no effect", "print")


def test_unsupported_T_construct():
    with pytest.raises(tilelang.FrontendError) as error:
        @T.prim_func
        def f(A: T.Tensor((64, 64), "float16")):
            with T.Kernel(2, 2) as (bx, by):
                T.atomic_add(A, A)  # atomic
    check(error, "atomic", "T.atomic_add is not supported by tilelang_tt", "T.atomic_add")


def test_tilelang_names_tilelang_tt_lacks():
    # Looked up in the user's module, as TileLang programs do for shapes.
    with pytest.raises(tilelang.UnsupportedConstructError) as error:
        T.symbolic("M")
    assert "T.symbolic is not supported by tilelang_tt: shapes must be static" in str(error.value)
    assert isinstance(error.value, AttributeError) and not hasattr(T, "symbolic")
    with pytest.raises(tilelang.UnsupportedConstructError) as error:
        T.no_such_thing
    assert "tilelang_tt's T namespace has" in str(error.value) and "gemm" in str(error.value)
    # In a kernel body: a located frontend error with the same reason.
    with pytest.raises(tilelang.FrontendError) as error:
        @T.prim_func
        def f(A: T.Tensor((64, 64), "float16")):
            with T.Kernel(2, 2) as (bx, by):
                C_local = T.alloc_fragment((32, 32), "float")
                T.reduce_sum(C_local)  # reduce
    check(error, "reduce", "T.reduce_sum is not supported by tilelang_tt: reductions are not supported yet",
          "T.reduce_sum")
    # T.Parallel over the accumulator is an epilogue; one counter is not.
    with pytest.raises(tilelang.FrontendError) as error:
        @T.prim_func
        def g(A: T.Tensor((64, 64), "float16")):
            with T.Kernel(2, 2) as (bx, by):
                C_local = T.alloc_fragment((32, 32), "float")
                for i in T.Parallel(32):  # parallel
                    C_local[i, 0] = 0
    check(error, "parallel", "T.Parallel over a fragment binds two loop counters: "
          "for i, j in T.Parallel(rows, cols)", "i")


def test_kernel_writing_its_own_input():
    @T.prim_func
    def f(A: T.Tensor((64, 64), "bfloat16"), B: T.Tensor((64, 64), "bfloat16")):
        with T.Kernel(2, 2) as (bx, by):
            A_shared = T.alloc_shared((32, 32), "bfloat16")
            B_shared = T.alloc_shared((32, 32), "bfloat16")
            C_local = T.alloc_fragment((32, 32), "float")
            T.clear(C_local)
            for k in T.Pipelined(2, num_stages=2):
                T.copy(A[by * 32, k * 32], A_shared)
                T.copy(B[k * 32, bx * 32], B_shared)
                T.gemm(A_shared, B_shared, C_local)
            T.copy(C_local, A[by * 32, bx * 32])  # writes A
    with pytest.raises(tilelang.CompileError) as error:
        tilelang.compile(f)
    check(error, "writes A", "the kernel writes A (argument 0 of @f), which it also reads", "T.copy")
    assert "note: read here" in str(error.value)


def test_index_subtraction():
    with pytest.raises(tilelang.FrontendError) as error:
        @T.prim_func
        def f(A: T.Tensor((64, 64), "float16")):
            with T.Kernel(2, 2) as (bx, by):
                A_s = T.alloc_shared((32, 32), "float16")
                T.copy(A[(1 - by) * 32, 0], A_s)  # subtract
    check(error, "subtract", "supports + and * (got -)", "1 - by")


def test_runtime_value_where_a_constant_is_needed():
    with pytest.raises(tilelang.FrontendError) as error:
        @T.prim_func
        def f(A: T.Tensor((64, 64), "float16")):
            with T.Kernel(2, 2) as (bx, by):
                for k in T.Pipelined(T.ceildiv(64, bx)):  # runtime
                    pass
    check(error, "runtime", "T.ceildiv needs values known when the function is defined", "bx")


def test_kernel_arguments():
    with pytest.raises(tilelang.FrontendError) as error:
        @T.prim_func
        def f(A: T.Tensor((64, 64), "float16")):
            with T.Kernel(2, 2, prelude="x") as (bx, by):  # prelude
                pass
    check(error, "prelude", "T.Kernel argument 'prelude' is not supported")
    with pytest.raises(tilelang.FrontendError) as error:
        @T.prim_func
        def g(A: T.Tensor((64, 64), "float16")):
            with T.Kernel(2, 2) as (bx, by, bz):  # three names
                pass
    check(error, "three names", "T.Kernel has 2 grid extents but binds 3 block indices")
    with pytest.raises(tilelang.FrontendError) as error:
        @T.prim_func
        def h(A: T.Tensor((64, 64), "float16")):
            with open("x") as fh:  # not a kernel
                pass
    check(error, "not a kernel", "only `with T.Kernel(...) as (bx, by):` is supported")


def test_loop_forms():
    with pytest.raises(tilelang.FrontendError) as error:
        @T.prim_func
        def f(A: T.Tensor((64, 64), "float16")):
            with T.Kernel(2, 2) as (bx, by):
                for k in [0, 1]:  # list loop
                    pass
    check(error, "list loop", "for loops must iterate over T.Pipelined")
    with pytest.raises(tilelang.FrontendError) as error:
        @T.prim_func
        def g(A: T.Tensor((64, 64), "float16")):
            with T.Kernel(2, 2) as (bx, by):
                for k in range(0, 4, 2):  # step
                    pass
    check(error, "step", "range steps other than 1 are not supported")
    with pytest.raises(tilelang.FrontendError) as error:
        @T.prim_func
        def h(A: T.Tensor((64, 64), "float16")):
            with T.Kernel(2, 2) as (bx, by):
                for k in T.Pipelined(4, num_stages=2, order=[0, 1]):  # order
                    pass
    check(error, "order", "argument 'order' is not supported by tilelang_tt")


def test_buffer_used_after_its_kernel():
    with pytest.raises(tilelang.FrontendError) as error:
        @T.prim_func
        def f(A: T.Tensor((64, 64), "float16")):
            with T.Kernel(2, 2) as (bx, by):
                A_s = T.alloc_shared((32, 32), "float16")
            T.copy(A[0, 0], A_s)  # after kernel
    check(error, "after kernel", "'A_s' belongs to the T.Kernel at line", "A_s)")


def test_gemm_and_fill_options():
    with pytest.raises(tilelang.FrontendError) as error:
        @T.prim_func
        def f(A: T.Tensor((64, 64), "float16")):
            with T.Kernel(2, 2) as (bx, by):
                C_l = T.alloc_fragment((32, 32), "float")
                T.gemm(C_l, C_l, C_l, clear_accum=True)  # clear_accum
    check(error, "clear_accum", "T.gemm clear_accum=True is not supported")
    with pytest.raises(tilelang.FrontendError) as error:
        @T.prim_func
        def g(A: T.Tensor((64, 64), "float16")):
            with T.Kernel(2, 2) as (bx, by):
                C_l = T.alloc_fragment((32, 32), "float")
                T.fill(C_l, 1.5)  # fill
    check(error, "fill", "T.fill supports only the value 0")
    with pytest.raises(tilelang.FrontendError) as error:
        @T.prim_func
        def h(A: T.Tensor((64, 64), "float16")):
            with T.Kernel(2, 2) as (bx, by):
                T.gemm(A[0, 0], A, A)  # region operand
    check(error, "region operand", "T.gemm takes whole buffers, got a region of 'A'")


def test_slice_extent_must_match_the_local_buffer():
    with pytest.raises(tilelang.FrontendError) as error:
        @T.prim_func
        def f(A: T.Tensor((64, 64), "float16")):
            with T.Kernel(2, 2) as (bx, by):
                A_s = T.alloc_shared((32, 32), "float16")
                T.copy(A[by * 32:by * 32 + 64, 0:32], A_s)  # slice
    check(error, "slice", "the slice in dimension 0 has 64 elements but 'A_s' has 32")


def test_return_value_and_alloc_misuse():
    with pytest.raises(tilelang.FrontendError) as error:
        @T.prim_func
        def f(A: T.Tensor((64, 64), "float16")):
            return A  # return value
    check(error, "return value", "a T.prim_func returns nothing")
    with pytest.raises(tilelang.FrontendError) as error:
        @T.prim_func
        def g(A: T.Tensor((64, 64), "float16")):
            with T.Kernel(2, 2) as (bx, by):
                T.alloc_shared((32, 32), "float16")  # unassigned
    check(error, "unassigned", "assign the buffer to a name")


def test_source_must_be_readable():
    namespace = {"T": T}
    with pytest.raises(tilelang.CompileError, match="cannot read the source of f"):
        exec("@T.prim_func\ndef f(A: T.Tensor((64, 64), 'float16')):\n    pass\n", namespace)


# ---- diagnostics of the verifiers and passes, located in Python -------------


def kernel(M, block_M, block_K=32, stages=2, grid_y=None):
    grid_y = grid_y if grid_y is not None else -(-M // block_M)

    @T.prim_func
    def main(A: T.Tensor((M, 64), "float16"), B: T.Tensor((64, 64), "float16"),
             C: T.Tensor((M, 64), "float16")):
        with T.Kernel(T.ceildiv(64, 32), grid_y) as (bx, by):
            A_shared = T.alloc_shared((block_M, block_K), "float16")  # A_shared
            B_shared = T.alloc_shared((block_K, 32), "float16")
            C_local = T.alloc_fragment((block_M, 32), "float")
            T.clear(C_local)
            for k in T.Pipelined(T.ceildiv(64, block_K), num_stages=stages):
                T.copy(A[by * block_M, k * block_K], A_shared)  # load A
                T.copy(B[k * block_K, bx * 32], B_shared)
                T.gemm(A_shared, B_shared, C_local)  # gemm
            T.copy(C_local, C[by * block_M, bx * 32])
    return main


def test_verifier_diagnostic_points_at_python():
    # 96 rows in blocks of 64 on a grid of 3: the third block starts past A's
    # end (the second is an edge block, which is fine).
    with pytest.raises(tilelang.CompileError) as error:
        tilelang.compile(kernel(96, 64, grid_y=3))
    text = check(error, "load A", "'tl.copy' op region is out of bounds in dimension 0", "T.copy")
    assert error.value.pass_name is None
    # the diagnostic quotes the Python line
    assert "T.copy(A[by * block_M, k * block_K], A_shared)" in text


def test_tile_multiple_diagnostic():
    with pytest.raises(tilelang.CompileError) as error:
        tilelang.compile(kernel(64, 32, block_K=16))
    check(error, "A_shared", "dimension 1 is 16, which is not a positive multiple of the 32x32 tile")


def test_pass_diagnostic_points_at_python():
    with pytest.raises(tilelang.CompileError) as error:
        tilelang.compile(kernel(64, 32, stages=1000))
    check(error, "gemm", "circular buffers need 4100096 bytes of L1 per core but wormhole_b0 has", "T.gemm")
    assert error.value.pass_name == "tt-lower-memory-space"
    assert str(error.value).startswith("pass tt-lower-memory-space failed:")
    # the IR after every pass that ran is attached
    assert "tt-infer-shard" in error.value.stages and "tt-lower-memory-space" not in error.value.stages


def test_l1_budget_diagnostic():
    # 512 rows x 512 columns of K per stage, 64 stages: far beyond L1.
    with pytest.raises(tilelang.CompileError) as error:
        tilelang.compile(matmul(512, 512, 512, 256, 256, 512))
    assert "circular buffers need" in str(error.value)
    assert "programs.py:" in str(error.value)


# ---- options and raw IR -------------------------------------------------------


def test_bad_options():
    func = matmul(64, 64, 64, 32, 32, 32)
    with pytest.raises(ValueError, match="target 'cuda' is not supported"):
        tilelang.compile(func, target="cuda")
    with pytest.raises(ValueError, match="device must be one of"):
        tilelang.compile(func, device="grayskull")
    with pytest.raises(ValueError, match="math_fidelity must be one of"):
        tilelang.compile(func, math_fidelity="hifi5")
    with pytest.raises(ValueError, match="cb_depth must be a non-negative integer"):
        tilelang.compile(func, cb_depth=-1)
    with pytest.raises(ValueError, match=r"out_idx \[0\] names \['A'\], but the program writes \['C'\]"):
        tilelang.compile(func, out_idx=[0])
    with pytest.raises(ValueError, match="out of range"):
        tilelang.compile(func, out_idx=3)
    with pytest.raises(TypeError, match="takes a @T.prim_func"):
        tilelang.compile("not a function")
    with pytest.raises(tilelang.CompileError, match="subblock 3x1 tiles does not divide the 4x4-tile output block"):
        tilelang.compile(matmul(128, 128, 64, 128, 128, 32), subblock=(3, 1))


def test_bad_ir_text_and_pipeline():
    with pytest.raises(tilelang.CompileError, match=r"bad\.mlir:1:\d+: error"):
        tilelang.Module.parse("func.func @f( {", name="bad.mlir")
    module = tilelang.Module.from_prim_func(matmul(64, 64, 64, 32, 32, 32))
    with pytest.raises(tilelang.CompileError, match="'no-such-pass' does not refer to a registered pass"):
        module.run_pipeline("no-such-pass")


# ---- calling compiled kernels ---------------------------------------------------


@pytest.fixture(scope="module")
def small_kernel():
    return tilelang.compile(matmul(64, 64, 64, 32, 32, 32), out_idx=[2])


def test_bad_call_arguments(small_kernel):
    a = np.zeros((64, 64), np.float32)
    with pytest.raises(TypeError, match=r"takes the inputs \(A, B\) or every parameter \(A, B, C\); got 1"):
        small_kernel(a)
    with pytest.raises(ValueError, match=r"B must have shape \(64, 64\), got \(64, 32\)"):
        small_kernel(a, np.zeros((64, 32)))
    with pytest.raises(TypeError, match="real numeric array"):
        small_kernel(a, np.zeros((64, 64), np.complex64))
    with pytest.raises(ValueError, match="output C must be a NumPy array of shape"):
        small_kernel(a, a, [[0.0]])


def test_missing_emulator(small_kernel, monkeypatch, tmp_path):
    from tilelang_tt import _config

    monkeypatch.setenv("TT_RUN", str(tmp_path / "nowhere" / "tt-run"))
    monkeypatch.setattr(_config, "TT_RUN", str(tmp_path / "nowhere" / "tt-run"))
    monkeypatch.setenv("PATH", str(tmp_path))
    a = np.zeros((64, 64), np.float32)
    with pytest.raises(tilelang.RunError, match="cannot find the emulator driver tt-run"):
        small_kernel(a, a)


def test_emulator_error_becomes_an_exception(small_kernel):
    # A reader that never pushes its tiles: the emulator reports a deadlock.
    files = dict(small_kernel.files)
    assert "cb_push_back(" in files["reader.cpp"]
    files["reader.cpp"] = re.sub(r"cb_push_back\(([^;]*)\);", r"(void)0;", files["reader.cpp"])
    broken = tilelang.Artifacts(files, small_kernel.ir, small_kernel.module)
    a = np.ones((64, 64), np.float32)
    with pytest.raises(tilelang.RunError) as error:
        broken(a, a, timeout=300)
    assert error.value.returncode not in (0, None)
    assert "ttemu error" in str(error.value)


def test_kernel_compile_error_becomes_an_exception(small_kernel):
    files = dict(small_kernel.files)
    files["compute.cpp"] = files["compute.cpp"].replace("tile_regs_acquire()", "tile_regs_acquire(oops)", 1)
    broken = tilelang.Artifacts(files, small_kernel.ir, small_kernel.module)
    a = np.ones((64, 64), np.float32)
    with pytest.raises(tilelang.RunError) as error:
        broken(a, a, timeout=300)
    assert "compute.cpp" in str(error.value) and "oops" in str(error.value)
