package dgraph_test

import (
	"fmt"
	"net/http/httptest"
	"testing"

	"policykg/kg"
	"policykg/server"
	"policykg/server/apitest"
	"policykg/store/memory"
)

// entityFields asks for everything an entity has, one level deep.
const entityFields = `id kind name aliases
	sources { start end text document { id } section { id } }
	relations { type from { id } to { id } sources { start end text document { id } section { id } } }
	... on Industry { groups { id } enterprises { id } products { id } targets { id } }
	... on IndustryGroup { industries { id } targets { id } }
	... on Enterprise { industries { id } partnerOf { id } }
	... on Product { industries { id } }
	... on Institution { partnerOf { id } }
	... on GovernmentUnit { responsibleFor { id } }
	... on Section { number title parent { id } responsibleUnits { id } }
	... on Target { metric year value valueMax unit comparator subject { id } }
	... on PolicyDocument { code title cites { id } }`

// TestSameAnswersAsMemory asks the memory store and the Dgraph store, both
// holding the seed, the same GraphQL queries through the same handler, and
// requires byte-identical responses: every entity with all its fields,
// searches, every path from one entity of each kind (which tests the
// tie-break between shortest paths on real data), neighbourhoods, targets
// and documents.
func TestSameAnswersAsMemory(t *testing.T) {
	serve := func(s kg.Store) apitest.Client {
		if err := s.Load(t.Context(), apitest.Seed(t)); err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(server.Handler(s, server.Config{Limits: server.DefaultLimits()}))
		t.Cleanup(srv.Close)
		return apitest.Client{URL: srv.URL + "/graphql"}
	}
	mem, dg := serve(memory.New()), serve(open(t))
	same := func(query string, vars map[string]any) {
		t.Helper()
		a, b := mem.Post(t, query, vars), dg.Post(t, query, vars)
		if a.Status != b.Status || a.Raw() != b.Raw() {
			t.Errorf("answers differ for %s %v\nmemory (%d): %s\ndgraph (%d): %s", query, vars, a.Status, a.Raw(), b.Status, b.Raw())
		}
	}

	seed := apitest.Seed(t)
	for _, e := range seed.Entities {
		same(`query($id: ID!) { entity(id: $id) { `+entityFields+` } }`, map[string]any{"id": e.ID})
	}
	for _, kind := range []string{"INDUSTRY", "ENTERPRISE", "SECTION", "TARGET"} {
		same(`query($k: Kind) { entities(kind: $k, first: 100) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name } } } }`, map[string]any{"k": kind})
	}
	for _, text := range []string{"new materials", "diamond", "university", "the", "bureau of science", "new", "information industries"} {
		same(`query($q: String!) { search(text: $q, first: 100) { score entity { id name } } }`, map[string]any{"q": text})
	}
	firstOfKind := map[kg.Kind]string{}
	for _, e := range seed.Entities {
		if firstOfKind[e.Kind] == "" {
			firstOfKind[e.Kind] = e.ID
		}
	}
	for _, from := range firstOfKind {
		for _, to := range seed.Entities {
			same(`query($f: ID!, $t: ID!) { path(from: $f, to: $t, maxHops: 12) { length nodes { id } relations { type from { id } to { id } } } }`,
				map[string]any{"f": from, "t": to.ID})
		}
	}
	for hops := 0; hops <= 3; hops++ {
		for _, limit := range []int{0, 5, 1000} {
			same(fmt.Sprintf(`{ neighborhood(id: "industry/new-materials", hops: %d, limit: %d) { truncated nodes { id } relations { type from { id } to { id } sources { text } } } }`, hops, limit), nil)
		}
	}
	same(`{ targets { id year subject { id } } }`, nil)
	same(`{ targets(year: 2020) { id } }`, nil)
	same(`{ documents(includeCited: true) { id title code cites { id } } }`, nil)
	same(`{ documents { id title cites { id } } }`, nil)
}
