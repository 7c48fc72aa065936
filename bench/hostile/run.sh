#!/usr/bin/env bash
# Measures the hostile inputs of issue 12 (bounded work) with /usr/bin/time -v: wall time
# and peak RSS per input. Usage:
#   bash bench/hostile/run.sh [HOSTILE_BENCH_BINARY] [OUT_DIR]
# The binary defaults to build/bench/hostile_bench (configure with -DSITEPATROL_MICROBENCH=ON).
# Each input runs under `timeout` (TOOL_TIMEOUT, default 400 s) and an address-space cap
# (MAX_VSZ_KB, default 8 GiB) so a run that blows up stops instead of taking the machine.
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../../build/bench/hostile_bench}
out=${2:-$here/work}
mkdir -p "$out"
[ -f "$out/robots.txt" ] || python3 "$here/gen_hostile.py" "$out"
limit=${TOOL_TIMEOUT:-400}
vsz=${MAX_VSZ_KB:-8388608}

measure() {
  local name=$1
  shift
  local log="$out/$name.time"
  ( ulimit -v "$vsz"; /usr/bin/time -v timeout "$limit" "$@" ) >"$out/$name.out" 2>"$log"
  local rc=$?
  local wall rss
  wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')
  printf '| %s | %s | %s MB | exit %s | %s |\n' "$name" "$wall" "$((rss / 1024))" "$rc" \
    "$(tr '\n' ' ' <"$out/$name.out" | cut -c1-160)"
}

echo "| input | wall | peak RSS | result | output |"
echo "|---|---:|---:|---|---|"
for page in tag_paths_class tag_paths_tables css_classes rows_20k rows_180k gumbo_big; do
  measure "$page" "$bin" parse "$out/$page.html"
done
measure robots "$bin" robots "$out/robots.txt" "$out/robots_links.txt"
