package apitest

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"policykg/kg"
	"policykg/server"
)

// BenchQueries are the queries the handler benchmarks and the load test
// (scripts/load.sh) send.
var BenchQueries = []struct{ Name, Query string }{
	{"Search", `{ search(text: "new materials", first: 5) { entity { id name } score } }`},
	{"IndustryWithEnterprisesAndProducts", `{ entity(id: "industry/new-materials") { name ... on Industry { enterprises { id name } products { id name } } } }`},
	{"Neighborhood3Hops", `{ neighborhood(id: "industry/new-materials", hops: 3) { nodes { id name } relations { type from { id } to { id } } } }`},
	{"Path", `{ path(from: "policy-document/jiao-2015-8", to: "government-unit/jiaozuo-innovation-program/finance-bureau", maxHops: 10) { length nodes { id } } }`},
}

// Bench loads the seed into store and runs BenchQueries through the whole
// handler (HTTP parsing, GraphQL validation and limits, resolvers, store),
// from parallel goroutines.
func Bench(b *testing.B, store kg.Store) {
	if err := store.Load(context.Background(), Seed(b)); err != nil {
		b.Fatal(err)
	}
	h := server.Handler(store, server.Config{Limits: server.DefaultLimits()})
	for _, bq := range BenchQueries {
		body, _ := json.Marshal(map[string]string{"query": bq.Query})
		b.Run(bq.Name, func(b *testing.B) {
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(string(body)))
					req.Header.Set("Content-Type", "application/json")
					w := httptest.NewRecorder()
					h.ServeHTTP(w, req)
					if w.Code != http.StatusOK || strings.Contains(w.Body.String(), `"errors"`) {
						b.Fatalf("status %d: %s", w.Code, w.Body)
					}
				}
			})
		})
	}
}
