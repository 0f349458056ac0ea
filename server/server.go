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
}

// Handler returns the service's HTTP handler over a store:
//
//	GET  /          GraphiQL, to write queries in a browser
//	     /graphql   GraphQL over HTTP (GET for queries, POST)
//	GET  /healthz   200 while the process is alive
//	GET  /readyz    200 when the store answers, 503 when it does not
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
	gql.SetErrorPresenter(presenter(log))
	gql.SetRecoverFunc(recoverer(log))

	mux := http.NewServeMux()
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
			log.WarnContext(ctx, "not ready", "err", err)
			w.WriteHeader(http.StatusServiceUnavailable)
			w.Write([]byte("not ready\n"))
			return
		}
		w.Write([]byte("ready\n"))
	})
	return logRequests(log, withDeadline(l.Timeout, mux))
}

// withDeadline gives every request a deadline, which reaches the store
// through the request's context.
func withDeadline(d time.Duration, next http.Handler) http.Handler {
	if d <= 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// slowRequest is how long a request may take before it is logged as slow.
const slowRequest = time.Second

// logRequests logs every request at debug level, and slow or failed
// ones at warn level.
func logRequests(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		d := time.Since(start)
		level := slog.LevelDebug
		if d > slowRequest || rec.status >= 500 {
			level = slog.LevelWarn
		}
		log.Log(r.Context(), level, "request", "method", r.Method, "path", r.URL.Path, "status", rec.status, "duration", d)
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}

func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
