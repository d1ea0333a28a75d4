#!/usr/bin/env bash
# Regenerates docs/screenshots/{claims,claim,timeline,map}.png: builds the web UI,
# runs its browser test (web/test/browser.test.mjs) against a server on
# 127.0.0.1 and keeps the screenshots of the four views.
#
# The server: $CLAIMTRACE_SERVE_CMD when set (a shell command with {port});
# else build/claimtrace when it exists and has `serve` (the examples stored in
# a fresh database); else the mock server (web/test/mock-server.mjs over
# invented fixtures). Build claimtrace first (bash scripts/run.sh --no-serve)
# for screenshots of the real server.
# Needs /usr/bin/chromium (scripts/install-deps.sh installs it).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root/web"

bash "$root/scripts/build-web.sh"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [[ -z "${CLAIMTRACE_SERVE_CMD:-}" && -x "$root/build/claimtrace" ]] && "$root/build/claimtrace" serve --help >/dev/null 2>&1; then
  db="$tmp/claimtrace.db"
  "$root/build/claimtrace" ingest --quiet --db "$db" "$root/examples"
  export CLAIMTRACE_SERVE_CMD="exec '$root/build/claimtrace' serve --db '$db' --port {port}"
fi
echo "screenshots: server: ${CLAIMTRACE_SERVE_CMD:-mock (web/test/mock-server.mjs)}"

CLAIMTRACE_SCREENSHOT_DIR="$tmp/shots" node --test test/browser.test.mjs
mkdir -p "$root/docs/screenshots"
for view in claims claim timeline map; do
  cp "$tmp/shots/$view.png" "$root/docs/screenshots/$view.png"
done
echo "screenshots: wrote docs/screenshots/{claims,claim,timeline,map}.png"
