#!/usr/bin/env bash
# Installs what deploy/build.sh built: the binary, the man page sitepatrol(1) and the bash
# completion (both generated from the command line definition at build time), through
# CMake's install rules. PREFIX (default /usr/local) and DESTDIR (staging) as usual.
# Needs root (or sudo) for a system prefix. The configuration and the systemd units are
# installed by hand, as docs/deploy.md shows.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${PREFIX:-/usr/local}"
[ -x build/app/sitepatrol ] || { echo "install: run deploy/build.sh first" >&2; exit 1; }
cmake --build build --target sitepatrol sitepatrol_docs >/dev/null
cmake --install build --prefix "$prefix"
if command -v mandb >/dev/null 2>&1 && [ -z "${DESTDIR:-}" ]; then mandb -q 2>/dev/null || true; fi
