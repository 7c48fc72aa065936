#!/usr/bin/env bash
# Many slow sites, the shape of a real night: N sites x 50 pages on one nginx that answers
# every request after 100 ms (echo_sleep, then echo_exec to the static files). sitepatrol and
# wget2 --spider (as many threads, through nginx as an HTTP proxy, since wget2 has no
# --resolve) crawl them in turn; each row gives the requests nginx logged, the wall time,
# the efficiency (requests x 0.1 s / concurrency / wall: 1.0 is perfect packing), peak RSS
# and the connections opened. See bench/README.md.
#
#   bash bench/slow_sites.sh [--sites 200] [--concurrency 64] [--per-host 4] [--port 18190]
#
# SITEPATROL_BIN=PATH (default build/app/sitepatrol). Everything talks to 127.0.0.1 only.
set -u -o pipefail
cd "$(dirname "$0")/.." || exit 3
REPO=$(pwd)
SITES=200
CONC=64
PER_HOST=4
PORT=18190
while [ $# -gt 0 ]; do
  case "$1" in
    --sites) SITES=$2; shift ;;
    --concurrency) CONC=$2; shift ;;
    --per-host) PER_HOST=$2; shift ;;
    --port) PORT=$2; shift ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "slow_sites.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done
SP_BIN=${SITEPATROL_BIN:-$REPO/build/app/sitepatrol}
WORK=$REPO/bench/work/slow-$SITES
mkdir -p "$WORK"
command -v nginx >/dev/null && [ -e /usr/share/nginx/modules/ngx_http_echo_module.so ] || {
  echo "slow_sites.sh: needs nginx and its echo module (apt-get install nginx libnginx-mod-http-echo)" >&2
  exit 3
}
python3 "$REPO/bench/gen_slow_sites.py" --sites "$SITES" --out "$WORK" --port "$PORT" \
  --concurrency "$CONC" --per-host "$PER_HOST" >&2 || exit 3
[ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null && sleep 0.5
nginx -c "$WORK/nginx.conf" || exit 3
trap 'kill "$(cat "$WORK/nginx.pid")" 2>/dev/null' EXIT
sleep 0.3

# measure NAME COMMAND...: one row, from nginx's log of this run and /usr/bin/time.
measure() {
  local name=$1; shift
  : >"$WORK/access.log"
  kill -USR1 "$(cat "$WORK/nginx.pid")"  # reopen the log
  sleep 0.2
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$WORK/$name.time" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"
  end=$(date +%s.%N)
  python3 - "$name" "$start" "$end" "$CONC" "$WORK/access.log" "$WORK/$name.time" <<'EOF'
import sys
name, start, end, conc, log, timef = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6]
rows = [l.split() for l in open(log) if len(l.split()) >= 8]
pages = sum(1 for r in rows if r[7] == "GET" and r[4] == "200" and r[3].endswith(".html"))
wall = end - start
rss = int(open(timef).read().split()[-1]) / 1024
ideal = len(rows) * 0.1 / conc
print(f"| {name} | {len(rows):,} | {pages:,} | {wall:.2f} | {ideal:.2f} | {ideal / wall:.3f} | "
      f"{pages / wall:,.0f} | {rss:.1f} | {len({r[5] for r in rows}):,} |")
EOF
}

echo "| tool | requests | page GETs | wall s | ideal s | efficiency | pages/s | peak RSS MB | connections |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
(cd "$WORK" && rm -f slow.db slow.db-wal slow.db-shm)
measure sitepatrol "$SP_BIN" crawl -c "$WORK/sitepatrol.toml" --db "$WORK/slow.db" --quiet
if command -v wget2 >/dev/null; then
  measure wget2 wget2 --spider -r -l inf --max-threads="$CONC" --no-robots -q \
    --http-proxy="http://127.0.0.1:$PORT" -i "$WORK/urls.txt" -o /dev/null
else
  echo "| wget2 | not installed | | | | | | | |"
fi
