#!/usr/bin/env python3
"""Automatic schedules against the old default, and the cost model against the emulator.

usage: python3 bench/schedule-sweep.py [BUILD_DIR] [--quick] [--manual]

For each shape (M x K x N, bf16, HiFi4 unless stated), three programs are compiled
with --tl-to-tt-pipeline and run with tt-run:
  old:  the previous default (one-tile blocks, block-m=block-n=block-k=32, reuse);
  auto: today's default (schedule and blocks chosen by the cost model);
  manual (with --manual): the best of the choices a user would try by hand -- reuse and
        multicast with square blocks of 64, 128 and 256 and K steps of 64 and 256 -- each
        compiled and run (choices that do not compile, such as blocks over L1, are skipped).
The table gives each one's DRAM tile reads against the minimum Mt*Kt + Kt*Nt and its
modeled utilization (tt-metal's GEMM_FLOPS definition, over the problem's tile products), and for auto the compiler's
predicted cycles against the emulator's modeled cycles. Every time figure is MODELED by
the emulator's timing model (docs/timing-model.md), not measured on hardware.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
args = [a for a in sys.argv[1:] if not a.startswith("--")]
BUILD = os.path.abspath(args[0] if args else os.path.join(ROOT, "build"))
QUICK = "--quick" in sys.argv
MANUAL = "--manual" in sys.argv
MANUAL_CHOICES = [f"schedule={kind} block-m={b} block-n={b} block-k={k}"
                  for kind in ("reuse", "multicast") for b in (64, 128, 256) for k in (64, 256)]

# (M, K, N, device, fidelity)
SHAPES = [
    (1024, 1024, 1024, "wormhole_b0", "hifi4"),
    (2048, 2048, 2048, "wormhole_b0", "hifi4"),
    (2048, 2048, 2048, "wormhole_b0", "hifi2"),
    (2048, 2048, 2048, "blackhole", "hifi4"),
    (32, 1024, 1024, "wormhole_b0", "hifi4"),
    (256, 1024, 1024, "wormhole_b0", "hifi4"),
    (1024, 4096, 1024, "wormhole_b0", "hifi4"),
    (4096, 1024, 256, "wormhole_b0", "hifi4"),
    (256, 1024, 4096, "wormhole_b0", "hifi4"),
]
if not QUICK:
    SHAPES += [
        (4096, 4096, 4096, "wormhole_b0", "hifi4"),
        (32, 4096, 4096, "wormhole_b0", "hifi4"),
        (4096, 1024, 4096, "wormhole_b0", "hifi4"),
    ]

PREDICTED = re.compile(r"remark: schedule: (.+?) block (\S+) .* on (\d+) cores: (\d+) cycles predicted")


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def measure(work, m, k, n, device, fidelity, options, tag):
    src = os.path.join(work, tag + ".mlir")
    ta, tb, tc = f"memref<{m}x{k}xbf16>", f"memref<{k}x{n}xbf16>", f"memref<{m}x{n}xbf16>"
    with open(src, "w") as f:
        f.write(f"func.func @mm(%A: {ta}, %B: {tb}, %C: {tc}) {{\n"
                f"  tl.matmul %A, %B into %C : {ta}, {tb} into {tc}\n  return\n}}\n")
    lowered = os.path.join(work, tag + ".tt.mlir")
    opt = run([os.path.join(BUILD, "bin", "tt-opt"), src, "-o", lowered, "--mlir-print-op-on-diagnostic=false",
               f"--tl-to-tt-pipeline=device={device} math-fidelity={fidelity} explain-schedule {options}"])
    predicted = PREDICTED.search(opt.stderr)
    prog = os.path.join(work, tag)
    run([os.path.join(BUILD, "bin", "tt-translate"), "--emit-metalium", "--output-dir", prog, lowered])
    stats_path = os.path.join(work, tag + ".json")
    run([os.path.join(BUILD, "emulator", "bin", "tt-run"), "--arch", device, "--no-stats",
         "--stats-json", stats_path, prog])
    stats = json.load(open(stats_path))["programs"][-1]
    return stats, predicted


CYCLES_PER_TILE = {"lofi": 16, "hifi2": 32, "hifi3": 48, "hifi4": 64}
CORES = {"wormhole_b0": 64, "blackhole": 110}


def utilization(stats, m, k, n, device, fidelity):
    """tt-metal's GEMM_FLOPS utilization over the problem's tile products (the emulator's own figure
    credits the padding an edge block computes)."""
    ideal = (m // 32) * (n // 32) * (k // 32) * CYCLES_PER_TILE[fidelity] / CORES[device]
    return ideal / stats["modeled"]["cycles"]


def main():
    print(f"{'M x K x N':>16} {'device':<12} {'fid':<6} | {'old reads':>9} {'old util':>8} | "
          f"{'auto schedule':<28} {'cores':>5} {'reads':>6} {'util':>6} {'predicted/modeled':>17}"
          + (f" | {'best manual':<40} {'util':>6} {'auto/manual time':>16}" if MANUAL else ""))
    errors = []
    with tempfile.TemporaryDirectory() as work:
        for m, k, n, device, fidelity in SHAPES:
            minimum = (m // 32) * (k // 32) + (k // 32) * (n // 32)
            tag = f"{m}x{k}x{n}-{device}-{fidelity}"
            old, _ = measure(work, m, k, n, device, fidelity,
                             "schedule=reuse block-m=32 block-n=32 block-k=32", tag + "-old")
            auto, predicted = measure(work, m, k, n, device, fidelity, "", tag + "-auto")
            cycles = auto["modeled"]["cycles"]
            ratio = int(predicted.group(4)) / cycles
            errors.append(abs(ratio - 1))
            chosen = f"{predicted.group(1)} {predicted.group(2)}"
            line = (f"{f'{m}x{k}x{n}':>16} {device:<12} {fidelity:<6} | "
                    f"{old['noc']['unicast_reads'] / minimum:>8.1f}x {100 * utilization(old, m, k, n, device, fidelity):>7.1f}% | "
                    f"{chosen:<28} {auto['cores']:>5} {auto['noc']['unicast_reads'] / minimum:>5.2f}x "
                    f"{100 * utilization(auto, m, k, n, device, fidelity):>5.1f}% {ratio:>17.3f}")
            if MANUAL:
                best = None
                for i, options in enumerate(MANUAL_CHOICES):
                    try:
                        stats, _ = measure(work, m, k, n, device, fidelity, options, f"{tag}-manual{i}")
                    except subprocess.CalledProcessError:
                        continue
                    if best is None or stats["modeled"]["cycles"] < best[1]["modeled"]["cycles"]:
                        best = (options.replace("schedule=", "").replace("block-", ""), stats)
                if best:
                    line += (f" | {best[0]:<40} {100 * utilization(best[1], m, k, n, device, fidelity):>5.1f}% "
                             f"{cycles / best[1]['modeled']['cycles']:>16.2f}")
            print(line, flush=True)
    print(f"\ncost model vs emulator: mean |predicted/modeled - 1| = {100 * sum(errors) / len(errors):.1f}%, "
          f"worst {100 * max(errors):.1f}% (all MODELED figures)")


if __name__ == "__main__":
    main()
