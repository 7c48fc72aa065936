#!/usr/bin/env bash
# Renders the README's report screenshots: patrols the bundled demo site (`sitepatrol demo`)
# in a scratch folder and has headless Chromium draw the first screen of each report it writes
# (the monthly 通报 and the demo site's 自查报告) into docs/images/. Needs a build
# (deploy/build.sh) and chromium (deploy/install-deps.sh). Run from anywhere.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1796342400}" "$root/build/app/sitepatrol" demo >/dev/null 2>&1
shot() {  # shot REPORT.html OUT.png
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/chromium" \
    --window-size=900,1300 --screenshot="$2" "file://$work/sitepatrol-demo/$1" 2>/dev/null
  echo "$2: $(du -k "$2" | cut -f1) KB"
}
shot monthly-report.html "$root/docs/images/monthly-report.png"
shot self-inspection-demo-jtt.html "$root/docs/images/self-inspection.png"
