#!/usr/bin/env bash
# Fuzzes the compiler: parser + --tl-to-tt-pipeline + --emit-metalium under
# libFuzzer with the address and undefined-behaviour sanitizers.
#
#   scripts/fuzz.sh --ci             short, reproducible run (fixed seed, fixed
#                                    number of inputs; about a minute), as in
#                                    scripts/test.sh
#   scripts/fuzz.sh [SECONDS] [JOBS] longer run, parallel jobs, the corpus kept
#                                    in $TT_FUZZ_DIR (default build-fuzz/fuzz)
#
# Builds tools/tt-fuzz with clang-22 in $TT_FUZZ_BUILD_DIR (default
# build-fuzz). Seeds are the lit inputs and examples; the dictionary comes from
# the dialects' .td files (tools/tt-fuzz/make-seeds.py). A crash, hang, leak,
# sanitizer report, a failure without an error or an error without a source
# location stops the run; its input is saved under crashes/ and printed. A
# fixed input becomes a regression test in test/tools/tt-fuzz/Inputs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${TT_FUZZ_BUILD_DIR:-$root/build-fuzz}"
work="${TT_FUZZ_DIR:-$build/fuzz}"

ci=0 seconds=600 jobs=1
if [[ "${1:-}" == "--ci" ]]; then
  ci=1
else
  seconds="${1:-600}" jobs="${2:-1}"
fi

if ! command -v clang++-22 > /dev/null; then
  echo "fuzz: clang++-22 is missing (scripts/setup.sh installs clang-22 and libclang-rt-22-dev)" >&2
  exit 1
fi
if [[ ! -f "$build/build.ninja" ]]; then
  echo "== configuring the fuzzing build in $build"
  cmake -G Ninja -S "$root" -B "$build" \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
    -DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir \
    -DLLVM_EXTERNAL_LIT=/usr/lib/llvm-22/bin/lit \
    -DTT_BUILD_FUZZER=ON -DTT_BUILD_EMULATOR=OFF -DTT_BUILD_PYTHON=OFF > /dev/null
fi
echo "== building tt-fuzz"
ninja -C "$build" tt-fuzz

seeds="$work/seeds" corpus="$work/corpus" crashes="$work/crashes/"
# The CI run starts from the seeds alone, so every machine fuzzes the same inputs.
((ci)) && corpus="$work/ci-corpus" && rm -rf "$corpus"
rm -rf "$seeds"
mkdir -p "$corpus" "$crashes"
/usr/bin/python3 "$root/tools/tt-fuzz/make-seeds.py" "$root" "$seeds" "$work/tt.dict"

common=(-dict="$work/tt.dict" -timeout=10 -rss_limit_mb=4096 -max_len=16384
        -artifact_prefix="$crashes" -print_final_stats=1)
status=0
if ((ci)); then
  # Same inputs on every machine: one process, seed 1, a fixed count.
  echo "== fuzzing: 12000 inputs from seed 1"
  "$build/bin/tt-fuzz" "${common[@]}" -seed=1 -runs=12000 -max_total_time=300 \
    "$corpus" "$seeds" > "$work/fuzz.log" 2>&1 || status=$?
else
  echo "== fuzzing for $seconds s with $jobs job(s); log in $work/fuzz.log"
  "$build/bin/tt-fuzz" "${common[@]}" -max_total_time="$seconds" -fork="$jobs" \
    -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    "$corpus" "$seeds" > "$work/fuzz.log" 2>&1 || status=$?
fi
grep -E "^(stat::|#[0-9]+.*DONE|INFO: fuzzed|Done)" "$work/fuzz.log" | tail -8 || true
echo "corpus: $(ls "$corpus" | wc -l) inputs in $corpus"
found=$(ls "$crashes" | wc -l)
if ((status != 0 || found != 0)); then
  echo "fuzz: $found input(s) in $crashes made the harness fail (exit $status):" >&2
  ls "$crashes" >&2
  grep -E "tt-fuzz:|ERROR: |SUMMARY" "$work/fuzz.log" | sort | uniq -c | head -20 >&2
  exit 1
fi
echo "fuzz: nothing found"
