#!/usr/bin/env bash
# Runs every test: lit (dialects, passes, translation) and the emulator's unit
# and end-to-end tests, the Python package's tests and a short fuzzing run.
# Exits non-zero when any test fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${TT_BUILD_DIR:-$root/build}"
if [[ ! -f "$build/build.ninja" ]]; then
  echo "no build in $build: run scripts/setup.sh first" >&2
  exit 1
fi
ninja -C "$build"
status=0
/usr/lib/llvm-22/bin/lit -sv "$build/test" "$build/test/Unit" || status=1
if [[ -d "$root/python/tests" ]]; then
  TT_BUILD_DIR="$build" "$root/.venv/bin/python" -m pytest "$root/python/tests" -q || status=1
fi
# A short, reproducible fuzzing run of the compiler (its own clang build).
bash "$root/scripts/fuzz.sh" --ci || status=1
exit $status
