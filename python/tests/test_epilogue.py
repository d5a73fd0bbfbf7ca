"""Fused epilogues from TileLang: a T.Parallel loop over the accumulator after
the K loop (bias + activation) runs inside the compute kernel."""

import math

import numpy as np
import pytest

import tilelang_tt as tilelang
import tilelang_tt.language as T
from programs import matmul_bias_gelu
from tilelang_tt import epilogue as _epilogue
from tilelang_tt import quantize_bfp8_b, round_to_bf16


def gelu_tanh(x):
    return 0.5 * x * (1 + np.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x ** 3)))


def epilogue_bound(kernel, z, out):
    """Per element: GELU's slope is at most 1.13, so z's error (the matmul's
    bound on max|z|, the product's unpacking as a 10-bit mantissa, 2^-11,
    and its bf16 DST rounding, 2^-8) grows by at most 1.13; the device
    computes the tanh form as the accurate GELU (they differ by under
    4.74e-4), to 1 ULP of bf16 DST (2^-7), and the bf16 output rounds (2^-8)."""
    relative = kernel.plan["check"]["max_abs_error"]
    product = (np.sqrt(relative["dst_roundings"]) * relative["u_dst"] + relative["u_mul"]
               + relative["u_in"]) * np.abs(z).max()
    return (1.13 * (product + (2.0 ** -11 + 2.0 ** -8) * np.abs(z)) + 4.74e-4
            + (2.0 ** -7 + 2.0 ** -8) * (np.abs(out) + 4.74e-4))


def test_parallel_epilogue_lowers_to_the_kernel_ops():
    program = matmul_bias_gelu(64, 96, 128, 32, 32, 32)
    script = program.script()
    assert "tl.add_bias %Bias[" in script
    assert "tl.activation <gelu_tanh> %C_local" in script
    assert "whole_matmul" in script
    kernel = tilelang.compile(program, out_idx=[2])
    compute = kernel.files["compute.cpp"]
    assert "add_tiles_bcast_rows(cb_partials, cb_bias" in compute
    # The tanh form runs as the accurate GELU (tt-metal's fast mode is a coarse table).
    assert "gelu_tile<false>(" in compute
    assert kernel.plan["check"]["epilogue"]["steps"] == [{"activation": "gelu_tanh"}]


@pytest.mark.parametrize("b_dtype,fidelity", [("bfloat16", "hifi4"), ("bfloat8_b", "lofi")])
def test_bias_gelu_epilogue_matches_numpy(b_dtype, fidelity):
    M, N, K = 96, 128, 256
    kernel = tilelang.compile(matmul_bias_gelu(M, N, K, 32, 64, 64, b_dtype), out_idx=[2],
                              math_fidelity=fidelity)
    rng = np.random.default_rng(3)
    a = rng.uniform(-1, 1, (M, K)).astype(np.float32)
    b = rng.uniform(-1, 1, (K, N)).astype(np.float32)
    bias = rng.uniform(-2, 2, N).astype(np.float32)
    c = kernel(a, b, bias)
    weights = quantize_bfp8_b(round_to_bf16(b)) if b_dtype == "bfloat8_b" else round_to_bf16(b)
    z = round_to_bf16(a).astype(np.float64) @ weights.astype(np.float64) + round_to_bf16(bias)
    ref = gelu_tanh(z)
    assert np.all(np.abs(c - ref) <= epilogue_bound(kernel, z, ref))
    # The epilogue is visible: without it the result would be far off.
    assert np.abs(c - round_to_bf16(z)).max() > 0.1


def test_relu_as_max_and_a_scaling_without_bias():
    M = N = K = 64

    @T.prim_func
    def main(A: T.Tensor((M, K), "bfloat16"), B: T.Tensor((K, N), "bfloat16"), C: T.Tensor((M, N), "float32")):
        with T.Kernel(T.ceildiv(N, 32), T.ceildiv(M, 32)) as (bx, by):
            A_shared = T.alloc_shared((32, 32), "bfloat16")
            B_shared = T.alloc_shared((32, 32), "bfloat16")
            C_local = T.alloc_fragment((32, 32), "float")
            T.clear(C_local)
            for k in T.Pipelined(K // 32):
                T.copy(A[by * 32, k * 32], A_shared)
                T.copy(B[k * 32, bx * 32], B_shared)
                T.gemm(A_shared, B_shared, C_local)
            for i, j in T.Parallel(32, 32):
                C_local[i, j] = T.max(C_local[i, j], 0)
                C_local[i, j] *= 0.25
            T.copy(C_local, C[by * 32, bx * 32])

    assert "tl.activation <relu>" in main.script() and "tl.scale %C_local by 0.25" in main.script()
    kernel = tilelang.compile(main, out_idx=[2], fp32_dest_acc=True)
    rng = np.random.default_rng(9)
    a, b = rng.uniform(-1, 1, (M, K)), rng.uniform(-1, 1, (K, N))
    c = kernel(a, b)
    ref = 0.25 * np.maximum(round_to_bf16(a).astype(np.float64) @ round_to_bf16(b).astype(np.float64), 0)
    relative = kernel.plan["check"]["max_abs_error"]["relative_bound"]
    assert np.abs(c - ref).max() <= 0.25 * relative * np.abs(ref / 0.25).max() + 1e-6
    assert (c == 0).sum() > 0.3 * c.size  # relu zeroed the negative half


def test_fast_gelu_is_asked_for_by_name_and_runs_the_table():
    M = N = K = 64

    @T.prim_func
    def main(A: T.Tensor((M, K), "bfloat16"), B: T.Tensor((K, N), "bfloat16"), C: T.Tensor((M, N), "float32")):
        with T.Kernel(T.ceildiv(N, 32), T.ceildiv(M, 32)) as (bx, by):
            A_shared = T.alloc_shared((32, 32), "bfloat16")
            B_shared = T.alloc_shared((32, 32), "bfloat16")
            C_local = T.alloc_fragment((32, 32), "float")
            T.clear(C_local)
            for k in T.Pipelined(K // 32):
                T.copy(A[by * 32, k * 32], A_shared)
                T.copy(B[k * 32, bx * 32], B_shared)
                T.gemm(A_shared, B_shared, C_local)
            for i, j in T.Parallel(32, 32):
                C_local[i, j] = T.gelu_fast(C_local[i, j])
            T.copy(C_local, C[by * 32, bx * 32])

    assert "tl.activation <gelu_fast>" in main.script()
    kernel = tilelang.compile(main, out_idx=[2], fp32_dest_acc=True)
    assert "gelu_tile<true>(" in kernel.files["compute.cpp"]
    rng = np.random.default_rng(4)
    a, b = rng.uniform(-1, 1, (M, K)), rng.uniform(-1, 1, (K, N))
    z = round_to_bf16(a).astype(np.float64) @ round_to_bf16(b).astype(np.float64)
    table = np.vectorize(_epilogue._gelu_fast)(z)
    c = kernel(a, b)
    # fp32 DST and output: the table's value to a few fp32 ulps, plus the product's bound through the
    # table's steepest slope (0.5 + 0.6189).
    relative = kernel.plan["check"]["max_abs_error"]["relative_bound"]
    assert np.abs(c - table).max() <= 1.12 * relative * np.abs(z).max() + 1e-5 * np.abs(table).max() + 1e-6
    assert np.abs(c - gelu_tanh(z)).max() > 0.005  # the table, not the exact function


def test_unmappable_expression_is_refused_at_its_line():
    with pytest.raises(tilelang.CompileError) as err:
        @T.prim_func
        def main(A: T.Tensor((64, 64), "bfloat16"), B: T.Tensor((64, 64), "bfloat16"),
                 C: T.Tensor((64, 64), "bfloat16")):
            with T.Kernel(2, 2) as (bx, by):
                A_shared = T.alloc_shared((32, 32), "bfloat16")
                B_shared = T.alloc_shared((32, 32), "bfloat16")
                C_local = T.alloc_fragment((32, 32), "float")
                T.clear(C_local)
                for k in T.Pipelined(2):
                    T.copy(A[by * 32, k * 32], A_shared)
                    T.copy(B[k * 32, bx * 32], B_shared)
                    T.gemm(A_shared, B_shared, C_local)
                for i, j in T.Parallel(32, 32):
                    C_local[i, j] = C_local[i, j] * C_local[i, j]
                T.copy(C_local, C[by * 32, bx * 32])

    assert "cannot map this expression to the compute kernel's epilogue" in str(err.value)
    assert "test_epilogue.py" in str(err.value)
