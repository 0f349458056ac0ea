package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"policykg/kg"
	"policykg/loader"
	"policykg/store/dgraph"
)

// readyTimeout bounds the check that Dgraph answers before a load.
const readyTimeout = 10 * time.Second

// load parses documents and merges them into Dgraph, one transaction per
// document, printing a progress line per document to stderr. Every file is
// parsed before anything is written, so bad input writes nothing; a
// document that fails to load leaves nothing of itself in Dgraph, and
// running the same command again finishes the job (loading is idempotent).
func load(ctx context.Context, args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("dgraph", "", "gRPC address of a Dgraph Alpha, HOST:PORT (required)")
	maxBytes := fs.Int64("max-bytes", loader.DefaultMaxBytes, "largest document accepted, in bytes")
	timeout := fs.Duration("timeout", 10*time.Minute, "deadline of each document's load (0: none)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: policykg load -dgraph HOST:PORT [flags] FILE...\n\nMerges the documents' graphs into Dgraph.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *addr == "" || fs.NArg() == 0 {
		fmt.Fprintln(stderr, "policykg load: need -dgraph HOST:PORT and at least one FILE (usage: policykg load -dgraph HOST:PORT FILE...)")
		return 2
	}
	files := fs.Args()
	l, err := loader.New(loader.Options{MaxBytes: *maxBytes})
	if err != nil {
		fmt.Fprintf(stderr, "policykg load: %v\n", err)
		return 1
	}
	graphs := make([]*kg.Graph, len(files))
	for i, f := range files {
		if graphs[i], err = l.LoadFiles([]string{f}); err != nil {
			fmt.Fprintf(stderr, "policykg load: %s (nothing was loaded)\n", oneLine(err.Error()))
			return 1
		}
	}

	store, err := dgraph.Open(*addr)
	if err != nil {
		fmt.Fprintf(stderr, "policykg load: %v\n", err)
		return 2
	}
	defer store.Close()
	rctx, cancel := context.WithTimeout(ctx, readyTimeout)
	err = store.Ready(rctx)
	cancel()
	if err != nil {
		fmt.Fprintf(stderr, "policykg load: cannot reach Dgraph at %s: %s (nothing was loaded)\n", *addr, oneLine(err.Error()))
		return 1
	}

	parsed := 0
	for _, g := range graphs {
		parsed += len(g.Entities) + len(g.Relations)
	}
	fmt.Fprintf(stderr, "parsed %d documents (%d entities and relations); loading them into %s, one transaction each\n", len(files), parsed, *addr)
	start := time.Now()
	var total dgraph.LoadStats
	for i, g := range graphs {
		t0 := time.Now()
		dctx, cancel := ctx, context.CancelFunc(func() {})
		if *timeout > 0 {
			dctx, cancel = context.WithTimeout(ctx, *timeout)
		}
		st, err := store.LoadGraph(dctx, g)
		cancel()
		if err != nil {
			fmt.Fprintf(stderr, "policykg load: %s: %s\n", files[i], oneLine(err.Error()))
			fmt.Fprintf(stderr, "policykg load: %d of %d documents loaded; %s and the rest were not (run the command again to finish: loading is idempotent)\n", i, len(files), files[i])
			return 1
		}
		total.Entities += st.Entities
		total.Relations += st.Relations
		total.NQuads += st.NQuads
		d := time.Since(t0)
		fmt.Fprintf(stderr, "[%d/%d] %s: %d entities and %d relations parsed, %d entities and %d relations written (%d N-Quads; transactions tried: %d) in %s\n",
			i+1, len(files), files[i], len(g.Entities), len(g.Relations), st.Entities, st.Relations, st.NQuads, st.Attempts, d.Round(time.Millisecond))
	}
	d := time.Since(start)
	fmt.Fprintf(stderr, "loaded %d documents into %s: %d entities and %d relations written, %d N-Quads in %s (%.0f N-Quads/s)\n",
		len(files), *addr, total.Entities, total.Relations, total.NQuads, d.Round(time.Millisecond), float64(total.NQuads)/d.Seconds())
	return 0
}
