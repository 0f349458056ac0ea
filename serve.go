package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"policykg/kg"
	"policykg/loader"
	"policykg/seeds"
	"policykg/server"
	"policykg/store/dgraph"
	"policykg/store/memory"
)

// shutdownGrace is how long requests in flight get to finish on shutdown.
const shutdownGrace = 10 * time.Second

// serveFlags are the serve command's flags.
type serveFlags struct {
	addr     string
	logLevel slog.Level
	logJSON  bool
	maxBytes int64
	limits   server.Limits
	cors     []string
	dgraph   string
}

// parseServeFlags returns the flags and the documents named, or nil and
// the exit code when the program should stop (0 after -h, 2 on bad usage).
func parseServeFlags(args []string, stderr io.Writer) (*serveFlags, []string, int) {
	f := &serveFlags{limits: server.DefaultLimits()}
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&f.addr, "addr", "127.0.0.1:8080", "address to listen on")
	fs.TextVar(&f.logLevel, "log-level", slog.LevelInfo, "least level logged: debug (every request), info, warn or error")
	fs.BoolVar(&f.logJSON, "log-json", false, "log JSON lines instead of text")
	fs.StringVar(&f.dgraph, "dgraph", "", "serve the graph held by the Dgraph Alpha at this gRPC address, HOST:PORT, instead of documents")
	fs.Int64Var(&f.maxBytes, "max-bytes", loader.DefaultMaxBytes, "largest document accepted, in bytes")
	fs.Func("cors-origins", "comma-separated origins whose pages may call the API from a browser (\"*\": any); none by default", func(v string) error {
		for _, o := range strings.Split(v, ",") {
			if o = strings.TrimSpace(o); o != "" {
				f.cors = append(f.cors, o)
			}
		}
		return nil
	})
	l := &f.limits
	fs.IntVar(&l.MaxDepth, "max-depth", l.MaxDepth, "deepest query accepted (0: no limit)")
	fs.IntVar(&l.MaxComplexity, "max-complexity", l.MaxComplexity, "most complex query accepted (0: no limit)")
	fs.IntVar(&l.MaxTokens, "max-tokens", l.MaxTokens, "most parser tokens in a query (0: no limit)")
	fs.IntVar(&l.MaxAliases, "max-aliases", l.MaxAliases, "most aliased fields in a query (0: no limit)")
	fs.Int64Var(&l.MaxBodyBytes, "max-body", l.MaxBodyBytes, "largest request body, in bytes (0: no limit)")
	fs.DurationVar(&l.Timeout, "timeout", l.Timeout, "deadline of each request (0: none)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: policykg [serve] [flags] [FILE...]\n       policykg serve -dgraph HOST:PORT [flags]\n\nServes the graph of the documents given, of the embedded seeds, or held by Dgraph, over GraphQL.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, nil, 0
		}
		return nil, nil, 2
	}
	for name, v := range map[string]int64{"max-depth": int64(l.MaxDepth), "max-complexity": int64(l.MaxComplexity),
		"max-tokens": int64(l.MaxTokens), "max-aliases": int64(l.MaxAliases), "max-body": l.MaxBodyBytes, "timeout": int64(l.Timeout)} {
		if v < 0 {
			fmt.Fprintf(stderr, "policykg serve: -%s must not be negative\n", name)
			return nil, nil, 2
		}
	}
	if f.dgraph != "" && fs.NArg() > 0 {
		fmt.Fprintln(stderr, "policykg serve: -dgraph serves what Dgraph holds; load documents into it with: policykg load -dgraph HOST:PORT FILE...")
		return nil, nil, 2
	}
	return f, fs.Args(), 0
}

// serve serves a store until ctx ends, then shuts down gracefully: with
// -dgraph the Dgraph store, else the memory store with the documents (or
// the seeds) loaded.
func serve(ctx context.Context, args []string, stderr io.Writer) int {
	f, files, code := parseServeFlags(args, stderr)
	if f == nil {
		return code
	}
	log := newLogger(stderr, f)
	var store kg.Store
	if f.dgraph != "" {
		s, err := dgraph.Open(f.dgraph)
		if err != nil {
			log.Error("cannot use Dgraph", "err", err)
			return 2
		}
		defer s.Close()
		// Serve even while Dgraph is down: /readyz says 503 and queries
		// fail with BACKEND_UNAVAILABLE until it is back.
		rctx, cancel := context.WithTimeout(ctx, readyTimeout)
		if err := s.Ready(rctx); err != nil {
			log.Warn("Dgraph does not answer yet; serving anyway, queries fail until it does", "dgraph", f.dgraph, "err", err)
		} else {
			log.Info("Dgraph is ready", "dgraph", f.dgraph)
		}
		cancel()
		store = s
	} else {
		s, err := loadMemory(ctx, f, files, log)
		if err != nil {
			return 1
		}
		store = s
	}
	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		log.Error("cannot listen", "addr", f.addr, "err", err)
		return 1
	}
	return runServer(ctx, ln, server.Handler(store, server.Config{Limits: f.limits, Logger: log, CORSOrigins: f.cors}), log)
}

// loadMemory loads the documents, or the seeds, into a new memory store.
func loadMemory(ctx context.Context, f *serveFlags, files []string, log *slog.Logger) (*memory.Store, error) {
	start := time.Now()
	g, err := loadDocuments(f.maxBytes, files)
	if err != nil {
		log.Error("cannot load documents", "err", oneLine(err.Error()))
		return nil, err
	}
	store := memory.New()
	if err := store.Load(ctx, g); err != nil {
		log.Error("cannot load the graph into the store", "err", err)
		return nil, err
	}
	log.Info("graph loaded", "documents", len(g.Documents), "entities", len(g.Entities), "relations", len(g.Relations), "duration", time.Since(start))
	return store, nil
}

// runServer serves on ln until ctx ends, then lets requests in flight
// finish for up to shutdownGrace.
func runServer(ctx context.Context, ln net.Listener, h http.Handler, log *slog.Logger) int {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second, // a body trickling in cannot hold a connection forever
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	log.Info("serving GraphQL", "url", "http://"+ln.Addr().String()+"/graphql", "graphiql", "http://"+ln.Addr().String()+"/")

	select {
	case err := <-done:
		log.Error("server failed", "err", err)
		return 1
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		log.Error("shutdown did not finish", "err", err)
		return 1
	}
	log.Info("stopped")
	return 0
}

// loadDocuments parses the given files, or the embedded seeds when there
// are none.
func loadDocuments(maxBytes int64, files []string) (*kg.Graph, error) {
	l, err := loader.New(loader.Options{MaxBytes: maxBytes})
	if err != nil {
		return nil, err
	}
	if len(files) > 0 {
		return l.LoadFiles(files)
	}
	return l.LoadFS(seeds.FS, seeds.Names())
}

func newLogger(w io.Writer, f *serveFlags) *slog.Logger {
	opts := &slog.HandlerOptions{Level: f.logLevel}
	if f.logJSON {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}
