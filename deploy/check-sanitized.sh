#!/usr/bin/env bash
# Builds sitepatrol with clang, AddressSanitizer and UndefinedBehaviorSanitizer into
# build-asan/, and runs the unit and integration tests under them (docs/building.md).
# The same build holds the fuzz targets (SITEPATROL_FUZZ; deploy/fuzz-smoke.sh runs them),
# so CI compiles the project twice, not three times. The real-page corpus tests (label
# corpus) are left to the g++ build: they re-parse hundreds of saved pages and add nothing
# the fuzz targets do not cover.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DSITEPATROL_SANITIZE=ON -DSITEPATROL_FUZZ=ON -DSITEPATROL_WERROR=ON >/dev/null
cmake --build build-asan -j "$(nproc)"

# Any report fails the test: leaks included (LeakSanitizer), undefined behaviour aborts
# (-fno-sanitize-recover=undefined at compile time, halt_on_error here for the runtime).
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1:strict_string_checks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# ParseHtml.HostileStylesStayFast and Robots.HostileRobotsOfOneSiteDoesNotStallTheOthers bound
# CPU work by a watchdog, and the instrumentation multiplies CPU work (robots.txt matching runs
# about 100 times slower: 400 ms per hostile URL, past the crawl's 60 s watchdog); the g++
# build runs them. A test that fails is run once more (--repeat until-pass:2): the
# instrumentation slows the daemon tests, which wait on second-granularity schedules, two to
# three times. A first failure stays in the log above the retry, to be read.
ctest --test-dir build-asan --output-on-failure -j 2 -LE corpus -E 'HostileStylesStayFast|HostileRobotsOfOneSiteDoesNotStallTheOthers' \
  --repeat until-pass:2
