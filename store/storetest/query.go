package storetest

import (
	"encoding/base64"
	"math"
	"slices"
	"testing"

	"policykg/kg"
)

func testList(t *testing.T, s kg.Store) {
	mustLoad(t, s, alphaGraph())
	for _, c := range []struct {
		name  string
		f     kg.ListFilter
		page  kg.Page
		want  []string
		next  bool
		total int
	}{
		{"kind", kg.ListFilter{Kind: kg.KindIndustry}, kg.Page{First: 10}, []string{newEnergy, newMaterials, steel}, false, 3},
		{"first page", kg.ListFilter{Kind: kg.KindEnterprise}, kg.Page{First: 2}, []string{alphaSteel, betaMetals}, true, 3},
		{"next page", kg.ListFilter{Kind: kg.KindEnterprise}, kg.Page{First: 2, After: kg.Cursor(betaMetals)}, []string{zetaSteel}, false, 3},
		{"after the last", kg.ListFilter{Kind: kg.KindTarget}, kg.Page{First: 2, After: kg.Cursor(targetAny)}, []string{}, false, 4},
		{"cursor of a missing ID", kg.ListFilter{}, kg.Page{First: 1, After: kg.Cursor("enterprise/b")}, []string{betaMetals}, true, 22},
		{"first 0", kg.ListFilter{Kind: kg.KindIndustry}, kg.Page{}, []string{}, true, 3},
		{"name ignores case", kg.ListFilter{Name: "FINANCE BUREAU"}, kg.Page{First: 10}, []string{finance}, false, 1},
		{"name matches an alias", kg.ListFilter{Name: "Municipal finance bureau"}, kg.Page{First: 10}, []string{finance}, false, 1},
		{"name matches an alias ignoring case", kg.ListFilter{Name: "Iron And Steel"}, kg.Page{First: 10}, []string{steel}, false, 1},
		{"name and kind", kg.ListFilter{Name: "steel", Kind: kg.KindIndustry}, kg.Page{First: 10}, []string{steel}, false, 1},
		{"name of another kind", kg.ListFilter{Name: "steel", Kind: kg.KindEnterprise}, kg.Page{First: 10}, []string{}, false, 0},
		{"name is not a prefix", kg.ListFilter{Name: "stee"}, kg.Page{First: 10}, []string{}, false, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, err := s.List(t.Context(), c.f, c.page)
			if err != nil {
				t.Fatalf("List: %v", err)
			}
			if got := ids(p.Entities); !slices.Equal(got, c.want) || p.HasNextPage != c.next || p.TotalCount != c.total {
				t.Errorf("List(%+v, %+v) = %q, HasNextPage %v, TotalCount %d; want %q, %v, %d",
					c.f, c.page, got, p.HasNextPage, p.TotalCount, c.want, c.next, c.total)
			}
		})
	}
	t.Run("invalid", func(t *testing.T) {
		for _, page := range []kg.Page{
			{First: 10, After: "not a cursor!"},
			{First: 10, After: base64.RawURLEncoding.EncodeToString([]byte(steel))},
			{First: -1},
		} {
			_, err := s.List(t.Context(), kg.ListFilter{}, page)
			wantCode(t, "List with page "+mustJSON(t, page), err, kg.EINVALID)
		}
	})
}

func testListPaging(t *testing.T, s kg.Store) {
	mustLoad(t, s, alphaGraph())
	all, total := walkList(t, s, kg.ListFilter{}, 2)
	if !slices.Equal(all, alphaIDs) || total != len(alphaIDs) {
		t.Errorf("all pages of 2 = %q (TotalCount %d), want %q (%d)", all, total, alphaIDs, len(alphaIDs))
	}
	kinds := 0
	for _, k := range kg.Kinds {
		got, total := walkList(t, s, kg.ListFilter{Kind: k}, 2)
		var want []string
		for _, e := range alphaGraph().Entities {
			if e.Kind == k {
				want = append(want, e.ID)
			}
		}
		if !slices.Equal(got, want) || total != len(want) {
			t.Errorf("pages of 2 of %s = %q (TotalCount %d), want %q", k, got, total, want)
		}
		kinds += total
	}
	if kinds != len(alphaIDs) {
		t.Errorf("kinds hold %d entities, want %d", kinds, len(alphaIDs))
	}
}

// word is the score of a name matching m of q query words and having n
// words (see kg.MatchScore).
func word(m, q, n float64) float64 { return kg.WordScore * m / q * (0.5 + 0.5*m/n) }

func testSearch(t *testing.T, s kg.Store) {
	mustLoad(t, s, alphaGraph())
	type hit struct {
		id    string
		score float64
	}
	steelHits := []hit{
		{steel, kg.ExactScore},
		{institute, kg.PrefixScore}, // ties by ID
		{steelPlate, kg.PrefixScore},
		{alphaSteel, word(1, 1, 2)},
		{zetaSteel, word(1, 1, 3)},
	}
	for _, c := range []struct {
		name  string
		text  string
		kinds []kg.Kind
		first int
		want  []hit
	}{
		{"exact, prefix, then word", "steel", nil, 10, steelHits},
		{"ignores case and punctuation", "  STEEL! ", nil, 10, steelHits},
		{"first", "steel", nil, 2, steelHits[:2]},
		{"first 0", "steel", nil, 0, nil},
		{"kinds", "steel", []kg.Kind{kg.KindProduct, kg.KindEnterprise}, 10, []hit{
			{steelPlate, kg.PrefixScore}, {alphaSteel, word(1, 1, 2)}, {zetaSteel, word(1, 1, 3)},
		}},
		{"prefix within a word", "stee", nil, 10, []hit{
			{steel, kg.PrefixScore}, {institute, kg.PrefixScore}, {steelPlate, kg.PrefixScore},
		}},
		{"alias", "Advanced Materials", nil, 10, []hit{{newMaterials, kg.AliasFactor * kg.ExactScore}}},
		{"exact alias above words", "iron and steel", nil, 10, []hit{
			{steel, kg.AliasFactor * kg.ExactScore},
			{alphaSteel, word(1, 2, 2)},
			{steelPlate, word(1, 2, 2)},
			{zetaSteel, word(1, 2, 3)},
			{institute, word(1, 2, 3)},
		}},
		{"more words matched rank higher", "emerging industries", nil, 10, []hit{
			{emerging, kg.ExactScore},
			{sec12, word(2, 2, 3)},
			{traditional, word(1, 2, 2)},
			{sec11, word(1, 2, 3)},
		}},
		// "and" is a stop word in every name that has it.
		{"stop words alone", "and", nil, 10, nil},
		{"no match", "xyzzy", nil, 10, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := s.Search(t.Context(), c.text, c.kinds, c.first)
			if err != nil {
				t.Fatalf("Search: %v", err)
			}
			ok := len(got) == len(c.want)
			for i := 0; ok && i < len(got); i++ {
				ok = got[i].Entity.ID == c.want[i].id && math.Abs(got[i].Score-c.want[i].score) < 1e-9
			}
			if !ok {
				var g []hit
				for _, h := range got {
					g = append(g, hit{h.Entity.ID, h.Score})
				}
				t.Errorf("Search(%q, %v, %d) =\n\t%v\nwant\n\t%v", c.text, c.kinds, c.first, g, c.want)
			}
		})
	}
	t.Run("hits are whole entities", func(t *testing.T) {
		got, err := s.Search(t.Context(), "iron and steel", nil, 1)
		if err != nil || len(got) != 1 {
			t.Fatalf("Search = %d hits, %v; want 1", len(got), err)
		}
		same(t, "Search hit", got[0].Entity, entity(alphaGraph(), steel))
	})
	t.Run("deterministic", func(t *testing.T) {
		a, errA := s.Search(t.Context(), "industries", nil, 10)
		b, errB := s.Search(t.Context(), "industries", nil, 10)
		if errA != nil || errB != nil || len(a) == 0 || mustJSON(t, a) != mustJSON(t, b) {
			t.Errorf("two searches differ: %s, %v and %s, %v", mustJSON(t, a), errA, mustJSON(t, b), errB)
		}
	})
	t.Run("invalid", func(t *testing.T) {
		for _, text := range []string{"", "   ", "?!"} {
			_, err := s.Search(t.Context(), text, nil, 10)
			wantCode(t, "Search("+text+")", err, kg.EINVALID)
		}
		_, err := s.Search(t.Context(), "steel", nil, -1)
		wantCode(t, "Search with first -1", err, kg.EINVALID)
	})
}

func testRelations(t *testing.T, s kg.Store) {
	mustLoad(t, s, alphaGraph())
	for _, c := range []struct {
		name string
		ids  []string
		f    kg.RelationFilter
		want [][]edge
	}{
		{"both by default", []string{steel}, kg.RelationFilter{},
			[][]edge{{backboneAlpha, backboneBeta, backboneZeta, target, member, product}}},
		{"BOTH", []string{steel}, kg.RelationFilter{Direction: kg.Both},
			[][]edge{{backboneAlpha, backboneBeta, backboneZeta, target, member, product}}},
		{"OUT", []string{steel}, kg.RelationFilter{Direction: kg.Out}, [][]edge{{target, member}}},
		{"IN", []string{steel}, kg.RelationFilter{Direction: kg.In},
			[][]edge{{backboneAlpha, backboneBeta, backboneZeta, product}}},
		{"types", []string{steel}, kg.RelationFilter{Types: []kg.RelationType{kg.ProductOf, kg.BackboneOf}},
			[][]edge{{backboneAlpha, backboneBeta, backboneZeta, product}}},
		{"types and direction", []string{betaMetals}, kg.RelationFilter{Types: []kg.RelationType{kg.BackboneOf}, Direction: kg.Out},
			[][]edge{{{kg.BackboneOf, betaMetals, newMaterials}, backboneBeta}}},
		{"first", []string{steel}, kg.RelationFilter{First: 2}, [][]edge{{backboneAlpha, backboneBeta}}},
		{"first of the types", []string{steel}, kg.RelationFilter{Types: []kg.RelationType{kg.ProductOf, kg.HasTarget}, First: 1},
			[][]edge{{target}}},
		{"first per ID", []string{sec1, sec12}, kg.RelationFilter{First: 1},
			[][]edge{{{kg.PartOf, sec1, alphaDoc}}, {{kg.Cites, sec12, citedDoc}}}},
		{"several IDs", []string{steel, "industry/missing", betaMetals, steel}, kg.RelationFilter{Direction: kg.Out},
			[][]edge{{target, member}, {}, {{kg.BackboneOf, betaMetals, newMaterials}, backboneBeta, {kg.PartnerOf, betaMetals, alphaDoc}}, {target, member}}},
		{"none of the type", []string{target50}, kg.RelationFilter{Types: []kg.RelationType{kg.Cites}}, [][]edge{{}}},
		{"no IDs", nil, kg.RelationFilter{}, [][]edge{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := s.Relations(t.Context(), c.ids, c.f)
			if err != nil {
				t.Fatalf("Relations: %v", err)
			}
			g := make([][]edge, len(got))
			for i, rs := range got {
				g[i] = edges(rs)
			}
			if mustJSON(t, g) != mustJSON(t, c.want) {
				t.Errorf("Relations(%q, %+v) =\n\t%v\nwant\n\t%v", c.ids, c.f, g, c.want)
			}
		})
	}
	t.Run("sources", func(t *testing.T) {
		got, err := s.Relations(t.Context(), []string{steelPlate}, kg.RelationFilter{})
		if err != nil {
			t.Fatalf("Relations: %v", err)
		}
		same(t, "Relations(steel plate)", got, [][]kg.Relation{{relation(alphaGraph(), kg.ProductOf, steelPlate, steel)}})
	})
}

// testSelfRelation checks that a relation from an entity to itself counts
// once wherever relations are listed.
func testSelfRelation(t *testing.T, s kg.Store) {
	ctx := t.Context()
	const doc = "policy-document/self"
	mustLoad(t, s, &kg.Graph{
		Documents: []kg.Document{{ID: doc, Title: "Self", Path: "self.txt"}},
		Entities:  []kg.Entity{{ID: doc, Kind: kg.KindPolicyDocument, Name: "Self"}},
		Relations: []kg.Relation{{Type: kg.Cites, From: doc, To: doc}},
	})
	loop := []edge{{kg.Cites, doc, doc}}
	for _, dir := range []kg.Direction{"", kg.Both, kg.Out, kg.In} {
		got, err := s.Relations(ctx, []string{doc}, kg.RelationFilter{Direction: dir})
		if err != nil || len(got) != 1 || !slices.Equal(edges(got[0]), loop) {
			t.Errorf("Relations(%q) = %v, %v; want %v", dir, got, err, loop)
		}
	}
	sub, err := s.Neighborhood(ctx, doc, 1, nil, 10)
	if err != nil {
		t.Fatalf("Neighborhood: %v", err)
	}
	if !slices.Equal(ids(sub.Nodes), []string{doc}) || !slices.Equal(edges(sub.Relations), loop) || sub.Truncated {
		t.Errorf("Neighborhood = %q, %v, truncated %v; want %q, %v", ids(sub.Nodes), edges(sub.Relations), sub.Truncated, doc, loop)
	}
}

func testTargets(t *testing.T, s kg.Store) {
	mustLoad(t, s, alphaGraph())
	for _, c := range []struct {
		name    string
		year    *int
		subject string
		want    []string
	}{
		{"all", nil, "", []string{target2018, target30, target50, targetAny}},
		{"by year", year(2020), "", []string{target30, target50}},
		{"a year without targets", year(2019), "", []string{}},
		{"by subject", nil, steel, []string{target50}},
		{"by group", nil, emerging, []string{targetAny}},
		{"by program", nil, alphaDoc, []string{target2018}},
		{"by year and subject", year(2020), newMaterials, []string{target30}},
		{"another year for the subject", year(2018), steel, []string{}},
		{"subject without targets", nil, alphaSteel, []string{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := s.Targets(t.Context(), c.year, c.subject)
			if err != nil {
				t.Fatalf("Targets: %v", err)
			}
			if !slices.Equal(ids(got), c.want) {
				t.Errorf("Targets = %q, want %q", ids(got), c.want)
			}
		})
	}
	t.Run("whole entities", func(t *testing.T) {
		got, err := s.Targets(t.Context(), nil, emerging)
		if err != nil || len(got) != 1 {
			t.Fatalf("Targets = %q, %v", ids(got), err)
		}
		same(t, "target", got[0], entity(alphaGraph(), targetAny))
	})
	t.Run("unknown subject", func(t *testing.T) {
		_, err := s.Targets(t.Context(), nil, "industry/missing")
		wantCode(t, "Targets of a missing subject", err, kg.ENOTFOUND)
	})
}
