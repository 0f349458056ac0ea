package storetest

import (
	"slices"
	"sync"
	"testing"

	"policykg/kg"
	"policykg/loader"
	"policykg/seeds"
)

// Seed returns the graph of the embedded seed documents, parsed by the
// loader as the service parses them; parsed once, shared by every caller,
// who must not change it.
func Seed(tb testing.TB) *kg.Graph {
	tb.Helper()
	seedOnce.Do(func() {
		l, err := loader.New(loader.Options{})
		if err == nil {
			seedGraph, err = l.LoadFS(seeds.FS, seeds.Names())
		}
		seedErr = err
	})
	if seedErr != nil {
		tb.Fatalf("load the seeds: %v", seedErr)
	}
	return seedGraph
}

var (
	seedOnce  sync.Once
	seedGraph *kg.Graph
	seedErr   error
)

// testSeed checks, on the real seed graph, what holds whatever the graph.
func testSeed(t *testing.T, s kg.Store) {
	ctx := t.Context()
	g := Seed(t)
	mustLoad(t, s, g)

	t.Run("relation ends exist", func(t *testing.T) {
		var ends []string
		for _, r := range g.Relations {
			ends = append(ends, r.From, r.To)
		}
		got, err := s.Entities(ctx, ends)
		if err != nil {
			t.Fatalf("Entities: %v", err)
		}
		if !slices.Equal(ids(got), ends) {
			t.Errorf("Entities of the relations' ends = %q, want %q", ids(got), ends)
		}
	})

	t.Run("List pages through every entity", func(t *testing.T) {
		var want []string
		for _, e := range g.Entities {
			want = append(want, e.ID)
		}
		all, total := walkList(t, s, kg.ListFilter{}, 7)
		if !slices.Equal(all, want) || total != len(want) {
			t.Errorf("all pages = %d entities (TotalCount %d), want the %d of the graph", len(all), total, len(want))
		}
		n := 0
		for _, k := range kg.Kinds {
			got, total := walkList(t, s, kg.ListFilter{Kind: k}, 7)
			if len(got) != total {
				t.Errorf("pages of %s = %d entities, TotalCount %d", k, len(got), total)
			}
			n += len(got)
		}
		if n != len(g.Entities) {
			t.Errorf("the kinds' pages hold %d entities, want %d", n, len(g.Entities))
		}
	})

	t.Run("Search finds industries by name", func(t *testing.T) {
		for _, e := range g.Entities {
			if e.Kind != kg.KindIndustry {
				continue
			}
			hits, err := s.Search(ctx, e.Name, nil, 3)
			if err != nil {
				t.Fatalf("Search(%q): %v", e.Name, err)
			}
			if len(hits) == 0 {
				t.Errorf("Search(%q) found nothing, want %s", e.Name, e.ID)
			} else if h := hits[0]; h.Entity.ID != e.ID || h.Score != kg.ExactScore {
				t.Errorf("Search(%q) first hit %s with score %v, want %s with %v", e.Name, h.Entity.ID, h.Score, e.ID, kg.ExactScore)
			}
		}
	})

	t.Run("relations are one-hop paths", func(t *testing.T) {
		for _, r := range g.Relations {
			p, err := s.Path(ctx, r.From, r.To, 1, nil)
			if err != nil || p == nil {
				t.Fatalf("Path(%s, %s) = %v, %v", r.From, r.To, p, err)
			}
			checkPath(t, "Path", p)
			if r.From != r.To && len(p.Nodes) != 2 {
				t.Errorf("Path(%s, %s) has %d nodes, want 2", r.From, r.To, len(p.Nodes))
			}
		}
	})

	t.Run("neighborhoods are closed", func(t *testing.T) {
		page, err := s.List(ctx, kg.ListFilter{Kind: kg.KindIndustry}, kg.Page{First: 100})
		if err != nil {
			t.Fatalf("List: %v", err)
		}
		for _, e := range page.Entities {
			sub, err := s.Neighborhood(ctx, e.ID, 3, nil, 1000)
			if err != nil {
				t.Fatalf("Neighborhood(%s): %v", e.ID, err)
			}
			checkClosed(t, "Neighborhood("+e.ID+")", sub)
			if len(sub.Nodes) == 0 || sub.Nodes[0].ID != e.ID || sub.Truncated {
				t.Errorf("Neighborhood(%s) = %q, truncated %v; want it first, untruncated", e.ID, ids(sub.Nodes), sub.Truncated)
			}
		}
	})

	t.Run("Documents", func(t *testing.T) {
		docs, err := s.Documents(ctx)
		if err != nil || !slices.Equal(docs, g.Documents) {
			t.Errorf("Documents = %+v, %v; want %+v", docs, err, g.Documents)
		}
	})
}
