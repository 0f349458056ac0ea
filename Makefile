# Every target works on a fresh machine with Go installed (test also needs
# Node.js and npm, for the graphql-http audit).
GO ?= go

.PHONY: run test bench load fuzz extract generate dgraph-bin dgraph

# Serve the seed's graph over GraphQL on 127.0.0.1:8080.
run:
	$(GO) run .

# Print the seed's knowledge graph as JSON.
extract:
	$(GO) run . extract seeds/jiaozuo-innovation-program.txt

# The whole test suite, as CI runs it.
test:
	bash scripts/test.sh

# Build bin/dgraph, the Dgraph pinned by tools/dgraph, if missing or stale
# (a few minutes the first time).
dgraph-bin:
	bash scripts/dgraph-bin.sh

# Run a throwaway Dgraph on free loopback ports until Ctrl-C; prints its
# DGRAPH_ADDR (gRPC) and DGRAPH_HTTP. (Built and run rather than `go run`,
# which exits 1 after a Ctrl-C however the program exits.)
dgraph: dgraph-bin
	$(GO) build -o bin/rundgraph ./tools/rundgraph
	bin/rundgraph

# Regenerate the GraphQL code from schema/*.graphqls.
generate:
	$(GO) generate ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./loader/... ./store/... ./server/...

# Loopback load test of the built service: make load DURATION=30s
DURATION ?= 10s
load:
	bash scripts/load.sh $(DURATION)

# Fuzz the loader for longer than CI does: make fuzz FUZZTIME=5m
FUZZTIME ?= 1m
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime $(FUZZTIME) -fuzzminimizetime 2s ./loader
