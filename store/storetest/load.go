package storetest

import (
	"slices"
	"sync"
	"testing"

	"policykg/kg"
)

func testReady(t *testing.T, s kg.Store) {
	mustLoad(t, s, alphaGraph())
	if err := s.Ready(t.Context()); err != nil {
		t.Errorf("Ready after Load: %v", err)
	}
}

func testEntities(t *testing.T, s kg.Store) {
	ctx := t.Context()
	mustLoad(t, s, alphaGraph())
	g := alphaGraph()

	asked := []string{steel, "industry/missing", target50, alphaSteel, steel, ""}
	got, err := s.Entities(ctx, asked)
	if err != nil {
		t.Fatalf("Entities: %v", err)
	}
	if want := []string{steel, "", target50, alphaSteel, steel, ""}; !slices.Equal(ids(got), want) {
		t.Fatalf("Entities(%q) = %q, want %q", asked, ids(got), want)
	}
	same(t, "Entities: steel", got[0], entity(g, steel))
	same(t, "Entities: target", got[2], entity(g, target50))

	// Every field, alias and source of every entity comes back as loaded.
	got, err = s.Entities(ctx, alphaIDs)
	if err != nil {
		t.Fatalf("Entities: %v", err)
	}
	for i, id := range alphaIDs {
		same(t, "Entities: "+id, got[i], entity(g, id))
	}

	got, err = s.Entities(ctx, nil)
	if err != nil || len(got) != 0 {
		t.Errorf("Entities(nil) = %q, %v; want none", ids(got), err)
	}
}

func testLoadTwice(t *testing.T, s kg.Store) {
	mustLoad(t, s, alphaGraph())
	once := snapshot(t, s)
	sameState(t, "after one Load", once, stateOf(alphaGraph()))
	mustLoad(t, s, alphaGraph())
	sameState(t, "after the same Load twice", snapshot(t, s), once)
}

func testLoadMerge(t *testing.T, s kg.Store) {
	ctx := t.Context()
	mustLoad(t, s, alphaGraph())
	earlier, err := s.Entities(ctx, []string{newMaterials})
	if err != nil {
		t.Fatalf("Entities: %v", err)
	}
	earlierJSON := mustJSON(t, earlier[0])

	b := betaGraph()
	mustLoad(t, s, b)
	same(t, "the graph given to Load, afterwards", b, betaGraph())
	if mustJSON(t, earlier[0]) != earlierJSON {
		t.Errorf("an entity returned before a Load changed: %s, was %s", mustJSON(t, earlier[0]), earlierJSON)
	}

	// The shared entity is one node with both documents' aliases and sources.
	a := alphaGraph()
	want := entity(a, newMaterials)
	want.Aliases = []string{"advanced materials", "new material industry"}
	want.Sources = append(want.Sources, entity(b, newMaterials).Sources...)
	got, err := s.Entities(ctx, []string{newMaterials})
	if err != nil {
		t.Fatalf("Entities: %v", err)
	}
	same(t, "merged entity", got[0], want)

	// The shared relation is one edge with both documents' sources.
	wantRel := relation(a, kg.ProductOf, graphene, newMaterials)
	wantRel.Sources = append(wantRel.Sources, relation(b, kg.ProductOf, graphene, newMaterials).Sources...)
	rels, err := s.Relations(ctx, []string{graphene}, kg.RelationFilter{})
	if err != nil {
		t.Fatalf("Relations: %v", err)
	}
	same(t, "merged relation", rels[0], []kg.Relation{wantRel})

	// Everything else is the union, as kg.Graph.Merge makes it.
	merged := alphaGraph()
	merged.Merge(betaGraph())
	st := snapshot(t, s)
	if len(st.Entities) != 26 {
		t.Errorf("%d entities after merging, want 26", len(st.Entities))
	}
	sameState(t, "after loading two documents", st, stateOf(merged))

	page, err := s.List(ctx, kg.ListFilter{Name: "finance bureau"}, kg.Page{First: 10})
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	if w := []string{finance, betaFinance}; !slices.Equal(ids(page.Entities), w) {
		t.Errorf("List(name finance bureau) = %q, want %q", ids(page.Entities), w)
	}
}

func testLoadDangling(t *testing.T, s kg.Store) {
	mustLoad(t, s, alphaGraph())
	before := snapshot(t, s)
	gamma := kg.Document{ID: "policy-document/gamma", Title: "Gamma plan", Path: "gamma.txt"}
	works := kg.Entity{ID: "enterprise/gamma-works", Kind: kg.KindEnterprise, Name: "Gamma Works"}
	for name, r := range map[string]kg.Relation{
		"missing to":   {Type: kg.BackboneOf, From: works.ID, To: "industry/missing"},
		"missing from": {Type: kg.BackboneOf, From: "enterprise/missing", To: steel},
		"empty end":    {Type: kg.BackboneOf, From: works.ID, To: ""},
	} {
		g := &kg.Graph{Documents: []kg.Document{gamma}, Entities: []kg.Entity{works}, Relations: []kg.Relation{r}}
		wantCode(t, "Load with relation "+name, s.Load(t.Context(), g), kg.EINVALID)
		sameState(t, "after a rejected Load ("+name+")", snapshot(t, s), before)
	}
}

// testLoadWhileReading checks that readers running during a Load see the
// state before it or after it, never a mix.
func testLoadWhileReading(t *testing.T, s kg.Store) {
	ctx := t.Context()
	mustLoad(t, s, alphaGraph())
	const before, after = 22, 26 // entities

	// read reports whether one List and one Entities call each saw the
	// state wholly before or wholly after the Load.
	read := func() bool {
		page, err := s.List(ctx, kg.ListFilter{}, kg.Page{First: 100})
		if err != nil {
			t.Errorf("List: %v", err)
			return false
		}
		if n := page.TotalCount; n != before && n != after || len(page.Entities) != n {
			t.Errorf("List during Load: TotalCount %d and %d entities, want %d or %d", n, len(page.Entities), before, after)
			return false
		}
		es, err := s.Entities(ctx, []string{newMaterials, omega})
		if err != nil {
			t.Errorf("Entities: %v", err)
			return false
		}
		// new materials has 2 sources in alpha, and 1 more in beta with omega.
		if es[0] == nil {
			t.Error("Entities during Load: no new materials")
			return false
		}
		if n := len(es[0].Sources); !(n == 2 && es[1] == nil || n == 3 && es[1] != nil) {
			t.Errorf("Entities during Load: new materials with %d sources, and omega loaded %v", n, es[1] != nil)
			return false
		}
		return true
	}

	done := make(chan struct{})
	var wg sync.WaitGroup
	defer wg.Wait()
	defer close(done)
	for range 4 {
		wg.Go(func() {
			for read() {
				select {
				case <-done:
					return
				default:
				}
			}
		})
	}
	mustLoad(t, s, betaGraph())
}

func testDocuments(t *testing.T, s kg.Store) {
	for _, step := range []struct {
		load *kg.Graph
		want []kg.Document
	}{
		{nil, []kg.Document{}},
		{betaGraph(), []kg.Document{beta.Document}},
		{alphaGraph(), []kg.Document{alpha.Document, beta.Document}},
	} {
		if step.load != nil {
			mustLoad(t, s, step.load)
		}
		got, err := s.Documents(t.Context())
		if err != nil {
			t.Fatalf("Documents: %v", err)
		}
		if !slices.Equal(got, step.want) {
			t.Errorf("Documents = %+v, want %+v", got, step.want)
		}
	}
}
