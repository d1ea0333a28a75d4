#!/usr/bin/env bash
# Quick start, command 2: install what is missing, then build and run the whole
# test suite:
#   1. Release build in build/ and every CTest test; then the web UI's unit and
#      browser tests (web/, `npm test`, headless chromium) against the real
#      `build/claimtrace serve` over the examples and the hostile test article
#      (screenshots in build/web-screenshots/);
#   2. ASan+UBSan build in build-asan/ and the tests labelled fast or e2e
#      (every test when no test carries a label); with clang, the same tree
#      holds the libFuzzer targets, each run briefly from its seeds in
#      fuzz/corpus/ (CTest label "fuzz").
# Exits non-zero when a build or a test fails, and always ends with the line
# "N passed, N failed" (tests summed over the CTest runs; a build that fails
# counts as one failed test, since its tests could not run).
# CLAIMTRACE_FUZZ_SECONDS (default 15) sets the length of each fuzz run; 0 skips them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

JOBS=2
FUZZ_SECONDS=${CLAIMTRACE_FUZZ_SECONDS:-15}
passed=0
failed=0
failures=()
LOG_DIR=$(mktemp -d)

summary() {
  local rc=$?
  echo
  if [[ ${#failures[@]} -gt 0 ]]; then
    echo "test.sh: failed steps: ${failures[*]}"
  fi
  if [[ $rc -ne 0 && ${#failures[@]} -eq 0 ]]; then
    echo "test.sh: stopped by an unexpected error (exit $rc)"
    failed=$((failed + 1))
  fi
  rm -rf "$LOG_DIR"
  printf 'test.sh: took %dm%02ds\n' $((SECONDS / 60)) $((SECONDS % 60))
  echo "$passed passed, $failed failed"
}
trap summary EXIT

step_failed() {  # name
  failures+=("$1")
  failed=$((failed + 1))
}

banner() { printf '\n==== [%dm%02ds] %s\n' $((SECONDS / 60)) $((SECONDS % 60)) "$*"; }

# Configures and builds one tree; records a failure and returns 1 when either fails.
build() {  # name dir cmake-args...
  local name=$1 dir=$2
  shift 2
  banner "build $name ($dir)"
  # BUILD_TARGETS (space-separated) limits the build to those targets.
  local targets=()
  if [[ -n "${BUILD_TARGETS:-}" ]]; then
    read -r -a names <<<"$BUILD_TARGETS"
    for t in "${names[@]}"; do targets+=(--target "$t"); done
  fi
  if ! cmake -S . -B "$dir" -G Ninja "$@" || ! cmake --build "$dir" -j"$JOBS" "${targets[@]}"; then
    step_failed "build-$name"
    return 1
  fi
}

# Runs ctest and adds its counts to the totals.
run_ctest() {  # name ctest-args...
  local name=$1 log="$LOG_DIR/$1.log" rc=0
  shift
  banner "ctest $name"
  ctest --output-on-failure -j"$JOBS" "$@" 2>&1 | tee "$log" || rc=$?
  local line total=0 bad=0
  line=$(grep -E '[0-9]+ tests? failed out of [0-9]+' "$log" | tail -n1 || true)
  if [[ -n "$line" ]]; then
    bad=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$line")
    total=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\2/' <<<"$line")
  elif grep -q 'No tests were found' "$log"; then
    echo "test.sh: ctest $name found no tests"
  fi
  passed=$((passed + total - bad))
  failed=$((failed + bad))
  if [[ $rc -ne 0 ]]; then
    failures+=("ctest-$name")
    # ctest failed without reporting a failed test (e.g. it could not start).
    if [[ $bad -eq 0 ]]; then failed=$((failed + 1)); fi
  fi
}

# Builds the web UI if needed and runs its tests (`npm test` in web/) against
# `build/claimtrace serve` over a fresh database of the examples and the
# hostile test article; adds node's pass/fail counts to the totals.
run_web_tests() {
  banner "web UI tests (npm test against build/claimtrace serve)"
  if ! bash scripts/build-web.sh; then
    step_failed web-build
    return 1
  fi
  local db="$LOG_DIR/web.db" log="$LOG_DIR/web.log" rc=0
  local serve_cmd="build/claimtrace ingest --quiet --db '$db' examples web/test/fixtures/hostile-article.jsonl"
  serve_cmd+=" && exec build/claimtrace serve --db '$db' --port {port}"
  (cd web && CLAIMTRACE_SERVE_CMD="$serve_cmd" CLAIMTRACE_SCREENSHOT_DIR="$PWD/../build/web-screenshots" npm test) \
    2>&1 | tee "$log" || rc=$?
  local pass fail
  pass=$(sed -n 's/^# pass \([0-9]\{1,\}\)$/\1/p' "$log" | tail -n1)
  fail=$(sed -n 's/^# fail \([0-9]\{1,\}\)$/\1/p' "$log" | tail -n1)
  passed=$((passed + ${pass:-0}))
  failed=$((failed + ${fail:-0}))
  if [[ $rc -ne 0 ]]; then
    failures+=("web-tests")
    if [[ ${fail:-0} -eq 0 ]]; then failed=$((failed + 1)); fi
  fi
}

bash scripts/install-deps.sh

# 1. Release, then the web UI against the Release server.
if build release build -DCMAKE_BUILD_TYPE=Release -DCLAIMTRACE_BUILD_TESTS=ON -DCLAIMTRACE_BUILD_BENCH=ON; then
  run_ctest release --test-dir build
  run_web_tests || true
fi

# 2. AddressSanitizer + UndefinedBehaviorSanitizer, and the libFuzzer targets in the same tree.
# With clang (installed by install-deps.sh) one build serves both: the library carries the
# sanitizers and libFuzzer's coverage instrumentation, the tests and the CLI link it as usual,
# and each fuzz target is run briefly from its seeds in fuzz/corpus/ (CTest label "fuzz").
# Without clang, GCC builds the sanitized tests and the fuzz runs are skipped.
# -O1 with line tables: about 2.5x faster to compile than -O2 -g under the
# sanitizers, nearly as fast to run, and assertions stay on.
sanitize_args=(-DCMAKE_BUILD_TYPE=Debug -DCLAIMTRACE_SANITIZE=ON -DCLAIMTRACE_BUILD_TESTS=ON
               -DCLAIMTRACE_BUILD_BENCH=OFF)
if command -v clang++ >/dev/null 2>&1; then
  cc=clang cxx=clang++
  sanitize_args+=(-DCMAKE_CXX_FLAGS_DEBUG="-O1 -gline-tables-only")
  if [[ "$FUZZ_SECONDS" != 0 ]]; then
    sanitize_args+=(-DCLAIMTRACE_FUZZ=ON -DCLAIMTRACE_FUZZ_SECONDS="$FUZZ_SECONDS")
  else
    sanitize_args+=(-DCLAIMTRACE_FUZZ=OFF)
  fi
else
  echo "test.sh: clang++ not found; the sanitized tests are built with GCC and the fuzz runs skipped"
  cc=gcc cxx=g++
  sanitize_args+=(-DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" -DCLAIMTRACE_FUZZ=OFF)
fi
# A tree configured earlier with the other compiler is configured afresh.
if [[ -f build-asan/CMakeCache.txt ]] && ! grep -q "^CMAKE_CXX_COMPILER:[A-Z]*=.*/$cxx\$" build-asan/CMakeCache.txt; then
  rm -rf build-asan
fi
if CC=$cc CXX=$cxx build asan build-asan "${sanitize_args[@]}"; then
  labels=$(ctest --test-dir build-asan --print-labels 2>/dev/null | sed -n 's/^[[:space:]]\{1,\}//p' || true)
  label_args=()
  if grep -qxE 'fast|e2e' <<<"$labels"; then
    label_args=(-L 'fast|e2e')
  fi
  ASAN_OPTIONS=detect_leaks=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    run_ctest asan --test-dir build-asan "${label_args[@]}"
  if grep -qx fuzz <<<"$labels"; then
    run_ctest fuzz --test-dir build-asan -L fuzz
  fi
fi

[[ ${#failures[@]} -eq 0 ]]
