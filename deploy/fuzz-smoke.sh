#!/usr/bin/env bash
# Runs each libFuzzer target in build-asan/ (deploy/check-sanitized.sh builds it) for
# FUZZ_SECONDS seconds (default 30), starting from its seeds in tests/fuzz/seeds/. Inputs the
# fuzzer finds go to build-asan/fuzz/corpus/<name>/, a crash to build-asan/fuzz/crashes/
# (docs/fuzzing.md: how to run longer, how to keep a crash as a regression seed). Every
# target runs; the script fails when any did.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-30}"
# A fixed seed: the same commit fuzzes the same way every run, so CI does not pass or fail by
# luck. FUZZ_SEED=0 lets libFuzzer pick a random one (longer runs, docs/fuzzing.md).
seed="${FUZZ_SEED:-1}"
if [ ! -f build-asan/CMakeCache.txt ]; then
  echo "fuzz-smoke: build-asan/ is not configured; run deploy/check-sanitized.sh first" >&2
  exit 2
fi
cmake --build build-asan -j "$(nproc)" --target fuzz_targets

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
mkdir -p build-asan/fuzz/crashes
failed=()
for seeds in tests/fuzz/seeds/*/; do
  name="$(basename "$seeds")"
  corpus="build-asan/fuzz/corpus/$name"
  mkdir -p "$corpus"
  echo "fuzz-smoke: ${name}_fuzz for ${seconds} s"
  log="build-asan/fuzz/${name}.log"
  # -timeout: one input taking a minute is a bug (every per-page job is bounded).
  if ! "build-asan/tests/fuzz/${name}_fuzz" -max_total_time="$seconds" -seed="$seed" -timeout=60 \
    -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="build-asan/fuzz/crashes/${name}-" "$corpus" "$seeds" >"$log" 2>&1; then
    tail -n 60 "$log" >&2
    echo "fuzz-smoke: ${name}_fuzz failed; reproducer in build-asan/fuzz/crashes/, log $log" >&2
    failed+=("$name")
    continue
  fi
  grep -hE '^stat::(number_of_executed_units|peak_rss_mb)' "$log" | tr '\n' ' '
  echo
done
if [ ${#failed[@]} -ne 0 ]; then
  echo "fuzz-smoke: failed: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz-smoke: all targets ran ${seconds} s without a failure"
