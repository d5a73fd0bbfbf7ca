"""compile(): the pipeline in-process, artifacts, plan, IR stages."""

import json
import os

import pytest

import tilelang_tt as tilelang
from conftest import REPO_ROOT
from programs import matmul

FILES = ["reader.cpp", "compute.cpp", "writer.cpp", "host.cpp", "tt_host_support.hpp", "tt.plan.json",
         "CMakeLists.txt", "README.txt"]


@pytest.fixture(scope="module")
def artifacts():
    return tilelang.compile(matmul(128, 96, 160, 32, 32, 32), target="tenstorrent", device="wormhole_b0")


def test_files(artifacts):
    assert list(artifacts) == FILES
    assert len(artifacts) == len(FILES)
    assert "void kernel_main()" in artifacts["reader.cpp"]
    assert "matmul_tiles" in artifacts.get_kernel_source("compute")
    assert "CreateKernel" in artifacts["host.cpp"]
    assert repr(artifacts).startswith("<tilelang_tt.Artifacts programs.py.mlir")


def test_plan(artifacts):
    plan = artifacts.plan
    assert plan == json.loads(artifacts["tt.plan.json"])
    assert plan["device"]["arch"] == "wormhole_b0"
    assert [(b["name"], b["shape"], b["host"]) for b in plan["buffers"]] == [
        ("a", [128, 160], "input"), ("b", [160, 96], "input"), ("c", [128, 96], "output")]
    # 4 x 3 output blocks of 32x32, one per core
    assert plan["cores"]["count"] == 12
    check = plan["check"]
    assert (check["m"], check["k"], check["n"]) == (128, 160, 96)
    assert [(b["param"], b["name"]) for b in artifacts.buffers] == [("A", "a"), ("B", "b"), ("C", "c")]


def test_write(artifacts, tmp_path):
    out = artifacts.write(tmp_path / "prog")
    assert sorted(os.listdir(out)) == sorted(FILES)
    with open(os.path.join(out, "compute.cpp")) as f:
        assert f.read() == artifacts["compute.cpp"]


def test_ir_after_each_stage(artifacts):
    stages = list(artifacts.ir)
    assert stages[0] == "tl" and stages[-1] == "tt"
    for name in ["tt-apply-target-defaults", "tt-infer-schedule", "tt-infer-shard", "tt-grid-to-persistent",
                 "tt-lower-memory-space", "tt-tensorize", "tt-split-kernels", "tt-lower-dataflow", "tt-build-program", "tt-verify"]:
        assert name in stages
    assert "tl.kernel [3, 4]" in artifacts.ir_after("tl")
    assert "tt.work_split = #tt.work_split<" in artifacts.ir_after("tt-infer-schedule")
    assert "tt.core_tile_range" in artifacts.ir_after("tt-grid-to-persistent")
    assert "tt.get_cb" in artifacts.ir_after("tt-lower-memory-space")
    assert "tt.program @main" in artifacts.ir_after("tt")
    with pytest.raises(KeyError, match="no stage 'nope'; stages: tl, "):
        artifacts.ir_after("nope")


def test_block_sizes_follow_the_program():
    # 128x128 blocks (16 tiles, beyond DST: spilled partial sums) on 4 cores.
    art = tilelang.compile(matmul(256, 256, 128, 128, 128, 32))
    assert art.plan["cores"]["count"] == 4
    assert any(cb["name"] == "c_24" for cb in art.plan["circular_buffers"])
    # num_stages=3 K steps of a 128x32 A block in the first input CB
    cb0 = next(cb for cb in art.plan["circular_buffers"] if cb["index"] == 0)
    assert cb0["pages"] == 3 * 4


def test_options_reach_the_pipeline():
    art = tilelang.compile(matmul(64, 64, 64, 32, 32, 32), device="blackhole", math_fidelity="hifi2",
                           cb_depth=4, out_idx=-1)
    assert art.plan["device"]["arch"] == "blackhole"
    compute = next(k for k in art.plan["kernels"] if k["role"] == "compute")
    assert "HiFi2" in json.dumps(compute["config"])
    assert next(cb for cb in art.plan["circular_buffers"] if cb["index"] == 0)["pages"] == 4
    assert art.out_idx == [2]
    assert "tl-to-tt-pipeline{device=blackhole math-fidelity=hifi2 cb-depth=4}" == art.module.pipeline


def test_whole_buffer_ir_with_block_options():
    with open(os.path.join(REPO_ROOT, "examples", "matmul_tl.mlir")) as f:
        module = tilelang.Module.parse(f.read(), name="matmul_tl.mlir", block_n=32, stages=1)
    art = tilelang.compile(module)
    assert art.plan["check"]["n"] == 96
    assert "tl.kernel [3, 2]" in art.ir_after("tl-matmul-to-kernel")


def test_pipeline_text():
    assert tilelang.pipeline_text() == "tl-to-tt-pipeline{device=wormhole_b0 math-fidelity=hifi4 cb-depth=0}"
    assert "subblock-h=2 subblock-w=4" in tilelang.pipeline_text(subblock=(2, 4))


def test_stages_are_made_when_first_read():
    """emit() compiles without printing the IR; the stages and the lowered
    module come when first read, the same as a compile that prints them."""
    module = tilelang.Module.from_prim_func(matmul(128, 96, 160, 32, 32, 32), explain_schedule=True)
    fast = module.emit()
    assert fast._ir is None
    slow = module._emit_with_stages()
    assert dict(fast) == dict(slow)
    assert "schedule:" in fast.schedule_explanation
    assert fast.schedule_explanation == slow.schedule_explanation
    assert fast.ir == slow.ir and fast._ir is not None
    assert fast.module.stage == slow.module.stage == "tt-verify"
