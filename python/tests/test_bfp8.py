"""Weights stored as block floating point (dtype "bfloat8_b", ttnn's bfloat8_b):
the host converts them as tt-metal does, and NumPy computes the same values
with tilelang_tt.quantize_bfp8_b."""

import numpy as np
import pytest

import tilelang_tt as tilelang
from programs import matmul_dtypes
from tilelang_tt import quantize_bfp4_b, quantize_bfp8_b, round_to_bf16


def test_quantize_bfp8_b_rounds_and_saturates_like_the_host():
    row = np.zeros((1, 32), np.float32)
    row[0, :6] = [1.0, 1 + 1 / 128, 1 + 3 / 128, 1.999, -1.5, 0.25 + 1 / 512]
    row[0, 16:19] = [8.0, 0.3, -0.01]  # a second group of 16: its own exponent
    q = quantize_bfp8_b(row)
    assert q[0, :6].tolist() == [1.0, 1.0, 1.03125, 127 / 64, -1.5, 0.25]
    assert q[0, 16:19].tolist() == [8.0, 0.25, 0.0]
    assert not np.signbit(q[0, 18])


def test_bfp8_b_weights_are_held_as_numpy_quantizes_them():
    """A = I: C is exactly the values B's Bfp8_b tiles hold (bfp8_b values
    are exact in bf16 and in every product by 1)."""
    program = matmul_dtypes(64, 96, 64, 32, 32, 32, "bfloat16", "bfloat8_b", "float32")
    assert "memref<64x96xbf16> {tt.format = #tt.format<bfp8_b>}" in program.script()
    kernel = tilelang.compile(program, out_idx=[2])
    rng = np.random.default_rng(7)
    b = (rng.standard_normal((64, 96)) * np.exp2(rng.integers(-6, 6, (64, 96)))).astype(np.float32)
    c = kernel(np.eye(64, dtype=np.float32), b)
    np.testing.assert_array_equal(c, quantize_bfp8_b(round_to_bf16(b)))
    assert not np.array_equal(c, round_to_bf16(b))  # the quantization is visible


@pytest.mark.parametrize("fidelity", ["lofi", "hifi2", "hifi4"])
def test_gemm_with_bfp8_b_weights_matches_numpy(fidelity):
    M, N, K = 96, 128, 160
    kernel = tilelang.compile(matmul_dtypes(M, N, K, 32, 64, 32, "bfloat16", "bfloat8_b", "bfloat16"),
                              out_idx=[2], math_fidelity=fidelity)
    rng = np.random.default_rng(11)
    a = rng.uniform(-1, 1, (M, K)).astype(np.float32)
    b = rng.uniform(-1, 1, (K, N)).astype(np.float32)
    c = kernel(a, b)
    ref = round_to_bf16(a).astype(np.float64) @ quantize_bfp8_b(round_to_bf16(b)).astype(np.float64)
    bound = kernel.plan["check"]["max_abs_error"]["relative_bound"] * np.abs(ref).max()
    assert np.abs(c - ref).max() <= bound


def test_bfp8_b_result_is_refused_at_the_users_line():
    with pytest.raises(tilelang.CompileError) as err:
        tilelang.compile(matmul_dtypes(64, 64, 64, 32, 32, 32, "bfloat16", "bfloat16", "bfloat8_b"))
    assert "block floating point results are not supported yet" in str(err.value)
    assert "test_bfp8.py" in str(err.value) or "programs.py" in str(err.value)


def test_bfp4_b_weights_are_held_as_numpy_quantizes_them():
    """As for bfloat8_b, with 3-bit magnitudes (576-byte Bfp4_b tiles)."""
    kernel = tilelang.compile(matmul_dtypes(64, 96, 64, 32, 32, 32, "bfloat16", "bfloat4_b", "float32"),
                              out_idx=[2])
    rng = np.random.default_rng(5)
    b = (rng.standard_normal((64, 96)) * np.exp2(rng.integers(-4, 4, (64, 96)))).astype(np.float32)
    c = kernel(np.eye(64, dtype=np.float32), b)
    np.testing.assert_array_equal(c, quantize_bfp4_b(round_to_bf16(b)))
    assert not np.array_equal(c, quantize_bfp8_b(round_to_bf16(b)))
