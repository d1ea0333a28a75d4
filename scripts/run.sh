#!/usr/bin/env bash
# Quick start, command 1: install what is missing, build claimtrace (Release,
# in build/) and the web UI (web/dist/), store the bundled examples in
# build/examples.db, print their claims and the provenance tree of the most
# reported one, and serve the web UI and the API on
# http://127.0.0.1:8080/ until Ctrl-C.
#
#   bash scripts/run.sh                  # ... and serve (port: $CLAIMTRACE_PORT, default 8080)
#   bash scripts/run.sh --no-serve       # stop after printing the claims (scripts, CI);
#                                        # CLAIMTRACE_NO_SERVE=1 does the same
#   bash scripts/run.sh extract examples/   # any other arguments: passed to claimtrace
#
# Idempotent: install-deps and the builds do only what is missing or stale, and
# storing the examples again changes nothing (each document is stored once).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

no_serve=${CLAIMTRACE_NO_SERVE:-0}
if [[ $# -eq 1 && "$1" == "--no-serve" ]]; then
  no_serve=1
  shift
fi

bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j2 --target claimtrace

if [[ $# -gt 0 ]]; then
  exec build/claimtrace "$@"
fi

db=build/examples.db
build/claimtrace ingest --db "$db" examples/
echo
build/claimtrace claims --db "$db" --sort reports
# The provenance tree of the most reported claim: first data row of the CSV listing, first column.
id=$(build/claimtrace claims --db "$db" --sort reports --limit 1 --format csv | sed -n 2p | cut -d, -f1)
echo
build/claimtrace trace --db "$db" "$id"
if [[ "$no_serve" != 0 ]]; then
  exit 0
fi
bash scripts/build-web.sh
echo
echo "run.sh: open the URL below in a browser; Ctrl-C stops the server"
exec build/claimtrace serve --db "$db" --port "${CLAIMTRACE_PORT:-8080}"
