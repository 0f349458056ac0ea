package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"policykg/server"
	"policykg/server/apitest"
	"policykg/store/memory"
)

// FuzzGraphQL sends arbitrary bodies and queries through the whole handler:
// whatever arrives, the answer is a JSON GraphQL response, never a 5xx,
// and every error carries one of the documented codes.
func FuzzGraphQL(f *testing.F) {
	for _, q := range apitest.BenchQueries {
		body, _ := json.Marshal(map[string]string{"query": q.Query})
		f.Add(string(body), false)
		f.Add(q.Query, true)
	}
	f.Add(`{"query":"{ entities(first: 3, after: \"eA\") { totalCount } }"}`, false)
	f.Add(`{"query":"query($n: Int) { search(text: \"x\", first: $n) { score } }","variables":{"n":"7"}}`, false)
	f.Add(`{"query":"{ path(from: \"industry/food\", to: \"industry/energy\", maxHops: 12, types: [CITES]) { length } }"}`, false)

	store := memory.New()
	if err := store.Load(context.Background(), apitest.Seed(f)); err != nil {
		f.Fatal(err)
	}
	h := server.Handler(store, server.Config{Limits: server.DefaultLimits()})
	codes := []string{server.CodeNotFound, server.CodeBadUserInput, server.CodeLimitExceeded}
	f.Fuzz(func(t *testing.T, input string, get bool) {
		req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(input))
		req.Header.Set("Content-Type", "application/json")
		if get {
			req = httptest.NewRequest(http.MethodGet, "/graphql?query="+url.QueryEscape(input), nil)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code >= 500 {
			t.Fatalf("status %d for %q: %s", w.Code, input, w.Body)
		}
		var resp apitest.Response
		if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
			t.Fatalf("response is not JSON for %q: %v\n%s", input, err, w.Body)
		}
		for _, e := range resp.Errors {
			if !slices.Contains(codes, e.Code()) {
				t.Fatalf("error code %q for %q: %s", e.Code(), input, w.Body)
			}
		}
	})
}
