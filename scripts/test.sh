#!/usr/bin/env bash
# The whole test suite: generated code up to date, vet, formatting, every
# test (with the graphql-http audit required, and a throwaway Dgraph for the
# Dgraph store), and short fuzz runs of the GraphQL handler and the loader.
# The README's test command and CI (.ci/run) both run this.
#
# Dgraph: bin/dgraph is built if missing or stale (scripts/dgraph-bin.sh)
# and exported as DGRAPH_BIN, for tests that start their own; the tests
# share one started by tools/rundgraph on free loopback ports, exported as
# DGRAPH_ADDR (gRPC) and DGRAPH_HTTP, and stopped on exit. With DGRAPH_ADDR
# already set, the tests use that Dgraph instead.
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

echo "== Dgraph for the tests"
bash scripts/dgraph-bin.sh
export DGRAPH_BIN="$PWD/bin/dgraph"
if [ -n "${DGRAPH_ADDR:-}" ]; then
  echo "DGRAPH_ADDR is set: using that Dgraph, starting none"
else
  dgraph_tmp=$(mktemp -d)
  dgraph_pid=
  stop_dgraph() {
    if [ -n "$dgraph_pid" ]; then
      kill -TERM "$dgraph_pid" 2>/dev/null || true
      wait "$dgraph_pid" 2>/dev/null || true
    fi
    rm -rf "$dgraph_tmp"
  }
  trap stop_dgraph EXIT
  # Built, not `go run`, so that the signal reaches rundgraph itself.
  go build -o "$dgraph_tmp/rundgraph" ./tools/rundgraph
  "$dgraph_tmp/rundgraph" -dir "$dgraph_tmp/data" -env "$dgraph_tmp/env" >"$dgraph_tmp/rundgraph.log" 2>&1 &
  dgraph_pid=$!
  dgraph_start=$SECONDS
  deadline=$((SECONDS + 120))
  until [ -f "$dgraph_tmp/env" ]; do
    if ! kill -0 "$dgraph_pid" 2>/dev/null; then
      echo "Dgraph did not start; tools/rundgraph said:" >&2
      cat "$dgraph_tmp/rundgraph.log" >&2
      exit 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "Dgraph did not start within 120 s; tools/rundgraph said:" >&2
      cat "$dgraph_tmp/rundgraph.log" >&2
      echo "-- last lines of Dgraph's output ($dgraph_tmp/data/dgraph.log):" >&2
      tail -n 30 "$dgraph_tmp/data/dgraph.log" >&2 || true
      exit 1
    fi
    sleep 0.2
  done
  . "$dgraph_tmp/env"
  export DGRAPH_ADDR DGRAPH_HTTP
  echo "started a throwaway Dgraph in $((SECONDS - dgraph_start)) s (tools/rundgraph; stopped on exit)"
fi
echo "the tests use the Dgraph at DGRAPH_ADDR=$DGRAPH_ADDR (DGRAPH_BIN=$DGRAPH_BIN)"

echo "== go test"
go test -count=1 ./...

echo "== go test -race (stores, server, command)"
go test -count=1 -race ./store/... ./server/... .

echo "== fuzz the GraphQL handler (${FUZZTIME_HTTP:-10s})"
go test -run '^$' -fuzz FuzzGraphQL -fuzztime "${FUZZTIME_HTTP:-10s}" -fuzzminimizetime 2s ./server

echo "== fuzz the loader (${FUZZTIME:-20s})"
go test -run '^$' -fuzz FuzzParse -fuzztime "${FUZZTIME:-20s}" -fuzzminimizetime 2s ./loader
