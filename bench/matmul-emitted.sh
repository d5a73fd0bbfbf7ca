#!/usr/bin/env bash
# Benchmarks programs emitted by the compiler on the emulator.
# usage: bench/matmul-emitted.sh [BUILD_DIR] [M K N]
# For each block configuration: compile tl.matmul MxKxN (bf16) through
# --tl-to-tt-pipeline, emit it, and run it on the emulated 8x8 Wormhole from a
# cold kernel cache. Prints kernel-compile and run time, whole wall time, DRAM
# tile reads against the minimum Mt*Kt + Kt*Nt, and the emulated multiply-add
# rate against a plain single-threaded fp32 GEMM on the same machine.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
M=${2:-1024} K=${3:-1024} N=${4:-1024}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TTEMU_ARCH=wormhole_b0
cat > "$work/mm.mlir" <<MLIR
func.func @mm(%A: memref<${M}x${K}xbf16>, %B: memref<${K}x${N}xbf16>, %C: memref<${M}x${N}xbf16>) {
  tl.matmul %A, %B into %C : memref<${M}x${K}xbf16>, memref<${K}x${N}xbf16> into memref<${M}x${N}xbf16>
  return
}
MLIR
"$build/emulator/bin/ttemu-gemm-baseline" "$M" "$K" "$N" > "$work/baseline.txt"
for config in "32 32 32" "64 64 32" "128 128 32" "128 128 64" "256 256 64"; do
  read -r bm bn bk <<< "$config"
  prog="$work/prog-$bm-$bn-$bk"
  start=$(date +%s.%N)
  "$build/bin/tt-opt" "$work/mm.mlir" \
    --tl-to-tt-pipeline="block-m=$bm block-n=$bn block-k=$bk" -o "$work/tt.mlir"
  "$build/bin/tt-translate" --emit-metalium --output-dir "$prog" "$work/tt.mlir"
  compiled=$(date +%s.%N)
  export TTEMU_CACHE_DIR="$work/cache-$bm-$bn-$bk" # cold kernel cache
  "$build/emulator/bin/tt-run" --no-stats --stats-json "$work/stats.json" "$prog" > "$work/run.txt"
  end=$(date +%s.%N)
  python3 - "$work/stats.json" "$work/baseline.txt" "$work/run.txt" "$start" "$compiled" "$end" \
      "$M" "$K" "$N" "$bm" "$bn" "$bk" <<'PY'
import json, re, sys
stats = json.load(open(sys.argv[1]))["programs"][-1]
base = open(sys.argv[2]).read()
verdict = open(sys.argv[3]).read().strip().splitlines()[-1]
start, compiled, end = map(float, sys.argv[4:7])
M, K, N, bm, bn, bk = map(int, sys.argv[7:13])
macs = M * K * N
run_s = stats["wall_seconds"]["run"]
base_s = float(re.search(r": ([0-9.]+) s", base).group(1))
tile_reads = stats["noc"]["unicast_reads"]
minimum = (M // 32) * (K // 32) + (K // 32) * (N // 32)
print(f"== {M}x{K}x{N}, blocks {bm}x{bn}, K step {bk}, {stats['cores']} cores ==")
print(f"  compile to Metalium: {compiled - start:.2f} s; kernel compile: {stats['wall_seconds']['kernel_compile']:.2f} s; "
      f"emulated run: {run_s:.2f} s; whole (incl. host build, tilize, reference check): {end - start:.2f} s")
print(f"  DRAM tile reads: {tile_reads} ({tile_reads / minimum:.1f}x the minimum {minimum}); "
      f"DRAM read {stats['dram']['read_bytes'] / 2**20:.1f} MiB; modeled device time {stats['modeled']['microseconds']:.0f} us, utilization {100 * stats['modeled']['utilization']:.1f} % (modeled)")
print(f"  emulated multiply-add rate {macs / run_s / 1e9:.2f} GMAC/s vs plain fp32 GEMM {macs / base_s / 1e9:.2f} GMAC/s")
print(f"  {verdict}")
PY
done
