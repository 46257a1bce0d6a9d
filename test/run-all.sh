#!/usr/bin/env bash
# Every test suite, each ending in one `SUITE: N passed, M failed` line, then
# a total. Used by `npm test` and by CI (.ci/run). Set BOTFLOW_SKIP_E2E=1 to
# leave out the real-VS-Code suites (they install code-server on first run).
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0
failed=0
status=0
summary=()
failures=()

# Runs a suite, echoes its output, and adds up its closing count line.
suite() {
  local name=$1
  shift
  echo "=== $name"
  local log
  log=$(mktemp)
  "$@" 2>&1 | tee "$log"
  local code=${PIPESTATUS[0]}
  local line
  line=$(grep -E "^$name: [0-9]+ passed, [0-9]+ failed" "$log" | tail -n 1)
  if [ -z "$line" ]; then
    line="$name: 0 passed, 1 failed"
    [ "$code" -eq 0 ] && line="$name: 1 passed, 0 failed"
  fi
  local p f
  p=$(sed -E 's/.*: ([0-9]+) passed.*/\1/' <<<"$line")
  f=$(sed -E 's/.*passed, ([0-9]+) failed.*/\1/' <<<"$line")
  if [ "$code" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; line="$name: $p passed, $f failed"; fi
  passed=$((passed + p))
  failed=$((failed + f))
  [ "$code" -ne 0 ] && status=1
  summary+=("$line")
  # CI keeps only the tail of the output, so a failing suite's details are
  # repeated at the end: mocha's "N failing" section, or the last lines.
  if [ "$f" -ne 0 ]; then
    local details
    details=$(sed -n '/^ *[0-9][0-9]* failing/,$p' "$log" | head -n 80)
    [ -z "$details" ] && details=$(tail -n 30 "$log")
    failures+=("--- $name" "$details")
  fi
  rm -f "$log"
}

suite typecheck bash -c 'npx tsc -p tsconfig.json --noEmit && echo "typecheck: 1 passed, 0 failed"'
suite lint node scripts/lint.mjs
suite build bash -c 'node build.mjs && echo "build: 1 passed, 0 failed"'
suite unit env BOTFLOW_SUITE=unit npx mocha
suite "grammar tests" bash test/grammar/run.sh
if [ -x .cache/node22/node_modules/node/bin/node ] || npm install --no-save --no-package-lock --prefix .cache/node22 node@22 >/dev/null 2>&1; then
  suite node22 env BOTFLOW_SUITE=node22 .cache/node22/node_modules/node/bin/node node_modules/mocha/bin/mocha.js
fi
if [ "${BOTFLOW_SKIP_E2E:-}" != 1 ] && [ -f test/e2e/run-all.sh ]; then
  suite extension-host bash test/e2e/run-all.sh extension-host
  suite browser bash test/e2e/run-all.sh browser
fi

echo
if [ ${#failures[@]} -gt 0 ]; then
  echo "=== failures"
  printf '%s\n' "${failures[@]}"
  echo
fi
printf '%s\n' "${summary[@]}"
echo "total: $passed passed, $failed failed"
exit $status
