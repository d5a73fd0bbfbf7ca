#!/usr/bin/env python3
"""Batched matmuls with the default pipeline, and a batch sharing B folded or not.

usage: python3 bench/batch-sweep.py [BUILD_DIR]

For each batch (bf16, HiFi4, C[i] = A[i] * B[i], or * B when B is shared) the
default pipeline's program is compiled and run with tt-run; for a batch sharing B
the same program is also compiled with fold-shared-batch=false, side by side. The
table gives the chosen schedule, DRAM tile reads against the minimum (each matrix of
A and B once; a shared B once in all), the modeled time and utilization (tt-metal's
GEMM_FLOPS definition), and the compiler's predicted cycles against the emulator's
modeled cycles. Every time figure is MODELED by the emulator's timing model
(docs/timing-model.md), not measured on hardware.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build")

# (batch, M, K, N, B shared, device)
BATCHES = [
    (8, 256, 1024, 1024, True, "wormhole_b0"),
    (8, 256, 1024, 1024, False, "wormhole_b0"),
    (32, 128, 256, 256, True, "wormhole_b0"),
    (8, 256, 256, 256, False, "wormhole_b0"),
    (3, 100, 512, 512, True, "blackhole"),
]

PREDICTED = re.compile(r"remark: schedule: (.+?) block (\S+) .* on (\d+) cores: (\d+) cycles predicted")


def run(cmd):
    return subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def measure(work, batch, m, k, n, shared, device, options, tag):
    ta, tc = f"memref<{batch}x{m}x{k}xbf16>", f"memref<{batch}x{m}x{n}xbf16>"
    tb = f"memref<{k}x{n}xbf16>" if shared else f"memref<{batch}x{k}x{n}xbf16>"
    src = os.path.join(work, tag + ".mlir")
    with open(src, "w") as f:
        f.write(f"func.func @bmm(%A: {ta}, %B: {tb}, %C: {tc}) {{\n"
                f"  tl.matmul %A, %B into %C : {ta}, {tb} into {tc}\n  return\n}}\n")
    lowered, prog, stats = (os.path.join(work, tag + ext) for ext in (".tt.mlir", "", ".json"))
    opt = run([os.path.join(BUILD, "bin", "tt-opt"), src, "-o", lowered, "--mlir-print-op-on-diagnostic=false",
               f"--tl-to-tt-pipeline=device={device} explain-schedule {options}"])
    run([os.path.join(BUILD, "bin", "tt-translate"), "--emit-metalium", "--output-dir", prog, lowered])
    run([os.path.join(BUILD, "emulator", "bin", "tt-run"), "--arch", device, "--no-stats", "--stats-json", stats,
         prog])
    return json.load(open(stats))["programs"][-1], PREDICTED.search(opt.stderr)


def main():
    print(f"{'batch x M x K x N':>22} {'B':<7} {'device':<12} {'fold':<5} | {'schedule':<28} {'cores':>5} "
          f"{'reads':>6} {'modeled us':>10} {'util':>6} {'predicted/modeled':>17}")
    with tempfile.TemporaryDirectory() as work:
        for batch, m, k, n, shared, device in BATCHES:
            tiles = lambda x: (x + 31) // 32
            minimum = batch * tiles(m) * tiles(k) + (1 if shared else batch) * tiles(k) * tiles(n)
            for fold in ([True, False] if shared else [True]):
                tag = f"{batch}x{m}x{k}x{n}-{shared}-{device}-{fold}"
                stats, predicted = measure(work, batch, m, k, n, shared, device,
                                           "" if fold else "fold-shared-batch=false", tag)
                modeled = stats["modeled"]
                print(f"{f'{batch}x{m}x{k}x{n}':>22} {'shared' if shared else 'batched':<7} {device:<12} "
                      f"{'yes' if fold and shared else 'no':<5} | {predicted.group(1) + ' ' + predicted.group(2):<28} "
                      f"{stats['cores']:>5} {stats['noc']['unicast_reads'] / minimum:>5.2f}x "
                      f"{modeled['cycles'] / 1000:>10.1f} {100 * modeled['utilization']:>5.1f}% "
                      f"{int(predicted.group(4)) / modeled['cycles']:>17.3f}")
    print("\n(all time figures MODELED by the emulator's timing model at 1 GHz)")


if __name__ == "__main__":
    main()
