#!/usr/bin/env python3
"""Compile time of the pipeline plus emission, against parsing and printing.

usage: .venv/bin/python bench/compile-time.py [REPEATS]

For each program, in-process through the compiler's Python bindings (so
process start-up and library loading, which dominate a single tt-opt run, are
not counted), the median over REPEATS runs of
  tools   = --tl-to-tt-pipeline on the input (parse, passes, print)
            + --emit-metalium on its output (parse, emission): the
            tt-opt | tt-translate flow, IR text in between
  compile = the same pipeline and emission on one module
            (_ttmlir.compile_metalium: parse the input, passes, emission)
  parse   = parsing and printing the pipeline's output once
and the ratios to parse. Figures are wall-clock on this machine: compare the
ratios, not the milliseconds, between machines.
"""
import statistics
import sys
import time

from tilelang_tt import _ttmlir

PROGRAMS = [
    # name, device, M, K, N, block
    ("4 cores", "wormhole_b0", 64, 64, 64, 32),
    ("64 cores", "wormhole_b0", 1024, 1024, 1024, 32),
    ("110 cores", "blackhole", 320, 64, 384, 32),
    ("2048^3 blocks 128", "wormhole_b0", 2048, 2048, 2048, 128),
]


def source(m, k, n):
    return (f"func.func @mm(%A: memref<{m}x{k}xbf16>, %B: memref<{k}x{n}xbf16>, "
            f"%C: memref<{m}x{n}xbf16>) {{\n"
            f"  tl.matmul %A, %B into %C : memref<{m}x{k}xbf16>, memref<{k}x{n}xbf16> "
            f"into memref<{m}x{n}xbf16>\n  return\n}}\n")


def median_ms(fn, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times)


def check(result):
    if not result["ok"]:
        raise SystemExit(result["diagnostics"])
    return result


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    print(f"{'program':<20} {'tools ms':>9} {'compile ms':>10} {'parse+print ms':>15} "
          f"{'tools/parse':>11} {'compile/parse':>13} {'host.cpp lines':>15}")
    for name, device, m, k, n, block in PROGRAMS:
        src = source(m, k, n)
        pipeline = f"tl-to-tt-pipeline{{device={device} block-m={block} block-n={block}}}"
        lowered = check(_ttmlir.run_pipeline(src, pipeline))["ir"]
        files = check(_ttmlir.emit_metalium(lowered))["files"]

        if check(_ttmlir.compile_metalium(src, pipeline))["files"] != files:
            raise SystemExit(f"{name}: the one-step compile emits other files than the tools")

        def tools_once():
            ir = check(_ttmlir.run_pipeline(src, pipeline))["ir"]
            check(_ttmlir.emit_metalium(ir))

        tools_ms = median_ms(tools_once, repeats)
        compile_ms = median_ms(lambda: check(_ttmlir.compile_metalium(src, pipeline)), repeats)
        parse_ms = median_ms(lambda: check(_ttmlir.parse(lowered)), repeats)
        lines = files["host.cpp"].count("\n")
        print(f"{name:<20} {tools_ms:>9.1f} {compile_ms:>10.1f} {parse_ms:>15.1f} "
              f"{tools_ms / parse_ms:>11.2f} {compile_ms / parse_ms:>13.2f} {lines:>15}")


if __name__ == "__main__":
    main()
