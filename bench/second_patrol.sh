#!/usr/bin/env bash
# The second patrol of an unchanged site against wget2 --spider, in several pairs.
#
#   bash bench/second_patrol.sh [PAIRS]      (default 7 pairs)
#
# One run each, as bench/run.sh does, is not enough on a shared machine: the same binary's
# second patrol of the 20k bench took 2.4–3.6 s within ten minutes. This runs one cold patrol
# into a fresh database, then PAIRS pairs of wget2 and the second patrol, alternating which
# goes first, and reports every pair, the medians and their ratio (wget2 ÷ sitepatrol).
#
# Needs the site, nginx.conf and sitepatrol.toml that bench/run.sh leaves in bench/work/ (run
# it once first). Starts nginx from that conf if nothing answers on the site's port, and stops
# it again at the end. Environment: SITEPATROL_BIN (default build/app/sitepatrol).
set -u -o pipefail

cd "$(dirname "$0")/.." || exit 3
REPO=$(pwd)
WORK=$REPO/bench/work
PAIRS=${1:-7}
SP_BIN=${SITEPATROL_BIN:-$REPO/build/app/sitepatrol}
CONF=$WORK/sitepatrol.toml
DB=$WORK/second.db

case "$PAIRS" in ''|*[!0-9]*|0) echo "second_patrol.sh: PAIRS must be a positive number" >&2; exit 2 ;; esac
for f in "$CONF" "$WORK/nginx.conf"; do
  [ -f "$f" ] || { echo "second_patrol.sh: $f is missing: run bash bench/run.sh once first" >&2; exit 2; }
done
[ -x "$SP_BIN" ] || { echo "second_patrol.sh: $SP_BIN is not built" >&2; exit 2; }
command -v wget2 >/dev/null || { echo "second_patrol.sh: wget2 is not installed" >&2; exit 2; }

URL=$(sed -n 's/^url = "\(.*\)"$/\1/p' "$CONF" | head -1)
STARTED_NGINX=0
if ! curl -s -o /dev/null "$URL"; then
  nginx -c "$WORK/nginx.conf" || { echo "second_patrol.sh: nginx did not start" >&2; exit 3; }
  STARTED_NGINX=1
fi
TMP=$(mktemp -d)
stop() {
  [ $STARTED_NGINX = 1 ] && [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null
  rm -rf "$TMP"
}
trap stop EXIT

# Runs a command under /usr/bin/time; prints its wall seconds, or fails.
timed() {
  /usr/bin/time -f "%e" -o "$TMP/time" "$@" >/dev/null 2>"$TMP/err"
  local rc=$?
  # wget2 exits 8 when it met broken links, which this site has on purpose.
  if [ $rc -ne 0 ] && ! { [ "$1" = wget2 ] && [ $rc -eq 8 ]; }; then
    echo "second_patrol.sh: $1 failed (exit $rc): $(tail -3 "$TMP/err")" >&2
    return 1
  fi
  tail -1 "$TMP/time"
}
run_wget2() { (cd "$TMP" && timed wget2 --spider -r -l 10 --no-parent --max-threads=16 -o "$TMP/wget2.log" "$URL"); }
run_patrol() { timed "$SP_BIN" crawl -c "$CONF" --db "$DB" --quiet; }

rm -f "$DB" "$DB-wal" "$DB-shm"
cold=$(run_patrol) || exit 1
echo "cold patrol: $cold s"
echo "| pair | wget2 s | second patrol s | ratio |"
echo "|---:|---:|---:|---:|"
: >"$TMP/pairs"
for i in $(seq 1 "$PAIRS"); do
  if [ $((i % 2)) = 1 ]; then
    w=$(run_wget2) || exit 1; s=$(run_patrol) || exit 1
  else
    s=$(run_patrol) || exit 1; w=$(run_wget2) || exit 1
  fi
  echo "$w $s" >>"$TMP/pairs"
  echo "| $i | $w | $s | $(echo "scale=2; $w / $s" | bc) |"
done
python3 - "$TMP/pairs" <<'EOF'
import statistics, sys
pairs = [tuple(map(float, line.split())) for line in open(sys.argv[1])]
w = statistics.median(p[0] for p in pairs)
s = statistics.median(p[1] for p in pairs)
print(f"\nmedians: wget2 {w:.2f} s, second patrol {s:.2f} s; ratio (wget2 ÷ sitepatrol) {w / s:.2f}")
EOF
