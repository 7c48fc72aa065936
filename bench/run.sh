#!/usr/bin/env bash
# sitepatrol crawl benchmark: sitepatrol against wget2, linkinator and LinkChecker on a
# generated government-portal-like site served by nginx on loopback, plus two ceilings
# (nginx pages/s under wrk, Gumbo parse rate on one core). See bench/README.md.
#
#   bash bench/run.sh [--quick] [--pages N] [--seed S]
#
# Environment:
#   SKIP_SITEPATROL=1        do not run sitepatrol (peers and ceilings only)
#   SITEPATROL_BIN=PATH      binary to measure (default build/app/sitepatrol; not built here)
#   TOOL_TIMEOUT=S           bound of each tool run (default 300 s, 120 s with --quick)
#   BENCH_PORT=P             site port (default 18080); P+1..P+3 external hosts, P+4 LinkChecker's cut
#   NO_INSTALL=1             do not apt-get/npm install anything
# Everything talks to 127.0.0.1 only. Output: a Markdown table on stdout, also written to
# bench/work/results/summary.md; raw outputs of every tool in bench/work/results/.
set -u -o pipefail

cd "$(dirname "$0")/.." || exit 3
REPO=$(pwd)
BENCH=$REPO/bench
WORK=$BENCH/work
RES=$WORK/results

QUICK=0
PAGES=
SEED=20251120
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --pages) PAGES=${2:?--pages needs a number}; shift ;;
    --pages=*) PAGES=${1#--pages=} ;;
    --seed) SEED=${2:?--seed needs a number}; shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done
if [ -z "$PAGES" ]; then
  if [ "$QUICK" = 1 ]; then PAGES=300; else PAGES=20000; fi
fi
case "$PAGES" in ''|*[!0-9]*) echo "run.sh: --pages must be a number" >&2; exit 2 ;; esac
if [ "$QUICK" = 1 ]; then DEF_TIMEOUT=120; WRK_SECS=10; GUMBO_SECS=3; else DEF_TIMEOUT=300; WRK_SECS=10; GUMBO_SECS=5; fi
TOOL_TIMEOUT=${TOOL_TIMEOUT:-$DEF_TIMEOUT}
PORT=${BENCH_PORT:-18080}
EXT_PORTS="$((PORT + 1)),$((PORT + 2)),$((PORT + 3))"
LC_PORT=$((PORT + 4))
LC_PAGES=1000
SITE_URL="http://127.0.0.1:$PORT"
SP_BIN=${SITEPATROL_BIN:-$REPO/build/app/sitepatrol}

mkdir -p "$WORK" "$RES"
rm -f "$RES"/*
ROWS=$RES/rows.jsonl
INSTALL_LOG=$RES/install.log
: >"$ROWS"

say() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }
row_none() { python3 "$BENCH/report.py" add "$ROWS" --tool "$1" --kind none --status "$2"; }

# ---------------------------------------------------------------------------------------------
# 1. tools
# ---------------------------------------------------------------------------------------------
APT_UPDATED=0
apt_install() {
  if [ "${NO_INSTALL:-0}" = 1 ]; then return 1; fi
  if [ "$(id -u)" -ne 0 ]; then say "not root: cannot apt-get install $*"; return 1; fi
  local made_policy=0 rc
  # keep Debian's maintainer scripts from starting a system nginx on port 80
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && made_policy=1
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >>"$INSTALL_LOG" 2>&1
  rc=$?
  if [ $rc -ne 0 ] && [ $APT_UPDATED = 0 ]; then
    APT_UPDATED=1
    apt-get update -q >>"$INSTALL_LOG" 2>&1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >>"$INSTALL_LOG" 2>&1
    rc=$?
  fi
  [ $made_policy = 1 ] && rm -f /usr/sbin/policy-rc.d
  return $rc
}

have python3 || apt_install python3 || { echo "run.sh: python3 is required" >&2; exit 3; }
[ -x /usr/bin/time ] || apt_install time || { echo "run.sh: /usr/bin/time (package time) is required" >&2; exit 3; }
have curl || apt_install curl || { echo "run.sh: curl is required" >&2; exit 3; }
have nginx || apt_install nginx-light || apt_install nginx || { echo "run.sh: nginx could not be installed" >&2; exit 3; }
have wget2 || apt_install wget2 || say "wget2 could not be installed"
have linkchecker || apt_install linkchecker || say "linkchecker could not be installed"
have wrk || apt_install wrk || say "wrk could not be installed"
{ have g++ && have pkg-config && pkg-config --exists gumbo; } || apt_install g++ pkg-config libgumbo-dev \
  || say "g++/libgumbo-dev could not be installed"

LINKINATOR=$BENCH/node_modules/.bin/linkinator
LINKINATOR_WHY=
{ have node && have npm; } || apt_install nodejs npm || true
if ! have node; then
  LINKINATOR_WHY="not installed (no Node.js)"
else
  NODE_MAJOR=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  if [ "$NODE_MAJOR" -lt 18 ]; then
    LINKINATOR_WHY="not run: linkinator 6 needs Node >= 18, have $(node --version)"
  elif [ ! -x "$LINKINATOR" ]; then
    if [ "${NO_INSTALL:-0}" != 1 ] && have npm; then
      say "npm install --prefix bench linkinator@6"
      # --no-save/--no-package-lock: leave no package.json or lock file in bench/
      npm install --prefix "$BENCH" --no-save --no-package-lock --no-audit --no-fund linkinator@6 \
        >>"$INSTALL_LOG" 2>&1 || true
    fi
    [ -x "$LINKINATOR" ] || LINKINATOR_WHY="not installed (npm install --prefix bench linkinator@6 failed, see $INSTALL_LOG)"
  fi
fi

# ---------------------------------------------------------------------------------------------
# 2. sites
# ---------------------------------------------------------------------------------------------
gen() {  # pages outdir base_url
  local key
  key="$1 $SEED $4 $(sha1sum "$BENCH/gen_site.py" | cut -c1-40)"
  if [ -f "$2/.genkey" ] && [ "$(cat "$2/.genkey")" = "$key" ] && [ -f "$2/manifest.json" ]; then
    say "site $2 is up to date ($1 pages)"
  else
    say "generating $1 pages into $2"
    rm -f "$2/.genkey"
    python3 "$BENCH/gen_site.py" --pages "$1" --out "$2" --seed "$SEED" --base-url "$3" --ext-ports "$4" \
      >"$RES/gen-$(basename "$2").txt" || { echo "run.sh: site generation failed" >&2; exit 3; }
    echo "$key" >"$2/.genkey"
  fi
  cat "$RES/gen-$(basename "$2").txt" 2>/dev/null || python3 -c "import json,sys;print(json.load(open(sys.argv[1])))" "$2/manifest.json"
}
# One directory per size and seed, so that --quick and full runs do not regenerate each other's
# site (writing or deleting 34,000 files is slow on a busy disk); bench/work/site points at the
# one in use.
SITE=$WORK/site-$PAGES-$SEED
gen "$PAGES" "$SITE" "$SITE_URL" "$EXT_PORTS" >&2
rm -rf "$WORK/site" 2>/dev/null; ln -sfn "$(basename "$SITE")" "$WORK/site"
if [ "$PAGES" -gt "$LC_PAGES" ]; then
  LC_SITE=$WORK/site1k-$SEED
  LC_URL="http://127.0.0.1:$LC_PORT"
  gen "$LC_PAGES" "$LC_SITE" "$LC_URL" "$EXT_PORTS" >&2
else
  LC_SITE=$SITE
  LC_URL=$SITE_URL
fi
manifest() { python3 -c "import json,sys;print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$1/manifest.json" "$2"; }

# ---------------------------------------------------------------------------------------------
# 3. nginx on loopback
# ---------------------------------------------------------------------------------------------
NGX_CONF=$WORK/nginx.conf
NGX_PID=$WORK/nginx.pid
stop_nginx() {
  if [ -f "$NGX_PID" ]; then
    local pid
    pid=$(cat "$NGX_PID" 2>/dev/null)
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill -QUIT "$pid" 2>/dev/null
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$pid" 2>/dev/null && kill -TERM "$pid" 2>/dev/null
    fi
    rm -f "$NGX_PID"
  fi
}
stop_nginx   # a previous run killed half way may have left ours running
mkdir -p "$WORK/nginx-tmp"
NGX_USER=""
[ "$(id -u)" -eq 0 ] && NGX_USER="user $(id -un) $(id -gn);"
LC_SERVER=""
if [ "$LC_SITE" != "$SITE" ]; then
  LC_SERVER="server { listen 127.0.0.1:$LC_PORT; root $LC_SITE/main; index index.html; }"
fi
cat >"$NGX_CONF" <<EOF
# written by bench/run.sh
worker_processes 2;
$NGX_USER
pid $NGX_PID;
error_log $WORK/nginx-error.log error;
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  log_not_found off;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65;
  keepalive_requests 100000;
  etag off;               # validators: Last-Modified only
  charset utf-8;
  # LinkChecker throttles every host to ~3 requests/s unless the server sends this header
  add_header LinkChecker unthrottled always;
  client_body_temp_path $WORK/nginx-tmp/client;
  proxy_temp_path $WORK/nginx-tmp/proxy;
  fastcgi_temp_path $WORK/nginx-tmp/fastcgi;
  uwsgi_temp_path $WORK/nginx-tmp/uwsgi;
  scgi_temp_path $WORK/nginx-tmp/scgi;
  server { listen 127.0.0.1:$PORT; root $SITE/main; index index.html; }
  server {
    listen 127.0.0.1:$((PORT + 1)); listen 127.0.0.1:$((PORT + 2)); listen 127.0.0.1:$((PORT + 3));
    root $SITE/ext; index index.html;
  }
  $LC_SERVER
}
EOF
for p in "$PORT" $((PORT + 1)) $((PORT + 2)) $((PORT + 3)) $LC_PORT; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
    echo "run.sh: port $p on 127.0.0.1 is already in use (set BENCH_PORT)" >&2
    exit 3
  fi
done
nginx -t -q -e "$WORK/nginx-error.log" -c "$NGX_CONF" -p "$WORK/" >"$RES/nginx-t.txt" 2>&1 \
  || { cat "$RES/nginx-t.txt" >&2; echo "run.sh: bad nginx configuration" >&2; exit 3; }
trap 'stop_nginx' EXIT
trap 'exit 130' INT TERM
nginx -e "$WORK/nginx-error.log" -c "$NGX_CONF" -p "$WORK/" || { echo "run.sh: nginx did not start" >&2; exit 3; }
for _ in $(seq 50); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$SITE_URL/index.html")" = 200 ] && break
  sleep 0.1
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$SITE_URL/index.html")" = 200 ] \
  || { echo "run.sh: nginx does not serve $SITE_URL/index.html" >&2; exit 3; }
say "nginx (pid $(cat "$NGX_PID")) serves $SITE_URL, external hosts on ports $EXT_PORTS"

# ---------------------------------------------------------------------------------------------
# 4. measurements
# ---------------------------------------------------------------------------------------------
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
if awk -v l="${LOAD_START%% *}" 'BEGIN{exit !(l > 1.0)}'; then
  say "warning: load average $LOAD_START before the measurements: other work on this machine will slow every tool (compare CPU s, not only wall s)"
fi
RC=0
measure() {  # name timeout stdout-file command...
  local name=$1 to=$2 out=$3
  shift 3
  say "$name: $*"
  /usr/bin/time -v -o "$RES/$name.time" timeout -k 10 "$to" "$@" >"$out" 2>"$RES/$name.err"
  RC=$?
  say "$name: exit $RC, $(grep -o 'Elapsed.*: .*' "$RES/$name.time" | sed 's/.*: //') wall"
}
add() { python3 "$BENCH/report.py" add "$ROWS" "$@"; }

# (a) sitepatrol --------------------------------------------------------------------------------
SP_CONF=$WORK/sitepatrol.toml
SP_DB=$WORK/bench.db
if [ "${SKIP_SITEPATROL:-0}" = 1 ]; then
  row_none sitepatrol "skipped (SKIP_SITEPATROL=1)"
elif [ ! -x "$SP_BIN" ]; then
  say "sitepatrol: not built"
  row_none sitepatrol "sitepatrol: not built (no $SP_BIN; build with deploy/build.sh)"
elif ! { timeout 10 "$SP_BIN" --version 2>&1 | grep -q . && timeout 10 "$SP_BIN" crawl --help 2>&1 | grep -q -- '--db'; }; then
  say "sitepatrol: not built"
  row_none sitepatrol "sitepatrol: not built ($SP_BIN is a placeholder: --version or 'crawl --help' does not answer)"
else
  cat >"$SP_CONF" <<EOF
# written by bench/run.sh
[patrol]
database = "bench.db"
user_agent = "sitepatrol-bench/1.0"
timeout_s = 15
concurrency = 64
per_host_concurrency = 16
per_host_delay_ms = 0
max_pages_per_site = $((PAGES + 1000))
max_depth = 10
check_external_links = true
respect_robots = false
allow_private_networks = true

[[site]]
id = "bench"
name = "基准测试交通运输厅"
url = "$SITE_URL/index.html"
category = "local"
unit = "基准测试单位"
allowed_domains = ["127.0.0.1"]
EOF
  rm -f "$SP_DB" "$SP_DB-wal" "$SP_DB-shm"
  for pass in cold warm; do
    name=sitepatrol-$pass
    label="sitepatrol (cold)"
    [ $pass = warm ] && label="sitepatrol (2nd run, conditional)"
    measure "$name" "$TOOL_TIMEOUT" "$RES/$name.out" "$SP_BIN" crawl -c "$SP_CONF" --db "$SP_DB" --quiet
    crawl_rc=$RC
    status=""
    if [ $crawl_rc -eq 124 ] || [ $crawl_rc -eq 137 ]; then
      status="timeout after $TOOL_TIMEOUT s"
    elif [ $crawl_rc -ne 0 ]; then
      status="crawl failed (exit $crawl_rc, see results/$name.err)"
    fi
    timeout 120 "$SP_BIN" findings -c "$SP_CONF" --db "$SP_DB" --format json >"$RES/$name.json" 2>"$RES/$name.findings.err" \
      || timeout 120 "$SP_BIN" findings -c "$SP_CONF" --format json >"$RES/$name.json" 2>>"$RES/$name.findings.err" \
      || status="${status:+$status; }findings failed (see results/$name.findings.err)"
    add --tool "$label" --kind sitepatrol --out "$RES/$name.json" --time "$RES/$name.time" \
      --expected "$SITE/broken.txt" --site "$SITE_URL" --pages-list "$SITE/pages.txt" --db "$SP_DB" --status "$status"
    [ -n "$status" ] && [ $pass = cold ] && { row_none "sitepatrol (2nd run, conditional)" "not run: first run failed"; break; }
  done
fi

# (b) wget2 -------------------------------------------------------------------------------------
if have wget2; then
  ( cd "$RES" && measure wget2 "$TOOL_TIMEOUT" "$RES/wget2.stdout" \
      wget2 --spider -r -l 10 --no-parent --max-threads=16 -o "$RES/wget2.log" "$SITE_URL/index.html"
    add --tool wget2 --kind wget2 --out "$RES/wget2.log" --time "$RES/wget2.time" --rc $RC --timeout "$TOOL_TIMEOUT" \
      --expected "$SITE/broken.txt" --site "$SITE_URL" --pages-list "$SITE/pages.txt" --note "$(wget2 --version | head -1 | awk '{print $3}'), HEAD+GET per page" )
else
  row_none wget2 "not installed (apt-get install wget2 failed, see results/install.log)"
fi

# (c) linkinator --------------------------------------------------------------------------------
if [ -z "$LINKINATOR_WHY" ]; then
  measure linkinator "$TOOL_TIMEOUT" "$RES/linkinator.csv" \
    "$LINKINATOR" "$SITE_URL/" --recurse --concurrency 64 --format csv
  add --tool linkinator --kind linkinator --out "$RES/linkinator.csv" --time "$RES/linkinator.time" --rc $RC \
    --timeout "$TOOL_TIMEOUT" --expected "$SITE/broken.txt" --site "$SITE_URL" --pages-list "$SITE/pages.txt" \
    --note "$("$LINKINATOR" --version 2>/dev/null | tail -1), node $(node --version)"
else
  row_none linkinator "$LINKINATOR_WHY"
fi

# (d) LinkChecker on the 1,000-page site -------------------------------------------------------
if have linkchecker; then
  printf '# written by bench/run.sh\n[checking]\nmaxrequestspersecond=100000\n' >"$WORK/linkcheckerrc"
  measure linkchecker "$TOOL_TIMEOUT" "$RES/linkchecker.csv" \
    linkchecker -f "$WORK/linkcheckerrc" --no-warnings -v --check-extern -t 16 -o csv "$LC_URL/index.html"
  lc_note="$(linkchecker --version 2>/dev/null | head -1 | awk '{print $2}')"
  [ "$LC_SITE" != "$SITE" ] && lc_note="$lc_note; on the $(manifest "$LC_SITE" pages)-page site"
  add --tool "LinkChecker" --kind linkchecker --out "$RES/linkchecker.csv" --time "$RES/linkchecker.time" --rc $RC \
    --timeout "$TOOL_TIMEOUT" --expected "$LC_SITE/broken.txt" --site "$LC_URL" --pages-list "$LC_SITE/pages.txt" --note "$lc_note"
else
  row_none LinkChecker "not installed (apt-get install linkchecker failed, see results/install.log)"
fi

# (e) nginx ceiling -----------------------------------------------------------------------------
if have wrk; then
  measure wrk $((WRK_SECS + 30)) "$RES/wrk.out" \
    wrk -t2 -c64 -d"${WRK_SECS}s" -s "$BENCH/wrk_pages.lua" "$SITE_URL" -- "$SITE/pages.txt"
  add --tool "nginx ceiling (wrk -t2 -c64)" --kind wrk --out "$RES/wrk.out" --note "GET only, no parsing"
else
  row_none "nginx ceiling (wrk)" "not installed (apt-get install wrk failed)"
fi

# (f) Gumbo parse rate --------------------------------------------------------------------------
if have g++ && pkg-config --exists gumbo 2>/dev/null; then
  # shellcheck disable=SC2046
  if g++ -O2 -std=c++17 "$BENCH/gumbo_rate.cpp" -o "$WORK/gumbo_rate" $(pkg-config --cflags --libs gumbo) \
       2>"$RES/gumbo-build.err"; then
    measure gumbo "$TOOL_TIMEOUT" "$RES/gumbo.out" "$WORK/gumbo_rate" "$SITE/main" "$SITE/pages.txt" "$GUMBO_SECS"
    add --tool "Gumbo parse ceiling" --kind gumbo --out "$RES/gumbo.out" --time "$RES/gumbo.time" --note "no network"
  else
    row_none "Gumbo parse ceiling" "gumbo_rate.cpp did not compile (results/gumbo-build.err)"
  fi
else
  row_none "Gumbo parse ceiling" "g++ or libgumbo-dev missing"
fi

# ---------------------------------------------------------------------------------------------
# 5. table
# ---------------------------------------------------------------------------------------------
stop_nginx
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
{
  echo "## sitepatrol crawl benchmark — $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo); nginx $(nginx -v 2>&1 | sed 's/.*\///'); load average $LOAD_START before, $LOAD_END after."
  echo "Site: $(manifest "$SITE" pages) pages, $(manifest "$SITE" links) links, $(manifest "$SITE" distinct_urls) distinct URLs," \
       "$(manifest "$SITE" broken_total) distinct broken URLs ($(manifest "$SITE" broken_internal) internal, $(manifest "$SITE" broken_external) external)," \
       "avg page $(manifest "$SITE" avg_page_bytes) B, max depth $(manifest "$SITE" max_depth)."
  if [ "$LC_SITE" != "$SITE" ]; then
    echo "LinkChecker site: $(manifest "$LC_SITE" pages) pages, $(manifest "$LC_SITE" distinct_urls) distinct URLs, $(manifest "$LC_SITE" broken_total) distinct broken URLs."
  fi
  echo
  python3 "$BENCH/report.py" table "$ROWS"
  echo
  echo "pages = distinct HTML pages of the site fetched with 2xx; broken found = distinct link targets reported broken, of the generator's list (bench/work/*/broken.txt);"
  echo "ratio = tool pages/s ÷ sitepatrol (cold) pages/s; CPU s = user+system seconds of the tool (nginx excluded). Raw outputs: bench/work/results/."
} | tee "$RES/summary.md"
