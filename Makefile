# Every target works on a fresh machine with Go installed.
GO ?= go

.PHONY: run test bench fuzz extract

# Print the seed's knowledge graph as JSON.
extract:
	$(GO) run . extract seeds/jiaozuo-innovation-program.txt

# The whole test suite, as CI runs it.
test:
	bash scripts/test.sh

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./loader/...

# Fuzz the loader for longer than CI does: make fuzz FUZZTIME=5m
FUZZTIME ?= 1m
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime $(FUZZTIME) ./loader
