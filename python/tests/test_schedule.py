"""Schedules from Python: schedule="multicast" / "reuse" / "auto", and the
compiler's explanation of its choice."""

import numpy as np
import pytest

import tilelang_tt as tilelang
from programs import matmul


def _inputs(m, k, n):
    rng = np.random.default_rng(7)
    return (rng.uniform(-1, 1, (m, k)).astype(np.float32),
            rng.uniform(-1, 1, (k, n)).astype(np.float32))


def _reference(a, b):
    # The program multiplies the bf16-rounded inputs.
    def bf16(x):
        return (x.view(np.uint32) & 0xFFFF0000).view(np.float32)
    return bf16(a).astype(np.float64) @ bf16(b).astype(np.float64)


def _check_reads_each_tile_once(kernel, m, k, n):
    """The numbers are right and each DRAM tile of A (m x k) and B (k x n)
    is read once."""
    a, b = _inputs(m, k, n)
    c = kernel(a, b)
    ref = _reference(a, b)
    # The bound the emitted check derives: a bf16 output rounding plus
    # sqrt(K tiles) bf16 DST roundings, (1 + 2) * 2^-8 < 2^-6 of max|ref|
    # for up to 4 K tiles.
    assert k // 32 <= 4
    assert np.max(np.abs(c - ref)) <= np.max(np.abs(ref)) * 2 ** -6
    profiler = kernel.get_profiler()
    profiler.do_bench()
    assert profiler.stats["noc"]["unicast_reads"] == (m // 32) * (k // 32) + (k // 32) * (n // 32)


def test_multicast_kernel_runs_and_reads_each_tile_once():
    """A T.Kernel whose 2x4 block grid fits the cores: one block per core,
    A multicast along rows, B down columns, numbers right."""
    kernel = tilelang.compile(matmul(128, 256, 128, 64, 32, 32), out_idx=[2], schedule="multicast")
    plan = kernel.plan
    assert {s["name"] for s in plan["semaphores"]} == {"row_ready", "row_valid", "col_ready", "col_valid"}
    _check_reads_each_tile_once(kernel, 128, 128, 256)


def test_tall_kernel_multicasts_b_to_the_whole_grid():
    """A T.Kernel of one column of 32 blocks (a tall, skinny C) is longer
    than the 8x8 grid's columns: folded onto 8x4 cores, each reads its own
    rows of A and core (0, 0) multicasts B's blocks to all of them."""
    kernel = tilelang.compile(matmul(1024, 32, 128, 32, 32, 32), out_idx=[2], schedule="multicast")
    plan = kernel.plan
    assert {s["name"] for s in plan["semaphores"]} == {"grid_ready", "grid_valid"}
    assert plan["cores"]["count"] == 32
    _check_reads_each_tile_once(kernel, 1024, 128, 32)


def test_reuse_reads_more_than_multicast():
    reuse = tilelang.compile(matmul(128, 256, 128, 64, 32, 32), out_idx=[2], schedule="reuse")
    assert "semaphores" not in reuse.plan
    profiler = reuse.get_profiler()
    profiler.do_bench()
    assert profiler.stats["noc"]["unicast_reads"] > (128 // 32) * (128 // 32) + (128 // 32) * (256 // 32)


def test_explain_schedule_reports_the_choice():
    kernel = tilelang.compile(matmul(128, 256, 128, 64, 32, 32), out_idx=[2], explain_schedule=True)
    text = kernel.schedule_explanation
    assert "schedule:" in text and "cycles predicted" in text
    assert tilelang.compile(matmul(128, 256, 128, 64, 32, 32), out_idx=[2]).schedule_explanation == ""


def test_bad_schedule_is_refused():
    with pytest.raises(ValueError, match="schedule must be one of auto, reuse, multicast"):
        tilelang.compile(matmul(64, 64, 64, 32, 32, 32), schedule="mcast")


def test_multicast_needs_the_grid_to_fit():
    # 256 / 32 = 8 block rows fit, 512 / 32 = 16 block columns do not.
    with pytest.raises(tilelang.CompileError, match="do not fit the 8x8 compute grid"):
        tilelang.compile(matmul(256, 512, 64, 32, 32, 32), schedule="multicast")


def test_modeled_time_orders_the_schedules():
    """The timing model ranks what each schedule moves: one-tile blocks (each
    core re-reads A and B for every output tile) are slower than 128x128
    blocks on the reuse schedule, which are slower than the same blocks with
    A and B multicast (each DRAM tile read once). Modeled, deterministic."""
    def bench(block, schedule):
        kernel = tilelang.compile(matmul(512, 512, 512, block, block, 64), out_idx=[2], schedule=schedule)
        profiler = kernel.get_profiler()
        return profiler.do_bench(), profiler.stats["noc"]["unicast_reads"]

    one_tile, one_tile_reads = bench(32, "reuse")
    reuse, reuse_reads = bench(128, "reuse")
    multicast, multicast_reads = bench(128, "multicast")
    assert one_tile > reuse > multicast
    assert one_tile_reads > reuse_reads > multicast_reads == 2 * (512 // 32) ** 2
