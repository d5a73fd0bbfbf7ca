#!/usr/bin/env bash
# build-tt-metal-examples.sh OUT_DIR EXAMPLES_ROOT EMULATOR_PREFIX EXAMPLE...
# Configures and builds tt-metal's programming examples named (directories under
# tt_metal/programming_examples of EXAMPLES_ROOT), unchanged, with their own CMakeLists.txt
# against the emulator's TT-Metalium package (emulator/test/tt-metal-examples/CMakeLists.txt
# sets them up as tt-metal's programming_examples/CMakeLists.txt does). Quiet unless it fails.
# TT_EXAMPLES_BUILD_TYPE (default Release) picks the CMake build type: Debug keeps the examples'
# assert() checks, which Release compiles out.
set -euo pipefail
out=$1 examples=$2 prefix=$3
shift 3
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
list=$(IFS=';'; echo "$*")
rm -rf "$out"
if ! cmake -G Ninja -S "$here/emulator/test/tt-metal-examples" -B "$out" -DCMAKE_BUILD_TYPE="${TT_EXAMPLES_BUILD_TYPE:-Release}" \
     -DTT_METAL_EXAMPLES="$examples" -DCMAKE_PREFIX_PATH="$prefix" "-DTT_METAL_EXAMPLE_LIST=$list" \
     > "$out.log" 2>&1 || ! ninja -C "$out" >> "$out.log" 2>&1; then
  cat "$out.log" >&2
  exit 1
fi
