#!/usr/bin/env python3
"""Modeled timing of the emitted matmul programs on the emulator, by block size (reuse schedule;
bench/schedule-sweep.py compares the automatic schedules).

usage: python3 bench/modeled-timing.py [BUILD_DIR] [--quick]

For each configuration (shape, device, math fidelity, block size) the program is
compiled with --tl-to-tt-pipeline, emitted and run with tt-run; the table gives
DRAM tile reads against the minimum Mt*Kt + Kt*Nt, the modeled device time,
utilization (tt-metal's GEMM_FLOPS definition) and the bottleneck. Every time
figure is MODELED by the emulator's timing model (docs/timing-model.md), not
measured on hardware; compare rows with each other, and with hardware figures
(../shared/perf-anchors.md) only as ratios.
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
args = [a for a in sys.argv[1:] if not a.startswith("--")]
BUILD = args[0] if args else os.path.join(ROOT, "build")
QUICK = "--quick" in sys.argv

CONFIGS = [
    # (M=K=N, device, fidelity, block M=N, block K)
    (1024, "wormhole_b0", "hifi4", 32, 32),
    (1024, "wormhole_b0", "hifi4", 64, 64),
    (1024, "wormhole_b0", "hifi4", 128, 64),
    (1024, "wormhole_b0", "lofi", 128, 64),
    (1024, "wormhole_b0", "hifi4", 256, 64),
    (1024, "blackhole", "hifi4", 64, 64),
    (1024, "blackhole", "hifi4", 128, 64),
]
if not QUICK:
    CONFIGS += [
        (2048, "wormhole_b0", "hifi4", 128, 64),
        (2048, "wormhole_b0", "hifi2", 128, 64),
        (2048, "blackhole", "hifi4", 128, 64),
    ]


def run(cmd, **kw):
    subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def main():
    print(f"{'M=K=N':>6} {'device':<12} {'fidelity':<8} {'block':>9} {'cores':>5} {'reads/min':>9} "
          f"{'modeled us':>10} {'util %':>7}  bottleneck (modeled)")
    with tempfile.TemporaryDirectory() as work:
        for size, device, fidelity, block, block_k in CONFIGS:
            src = os.path.join(work, f"mm{size}.mlir")
            with open(src, "w") as f:
                t = f"memref<{size}x{size}xbf16>"
                f.write(f"func.func @mm(%A: {t}, %B: {t}, %C: {t}) {{\n"
                        f"  tl.matmul %A, %B into %C : {t}, {t} into {t}\n  return\n}}\n")
            tag = f"{size}-{device}-{fidelity}-{block}-{block_k}"
            lowered = os.path.join(work, tag + ".tt.mlir")
            prog = os.path.join(work, tag)
            run([os.path.join(BUILD, "bin", "tt-opt"), src, "-o", lowered,
                 f"--tl-to-tt-pipeline=device={device} math-fidelity={fidelity} schedule=reuse "
                 f"block-m={block} block-n={block} block-k={block_k}"])
            run([os.path.join(BUILD, "bin", "tt-translate"), "--emit-metalium", "--output-dir", prog, lowered])
            stats_path = os.path.join(work, tag + ".json")
            run([os.path.join(BUILD, "emulator", "bin", "tt-run"), "--arch", device, "--no-stats",
                 "--stats-json", stats_path, prog])
            stats = json.load(open(stats_path))["programs"][-1]
            tiles = size // 32
            minimum = 2 * tiles * tiles
            modeled = stats["modeled"]
            bottleneck = modeled["bottleneck"]
            top = bottleneck["shares"][0]
            print(f"{size:>6} {device:<12} {fidelity:<8} {f'{block}x{block}/{block_k}':>9} {stats['cores']:>5} "
                  f"{stats['noc']['unicast_reads'] / minimum:>8.1f}x {modeled['microseconds']:>10.1f} "
                  f"{100 * modeled['utilization']:>7.1f}  {bottleneck['kernel']}: {100 * top['share']:.0f}% {top['what']}")


if __name__ == "__main__":
    main()
