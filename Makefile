# Every target works on a fresh machine with Go installed (test also needs
# Node.js and npm, for the graphql-http audit).
GO ?= go

.PHONY: run test bench load fuzz extract generate

# Serve the seed's graph over GraphQL on 127.0.0.1:8080.
run:
	$(GO) run .

# Print the seed's knowledge graph as JSON.
extract:
	$(GO) run . extract seeds/jiaozuo-innovation-program.txt

# The whole test suite, as CI runs it.
test:
	bash scripts/test.sh

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
