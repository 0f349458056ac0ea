package memory_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"policykg/kg"
	"policykg/store/memory"
	"policykg/store/storetest"
)

func TestSuite(t *testing.T) {
	storetest.Run(t, func(*testing.T) kg.Store { return memory.New() })
}

func TestReadyBeforeLoad(t *testing.T) {
	if err := memory.New().Ready(t.Context()); err != nil {
		t.Errorf("Ready = %v, want nil", err)
	}
}

// small is a graph of one document with a section.
func small() *kg.Graph {
	return &kg.Graph{
		Documents: []kg.Document{{ID: "policy-document/p", Title: "P", Path: "p.txt"}},
		Entities: []kg.Entity{
			{ID: "policy-document/p", Kind: kg.KindPolicyDocument, Name: "P"},
			{ID: "section/p/1", Kind: kg.KindSection, Name: "Tasks", Number: "1."},
		},
		Relations: []kg.Relation{{Type: kg.PartOf, From: "section/p/1", To: "policy-document/p"}},
	}
}

func TestLoadRejects(t *testing.T) {
	ctx := t.Context()
	s := memory.New()
	if err := s.Load(ctx, small()); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		edit func(g *kg.Graph)
	}{
		{"empty entity ID", func(g *kg.Graph) { g.Entities[0].ID = "" }},
		{"unknown kind", func(g *kg.Graph) { g.Entities[1].Kind = "Chapter" }},
		{"kind changed", func(g *kg.Graph) { g.Entities[1].Kind = kg.KindTarget }},
		{"one ID with two kinds", func(g *kg.Graph) {
			g.Entities = append(g.Entities, kg.Entity{ID: "industry/x", Kind: kg.KindIndustry}, kg.Entity{ID: "industry/x", Kind: kg.KindProduct})
		}},
		{"unknown relation type", func(g *kg.Graph) { g.Relations[0].Type = "CONTAINS" }},
		{"empty document ID", func(g *kg.Graph) { g.Documents[0].ID = "" }},
	} {
		g := small()
		g.Entities = append(g.Entities, kg.Entity{ID: "industry/new", Kind: kg.KindIndustry, Name: "new"})
		c.edit(g)
		if err := s.Load(ctx, g); kg.ErrorCode(err) != kg.EINVALID {
			t.Errorf("%s: Load = %v, want an EINVALID error", c.name, err)
		}
		if es, _ := s.Entities(ctx, []string{"industry/new", "industry/x"}); es[0] != nil || es[1] != nil {
			t.Errorf("%s: the rejected graph's entities were loaded", c.name)
		}
	}
	if err := s.Load(ctx, nil); kg.ErrorCode(err) != kg.EINVALID {
		t.Errorf("Load(nil) = %v, want an EINVALID error", err)
	}
}

// TestLoadPastDeadline checks that a Load whose deadline passes before it
// is done loads nothing.
func TestLoadPastDeadline(t *testing.T) {
	s := memory.New()
	if err := s.Load(&expiring{t.Context(), 1}, small()); kg.ErrorCode(err) != kg.ELIMIT {
		t.Errorf("Load = %v, want an ELIMIT error", err)
	}
	if docs, _ := s.Documents(t.Context()); len(docs) != 0 {
		t.Errorf("Documents = %v after a failed Load, want none", docs)
	}
}

// TestLoadRelationToLoadedEntities checks that a graph's relations may end
// at entities loaded before it.
func TestLoadRelationToLoadedEntities(t *testing.T) {
	ctx := t.Context()
	s := memory.New()
	if err := s.Load(ctx, small()); err != nil {
		t.Fatal(err)
	}
	cites := kg.Relation{Type: kg.Cites, From: "section/p/1", To: "policy-document/p"}
	if err := s.Load(ctx, &kg.Graph{Relations: []kg.Relation{cites}}); err != nil {
		t.Fatalf("Load: %v", err)
	}
	rels, err := s.Relations(ctx, []string{"section/p/1"}, kg.RelationFilter{Direction: kg.Out})
	if err != nil || len(rels[0]) != 2 || rels[0][0].Type != kg.Cites {
		t.Errorf("Relations = %v, %v; want CITES and PART_OF", rels, err)
	}
}

func TestRelationsInvalid(t *testing.T) {
	s := memory.New()
	for _, f := range []kg.RelationFilter{{Direction: "UP"}, {First: -1}} {
		if _, err := s.Relations(t.Context(), nil, f); kg.ErrorCode(err) != kg.EINVALID {
			t.Errorf("Relations(%+v) = %v, want an EINVALID error", f, err)
		}
	}
}

// TestContextErrors checks that a done context's error stays reachable
// with errors.Is behind the kg code.
func TestContextErrors(t *testing.T) {
	s := memory.New()
	if err := s.Load(t.Context(), small()); err != nil {
		t.Fatal(err)
	}
	expired, cancel := context.WithDeadline(t.Context(), time.Now().Add(-time.Second))
	defer cancel()
	_, err := s.Path(expired, "section/p/1", "policy-document/p", 2, nil)
	if kg.ErrorCode(err) != kg.ELIMIT || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Path past the deadline = %v, want ELIMIT and context.DeadlineExceeded", err)
	}
	cancelled, cancel := context.WithCancel(t.Context())
	cancel()
	_, err = s.Neighborhood(cancelled, "section/p/1", 2, nil, 10)
	if kg.ErrorCode(err) != kg.EUNAVAILABLE || !errors.Is(err, context.Canceled) {
		t.Errorf("Neighborhood when cancelled = %v, want EUNAVAILABLE and context.Canceled", err)
	}
}

// expiring is a context whose deadline passes at the n+1th look at Err.
type expiring struct {
	context.Context
	n int
}

func (c *expiring) Err() error {
	if c.n--; c.n < 0 {
		return context.DeadlineExceeded
	}
	return nil
}

// TestWalkWatchesContext checks that a long traversal looks at its context
// while it runs, not only when it starts.
func TestWalkWatchesContext(t *testing.T) {
	const n = 600
	g := &kg.Graph{}
	for i := range n {
		g.Entities = append(g.Entities, kg.Entity{ID: fmt.Sprintf("industry/%03d", i), Kind: kg.KindIndustry})
		if i > 0 {
			g.Relations = append(g.Relations, kg.Relation{Type: kg.ProductOf, From: g.Entities[i-1].ID, To: g.Entities[i].ID})
		}
	}
	s := memory.New()
	if err := s.Load(t.Context(), g); err != nil {
		t.Fatal(err)
	}
	first, last := g.Entities[0].ID, g.Entities[n-1].ID
	if p, err := s.Path(t.Context(), first, last, n, nil); err != nil || len(p.Nodes) != n {
		t.Fatalf("Path = %v, %v; want %d nodes", p, err, n)
	}
	// Err is live when Path starts and when the walk starts, and then not.
	_, err := s.Path(&expiring{t.Context(), 2}, first, last, n, nil)
	if kg.ErrorCode(err) != kg.ELIMIT {
		t.Errorf("Path whose deadline passes during the walk = %v, want an ELIMIT error", err)
	}
	_, err = s.Neighborhood(&expiring{t.Context(), 2}, first, n, nil, n)
	if kg.ErrorCode(err) != kg.ELIMIT {
		t.Errorf("Neighborhood whose deadline passes during the walk = %v, want an ELIMIT error", err)
	}
}

func BenchmarkStore(b *testing.B) {
	storetest.Bench(b, func(testing.TB) kg.Store { return memory.New() })
}

// BenchmarkLoad loads 20 documents, one at a time, into a new store.
func BenchmarkLoad(b *testing.B) {
	corpus := storetest.Corpus(b, 20)
	for b.Loop() {
		s := memory.New()
		for _, g := range corpus {
			if err := s.Load(b.Context(), g); err != nil {
				b.Fatal(err)
			}
		}
	}
}
