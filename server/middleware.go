package server

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"time"

	"policykg/kg"
)

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

// requestIDHeader carries a request's ID both ways.
const requestIDHeader = "X-Request-ID"

type loggerKey struct{}

// requestLogger returns the logger of the request ctx belongs to, which
// tags every line with the request's ID, or log outside a request.
func requestLogger(ctx context.Context, log *slog.Logger) *slog.Logger {
	if l, ok := ctx.Value(loggerKey{}).(*slog.Logger); ok {
		return l
	}
	return log
}

// requestID returns the ID of the request ctx belongs to, or "".
func requestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

type requestIDKey struct{}

// logRequests gives every request an ID (the client's X-Request-ID if it is
// sane, else a new one), returns it in the response's X-Request-ID, tags the
// request's log lines with it, counts the round trips the store makes for
// it (kg.RoundTrips), records both in m, and logs every request at debug
// level and slow or failed ones at warn level.
func logRequests(log *slog.Logger, m *metrics, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := r.Header.Get(requestIDHeader)
		if !saneID(id) {
			id = newID()
		}
		w.Header().Set(requestIDHeader, id)
		rlog := log.With("request_id", id)
		ctx := context.WithValue(context.WithValue(r.Context(), loggerKey{}, rlog), requestIDKey{}, id)
		ctx, trips := kg.WithRoundTrips(ctx)
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r.WithContext(ctx))
		d := time.Since(start)
		m.observe(d, trips.Load())
		level := slog.LevelDebug
		if d > slowRequest || rec.status >= 500 {
			level = slog.LevelWarn
		}
		rlog.Log(ctx, level, "request", "method", r.Method, "path", r.URL.Path, "status", rec.status, "duration", d, "round_trips", trips.Load())
	})
}

// saneID accepts short IDs of letters, digits, '-' and '_', so that a
// client's ID cannot forge log lines.
func saneID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, c := range id {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

func newID() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
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

// withCORS lets pages from the given origins ("*" for any) call the API
// from a browser, answering preflight requests itself. With no origins it
// adds nothing, and browsers keep pages of other origins out.
func withCORS(origins []string, next http.Handler) http.Handler {
	if len(origins) == 0 {
		return next
	}
	any := slices.Contains(origins, "*")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if origin == "" || !any && !slices.Contains(origins, origin) {
			next.ServeHTTP(w, r)
			return
		}
		h := w.Header()
		h.Add("Vary", "Origin")
		h.Set("Access-Control-Allow-Origin", origin)
		h.Set("Access-Control-Expose-Headers", requestIDHeader)
		if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
			h.Set("Access-Control-Allow-Methods", "GET, POST")
			h.Set("Access-Control-Allow-Headers", strings.Join([]string{"Content-Type", "Accept", requestIDHeader}, ", "))
			h.Set("Access-Control-Max-Age", "600")
			w.WriteHeader(http.StatusNoContent)
			return
		}
		next.ServeHTTP(w, r)
	})
}
