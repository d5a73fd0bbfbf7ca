#!/usr/bin/env bash
# Installs what the build needs from Debian's packages, configures and builds
# the project with CMake + Ninja, then compiles the bundled example to a
# Metalium program and runs it on the emulator.
# Safe to run again: installs only what is missing and rebuilds incrementally.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${TT_BUILD_DIR:-$root/build}"

packages=(
  llvm-22-dev llvm-22-tools libmlir-22-dev mlir-22-tools   # LLVM/MLIR 22, lit, FileCheck
  nlohmann-json3-dev ninja-build cmake g++                  # build
  libfmt-dev                                                # fmt, which the Metalium host headers use
  libgtest-dev                                              # emulator unit tests
  clang-22 libclang-rt-22-dev                               # fuzzing build (libFuzzer, sanitizers)
  python3 python3-venv python3-numpy python3-pytest python3-dev pybind11-dev python3-jsonschema
)
missing=()
for p in "${packages[@]}"; do
  [[ "$p" == \#* ]] && continue
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [[ "$(id -u)" -ne 0 ]] && sudo="sudo"
  echo "== installing: ${missing[*]}"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi

if [[ ! -f "$build/build.ninja" ]]; then
  echo "== configuring $build"
  cmake -G Ninja -S "$root" -B "$build" \
    -DCMAKE_BUILD_TYPE=Release \
    -DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir \
    -DLLVM_EXTERNAL_LIT=/usr/lib/llvm-22/bin/lit
fi
echo "== building"
ninja -C "$build"

# The Python frontend runs on Debian's interpreter (NumPy, pytest): a venv that
# sees its packages and the package built into the build tree.
venv="$root/.venv"
if [[ ! -x "$venv/bin/python" ]]; then
  /usr/bin/python3 -m venv --system-site-packages "$venv"
fi
site="$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
echo "$build/python_packages" > "$site/tilelang_tt.pth"

# The main job on the bundled example: TileLang-style GEMM -> Metalium program
# -> built and run on the CPU emulator, checked against a reference matmul.
example="$root/examples/matmul_256.mlir"
out="$root/out/matmul_256"
mkdir -p "$root/out"
echo "== compiling $example to a Metalium program in $out"
"$build/bin/tt-opt" "$example" --tl-to-tt-pipeline -o "$out.tt.mlir"
"$build/bin/tt-translate" --emit-metalium --output-dir "$out" "$out.tt.mlir"
echo "== running it on the emulator"
"$build/emulator/bin/tt-run" "$out"
