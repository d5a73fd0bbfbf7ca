#!/usr/bin/env python3
"""Wall-clock time of a repeated ``kernel(A, B)`` from Python, the emulator warm.

usage: .venv/bin/python bench/run-overhead.py [--repeats N] [--baseline TT_RUN]

For 256^3 bf16 matmuls of several block sizes, compiled once, the median over
REPEATS calls of the compiled kernel (``tilelang_tt`` run(): inputs written,
tt-run started, the cached host program and kernels run on the emulator, the
host's own result check, the output read back). Everything is cached after the
first call, so this is the per-call overhead a Python user sees.

--baseline TT_RUN: a second tt-run (for example one built from another commit:
``cmake -S OLD/emulator -B /tmp/base-emu -G Ninja && ninja -C /tmp/base-emu``)
timed in alternation with this build's, call by call, so both see the same
machine load; compare the ratio, not the milliseconds, between machines.
"""
import argparse
import os
import statistics
import sys
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python", "tests"))

import tilelang_tt as tilelang  # noqa: E402
from tilelang_tt import runner  # noqa: E402
from programs import matmul  # noqa: E402

BLOCKS = [(32, 32), (64, 64), (128, 128), (256, 256)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--baseline", help="another tt-run to time side by side")
    args = parser.parse_args()
    drivers = [("this build", runner.find_tt_run())]
    if args.baseline:
        drivers.append(("baseline", os.path.abspath(args.baseline)))
    rng = np.random.default_rng(0)
    a = rng.uniform(-1, 1, (256, 256)).astype(np.float32)
    b = rng.uniform(-1, 1, (256, 256)).astype(np.float32)
    header = f"{'256^3 blocks':<14} {'cores':>5}" + "".join(f" {name + ' ms':>16}" for name, _ in drivers)
    print(header + ("  ratio" if args.baseline else ""))
    for bm, bn in BLOCKS:
        kernel = tilelang.compile(matmul(256, 256, 256, bm, bn, 32), out_idx=[2])
        times = {name: [] for name, _ in drivers}
        for name, path in drivers:  # warm both caches
            os.environ["TT_RUN"] = path
            kernel(a, b)
        for _ in range(args.repeats):
            for name, path in drivers:
                os.environ["TT_RUN"] = path
                start = time.perf_counter()
                kernel(a, b)
                times[name].append((time.perf_counter() - start) * 1e3)
        medians = [statistics.median(times[name]) for name, _ in drivers]
        cores = (256 // bm) * (256 // bn)
        line = f"{bm}x{bn:<11} {cores:>5}" + "".join(f" {m:>16.1f}" for m in medians)
        if args.baseline:
            line += f"  {medians[0] / medians[1]:.2f}"
        print(line)
    os.environ.pop("TT_RUN", None)


if __name__ == "__main__":
    main()
