package server

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/vektah/gqlparser/v2/ast"

	"policykg/graph"
	"policykg/kg"
)

// Config configures a Handler.
type Config struct {
	Limits Limits
	Logger *slog.Logger // slog.Default() when nil
	// CORSOrigins may call the API from pages in a browser: origins such
	// as "https://explorer.example.org", or "*" for any. None by default.
	CORSOrigins []string
}

// Handler returns the service's HTTP handler over a store:
//
//	GET  /          GraphiQL, to write queries in a browser
//	     /graphql   GraphQL over HTTP (GET for queries, POST)
//	GET  /healthz   200 while the process is alive
//	GET  /readyz    200 when the store answers, 503 when it does not
//	GET  /metrics   request and store round-trip counters, Prometheus text format
func Handler(store kg.Store, cfg Config) http.Handler {
	log := cfg.Logger
	if log == nil {
		log = slog.Default()
	}
	l := cfg.Limits

	gql := handler.New(graph.NewExecutableSchema(graph.Config{Resolvers: graph.NewResolver(store)}))
	gql.AddTransport(transport{maxBody: l.MaxBodyBytes, maxTokens: l.MaxTokens})
	gql.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	gql.SetParserTokenLimit(l.MaxTokens)
	gql.Use(extension.Introspection{})
	gql.Use(queryLimits{l})
	gql.Use(graph.Batching{})
	gql.SetErrorPresenter(presenter(log))
	gql.SetRecoverFunc(recoverer(log))

	m := newMetrics()
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", m)
	mux.Handle("/graphql", gql)
	mux.Handle("GET /{$}", playground.Handler("policykg", "/graphql"))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if err := store.Ready(ctx); err != nil {
			requestLogger(ctx, log).WarnContext(ctx, "not ready", "err", err)
			w.WriteHeader(http.StatusServiceUnavailable)
			w.Write([]byte("not ready\n"))
			return
		}
		w.Write([]byte("ready\n"))
	})
	return logRequests(log, m, withCORS(cfg.CORSOrigins, withDeadline(l.Timeout, mux)))
}
