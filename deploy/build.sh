#!/usr/bin/env bash
# Configures and builds sitepatrol into build/ (Release with debug info, all cores).
# --werror: warnings are errors, as developers and CI build (README, "run every test");
# without it a new compiler's new warning cannot stop a user's build.
set -euo pipefail
cd "$(dirname "$0")/.."
werror=OFF
[ "${1:-}" = "--werror" ] && werror=ON
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSITEPATROL_WERROR="$werror" >/dev/null
cmake --build build -j "$(nproc)"
