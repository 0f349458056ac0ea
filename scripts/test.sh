#!/usr/bin/env bash
# The whole test suite: generated code up to date, vet, formatting, every
# test (with the graphql-http audit required), and short fuzz runs of the
# GraphQL handler and the loader. The README's test command and CI (.ci/run) both run this.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== generated code is up to date (go generate ./...)"
generated="graph/generated.go graph/model/models_gen.go graph/schema.resolvers.go"
before=$(cat $generated | sha256sum)
go generate ./...
if [ "$before" != "$(cat $generated | sha256sum)" ]; then
  echo "generated code was stale; go generate ./... has updated it: review and commit" >&2
  exit 1
fi

echo "== go vet"
go vet ./...

echo "== gofmt"
unformatted=$(gofmt -l .)
if [ -n "$unformatted" ]; then
  echo "not gofmt-formatted:" $unformatted >&2
  exit 1
fi

echo "== graphql-http audit tool (npm ci --prefix tools/audit)"
npm ci --prefix tools/audit --no-audit --no-fund --loglevel=error
export POLICYKG_AUDIT=1

echo "== go test"
go test -count=1 ./...

echo "== go test -race (stores, server, command)"
go test -count=1 -race ./store/... ./server/... .

echo "== fuzz the GraphQL handler (${FUZZTIME_HTTP:-10s})"
go test -run '^$' -fuzz FuzzGraphQL -fuzztime "${FUZZTIME_HTTP:-10s}" -fuzzminimizetime 2s ./server

echo "== fuzz the loader (${FUZZTIME:-20s})"
go test -run '^$' -fuzz FuzzParse -fuzztime "${FUZZTIME:-20s}" -fuzzminimizetime 2s ./loader
