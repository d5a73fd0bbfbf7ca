#!/usr/bin/env bash
# 1024x1024x1024 bf16 matmul on the emulated 8x8 Wormhole grid (one output tile per step, 2*Mt*Nt*Kt
# tile reads), from a cold kernel cache, against a plain single-threaded fp32 GEMM.
# usage: run-matmul-bench.sh BUILD_DIR [M K N]
set -euo pipefail
build=${1:?usage: run-matmul-bench.sh BUILD_DIR [M K N]}
M=${2:-1024} K=${3:-1024} N=${4:-1024}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TTEMU_CACHE_DIR=$work/cache     # cold kernel cache
export TTEMU_ARCH=wormhole_b0
# build the host program first (not part of the measured time)
"$build/bin/tt-run" --no-stats "$here/../test/matmul_multicore" -- 32 32 32 >/dev/null
rm -rf "$TTEMU_CACHE_DIR"/*.so "$TTEMU_CACHE_DIR"/*.deps
start=$(date +%s.%N)
"$build/bin/tt-run" --stats-json "$work/stats.json" "$here/../test/matmul_multicore" -- "$M" "$K" "$N"
end=$(date +%s.%N)
"$build/bin/ttemu-gemm-baseline" "$M" "$K" "$N" | tee "$work/baseline.txt"
python3 - "$work/stats.json" "$work/baseline.txt" "$start" "$end" "$M" "$K" "$N" <<'PY'
import json, re, sys
stats = json.load(open(sys.argv[1]))["programs"][-1]
base = open(sys.argv[2]).read()
start, end = float(sys.argv[3]), float(sys.argv[4])
M, K, N = map(int, sys.argv[5:8])
macs = M * K * N
compile_s = stats["wall_seconds"]["kernel_compile"]
run_s = stats["wall_seconds"]["run"]
base_s = float(re.search(r": ([0-9.]+) s", base).group(1))
print(f"\n== emulated {M}x{K}x{N} bf16 matmul on {stats['cores']} cores ({stats['device']}) ==")
print(f"kernel compile (cold cache): {compile_s:.3f} s")
print(f"emulated run:                {run_s:.3f} s")
print(f"whole program wall (incl. host setup, tilize, reference check): {end - start:.2f} s")
print(f"DRAM read {stats['dram']['read_bytes'] / 2**20:.0f} MiB, {stats['noc']['unicast_reads']} tile reads, "
      f"{stats['matmul_tiles']['total']} matmul tiles, modeled device time {stats['modeled']['microseconds']:.0f} us, utilization {100 * stats['modeled']['utilization']:.1f} %")
print(f"emulated multiply-add rate: {macs / run_s / 1e9:.2f} GMAC/s; plain fp32 GEMM: {macs / base_s / 1e9:.2f} GMAC/s "
      f"(emulator / baseline = {base_s / run_s:.2f}x)")
PY
