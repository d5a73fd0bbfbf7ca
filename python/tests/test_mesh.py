"""A whole-buffer matmul split over an emulated mesh of devices, from Python:
the system and the cut are options, the plan records the split, and the
result matches NumPy."""

import numpy as np
import pytest

import tilelang_tt as tilelang
from programs import matmul

TL_MATMUL = """
func.func @mm(%A: memref<200x96xbf16>, %B: memref<96x300xbf16>, %C: memref<200x300xbf16>) {
  tl.matmul %A, %B into %C : memref<200x96xbf16>, memref<96x300xbf16> into memref<200x300xbf16>
  return
}
"""


def reference(a, b):
    return a.astype(np.float64) @ b.astype(np.float64)


@pytest.mark.parametrize("system,mesh_split,shape,split", [
    ("n300", "m", [1, 2], (2, 1)),
    ("n300", "n", [1, 2], (1, 2)),
    ("t3k", "both", [2, 4], (2, 4)),
])
def test_matmul_on_a_mesh_matches_numpy(system, mesh_split, shape, split):
    module = tilelang.Module.parse(TL_MATMUL, name="mesh.mlir", system=system, mesh_split=mesh_split)
    kernel = tilelang.compile(module, out_idx=[2])
    mesh = kernel.plan["mesh"]
    assert mesh["shape"] == shape and mesh["system"] == system
    assert (mesh["split"]["m"], mesh["split"]["n"]) == split
    rng = np.random.default_rng(15)
    a = rng.uniform(-1, 1, (200, 96)).astype(np.float32)
    b = rng.uniform(-1, 1, (96, 300)).astype(np.float32)
    c = kernel(a, b)
    ref = reference(a, b)
    bound = kernel.plan["check"]["max_abs_error"]["relative_bound"] * np.abs(ref).max()
    assert c.shape == (200, 300)
    assert np.abs(c - ref).max() <= bound


def test_the_split_is_explained_and_timed_per_device():
    module = tilelang.Module.parse(TL_MATMUL, name="mesh.mlir", system="t3k", explain_schedule=True)
    kernel = tilelang.compile(module, out_idx=[2])
    assert "mesh split on the 2x4 mesh (t3k)" in kernel.schedule_explanation
    assert "also considered" in kernel.schedule_explanation
    profiler = kernel.get_profiler()
    ms = profiler.do_bench()
    mesh = profiler.stats["mesh"]
    assert mesh["shape"] == [2, 4] and len(mesh["devices"]) == 8
    # The mesh's device time is its slowest device's (modeled).
    assert mesh["modeled_cycles"] == max(d["cycles"] for d in mesh["devices"])
    assert ms == pytest.approx(mesh["modeled_microseconds"] / 1e3)


def test_mesh_options_are_checked():
    with pytest.raises(ValueError, match="system must be one of single, n300, t3k, galaxy"):
        tilelang.Module.parse(TL_MATMUL, system="dgx")
    with pytest.raises(ValueError, match="mesh_split must be one of auto, m, n, both"):
        tilelang.Module.parse(TL_MATMUL, mesh_split="k")


def test_a_kernel_program_is_not_split():
    # A T.Kernel program's blocks are laid out for one device: the compiler says so.
    with pytest.raises(tilelang.CompileError, match="needs a whole-buffer matmul"):
        tilelang.compile(matmul(64, 64, 64, 32, 32, 32), out_idx=[2], system="n300")


def test_the_choices_come_from_the_compiler():
    assert tilelang.systems_supported() == ("single", "n300", "t3k", "galaxy")
    assert tilelang.mesh_splits_supported() == ("auto", "m", "n", "both")
