// Package storetest is the behaviour every kg.Store must have, as one suite
// of tests to run against an implementation:
//
//	func TestSuite(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) kg.Store { return memory.New() })
//	}
//
// The suite loads small hand-built graphs (and the embedded seed) through
// Store.Load and checks exact answers, so a store that differs in any
// detail the kg.Store contract fixes fails it.
package storetest

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"policykg/kg"
)

// Run runs the suite. newStore must return a new, empty store each time it
// is called; every subtest calls it once.
func Run(t *testing.T, newStore func(t *testing.T) kg.Store) {
	tests := []struct {
		name string
		test func(*testing.T, kg.Store)
	}{
		{"Ready", testReady},
		{"Entities", testEntities},
		{"LoadTwiceChangesNothing", testLoadTwice},
		{"LoadMergesDocuments", testLoadMerge},
		{"LoadRejectsDanglingRelation", testLoadDangling},
		{"LoadWhileReading", testLoadWhileReading},
		{"Documents", testDocuments},
		{"List", testList},
		{"ListPaging", testListPaging},
		{"Search", testSearch},
		{"Relations", testRelations},
		{"SelfRelation", testSelfRelation},
		{"Path", testPath},
		{"Neighborhood", testNeighborhood},
		{"Targets", testTargets},
		{"ContextDone", testContextDone},
		{"Seed", testSeed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.test(t, newStore(t)) })
	}
}

// mustLoad loads each graph in turn, stopping the test on an error.
func mustLoad(t *testing.T, s kg.Store, graphs ...*kg.Graph) {
	t.Helper()
	for _, g := range graphs {
		if err := s.Load(t.Context(), g); err != nil {
			t.Fatalf("Load: %v", err)
		}
	}
}

// wantCode reports an error unless err has the given kg error code.
func wantCode(t *testing.T, what string, err error, code string) {
	t.Helper()
	if got := kg.ErrorCode(err); got != code {
		t.Errorf("%s: error %v (code %q), want code %q", what, err, got, code)
	}
}

// ids returns the IDs of es, "" for a nil entity; never nil.
func ids(es []*kg.Entity) []string {
	out := make([]string, len(es))
	for i, e := range es {
		if e != nil {
			out[i] = e.ID
		}
	}
	return out
}

// edge is a relation without its sources.
type edge struct {
	Type     kg.RelationType
	From, To string
}

// edges returns the edges of rs; never nil.
func edges(rs []*kg.Relation) []edge {
	out := make([]edge, len(rs))
	for i, r := range rs {
		out[i] = edge{r.Type, r.From, r.To}
	}
	return out
}

// same reports an error unless got and want encode to the same JSON, which
// compares entities with all their fields, sources and target attributes
// (treating nil and empty aliases or sources alike).
func same(t *testing.T, what string, got, want any) {
	t.Helper()
	g, w := mustJSON(t, got), mustJSON(t, want)
	if g != w {
		t.Errorf("%s =\n\t%s\nwant\n\t%s", what, g, w)
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// state is what a store holds, as its queries show it.
type state struct {
	Entities  []*kg.Entity          // by List, by ID
	Relations map[string][]edgeInfo // by Relations (BOTH), per entity ID
	Documents []kg.Document
}

// edgeInfo is a relation with its sources, for comparing states.
type edgeInfo struct {
	edge
	Sources []kg.Source
}

// snapshot reads the state of a store with at most 1000 entities.
func snapshot(t *testing.T, s kg.Store) state {
	t.Helper()
	page, err := s.List(t.Context(), kg.ListFilter{}, kg.Page{First: 1000})
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	if page.HasNextPage {
		t.Fatal("snapshot: more than 1000 entities")
	}
	all := ids(page.Entities)
	rels, err := s.Relations(t.Context(), all, kg.RelationFilter{})
	if err != nil {
		t.Fatalf("Relations: %v", err)
	}
	docs, err := s.Documents(t.Context())
	if err != nil {
		t.Fatalf("Documents: %v", err)
	}
	st := state{Entities: page.Entities, Relations: map[string][]edgeInfo{}, Documents: docs}
	for i, id := range all {
		for _, r := range rels[i] {
			st.Relations[id] = append(st.Relations[id], edgeInfo{edge{r.Type, r.From, r.To}, r.Sources})
		}
	}
	return st
}

// stateOf is the state a store holding exactly g (sorted) must show.
func stateOf(g *kg.Graph) state {
	st := state{Relations: map[string][]edgeInfo{}, Documents: g.Documents}
	for i := range g.Entities {
		st.Entities = append(st.Entities, &g.Entities[i])
	}
	for _, r := range g.Relations {
		info := edgeInfo{edge{r.Type, r.From, r.To}, r.Sources}
		st.Relations[r.From] = append(st.Relations[r.From], info)
		if r.To != r.From {
			st.Relations[r.To] = append(st.Relations[r.To], info)
		}
	}
	return st
}

// sameState compares states item by item, to name what differs.
func sameState(t *testing.T, what string, got, want state) {
	t.Helper()
	if g, w := ids(got.Entities), ids(want.Entities); !slices.Equal(g, w) {
		t.Errorf("%s: entities %v, want %v", what, g, w)
		return
	}
	for i, e := range got.Entities {
		same(t, fmt.Sprintf("%s: entity %s", what, e.ID), e, want.Entities[i])
		same(t, fmt.Sprintf("%s: relations of %s", what, e.ID), got.Relations[e.ID], want.Relations[e.ID])
	}
	if !slices.Equal(got.Documents, want.Documents) {
		t.Errorf("%s: documents %+v, want %+v", what, got.Documents, want.Documents)
	}
}

// walkList pages through List with pages of first entities, checking that
// every page but the last is full, that HasNextPage is set on all but the
// last and TotalCount on all, and returns the IDs seen and the total.
func walkList(t *testing.T, s kg.Store, f kg.ListFilter, first int) (seen []string, total int) {
	t.Helper()
	page := kg.Page{First: first}
	for n := 0; ; n++ {
		p, err := s.List(t.Context(), f, page)
		if err != nil {
			t.Fatalf("List(%+v, %+v): %v", f, page, err)
		}
		if n == 0 {
			total = p.TotalCount
		}
		if p.TotalCount != total {
			t.Errorf("List(%+v) page %d: TotalCount %d, was %d", f, n, p.TotalCount, total)
		}
		if len(p.Entities) > first || p.HasNextPage && len(p.Entities) < first {
			t.Errorf("List(%+v) page %d: %d entities, HasNextPage %v", f, n, len(p.Entities), p.HasNextPage)
		}
		seen = append(seen, ids(p.Entities)...)
		if !p.HasNextPage || len(p.Entities) == 0 || n > total {
			return seen, total
		}
		page.After = kg.Cursor(p.Entities[len(p.Entities)-1].ID)
	}
}

// checkPath reports an error unless relation i of p joins nodes i and i+1,
// in either direction.
func checkPath(t *testing.T, what string, p *kg.Path) {
	t.Helper()
	if len(p.Nodes) == 0 || len(p.Relations) != len(p.Nodes)-1 {
		t.Errorf("%s: %d nodes and %d relations", what, len(p.Nodes), len(p.Relations))
		return
	}
	for i, r := range p.Relations {
		a, b := p.Nodes[i].ID, p.Nodes[i+1].ID
		if !(r.From == a && r.To == b || r.From == b && r.To == a) {
			t.Errorf("%s: relation %d, %s %s → %s, does not join %s and %s", what, i, r.Type, r.From, r.To, a, b)
		}
	}
}

// checkClosed reports an error unless both ends of every relation of sub
// are among its nodes.
func checkClosed(t *testing.T, what string, sub *kg.Subgraph) {
	t.Helper()
	nodes := map[string]bool{}
	for _, e := range sub.Nodes {
		nodes[e.ID] = true
	}
	for _, r := range sub.Relations {
		if !nodes[r.From] || !nodes[r.To] {
			t.Errorf("%s: relation %s %s → %s leaves the subgraph", what, r.Type, r.From, r.To)
		}
	}
}
