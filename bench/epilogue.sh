#!/usr/bin/env bash
# Modeled device time of a matmul with and without a fused bias + GELU
# epilogue, bf16 HiFi4 and bfp8_b weights at LoFi (the emulator's timing
# model: modeled, not measured on hardware), with the compiler's
# automatically chosen schedule. Every program checks its result.
# usage: bench/epilogue.sh [BUILD_DIR] [SIZE...]   (default sizes 1024 2048)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
shift || true
sizes=("${@:-1024 2048}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%-6s %-8s %-7s %-10s %-26s %10s %8s %12s %14s\n' size B fidelity epilogue schedule "modeled us" util "predicted us" "vs no epilogue"
for n in ${sizes[*]}; do
  for config in "bf16 hifi4" "bfp8_b lofi"; do
    read -r fb fid <<< "$config"
    battr=""
    [ "$fb" != bf16 ] && battr=" {tt.format = #tt.format<$fb>}"
    base=""
    for epilogue in none bias+gelu; do
      if [ "$epilogue" = none ]; then extra="" args="" types=""
      else extra=" bias %bias epilogue [#tl.activation<gelu>]" args=", %bias: memref<${n}xbf16>" types=", memref<${n}xbf16>"
      fi
      cat > "$work/mm.mlir" <<MLIR
func.func @mm(%A: memref<${n}x${n}xbf16>, %B: memref<${n}x${n}xbf16>${battr}, %C: memref<${n}x${n}xbf16>${args}) {
  tl.matmul %A, %B into %C${extra} : memref<${n}x${n}xbf16>, memref<${n}x${n}xbf16> into memref<${n}x${n}xbf16>${types}
  return
}
MLIR
      "$build/bin/tt-opt" "$work/mm.mlir" --tl-to-tt-pipeline="math-fidelity=$fid explain-schedule=true" \
        -o "$work/tt.mlir" 2> "$work/explain.txt"
      sched=$(sed -nE "s/.*remark: schedule: ([a-z]+) block ([0-9x]+) .*/\1_\2/p" "$work/explain.txt" | head -1)
      predicted=$(sed -nE "s/.*remark: schedule: .*: ([0-9]+) cycles predicted.*/\1/p" "$work/explain.txt" | head -1)
      rm -rf "$work/prog"
      "$build/bin/tt-translate" --emit-metalium --output-dir "$work/prog" "$work/tt.mlir"
      "$build/emulator/bin/tt-run" --no-stats --stats-json "$work/stats.json" "$work/prog" > "$work/run.txt"
      grep -q '^PASS' "$work/run.txt" || { cat "$work/run.txt"; exit 1; }
      read -r us util clock < <(python3 - "$work/stats.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))["programs"][-1]
m = s["modeled"]
print("%.1f %.1f %.6f" % (m["microseconds"], 100 * m["utilization"], m["microseconds"] / m["cycles"]))
PY
)
      pus=$(python3 -c "print('%.1f' % (${predicted:-0} * $clock))")
      [ -z "$base" ] && base=$us
      ratio=$(python3 -c "print('%.2fx' % ($us / $base))")
      printf '%-6s %-8s %-7s %-10s %-26s %10s %7s%% %12s %14s\n' "$n" "$fb" "$fid" "$epilogue" "${sched//_/ }" "$us" "$util" "$pus" "$ratio"
    done
  done
done
