#!/usr/bin/env python3
"""Modeled device time of a bf16 HiFi4 matmul on one Wormhole and split over an
n300 (1x2) and a T3000 (2x4) mesh, with the host transfers reported apart.

usage: python3 bench/mesh.py [BUILD_DIR] [--size N] [--sweep] [--choices]

Each program is compiled with the default pipeline (the split and each
device's schedule chosen by the cost model), built and run on the emulator,
and checks its own result. Every time figure is MODELED by the emulator's
timing model (docs/timing-model.md), not measured on hardware: the mesh's
device time is its slowest device's (the devices run in parallel), the host
transfers go over the system's host links (PCIe 4.0 x16, 31.5 GB/s each; an
n300's two chips share one, a T3000 has four). --sweep adds a few shapes and
prints the split chosen for each. --choices only compiles: for a sweep of
shapes, the split the compiler chooses on each system and its predicted device
and host-transfer times (the compiler's cost model, no emulation).
"""
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPLIT = re.compile(r"remark: mesh split on the \S+ mesh \((\w+)\): ([^,]+(?:, [^,]+ its columns)?), (\d+)x(\d+) shards")
PREDICTED = re.compile(r"remark: mesh split .*?= ([0-9.]+) us predicted; host transfers ([0-9.]+) us")
CHOICE_SHAPES = [(8192, 8192, 8192), (4096, 4096, 4096), (32768, 1024, 1024), (1024, 1024, 32768),
                 (256, 8192, 8192), (8192, 8192, 256), (2048, 2048, 2048), (512, 512, 512)]


def choices(build, work):
    print("Predicted by the compiler's cost model (MODELED; no emulation): the split chosen per shape.")
    print(f"{'M x K x N':>18} {'system':>7} {'split (chosen)':>52} {'shards':>6} {'device us':>10} {'host us':>9}")
    for m, k, n in CHOICE_SHAPES:
        for system in ("n300", "t3k", "galaxy"):
            mlir = os.path.join(work, "mm.mlir")
            with open(mlir, "w") as f:
                f.write(f"""func.func @mm(%A: memref<{m}x{k}xbf16>, %B: memref<{k}x{n}xbf16>, %C: memref<{m}x{n}xbf16>) {{
  tl.matmul %A, %B into %C : memref<{m}x{k}xbf16>, memref<{k}x{n}xbf16> into memref<{m}x{n}xbf16>
  return
}}
""")
            opt = subprocess.run([os.path.join(build, "bin", "tt-opt"), mlir,
                                  f"--tl-to-tt-pipeline=system={system} explain-schedule=true", "-o", os.devnull],
                                 capture_output=True, text=True, check=True)
            split, pred = SPLIT.search(opt.stderr), PREDICTED.search(opt.stderr)
            print(f"{m:>6}x{k:>5}x{n:>5} {system:>7} {split.group(2):>52} {split.group(3) + 'x' + split.group(4):>6} "
                  f"{float(pred.group(1)):>10.1f} {float(pred.group(2)):>9.1f}")


def run(build, m, k, n, system, work):
    mlir = os.path.join(work, "mm.mlir")
    with open(mlir, "w") as f:
        f.write(f"""func.func @mm(%A: memref<{m}x{k}xbf16>, %B: memref<{k}x{n}xbf16>, %C: memref<{m}x{n}xbf16>) {{
  tl.matmul %A, %B into %C : memref<{m}x{k}xbf16>, memref<{k}x{n}xbf16> into memref<{m}x{n}xbf16>
  return
}}
""")
    tt = os.path.join(work, "tt.mlir")
    opt = subprocess.run([os.path.join(build, "bin", "tt-opt"), mlir,
                          f"--tl-to-tt-pipeline=system={system} explain-schedule=true", "-o", tt],
                         capture_output=True, text=True, check=True)
    split = SPLIT.search(opt.stderr)
    prog = os.path.join(work, f"prog-{system}-{m}-{k}-{n}")
    subprocess.run([os.path.join(build, "bin", "tt-translate"), "--emit-metalium", "--output-dir", prog, tt],
                   check=True)
    stats = os.path.join(work, "stats.json")
    out = subprocess.run([os.path.join(build, "emulator", "bin", "tt-run"), "--no-stats", "--stats-json", stats, prog],
                         capture_output=True, text=True)
    if out.returncode != 0 or not out.stdout.startswith("PASS"):
        sys.exit(out.stdout + out.stderr)
    s = json.load(open(stats))
    program = s["programs"][-1]
    host = s["host_transfers"]
    mesh = program.get("mesh")
    return {
        "device_us": program["modeled"]["microseconds"],
        "utilization": mesh["utilization"] if mesh else program["modeled"]["utilization"],
        "host_us": host["to_device_microseconds"] + host["from_device_microseconds"],
        "links": host["links"],
        "split": (split.group(2), split.group(3) + "x" + split.group(4)) if split else ("one device", "1x1"),
    }


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    build = args[0] if args else os.path.join(ROOT, "build")
    size = 8192
    if "--size" in argv:
        size = int(argv[argv.index("--size") + 1])
        args = [a for a in args if a != str(size)]
        build = args[0] if args else os.path.join(ROOT, "build")
    if "--choices" in argv:
        with tempfile.TemporaryDirectory() as work:
            choices(build, work)
        return
    shapes = [(size, size, size)]
    if "--sweep" in argv:
        shapes += [(8192, 1024, 1024), (1024, 1024, 8192), (256, 4096, 4096), (4096, 4096, 256)]
    print("All times MODELED by the emulator's timing model (not measured on hardware).")
    print(f"{'M x K x N':>18} {'system':>7} {'split (chosen)':>52} {'device us':>10} {'speed-up':>8} "
          f"{'mesh util':>9} {'host us':>9} {'links':>5}")
    with tempfile.TemporaryDirectory() as work:
        for m, k, n in shapes:
            base = None
            for system in ("single", "n300", "t3k"):
                r = run(build, m, k, n, system, work)
                base = base or r["device_us"]
                split = r["split"][0] + " " + r["split"][1]
                print(f"{m:>6}x{k:>5}x{n:>5} {system:>7} {split:>52} {r['device_us']:>10.1f} "
                      f"{base / r['device_us']:>7.2f}x {100 * r['utilization']:>8.1f}% {r['host_us']:>9.1f} "
                      f"{r['links']:>5}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
