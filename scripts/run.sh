#!/usr/bin/env bash
# Quick start, command 1: install what is missing, build claimtrace (Release,
# in build/), ingest the bundled examples into the SQLite store
# build/examples.db, and print their claims with evidence status and the
# provenance tree of the most reported one. Running it again changes nothing
# in the store. With arguments, they are passed to claimtrace instead:
# `bash scripts/run.sh extract examples/`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

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
# The most reported claim: first data row of the CSV listing, first column.
id=$(build/claimtrace claims --db "$db" --sort reports --limit 1 --format csv | sed -n 2p | cut -d, -f1)
echo
build/claimtrace trace --db "$db" "$id"
