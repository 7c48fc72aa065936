#!/usr/bin/env bash
# Workers sharing a run (docs/workers.md, docs/scale.md): 1, 2 and 4 `sitepatrol worker`s
# on one PostgreSQL database patrol N sites x 50 pages served by one nginx that answers every
# request after 100 ms (bench/slow_sites.sh's farm). Each row gives the requests nginx
# logged, the wall time from `run start` to the last worker's exit, and the efficiency
# against the ideal packed time (requests x 0.1 s / (workers x concurrency)).
#
#   bash bench/workers.sh [--sites 200] [--concurrency 64] [--workers "1 2 4"] [--port 18191]
#
# SITEPATROL_BIN=PATH (default build/app/sitepatrol). PostgreSQL: a throwaway cluster
# (tests/support/postgres_cluster.sh). Everything talks to 127.0.0.1 and a Unix socket only.
set -u -o pipefail
cd "$(dirname "$0")/.." || exit 3
REPO=$(pwd)
SITES=200
CONC=64
WORKERS="1 2 4"
PORT=18191
while [ $# -gt 0 ]; do
  case "$1" in
    --sites) SITES=$2; shift ;;
    --concurrency) CONC=$2; shift ;;
    --workers) WORKERS=$2; shift ;;
    --port) PORT=$2; shift ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "workers.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done
SP_BIN=${SITEPATROL_BIN:-$REPO/build/app/sitepatrol}
WORK=$REPO/bench/work/workers-$SITES
PG=/tmp/sitepatrol-bench-pg-$$
mkdir -p "$WORK"
command -v nginx >/dev/null && [ -e /usr/share/nginx/modules/ngx_http_echo_module.so ] || {
  echo "workers.sh: needs nginx and its echo module (apt-get install nginx libnginx-mod-http-echo)" >&2
  exit 3
}
python3 "$REPO/bench/gen_slow_sites.py" --sites "$SITES" --out "$WORK" --port "$PORT" \
  --concurrency "$CONC" --per-host 4 >&2 || exit 3
[ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null && sleep 0.5
nginx -c "$WORK/nginx.conf" || exit 3
BASE=$("$REPO/tests/support/postgres_cluster.sh" start "$PG") || exit 3
trap 'kill "$(cat "$WORK/nginx.pid")" 2>/dev/null; "$REPO/tests/support/postgres_cluster.sh" stop "$PG"' EXIT
sleep 0.3

echo "| workers | requests | page GETs | wall s | ideal s | efficiency | pages/s | claims | database MB |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in $WORKERS; do
  schema="w$n"
  psql -q "$BASE" -c "DROP SCHEMA IF EXISTS $schema CASCADE; CREATE SCHEMA $schema" >/dev/null
  DB="$BASE&options=-c%20search_path%3D$schema"
  : >"$WORK/access.log"
  kill -USR1 "$(cat "$WORK/nginx.pid")"
  sleep 0.2
  start=$(date +%s.%N)
  "$SP_BIN" run start -c "$WORK/sitepatrol.toml" --db "$DB" >/dev/null || exit 3
  pids=()
  for i in $(seq 1 "$n"); do
    "$SP_BIN" --log-level info worker -c "$WORK/sitepatrol.toml" --db "$DB" --id "w$i" \
      2>"$WORK/worker-$n-$i.err" &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p"; done
  end=$(date +%s.%N)
  claims=$(cat "$WORK"/worker-"$n"-*.err | grep -c "claimed (claim")
  # Tables and their indexes in the run's schema (the database's own catalogue excluded).
  bytes=$(psql -qtA "$BASE" -c "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c
    JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = '$schema' AND c.relkind = 'r'")
  python3 - "$n" "$start" "$end" "$CONC" "$WORK/access.log" "$claims" "$bytes" <<'PY'
import sys
n, start, end, conc, log, claims = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6]
megabytes = int(sys.argv[7]) / 1e6
rows = [l.split() for l in open(log) if len(l.split()) >= 8]
pages = sum(1 for r in rows if r[7] == "GET" and r[4] == "200" and r[3].endswith(".html"))
wall = end - start
ideal = len(rows) * 0.1 / (conc * n)
print(f"| {n} | {len(rows):,} | {pages:,} | {wall:.2f} | {ideal:.2f} | {ideal / wall:.3f} | {pages / wall:,.0f} | {claims} | {megabytes:.1f} |")
PY
done
