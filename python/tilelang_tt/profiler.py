"""Modeled timing of a compiled program, in TileLang's profiler shape.

``kernel.get_profiler().do_bench()`` runs the program once on the CPU
emulator and returns its **modeled** device latency in milliseconds: the
emulator's timing model (docs/timing-model.md), not a measurement on hardware.
The model is deterministic, so one run is the answer; TileLang's warm-up and
repetition arguments are accepted and have nothing to do.
"""

import numpy as np

__all__ = ["Profiler"]


class Profiler:
    """Runs a compiled program on the emulator and reports its modeled time.

    * ``do_bench()``: the modeled device latency in ms;
    * ``stats``: the emulator's counters of the last run (a dict), with
      ``stats["modeled"]``: cycles, microseconds, utilization, bottleneck; on
      a mesh, those of its slowest device (the devices run in parallel), and
      ``stats["mesh"]``: every device's cycles and the mesh's utilization;
    * ``trace(path)``: runs once more and writes the modeled timeline
      (Chrome/Perfetto trace JSON, for ui.perfetto.dev) to ``path``.
    """

    def __init__(self, artifacts, tensor_supply_type=None, seed=0):
        self.artifacts = artifacts
        self.tensor_supply_type = tensor_supply_type
        self.seed = seed
        self.stats = None

    def __repr__(self):
        if self.stats is None:
            return "<tilelang_tt.Profiler %s: not run (modeled timing)>" % self.artifacts.name
        m = self.stats["modeled"]
        return "<tilelang_tt.Profiler %s: %.3f ms modeled, utilization %.1f %% (modeled)>" % (
            self.artifacts.name, m["microseconds"] / 1e3, 100 * m["utilization"])

    def _inputs(self):
        rng = np.random.default_rng(self.seed)
        return [rng.standard_normal(b["shape"]).astype(np.float32)
                for b in self.artifacts.buffers if b["host"] in ("input", "input_output")]

    def _run(self, input_tensors=None, trace=None):
        from .runner import run

        arrays = self._inputs() if input_tensors is None else list(input_tensors)
        run(self.artifacts, *arrays, stats=True, trace=trace)
        self.stats = self.artifacts.stats["programs"][-1]
        return self.stats

    def do_bench(self, func=None, warmup=None, rep=None, n_warmup=None, n_repeat=None,
                 input_tensors=None, **_ignored):
        """The modeled device latency in milliseconds (one deterministic run).

        ``input_tensors``: the inputs (default: seeded standard-normal data);
        the modeled time does not depend on the values. ``func``, ``warmup``,
        ``rep``, ``n_warmup`` and ``n_repeat`` are TileLang's and unused."""
        if func is not None:
            raise TypeError("do_bench(func) is not supported: the profiler times the compiled program")
        stats = self._run(input_tensors)
        return stats["modeled"]["microseconds"] / 1e3

    def trace(self, path, input_tensors=None):
        """Writes the modeled timeline of one run to ``path``; returns the path."""
        self._run(input_tensors, trace=path)
        return path
