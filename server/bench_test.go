package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"policykg/server"
	"policykg/server/apitest"
	"policykg/store/memory"
)

// The queries the load test (scripts/load.sh) sends, through the whole
// handler: HTTP parsing, GraphQL validation and limits, resolvers, store.
var benchQueries = []struct{ name, query string }{
	{"Search", `{ search(text: "new materials", first: 5) { entity { id name } score } }`},
	{"IndustryWithEnterprisesAndProducts", `{ entity(id: "industry/new-materials") { name ... on Industry { enterprises { id name } products { id name } } } }`},
	{"Neighborhood3Hops", `{ neighborhood(id: "industry/new-materials", hops: 3) { nodes { id name } relations { type from { id } to { id } } } }`},
	{"Path", `{ path(from: "enterprise/bailey-union", to: "institution/tsinghua-university") { length nodes { id } } }`},
}

func BenchmarkQuery(b *testing.B) {
	store := memory.New()
	if err := store.Load(context.Background(), apitest.Seed(b)); err != nil {
		b.Fatal(err)
	}
	h := server.Handler(store, server.Config{Limits: server.DefaultLimits()})
	for _, bq := range benchQueries {
		body, _ := json.Marshal(map[string]string{"query": bq.query})
		b.Run(bq.name, func(b *testing.B) {
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
