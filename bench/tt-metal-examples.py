#!/usr/bin/env python3
"""tt-metal's own matmul examples against the compiler's programs for the same shapes, on the same model.

usage: python3 bench/tt-metal-examples.py [BUILD_DIR] [--examples DIR]

Builds tt-metal's matmul programming examples unchanged against the emulator's TT-Metalium package
(DIR: a tt-metal tree or a copy of its examples; default ../shared/tt-metal-examples or
$TT_METAL_EXAMPLES), runs each with the emulator's stats, then compiles the same shape with
--tl-to-tt-pipeline (the example's own schedule and blocks -- the equivalent program --, the default
schedule, and multicast and reuse forced) and runs that. The table gives
cores, DRAM tile reads, modeled cycles and utilization (GEMM_FLOPS definition), and each program's
modeled time over the example's. Every time figure is MODELED by the emulator's timing model
(docs/timing-model.md), not measured on hardware.
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
args = [a for a in sys.argv[1:] if not a.startswith("--")]
BUILD = os.path.abspath(args[0] if args else os.path.join(ROOT, "build"))
EXAMPLES = os.environ.get("TT_METAL_EXAMPLES") or os.path.join(ROOT, "..", "shared", "tt-metal-examples")
if "--examples" in sys.argv:
    EXAMPLES = sys.argv[sys.argv.index("--examples") + 1]

# example -> (M, K, N) it multiplies: its source's constants (the mcast example's CMakeLists.txt
# defines TT_METAL_CI_MODE, which selects 2048 x 512 x 1024), and the pipeline options that make
# the compiler's equivalent program: the example's schedule, per-core blocks (as it prints them)
# and K step (in0_block_w = 2 tiles); none for the single-core example.
MATMULS = [
    ("matmul_single_core", (640, 640, 640), None),
    ("matmul_multi_core", (640, 640, 640), "schedule=reuse block-m=32 block-n=32 block-k=32"),
    ("matmul_multicore_reuse", (640, 640, 640), "schedule=reuse block-m=640 block-n=128 block-k=64"),
    ("matmul_multicore_reuse_mcast", (2048, 512, 1024),
     "schedule=multicast block-m=1024 block-n=128 block-k=64"),
]


def run(cmd, env=None):
    return subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def stats_of(path):
    program = json.load(open(path))["programs"][-1]
    return program["cores"], program["noc"]["unicast_reads"], program["modeled"]["cycles"], \
        program["modeled"]["utilization"]


def compiled(work, m, k, n, options, tag):
    ta, tb, tc = f"memref<{m}x{k}xbf16>", f"memref<{k}x{n}xbf16>", f"memref<{m}x{n}xbf16>"
    src, lowered, prog, stats = (os.path.join(work, tag + ext) for ext in (".mlir", ".tt.mlir", "", ".json"))
    with open(src, "w") as f:
        f.write(f"func.func @mm(%A: {ta}, %B: {tb}, %C: {tc}) {{\n"
                f"  tl.matmul %A, %B into %C : {ta}, {tb} into {tc}\n  return\n}}\n")
    run([os.path.join(BUILD, "bin", "tt-opt"), src, "-o", lowered, f"--tl-to-tt-pipeline={options}"])
    run([os.path.join(BUILD, "bin", "tt-translate"), "--emit-metalium", "--output-dir", prog, lowered])
    run([os.path.join(BUILD, "emulator", "bin", "tt-run"), "--no-stats", "--stats-json", stats, prog])
    return stats_of(stats)


def main():
    if not os.path.isdir(os.path.join(EXAMPLES, "tt_metal", "programming_examples")):
        sys.exit(f"no tt-metal programming examples under {EXAMPLES} (--examples DIR or $TT_METAL_EXAMPLES)")
    with tempfile.TemporaryDirectory() as work:
        out = os.path.join(work, "examples")
        run(["bash", os.path.join(ROOT, "test", "emulator", "build-tt-metal-examples.sh"), out, EXAMPLES,
             os.path.join(BUILD, "emulator"), "matmul"])
        print(f"{'program':<44} {'M x K x N':>16} {'cores':>5} {'reads':>6} {'cycles':>9} {'util':>6} "
              f"{'vs example':>10}")
        for name, (m, k, n), equivalent in MATMULS:
            stats = os.path.join(work, name + ".json")
            env = dict(os.environ, TT_METAL_HOME=EXAMPLES, TTEMU_STATS="0", TTEMU_STATS_JSON=stats)
            run([os.path.join(out, "matmul", name, "metal_example_" + name)], env=env)
            base = stats_of(stats)
            rows = [(f"tt-metal {name}", base)]
            variants = [("", "compiler, default (auto)"), ("schedule=multicast", "compiler, multicast"),
                        ("schedule=reuse", "compiler, reuse")]
            if equivalent:
                variants.insert(0, (equivalent, "compiler, the example's blocks"))
            for options, label in variants:
                tag = f"{name}-{len(rows)}"
                rows.append((label, compiled(work, m, k, n, options, tag)))
            for label, (cores, reads, cycles, util) in rows:
                print(f"{label:<44} {f'{m}x{k}x{n}':>16} {cores:>5} {reads:>6} {cycles:>9} {100 * util:>5.1f}% "
                      f"{cycles / base[2]:>9.2f}x")
    print("\n(all cycles MODELED by the emulator's timing model, wormhole_b0, bf16, HiFi4)")


if __name__ == "__main__":
    main()
