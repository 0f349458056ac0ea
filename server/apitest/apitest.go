// Package apitest is the GraphQL API's behaviour suite: it serves the seed
// from a store through the real HTTP handler and checks every query of the
// schema, so that any store (memory, Dgraph) can prove it answers the same.
//
//	func TestAPI(t *testing.T) {
//		apitest.Run(t, func(t *testing.T) kg.Store { return memory.New() })
//	}
package apitest

import (
	"context"
	"net/http/httptest"
	"slices"
	"sort"
	"testing"

	"policykg/kg"
	"policykg/server"
	"policykg/store/storetest"
)

// Seed returns the graph of the embedded seeds (storetest.Seed).
func Seed(t testing.TB) *kg.Graph { return storetest.Seed(t) }

// Serve loads the seed into a new store and serves it with the default
// limits; the server stops when the test ends.
func Serve(t testing.TB, store kg.Store) Client {
	t.Helper()
	if err := store.Load(context.Background(), Seed(t)); err != nil {
		t.Fatalf("load seed into store: %v", err)
	}
	srv := httptest.NewServer(server.Handler(store, server.Config{Limits: server.DefaultLimits()}))
	t.Cleanup(srv.Close)
	return Client{URL: srv.URL + "/graphql"}
}

// Run runs the whole suite against stores made by newStore.
func Run(t *testing.T, newStore func(t *testing.T) kg.Store) {
	c := Serve(t, newStore(t))
	o := newOracle(Seed(t))
	for _, tc := range []struct {
		name string
		test func(*testing.T, Client, *oracle)
	}{
		{"EveryEntityMatchesTheGraph", testEveryEntity},
		{"NodeTypes", testNodeTypes},
		{"MissingEntityIsNull", testMissing},
		{"IndustryWithEnterprisesAndProducts", testIndustry},
		{"TypedListsMatchRelations", testTypedLists},
		{"Relations", testRelations},
		{"SourcesQuoteTheDocument", testSources},
		{"EntitiesPages", testEntitiesPages},
		{"EntitiesFilters", testEntitiesFilters},
		{"Search", testSearch},
		{"Path", testPath},
		{"PathIsShortest", testPathIsShortest},
		{"Neighborhood", testNeighborhood},
		{"Targets", testTargets},
		{"Documents", testDocuments},
		{"Section", testSection},
		{"BadArguments", testBadArguments},
		{"GraphQLOverHTTPAudit", func(t *testing.T, c Client, _ *oracle) { Audit(t, c.URL) }},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.test(t, c, o) })
	}
}

// oracle answers questions about the seed graph directly from its lists,
// independently of any store, to check the API against.
type oracle struct {
	g    *kg.Graph
	byID map[string]*kg.Entity
}

func newOracle(g *kg.Graph) *oracle {
	o := &oracle{g: g, byID: map[string]*kg.Entity{}}
	for i := range g.Entities {
		o.byID[g.Entities[i].ID] = &g.Entities[i]
	}
	return o
}

// ends returns the other ends of id's relations of type t: where id is
// From when out, else where it is To; sorted.
func (o *oracle) ends(id string, t kg.RelationType, out bool) []string {
	var ids []string
	for _, r := range o.g.Relations {
		switch {
		case r.Type != t:
		case out && r.From == id:
			ids = append(ids, r.To)
		case !out && r.To == id:
			ids = append(ids, r.From)
		}
	}
	sort.Strings(ids)
	return slices.Compact(ids)
}

// touching returns id's relations, in the order the API gives them.
func (o *oracle) touching(id string) []kg.Relation {
	var rels []kg.Relation
	for _, r := range o.g.Relations {
		if r.From == id || r.To == id {
			rels = append(rels, r)
		}
	}
	return rels
}

// distances returns the number of hops from id to every entity it
// reaches, over relations in either direction.
func (o *oracle) distances(id string) map[string]int {
	adj := map[string][]string{}
	for _, r := range o.g.Relations {
		adj[r.From] = append(adj[r.From], r.To)
		adj[r.To] = append(adj[r.To], r.From)
	}
	dist := map[string]int{id: 0}
	for queue := []string{id}; len(queue) > 0; queue = queue[1:] {
		for _, n := range adj[queue[0]] {
			if _, ok := dist[n]; !ok {
				dist[n] = dist[queue[0]] + 1
				queue = append(queue, n)
			}
		}
	}
	return dist
}

func (o *oracle) ofKind(k kg.Kind) []*kg.Entity {
	var out []*kg.Entity
	for i := range o.g.Entities {
		if o.g.Entities[i].Kind == k {
			out = append(out, &o.g.Entities[i])
		}
	}
	return out
}
