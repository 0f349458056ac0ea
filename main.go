// Command policykg turns municipal policy programs into a knowledge graph
// and serves it over GraphQL.
//
//	policykg [serve] [flags] [FILE...]        serve the graph (the embedded seeds by default)
//	policykg serve -dgraph HOST:PORT [flags]  serve the graph Dgraph holds
//	policykg load -dgraph HOST:PORT FILE...   merge documents into Dgraph
//	policykg extract FILE...                  print the extracted graph as JSON
//
// See README.md.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"policykg/loader"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

const usage = `usage: policykg [command] [flags] [FILE...]

commands:
  serve [FILE...]   serve the graph over GraphQL (the default command); the
                    documents given replace the embedded seeds; with
                    -dgraph HOST:PORT, serve what that Dgraph holds instead
  load -dgraph HOST:PORT FILE...
                    parse documents and merge them into Dgraph
  extract FILE...   parse documents and print the graph as one JSON object

Run "policykg <command> -h" for a command's flags.
`

// run is the whole program behind main, testable: it returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		return serve(ctx, args, stderr)
	}
	switch args[0] {
	case "serve":
		return serve(ctx, args[1:], stderr)
	case "load":
		return load(ctx, args[1:], stderr)
	case "extract":
		return extract(ctx, args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	// Flags or documents with no command: serve them.
	if _, err := os.Stat(args[0]); err == nil || strings.HasPrefix(args[0], "-") {
		return serve(ctx, args, stderr)
	}
	fmt.Fprintf(stderr, "policykg: unknown command %q (and no such file)\n%s", args[0], usage)
	return 2
}

// extract prints the graph of the given documents. On any error it prints
// one line to stderr and nothing to stdout.
func extract(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	maxBytes := fs.Int64("max-bytes", loader.DefaultMaxBytes, "largest document accepted, in bytes")
	fs.Usage = func() { fmt.Fprintf(stderr, "usage: policykg extract [-max-bytes N] FILE...\n") }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "policykg extract: no input files (usage: policykg extract FILE...)")
		return 2
	}
	l, err := loader.New(loader.Options{MaxBytes: *maxBytes})
	if err != nil {
		fmt.Fprintf(stderr, "policykg extract: %v\n", err)
		return 1
	}
	g, err := l.LoadFiles(fs.Args())
	if err != nil {
		fmt.Fprintf(stderr, "policykg extract: %s\n", oneLine(err.Error()))
		return 1
	}
	out, err := json.MarshalIndent(g, "", "  ")
	if err != nil {
		fmt.Fprintf(stderr, "policykg extract: %v\n", err)
		return 1
	}
	w := bufio.NewWriter(stdout)
	w.Write(out)
	w.WriteByte('\n')
	if err := w.Flush(); err != nil {
		fmt.Fprintf(stderr, "policykg extract: write: %v\n", err)
		return 1
	}
	return 0
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
