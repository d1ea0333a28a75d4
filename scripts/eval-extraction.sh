#!/usr/bin/env bash
# Scores claimtrace's HTML main-content extraction on trafilatura's evaluation
# set (../shared/bench/extraction/trafilatura-eval: 990 pages, `with`/`without`
# snippets per URL) with the benchmark's own scorer, and reports pages/s.
# Usage: scripts/eval-extraction.sh [--stage extract|clean] [--repeat N] [-o RESULTS.json]
#   --stage extract  HTML extraction only (default); clean adds the chrome-line pass
#   --repeat N       passes over the pages; the fastest is reported (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
bench=../shared/bench/extraction/trafilatura-eval
[[ -d $bench ]] || { echo "eval-extraction: $bench not found (it ships with the project's shared data, not the repo)" >&2; exit 2; }
stage=extract repeat=3 results=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --stage) stage=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    -o) results=$2; shift 2 ;;
    *) echo "eval-extraction: unknown argument $1" >&2; exit 2 ;;
  esac
done
bash scripts/install-deps.sh >&2
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j2 --target claimtrace >&2
if [[ -z $results ]]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  results=$tmp/results.json
fi
build/claimtrace extract-eval --eval-data "$bench/evaldata.json" --html-dir "$bench/html" -o "$results" \
  --stage "$stage" --repeat "$repeat" 2>/dev/null
python3 "$bench/score.py" "$bench/evaldata.json" "$results"
