#!/usr/bin/env bash
# Load test of `claimtrace serve` (a benchmark, never a test: it asserts
# nothing): a store of at least 100,000 claims, then wrk against /api/claims
# with a few filter mixes (and the other read endpoints), printing requests/s
# and the 50th/95th/99th percentile latency of each.
#
#   bash scripts/load-test.sh [DB]        # default DB: /tmp/claimtrace-load.db
#
# When DB does not exist it is built: scripts/scale-corpus.py writes
# $CLAIMTRACE_LOAD_DOCS (default 100000) documents from ../shared/corpus to
# /tmp/scaled-N.jsonl (reused when present), then `claimtrace ingest` stores and
# links them (several minutes on 2 cores). The corpus holds third-party text:
# it stays in /tmp, never in the repository.
#
# Environment: CLAIMTRACE_LOAD_SECONDS (wrk duration per mix, default 15),
# CLAIMTRACE_LOAD_CONNECTIONS (default 8), CLAIMTRACE_LOAD_THREADS (wrk
# threads, default 2). Needs wrk (scripts/install-deps.sh installs it).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

db=${1:-/tmp/claimtrace-load.db}
docs=${CLAIMTRACE_LOAD_DOCS:-100000}
seconds=${CLAIMTRACE_LOAD_SECONDS:-15}
connections=${CLAIMTRACE_LOAD_CONNECTIONS:-8}
threads=${CLAIMTRACE_LOAD_THREADS:-2}

if ! command -v wrk >/dev/null 2>&1; then
  echo "load-test: wrk is missing: bash scripts/install-deps.sh (or apt-get install -y wrk)" >&2
  exit 2
fi
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j2 --target claimtrace

if [[ ! -f "$db" ]]; then
  corpus=/tmp/scaled-$docs.jsonl
  if [[ ! -f "$corpus" ]]; then
    shared="$root/../shared/corpus"
    python3 scripts/scale-corpus.py -n "$docs" -o "$corpus" "$shared/gdelt-ukraine" \
      "$shared/ru-official/mfa_telegram.jsonl" "$shared/seeds"
  fi
  echo "load-test: storing $corpus in $db (takes minutes)"
  build/claimtrace ingest --quiet --db "$db" "$corpus" 2>/dev/null || true
fi
tmp=$(mktemp -d)
server=""
cleanup() {
  if [[ -n "$server" ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

build/claimtrace serve --db "$db" --port 0 >"$tmp/serve.log" 2>&1 &
server=$!
url=""
for _ in $(seq 1 200); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$tmp/serve.log" | head -n1 || true)
  [[ -n "$url" ]] && break
  sleep 0.1
done
[[ -n "$url" ]] || { cat "$tmp/serve.log" >&2; exit 1; }

# Counted through the server, which has migrated an older database by now.
claims=$(curl -s "$url/api/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["claims"])')
echo "load-test: $db holds $claims claims"
if [[ "$claims" -lt 100000 ]]; then
  echo "load-test: fewer than 100,000 claims; use a larger CLAIMTRACE_LOAD_DOCS" >&2
fi

# Filter values that exist in this store.
read -r place word < <(curl -s "$url/api/places" | python3 -c '
import json, sys
p = json.load(sys.stdin)["places"]
print(p[0]["id"] if p else "none", "Kharkiv")')

cat >"$tmp/report.lua" <<'EOF'
done = function(summary, latency, requests)
  local s = summary.duration / 1e6
  io.write(string.format("RESULT %.0f %.1f %.1f %.1f %d %d\n", summary.requests / s,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout))
end
EOF

mixes=(
  "/api/claims"
  "/api/claims?type=attack&side=RU"
  "/api/claims?place=$place&sort=-date"
  "/api/claims?q=$word"
  "/api/claims?status=single-source&since=2022-03-01&until=2022-06-30&sort=reports"
  "/api/claims?source=tass&side=UA"
  "/api/claims?side=other&type=surrender"
  "/api/claims?offset=20000&limit=50"
  "/api/stats"
  "/api/timeline?type=attack"
  "/api/places?side=RU"
)
printf '\n%-82s %9s %8s %8s %8s %9s %7s\n' "request ($connections connections, ${seconds}s each)" "req/s" "p50 ms" "p95 ms" "p99 ms" "requests" "errors"
for m in "${mixes[@]}"; do
  curl -s -o /dev/null "$url$m"  # warm the page cache and the connection pool
  line=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s "$tmp/report.lua" "$url$m" | grep '^RESULT' || true)
  read -r _ rps p50 p95 p99 n errors <<<"$line"
  printf '%-82s %9s %8s %8s %8s %9s %7s\n' "$m" "${rps:-?}" "${p50:-?}" "${p95:-?}" "${p99:-?}" "${n:-?}" "${errors:-?}"
done
echo
echo "load-test: server RSS $(grep VmRSS /proc/"$server"/status | awk '{print $2, $3}')"
