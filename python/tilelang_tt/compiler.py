"""Compiling: the tl-to-tt pipeline in-process, Modules and Artifacts."""

import json
import warnings
import os
from collections.abc import Mapping

from .errors import CompileError
from .frontend import PrimFunc

__all__ = ["compile", "Module", "Artifacts", "pipeline_text", "devices_supported",
           "math_fidelities_supported"]

def _native():
    try:
        from . import _ttmlir
    except ImportError as exc:
        raise ImportError(
            "tilelang_tt._ttmlir (the compiler extension) is missing: build the "
            "project (bash scripts/setup.sh) and put <build>/python_packages on "
            "sys.path (the set-up's .venv does): %s" % exc
        ) from exc
    return _ttmlir


def _check(result, stages=None):
    if not result["ok"]:
        raise CompileError(
            result["diagnostics"] or "compilation failed without a diagnostic",
            result.get("failed_pass"),
            stages,
        )
    return result


def devices_supported():
    """The devices the compiler targets (``wormhole_b0``, ``blackhole``)."""
    return tuple(_native().device_names())


def math_fidelities_supported():
    """The matrix-engine fidelities it accepts (``lofi`` ... ``hifi4``)."""
    return tuple(_native().math_fidelity_names())


SCHEDULES = ("auto", "reuse", "multicast")


def systems_supported():
    """The systems a whole-buffer matmul can be split over: ``single`` (one
    device), ``n300`` (a 1x2 mesh), ``t3k`` (2x4), ``galaxy`` (4x8)."""
    return tuple(_native().system_names())


def mesh_splits_supported():
    """How C can be cut over a mesh: ``auto`` (by the cost model), ``m`` (rows
    over all devices), ``n`` (columns over all devices), ``both`` (rows over
    the mesh's rows, columns over its columns)."""
    return tuple(_native().mesh_split_names())


def pipeline_text(device="wormhole_b0", math_fidelity="hifi4", cb_depth=0,
                  subblock=None, block_m=None, block_n=None, block_k=None,
                  stages=None, fp32_dest_acc=False, schedule="auto",
                  explain_schedule=False, fold_shared_batch=True, system="single",
                  mesh_split="auto"):
    """The ``tl-to-tt-pipeline{...}`` pass pipeline for these options.

    ``system``: ``single`` (one device, the default), or a mesh of Wormhole
    devices the matmul is split over: ``n300`` (1x2), ``t3k`` (2x4),
    ``galaxy`` (4x8); each device runs the single-device schedule on its
    shard. ``mesh_split``: how C is cut, ``auto`` (the cost model, host
    transfers included), ``m``, ``n`` or ``both`` (rows over the mesh's rows,
    columns over its columns). Whole-buffer input only (a T.Kernel program's
    blocks are laid out for one device).

    ``schedule``: ``auto`` (the default: the compiler's cost model chooses
    the schedule and, for whole-buffer input, the block sizes), ``reuse``
    (blocks split over all cores, each core reads its own inputs) or
    ``multicast`` (one block per core; A multicast along core rows, B down
    core columns). ``explain_schedule=True`` makes the compiler report the
    candidates it weighed and why the winner won (``Module.remarks``,
    ``Artifacts.schedule_explanation``).

    ``fold_shared_batch=False`` keeps a whole-buffer batch that shares B
    (M a multiple of 32) a batch of products instead of one matmul of the
    stacked rows.

    ``subblock=(h, w)`` chooses the DST subblock of large output blocks.
    ``fp32_dest_acc=True`` accumulates in fp32 in DST (ComputeConfig's
    fp32_dest_acc_en): exact fp32 sums, half as many DST tiles.
    ``block_m/n/k`` and ``stages`` apply to whole-buffer input (``tl.matmul``,
    ``linalg.matmul``) only: a T.Kernel program carries its own block sizes
    (its T.alloc_shared / T.alloc_fragment shapes) and stages (num_stages).
    """
    # The choices come from the compiler's own enums, so they never drift.
    devices, fidelities = devices_supported(), math_fidelities_supported()
    if device not in devices:
        raise ValueError("device must be one of %s, got %r" % (", ".join(devices), device))
    if math_fidelity not in fidelities:
        raise ValueError("math_fidelity must be one of %s, got %r" % (", ".join(fidelities), math_fidelity))
    if not isinstance(fp32_dest_acc, bool):
        raise ValueError("fp32_dest_acc must be True or False, got %r" % (fp32_dest_acc,))
    if schedule not in SCHEDULES:
        raise ValueError("schedule must be one of %s, got %r" % (", ".join(SCHEDULES), schedule))
    if not isinstance(explain_schedule, bool):
        raise ValueError("explain_schedule must be True or False, got %r" % (explain_schedule,))
    if not isinstance(fold_shared_batch, bool):
        raise ValueError("fold_shared_batch must be True or False, got %r" % (fold_shared_batch,))
    if system not in systems_supported():
        raise ValueError("system must be one of %s, got %r" % (", ".join(systems_supported()), system))
    if mesh_split not in mesh_splits_supported():
        raise ValueError("mesh_split must be one of %s, got %r" % (", ".join(mesh_splits_supported()), mesh_split))
    options = ["device=%s" % device, "math-fidelity=%s" % math_fidelity]
    if system != "single":
        options.append("system=%s" % system)
    if mesh_split != "auto":
        options.append("mesh-split=%s" % mesh_split)
    if not fold_shared_batch:
        options.append("fold-shared-batch=false")
    if schedule != "auto":
        options.append("schedule=%s" % schedule)
    if explain_schedule:
        options.append("explain-schedule=true")
    if fp32_dest_acc:
        options.append("fp32-dest-acc=true")
    ints = [("cb-depth", cb_depth)]
    if subblock is not None:
        if len(subblock) != 2:
            raise ValueError("subblock must be (rows, cols) of tiles, got %r" % (subblock,))
        ints += [("subblock-h", subblock[0]), ("subblock-w", subblock[1])]
    ints += [("block-m", block_m), ("block-n", block_n), ("block-k", block_k), ("stages", stages)]
    for name, value in ints:
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError("%s must be a non-negative integer, got %r" % (name.replace("-", "_"), value))
        options.append("%s=%d" % (name, value))
    return "tl-to-tt-pipeline{%s}" % " ".join(options)


# --------------------------------------------------------------------------
# The pipeline as steps
# --------------------------------------------------------------------------


def _split(text):
    """Splits a textual pipeline at top-level commas."""
    items, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "({":
            depth += 1
        elif ch in ")}":
            depth -= 1
        elif ch == "," and depth == 0:
            items.append(text[start:i].strip())
            start = i + 1
    if text[start:].strip():
        items.append(text[start:].strip())
    return items


class Step:
    """One pass of the pipeline: its name, the op it runs on and its options."""

    def __init__(self, anchor, text):
        self.anchor = anchor  # "builtin.module" or "func.func"
        brace = text.find("{")
        self.name = text if brace < 0 else text[:brace]
        self.options = {}
        if brace >= 0:
            for item in text[brace + 1:-1].split():
                key, _, value = item.partition("=")
                self.options[key] = value

    def text(self, overrides=None):
        options = dict(self.options)
        for key, value in (overrides or {}).items():
            if key not in options:
                valid = ", ".join(k.replace("-", "_") for k in self.options) or "none"
                raise TypeError("%s has no option '%s' (options: %s)" % (self.name, key.replace("-", "_"), valid))
            if isinstance(value, bool):
                value = "true" if value else "false"
            options[key] = str(value)
        if not options:
            return self.name
        return "%s{%s}" % (self.name, " ".join("%s=%s" % kv for kv in options.items()))

    def __repr__(self):
        return "Step(%s on %s)" % (self.name, self.anchor)


def _steps(pipeline):
    text = _check(_native().describe_pipeline(pipeline))["ir"].strip()
    prefix = "builtin.module("
    assert text.startswith(prefix) and text.endswith(")"), text
    steps = []
    for item in _split(text[len(prefix):-1]):
        if item.startswith("func.func("):
            steps.extend(Step("func.func", inner) for inner in _split(item[len("func.func("):-1]))
        else:
            steps.append(Step("builtin.module", item))
    return steps


def _anchored(steps_and_texts):
    """`func.func(a,b),c` for consecutive function passes and module passes."""
    parts, group = [], []
    for step, text in steps_and_texts:
        if step.anchor == "func.func":
            group.append(text)
            continue
        if group:
            parts.append("func.func(%s)" % ",".join(group))
            group = []
        parts.append(text)
    if group:
        parts.append("func.func(%s)" % ",".join(group))
    return "builtin.module(%s)" % ",".join(parts)


class Module:
    """IR text on its way through the tl-to-tt pipeline.

    ``ir`` is the text with ``loc(...)`` locations; ``str(module)`` prints it
    without them. ``applied`` lists the passes run so far, ``history`` maps
    each stage (``tl``, then every pass) to the IR after it. Modules are
    immutable: every step returns a new one.
    """

    def __init__(self, ir, name="module.mlir", pipeline=None, prim_func=None,
                 _steps_cache=None, _position=-1, _history=None, _remarks=""):
        self.ir = ir
        # Remarks the passes reported (the schedule explanation), as text.
        self.remarks = _remarks
        self.name = name
        self.pipeline = pipeline or pipeline_text()
        self.prim_func = prim_func
        self.steps = _steps_cache if _steps_cache is not None else _steps(self.pipeline)
        self.position = _position
        self.history = dict(_history) if _history is not None else {"tl": self._plain(ir)}

    @classmethod
    def from_prim_func(cls, func, **options):
        """The tl IR of a ``@T.prim_func``; ``options`` as for :func:`compile`
        (device, math_fidelity, cb_depth, subblock)."""
        if not isinstance(func, PrimFunc):
            raise TypeError("expected a @T.prim_func, got %r" % (func,))
        return cls(func.script(), name=os.path.basename(func.filename) + ".mlir",
                   pipeline=pipeline_text(**options), prim_func=func)

    @classmethod
    def parse(cls, text, name="<ir>", **options):
        """Parses and verifies IR text (tl kernel form, tl.matmul,
        linalg.matmul or a linalg.generic that is a matmul); ``options`` as
        for :func:`pipeline_text`."""
        result = _check(_native().parse(text, name, True))
        return cls(result["ir"], name=name, pipeline=pipeline_text(**options))

    @staticmethod
    def _plain(ir):
        result = _native().parse(ir, "<ir>", False)
        return result["ir"] if result["ok"] else ir

    def __str__(self):
        return self._plain(self.ir)

    def __repr__(self):
        return "<tilelang_tt.Module %s at stage %s>" % (self.name, self.stage)

    @property
    def applied(self):
        return [step.name for step in self.steps[: self.position + 1]]

    @property
    def stage(self):
        """The last pass applied, or ``tl`` for a fresh module."""
        return self.steps[self.position].name if self.position >= 0 else "tl"

    @property
    def done(self):
        return self.position == len(self.steps) - 1

    def step_index(self, name):
        for i, step in enumerate(self.steps):
            if step.name == name:
                return i
        raise ValueError("the pipeline has no pass %r (passes: %s)"
                         % (name, ", ".join(s.name for s in self.steps)))

    def _derive(self, ir, position, history, remarks=""):
        return Module(ir, self.name, self.pipeline, self.prim_func, self.steps, position, history,
                      self.remarks + remarks)

    def run_to(self, name=None, **options):
        """Runs every pass not run yet up to and including ``name`` (all of
        them when None). ``options`` (python_style names) override the
        options of pass ``name``."""
        last = len(self.steps) - 1 if name is None else self.step_index(name)
        if last <= self.position:
            if name is None:
                return self
            raise ValueError("%s has already run on this module (its stage is %s)" % (name, self.stage))
        overrides = {key.replace("_", "-"): value for key, value in options.items()}
        todo = []
        for index in range(self.position + 1, last + 1):
            step = self.steps[index]
            todo.append((step, step.text(overrides if index == last else None)))
        result = _native().run_pipeline(self.ir, _anchored(todo), self.name, True)
        history = dict(self.history)
        history.update(result["stages"])
        _check(result, history)
        return self._derive(result["ir"], last, history, result["diagnostics"])

    def run_pipeline(self, pipeline):
        """Runs any pass pipeline (textual, as --pass-pipeline takes it) on
        the module; the stage bookkeeping does not change."""
        result = _native().run_pipeline(self.ir, pipeline, self.name, True)
        history = dict(self.history)
        history.update(result["stages"])
        _check(result, history)
        return self._derive(result["ir"], self.position, history, result["diagnostics"])

    def emit(self):
        """Runs what is left of the pipeline and emits the Metalium program.

        The passes and the emission run on one module, with no IR text in
        between; the IR after every pass (``Artifacts.ir``) and the lowered
        Module (``Artifacts.module``) are made when first read, by running
        the same deterministic passes again with their IR printed. A failure
        is raised with the IR of every stage that ran."""
        if not self.done:
            todo = [(step, step.text()) for step in self.steps[self.position + 1:]]
            result = _native().compile_metalium(self.ir, _anchored(todo), self.name)
            if result["ok"]:
                return Artifacts(result["files"], None, self, _remarks=self.remarks + result["diagnostics"],
                                 _with_stages=self._emit_with_stages)
        return self._emit_with_stages()

    def _emit_with_stages(self):
        """emit(), printing the IR after every pass."""
        lowered = self.run_to(None)
        result = _check(_native().emit_metalium(lowered.ir, lowered.name), lowered.history)
        history = dict(lowered.history)
        history["tt"] = history.get(lowered.stage, str(lowered))
        return Artifacts(result["files"], history, lowered)


# --------------------------------------------------------------------------
# Artifacts
# --------------------------------------------------------------------------


class Artifacts(Mapping):
    """A compiled program: file name -> text (reader.cpp, compute.cpp,
    writer.cpp, host.cpp, tt.plan.json, CMakeLists.txt, README.txt).

    * ``plan``: tt.plan.json as a dict;
    * ``schedule_explanation``: the compiler's report of the schedule it
      chose (with ``explain_schedule=True``; empty otherwise);
    * ``ir``: stage -> IR text (``tl``, every pass, ``tt``); ``ir_after(pass)``;
    * ``write(dir)``: writes the files, returns the directory;
    * ``run(A, B)`` or ``artifacts(A, B)``: runs the program on the CPU
      emulator with NumPy inputs and returns the output (see :mod:`.runner`).
    """

    def __init__(self, files, ir, module, out_idx=None, _remarks=None, _with_stages=None):
        self.files = dict(files)
        # The stages and the lowered module, or how to make them when first
        # read (Module.emit compiles without printing the IR).
        self._ir = dict(ir) if ir is not None else None
        self._module = module if ir is not None else None
        self._with_stages = _with_stages
        self.name = module.name
        self.prim_func = module.prim_func
        self._plan = None
        self.out_idx = out_idx
        self.schedule_explanation = module.remarks if _remarks is None else _remarks

    def _stages(self):
        if self._ir is None:
            staged = self._with_stages()
            self._ir, self._module = staged.ir, staged.module
        return self._ir, self._module

    @property
    def ir(self):
        """Stage -> IR text: ``tl`` (the input), every pass, ``tt`` (the end)."""
        return self._stages()[0]

    @property
    def module(self):
        """The :class:`Module` after the last pass."""
        return self._stages()[1]

    def __getitem__(self, name):
        return self.files[name]

    def __iter__(self):
        return iter(self.files)

    def __len__(self):
        return len(self.files)

    def __repr__(self):
        return "<tilelang_tt.Artifacts %s: %s>" % (self.name, ", ".join(self.files))

    @property
    def plan(self):
        if self._plan is None:
            self._plan = json.loads(self.files["tt.plan.json"])
        return self._plan

    def ir_after(self, stage):
        """The IR after pass ``stage`` (``tl``: the input, ``tt``: the end)."""
        try:
            return self.ir[stage]
        except KeyError:
            raise KeyError("no stage %r; stages: %s" % (stage, ", ".join(self.ir))) from None

    def get_kernel_source(self, kind="compute"):
        """reader / compute / writer / host source."""
        return self.files["%s.cpp" % kind]

    def write(self, directory):
        """Writes every file into ``directory`` (created if needed)."""
        directory = os.fspath(directory)
        os.makedirs(directory, exist_ok=True)
        for name, text in self.files.items():
            with open(os.path.join(directory, name), "w") as f:
                f.write(text)
        return directory

    @property
    def buffers(self):
        """The program's global buffers, in parameter order: dicts with
        ``param`` (the Python parameter name), ``name`` (the plan's name),
        ``shape``, ``format`` and ``host`` (input, output, ...)."""
        buffers = []
        plan_buffers = self.plan["buffers"]
        params = self.prim_func.params if self.prim_func is not None else None
        if params is not None and len(params) != len(plan_buffers):
            params = None
        for i, buffer in enumerate(plan_buffers):
            buffers.append({
                "param": params[i].name if params else buffer["name"],
                "name": buffer["name"],
                "shape": tuple(buffer["shape"]) if buffer["shape"] else None,
                "format": buffer["format"],
                "host": buffer["host"],
            })
        return buffers

    def get_profiler(self, tensor_supply_type=None):
        """A :class:`~tilelang_tt.profiler.Profiler`: ``do_bench()`` gives the
        program's modeled device latency in ms (the emulator's timing model,
        not hardware)."""
        from .profiler import Profiler

        return Profiler(self, tensor_supply_type)

    def run(self, *arrays, **options):
        """Runs the program on the emulator; see :func:`tilelang_tt.runner.run`."""
        from .runner import run

        return run(self, *arrays, **options)

    __call__ = run


def compile(func, out_idx=None, target="tenstorrent", device="wormhole_b0",
            math_fidelity="hifi4", cb_depth=0, subblock=None, verbose=False,
            execution_backend=None, target_host=None, pass_configs=None,
            fp32_dest_acc=False, schedule="auto", explain_schedule=False, fold_shared_batch=True,
            system="single", mesh_split="auto"):
    """Compiles a ``@T.prim_func`` (or a :class:`Module`) for Tenstorrent.

    Runs the tl-to-tt pipeline in-process and emits the Metalium program;
    returns :class:`Artifacts`, callable like TileLang's kernel
    (``C = kernel(A, B)``, on the CPU emulator).

    ``target``: "tenstorrent" (or "auto"). ``device``: "wormhole_b0" or
    "blackhole". ``math_fidelity``: lofi, hifi2, hifi3, hifi4. ``cb_depth``:
    K steps per input circular buffer (0: the loop's num_stages).
    ``subblock``: DST subblock (rows, cols) in tiles for large blocks.
    ``fp32_dest_acc``: accumulate in fp32 in DST (4 DST tiles instead of 8).
    ``schedule``: auto (chosen by the cost model), reuse or multicast; a
    T.Kernel program's own block sizes are kept, and its blocks go one per
    core with multicast where that fits and pays. ``explain_schedule``:
    report the choice (``kernel.schedule_explanation``).
    ``fold_shared_batch``: compute a whole-buffer batch sharing B (M a
    multiple of 32) as one matmul of the stacked rows (the default).
    ``system``: "single", or a mesh the matmul is split over ("n300", "t3k",
    "galaxy"; whole-buffer input, see :func:`pipeline_text`), and
    ``mesh_split``: "auto", "m", "n" or "both".
    ``out_idx``: TileLang's output parameter index (int or list), checked
    against the program's outputs. ``execution_backend``, ``target_host``
    and ``pass_configs`` are accepted for TileLang compatibility; they have
    no meaning here, and a value other than None is ignored with a warning.
    Raises :class:`CompileError` with the located diagnostics.
    """
    for name, value in (("execution_backend", execution_backend), ("target_host", target_host),
                        ("pass_configs", pass_configs)):
        if value is not None:
            warnings.warn("tilelang_tt ignores %s=%r: the program is compiled by the tl-to-tt pipeline "
                          "and runs on Metalium (or its emulator)" % (name, value), stacklevel=2)
    if target not in ("tenstorrent", "auto", None):
        raise ValueError("target %r is not supported: tilelang_tt compiles for 'tenstorrent'" % (target,))
    options = dict(device=device, math_fidelity=math_fidelity, cb_depth=cb_depth, subblock=subblock,
                   fp32_dest_acc=fp32_dest_acc, schedule=schedule, explain_schedule=explain_schedule,
                   fold_shared_batch=fold_shared_batch, system=system, mesh_split=mesh_split)
    if isinstance(func, PrimFunc):
        module = Module.from_prim_func(func, **options)
    elif isinstance(func, Module):
        module = func
    else:
        raise TypeError("compile() takes a @T.prim_func or a tilelang_tt.Module, got %r" % (func,))
    if verbose:
        print("tilelang_tt: %s through %s" % (module.name, module.pipeline))
    artifacts = module.emit()
    if out_idx is not None:
        params = [b["param"] for b in artifacts.buffers]
        wanted = [out_idx] if isinstance(out_idx, int) else list(out_idx)
        for i in wanted:
            if isinstance(i, bool) or not isinstance(i, int):
                raise TypeError("out_idx must be an int or a list of ints, got %r" % (out_idx,))
            if not -len(params) <= i < len(params):
                raise ValueError("out_idx %r is out of range for %d parameters" % (out_idx, len(params)))
        wanted = sorted(i % len(params) for i in wanted)
        outputs = [i for i, b in enumerate(artifacts.buffers) if b["host"] in ("output", "input_output")]
        if wanted != outputs:
            raise ValueError(
                "out_idx %r names %s, but the program writes %s" % (
                    out_idx, [params[i] for i in wanted], [params[i] for i in outputs]))
        artifacts.out_idx = wanted
    if verbose:
        print("tilelang_tt: emitted %s" % ", ".join(artifacts))
    return artifacts


def jit(func=None, *, out_idx=None, **options):
    """TileLang's ``@tilelang.jit``: decorates a function that returns a
    ``@T.prim_func`` (TileLang's kernel factory, ``matmul(M, N, K, ...)``);
    calling it compiles on the first call with given arguments and returns
    the compiled kernel (:class:`Artifacts`), cached per arguments. Options
    are :func:`compile`'s (``out_idx``, ``device``, ``math_fidelity``, ...).
    Applied to a ``@T.prim_func`` itself, it compiles it at once."""

    def wrap(factory):
        if isinstance(factory, PrimFunc):
            return compile(factory, out_idx=out_idx, **options)
        cache = {}

        def kernel(*args, **kwargs):
            key = (args, tuple(sorted(kwargs.items())))
            try:
                hash(key)
            except TypeError:
                key = None
            if key is not None and key in cache:
                return cache[key]
            prim = factory(*args, **kwargs)
            if not isinstance(prim, PrimFunc):
                raise TypeError("@tilelang_tt.jit: %s(...) returned %r, not a @T.prim_func"
                                % (getattr(factory, "__name__", factory), prim))
            compiled = compile(prim, out_idx=out_idx, **options)
            if key is not None:
                cache[key] = compiled
            return compiled

        kernel.__name__ = getattr(factory, "__name__", "kernel")
        kernel.__doc__ = getattr(factory, "__doc__", None)
        kernel.cache = cache
        return kernel

    return wrap(func) if func is not None else wrap
