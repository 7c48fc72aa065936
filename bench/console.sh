#!/usr/bin/env bash
# The web console on a big estate (issue 17): N sites and a year of nightly runs
# (bench/gen_console_db.py writes them into a real database), served by a real
# `sitepatrol daemon`; the overview and a site page are each fetched REPEAT times by a signed-in
# client and the median, best and worst times reported. Targets: overview < 200 ms, a site
# page < 100 ms at 2,000 sites and 365 days. Loopback only.
#
#   bash bench/console.sh [--sites 2000] [--days 365] [--repeat 15] [--keep]
#
# SITEPATROL_BIN=PATH (default build/app/sitepatrol). --keep reuses the database of an earlier
# run with the same size (generating it takes a few minutes).
set -u -o pipefail
cd "$(dirname "$0")/.." || exit 3
REPO=$(pwd)
SITES=2000
DAYS=365
REPEAT=15
KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --sites) SITES=$2; shift ;;
    --days) DAYS=$2; shift ;;
    --repeat) REPEAT=$2; shift ;;
    --keep) KEEP=1 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "console.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done
SP_BIN=${SITEPATROL_BIN:-$REPO/build/app/sitepatrol}
WORK=$REPO/bench/work/console-$SITES-$DAYS
mkdir -p "$WORK"
DB=$WORK/console.db
CONF=$WORK/sites.toml
PASSWORD=bench-password

{
  echo '[patrol]'
  echo "database = \"$DB\""
  echo '[schedule]'
  echo 'patrol = "0 0 1 1 *"'
  echo 'probe_interval = "24h"'
  echo '[http]'
  echo 'listen = "127.0.0.1:0"'
  echo '[[console.user]]'
  echo 'name = "bench"'
  echo "password_hash = \"$(printf '%s\n' "$PASSWORD" | "$SP_BIN" hash-password)\""
  echo 'role = "operator"'
  for i in $(seq 0 $((SITES - 1))); do
    id=$(printf 's%04d' "$i")
    printf '[[site]]\nid = "%s"\nname = "站点%s"\nurl = "http://www.%s.gov.example/"\nunit = "单位%d"\n' \
      "$id" "$i" "$id" $((i % 40))
  done
  for i in $(seq 0 $((SITES - 1))); do
    printf '[schedule.site.s%04d]\nprobes = false\n' "$i"
  done
} > "$CONF"

if [ "$KEEP" = 0 ] || [ ! -f "$DB" ]; then
  rm -f "$DB" "$DB-wal" "$DB-shm"
  "$SP_BIN" db migrate -c "$CONF" >&2 || exit 3
  start=$(date +%s)
  python3 "$REPO/bench/gen_console_db.py" --db "$DB" --sites "$SITES" --days "$DAYS" || exit 3
  echo "console.sh: database of $SITES sites x $DAYS days in $(( $(date +%s) - start )) s," \
       "$(du -m "$DB" | cut -f1) MB" >&2
fi

"$SP_BIN" --log-level info daemon -c "$CONF" 2> "$WORK/daemon.log" &
DAEMON=$!
trap 'kill $DAEMON 2>/dev/null; wait $DAEMON 2>/dev/null' EXIT
for _ in $(seq 100); do
  grep -q "console on" "$WORK/daemon.log" && break
  sleep 0.1
done
BASE=$(grep -o 'console on http://[0-9.:]*' "$WORK/daemon.log" | sed 's/console on //')
[ -n "$BASE" ] || { cat "$WORK/daemon.log" >&2; exit 3; }
# The daemon computes the overview ahead at start (and after each patrol): wait for it, as the
# first visitor of the morning would find it done.
for _ in $(seq 600); do
  grep -q "overview computed ahead" "$WORK/daemon.log" && break
  sleep 0.1
done
grep -o 'overview computed ahead in [0-9]* ms' "$WORK/daemon.log" | head -1 |
  sed 's/^/daemon: /' || echo "daemon: the overview was not computed ahead" >&2
JAR=$WORK/cookies
rm -f "$JAR"
curl -s -o /dev/null -c "$JAR" --data-urlencode "name=bench" --data-urlencode "password=$PASSWORD" \
  "$BASE/login"

# time PATH: the first fetch (for the overview: the estate computed ahead; for the rest, the
# first after the daemon started) and REPEAT more; prints "PATH first median best worst
# bytes" in milliseconds.
time_page() {
  local path=$1 times=() first
  first=$(curl -s -o /dev/null -b "$JAR" -w '%{time_total}' "$BASE$path")
  for _ in $(seq "$REPEAT"); do
    times+=("$(curl -s -o /dev/null -b "$JAR" -w '%{time_total}' "$BASE$path")")
  done
  local bytes
  bytes=$(curl -s -b "$JAR" "$BASE$path" | wc -c)
  printf '%s\n' "${times[@]}" | sort -n | awk -v p="$path" -v b="$bytes" -v f="$first" \
    '{ t[NR] = $1 * 1000 } END { printf "%-24s first %7.1f ms  median %7.1f  best %7.1f  worst %7.1f  %d bytes\n", substr(p, 1, 24), f * 1000, t[int((NR + 1) / 2)], t[1], t[NR], b }'
}

echo "sites $SITES, days $DAYS, $REPEAT fetches each after the first ($(nproc) cores)"
time_page "/"
time_page "/site/s0017"
time_page "/finding?site=s0017&code=LINK-BROKEN&subject=http%3A%2F%2Fwww.s0017.gov.example%2Ffiles%2F0.pdf"
time_page "/run/$DAYS"
# A review: the overview computes that one site again, not the estate.
CSRF=$(curl -s -b "$JAR" "$BASE/site/s0017" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"//')
curl -s -o /dev/null -b "$JAR" --data-urlencode "csrf=$CSRF" --data-urlencode "site=s0017" \
  --data-urlencode "code=LINK-BROKEN" --data-urlencode "subject=http://www.s0017.gov.example/files/0.pdf" \
  --data-urlencode "verdict=false_alarm" --data-urlencode "reason=bench" "$BASE/review"
echo "after a review of s0017:"
time_page "/"
