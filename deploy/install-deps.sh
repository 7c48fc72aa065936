#!/usr/bin/env bash
# Installs sitepatrol's build and test dependencies from Debian 12 packages, when missing.
# Safe to run again: installs nothing when everything is there. Needs root (or sudo).
set -euo pipefail

packages=(
  build-essential cmake pkg-config git ca-certificates
  libcurl4-openssl-dev libgumbo-dev libboost-dev libsqlite3-dev
  libspdlog-dev libfmt-dev libgtest-dev nlohmann-json3-dev
  libtomlplusplus-dev libcli11-dev zlib1g-dev libssl-dev openssl
  libidn2-dev                   # IDN hosts to punycode, whatever the locale (config/idn.h)
  libutf8proc-dev               # NFKC normalisation of page text for the content checks
  libpoppler-cpp-dev libzip-dev libexpat1-dev # text of PDF and Office attachments (DOCX, XLSX)
  libpq-dev                     # the PostgreSQL store (docs/postgresql.md)
  libsodium-dev                 # the console's password hashes, Argon2id (docs/console.md)
  postgresql                    # tests: a throwaway PostgreSQL cluster for the store tests
                                # (under systemd the package also starts a server on :5432;
                                # the tests use their own, on a Unix socket)
  libjemalloc-dev               # the binary's allocator: 10 % less CPU a page (docs/performance.md)
  chromium fonts-wqy-microhei   # report tests: headless rendering of the HTML report
  chromium-driver               # console tests: Chromium driven through WebDriver
  poppler-utils                 # report tests: pdfinfo/pdftoppm on the A4 print (Chromium PDF)
  python3-jsonschema            # tests: the findings JSON validated against docs/schemas/
  python3-yaml                  # tests: the Kubernetes manifests parsed and cross-checked
  tzdata                        # time zones of the reports ([report] timezone, docs/notice.md)
  systemd                       # deploy tests: systemd-analyze verify of the unit files
  man-db groff-base             # CLI tests: the generated man page renders without a warning
  clang libclang-rt-14-dev llvm # sanitizer build and fuzz targets (docs/fuzzing.md);
                                # llvm gives llvm-symbolizer for readable sanitizer reports
  prometheus                    # promtool: tests check /metrics and deploy/prometheus/rules.yml
                                # (under systemd the package also starts a server on :9090;
                                # `systemctl disable --now prometheus` if only promtool is wanted)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
