#!/usr/bin/env bash
# run-matmul.sh M K N DEVICE [PIPELINE-OPTIONS...]
# Compiles C[MxN] = A[MxK] * B[KxN] (bf16) from tl.matmul through the whole
# pipeline, emits the Metalium program and runs it on the emulator's DEVICE.
# Prints the program's own verdict; exits with its status.
set -euo pipefail
m=$1 k=$2 n=$3 device=$4
shift 4
options="device=$device${*:+ $*}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/mm.mlir" <<MLIR
func.func @mm(%A: memref<${m}x${k}xbf16>, %B: memref<${k}x${n}xbf16>, %C: memref<${m}x${n}xbf16>) {
  tl.matmul %A, %B into %C : memref<${m}x${k}xbf16>, memref<${k}x${n}xbf16> into memref<${m}x${n}xbf16>
  return
}
MLIR
tt-opt "$work/mm.mlir" --tl-to-tt-pipeline="$options" -o "$work/tt.mlir"
tt-translate --emit-metalium --output-dir "$work/prog" "$work/tt.mlir"
echo "run-matmul: ${m}x${k}x${n} on $device ($options)"
TTEMU_STATS=0 tt-run --arch "$device" "$work/prog"
