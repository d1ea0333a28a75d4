#!/usr/bin/env bash
# Quick start, command 1: install what is missing, build claimtrace (Release,
# in build/), and run it on the bundled examples. With arguments, they are
# passed to claimtrace instead: `bash scripts/run.sh extract examples/`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j2 --target claimtrace

if [[ $# -eq 0 ]]; then
  set -- show examples/
fi
exec build/claimtrace "$@"
