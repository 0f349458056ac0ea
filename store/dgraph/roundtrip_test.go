package dgraph_test

import (
	"bufio"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"policykg/server"
	"policykg/server/apitest"
)

// TestRoundTrips counts the Dgraph round trips of GraphQL requests through
// the server's /metrics: a request costs a fixed number for its shape,
// whether it returns few results or many.
func TestRoundTrips(t *testing.T) {
	s := open(t)
	if err := s.Load(t.Context(), apitest.Seed(t)); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(server.Handler(s, server.Config{Limits: server.DefaultLimits()}))
	t.Cleanup(srv.Close)
	c := apitest.Client{URL: srv.URL + "/graphql"}
	total := func(t *testing.T) int64 {
		res, err := http.Get(srv.URL + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		sc := bufio.NewScanner(res.Body)
		for sc.Scan() {
			if v, ok := strings.CutPrefix(sc.Text(), "policykg_store_round_trips_total "); ok {
				n, err := strconv.ParseInt(v, 10, 64)
				if err != nil {
					t.Fatal(err)
				}
				return n
			}
		}
		t.Fatal("no policykg_store_round_trips_total in /metrics")
		return 0
	}
	trips := func(t *testing.T, query string) int64 {
		t.Helper()
		before := total(t)
		var out any
		c.Query(t, query, nil, &out)
		return total(t) - before
	}

	for _, tc := range []struct {
		name    string
		queries []string // the same shape, with few and then many results
		want    int64    // for many results; few may need fewer (no call for nothing)
	}{
		{"lookup", []string{
			`{ entity(id: "industry/new-materials") { id name sources { text } } }`,
			`{ node(id: "enterprise/bailey-union") { id } }`,
		}, 1},
		{"entity with its related lists", []string{
			`{ entity(id: "industry/traditional-chinese-medicine") { name ... on Industry { enterprises { name } products { name } targets { year } groups { name } } } }`,
			`{ entity(id: "industry/new-materials") { name ... on Industry { enterprises { name } products { name } targets { year } groups { name } } } }`,
		}, 3},
		{"connection page with related lists", []string{
			`{ entities(kind: INDUSTRY, first: 2) { totalCount edges { node { name ... on Industry { enterprises { name } products { name } } } } } }`,
			`{ entities(kind: INDUSTRY, first: 50) { totalCount edges { node { name ... on Industry { enterprises { name } products { name } } } } } }`,
		}, 3},
		{"two levels of related lists", []string{
			`{ entities(kind: INDUSTRY, first: 2) { edges { node { ... on Industry { enterprises { name industries { name } } } } } } }`,
			`{ entities(kind: INDUSTRY, first: 50) { edges { node { ... on Industry { enterprises { name industries { name } } } } } } }`,
		}, 4}, // the enterprises' industries are on the page already
		{"neighbourhood", []string{
			`{ neighborhood(id: "industry/new-materials", hops: 1) { nodes { id name } relations { type from { id } to { id } } } }`,
			`{ neighborhood(id: "industry/new-materials", hops: 3) { nodes { id name } relations { type from { id } to { id } } } }`,
		}, 1},
		{"search", []string{
			`{ search(text: "diamond", first: 1) { score entity { id name } } }`,
			`{ search(text: "new", first: 50) { score entity { id name } } }`,
		}, 2},
		{"documents", []string{
			`{ documents(includeCited: true) { id name } }`,
			`{ documents { id name } }`,
		}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for i, q := range tc.queries {
				got := trips(t, q)
				if got > tc.want || i == len(tc.queries)-1 && got != tc.want {
					t.Errorf("%d round trips, want %d: %s", got, tc.want, q)
				}
			}
		})
	}
	t.Run("path", func(t *testing.T) {
		for _, q := range []string{
			`{ path(from: "industry/new-materials", to: "industry/new-materials") { length nodes { id } } }`,
			`{ path(from: "enterprise/bailey-union", to: "industry/new-materials") { length nodes { id } relations { type } } }`,
			`{ path(from: "policy-document/jiao-2015-8", to: "government-unit/jiaozuo-innovation-program/finance-bureau", maxHops: 10) { length nodes { id } relations { type } } }`,
		} {
			if got := trips(t, q); got > 3 {
				t.Errorf("%d round trips, want at most 3: %s", got, q)
			}
		}
	})
}
