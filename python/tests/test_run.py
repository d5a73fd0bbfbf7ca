"""Running compiled kernels on the CPU emulator against NumPy."""

import numpy as np
import pytest

import tilelang_tt as tilelang
import tilelang_tt.language as T
from programs import batch_matmul, matmul, matmul_accumulate, matmul_transpose_a, matmul_transpose_b
from tilelang_tt import round_to_bf16

_kernels = {}


def compiled(*args, **options):
    key = (args, tuple(sorted(options.items())))
    if key not in _kernels:
        _kernels[key] = tilelang.compile(matmul(*args[:6], **dict(args[6:])), out_idx=[2], **options)
    return _kernels[key]


def requires_io(kernel):
    # The $TT_IO_DIR contract is part of every emitted program: a program
    # without it is a failure, not a skip.
    assert "TT_IO_DIR" in kernel["tt_host_support.hpp"] and "io_dir()" in kernel["host.cpp"]


def test_host_program_reads_tt_io_dir():
    """run() relies on host.cpp's $TT_IO_DIR contract: inputs from
    <buffer>.bin, outputs to <buffer>.out.bin."""
    program = compiled(64, 64, 64, 32, 32, 32)
    assert "TT_IO_DIR" in program["tt_host_support.hpp"], "the host helpers do not read TT_IO_DIR"
    assert 'load_input(a_host, "a")' in program["host.cpp"] and 'store_output(c_host, "c")' in program["host.cpp"]


def reference(a, b):
    return round_to_bf16(a).astype(np.float64) @ round_to_bf16(b).astype(np.float64)


def error_bound(kernel, ref):
    """The program's own check: max |C - ref| <= relative_bound * max |ref|
    (tt.plan.json's check.max_abs_error)."""
    return kernel.plan["check"]["max_abs_error"]["relative_bound"] * np.abs(ref).max()


@pytest.mark.parametrize("shape,blocks", [
    ((64, 64, 64), (32, 32, 32)),
    ((128, 96, 160), (32, 32, 32)),
    ((256, 256, 128), (32, 32, 32)),
    ((256, 256, 128), (128, 128, 32)),
    ((256, 256, 128), (128, 128, 128)),
])
def test_gemm_matches_numpy(shape, blocks):
    M, N, K = shape
    kernel = compiled(M, N, K, *blocks)
    requires_io(kernel)
    rng = np.random.default_rng(M * 10000 + N * 100 + K)
    a = rng.uniform(-1, 1, (M, K)).astype(np.float32)
    b = rng.uniform(-1, 1, (K, N)).astype(np.float32)
    c = kernel(a, b)
    assert isinstance(c, np.ndarray) and c.dtype == np.float32 and c.shape == (M, N)
    ref = reference(a, b)
    bound = error_bound(kernel, ref)
    assert np.abs(c - ref).max() <= bound
    assert np.corrcoef(c.ravel(), ref.ravel())[0, 1] > 0.9999
    # C is a bf16 buffer: every value is a bf16 number
    assert np.array_equal(c, round_to_bf16(c))


@pytest.mark.parametrize("shape,blocks", [
    ((1, 1, 1), (32, 32, 32)),
    ((100, 7, 257), (32, 32, 32)),
    ((33, 1000, 31), (32, 64, 32)),
    ((257, 100, 70), (96, 64, 96)),
])
def test_shapes_that_are_not_whole_tiles(shape, blocks):
    # TileLang's grid T.ceildiv(N, block_N) x T.ceildiv(M, block_M): the last
    # blocks reach into the zero padding of partial tiles.
    M, N, K = shape
    kernel = compiled(M, N, K, *blocks, ("dtype", "bfloat16"))
    requires_io(kernel)
    c_buffer = [b for b in kernel.plan["buffers"] if b["name"] == "c"][0]
    assert c_buffer["shape"] == [M, N]
    assert c_buffer["padding"] == [-M % 32, -N % 32]
    assert kernel.plan["check"]["m"] == M  # the program checks the unpadded product
    rng = np.random.default_rng(M + 7 * N + 31 * K)
    a = rng.uniform(-1, 1, (M, K)).astype(np.float32)
    b = rng.uniform(-1, 1, (K, N)).astype(np.float32)
    c = kernel(a, b)
    assert c.shape == (M, N)
    ref = reference(a, b)
    bound = error_bound(kernel, ref)
    assert np.abs(c - ref).max() <= bound


@pytest.mark.parametrize("shape,blocks", [
    ((320, 96, 128), (128, 64, 64)),   # M: 10 tiles in blocks of 4; N: 3 in blocks of 2
    ((64, 64, 96), (32, 32, 64)),      # K: 3 tiles in steps of 2, the last holding one
    ((257, 100, 70), (128, 64, 64)),   # all three, with partial tiles
])
def test_edge_blocks(shape, blocks):
    # Block sizes that do not divide the matrix: TileLang's T.ceildiv grid and
    # K loop leave edge blocks reaching past it (the reader skips the tiles
    # there, the writer drops C's rows and columns past the edge, the last K
    # step multiplies only its valid tiles).
    M, N, K = shape
    kernel = compiled(M, N, K, *blocks, ("dtype", "bfloat16"))
    requires_io(kernel)
    bm, bn = blocks[0] // 32, blocks[1] // 32
    blocks_total = -(-((M + 31) // 32) // bm) * -(-((N + 31) // 32) // bn)
    assert kernel.plan["work_splits"][0]["units"] == blocks_total
    rng = np.random.default_rng(3 * M + 5 * N + 7 * K)
    a = rng.uniform(-1, 1, (M, K)).astype(np.float32)
    b = rng.uniform(-1, 1, (K, N)).astype(np.float32)
    c = kernel(a, b)
    ref = reference(a, b)
    bound = error_bound(kernel, ref)
    assert np.isfinite(c).all() and np.abs(c - ref).max() <= bound


@pytest.mark.parametrize("shape,blocks", [
    ((64, 96, 128), (32, 32, 32)),
    ((100, 70, 257), (64, 32, 32)),
    ((256, 256, 128), (128, 128, 64)),
])
def test_transpose_b(shape, blocks):
    # T.gemm(..., transpose_B=True) with B stored N x K (attention's Q * K^T):
    # the frontend recognizes the whole product, the program checks A * B^T
    # and the result matches NumPy's a @ b.T.
    M, N, K = shape
    kernel = tilelang.compile(matmul_transpose_b(M, N, K, *blocks, dtype="bfloat16"), out_idx=[2])
    requires_io(kernel)
    assert kernel.plan["check"]["transpose_b"] and not kernel.plan["check"]["transpose_a"]
    rng = np.random.default_rng(M + 3 * N + 5 * K)
    a = rng.uniform(-1, 1, (M, K)).astype(np.float32)
    b = rng.uniform(-1, 1, (N, K)).astype(np.float32)
    c = kernel(a, b)
    assert c.shape == (M, N)
    ref = reference(a, b.T)
    bound = error_bound(kernel, ref)
    assert np.abs(c - ref).max() <= bound


@pytest.mark.parametrize("shape,blocks", [
    ((64, 96, 128), (32, 32, 32)),
    ((100, 70, 257), (64, 32, 32)),
])
def test_transpose_a(shape, blocks):
    # T.gemm(..., transpose_A=True) with A stored K x M: each A block is
    # transposed through DST on the core; the result matches a.T @ b.
    M, N, K = shape
    kernel = tilelang.compile(matmul_transpose_a(M, N, K, *blocks, dtype="bfloat16"), out_idx=[2])
    assert kernel.plan["check"]["transpose_a"] and not kernel.plan["check"]["transpose_b"]
    assert "transpose_wh_tile" in kernel["compute.cpp"]
    rng = np.random.default_rng(M + 3 * N + 5 * K)
    a = rng.uniform(-1, 1, (K, M)).astype(np.float32)
    b = rng.uniform(-1, 1, (K, N)).astype(np.float32)
    c = kernel(a, b)
    ref = reference(a.T, b)
    bound = error_bound(kernel, ref)
    assert np.abs(c - ref).max() <= bound


@pytest.mark.parametrize("shape,blocks", [
    ((64, 96, 128), (32, 32, 32)),
    ((100, 70, 257), (64, 32, 32)),
    ((128, 256, 64), (128, 128, 64)),
])
def test_accumulate(shape, blocks):
    # T.copy(C[...], C_local) in place of T.clear: C += A * B, C given as an
    # input and returned updated; the program checks C0 + A * B.
    M, N, K = shape
    kernel = tilelang.compile(matmul_accumulate(M, N, K, *blocks, dtype="bfloat16"))
    assert kernel.plan["check"]["accumulate"]
    assert [b["host"] for b in kernel.plan["buffers"]] == ["input", "input", "input_output"]
    rng = np.random.default_rng(M + 3 * N + 5 * K)
    a = rng.uniform(-1, 1, (M, K)).astype(np.float32)
    b = rng.uniform(-1, 1, (K, N)).astype(np.float32)
    c0 = rng.uniform(-1, 1, (M, N)).astype(np.float32)
    c = kernel(a, b, c0)
    ref = round_to_bf16(c0).astype(np.float64) + reference(a, b)
    bound = error_bound(kernel, ref)
    assert np.abs(c - ref).max() <= bound
    # C's initial values matter: without them the result is off by C0.
    assert np.abs(c - reference(a, b)).max() > bound


@pytest.mark.parametrize("batch,shape,blocks,shared_b", [
    (1, (64, 96, 64), (32, 32, 32), False),
    (3, (100, 70, 33), (64, 32, 32), False),
    (8, (33, 96, 64), (32, 32, 64), True),
])
def test_batch_matmul(batch, shape, blocks, shared_b):
    # T.Kernel(gx, gy, batch) as (bx, by, bz) with A[bz, ...] and C[bz, ...]:
    # the frontend recognizes the batch of whole products, the program checks
    # each matrix, and the result matches NumPy's batched a @ b (B broadcast
    # when shared).
    M, N, K = shape
    kernel = tilelang.compile(batch_matmul(batch, M, N, K, *blocks, shared_b=shared_b, dtype="bfloat16"),
                              out_idx=[2])
    requires_io(kernel)
    assert kernel.plan["check"]["batch"] == batch
    rng = np.random.default_rng(batch * 1000 + M + 3 * N + 5 * K)
    a = rng.uniform(-1, 1, (batch, M, K)).astype(np.float32)
    b = rng.uniform(-1, 1, (K, N) if shared_b else (batch, K, N)).astype(np.float32)
    c = kernel(a, b)
    assert c.shape == (batch, M, N)
    ref = round_to_bf16(a).astype(np.float64) @ round_to_bf16(b).astype(np.float64)
    bound = error_bound(kernel, ref)
    assert np.abs(c - ref).max() <= bound
    # Each matrix is its own product: matrix 0's result repeated would not do.
    if batch > 1:
        assert np.abs(c - ref[:1]).max() > bound


def test_inputs_are_rounded_like_the_device():
    kernel = compiled(64, 64, 64, 32, 32, 32)
    requires_io(kernel)
    # 1 + 0.75 ulp rounds (to nearest) up to 1 + 2^-7; truncation would give 1.
    v = np.float32(1 + 0.75 * 2.0 ** -7)
    a = np.eye(64, dtype=np.float32) * v
    b = np.ones((64, 64), np.float32)
    c = kernel(a, b)
    assert np.all(c == np.float32(1 + 2.0 ** -7))


def test_nan_and_infinity_propagate_like_numpy():
    kernel = compiled(64, 64, 64, 32, 32, 32)
    requires_io(kernel)
    rng = np.random.default_rng(11)
    a = rng.uniform(-1, 1, (64, 64)).astype(np.float32)
    b = rng.uniform(-1, 1, (64, 64)).astype(np.float32)
    a[3, 5] = np.nan      # row 3 of C becomes NaN
    b[7, 9] = np.inf      # column 9 of C becomes +-inf (or NaN where a row has a NaN)
    c = kernel(a, b)
    ref = reference(a, b)
    assert np.array_equal(np.isnan(c), np.isnan(ref))
    assert np.array_equal(np.isinf(c), np.isinf(ref))
    assert np.array_equal(np.sign(c[np.isinf(c)]), np.sign(ref[np.isinf(ref)]))
    finite = np.isfinite(ref)
    bound = error_bound(kernel, ref[finite])
    assert np.abs(c[finite] - ref[finite]).max() <= bound


def test_in_place_call_and_stats():
    kernel = compiled(64, 64, 64, 32, 32, 32)
    requires_io(kernel)
    rng = np.random.default_rng(7)
    a = rng.standard_normal((64, 64)).astype(np.float32)
    b = rng.standard_normal((64, 64)).astype(np.float64)  # any real dtype
    c = np.zeros((64, 64), np.float32)
    out = kernel.run(a, b, c, stats=True)
    assert np.array_equal(out, c) and np.abs(c).max() > 0
    assert "programs" in kernel.stats


def test_float32_program_on_blackhole():
    kernel = compiled(64, 96, 64, 32, 32, 32, ("dtype", "float32"), ("accum_dtype", "float32"),
                      device="blackhole")
    requires_io(kernel)
    assert [b["format"] for b in kernel.plan["buffers"]] == ["f32", "f32", "f32"]
    rng = np.random.default_rng(3)
    a = rng.uniform(-1, 1, (64, 64)).astype(np.float32)
    b = rng.uniform(-1, 1, (64, 96)).astype(np.float32)
    c = kernel(a, b)
    ref = a.astype(np.float64) @ b.astype(np.float64)
    bound = error_bound(kernel, ref)
    assert np.abs(c - ref).max() <= bound


def test_round_to_bf16():
    one = 1.0
    ulp = 2.0 ** -7
    x = np.array([one, one + ulp / 2, one + 3 * ulp / 2, one + ulp / 4, -(one + 3 * ulp / 4),
                  np.inf, -np.inf, 0.0, -0.0, 3.4e38, 1e-40], np.float32)
    y = round_to_bf16(x)
    assert y.dtype == np.float32
    expected = [one, one, one + 2 * ulp, one, -(one + ulp), np.inf, -np.inf, 0.0, -0.0]
    assert y[:9].tolist() == expected
    assert np.signbit(y[8])
    assert np.isinf(y[9])  # beyond bf16's largest finite value: rounds to infinity
    # subnormals round too: within half a bf16 subnormal step (2^-133)
    assert abs(float(y[10]) - float(x[10])) <= 2.0 ** -134 and y[10].view(np.uint32) & 0xFFFF == 0
    assert np.isnan(round_to_bf16(np.array([np.nan], np.float32)))[0]
    # already-bf16 values are fixed points
    assert np.array_equal(round_to_bf16(y[:9]), y[:9])


def test_fp32_dest_acc_from_python():
    """fp32 DST accumulation is reachable from compile(): the compute kernel
    is configured with it, 64x128 blocks spill through fp32 subblocks of at
    most 4 tiles, and the numbers still match NumPy within the program's own
    bound."""
    kernel = compiled(128, 256, 128, 64, 128, 32, fp32_dest_acc=True)
    compute = [k for k in kernel.plan["kernels"] if k["role"] == "compute"][0]
    assert compute["config"]["fp32_dest_acc_en"] is True
    assert "matmul_tiles" in kernel["compute.cpp"] and "cb_partials" in kernel["compute.cpp"]
    rng = np.random.default_rng(7)
    a = rng.uniform(-1, 1, (128, 128)).astype(np.float32)
    b = rng.uniform(-1, 1, (128, 256)).astype(np.float32)
    c = kernel(a, b)
    ref = reference(a, b)
    bound = error_bound(kernel, ref)
    assert np.abs(c - ref).max() <= bound
    with pytest.raises(ValueError, match="fp32_dest_acc must be True or False"):
        tilelang.compile(matmul(64, 64, 64, 32, 32, 32), fp32_dest_acc="yes")


def test_repeated_runs_reuse_one_program_directory(tmp_path, monkeypatch):
    """run() keys the program's directory by its content, so the emulator's
    host and kernel caches hit on the second call and the cache does not grow
    per call (timing is a benchmark's job; this checks the mechanism)."""
    import os

    monkeypatch.setenv("TTEMU_CACHE_DIR", str(tmp_path))
    kernel = compiled(64, 64, 64, 32, 32, 32)
    rng = np.random.default_rng(3)
    a = rng.uniform(-1, 1, (64, 64)).astype(np.float32)
    b = rng.uniform(-1, 1, (64, 64)).astype(np.float32)
    first = kernel(a, b)

    def cache_files():
        return sorted(os.path.relpath(os.path.join(d, f), tmp_path)
                      for d, _, files in os.walk(tmp_path) for f in files)

    after_first = cache_files()
    second = kernel(a, b)
    assert np.array_equal(first, second)
    assert cache_files() == after_first
    assert len(os.listdir(tmp_path / "programs")) == 1


def test_accumulator_cleared_twice_runs():
    # The first clear is redundant: the kernel is lowered as with one.
    @T.prim_func
    def f(A: T.Tensor((64, 64), "bfloat16"), B: T.Tensor((64, 64), "bfloat16"), C: T.Tensor((64, 64), "bfloat16")):
        with T.Kernel(2, 2) as (bx, by):
            A_shared = T.alloc_shared((32, 32), "bfloat16")
            B_shared = T.alloc_shared((32, 32), "bfloat16")
            C_local = T.alloc_fragment((32, 32), "float")
            T.clear(C_local)
            T.clear(C_local)
            for k in T.Pipelined(2, num_stages=2):
                T.copy(A[by * 32, k * 32], A_shared)
                T.copy(B[k * 32, bx * 32], B_shared)
                T.gemm(A_shared, B_shared, C_local)
            T.copy(C_local, C[by * 32, bx * 32])
    kernel = tilelang.compile(f, out_idx=[2])
    rng = np.random.default_rng(5)
    a = rng.uniform(-1, 1, (64, 64)).astype(np.float32)
    b = rng.uniform(-1, 1, (64, 64)).astype(np.float32)
    c = kernel(a, b)
    ref = reference(a, b)
    assert np.abs(c - ref).max() <= error_bound(kernel, ref)


GENERIC_MATMUL = """
#A = affine_map<(k, m, n) -> (m, k)>
#B = affine_map<(k, m, n) -> (n, k)>
#C = affine_map<(k, m, n) -> (m, n)>
func.func @mm(%A: memref<100x70xbf16>, %B: memref<40x70xbf16>, %C: memref<100x40xbf16>) {
  %zero = arith.constant 0.0 : bf16
  linalg.fill ins(%zero : bf16) outs(%C : memref<100x40xbf16>)
  linalg.generic {indexing_maps = [#A, #B, #C], iterator_types = ["reduction", "parallel", "parallel"]}
      ins(%A, %B : memref<100x70xbf16>, memref<40x70xbf16>) outs(%C : memref<100x40xbf16>) {
  ^bb0(%a: bf16, %b: bf16, %c: bf16):
    %p = arith.mulf %a, %b : bf16
    %s = arith.addf %c, %p : bf16
    linalg.yield %s : bf16
  }
  return
}
"""


def test_linalg_generic_matmul_from_python():
    # IR another frontend produced: a linalg.generic that is C = A * B^T.
    module = tilelang.Module.parse(GENERIC_MATMUL, name="generic.mlir")
    kernel = tilelang.compile(module, out_idx=[2])
    assert kernel.plan["check"]["transpose_b"] and not kernel.plan["check"]["transpose_a"]
    rng = np.random.default_rng(70)
    a = rng.uniform(-1, 1, (100, 70)).astype(np.float32)
    b = rng.uniform(-1, 1, (40, 70)).astype(np.float32)
    c = kernel(a, b)
    ref = reference(a, b.T)
    bound = error_bound(kernel, ref)
    assert np.abs(c - ref).max() <= bound


BATCH_MATMUL = """
func.func @bmm(%X: memref<4x64x96xbf16>, %W: memref<96x40xbf16>, %Y: memref<4x64x40xbf16>) {
  %zero = arith.constant 0.0 : bf16
  linalg.fill ins(%zero : bf16) outs(%Y : memref<4x64x40xbf16>)
  linalg.batch_matmul indexing_maps = [affine_map<(b, m, n, k) -> (b, m, k)>,
                                       affine_map<(b, m, n, k) -> (k, n)>,
                                       affine_map<(b, m, n, k) -> (b, m, n)>]
                      ins(%X, %W : memref<4x64x96xbf16>, memref<96x40xbf16>) outs(%Y : memref<4x64x40xbf16>)
  return
}
"""


@pytest.mark.parametrize("fold", [True, False])
def test_linalg_batch_matmul_from_python(fold):
    # A linalg.batch_matmul whose B is shared (its map has no batch index):
    # by default one matmul of the 256 stacked rows (no kernel counts
    # matrices), with fold_shared_batch=False a batch of four products; both
    # checked and returned matrix by matrix.
    module = tilelang.Module.parse(BATCH_MATMUL, name="bmm.mlir", fold_shared_batch=fold)
    kernel = tilelang.compile(module, out_idx=[2])
    assert kernel.plan["check"]["batch"] == 4
    assert [b["shape"] for b in kernel.plan["buffers"]] == [[4, 64, 96], [96, 40], [4, 64, 40]]
    assert ("out_matrix" in kernel["writer.cpp"] or "matrix < batch" in kernel["writer.cpp"]) != fold
    rng = np.random.default_rng(4)
    x = rng.uniform(-1, 1, (4, 64, 96)).astype(np.float32)
    w = rng.uniform(-1, 1, (96, 40)).astype(np.float32)
    y = kernel(x, w)
    assert y.shape == (4, 64, 40)
    ref = reference(x, w)
    assert np.abs(y - ref).max() <= error_bound(kernel, ref)
