"""The pipeline step by step, for people who script it::

    from tilelang_tt import passes as tt
    mod = tt.apply_tt_defaults(func)          # the target: device, fidelity, DST mode
    mod = tt.plan_work(mod)                   # work split over cores, DRAM layouts
    mod = tt.lower_to_tiles(mod)              # per-core loop, CBs and DST, tile ops
    artifacts = tt.emit_tt_artifacts(mod)     # split kernels, verify, emit

Each function takes a :class:`~tilelang_tt.Module` (or a ``@T.prim_func``),
runs every pass not run yet up to and including its own, and returns a new
Module (``str(mod)`` is the IR, ``mod.history`` the IR after every pass).
Keyword options go to that pass (``apply_tt_defaults(mod, device="blackhole")``).
Running a pass twice, or after a later one, raises ValueError.
"""

from .compiler import Module
from .frontend import PrimFunc

__all__ = [
    "module", "fuse_linalg_epilogue", "fold_shared_batch", "apply_tt_defaults", "split_mesh", "select_schedule", "infer_default_tt_schedule", "infer_schedule",
    "infer_default_tt_shard", "infer_shard", "plan_work", "lower_memory_space",
    "grid_to_persistent", "tensorize", "lower_to_tiles", "split_kernels",
    "lower_dataflow", "build_program", "verify", "emit_tt_artifacts", "run_pipeline",
]


def module(func, **options):
    """A Module from a ``@T.prim_func`` (options as for compile()) or IR text."""
    if isinstance(func, Module):
        if options:
            raise TypeError("options are given when the Module is created")
        return func
    if isinstance(func, PrimFunc):
        return Module.from_prim_func(func, **options)
    if isinstance(func, str):
        return Module.parse(func, **options)
    raise TypeError("expected a @T.prim_func, a Module or IR text, got %r" % (func,))


def _step(name, doc):
    def step(mod, **options):
        return module(mod).run_to(name, **options)

    step.__name__ = name.replace("tt-", "", 1).replace("-", "_")
    step.__doc__ = doc + "\n\nRuns `%s` (and any earlier pass not run yet)." % name
    return step


fuse_linalg_epilogue = _step(
    "tl-fuse-linalg-epilogue",
    "Element-wise linalg ops that follow a tl.matmul in place on its result (a bias row, "
    "relu, gelu, silu, sigmoid, tanh, exp, scaling) become its fused epilogue.")
fold_shared_batch = _step(
    "tl-fold-shared-batch",
    "A whole-buffer batch sharing B (A batch x M x K with M a multiple of 32, B K x N) "
    "as one matmul of the stacked batch*M rows, stored exactly as the batch is.")
apply_tt_defaults = _step(
    "tt-apply-target-defaults",
    "The target on the function (tt.target): device, math fidelity, fp32 DST "
    "accumulation, the mesh of a system (options: device, math_fidelity, fp32_dest_acc, "
    "system).")
split_mesh = _step(
    "tt-split-mesh",
    "On a mesh target (system n300, t3k, galaxy): the whole-buffer matmul cut into one "
    "device's shard (tt.mesh_split; tt.global_shape and tt.mesh_shard on each argument); "
    "options: split (auto, m, n, both), explain.")
select_schedule = _step(
    "tt-select-schedule",
    "For whole-buffer matmuls: the schedule and block sizes the cost model predicts "
    "fastest (tt.schedule); options: schedule, block_m, block_n, block_k, explain "
    "(the report lands in Module.remarks).")
infer_schedule = infer_default_tt_schedule = _step(
    "tt-infer-schedule",
    "Map the output blocks onto the cores (tt.work_split): split as split_work_to_cores "
    "does (reuse), or one block per core with A and B multicast (multicast); option: "
    "schedule (auto: the cheaper for the kernel's blocks).")
infer_shard = infer_default_tt_shard = _step(
    "tt-infer-shard", "The DRAM layout of every global buffer (tt.shard on each argument).")
lower_memory_space = _step(
    "tt-lower-memory-space",
    "Inside the block grid: shared buffers to circular buffers, the fragment to DST "
    "(options: cb_depth, subblock_h, subblock_w).")
grid_to_persistent = _step(
    "tt-grid-to-persistent", "The block grid becomes a per-core loop over the blocks it owns.")
tensorize = _step("tt-tensorize", "Block matmuls and packs to matmul_tiles and the DST handshake.")
split_kernels = _step(
    "tt-split-kernels",
    "Reader, compute and writer kernels with their runtime and compile-time "
    "arguments; the function becomes its host interface.")
lower_dataflow = _step(
    "tt-lower-dataflow",
    "Tile reads and writes to CB reservations, NoC page transfers and barriers.")
build_program = _step(
    "tt-build-program",
    "The host tt.program: buffers, CBs, kernel placement, runtime arguments over "
    "the work split.")
verify = _step("tt-verify", "Check the lowered program (CBs, runtime arguments, L1).")


def plan_work(mod):
    """The work split over cores and the DRAM layout of every buffer
    (tt-infer-schedule, tt-infer-shard)."""
    return infer_shard(mod)


def lower_to_tiles(mod):
    """The per-core loop, circular buffers and DST, tile-level compute
    (tt-lower-memory-space, tt-grid-to-persistent, tt-tensorize)."""
    return tensorize(mod)


def emit_tt_artifacts(mod):
    """Runs what is left of the pipeline and emits the Metalium program:
    :class:`~tilelang_tt.Artifacts` (file name -> text)."""
    return module(mod).emit()


def run_pipeline(mod, pipeline):
    """Runs any textual pass pipeline on the module (stage bookkeeping unchanged)."""
    return module(mod).run_pipeline(pipeline)
