#!/usr/bin/env bash
# Installs the Debian 12 packages claimtrace needs to build and test, and
# nothing else. Idempotent: asks dpkg what is already installed, and runs
# `apt-get update` and `apt-get install` only when something is missing.
# Works as root; as another user it uses sudo when sudo is available.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git python3 ca-certificates
  clang libclang-rt-14-dev
  libicu-dev libhyperscan-dev libre2-dev libsimdjson-dev nlohmann-json3-dev libcli11-dev
  libxxhash-dev libgumbo-dev libsqlite3-dev zlib1g-dev libcurl4-openssl-dev libcpp-httplib-dev libxml2-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  nodejs
  chromium
  wrk
)

# Build-time data and the web UI's packages from the npm registry
# (third_party/*/package-lock.json, web/package-lock.json):
# `npm ci` when node_modules is absent or older than the lock file.
install_npm_data() {
  local root lock
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  for lock in "$root"/third_party/*/package-lock.json "$root"/web/package-lock.json; do
    [[ -f "$lock" ]] || continue
    local dir
    dir=$(dirname "$lock")
    if [[ ! -f "$dir/node_modules/.package-lock.json" || "$lock" -nt "$dir/node_modules/.package-lock.json" ]]; then
      echo "install-deps: npm ci in ${dir#"$root"/}"
      (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    fi
  done
}

missing=()
for pkg in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
  if [[ "$status" != "installed" ]]; then
    missing+=("$pkg")
  fi
done
# Debian ships npm apart from nodejs; other nodejs builds bundle it.
if ! command -v npm >/dev/null 2>&1; then
  missing+=(npm)
fi

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#PACKAGES[@]} packages already present"
  install_npm_data
  exit 0
fi

SUDO=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    echo "install-deps: missing packages: ${missing[*]}" >&2
    echo "install-deps: run this script as root (or install sudo) to install them" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -qq -o Dpkg::Use-Pty=0 --no-install-recommends "${missing[@]}"
echo "install-deps: installed ${missing[*]}"
install_npm_data
