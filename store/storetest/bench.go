package storetest

import (
	"fmt"
	"strings"
	"testing"

	"policykg/kg"
)

// Bench runs the store benchmarks that every store shares, so that their
// figures compare: queries on the seed graph, loaded once into the store
// newStore returns. Run them with go test -bench in the store's package.
func Bench(b *testing.B, newStore func(testing.TB) kg.Store) {
	s := newStore(b)
	if err := s.Load(b.Context(), Seed(b)); err != nil {
		b.Fatal(err)
	}
	benches := []struct {
		name string
		run  func() error
	}{
		{"Entities", func() error {
			_, err := s.Entities(b.Context(), []string{"industry/new-materials", "industry/biomedicine", "enterprise/bailey-union"})
			return err
		}},
		{"Search", func() error {
			_, err := s.Search(b.Context(), "energy", nil, 10)
			return err
		}},
		{"Relations", func() error {
			ids := []string{"industry/new-materials", "industry/biomedicine", "section/jiaozuo-innovation-program/2.3"}
			_, err := s.Relations(b.Context(), ids, kg.RelationFilter{})
			return err
		}},
		{"Neighborhood3Hops", func() error {
			_, err := s.Neighborhood(b.Context(), "industry/new-materials", 3, nil, 1000)
			return err
		}},
		// A path of 6 relations across the seed's outline.
		{"Path", func() error {
			p, err := s.Path(b.Context(), "policy-document/jiao-2015-8", "government-unit/jiaozuo-innovation-program/finance-bureau", 10, nil)
			if err == nil && p == nil {
				err = fmt.Errorf("no path")
			}
			return err
		}},
		{"List", func() error {
			_, err := s.List(b.Context(), kg.ListFilter{}, kg.Page{First: 20, After: kg.Cursor("industry/")})
			return err
		}},
	}
	for _, bench := range benches {
		b.Run(bench.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := bench.run(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// Corpus returns n documents' graphs made from the seed: document i is the
// seed with every entity renamed for i, except the industries and industry
// groups, which every document shares (as a province's programs share
// their industry vocabulary), so that loading the corpus merges them.
func Corpus(tb testing.TB, n int) []*kg.Graph {
	seed := Seed(tb)
	shared := func(id string) bool {
		return strings.HasPrefix(id, kg.KindIndustry.Slug()+"/") || strings.HasPrefix(id, kg.KindIndustryGroup.Slug()+"/")
	}
	out := make([]*kg.Graph, n)
	for i := range out {
		suffix := fmt.Sprintf("-%d", i)
		rename := func(id string) string {
			if id == "" || shared(id) {
				return id
			}
			return id + suffix
		}
		sources := func(src []kg.Source) []kg.Source {
			out := make([]kg.Source, len(src))
			for j, s := range src {
				s.Document = rename(s.Document)
				s.Section = rename(s.Section)
				out[j] = s
			}
			return out
		}
		g := &kg.Graph{}
		for _, d := range seed.Documents {
			d.ID = rename(d.ID)
			g.Documents = append(g.Documents, d)
		}
		for _, e := range seed.Entities {
			e.ID = rename(e.ID)
			e.Aliases = append([]string(nil), e.Aliases...)
			e.Sources = sources(e.Sources)
			g.Entities = append(g.Entities, e)
		}
		for _, r := range seed.Relations {
			r.From, r.To = rename(r.From), rename(r.To)
			r.Sources = sources(r.Sources)
			g.Relations = append(g.Relations, r)
		}
		g.Sort()
		out[i] = g
	}
	return out
}
