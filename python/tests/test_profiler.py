"""Modeled timing from Python: kernel.get_profiler().do_bench(), the trace, and
TileLang's @tilelang.jit."""

import json
import warnings

import pytest

import tilelang_tt as tilelang
from programs import matmul


@pytest.fixture(scope="module")
def kernel():
    return tilelang.compile(matmul(256, 256, 256, 64, 64, 32), out_idx=[2])


def test_do_bench_gives_the_modeled_latency(kernel):
    profiler = kernel.get_profiler()
    assert "not run" in repr(profiler) and "modeled" in repr(profiler)
    latency = profiler.do_bench()
    modeled = profiler.stats["modeled"]
    assert latency == pytest.approx(modeled["microseconds"] / 1e3)
    assert latency > 0 and "ms modeled" in repr(profiler)
    # Never faster than the DRAM bandwidth allows, never above the peak.
    assert modeled["cycles"] >= modeled["dram_bound_cycles"]
    assert 0 < modeled["utilization"] <= 1
    assert modeled["bottleneck"]["shares"][0]["share"] > 0
    # Deterministic: the same program and data, the same modeled time.
    assert profiler.do_bench() == latency
    assert "modeled" in tilelang.Profiler.do_bench.__doc__


def test_modeled_time_follows_the_schedule():
    """On the reuse schedule larger blocks read A and B fewer times: the DRAM-bound
    program gets faster."""
    def bench(block):
        return tilelang.compile(matmul(256, 256, 256, block, block, 32), out_idx=[2],
                                schedule="reuse").get_profiler().do_bench()
    assert bench(64) < bench(32)


def test_trace_is_a_chrome_trace(kernel, tmp_path):
    path = kernel.get_profiler().trace(tmp_path / "mm.json")
    trace = json.load(open(path))
    assert trace["otherData"]["time"] == "modeled"
    spans = [e for e in trace["traceEvents"] if e["ph"] == "X"]
    assert {"wait", "math", "dram"} <= {e["cat"] for e in spans}


def test_jit_compiles_once_per_arguments():
    calls = []

    @tilelang.jit(out_idx=[-1])
    def gemm(M, N, K, block):
        calls.append((M, N, K, block))
        return matmul(M, N, K, block, block, block)

    first = gemm(64, 64, 64, 32)
    assert gemm(64, 64, 64, 32) is first and len(calls) == 1
    assert isinstance(first, tilelang.Artifacts) and first.out_idx == [2]
    second = gemm(128, 64, 64, 32)
    assert second is not first and len(calls) == 2
    assert gemm.__name__ == "gemm"


def test_jit_on_a_prim_func_compiles_it():
    assert isinstance(tilelang.jit(matmul(64, 64, 64, 32, 32, 32)), tilelang.Artifacts)


def test_jit_factory_must_return_a_prim_func():
    @tilelang.jit
    def not_a_kernel():
        return 42

    with pytest.raises(TypeError, match="not a @T.prim_func"):
        not_a_kernel()


def test_ignored_tilelang_options_warn():
    func = matmul(64, 64, 64, 32, 32, 32)
    with pytest.warns(UserWarning, match="ignores pass_configs"):
        tilelang.compile(func, pass_configs={"tl.disable_tma_lower": True})
    with pytest.warns(UserWarning, match="ignores execution_backend"):
        tilelang.compile(func, execution_backend="cython")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        tilelang.compile(func)
