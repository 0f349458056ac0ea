#!/usr/bin/env bash
# Loopback load test: builds the service, serves the seed on a free port,
# and measures
#   1. simple searches as fast as they go (wrk if installed, else loadgen),
#   2. latency of simple searches at a fixed 1,000 requests/s (loadgen),
#   3. the heavier queries of the benchmarks at a fixed rate.
# Usage: scripts/load.sh [DURATION]   (default 10s; wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
dur=${1:-10s}
tmp=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$tmp"' EXIT

go build -o "$tmp/policykg" .
go build -o "$tmp/loadgen" ./tools/loadgen
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 18080)
"$tmp/policykg" serve -addr "127.0.0.1:$port" -log-level warn &
pid=$!
url="http://127.0.0.1:$port/graphql"
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  sleep 0.1
done

search='{ search(text: "new materials", first: 5) { entity { id name } score } }'
industry='{ entity(id: "industry/new-materials") { name ... on Industry { enterprises { id name } products { id name } } } }'
neighborhood='{ neighborhood(id: "industry/new-materials", hops: 3) { nodes { id name } relations { type from { id } to { id } } } }'
path='{ path(from: "policy-document/jiao-2015-8", to: "government-unit/jiaozuo-innovation-program/finance-bureau", maxHops: 10) { length nodes { id } } }'

echo "== simple search, as fast as it goes"
if command -v wrk >/dev/null; then
  body=$(printf '{"query":%s}' "$(printf '%s' "$search" | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read()))')")
  cat > "$tmp/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[$body]]
LUA
  wrk -t2 -c32 -d"$dur" --latency -s "$tmp/post.lua" "$url"
else
  echo "(wrk not installed; using loadgen, which shares the CPU with the server)"
  "$tmp/loadgen" -url "$url" -query "$search" -c 32 -d "$dur"
fi

echo "== simple search at 1,000 req/s"
"$tmp/loadgen" -url "$url" -query "$search" -rate 1000 -d "$dur"
echo "== industry with enterprises and products at 1,000 req/s"
"$tmp/loadgen" -url "$url" -query "$industry" -rate 1000 -d "$dur"
echo "== 3-hop neighbourhood at 200 req/s"
"$tmp/loadgen" -url "$url" -query "$neighborhood" -rate 200 -d "$dur"
echo "== path at 1,000 req/s"
"$tmp/loadgen" -url "$url" -query "$path" -rate 1000 -d "$dur"
