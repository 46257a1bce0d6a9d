#!/usr/bin/env bash
# Grammar tests: the assertion files test/grammar/*.test.flow, then every
# samples/*.flow tokenized by tokenize-samples.mjs. Exits non-zero on failure.
set -uo pipefail
cd "$(dirname "$0")/../.."

status=0
out=$(node_modules/.bin/vscode-tmgrammar-test -g syntaxes/botflow.tmLanguage.json 'test/grammar/*.test.flow' 2>&1) || status=1
printf '%s\n' "$out"
echo "grammar tests: $(grep -c '✓' <<<"$out") passed, $(grep -c '✖' <<<"$out") failed"

node test/grammar/tokenize-samples.mjs || status=1
exit $status
