#!/usr/bin/env bash
# [TYPES="A B C"] [TRANSPOSE=a|b|ab] [ACCUMULATE=1] [BATCH=n [SHARED=a|b]] [A_FORMAT=f] [B_FORMAT=f]
# [BIAS=1] [EPILOGUE="[#tl.activation<gelu>, ...]"]
#   run-matmul.sh M K N DEVICE [PIPELINE-OPTIONS...]
# Compiles C[MxN] = A[MxK] * B[KxN] (element types TYPES, default bf16; with
# TRANSPOSE, the operands named are stored transposed: A as KxM, B as NxK)
# ACCUMULATE=1: C += A * B on C's random initial values; BATCH=n: n products,
# A, B and C of rank 3, but the operand SHARED names stays one matrix that
# every product uses) from tl.matmul through the whole
# pipeline, emits the Metalium program and runs it on the emulator's DEVICE.
# A_FORMAT / B_FORMAT (bfp8_b): the device format of that input (tt.format).
# Prints the program's own verdict; exits with its status.
set -euo pipefail
m=$1 k=$2 n=$3 device=$4
read -r ta tb tc <<< "${TYPES:-bf16 bf16 bf16}"
a_shape="${m}x${k}" b_shape="${k}x${n}" transpose=""
case "${TRANSPOSE:-}" in
  "") ;;
  a) a_shape="${k}x${m}" transpose=" transpose_a" ;;
  b) b_shape="${n}x${k}" transpose=" transpose_b" ;;
  ab) a_shape="${k}x${m}" b_shape="${n}x${k}" transpose=" transpose_a transpose_b" ;;
  *) echo "run-matmul: TRANSPOSE must be a, b or ab" >&2; exit 2 ;;
esac
[ -n "${ACCUMULATE:-}" ] && transpose="$transpose accumulate"
# BIAS=1: a bias row of N values (function argument 3); EPILOGUE="[steps]":
# the fused epilogue's steps (#tl.activation / #tl.scale attributes).
bias_arg="" bias_type=""
if [ -n "${BIAS:-}" ]; then
  bias_arg=", %bias: memref<${n}x${tc}>"
  bias_type=", memref<${n}x${tc}>"
  transpose="$transpose bias %bias"
fi
[ -n "${EPILOGUE:-}" ] && transpose="$transpose epilogue ${EPILOGUE}"
c_shape="${m}x${n}"
if [ -n "${BATCH:-}" ]; then
  [ "${SHARED:-}" = a ] || a_shape="${BATCH}x${a_shape}"
  [ "${SHARED:-}" = b ] || b_shape="${BATCH}x${b_shape}"
  c_shape="${BATCH}x${c_shape}"
fi
a_attr="" b_attr=""
[ -n "${A_FORMAT:-}" ] && a_attr=" {tt.format = #tt.format<${A_FORMAT}>}"
[ -n "${B_FORMAT:-}" ] && b_attr=" {tt.format = #tt.format<${B_FORMAT}>}"
shift 4
options="device=$device${*:+ $*}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/mm.mlir" <<MLIR
func.func @mm(%A: memref<${a_shape}x${ta}>${a_attr}, %B: memref<${b_shape}x${tb}>${b_attr}, %C: memref<${c_shape}x${tc}>${bias_arg}) {
  tl.matmul %A, %B into %C${transpose} : memref<${a_shape}x${ta}>, memref<${b_shape}x${tb}> into memref<${c_shape}x${tc}>${bias_type}
  return
}
MLIR
tt-opt "$work/mm.mlir" --tl-to-tt-pipeline="$options" -o "$work/tt.mlir"
tt-translate --emit-metalium --output-dir "$work/prog" "$work/tt.mlir"
echo "run-matmul: ${BATCH:+${BATCH} x }${m}x${k}x${n}${transpose} on $device ($options)"
TTEMU_STATS=0 tt-run --arch "$device" "$work/prog"
