package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/99designs/gqlgen/client"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"policykg/kg"
	"policykg/store/memory"
	"policykg/store/storetest"
)

// countingStore counts the calls made to a store, per method, and records
// the relation types of every Relations call.
type countingStore struct {
	kg.Store
	mu       sync.Mutex
	calls    calls
	relTypes [][]kg.RelationType
	fail     int // fail the next fail Relations calls
}

// calls is a number of store calls per method; methods not called are absent.
type calls map[string]int

func (c calls) String() string {
	var s string
	for _, k := range slices.Sorted(maps.Keys(c)) {
		s += fmt.Sprintf(" %s:%d", k, c[k])
	}
	return "{" + s + " }"
}

func (s *countingStore) count(method string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls[method]++
}

// take returns the calls counted since the last take.
func (s *countingStore) take() (calls, [][]kg.RelationType) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, t := s.calls, s.relTypes
	s.calls, s.relTypes = calls{}, nil
	return c, t
}

func (s *countingStore) Entities(ctx context.Context, ids []string) ([]*kg.Entity, error) {
	s.count("Entities")
	return s.Store.Entities(ctx, ids)
}

func (s *countingStore) List(ctx context.Context, f kg.ListFilter, page kg.Page) (*kg.EntityPage, error) {
	s.count("List")
	return s.Store.List(ctx, f, page)
}

func (s *countingStore) Search(ctx context.Context, text string, kinds []kg.Kind, first int) ([]kg.SearchHit, error) {
	s.count("Search")
	return s.Store.Search(ctx, text, kinds, first)
}

func (s *countingStore) Relations(ctx context.Context, ids []string, f kg.RelationFilter) ([][]*kg.Relation, error) {
	s.count("Relations")
	s.mu.Lock()
	s.relTypes = append(s.relTypes, f.Types)
	fail := s.fail > 0
	if fail {
		s.fail--
	}
	s.mu.Unlock()
	if fail {
		return nil, kg.Errorf(kg.EUNAVAILABLE, "injected failure")
	}
	return s.Store.Relations(ctx, ids, f)
}

func (s *countingStore) Path(ctx context.Context, from, to string, maxHops int, types []kg.RelationType) (*kg.Path, error) {
	s.count("Path")
	return s.Store.Path(ctx, from, to, maxHops, types)
}

func (s *countingStore) Neighborhood(ctx context.Context, id string, hops int, types []kg.RelationType, limit int) (*kg.Subgraph, error) {
	s.count("Neighborhood")
	return s.Store.Neighborhood(ctx, id, hops, types, limit)
}

func (s *countingStore) Targets(ctx context.Context, year *int, subject string) ([]*kg.Entity, error) {
	s.count("Targets")
	return s.Store.Targets(ctx, year, subject)
}

func (s *countingStore) Documents(ctx context.Context) ([]kg.Document, error) {
	s.count("Documents")
	return s.Store.Documents(ctx)
}

// testServer serves one graph twice over the same counting store: with
// Batching, and without it (a store call per object, as before batching).
type testServer struct {
	store          *countingStore
	batched, plain *client.Client
}

func newTestServer(t testing.TB, g *kg.Graph) *testServer {
	t.Helper()
	m := memory.New()
	if err := m.Load(context.Background(), g); err != nil {
		t.Fatal(err)
	}
	s := &testServer{store: &countingStore{Store: m, calls: calls{}}}
	serve := func(batching bool) *client.Client {
		h := handler.New(NewExecutableSchema(Config{Resolvers: NewResolver(s.store)}))
		h.AddTransport(transport.POST{})
		if batching {
			h.Use(Batching{})
		}
		return client.New(h)
	}
	s.batched, s.plain = serve(true), serve(false)
	return s
}

// seedServer serves the embedded seed.
func seedServer(t testing.TB) *testServer { return newTestServer(t, storetest.Seed(t)) }

// post runs a query and returns its data as JSON and the store calls it made.
func (s *testServer) post(t testing.TB, c *client.Client, query string, vars map[string]any) (string, calls, [][]kg.RelationType) {
	t.Helper()
	s.store.take()
	var opts []client.Option
	for k, v := range vars {
		opts = append(opts, client.Var(k, v))
	}
	resp, err := c.RawPost(query, opts...)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	if len(resp.Errors) > 0 {
		t.Fatalf("%s: errors %s", query, resp.Errors)
	}
	data, err := json.Marshal(resp.Data)
	if err != nil {
		t.Fatal(err)
	}
	n, types := s.store.take()
	return string(data), n, types
}

// query runs a query with and without batching, checks that both answer
// the same, and returns the store calls of each.
func (s *testServer) query(t testing.TB, query string, vars map[string]any) (batched, plain calls) {
	t.Helper()
	got, batched, _ := s.post(t, s.batched, query, vars)
	want, plain, _ := s.post(t, s.plain, query, vars)
	if got != want {
		t.Fatalf("%s\nwith batching: %s\nwithout:       %s", query, got, want)
	}
	return batched, plain
}

// greater reports whether a has more calls than b of some method.
func greater(a, b calls) bool {
	for m, n := range a {
		if n > b[m] {
			return true
		}
	}
	return false
}

// TestCallsDoNotGrowWithResults runs each query on a few results and on
// many, and checks that the store calls stay within the same bound: one
// call per level of the query, whatever the number of entities on it.
// Without batching the same queries cost a call per entity.
func TestCallsDoNotGrowWithResults(t *testing.T) {
	s := seedServer(t)
	for _, tc := range []struct {
		name     string
		query    string
		variants []map[string]any // from few results to many
		max      calls            // for every variant
		same     bool             // and exactly max for every variant
	}{{
		name:  "connection page",
		query: `query($first: Int, $after: String) { entities(kind: INDUSTRY, first: $first, after: $after) { edges { node { ... on Industry { enterprises { name } products { name } } } } } }`,
		// The 2 industries after automotive-and-parts: biomedicine (6 enterprises) and cultural-and-creative; then all 24.
		variants: []map[string]any{{"first": 2, "after": kg.Cursor("industry/automotive-and-parts")}, {"first": 50}},
		max:      calls{"List": 1, "Relations": 1, "Entities": 1},
		same:     true,
	}, {
		name:     "connection page, two levels",
		query:    `query($first: Int) { entities(kind: INDUSTRY, first: $first) { edges { node { ... on Industry { enterprises { name industries { name groups { name } } } products { name } } } } } }`,
		variants: []map[string]any{{"first": 2}, {"first": 50}},
		// Industries already on the page come from the cache, so a
		// larger page may need fewer calls, never more.
		max: calls{"List": 1, "Relations": 3, "Entities": 3},
	}, {
		name:     "industry with few and with many enterprises",
		query:    `query($id: ID!) { entity(id: $id) { ... on Industry { enterprises { name } products { name } } } }`,
		variants: []map[string]any{{"id": "industry/traditional-chinese-medicine"}, {"id": "industry/new-materials"}},
		max:      calls{"Entities": 2, "Relations": 1}, // the industry; its relations; the enterprises and products
		same:     true,
	}, {
		name:  "documents cite",
		query: `{ documents { name cites { name } } }`,
		// The outline is 3 sections deep: 4 calls to read it (the last
		// finds nothing), 1 for the citations; the documents, the cited.
		variants: []map[string]any{nil},
		max:      calls{"Documents": 1, "Entities": 2, "Relations": 5},
		same:     true,
	}, {
		name:     "search",
		query:    `query($first: Int) { search(text: "new materials", first: $first) { entity { name sources { section { name parent { name } } } relations { from { name } to { name } } } } }`,
		variants: []map[string]any{{"first": 1}, {"first": 20}},
		// The hits' relations; sections and relation ends; the sections' parents, and those.
		max:  calls{"Search": 1, "Relations": 2, "Entities": 2},
		same: true,
	}, {
		name:     "path",
		query:    `query($to: ID!) { path(from: "enterprise/bailey-union", to: $to) { length relations { from { name } sources { document { name } } } } }`,
		variants: []map[string]any{{"to": "industry/new-materials"}, {"to": "enterprise/wave-group"}}, // 1 and 4 hops
		max:      calls{"Path": 1, "Entities": 1},                                                     // the sources' document
		same:     true,
	}, {
		name:     "neighbourhood",
		query:    `query($hops: Int) { neighborhood(id: "industry/new-materials", hops: $hops, types: [MEMBER_OF]) { nodes { ... on Industry { enterprises { name } } } } }`,
		variants: []map[string]any{{"hops": 0}, {"hops": 2}},
		max:      calls{"Neighborhood": 1, "Relations": 1, "Entities": 1},
		same:     true,
	}, {
		name:     "neighbourhood, every relation",
		query:    `query($hops: Int) { neighborhood(id: "industry/new-materials", hops: $hops) { nodes { ... on Industry { enterprises { name } } } relations { type from { id } to { id } } } }`,
		variants: []map[string]any{{"hops": 1}, {"hops": 3}},
		max:      calls{"Neighborhood": 1, "Relations": 1}, // the enterprises are nodes already
		same:     true,
	}, {
		name:     "targets",
		query:    `query($year: Int) { targets(year: $year) { name subject { name ... on Industry { enterprises { name } } ... on PolicyDocument { cites { name } } } } }`,
		variants: []map[string]any{{"year": 2017}, {"year": nil}},
		// subject; the subjects; enterprises and the program's outline
		// (4) and citations (1); the enterprises and cited documents.
		max: calls{"Targets": 1, "Relations": 7, "Entities": 2},
	}, {
		name:     "node",
		query:    `query($id: ID!) { node(id: $id) { ... on Section { parent { ... on Section { parent { id } } } responsibleUnits { name responsibleFor { name } } } } }`,
		variants: []map[string]any{{"id": "section/jiaozuo-innovation-program/4.3"}, {"id": "section/jiaozuo-innovation-program/2.1.2"}},
		// The section; parent and units; the parent's parent and the units' sections.
		max:  calls{"Entities": 3, "Relations": 2},
		same: true,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			var last calls
			for _, vars := range tc.variants {
				got, plain := s.query(t, tc.query, vars)
				if tc.same && !maps.Equal(got, tc.max) || greater(got, tc.max) {
					t.Errorf("%v: store calls %v, want %s %v", vars, got, map[bool]string{true: "exactly", false: "at most"}[tc.same], tc.max)
				}
				last = plain
			}
			if len(tc.variants) > 1 && !greater(last, tc.max) {
				t.Errorf("without batching, the largest variant costs %v: not more than %v, so the test proves nothing", last, tc.max)
			}
		})
	}
}

// citingGraph returns n loaded documents, each with an outline three
// sections deep whose deepest section cites a document of its own, and
// citing, itself, one document all share.
func citingGraph(n int) *kg.Graph {
	g := &kg.Graph{}
	ent := func(id string, k kg.Kind) { g.Entities = append(g.Entities, kg.Entity{ID: id, Kind: k, Name: id}) }
	rel := func(t kg.RelationType, from, to string) {
		g.Relations = append(g.Relations, kg.Relation{Type: t, From: from, To: to})
	}
	ent("policy-document/shared", kg.KindPolicyDocument)
	for i := range n {
		doc := fmt.Sprintf("policy-document/d%02d", i)
		g.Documents = append(g.Documents, kg.Document{ID: doc, Title: doc})
		ent(doc, kg.KindPolicyDocument)
		rel(kg.Cites, doc, "policy-document/shared")
		parent := doc
		for _, sec := range []string{"1", "1.1", "1.1.1"} {
			id := fmt.Sprintf("section/d%02d/%s", i, sec)
			ent(id, kg.KindSection)
			rel(kg.PartOf, id, parent)
			parent = id
		}
		cited := fmt.Sprintf("policy-document/cited-%02d", i)
		ent(cited, kg.KindPolicyDocument)
		rel(kg.Cites, parent, cited)
	}
	g.Sort()
	return g
}

// TestCitesBatched checks that cites costs the same for one document as
// for fifty: the outlines are read together, a level at a time.
func TestCitesBatched(t *testing.T) {
	for _, q := range []struct {
		query string
		want  calls
	}{
		// 4 calls read the outlines, 1 their citations; the documents, the cited.
		{`{ documents { name cites { name } } }`, calls{"Documents": 1, "Relations": 5, "Entities": 2}},
		// The cited documents have no outline: 1 call finds that, 1 their citations.
		{`{ documents { cites { id cites { id } } } }`, calls{"Documents": 1, "Relations": 7, "Entities": 2}},
	} {
		var plain calls
		for _, n := range []int{1, 50} {
			s := newTestServer(t, citingGraph(n))
			got, p := s.query(t, q.query, nil)
			if !maps.Equal(got, q.want) {
				t.Errorf("%s on %d documents: store calls %v, want %v", q.query, n, got, q.want)
			}
			plain = p
		}
		if !greater(plain, q.want) {
			t.Errorf("%s: without batching %v, not more than %v", q.query, plain, q.want)
		}
	}
}

// TestPrefetchReadsTheSelection checks that the prefetch reads selections
// as gqlgen does (fragments, inline fragments, aliases, @skip, @include,
// arguments from variables and defaults) and fetches the relation types
// the selection needs, no more.
func TestPrefetchReadsTheSelection(t *testing.T) {
	s := seedServer(t)
	const query = `
query($products: Boolean!, $skipTargets: Boolean!, $types: [RelationType!], $first: Int) {
  entities(kind: INDUSTRY, first: 50) { edges { node { ...industry } } }
}
fragment industry on Entity {
  ... on Industry {
    backbone: enterprises { name }
    products @include(if: $products) { name }
    targets @skip(if: $skipTargets) { name }
    relations(types: $types, first: $first) { to { name } }
  }
  ... on Product { industries { name } }
}`
	for _, tc := range []struct {
		vars  map[string]any
		types []kg.RelationType // of the one Relations call
	}{
		{map[string]any{"products": true, "skipTargets": true, "types": []string{"MEMBER_OF"}, "first": 1},
			[]kg.RelationType{kg.BackboneOf, kg.ProductOf, kg.MemberOf}},
		{map[string]any{"products": false, "skipTargets": false, "types": []string{"BACKBONE_OF"}, "first": 2},
			[]kg.RelationType{kg.BackboneOf, kg.HasTarget}},
		{map[string]any{"products": false, "skipTargets": true, "types": []string{}, "first": nil},
			nil}, // relations of every type
		{map[string]any{"products": true, "skipTargets": true, "types": []string{"MEMBER_OF"}, "first": 0},
			[]kg.RelationType{kg.BackboneOf, kg.ProductOf}}, // first: 0 asks the store nothing
	} {
		got, plain := s.query(t, query, tc.vars)
		if want := (calls{"List": 1, "Relations": 1, "Entities": 1}); !maps.Equal(got, want) {
			t.Errorf("%v: store calls %v, want %v (%v without batching)", tc.vars, got, want, plain)
		}
		_, _, types := s.post(t, s.batched, query, tc.vars)
		if len(types) != 1 || !slices.Equal(types[0], tc.types) {
			t.Errorf("%v: Relations asked for types %v, want [%v]", tc.vars, types, tc.types)
		}
	}
}

// kindEnum is the GraphQL Kind value of each kind.
var kindEnum = map[kg.Kind]string{
	kg.KindIndustry: "INDUSTRY", kg.KindIndustryGroup: "INDUSTRY_GROUP", kg.KindEnterprise: "ENTERPRISE",
	kg.KindProduct: "PRODUCT", kg.KindInstitution: "INSTITUTION", kg.KindGovernmentUnit: "GOVERNMENT_UNIT",
	kg.KindPolicyDocument: "POLICY_DOCUMENT", kg.KindSection: "SECTION", kg.KindTarget: "TARGET",
}

// TestLinks checks the links table against the schema (every field that
// leads to entities is a link, but relations, sources and cites) and
// against the resolvers: with the table's type and direction, a link
// field over every entity of its kind costs one call per level.
func TestLinks(t *testing.T) {
	schema := NewExecutableSchema(Config{Resolvers: NewResolver(nil)}).Schema()
	for _, k := range kg.Kinds {
		for _, f := range schema.Types[string(k)].Fields {
			typ := schema.Types[f.Type.Name()]
			_, isLink := links[fieldKey{k, f.Name}]
			switch {
			case f.Name == "relations" || f.Name == "sources" || f.Name == "cites" && k == kg.KindPolicyDocument:
			case (typ.Kind == "OBJECT" || typ.Kind == "INTERFACE") != isLink:
				t.Errorf("%s.%s returns %s, but links has it: %v", k, f.Name, f.Type, isLink)
			}
		}
	}
	s := seedServer(t)
	for key, l := range links {
		if schema.Types[string(key.kind)].Fields.ForName(key.field) == nil {
			t.Errorf("links has %s.%s, which the schema does not", key.kind, key.field)
			continue
		}
		q := fmt.Sprintf(`{ entities(kind: %s, first: 100) { edges { node { ... on %s { %s { id } } } } } }`, kindEnum[key.kind], key.kind, key.field)
		got, plain := s.query(t, q, nil)
		if want := (calls{"List": 1, "Relations": 1, "Entities": 1}); !maps.Equal(got, want) {
			t.Errorf("%s.%s (%s %s): store calls %v, want %v", key.kind, key.field, l.typ, l.dir, got, want)
		}
		if plain["Relations"] < 2 || plain["Entities"] < 2 {
			t.Errorf("%s.%s: the seed has too few entities to check the link: %v without batching", key.kind, key.field, plain)
		}
	}
}

// TestPrefetchFailure checks that when the prefetch meets an error the
// resolvers still answer right, reading what they need themselves.
func TestPrefetchFailure(t *testing.T) {
	s := seedServer(t)
	const q = `{ entities(kind: INDUSTRY, first: 50) { edges { node { ... on Industry { enterprises { name } } } } } }`
	want, _, _ := s.post(t, s.plain, q, nil)
	s.store.fail = 1 // the prefetch's one Relations call
	got, n, _ := s.post(t, s.batched, q, nil)
	if got != want {
		t.Errorf("after a failed prefetch: %s, want %s", got, want)
	}
	industries := strings.Count(want, `"enterprises"`)
	if industries < 2 || n["Relations"] != 1+industries {
		t.Errorf("after a failed prefetch: store calls %v, want 1 + %d Relations (one per industry)", n, industries)
	}
}

// TestCachePerOperation checks that an operation starts with an empty
// cache: the same query twice costs the same both times.
func TestCachePerOperation(t *testing.T) {
	s := seedServer(t)
	const q = `{ entity(id: "industry/new-materials") { ... on Industry { enterprises { name } } } }`
	_, first, _ := s.post(t, s.batched, q, nil)
	_, second, _ := s.post(t, s.batched, q, nil)
	if want := (calls{"Entities": 2, "Relations": 1}); !maps.Equal(first, want) || !maps.Equal(second, want) {
		t.Errorf("store calls %v, then %v; want %v each time", first, second, want)
	}
}

// TestConcurrentOperations runs operations in parallel, for the race detector.
func TestConcurrentOperations(t *testing.T) {
	s := seedServer(t)
	const q = `{ a: entities(kind: INDUSTRY, first: 50) { edges { node { ... on Industry { enterprises { name industries { name } } } relations { to { name } } } } }
	  b: documents { cites { name } } c: search(text: "industry") { entity { relations { from { name } } } } }`
	want, _, _ := s.post(t, s.plain, q, nil)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			resp, err := s.batched.RawPost(q)
			if err != nil {
				t.Error(err)
				return
			}
			if got, _ := json.Marshal(resp.Data); string(got) != want {
				t.Errorf("concurrent answer differs")
			}
		})
	}
	wg.Wait()
}

// selfGraph has self-relations, several types in both directions, and an
// entity without relations.
func selfGraph() *kg.Graph {
	g := &kg.Graph{}
	for _, id := range []string{"a", "b", "c", "d"} {
		g.Entities = append(g.Entities, kg.Entity{ID: id, Kind: kg.KindSection, Name: id})
	}
	for _, r := range [][3]string{
		{"PART_OF", "a", "a"}, {"PART_OF", "a", "b"}, {"PART_OF", "b", "a"}, {"PART_OF", "c", "a"},
		{"CITES", "a", "a"}, {"CITES", "b", "a"}, {"CITES", "b", "c"},
		{"MEMBER_OF", "c", "a"}, {"MEMBER_OF", "a", "c"}, {"MEMBER_OF", "c", "c"},
		{"BACKBONE_OF", "b", "c"}, {"HAS_TARGET", "a", "c"},
	} {
		g.Relations = append(g.Relations, kg.Relation{Type: kg.RelationType(r[0]), From: r[1], To: r[2]})
	}
	g.Sort()
	return g
}

func relKeys(lists [][]*kg.Relation) [][]string {
	out := make([][]string, len(lists))
	for i, l := range lists {
		out[i] = []string{}
		for _, r := range l {
			out[i] = append(out[i], r.Key())
		}
	}
	return out
}

// TestCacheMatchesStore checks that the cache answers Relations and
// Entities as the store does, for every filter, whatever the cache
// already holds: it asks a long sequence of calls of one cache, and each
// call of a new cache too.
func TestCacheMatchesStore(t *testing.T) {
	ctx := t.Context()
	for name, g := range map[string]*kg.Graph{"self-relations": selfGraph(), "seed": storetest.Seed(t)} {
		t.Run(name, func(t *testing.T) {
			store := memory.New()
			if err := store.Load(ctx, g); err != nil {
				t.Fatal(err)
			}
			var ids []string
			for i, e := range g.Entities {
				if i < 12 {
					ids = append(ids, e.ID)
				}
			}
			idLists := [][]string{ids[:1], ids, {ids[1], "missing", ids[1], ids[0]}, {ids[len(ids)-1], ids[2]}, {}}
			typeLists := [][]kg.RelationType{nil, {kg.PartOf}, {kg.Cites}, {kg.Cites, kg.PartOf}, {kg.MemberOf, kg.BackboneOf, kg.Cites}, {kg.HasTarget}, {kg.ProductOf}}
			shared := newCache(store)
			check := func(c *cache, ids []string, f kg.RelationFilter) {
				t.Helper()
				want, err := store.Relations(ctx, ids, f)
				if err != nil {
					t.Fatal(err)
				}
				got, err := c.Relations(ctx, ids, f)
				if err != nil {
					t.Fatal(err)
				}
				if w, g := relKeys(want), relKeys(got); !slices.EqualFunc(w, g, slices.Equal) {
					t.Errorf("Relations(%q, %+v) = %q, want %q", ids, f, g, w)
				}
			}
			// Every filter, in an order that grows and overlaps the
			// cached types, and then again from the full cache.
			for range 2 {
				for _, types := range typeLists {
					for _, dir := range []kg.Direction{"", kg.Both, kg.Out, kg.In} {
						for _, first := range []int{0, 1, 2} {
							for _, ids := range idLists {
								f := kg.RelationFilter{Types: types, Direction: dir, First: first}
								check(shared, ids, f)
								check(newCache(store), ids, f)
							}
						}
					}
				}
			}
			for _, ids := range append(idLists, idLists...) {
				want, _ := store.Entities(ctx, ids)
				got, err := shared.Entities(ctx, ids)
				if err != nil || !slices.Equal(got, want) {
					t.Errorf("Entities(%q) = %v, %v; want %v", ids, got, err, want)
				}
			}
		})
	}
}

// TestCacheErrors checks that the cache fails as the store does.
func TestCacheErrors(t *testing.T) {
	store := memory.New()
	if err := store.Load(t.Context(), selfGraph()); err != nil {
		t.Fatal(err)
	}
	c := newCache(store)
	if _, err := c.Relations(t.Context(), []string{"a"}, kg.RelationFilter{}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Entities(t.Context(), []string{"a"}); err != nil {
		t.Fatal(err)
	}
	cancelled, cancel := context.WithCancel(t.Context())
	cancel()
	for _, tc := range []struct {
		name string
		call func(s reader) error
	}{
		{"negative first", func(s reader) error {
			_, err := s.Relations(t.Context(), []string{"a"}, kg.RelationFilter{First: -1})
			return err
		}},
		{"unknown direction", func(s reader) error {
			_, err := s.Relations(t.Context(), []string{"a"}, kg.RelationFilter{Direction: "SIDEWAYS"})
			return err
		}},
		{"cancelled Relations", func(s reader) error {
			_, err := s.Relations(cancelled, []string{"a"}, kg.RelationFilter{})
			return err
		}},
		{"cancelled Entities", func(s reader) error {
			_, err := s.Entities(cancelled, []string{"a"})
			return err
		}},
	} {
		want, got := tc.call(store), tc.call(c)
		if want == nil || kg.ErrorCode(got) != kg.ErrorCode(want) {
			t.Errorf("%s: cache gives %v, store %v", tc.name, got, want)
		}
	}
}
