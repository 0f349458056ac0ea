#!/usr/bin/env bash
# The whole test suite: vet, unit and golden tests, and a short fuzz run of
# the loader. The README's test command and CI (.ci/run) both run this.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== go vet"
go vet ./...

echo "== gofmt"
unformatted=$(gofmt -l .)
if [ -n "$unformatted" ]; then
  echo "not gofmt-formatted:" $unformatted >&2
  exit 1
fi

echo "== go test"
go test -count=1 ./...

echo "== fuzz the loader (${FUZZTIME:-20s})"
go test -run '^$' -fuzz FuzzParse -fuzztime "${FUZZTIME:-20s}" ./loader
