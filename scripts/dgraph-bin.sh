#!/usr/bin/env bash
# Builds bin/dgraph, the Dgraph server pinned by tools/dgraph (a module of
# its own), unless it is already there and newer than tools/dgraph/go.mod
# and go.sum. The first build takes a few minutes; `make dgraph-bin` runs
# this, and so does scripts/test.sh. Set DGRAPH_BIN to use another binary.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=bin/dgraph
pkg=github.com/dgraph-io/dgraph/v24/dgraph
version=$(awk '$1 == "github.com/dgraph-io/dgraph/v24" { print $2 }' tools/dgraph/go.mod)

if [ -x "$bin" ] && [ "$bin" -nt tools/dgraph/go.mod ] && [ "$bin" -nt tools/dgraph/go.sum ]; then
  echo "$bin (Dgraph ${version:-?}) is up to date"
  exit 0
fi
echo "building $bin (Dgraph ${version:-?}, from tools/dgraph; a few minutes the first time)"
start=$SECONDS
mkdir -p bin
# Build next to it and rename, so that nobody runs a half-written binary and
# a failed build leaves no new-looking file behind.
tmp=$(mktemp "bin/.dgraph.XXXXXX")
trap 'rm -f "$tmp"' EXIT
(cd tools/dgraph && go build -o "../../$tmp" "$pkg")
mv -f "$tmp" "$bin"
echo "built $bin in $((SECONDS - start)) s"
