package storetest

import (
	"context"
	"slices"
	"testing"
	"time"

	"policykg/kg"
)

func testPath(t *testing.T, s kg.Store) {
	mustLoad(t, s, alphaGraph())
	responsible := []kg.RelationType{kg.ResponsibleFor}
	for _, c := range []struct {
		name     string
		from, to string
		maxHops  int
		types    []kg.RelationType
		nodes    []string // nil for no path
		rels     []edge
	}{
		{"one hop against the relation", steel, alphaSteel, 1, nil,
			[]string{steel, alphaSteel}, []edge{{kg.BackboneOf, alphaSteel, steel}}},
		{"one hop along the relation", alphaSteel, steel, 1, nil,
			[]string{alphaSteel, steel}, []edge{{kg.BackboneOf, alphaSteel, steel}}},
		// Through betaMetals is as short; alphaSteel comes first.
		{"hops both ways", steel, sec1, 3, nil,
			[]string{steel, alphaSteel, alphaDoc, sec1},
			[]edge{{kg.BackboneOf, alphaSteel, steel}, {kg.PartnerOf, alphaSteel, alphaDoc}, {kg.PartOf, sec1, alphaDoc}}},
		// Through sec1 then alphaDoc or sec12 is as short; finance comes first.
		{"lexicographically first", sec11, citedDoc, 3, nil,
			[]string{sec11, finance, sec12, citedDoc},
			[]edge{{kg.ResponsibleFor, finance, sec11}, {kg.ResponsibleFor, finance, sec12}, {kg.Cites, sec12, citedDoc}}},
		// Through sec12 is as short; alphaDoc comes first.
		{"types choose the route", sec11, citedDoc, 3, []kg.RelationType{kg.PartOf, kg.Cites},
			[]string{sec11, sec1, alphaDoc, citedDoc},
			[]edge{{kg.PartOf, sec11, sec1}, {kg.PartOf, sec1, alphaDoc}, {kg.Cites, alphaDoc, citedDoc}}},
		{"shortest", science, sec11, 5, nil,
			[]string{science, sec1, sec11}, []edge{{kg.ResponsibleFor, science, sec1}, {kg.PartOf, sec11, sec1}}},
		{"types force a longer path", science, sec11, 5, responsible,
			[]string{science, sec12, finance, sec11},
			[]edge{{kg.ResponsibleFor, science, sec12}, {kg.ResponsibleFor, finance, sec12}, {kg.ResponsibleFor, finance, sec11}}},
		{"same entity", steel, steel, 0, nil, []string{steel}, []edge{}},
		{"longer than maxHops", steel, sec1, 2, nil, nil, nil},
		{"longer than maxHops with the types", science, sec11, 2, responsible, nil, nil},
		{"none of the types", steel, citedDoc, 10, []kg.RelationType{kg.BackboneOf}, nil, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, err := s.Path(t.Context(), c.from, c.to, c.maxHops, c.types)
			if err != nil {
				t.Fatalf("Path: %v", err)
			}
			if c.nodes == nil {
				if p != nil {
					t.Errorf("Path = %q, %v; want no path", ids(p.Nodes), edges(p.Relations))
				}
				return
			}
			if p == nil {
				t.Fatalf("Path = nil, want %q", c.nodes)
			}
			checkPath(t, "Path", p)
			if !slices.Equal(ids(p.Nodes), c.nodes) || !slices.Equal(edges(p.Relations), c.rels) {
				t.Errorf("Path =\n\t%q\n\t%v\nwant\n\t%q\n\t%v", ids(p.Nodes), edges(p.Relations), c.nodes, c.rels)
			}
			same(t, "Path start", p.Nodes[0], entity(alphaGraph(), c.from))
		})
	}
	t.Run("invalid", func(t *testing.T) {
		_, err := s.Path(t.Context(), "industry/missing", steel, 3, nil)
		wantCode(t, "Path from a missing entity", err, kg.ENOTFOUND)
		_, err = s.Path(t.Context(), steel, "industry/missing", 3, nil)
		wantCode(t, "Path to a missing entity", err, kg.ENOTFOUND)
		_, err = s.Path(t.Context(), steel, alphaSteel, -1, nil)
		wantCode(t, "Path with maxHops -1", err, kg.EINVALID)
	})
}

func testNeighborhood(t *testing.T, s kg.Store) {
	mustLoad(t, s, alphaGraph())
	var (
		backboneNew = edge{kg.BackboneOf, betaMetals, newMaterials}
		hop1        = []string{steel, alphaSteel, betaMetals, zetaSteel, traditional, steelPlate, target50}
	)
	for _, c := range []struct {
		name      string
		id        string
		hops      int
		types     []kg.RelationType
		limit     int
		nodes     []string
		rels      []edge
		truncated bool
	}{
		{"hops 0", steel, 0, nil, 100, []string{steel}, []edge{}, false},
		{"hops 1", steel, 1, nil, 100, hop1, []edge{backboneAlpha, backboneBeta, backboneZeta, target, member, product}, false},
		{"hops 2", steel, 2, nil, 100, slices.Concat(hop1, []string{newMaterials, alphaDoc}), []edge{
			backboneAlpha, backboneNew, backboneBeta, backboneZeta, target, member,
			{kg.PartnerOf, alphaSteel, alphaDoc}, {kg.PartnerOf, betaMetals, alphaDoc}, product,
		}, false},
		{"limit equal to the size", steel, 1, nil, 7, hop1, []edge{backboneAlpha, backboneBeta, backboneZeta, target, member, product}, false},
		{"limit cuts the last IDs", steel, 1, nil, 6, hop1[:6], []edge{backboneAlpha, backboneBeta, backboneZeta, member, product}, true},
		{"limit cuts the farthest", steel, 2, nil, 4, hop1[:4], []edge{backboneAlpha, backboneBeta, backboneZeta}, true},
		{"limit 0", steel, 1, nil, 0, []string{}, []edge{}, true},
		{"types", steel, 2, []kg.RelationType{kg.BackboneOf}, 100,
			[]string{steel, alphaSteel, betaMetals, zetaSteel, newMaterials},
			[]edge{backboneAlpha, backboneNew, backboneBeta, backboneZeta}, false},
		// The PART_OF relations among sec12, sec1 and sec11 are left out.
		{"only relations of the types", sec12, 2, []kg.RelationType{kg.ResponsibleFor}, 100,
			[]string{sec12, finance, science, sec1, sec11},
			[]edge{{kg.ResponsibleFor, finance, sec11}, {kg.ResponsibleFor, finance, sec12}, {kg.ResponsibleFor, science, sec1}, {kg.ResponsibleFor, science, sec12}}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			sub, err := s.Neighborhood(t.Context(), c.id, c.hops, c.types, c.limit)
			if err != nil {
				t.Fatalf("Neighborhood: %v", err)
			}
			checkClosed(t, "Neighborhood", sub)
			if !slices.Equal(ids(sub.Nodes), c.nodes) || !slices.Equal(edges(sub.Relations), c.rels) || sub.Truncated != c.truncated {
				t.Errorf("Neighborhood =\n\t%q\n\t%v\n\ttruncated %v\nwant\n\t%q\n\t%v\n\ttruncated %v",
					ids(sub.Nodes), edges(sub.Relations), sub.Truncated, c.nodes, c.rels, c.truncated)
			}
		})
	}
	t.Run("closed", func(t *testing.T) {
		for _, id := range alphaIDs {
			sub, err := s.Neighborhood(t.Context(), id, 3, nil, 10)
			if err != nil {
				t.Fatalf("Neighborhood(%s): %v", id, err)
			}
			checkClosed(t, "Neighborhood("+id+")", sub)
		}
	})
	t.Run("invalid", func(t *testing.T) {
		_, err := s.Neighborhood(t.Context(), "industry/missing", 1, nil, 10)
		wantCode(t, "Neighborhood of a missing entity", err, kg.ENOTFOUND)
		_, err = s.Neighborhood(t.Context(), steel, -1, nil, 10)
		wantCode(t, "Neighborhood with hops -1", err, kg.EINVALID)
		_, err = s.Neighborhood(t.Context(), steel, 1, nil, -1)
		wantCode(t, "Neighborhood with limit -1", err, kg.EINVALID)
	})
}

// testContextDone checks that traversals fail once their context is done,
// with ELIMIT when its deadline has passed.
func testContextDone(t *testing.T, s kg.Store) {
	mustLoad(t, s, alphaGraph())
	cancelled, cancel := context.WithCancel(t.Context())
	cancel()
	expired, cancel := context.WithDeadline(t.Context(), time.Now().Add(-time.Second))
	defer cancel()

	if _, err := s.Path(cancelled, steel, sec1, 3, nil); err == nil {
		t.Error("Path with a cancelled context: no error")
	}
	if _, err := s.Neighborhood(cancelled, steel, 2, nil, 100); err == nil {
		t.Error("Neighborhood with a cancelled context: no error")
	}
	_, err := s.Path(expired, steel, sec1, 3, nil)
	wantCode(t, "Path past the deadline", err, kg.ELIMIT)
	_, err = s.Neighborhood(expired, steel, 2, nil, 100)
	wantCode(t, "Neighborhood past the deadline", err, kg.ELIMIT)
}
