package dgraph

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"policykg/kg"
)

// node is an entity node as a query returns it: the fields asked for, and
// its relations of each type (keys "kg.TYPE" out, "~kg.TYPE" in).
type node struct {
	UID     string
	ID      string
	Data    string
	Name    string
	Aliases []string
	edges   map[string][]edge
}

// edge is one relation of a node: the entity at its other end and the
// relation's sources (JSON), when the query asked for them.
type edge struct {
	other   *node
	sources string
}

func (n *node) UnmarshalJSON(b []byte) error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	for k, raw := range m {
		var err error
		switch {
		case k == "uid":
			err = json.Unmarshal(raw, &n.UID)
		case k == "kg.id":
			err = json.Unmarshal(raw, &n.ID)
		case k == "kg.data":
			err = json.Unmarshal(raw, &n.Data)
		case k == "kg.name":
			err = json.Unmarshal(raw, &n.Name)
		case k == "kg.aliases":
			err = json.Unmarshal(raw, &n.Aliases)
		case strings.HasPrefix(strings.TrimPrefix(k, "~"), "kg.") && !strings.Contains(k, "|"):
			var items []json.RawMessage
			if err = json.Unmarshal(raw, &items); err != nil {
				break
			}
			for _, item := range items {
				var e edge
				e.other = new(node)
				if err = json.Unmarshal(item, e.other); err != nil {
					break
				}
				var facets map[string]json.RawMessage
				if err = json.Unmarshal(item, &facets); err != nil {
					break
				}
				if f, ok := facets[k+"|sources"]; ok {
					if err = json.Unmarshal(f, &e.sources); err != nil {
						break
					}
				}
				if n.edges == nil {
					n.edges = map[string][]edge{}
				}
				n.edges[k] = append(n.edges[k], e)
			}
		}
		if err != nil {
			return fmt.Errorf("field %s: %w", k, err)
		}
	}
	return nil
}

// entity decodes the node's entity.
func (n *node) entity() (*kg.Entity, error) {
	e := new(kg.Entity)
	if err := json.Unmarshal([]byte(n.Data), e); err != nil {
		return nil, kg.Errorf(kg.EINTERNAL, "dgraph: entity %q: bad kg.data: %v", n.ID, err)
	}
	return e, nil
}

// relations returns the node's relations that the query fetched, of the
// given types and direction, ordered by (type, from, to); a self-relation
// is listed once.
func (n *node) relations(types []kg.RelationType, dir kg.Direction) ([]*kg.Relation, error) {
	var out []*kg.Relation
	add := func(t kg.RelationType, from, to, sources string) error {
		r := &kg.Relation{Type: t, From: from, To: to}
		if sources != "" {
			if err := json.Unmarshal([]byte(sources), &r.Sources); err != nil {
				return kg.Errorf(kg.EINTERNAL, "dgraph: relation %s %s %s: bad sources: %v", t, from, to, err)
			}
		}
		out = append(out, r)
		return nil
	}
	for _, t := range typesOrAll(types) {
		if dir != kg.In {
			for _, e := range n.edges[pred(t)] {
				if err := add(t, n.ID, e.other.ID, e.sources); err != nil {
					return nil, err
				}
			}
		}
		if dir != kg.Out {
			for _, e := range n.edges["~"+pred(t)] {
				if dir == kg.Both && e.other.ID == n.ID {
					continue // the self-relation, already taken as an out-edge
				}
				if err := add(t, e.other.ID, n.ID, e.sources); err != nil {
					return nil, err
				}
			}
		}
	}
	slices.SortFunc(out, compareRelations)
	return out, nil
}

func compareRelations(a, b *kg.Relation) int {
	return cmp.Or(cmp.Compare(a.Type, b.Type), cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
}

// edgeFields asks for the relations of the given types in a direction, with
// their sources when withSources, each other end filtered by filter (DQL,
// may be ""), as fields of a node block.
func edgeFields(types []kg.RelationType, dir kg.Direction, withSources bool, filter string) string {
	facets := ""
	if withSources {
		facets = " @facets(sources)"
	}
	var b strings.Builder
	for _, t := range typesOrAll(types) {
		if dir != kg.In {
			fmt.Fprintf(&b, "  %s%s %s { kg.id }\n", pred(t), facets, filter)
		}
		if dir != kg.Out {
			fmt.Fprintf(&b, "  ~%s%s %s { kg.id }\n", pred(t), facets, filter)
		}
	}
	return b.String()
}

// byID indexes nodes by entity ID.
func byID(nodes []*node) map[string]*node {
	m := make(map[string]*node, len(nodes))
	for _, n := range nodes {
		m[n.ID] = n
	}
	return m
}

// Entities returns the entities with the given IDs, nil for those missing
// (see kg.Store). One round trip, none for no IDs.
func (s *Store) Entities(ctx context.Context, ids []string) ([]*kg.Entity, error) {
	if err := ctxErr(ctx); err != nil {
		return nil, err
	}
	out := make([]*kg.Entity, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	var v vars
	q := v.query(fmt.Sprintf("q(func: eq(kg.id, %s)) { kg.id kg.data }\n", v.list(ids)))
	var res struct{ Q []*node }
	if err := s.query(ctx, q, v.vals, &res); err != nil {
		return nil, err
	}
	found := make(map[string]*kg.Entity, len(res.Q))
	for _, n := range res.Q {
		e, err := n.entity()
		if err != nil {
			return nil, err
		}
		found[n.ID] = e
	}
	for i, id := range ids {
		out[i] = found[id]
	}
	return out, nil
}

// List returns a page of the entities that match f, by ID (see kg.Store).
// One round trip: the page and the total count are two blocks of one query.
func (s *Store) List(ctx context.Context, f kg.ListFilter, page kg.Page) (*kg.EntityPage, error) {
	if err := ctxErr(ctx); err != nil {
		return nil, err
	}
	after, err := page.AfterID()
	if err != nil {
		return nil, err
	}
	if f.Kind != "" && !slices.Contains(kg.Kinds, f.Kind) {
		return &kg.EntityPage{}, nil
	}
	var v vars
	root, filters := "has(kg.id)", []string(nil)
	if f.Name != "" {
		root = "eq(kg.lower, " + v.str(strings.ToLower(f.Name)) + ")"
	}
	if f.Kind != "" {
		filters = append(filters, "type("+string(f.Kind)+")")
	}
	filter := func(extra ...string) string {
		all := append(slices.Clone(filters), extra...)
		if len(all) == 0 {
			return ""
		}
		return "@filter(" + strings.Join(all, " AND ") + ")"
	}
	var pageFilter []string
	if after != "" {
		pageFilter = append(pageFilter, "gt(kg.id, "+v.str(after)+")")
	}
	q := v.query(fmt.Sprintf(`page(func: %s, orderasc: kg.id, first: %d) %s { kg.id kg.data }
total(func: %s) %s { count(uid) }
`, root, page.First+1, filter(pageFilter...), root, filter()))
	var res struct {
		Page  []*node
		Total []struct {
			Count int `json:"count"`
		}
	}
	if err := s.query(ctx, q, v.vals, &res); err != nil {
		return nil, err
	}
	p := &kg.EntityPage{HasNextPage: len(res.Page) > page.First}
	if len(res.Total) > 0 {
		p.TotalCount = res.Total[0].Count
	}
	for _, n := range res.Page[:min(page.First, len(res.Page))] {
		e, err := n.entity()
		if err != nil {
			return nil, err
		}
		p.Entities = append(p.Entities, e)
	}
	return p, nil
}

// Search ranks the entities whose name or an alias matches text (see
// kg.Store). Dgraph's indexes give the candidates: names and aliases that
// start with the normalized text (a range of the sorted kg.norm index) and
// those having a word of one of its stems (kg.words). They are scored with
// kg.MatchScore, like every store's, and the best are fetched whole: two
// round trips.
func (s *Store) Search(ctx context.Context, text string, kinds []kg.Kind, first int) ([]kg.SearchHit, error) {
	if err := ctxErr(ctx); err != nil {
		return nil, err
	}
	query := kg.Normalize(text)
	if query == "" {
		return nil, kg.Errorf(kg.EINVALID, "blank search text")
	}
	if first < 0 {
		return nil, kg.Errorf(kg.EINVALID, "negative limit %d", first)
	}
	var v vars
	var kindFilter []string
	for _, k := range kinds {
		if slices.Contains(kg.Kinds, k) {
			kindFilter = append(kindFilter, "type("+string(k)+")")
		}
	}
	if len(kinds) > 0 && len(kindFilter) == 0 {
		return []kg.SearchHit{}, nil
	}
	filter := ""
	if len(kindFilter) > 0 {
		filter = "@filter(" + strings.Join(kindFilter, " OR ") + ")"
	}
	// Every normalized name starting with query sorts between query and
	// query followed by the last code point, which no name contains.
	q := v.query(fmt.Sprintf(`var(func: between(kg.norm, %s, %s)) { p as uid }
var(func: eq(kg.words, %s)) { w as uid }
c(func: uid(p, w)) %s { kg.id kg.name kg.aliases }
`, v.str(query), v.str(query+"\U0010FFFF"), v.list(kg.SearchWords(query)), filter))
	var res struct{ C []*node }
	if err := s.query(ctx, q, v.vals, &res); err != nil {
		return nil, err
	}
	type scored struct {
		id    string
		score float64
	}
	var hits []scored
	for _, n := range res.C {
		if score := kg.MatchScore(query, n.Name, n.Aliases); score > 0 {
			hits = append(hits, scored{n.ID, score})
		}
	}
	slices.SortFunc(hits, func(a, b scored) int {
		return cmp.Or(cmp.Compare(b.score, a.score), strings.Compare(a.id, b.id))
	})
	hits = hits[:min(first, len(hits))]
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.id
	}
	ents, err := s.Entities(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]kg.SearchHit, 0, len(hits))
	for i, e := range ents {
		if e != nil { // gone since the first query
			out = append(out, kg.SearchHit{Entity: e, Score: hits[i].score})
		}
	}
	return out, nil
}

// Relations returns the relations of each entity (see kg.Store): one round
// trip for all the IDs.
func (s *Store) Relations(ctx context.Context, ids []string, f kg.RelationFilter) ([][]*kg.Relation, error) {
	if err := ctxErr(ctx); err != nil {
		return nil, err
	}
	if err := f.Check(); err != nil {
		return nil, err
	}
	dir := f.Direction
	if dir == "" {
		dir = kg.Both
	}
	out := make([][]*kg.Relation, len(ids))
	var types []kg.RelationType
	for _, t := range f.Types {
		if slices.Contains(kg.RelationTypes, t) {
			types = append(types, t)
		}
	}
	if len(ids) == 0 || len(f.Types) > 0 && len(types) == 0 {
		return out, nil
	}
	var v vars
	q := v.query(fmt.Sprintf("q(func: eq(kg.id, %s)) {\n  kg.id\n%s}\n", v.list(ids), edgeFields(types, dir, true, "")))
	var res struct{ Q []*node }
	if err := s.query(ctx, q, v.vals, &res); err != nil {
		return nil, err
	}
	nodes := byID(res.Q)
	for i, id := range ids {
		n := nodes[id]
		if n == nil {
			continue
		}
		rels, err := n.relations(types, dir)
		if err != nil {
			return nil, err
		}
		if f.First > 0 && len(rels) > f.First {
			rels = rels[:f.First]
		}
		out[i] = rels
	}
	return out, nil
}

// Targets returns the targets for a year and subject, by ID (see
// kg.Store). One round trip.
func (s *Store) Targets(ctx context.Context, year *int, subject string) ([]*kg.Entity, error) {
	if err := ctxErr(ctx); err != nil {
		return nil, err
	}
	var v vars
	filter := "@filter(type(Target))"
	if year != nil {
		filter = "@filter(type(Target) AND eq(kg.year, " + v.add("int", strconv.Itoa(*year)) + "))"
	}
	var q string
	if subject == "" {
		q = v.query(fmt.Sprintf("t(func: type(Target)) %s { kg.id kg.data }\n", filter))
	} else {
		q = v.query(fmt.Sprintf("s(func: eq(kg.id, %s)) { kg.id kg.HAS_TARGET %s { kg.id kg.data } }\n", v.str(subject), filter))
	}
	var res struct {
		T []*node
		S []struct {
			Targets []*node `json:"kg.HAS_TARGET"`
		}
	}
	if err := s.query(ctx, q, v.vals, &res); err != nil {
		return nil, err
	}
	nodes := res.T
	if subject != "" {
		if len(res.S) == 0 {
			return nil, kg.Errorf(kg.ENOTFOUND, "no entity %q", subject)
		}
		nodes = res.S[0].Targets
	}
	out := make([]*kg.Entity, 0, len(nodes))
	for _, n := range nodes {
		e, err := n.entity()
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b *kg.Entity) int { return strings.Compare(a.ID, b.ID) })
	return out, nil
}

// Documents returns the loaded documents, by ID. One round trip.
func (s *Store) Documents(ctx context.Context) ([]kg.Document, error) {
	if err := ctxErr(ctx); err != nil {
		return nil, err
	}
	var res struct {
		D []struct {
			ID    string `json:"doc.id"`
			Title string `json:"doc.title"`
			Path  string `json:"doc.path"`
		}
	}
	if err := s.query(ctx, "{ d(func: type(Document)) { doc.id doc.title doc.path } }", nil, &res); err != nil {
		return nil, err
	}
	out := make([]kg.Document, len(res.D))
	for i, d := range res.D {
		out[i] = kg.Document{ID: d.ID, Title: d.Title, Path: d.Path}
	}
	slices.SortFunc(out, func(a, b kg.Document) int { return strings.Compare(a.ID, b.ID) })
	return out, nil
}
