#!/usr/bin/env bash
# Builds the web UI (web/dist/, what `claimtrace serve` serves) when it is
# missing or older than its sources: `npm ci` when web/node_modules is absent
# or older than package-lock.json, `npm run build` when dist/index.html is
# older than anything in web/src, build.mjs or the lock file. Idempotent:
# prints nothing and does nothing when both are up to date.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../web"

if ! command -v npm >/dev/null 2>&1; then
  echo "build-web: npm is missing (scripts/install-deps.sh installs nodejs and npm)" >&2
  exit 1
fi
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "build-web: npm ci in web/"
  npm ci --no-audit --no-fund --loglevel=error
fi
if [[ ! -f dist/index.html ]] || [[ -n "$(find src build.mjs package.json package-lock.json -newer dist/index.html -print -quit)" ]]; then
  echo "build-web: npm run build in web/"
  npm run --silent build
fi
