"""The ``T`` namespace: ``import tilelang_tt.language as T``.

Accepts the constructs of TileLang's GEMM programs. Functions decorated with
``@T.prim_func`` are not run: their source is parsed (as TileLang does) and
turned into the ``tl`` dialect, with the location of every Python line.
"""

from ._types import Intrinsic, TensorFactory, ceildiv
from .errors import UnsupportedConstructError
from .frontend import PrimFunc, prim_func

__all__ = [
    "prim_func", "PrimFunc", "Tensor", "Buffer", "Kernel", "ceildiv",
    "alloc_shared", "alloc_fragment", "clear", "fill", "copy", "gemm",
    "Pipelined", "serial", "Parallel", "float16", "bfloat16", "float32", "bfloat8_b", "bfloat4_b",
    "max", "min", "exp", "tanh", "sigmoid", "erf", "sqrt", "abs", "if_then_else", "gelu_fast",
]

Tensor = TensorFactory("Tensor")
Buffer = TensorFactory("Buffer")

# dtype spellings TileLang programs use (T.float16, ...).
float16 = "float16"
bfloat16 = "bfloat16"
bfloat8_b = "bfloat8_b"
bfloat4_b = "bfloat4_b"
float32 = "float32"

Kernel = Intrinsic(
    "Kernel",
    "with T.Kernel(gx, gy, threads=...) as (bx, by): a grid of independent "
    "blocks; threads is accepted and ignored (a Tensix core is not a thread "
    "block).")
alloc_shared = Intrinsic(
    "alloc_shared",
    "T.alloc_shared((rows, cols), dtype): a block-local tile buffer (an L1 "
    "circular buffer).")
alloc_fragment = Intrinsic(
    "alloc_fragment",
    "T.alloc_fragment((rows, cols), dtype): the accumulator (DST registers).")
clear = Intrinsic("clear", "T.clear(fragment): zero the accumulator.")
fill = Intrinsic("fill", "T.fill(fragment, 0): zero the accumulator (only 0).")
copy = Intrinsic(
    "copy",
    "T.copy(A[row, col], A_shared) / T.copy(C_local, C[row, col]): move a "
    "region of a global buffer starting at (row, col) with the local buffer's "
    "shape.")
gemm = Intrinsic(
    "gemm",
    "T.gemm(A_shared, B_shared, C_local, transpose_A=False, transpose_B=False): "
    "C_local += A_shared @ B_shared.")
Pipelined = Intrinsic(
    "Pipelined",
    "for k in T.Pipelined(n, num_stages=s): the K loop; s is the number of K "
    "steps each input circular buffer holds.")
serial = Intrinsic("serial", "for k in T.serial(n): a K loop without pipelining.")
Parallel = Intrinsic(
    "Parallel",
    "for i, j in T.Parallel(rows, cols): an element-wise loop over the accumulator after the K "
    "loop, a fused epilogue: C_local[i, j] = f(C_local[i, j] + Bias[bx * block_N + j]) with f "
    "relu (T.max(x, 0)), gelu (erf or tanh form), silu, sigmoid, tanh, exp or a scaling.")

# Element-wise functions of epilogue expressions (inside T.Parallel).
max = Intrinsic("max", "T.max(a, b) in a T.Parallel epilogue (T.max(x, 0) is relu).")
min = Intrinsic("min", "T.min(a, b) in a T.Parallel epilogue.")
exp = Intrinsic("exp", "T.exp(x) in a T.Parallel epilogue.")
tanh = Intrinsic("tanh", "T.tanh(x) in a T.Parallel epilogue.")
sigmoid = Intrinsic("sigmoid", "T.sigmoid(x) in a T.Parallel epilogue.")
erf = Intrinsic("erf", "T.erf(x) in a T.Parallel epilogue (GELU's erf form).")
sqrt = Intrinsic("sqrt", "T.sqrt(x) in a T.Parallel epilogue.")
abs = Intrinsic("abs", "T.abs(x) in a T.Parallel epilogue.")
if_then_else = Intrinsic("if_then_else", "T.if_then_else(cond, a, b) in a T.Parallel epilogue.")
gelu_fast = Intrinsic(
    "gelu_fast",
    "T.gelu_fast(x) in a T.Parallel epilogue (tilelang_tt's own): the vector engine's fast GELU, "
    "tt-metal's gelu_tile<true>, a six-segment piecewise-linear table off the exact GELU by up to "
    "0.015, cheaper than the accurate one.")


# TileLang constructs outside what the Tenstorrent lowering takes, and why.
_UNSUPPORTED = {
    "symbolic": "shapes must be static: the pipeline plans blocks, cores and DRAM buffers for one shape "
                "(compile once per shape)",
    "dynamic": "shapes must be static: the pipeline plans blocks, cores and DRAM buffers for one shape "
               "(compile once per shape)",
    "alloc_local": "per-thread registers do not exist on a Tensix core; use T.alloc_fragment for the accumulator",
    "atomic_add": "cores do not share an accumulator: each output block is written once by one core",
    "reduce_sum": "reductions are not supported yet",
    "reduce_max": "reductions are not supported yet",
}


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    reason = _UNSUPPORTED.get(name, "tilelang_tt's T namespace has " + ", ".join(sorted(__all__)))
    raise UnsupportedConstructError("T.%s is not supported by tilelang_tt: %s" % (name, reason))
