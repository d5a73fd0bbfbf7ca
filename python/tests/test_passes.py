"""The scripted flow, step by step."""

import pytest

import tilelang_tt as tilelang
from tilelang_tt import passes as tt
from programs import matmul


@pytest.fixture(scope="module")
def func():
    return matmul(256, 256, 256, 32, 32, 32)


def test_scripted_flow(func):
    mod = tt.apply_tt_defaults(func)
    assert isinstance(mod, tilelang.Module) and mod.stage == "tt-apply-target-defaults"
    text = str(mod)
    assert ("tt.target = #tt.target<device = <wormhole_b0>, math_fidelity = hifi4, "
            "fp32_dest_acc = false>") in text

    mod = tt.plan_work(mod)
    assert mod.applied[-2:] == ["tt-infer-schedule", "tt-infer-shard"]
    text = str(mod)
    # 64 one-tile blocks, one per core of the 8x8 grid: the cost model prefers
    # multicasting A along core rows and B down core columns for them
    assert "units = 64, grid_x = 8, grid_y = 8, row_wise = true, cores = 64" in text
    assert "tt.multicast = #tt.along<row>" in text and "tt.multicast = #tt.along<column>" in text
    assert text.count("tt.shard = #tt.shard<layout = dram_interleaved") == 3

    mod = tt.lower_memory_space(mod)
    assert "tt.get_cb" in str(mod) and "tl.kernel" in str(mod) and "tl.copy" not in str(mod)
    mod = tt.grid_to_persistent(mod)
    assert "tt.core_tile_range" in str(mod) and "tl.kernel" not in str(mod)
    mod = tt.lower_to_tiles(mod)
    assert mod.stage == "tt-tensorize" and "tt.matmul_tiles" in str(mod)

    artifacts = tt.emit_tt_artifacts(mod)
    for name in ["compute.cpp", "reader.cpp", "writer.cpp", "host.cpp", "tt.plan.json"]:
        assert name in artifacts
    assert "for (" in artifacts["compute.cpp"]
    host = artifacts["host.cpp"]
    for api in ["CreateProgram", "CreateKernel", "SetRuntimeArgs", "CreateCircularBuffer"]:
        assert api in host
    # the same program compile() makes in one go
    assert dict(artifacts) == dict(tilelang.compile(func))
    # the IR of every stage came along
    assert list(artifacts.ir)[:8] == ["tl", "convert-linalg-to-tl", "tl-fuse-linalg-epilogue",
                                      "tl-fold-shared-batch", "tt-apply-target-defaults",
                                      "tt-split-mesh", "tt-select-schedule", "tl-matmul-to-kernel"]


def test_every_pass_one_by_one(func):
    mod = tt.module(func)
    assert mod.stage == "tl"
    for step in [tt.apply_tt_defaults, tt.infer_default_tt_schedule, tt.infer_default_tt_shard,
                 tt.lower_memory_space, tt.grid_to_persistent, tt.tensorize,
                 tt.split_kernels, tt.lower_dataflow, tt.build_program, tt.verify]:
        mod = step(mod)
    assert mod.stage == "tt-verify" and mod.done
    assert "tt.program @main" in str(mod)
    assert tt.emit_tt_artifacts(mod).plan["cores"]["count"] == 64


def test_pass_options(func):
    mod = tt.apply_tt_defaults(func, device="blackhole", math_fidelity="lofi")
    assert "tt.target = #tt.target<device = <blackhole>, math_fidelity = lofi" in str(mod)
    mod = tt.lower_memory_space(mod, cb_depth=1)
    assert "!tt.cb<0, 1 x !tt.tile<bf16>>" in str(mod)
    assert tt.emit_tt_artifacts(mod).plan["device"]["arch"] == "blackhole"
    with pytest.raises(TypeError, match="tt-infer-schedule has no option 'device'"):
        tt.infer_schedule(func, device="blackhole")


def test_order_is_enforced(func):
    mod = tt.plan_work(func)
    with pytest.raises(ValueError, match="tt-infer-schedule has already run on this module"):
        tt.infer_schedule(mod)
    # earlier modules are unchanged: steps return new modules
    fresh = tt.module(func)
    assert tt.infer_schedule(fresh).stage == "tt-infer-schedule" and fresh.stage == "tl"


def test_custom_pipeline_and_history(func):
    mod = tt.plan_work(func)
    mod = tt.run_pipeline(mod, "func.func(canonicalize)")
    assert mod.stage == "tt-infer-shard"
    assert "canonicalize" in mod.history and "tt-infer-schedule" in mod.history
    assert mod.ir.count("loc(") > 10  # locations survive every step


def test_pass_error_in_a_step_is_located():
    from test_errors import kernel, line_of

    with pytest.raises(tilelang.CompileError) as error:
        tt.lower_memory_space(kernel(64, 32, stages=1000))
    assert error.value.pass_name == "tt-lower-memory-space"
    assert "test_errors.py:%d:" % line_of("gemm") in str(error.value)
