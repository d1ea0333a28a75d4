#!/usr/bin/env bash
# Scores claimtrace's attributions on PolNeAR (../shared/bench/attribution/polnear) with the
# benchmark's own scorer. Usage: scripts/eval-polnear.sh [dev|train]  (default dev)
set -euo pipefail
cd "$(dirname "$0")/.."
split=${1:-dev}
bench=../shared/bench/attribution/polnear
[[ -d $bench ]] || { echo "eval-polnear: $bench not found (it ships with the project's shared data, not the repo)" >&2; exit 2; }
bash scripts/install-deps.sh >&2
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target claimtrace >&2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
build/claimtrace attributions --brat "$out" "$bench/data/$split/text/" 2>/dev/null
python3 "$bench/tools/polnear_score.py" "$bench/data/$split/attributions" "$out" --text-dir "$bench/data/$split/text"
