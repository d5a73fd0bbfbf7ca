"""tilelang_tt._ttmlir: the C++ library through pybind11."""

import os

from tilelang_tt import _ttmlir
from conftest import REPO_ROOT

with open(os.path.join(REPO_ROOT, "examples", "matmul_256.mlir")) as f:
    EXAMPLE = f.read()


def test_parse_verifies_and_prints():
    result = _ttmlir.parse(EXAMPLE, "matmul_256.mlir", False)
    assert result["ok"] and result["diagnostics"] == ""
    assert "tl.kernel [8, 8] as (%bx, %by)" in result["ir"] and "loc(" not in result["ir"]
    bad = _ttmlir.parse(EXAMPLE.replace("[8, 8]", "[9, 8]"), "matmul_256.mlir")
    assert not bad["ok"] and bad["ir"] == ""
    assert "matmul_256.mlir:" in bad["diagnostics"] and "region is out of bounds" in bad["diagnostics"]
    # the source line is quoted under the message
    assert "tl.copy %B[%kk, %col] to %B_shared" in bad["diagnostics"]


def test_describe_pipeline():
    result = _ttmlir.describe_pipeline("tl-to-tt-pipeline{device=blackhole cb-depth=3}")
    assert result["ok"]
    text = result["ir"]
    assert text.startswith("builtin.module(func.func(convert-linalg-to-tl,")
    assert "tt-apply-target-defaults{device=blackhole" in text and "cb-depth=3" in text
    assert text.endswith("tt-split-kernels,func.func(tt-lower-dataflow),tt-build-program,cse,tt-verify)")


def test_run_pipeline_stages_and_anchor():
    result = _ttmlir.run_pipeline(EXAMPLE, "builtin.module(tl-to-tt-pipeline)", "matmul_256.mlir", True)
    assert result["ok"], result["diagnostics"]
    names = [name for name, _ in result["stages"]]
    assert names[0] == "convert-linalg-to-tl" and names[-1] == "tt-verify" and len(names) == 18
    assert "tt.program @matmul" in result["ir"] and "loc(" in result["ir"]
    plain = _ttmlir.run_pipeline(EXAMPLE, "func.func(tt-apply-target-defaults)")
    assert plain["ok"] and plain["stages"] == []
    bad = _ttmlir.run_pipeline(EXAMPLE, "builtin.module(cse")
    assert not bad["ok"] and "unbalanced" in bad["diagnostics"]


def test_failed_pass_is_named():
    src = EXAMPLE.replace("stages 2", "stages 1000")
    result = _ttmlir.run_pipeline(src, "tl-to-tt-pipeline", "m.mlir", True)
    assert not result["ok"] and result["failed_pass"] == "tt-lower-memory-space"
    assert "m.mlir:" in result["diagnostics"] and "circular buffers need" in result["diagnostics"]
    assert result["stages"][-1][0] == "tt-infer-shard"


def test_emit_metalium():
    lowered = _ttmlir.run_pipeline(EXAMPLE, "tl-to-tt-pipeline")
    result = _ttmlir.emit_metalium(lowered["ir"], "lowered.mlir")
    assert result["ok"] and list(result["files"])[:3] == ["reader.cpp", "compute.cpp", "writer.cpp"]
    unlowered = _ttmlir.emit_metalium(EXAMPLE, "matmul_256.mlir")
    assert not unlowered["ok"] and "error:" in unlowered["diagnostics"] and unlowered["files"] == {}


def test_compile_metalium_in_one_step():
    """The pipeline and the emission on one module give the files of the two
    steps with IR text in between; a failing pass is named, a bad pipeline
    refused."""
    lowered = _ttmlir.run_pipeline(EXAMPLE, "tl-to-tt-pipeline")
    files = _ttmlir.emit_metalium(lowered["ir"], "lowered.mlir")["files"]
    result = _ttmlir.compile_metalium(EXAMPLE, "tl-to-tt-pipeline", "matmul_256.mlir")
    assert result["ok"] and result["files"] == files
    failing = _ttmlir.compile_metalium(EXAMPLE.replace("stages 2", "stages 1000"), "tl-to-tt-pipeline", "m.mlir")
    assert not failing["ok"] and failing["failed_pass"] == "tt-lower-memory-space"
    assert "m.mlir:" in failing["diagnostics"] and failing["files"] == {}
    bad = _ttmlir.compile_metalium(EXAMPLE, "builtin.module(cse")
    assert not bad["ok"] and "unbalanced" in bad["diagnostics"]


def test_bad_enum_option_names_the_choices(capfd):
    result = _ttmlir.run_pipeline("func.func @f() { return }", "tl-to-tt-pipeline{device=grayskull}")
    assert not result["ok"]
    assert "failed to add `tl-to-tt-pipeline` with options `device=grayskull`" in result["diagnostics"]
    # LLVM's option parser writes the reason to stderr, not to the diagnostics the driver captures.
    assert "'grayskull' is not one of: wormhole_b0, blackhole" in capfd.readouterr().err
