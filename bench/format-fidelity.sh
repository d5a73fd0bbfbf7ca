#!/usr/bin/env bash
# Modeled device time of bf16 and bfp8_b matmuls at each fidelity (the
# emulator's timing model: modeled, not measured on hardware), with the
# compiler's automatically chosen schedule.
# usage: bench/format-fidelity.sh [BUILD_DIR] [SIZE...]   (default sizes 1024 2048)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
shift || true
sizes=("${@:-1024 2048}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%-6s %-8s %-8s %-7s %-24s %10s %8s %10s %9s\n' size A B fidelity schedule "modeled us" util "DRAM MiB" "vs bf16 HiFi4"
for n in ${sizes[*]}; do
  base=""
  for config in "bf16 bf16 hifi4" "bf16 bf16 hifi2" "bf16 bf16 lofi" "bf16 bfp8_b hifi2" "bf16 bfp8_b lofi" "bfp8_b bfp8_b lofi" "bf16 bfp4_b lofi"; do
    read -r fa fb fid <<< "$config"
    attr() { [ "$1" != bf16 ] && echo " {tt.format = #tt.format<$1>}" || true; }
    cat > "$work/mm.mlir" <<MLIR
func.func @mm(%A: memref<${n}x${n}xbf16>$(attr "$fa"), %B: memref<${n}x${n}xbf16>$(attr "$fb"), %C: memref<${n}x${n}xbf16>) {
  tl.matmul %A, %B into %C : memref<${n}x${n}xbf16>, memref<${n}x${n}xbf16> into memref<${n}x${n}xbf16>
  return
}
MLIR
    "$build/bin/tt-opt" "$work/mm.mlir" --tl-to-tt-pipeline="math-fidelity=$fid explain-schedule=true" \
      -o "$work/tt.mlir" 2> "$work/explain.txt"
    sched=$(sed -nE 's/.*remark: schedule: ([a-z]+) block ([0-9x]+).*/\1_\2/p' "$work/explain.txt" | head -1)
    rm -rf "$work/prog"
    "$build/bin/tt-translate" --emit-metalium --output-dir "$work/prog" "$work/tt.mlir"
    "$build/emulator/bin/tt-run" --no-stats --stats-json "$work/stats.json" "$work/prog" > "$work/run.txt"
    grep -q '^PASS' "$work/run.txt" || { cat "$work/run.txt"; exit 1; }
    read -r us util mib < <(python3 - "$work/stats.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))["programs"][-1]
print("%.1f %.1f %.1f" % (s["modeled"]["microseconds"], 100 * s["modeled"]["utilization"],
                          s["dram"]["read_bytes"] / 2**20))
PY
)
    [ -z "$base" ] && base=$us
    ratio=$(python3 -c "print('%.2fx' % ($base / $us))")
    printf '%-6s %-8s %-8s %-7s %-24s %10s %7s%% %10s %9s\n' "$n" "$fa" "$fb" "$fid" "${sched//_/ }" "$us" "$util" "$mib" "$ratio"
  done
done
