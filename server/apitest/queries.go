package apitest

import (
	"fmt"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"

	"policykg/kg"
)

// enum is the GraphQL enum value of a kind, e.g. INDUSTRY_GROUP.
func enum(k kg.Kind) string { return strings.ToUpper(strings.ReplaceAll(k.Slug(), "-", "_")) }

type ref struct {
	ID string `json:"id"`
}

func refIDs(refs []ref) []string {
	ids := make([]string, len(refs))
	for i, r := range refs {
		ids[i] = r.ID
	}
	return ids
}

type source struct {
	Document ref    `json:"document"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	Section  *ref   `json:"section"`
}

type entity struct {
	Typename string   `json:"__typename"`
	ID       string   `json:"id"`
	Kind     string   `json:"kind"`
	Name     string   `json:"name"`
	Aliases  []string `json:"aliases"`
	Sources  []source `json:"sources"`
}

const entityFields = `__typename id kind name aliases sources { document { id } start end text section { id } }`

func testEveryEntity(t *testing.T, c Client, o *oracle) {
	for _, want := range o.g.Entities {
		var got struct{ Entity entity }
		c.Query(t, `query($id: ID!) { entity(id: $id) { `+entityFields+` } }`, map[string]any{"id": want.ID}, &got)
		e := got.Entity
		if e.ID != want.ID || e.Typename != string(want.Kind) || e.Kind != enum(want.Kind) || e.Name != want.Name {
			t.Errorf("entity %s: got id %q, type %s, kind %s, name %q; want type %s, kind %s, name %q",
				want.ID, e.ID, e.Typename, e.Kind, e.Name, want.Kind, enum(want.Kind), want.Name)
		}
		if !slices.Equal(e.Aliases, want.Aliases) && len(e.Aliases)+len(want.Aliases) > 0 {
			t.Errorf("entity %s: aliases %q, want %q", want.ID, e.Aliases, want.Aliases)
		}
		if len(e.Sources) != len(want.Sources) {
			t.Errorf("entity %s: %d sources, want %d", want.ID, len(e.Sources), len(want.Sources))
			continue
		}
		for i, s := range want.Sources {
			g := e.Sources[i]
			section := ""
			if g.Section != nil {
				section = g.Section.ID
			}
			if g.Document.ID != s.Document || g.Start != s.Start || g.End != s.End || g.Text != s.Text || section != s.Section {
				t.Errorf("entity %s: source %d = %+v, want %+v", want.ID, i, g, s)
			}
		}
	}
}

func testNodeTypes(t *testing.T, c Client, o *oracle) {
	for _, k := range kg.Kinds {
		ents := o.ofKind(k)
		if len(ents) == 0 {
			t.Errorf("the seed has no %s", k)
			continue
		}
		var got struct {
			Node struct {
				Typename string `json:"__typename"`
				ID       string `json:"id"`
			}
		}
		c.Query(t, `query($id: ID!) { node(id: $id) { __typename id } }`, map[string]any{"id": ents[0].ID}, &got)
		if got.Node.Typename != string(k) || got.Node.ID != ents[0].ID {
			t.Errorf("node(%s) = %+v, want a %s", ents[0].ID, got.Node, k)
		}
	}
}

func testMissing(t *testing.T, c Client, _ *oracle) {
	var got struct {
		Entity *entity
		Node   *entity
	}
	c.Query(t, `{ entity(id: "industry/no-such-thing") { id } node(id: "nope") { id } }`, nil, &got)
	if got.Entity != nil || got.Node != nil {
		t.Errorf("missing IDs gave %+v, want nulls", got)
	}
}

func testIndustry(t *testing.T, c Client, o *oracle) {
	var got struct {
		Entity struct {
			Name        string
			Groups      []ref
			Enterprises []ref
			Products    []ref
			Targets     []ref
		}
	}
	c.Query(t, `{ entity(id: "industry/new-materials") { name ... on Industry {
		groups { id } enterprises { id } products { id } targets { id } } } }`, nil, &got)
	// Read off the seed text by hand (section 2.4.2).
	wantEnterprises := []string{"enterprise/bailey-union", "enterprise/dadi-alloy", "enterprise/feimeng-diamond", "enterprise/funaike",
		"enterprise/henan-yongwei", "enterprise/huajing-diamond", "enterprise/qiangnai-building-material"}
	wantProducts := []string{"product/abrasive", "product/fire-resistant-and-fire-retardant-material", "product/high-grade-diamond",
		"product/low-carbon-and-energy-saving-housing-module", "product/new-wall-material", "product/numerical-control-cutting-tool",
		"product/super-hard-cutting-tool", "product/titanium-alloy", "product/titanium-material"}
	e := got.Entity
	check(t, "name", e.Name, "new materials")
	check(t, "groups", refIDs(e.Groups), []string{"industry-group/jiaozuo-innovation-program/four-major-strategic-emerging-industries"})
	check(t, "enterprises", refIDs(e.Enterprises), wantEnterprises)
	check(t, "products", refIDs(e.Products), wantProducts)
	check(t, "targets", refIDs(e.Targets), o.ends("industry/new-materials", kg.HasTarget, true))
}

// testTypedLists checks every kind-specific list field of every entity
// against the relations it stands for.
func testTypedLists(t *testing.T, c Client, o *oracle) {
	type field struct {
		name string
		rel  kg.RelationType
		out  bool
		kind kg.Kind // of the entities listed; "" for any
	}
	fields := map[kg.Kind][]field{
		kg.KindIndustry: {{"groups", kg.MemberOf, true, kg.KindIndustryGroup}, {"enterprises", kg.BackboneOf, false, kg.KindEnterprise},
			{"products", kg.ProductOf, false, kg.KindProduct}, {"targets", kg.HasTarget, true, kg.KindTarget}},
		kg.KindIndustryGroup:  {{"industries", kg.MemberOf, false, kg.KindIndustry}, {"targets", kg.HasTarget, true, kg.KindTarget}},
		kg.KindEnterprise:     {{"industries", kg.BackboneOf, true, kg.KindIndustry}, {"partnerOf", kg.PartnerOf, true, ""}},
		kg.KindProduct:        {{"industries", kg.ProductOf, true, kg.KindIndustry}},
		kg.KindInstitution:    {{"partnerOf", kg.PartnerOf, true, ""}},
		kg.KindGovernmentUnit: {{"responsibleFor", kg.ResponsibleFor, true, kg.KindSection}},
		// Institutions can share responsibility too; the field lists units only.
		kg.KindSection: {{"responsibleUnits", kg.ResponsibleFor, false, kg.KindGovernmentUnit}},
	}
	for kind, fs := range fields {
		var sel []string
		for _, f := range fs {
			sel = append(sel, f.name+" { id }")
		}
		q := fmt.Sprintf(`query($id: ID!) { entity(id: $id) { ... on %s { %s } } }`, kind, strings.Join(sel, " "))
		for _, e := range o.ofKind(kind) {
			var got struct{ Entity map[string][]ref }
			c.Query(t, q, map[string]any{"id": e.ID}, &got)
			for _, f := range fs {
				var want []string
				for _, id := range o.ends(e.ID, f.rel, f.out) {
					if f.kind == "" || o.byID[id].Kind == f.kind {
						want = append(want, id)
					}
				}
				check(t, e.ID+" "+f.name, refIDs(got.Entity[f.name]), want)
			}
		}
	}
}

type relation struct {
	Type    string
	From    ref
	To      ref
	Sources []source
}

func testRelations(t *testing.T, c Client, o *oracle) {
	const id = "industry/biomedicine"
	var got struct {
		Entity struct {
			All      []relation
			In       []relation
			Out      []relation
			Products []relation
			Two      []relation
		}
	}
	c.Query(t, `query($id: ID!) { entity(id: $id) {
		all: relations { type from { id } to { id } sources { text } }
		in: relations(direction: IN) { type from { id } to { id } }
		out: relations(direction: OUT) { type from { id } to { id } }
		products: relations(types: [PRODUCT_OF]) { type from { id } to { id } }
		two: relations(first: 2) { type from { id } to { id } } } }`, map[string]any{"id": id}, &got)
	want := o.touching(id)
	key := func(rs []relation) []string {
		var out []string
		for _, r := range rs {
			out = append(out, r.Type+" "+r.From.ID+" "+r.To.ID)
		}
		return out
	}
	var all, in, out, products []string
	for _, r := range want {
		k := string(r.Type) + " " + r.From + " " + r.To
		all = append(all, k)
		if r.To == id {
			in = append(in, k)
		}
		if r.From == id {
			out = append(out, k)
		}
		if r.Type == kg.ProductOf {
			products = append(products, k)
		}
	}
	check(t, "all relations", key(got.Entity.All), all)
	check(t, "IN", key(got.Entity.In), in)
	check(t, "OUT", key(got.Entity.Out), out)
	check(t, "PRODUCT_OF", key(got.Entity.Products), products)
	check(t, "first 2", key(got.Entity.Two), all[:2])
	for i, r := range got.Entity.All {
		if len(r.Sources) != len(want[i].Sources) || len(r.Sources) == 0 {
			t.Errorf("relation %s has %d sources, want %d", all[i], len(r.Sources), len(want[i].Sources))
		}
	}
}

func testSources(t *testing.T, c Client, o *oracle) {
	text := seedText(t)
	var got struct {
		Search []struct {
			Entity struct {
				ID        string
				Sources   []source
				Relations []relation
			}
		}
	}
	c.Query(t, `{ search(text: "biomedicine", first: 3) { entity { id sources { document { id } start end text section { id } }
		relations { sources { document { id } start end text section { id } } } } } }`, nil, &got)
	if len(got.Search) == 0 {
		t.Fatal("no hits")
	}
	for _, h := range got.Search {
		all := h.Entity.Sources
		for _, r := range h.Entity.Relations {
			all = append(all, r.Sources...)
		}
		for _, s := range all {
			doc, ok := text[s.Document.ID]
			if !ok {
				t.Fatalf("source in unknown document %q", s.Document.ID)
			}
			if s.Start < 0 || s.End > len(doc) || s.Start >= s.End || doc[s.Start:s.End] != s.Text {
				t.Errorf("%s: source [%d:%d] does not quote the document: %q", h.Entity.ID, s.Start, s.End, s.Text)
			}
		}
	}
}

type page struct {
	Edges []struct {
		Cursor string
		Node   struct{ ID, Kind string }
	}
	PageInfo struct {
		HasNextPage     bool
		HasPreviousPage bool
		StartCursor     *string
		EndCursor       *string
	}
	TotalCount int
}

const pageQuery = `query($kind: Kind, $name: String, $first: Int, $after: String) {
	entities(kind: $kind, name: $name, first: $first, after: $after) {
		edges { cursor node { id kind } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount } }`

func testEntitiesPages(t *testing.T, c Client, o *oracle) {
	var ids []string
	var after any
	for pages := 0; ; pages++ {
		if pages > len(o.g.Entities) {
			t.Fatal("paging does not end")
		}
		var got struct{ Entities page }
		c.Query(t, pageQuery, map[string]any{"first": 7, "after": after}, &got)
		p := got.Entities
		if p.TotalCount != len(o.g.Entities) {
			t.Fatalf("totalCount %d, want %d", p.TotalCount, len(o.g.Entities))
		}
		for _, e := range p.Edges {
			ids = append(ids, e.Node.ID)
		}
		if len(p.Edges) > 0 && (p.PageInfo.EndCursor == nil || *p.PageInfo.EndCursor != p.Edges[len(p.Edges)-1].Cursor) {
			t.Fatalf("endCursor %v is not the last edge's cursor", p.PageInfo.EndCursor)
		}
		if !p.PageInfo.HasNextPage {
			break
		}
		if len(p.Edges) != 7 {
			t.Fatalf("a page before the last has %d edges, want 7", len(p.Edges))
		}
		after = *p.PageInfo.EndCursor
	}
	var want []string
	for _, e := range o.g.Entities {
		want = append(want, e.ID)
	}
	check(t, "all pages", ids, want)

	// A cursor stays valid: the page after an entity starts right after it.
	var first, again struct{ Entities page }
	c.Query(t, pageQuery, map[string]any{"first": 3}, &first)
	c.Query(t, pageQuery, map[string]any{"first": 2, "after": first.Entities.Edges[0].Cursor}, &again)
	check(t, "page after the first cursor", []string{again.Entities.Edges[0].Node.ID, again.Entities.Edges[1].Node.ID},
		[]string{first.Entities.Edges[1].Node.ID, first.Entities.Edges[2].Node.ID})

	var none struct{ Entities page }
	c.Query(t, pageQuery, map[string]any{"first": 0}, &none)
	if len(none.Entities.Edges) != 0 || none.Entities.TotalCount != len(o.g.Entities) || none.Entities.PageInfo.EndCursor != nil {
		t.Errorf("first: 0 gave %+v", none.Entities)
	}
}

func testEntitiesFilters(t *testing.T, c Client, o *oracle) {
	for _, k := range kg.Kinds {
		var got struct{ Entities page }
		c.Query(t, pageQuery, map[string]any{"kind": enum(k), "first": 100}, &got)
		var ids []string
		for _, e := range got.Entities.Edges {
			ids = append(ids, e.Node.ID)
			if e.Node.Kind != enum(k) {
				t.Errorf("kind filter %s gave a %s", enum(k), e.Node.Kind)
			}
		}
		var want []string
		for _, e := range o.ofKind(k) {
			want = append(want, e.ID)
		}
		check(t, "kind "+enum(k), ids, want)
		check(t, "totalCount of "+enum(k), got.Entities.TotalCount, len(want))
	}
	for _, tc := range []struct{ name, want string }{
		{"NEW MATERIALS", "industry/new-materials"},     // name, ignoring case
		{"biomedical industry", "industry/biomedicine"}, // an alias
	} {
		var got struct{ Entities page }
		c.Query(t, pageQuery, map[string]any{"name": tc.name}, &got)
		if len(got.Entities.Edges) != 1 || got.Entities.Edges[0].Node.ID != tc.want {
			t.Errorf("name %q gave %+v, want %s", tc.name, got.Entities.Edges, tc.want)
		}
	}
}

type hit struct {
	Entity struct{ ID, Name string }
	Score  float64
}

const searchQuery = `query($text: String!, $kinds: [Kind!], $first: Int) {
	search(text: $text, kinds: $kinds, first: $first) { entity { id name } score } }`

func search(t *testing.T, c Client, text string, kinds []string, first int) []hit {
	var got struct{ Search []hit }
	c.Query(t, searchQuery, map[string]any{"text": text, "kinds": kinds, "first": first}, &got)
	return got.Search
}

func testSearch(t *testing.T, c Client, _ *oracle) {
	t.Run("ExactAbovePrefixAboveWord", func(t *testing.T) {
		hits := search(t, c, "new energy", nil, 10)
		if len(hits) < 3 {
			t.Fatalf("hits %+v", hits)
		}
		check(t, "exact first", hits[0].Entity.ID, "industry/new-energy")
		check(t, "exact score", hits[0].Score, kg.ExactScore)
		check(t, "prefix second", hits[1].Entity.ID, "industry/new-energy-vehicles")
		check(t, "prefix score", hits[1].Score, kg.PrefixScore)
		for _, h := range hits[2:] {
			if h.Score > kg.WordScore {
				t.Errorf("after the exact and prefix matches, %s scores %v", h.Entity.ID, h.Score)
			}
		}
		for i := 1; i < len(hits); i++ {
			a, b := hits[i-1], hits[i]
			if a.Score < b.Score || a.Score == b.Score && a.Entity.ID > b.Entity.ID {
				t.Errorf("hits out of order: %+v before %+v", a, b)
			}
		}
	})
	t.Run("IgnoresCase", func(t *testing.T) {
		check(t, "hits", search(t, c, "NEW Energy", nil, 10), search(t, c, "new energy", nil, 10))
	})
	t.Run("Aliases", func(t *testing.T) {
		hits := search(t, c, "biomedical industry", nil, 1)
		if len(hits) != 1 || hits[0].Entity.ID != "industry/biomedicine" || hits[0].Score != kg.AliasFactor*kg.ExactScore {
			t.Errorf("alias search gave %+v", hits)
		}
	})
	t.Run("Kinds", func(t *testing.T) {
		hits := search(t, c, "diamond", []string{"ENTERPRISE"}, 10)
		check(t, "enterprises named diamond", len(hits), 2)
		for _, h := range hits {
			if !strings.HasPrefix(h.Entity.ID, "enterprise/") {
				t.Errorf("kinds [ENTERPRISE] gave %s", h.Entity.ID)
			}
		}
	})
	t.Run("First", func(t *testing.T) {
		check(t, "first 2", len(search(t, c, "industry", nil, 2)), 2)
	})
	t.Run("Deterministic", func(t *testing.T) {
		a := search(t, c, "technology", nil, 50)
		for range 5 {
			check(t, "same hits", search(t, c, "technology", nil, 50), a)
		}
	})
	t.Run("NoMatch", func(t *testing.T) {
		check(t, "hits", len(search(t, c, "zzzqqq", nil, 10)), 0)
	})
}

type path struct {
	Length    int
	Nodes     []ref
	Relations []relation
}

const pathQuery = `query($from: ID!, $to: ID!, $maxHops: Int, $types: [RelationType!]) {
	path(from: $from, to: $to, maxHops: $maxHops, types: $types) { length nodes { id } relations { type from { id } to { id } } } }`

func findPath(t *testing.T, c Client, from, to string, vars map[string]any) *path {
	t.Helper()
	v := map[string]any{"from": from, "to": to}
	for k, x := range vars {
		v[k] = x
	}
	var got struct{ Path *path }
	c.Query(t, pathQuery, v, &got)
	if p := got.Path; p != nil {
		if len(p.Nodes) != p.Length+1 || len(p.Relations) != p.Length {
			t.Fatalf("path of length %d has %d nodes and %d relations", p.Length, len(p.Nodes), len(p.Relations))
		}
		if p.Nodes[0].ID != from || p.Nodes[p.Length].ID != to {
			t.Fatalf("path runs from %s to %s, want %s to %s", p.Nodes[0].ID, p.Nodes[p.Length].ID, from, to)
		}
		for i, r := range p.Relations {
			a, b := p.Nodes[i].ID, p.Nodes[i+1].ID
			if !(r.From.ID == a && r.To.ID == b || r.From.ID == b && r.To.ID == a) {
				t.Fatalf("relations[%d] %s→%s does not join %s and %s", i, r.From.ID, r.To.ID, a, b)
			}
		}
	}
	return got.Path
}

func testPath(t *testing.T, c Client, _ *oracle) {
	// An enterprise and a product of the same industry: against the
	// direction of PRODUCT_OF on the way back.
	p := findPath(t, c, "enterprise/bailey-union", "product/abrasive", nil)
	if p == nil {
		t.Fatal("no path")
	}
	check(t, "nodes", refIDs(p.Nodes), []string{"enterprise/bailey-union", "industry/new-materials", "product/abrasive"})
	check(t, "types", []string{p.Relations[0].Type, p.Relations[1].Type}, []string{"BACKBONE_OF", "PRODUCT_OF"})

	self := findPath(t, c, "industry/food", "industry/food", nil)
	if self == nil || self.Length != 0 {
		t.Errorf("path to itself = %+v, want length 0", self)
	}
	if p := findPath(t, c, "enterprise/bailey-union", "product/abrasive", map[string]any{"types": []string{"PRODUCT_OF"}}); p != nil {
		t.Errorf("PRODUCT_OF alone cannot join an enterprise to a product, got %+v", p)
	}
	if p := findPath(t, c, "enterprise/bailey-union", "product/abrasive", map[string]any{"maxHops": 1}); p != nil {
		t.Errorf("no path of one hop exists, got %+v", p)
	}
}

// testPathIsShortest compares path lengths with distances found
// independently, from one entity of each kind to every entity.
func testPathIsShortest(t *testing.T, c Client, o *oracle) {
	for _, k := range kg.Kinds {
		from := o.ofKind(k)[0].ID
		dist := o.distances(from)
		for _, to := range o.g.Entities {
			d, reachable := dist[to.ID]
			p := findPath(t, c, from, to.ID, map[string]any{"maxHops": 12})
			switch {
			case !reachable || d > 12:
				if p != nil {
					t.Errorf("path %s → %s found, but none exists within 12 hops", from, to.ID)
				}
			case p == nil:
				t.Errorf("no path %s → %s, want one of length %d", from, to.ID, d)
			case p.Length != d:
				t.Errorf("path %s → %s has length %d, want %d", from, to.ID, p.Length, d)
			}
		}
	}
}

type subgraph struct {
	Nodes     []ref
	Relations []relation
	Truncated bool
}

const neighborhoodQuery = `query($id: ID!, $hops: Int, $types: [RelationType!], $limit: Int) {
	neighborhood(id: $id, hops: $hops, types: $types, limit: $limit) { nodes { id } relations { type from { id } to { id } } truncated } }`

func testNeighborhood(t *testing.T, c Client, o *oracle) {
	const id = "industry/new-materials"
	dist := o.distances(id)
	for hops := 0; hops <= 3; hops++ {
		var got struct{ Neighborhood subgraph }
		c.Query(t, neighborhoodQuery, map[string]any{"id": id, "hops": hops, "limit": 1000}, &got)
		g := got.Neighborhood
		var want []string
		for n, d := range dist {
			if d <= hops {
				want = append(want, n)
			}
		}
		slices.Sort(want)
		ids := refIDs(g.Nodes)
		if len(ids) == 0 || ids[0] != id {
			t.Fatalf("hops %d: nodes %v do not start with %s", hops, ids, id)
		}
		slices.Sort(ids)
		check(t, fmt.Sprintf("nodes within %d hops", hops), ids, want)
		// Closed, and complete: every relation among the nodes is there.
		in := map[string]bool{}
		for _, n := range ids {
			in[n] = true
		}
		wantRels := 0
		for _, r := range o.g.Relations {
			if in[r.From] && in[r.To] {
				wantRels++
			}
		}
		for _, r := range g.Relations {
			if !in[r.From.ID] || !in[r.To.ID] {
				t.Errorf("hops %d: relation %s→%s leaves the subgraph", hops, r.From.ID, r.To.ID)
			}
		}
		check(t, fmt.Sprintf("relations within %d hops", hops), len(g.Relations), wantRels)
		check(t, "truncated", g.Truncated, false)
	}

	var limited struct{ Neighborhood subgraph }
	c.Query(t, neighborhoodQuery, map[string]any{"id": id, "hops": 2, "limit": 3}, &limited)
	check(t, "nodes with limit 3", len(limited.Neighborhood.Nodes), 3)
	check(t, "truncated with limit 3", limited.Neighborhood.Truncated, true)

	var typed struct{ Neighborhood subgraph }
	c.Query(t, neighborhoodQuery, map[string]any{"id": id, "hops": 1, "types": []string{"PRODUCT_OF"}}, &typed)
	check(t, "PRODUCT_OF neighbours", len(typed.Neighborhood.Nodes), 1+len(o.ends(id, kg.ProductOf, false)))
	for _, r := range typed.Neighborhood.Relations {
		check(t, "relation type", r.Type, "PRODUCT_OF")
	}
}

type target struct {
	ID         string
	Metric     string
	Year       *int
	Value      float64
	ValueMax   *float64
	Unit       *string
	Comparator *string
	Subject    *ref
}

const targetFields = `id ... on Target { metric year value valueMax unit comparator subject { id } }`

func testTargets(t *testing.T, c Client, o *oracle) {
	var one struct{ Entity target }
	c.Query(t, `{ entity(id: "target/jiaozuo-innovation-program/2018-growth-rate-value-added-high-tech-industry-12") { `+targetFields+` } }`, nil, &one)
	e := one.Entity
	if e.Year == nil || *e.Year != 2018 || e.Value != 12 || e.ValueMax != nil || e.Unit == nil || *e.Unit != "percent" ||
		e.Comparator == nil || *e.Comparator != kg.MoreThan || e.Metric != "growth rate of the value-added of high-tech industries above designated size" {
		t.Errorf("target fields: %+v", e)
	}
	if e.Subject == nil || e.Subject.ID != "policy-document/jiaozuo-innovation-program" {
		t.Errorf("subject %+v, want the program", e.Subject)
	}

	for _, tc := range []struct {
		name string
		vars map[string]any
		keep func(*kg.Entity) bool
	}{
		{"all", nil, func(*kg.Entity) bool { return true }},
		{"2020", map[string]any{"year": 2020}, func(e *kg.Entity) bool { return e.Year != nil && *e.Year == 2020 }},
		{"food", map[string]any{"subject": "industry/food"}, func(e *kg.Entity) bool {
			return slices.Contains(o.ends("industry/food", kg.HasTarget, true), e.ID)
		}},
		{"program in 2018", map[string]any{"year": 2018, "subject": "policy-document/jiaozuo-innovation-program"}, func(e *kg.Entity) bool {
			return e.Year != nil && *e.Year == 2018 && slices.Contains(o.ends("policy-document/jiaozuo-innovation-program", kg.HasTarget, true), e.ID)
		}},
	} {
		var got struct{ Targets []target }
		c.Query(t, `query($year: Int, $subject: ID) { targets(year: $year, subject: $subject) { `+targetFields+` } }`, tc.vars, &got)
		var ids, want []string
		for _, x := range got.Targets {
			ids = append(ids, x.ID)
		}
		for _, x := range o.ofKind(kg.KindTarget) {
			if tc.keep(x) {
				want = append(want, x.ID)
			}
		}
		if len(want) == 0 {
			t.Fatalf("%s: the seed has no such targets", tc.name)
		}
		check(t, "targets "+tc.name, ids, want)
	}
	c.Fail(t, `{ targets(subject: "industry/nope") { id } }`, nil, "NOT_FOUND")
}

func testDocuments(t *testing.T, c Client, o *oracle) {
	var got struct {
		Documents []struct {
			ID, Title string
			Cites     []struct{ ID, Code string }
		}
		All []ref
	}
	c.Query(t, `{ documents { id title cites { id code } } all: documents(includeCited: true) { id } }`, nil, &got)
	if len(got.Documents) != 1 || got.Documents[0].ID != "policy-document/jiaozuo-innovation-program" {
		t.Fatalf("documents %+v", got.Documents)
	}
	check(t, "title", got.Documents[0].Title, o.g.Documents[0].Title)
	var cites []string
	for _, d := range got.Documents[0].Cites {
		cites = append(cites, d.ID)
		if d.Code == "" {
			t.Errorf("cited %s has no code", d.ID)
		}
	}
	// One cited by the program itself, three by its sections.
	check(t, "cites", cites, []string{"policy-document/jiao-2015-8", "policy-document/jiao-2017-15", "policy-document/jiao-2017-22", "policy-document/jiao-fa-2016-9"})
	var all []string
	for _, d := range o.ofKind(kg.KindPolicyDocument) {
		all = append(all, d.ID)
	}
	check(t, "with cited", refIDs(got.All), all)
}

func testSection(t *testing.T, c Client, o *oracle) {
	var got struct {
		Entity struct {
			Number, Title *string
			Parent        ref
		}
		Mid struct{ ResponsibleUnits []ref }
		Top struct{ Parent ref }
	}
	c.Query(t, `{ entity(id: "section/jiaozuo-innovation-program/2.4.2") { ... on Section { number title parent { id } } }
		mid: entity(id: "section/jiaozuo-innovation-program/2.4") { ... on Section { responsibleUnits { id } } }
		top: entity(id: "section/jiaozuo-innovation-program/2") { ... on Section { parent { id } } } }`, nil, &got)
	e := got.Entity
	if e.Number == nil || *e.Number != "2." || e.Title == nil || *e.Title != "To expand the four strategic emerging industries" {
		t.Errorf("number %v, title %v", e.Number, e.Title)
	}
	check(t, "parent", e.Parent.ID, "section/jiaozuo-innovation-program/2.4")
	check(t, "top-level parent", got.Top.Parent.ID, "policy-document/jiaozuo-innovation-program")
	var units []string
	for _, id := range o.ends("section/jiaozuo-innovation-program/2.4", kg.ResponsibleFor, false) {
		if o.byID[id].Kind == kg.KindGovernmentUnit {
			units = append(units, id)
		}
	}
	if len(units) == 0 {
		t.Fatal("the seed names no unit responsible for 2.4")
	}
	check(t, "responsible units", refIDs(got.Mid.ResponsibleUnits), units)
}

func testBadArguments(t *testing.T, c Client, _ *oracle) {
	for _, q := range []string{
		`{ entities(first: 101) { totalCount } }`,
		`{ entities(first: -1) { totalCount } }`,
		`{ entities(after: "not a cursor") { totalCount } }`,
		`{ search(text: "  ") { score } }`,
		`{ search(text: "food", first: 1000) { score } }`,
		`{ path(from: "industry/food", to: "industry/energy", maxHops: 13) { length } }`,
		`{ neighborhood(id: "industry/food", hops: 7) { truncated } }`,
		`{ neighborhood(id: "industry/food", limit: 1001) { truncated } }`,
		`{ entity(id: "industry/food") { relations(first: -1) { type } } }`,
		`{ entity(id: "industry/food") { nope } }`,
		`{ search(text: 3) { score } }`,
		`{ search`,
	} {
		r := c.Fail(t, q, nil, "BAD_USER_INPUT")
		if r.Status != http.StatusOK && r.Status != http.StatusBadRequest {
			t.Errorf("%s: status %d", q, r.Status)
		}
	}
	for _, q := range []string{
		`{ path(from: "industry/nope", to: "industry/food") { length } }`,
		`{ path(from: "industry/food", to: "industry/nope") { length } }`,
		`{ neighborhood(id: "industry/nope") { truncated } }`,
	} {
		c.Fail(t, q, nil, "NOT_FOUND")
	}
}

// check compares with reflect.DeepEqual, except that nil and empty
// slices are equal: JSON decoding cannot tell them apart.
func check[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	g, w := reflect.ValueOf(got), reflect.ValueOf(want)
	if g.Kind() == reflect.Slice && g.Len() == 0 && w.Len() == 0 {
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}
