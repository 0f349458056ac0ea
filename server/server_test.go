package server_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"policykg/kg"
	"policykg/server"
	"policykg/server/apitest"
	"policykg/store/memory"
)

func TestAPI(t *testing.T) {
	apitest.Run(t, func(t *testing.T) kg.Store { return memory.New() })
}

// newServer serves the seed from a memory store wrapped by wrap, with the
// given limits, logging into the returned buffer.
func newServer(t *testing.T, limits server.Limits, wrap func(kg.Store) kg.Store) (apitest.Client, *apitest.LogBuffer) {
	t.Helper()
	store := memory.New()
	if err := store.Load(context.Background(), apitest.Seed(t)); err != nil {
		t.Fatal(err)
	}
	var s kg.Store = store
	if wrap != nil {
		s = wrap(store)
	}
	logs := &apitest.LogBuffer{}
	log := slog.New(slog.NewTextHandler(logs, nil))
	srv := httptest.NewServer(server.Handler(s, server.Config{Limits: limits, Logger: log}))
	t.Cleanup(srv.Close)
	return apitest.Client{URL: srv.URL + "/graphql"}, logs
}

func request(t *testing.T, method, u, contentType, accept, body string) *http.Request {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	return req
}

const (
	jsonType     = "application/json"
	responseType = "application/graphql-response+json"
)

func TestHTTP(t *testing.T) {
	c, _ := newServer(t, server.DefaultLimits(), nil)
	get := func(q string) string { return c.URL + "?query=" + url.QueryEscape(q) }
	for _, tc := range []struct {
		name        string
		req         *http.Request
		status      int
		contentType string
		code        string // extensions.code of the first error, "" for none
	}{
		{"POST", request(t, "POST", c.URL, jsonType, jsonType, `{"query":"{ documents { id } }"}`), 200, jsonType, ""},
		{"POST graphql-response+json", request(t, "POST", c.URL, jsonType, responseType, `{"query":"{ documents { id } }"}`), 200, responseType, ""},
		{"GET", request(t, "GET", get("{ documents { id } }"), "", "", ""), 200, jsonType, ""},
		{"GET with variables", request(t, "GET", get("query($id: ID!) { entity(id: $id) { id } }")+"&variables="+url.QueryEscape(`{"id":"industry/food"}`), "", "", ""), 200, jsonType, ""},
		{"GET mutation", request(t, "GET", get("mutation { x }"), "", "", ""), 405, jsonType, "BAD_USER_INPUT"},
		{"PUT", request(t, "PUT", c.URL, jsonType, "", `{"query":"{ documents { id } }"}`), 405, jsonType, "BAD_USER_INPUT"},
		{"POST text/plain", request(t, "POST", c.URL, "text/plain", "", `{"query":"{ documents { id } }"}`), 415, jsonType, "BAD_USER_INPUT"},
		{"POST latin-1", request(t, "POST", c.URL, jsonType+"; charset=latin1", "", `{"query":"{ documents { id } }"}`), 415, jsonType, "BAD_USER_INPUT"},
		{"malformed JSON", request(t, "POST", c.URL, jsonType, "", `{"query":`), 400, jsonType, "BAD_USER_INPUT"},
		{"JSON array", request(t, "POST", c.URL, jsonType, "", `[{"query":"{ documents { id } }"}]`), 400, jsonType, "BAD_USER_INPUT"},
		{"empty body", request(t, "POST", c.URL, jsonType, "", ``), 400, jsonType, "BAD_USER_INPUT"},
		{"missing query", request(t, "POST", c.URL, jsonType, "", `{"variables":{}}`), 400, jsonType, "BAD_USER_INPUT"},
		{"query not a string", request(t, "POST", c.URL, jsonType, "", `{"query":{}}`), 400, jsonType, "BAD_USER_INPUT"},
		{"variables not an object", request(t, "POST", c.URL, jsonType, "", `{"query":"{ documents { id } }","variables":"x"}`), 400, jsonType, "BAD_USER_INPUT"},
		{"invalid document, graphql-response+json", request(t, "POST", c.URL, jsonType, responseType, `{"query":"{ nope }"}`), 400, responseType, "BAD_USER_INPUT"},
		{"unparsable document, graphql-response+json", request(t, "POST", c.URL, jsonType, responseType, `{"query":"{"}`), 400, responseType, "BAD_USER_INPUT"},
		// A client that names application/json gets 200 for GraphQL errors,
		// as the spec says; one with no preference gets 400.
		{"invalid document, application/json", request(t, "POST", c.URL, jsonType, jsonType, `{"query":"{ nope }"}`), 200, jsonType, "BAD_USER_INPUT"},
		{"invalid document, no Accept", request(t, "POST", c.URL, jsonType, "", `{"query":"{ nope }"}`), 400, jsonType, "BAD_USER_INPUT"},
		{"invalid document, */*", request(t, "POST", c.URL, jsonType, "*/*", `{"query":"{ nope }"}`), 400, jsonType, "BAD_USER_INPUT"},
		{"invalid document, both, json preferred", request(t, "POST", c.URL, jsonType, "application/json, application/graphql-response+json;q=0.5", `{"query":"{ nope }"}`), 200, jsonType, "BAD_USER_INPUT"},
		{"invalid document, both equal", request(t, "POST", c.URL, jsonType, "application/json, application/graphql-response+json", `{"query":"{ nope }"}`), 400, responseType, "BAD_USER_INPUT"},
		{"invalid document, GET", request(t, "GET", get("{ nope }"), "", "", ""), 400, jsonType, "BAD_USER_INPUT"},
		{"invalid variables, no Accept", request(t, "POST", c.URL, jsonType, "", `{"query":"query($n: Int) { search(text: \"x\", first: $n) { score } }","variables":{"n":"seven"}}`), 400, jsonType, "BAD_USER_INPUT"},
		{"not acceptable", request(t, "POST", c.URL, jsonType, "text/html", `{"query":"{ documents { id } }"}`), 406, jsonType, "BAD_USER_INPUT"},
		{"body over 1 MiB", request(t, "POST", c.URL, jsonType, "", `{"query":"{ documents { id } }","x":"`+strings.Repeat("x", 1<<20)+`"}`), 413, jsonType, "LIMIT_EXCEEDED"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := c.Do(t, tc.req)
			if r.Status != tc.status {
				t.Errorf("status %d, want %d: %s", r.Status, tc.status, r.Raw())
			}
			if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, tc.contentType) || !strings.Contains(ct, "charset=utf-8") {
				t.Errorf("Content-Type %q, want %s; charset=utf-8", ct, tc.contentType)
			}
			switch {
			case tc.code == "" && len(r.Errors) > 0:
				t.Errorf("errors: %s", r.Raw())
			case tc.code != "" && (len(r.Errors) == 0 || r.Errors[0].Code() != tc.code):
				t.Errorf("want error %s: %s", tc.code, r.Raw())
			case tc.code != "" && tc.status != 200 && strings.Contains(r.Raw(), `"data"`):
				t.Errorf("a refused request has a data entry: %s", r.Raw())
			}
		})
	}
}

func TestLimits(t *testing.T) {
	limits := server.DefaultLimits()
	c, _ := newServer(t, limits, nil)
	nested := func(depth int) string {
		// entity > relations > from > relations > from ... > id
		q := "id"
		for range (depth - 2) / 2 {
			q = "relations(first: 1) { from { " + q + " } }"
		}
		return `{ entity(id: "industry/food") { ` + q + ` } }`
	}
	aliases := func(n int) string {
		var b strings.Builder
		b.WriteString("{")
		for i := range n {
			fmt.Fprintf(&b, " a%d: documents { id }", i)
		}
		return b.String() + " }"
	}
	for _, tc := range []struct {
		name  string
		query string
		ok    bool
	}{
		{"depth at the limit", nested(12), true},
		{"depth over the limit", nested(14), false},
		{"aliases at the limit", aliases(limits.MaxAliases), true},
		{"aliases over the limit", aliases(limits.MaxAliases + 1), false},
		{"complexity over the limit", `{ entities(first: 100) { edges { node { relations { from { relations { from { relations { type } } } } } } } } }`, false},
		{"complexity of the largest neighbourhood", `{ neighborhood(id: "industry/food", hops: 6, limit: 1000) {
			nodes { id name kind } relations { type from { id } to { id } } truncated } }`, true},
		{"complexity of a large page", `{ entities(first: 100) { edges { node { id name sources { text } } } } }`, true},
		{"tokens over the limit", `{ documents { ` + strings.Repeat("id ", limits.MaxTokens) + `} }`, false},
		{"fragment bomb", fragmentBomb(30), false},
		// GraphiQL's introspection nests ofType 7 deep below fields and args.
		{"introspection", `{ __schema { queryType { name } types { name fields(includeDeprecated: true) { name args { name type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } }
			type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } }`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			if tc.ok {
				var data map[string]any
				c.Query(t, tc.query, nil, &data)
				return
			}
			r := c.Fail(t, tc.query, nil, "LIMIT_EXCEEDED")
			if r.Status != http.StatusBadRequest {
				t.Errorf("status %d, want 400", r.Status)
			}
			if d := time.Since(start); d > time.Second {
				t.Errorf("refusal took %v", d)
			}
		})
	}
	// The server stays healthy after refusing.
	var data struct{ Documents []struct{ ID string } }
	c.Query(t, `{ documents { id } }`, nil, &data)
	if len(data.Documents) != 1 {
		t.Errorf("documents after refusals: %+v", data)
	}
}

// fragmentBomb is a query whose fragments double the work at each level:
// 2^n fields once expanded, in a few kilobytes.
func fragmentBomb(n int) string {
	var b strings.Builder
	b.WriteString("{ entities(first: 1) { edges { node { ...F0 } } } }\n")
	for i := range n {
		fmt.Fprintf(&b, "fragment F%d on Entity { a%d: relations(first: 1) { from { ...F%d } } b%d: relations(first: 1) { to { ...F%d } } }\n", i, i, i+1, i, i+1)
	}
	fmt.Fprintf(&b, "fragment F%d on Entity { id }\n", n)
	return b.String()
}

func TestConfigurableLimits(t *testing.T) {
	limits := server.DefaultLimits()
	limits.MaxDepth = 3
	limits.MaxBodyBytes = 100
	c, _ := newServer(t, limits, nil)
	c.Fail(t, `{ entity(id: "industry/food") { relations { from { id } } } }`, nil, "LIMIT_EXCEEDED")
	r := c.Do(t, request(t, "POST", c.URL, jsonType, "", `{"query":"{ documents { id } }","pad":"`+strings.Repeat("x", 100)+`"}`))
	if r.Status != http.StatusRequestEntityTooLarge {
		t.Errorf("status %d, want 413", r.Status)
	}
}

// slowStore never answers a search before the request's deadline.
type slowStore struct{ kg.Store }

func (slowStore) Search(ctx context.Context, _ string, _ []kg.Kind, _ int) ([]kg.SearchHit, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

// failingStore fails searches with an internal error, panics on paths, and
// is never ready.
type failingStore struct{ kg.Store }

func (failingStore) Search(context.Context, string, []kg.Kind, int) ([]kg.SearchHit, error) {
	return nil, errors.New("connection to 10.1.2.3 refused: password=hunter2")
}

func (failingStore) Path(context.Context, string, string, int, []kg.RelationType) (*kg.Path, error) {
	panic("resolver bug with secret detail")
}

func (failingStore) Ready(context.Context) error { return errors.New("backend down") }

func TestDeadlineReachesTheStore(t *testing.T) {
	limits := server.DefaultLimits()
	limits.Timeout = 50 * time.Millisecond
	c, _ := newServer(t, limits, func(s kg.Store) kg.Store { return slowStore{s} })
	start := time.Now()
	c.Fail(t, `{ search(text: "food") { score } }`, nil, "LIMIT_EXCEEDED")
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("the deadline did not stop the request: %v", d)
	}
}

func TestInternalErrorsAreLoggedNotShown(t *testing.T) {
	c, logs := newServer(t, server.DefaultLimits(), func(s kg.Store) kg.Store { return failingStore{s} })
	for _, q := range []string{
		`{ search(text: "food") { score } }`,
		`{ path(from: "industry/food", to: "industry/energy") { length } }`,
	} {
		r := c.Fail(t, q, nil, "INTERNAL")
		if strings.Contains(r.Raw(), "hunter2") || strings.Contains(r.Raw(), "secret") {
			t.Errorf("internal details reached the client: %s", r.Raw())
		}
	}
	for _, want := range []string{"hunter2", "resolver bug with secret detail"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("logs lack %q:\n%s", want, logs)
		}
	}
	// Other queries still work after the panic.
	var data struct{ Documents []struct{ ID string } }
	c.Query(t, `{ documents { id } }`, nil, &data)
}

func TestHealth(t *testing.T) {
	ok, _ := newServer(t, server.DefaultLimits(), nil)
	down, _ := newServer(t, server.DefaultLimits(), func(s kg.Store) kg.Store { return failingStore{s} })
	base := func(c apitest.Client) string { return strings.TrimSuffix(c.URL, "/graphql") }
	for _, tc := range []struct {
		url    string
		status int
		body   string
	}{
		{base(ok) + "/healthz", 200, "ok"},
		{base(ok) + "/readyz", 200, "ready"},
		{base(down) + "/healthz", 200, "ok"},
		{base(down) + "/readyz", 503, "not ready"},
		{base(ok) + "/", 200, "graphiql"},
		{base(ok) + "/nope", 404, ""},
	} {
		res, err := http.Get(tc.url)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != tc.status || !strings.Contains(strings.ToLower(string(body)), tc.body) {
			t.Errorf("GET %s: %d %q, want %d with %q", tc.url, res.StatusCode, body, tc.status, tc.body)
		}
	}
}

func TestRequestIDs(t *testing.T) {
	c, logs := newServer(t, server.DefaultLimits(), func(s kg.Store) kg.Store { return failingStore{s} })
	req := request(t, "POST", c.URL, jsonType, "", `{"query":"{ search(text: \"food\") { score } }"}`)
	req.Header.Set("X-Request-ID", "trace-42")
	r := c.Do(t, req)
	if got := r.Header.Get("X-Request-ID"); got != "trace-42" {
		t.Errorf("X-Request-ID %q, want the client's", got)
	}
	if len(r.Errors) != 1 || r.Errors[0].Extensions["requestId"] != "trace-42" {
		t.Errorf("the internal error does not name the request: %s", r.Raw())
	}
	if !strings.Contains(logs.String(), "request_id=trace-42") || !strings.Contains(logs.String(), "hunter2") {
		t.Errorf("the log does not tie the details to the request:\n%s", logs)
	}
	// A forged ID is replaced.
	req = request(t, "POST", c.URL, jsonType, "", `{"query":"{ documents { id } }"}`)
	req.Header.Set("X-Request-ID", "x level=ERROR msg=forged")
	if got := c.Do(t, req).Header.Get("X-Request-ID"); got == "" || strings.Contains(got, " ") {
		t.Errorf("X-Request-ID %q", got)
	}
}

func TestCORS(t *testing.T) {
	store := memory.New()
	h := server.Handler(store, server.Config{Limits: server.DefaultLimits(), CORSOrigins: []string{"https://explorer.example"}})
	for _, tc := range []struct {
		name, method, origin string
		status               int
		allow                string
	}{
		{"preflight from an allowed origin", "OPTIONS", "https://explorer.example", 204, "https://explorer.example"},
		{"request from an allowed origin", "POST", "https://explorer.example", 200, "https://explorer.example"},
		{"preflight from another origin", "OPTIONS", "https://evil.example", 405, ""},
		{"request from another origin", "POST", "https://evil.example", 200, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(tc.method, "/graphql", strings.NewReader(`{"query":"{ documents { id } }"}`))
			req.Header.Set("Content-Type", jsonType)
			req.Header.Set("Origin", tc.origin)
			if tc.method == "OPTIONS" {
				req.Header.Set("Access-Control-Request-Method", "POST")
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			if w.Code != tc.status || w.Header().Get("Access-Control-Allow-Origin") != tc.allow {
				t.Errorf("status %d, Allow-Origin %q; want %d, %q", w.Code, w.Header().Get("Access-Control-Allow-Origin"), tc.status, tc.allow)
			}
		})
	}
}

// countingStore counts one round trip per store call, as a remote store
// would.
type countingStore struct{ kg.Store }

func (s countingStore) Entities(ctx context.Context, ids []string) ([]*kg.Entity, error) {
	kg.CountRoundTrip(ctx)
	return s.Store.Entities(ctx, ids)
}

func (s countingStore) Search(ctx context.Context, text string, kinds []kg.Kind, first int) ([]kg.SearchHit, error) {
	kg.CountRoundTrip(ctx)
	return s.Store.Search(ctx, text, kinds, first)
}

func TestMetrics(t *testing.T) {
	c, _ := newServer(t, server.DefaultLimits(), func(s kg.Store) kg.Store { return countingStore{s} })
	metricsURL := strings.TrimSuffix(c.URL, "/graphql") + "/metrics"
	c.Query(t, `{ a: entity(id: "industry/new-materials") { id } b: search(text: "energy") { score } }`, nil, &map[string]any{})
	res, err := http.Get(metricsURL)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/plain") {
		t.Fatalf("GET /metrics: status %d, type %q", res.StatusCode, res.Header.Get("Content-Type"))
	}
	// The /metrics request itself is counted once it has been served.
	for _, want := range []string{
		"policykg_http_requests_total 1\n",
		"policykg_store_round_trips_total 2\n",
		`policykg_store_round_trips_per_request_bucket{le="1"} 0` + "\n",
		`policykg_store_round_trips_per_request_bucket{le="2"} 1` + "\n",
		`policykg_store_round_trips_per_request_bucket{le="+Inf"} 1` + "\n",
		"policykg_store_round_trips_per_request_count 1\n",
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("/metrics lacks %q:\n%s", want, b)
		}
	}
}
