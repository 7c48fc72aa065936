#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: Debian's server binaries, a data folder and a
# Unix socket in DIR, no TCP port, fsync off, trust authentication for the role `sitepatrol`.
#
#   postgres_cluster.sh start DIR   initdb and start; prints the connection URI, also kept
#                                   in DIR/uri
#   postgres_cluster.sh stop DIR    stop it and remove DIR
#   postgres_cluster.sh restart DIR stop and start again (fault tests)
#
# As root the server runs as the `postgres` user (initdb refuses root).
set -euo pipefail
action=${1:?start, stop or restart}
dir=${2:?a folder}

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "postgres_cluster: PostgreSQL's server is not installed (apt-get install postgresql)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
    -o "-k $dir -c listen_addresses= -p 5432 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null
}

case "$action" in
  start)
    # A cluster an interrupted test run left behind is stopped before its folder goes.
    [ ! -d "$dir/data" ] || as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" -ne 0 ] || chown postgres: "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -A trust -U sitepatrol -E UTF8 --locale=C.UTF-8 -N >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    start
    uri="postgresql:///postgres?host=$dir&port=5432&user=sitepatrol"
    echo "$uri" > "$dir/uri.tmp" && mv "$dir/uri.tmp" "$dir/uri"
    echo "$uri"
    ;;
  stop)
    [ ! -d "$dir/data" ] || as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  restart)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    start
    ;;
  *) echo "postgres_cluster: unknown action $action" >&2; exit 2 ;;
esac
