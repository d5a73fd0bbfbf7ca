#!/usr/bin/env bash
# The emulator's own speed on a 2048^3 bf16 matmul, side by side with a plain
# single-threaded fp32 triple loop built with -O3 -march=native
# (ttemu-gemm-baseline) on the same machine.
# usage: bench/emulator-speed.sh [BUILD_DIR] [REPEATS]
# The compiler's default program for 2048^3 is emitted once and run REPEATS
# times by tt-run with a warm cache (host program and kernels built), the plain
# loop timed in alternation with it so both see the same machine load. Prints
# the medians: the emulated run (the device part, as tt-run reports it), the
# whole tt-run wall time (host program: inputs, tilize, the emulated run,
# untilize, the double-precision reference check), the plain loop, and the
# ratio of the plain loop to the emulated run (above 1: the emulator is faster).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
repeats=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n=2048
cat > "$work/mm.mlir" <<MLIR
func.func @mm(%A: memref<${n}x${n}xbf16>, %B: memref<${n}x${n}xbf16>, %C: memref<${n}x${n}xbf16>) {
  tl.matmul %A, %B into %C : memref<${n}x${n}xbf16>, memref<${n}x${n}xbf16> into memref<${n}x${n}xbf16>
  return
}
MLIR
"$build/bin/tt-opt" "$work/mm.mlir" --tl-to-tt-pipeline -o "$work/tt.mlir"
"$build/bin/tt-translate" --emit-metalium --output-dir "$work/prog" "$work/tt.mlir"
export TTEMU_CACHE_DIR="$work/cache"
"$build/emulator/bin/tt-run" --no-stats "$work/prog" > /dev/null  # warm: host program and kernels built
: > "$work/times"
for _ in $(seq "$repeats"); do
  base=$("$build/emulator/bin/ttemu-gemm-baseline" $n $n $n | sed -E 's/.*: ([0-9.]+) s,.*/\1/')
  start=$(date +%s.%N)
  "$build/emulator/bin/tt-run" --stats-json "$work/stats.json" "$work/prog" > "$work/run.txt" 2>&1
  end=$(date +%s.%N)
  grep -q '^PASS' "$work/run.txt" || { cat "$work/run.txt"; exit 1; }
  run=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["programs"][-1]["wall_seconds"]["run"])' "$work/stats.json")
  echo "$run $(python3 -c "print($end - $start)") $base" >> "$work/times"
done
python3 - "$work/times" <<'PY'
import statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1])]
run, wall, base = (statistics.median(c) for c in zip(*rows))
print(f"2048^3 bf16, default schedule, {len(rows)} runs, medians (wall-clock on this machine)")
print(f"  emulated run (device part):         {run:.3f} s")
print(f"  tt-run wall, warm cache:            {wall:.3f} s")
print(f"  plain fp32 loop -O3 -march=native:  {base:.3f} s")
print(f"  plain loop / emulated run:          {base / run:.2f}x")
PY
