#!/usr/bin/env bash
# Every bench, one after another, each printing its figures side by side with
# its reference (see the top of each script for what it measures); no npm.
# Measures what ships: the benches that run dist/ build the production bundles
# first (bench/production-build.ts), as `npm ci` does. Takes about eight
# minutes, most of it server-memory's idle time.
# Run: bash bench/all.sh
set -uo pipefail
cd "$(dirname "$0")/.."

failed=()
bench() {
  echo
  echo "=== $* ($(date +%H:%M:%S))"
  if ! node bench/run.mjs "bench/$1" "${@:2}"; then failed+=("$1"); fi
}

echo "=== node $(node --version), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
bench parse.ts
bench check-process.ts
bench keystroke.ts
bench server-memory.ts
bench test-call.ts
bench test-call-process.ts
bench test-all.ts
bench graph.ts

echo
if [ ${#failed[@]} -gt 0 ]; then
  echo "benches that failed: ${failed[*]}"
  exit 1
fi
echo "all benches ran"
