package memory

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"policykg/kg"
)

// Store is the in-memory kg.Store. The zero value is not usable; call New.
// It is safe for concurrent use.
type Store struct {
	mu  sync.Mutex // serialises Load
	idx atomic.Pointer[index]
}

var _ kg.Store = (*Store)(nil)

// New returns an empty store.
func New() *Store {
	s := &Store{}
	s.idx.Store(build(&kg.Graph{}))
	return s
}

// ctxErr returns nil while ctx is live. Otherwise it returns an error that
// carries a kg code, ELIMIT when the deadline passed and EUNAVAILABLE when
// the caller cancelled, and that still matches the context's error with
// errors.Is.
func ctxErr(ctx context.Context) error {
	err := ctx.Err()
	switch {
	case err == nil:
		return nil
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("%w: %w", kg.Errorf(kg.ELIMIT, "time limit exceeded"), err)
	}
	return fmt.Errorf("%w: %w", kg.Errorf(kg.EUNAVAILABLE, "request cancelled"), err)
}

// Load merges g into the store (see kg.Store). It returns EINVALID, and
// changes nothing, if g has an entity with an empty ID or an unknown kind,
// an entity whose kind differs from the one its ID already has, a relation
// of an unknown type or whose ends are neither in g nor in the store, or a
// document with an empty ID. g itself is never modified.
func (s *Store) Load(ctx context.Context, g *kg.Graph) error {
	if err := ctxErr(ctx); err != nil {
		return err
	}
	if g == nil {
		return kg.Errorf(kg.EINVALID, "no graph to load")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	cur := s.idx.Load()
	if err := cur.check(g); err != nil {
		return err
	}
	// Merging into an empty graph copies; the current graph stays as
	// readers see it.
	merged := &kg.Graph{}
	merged.Merge(cur.graph)
	merged.Merge(g)
	next := build(merged)
	if err := ctxErr(ctx); err != nil {
		return err
	}
	s.idx.Store(next)
	return nil
}

// Ready returns nil: a store can answer queries as soon as it is made,
// before any Load (with an empty graph).
func (s *Store) Ready(context.Context) error { return nil }

// Entities returns the entities with the given IDs (see kg.Store).
func (s *Store) Entities(ctx context.Context, ids []string) ([]*kg.Entity, error) {
	if err := ctxErr(ctx); err != nil {
		return nil, err
	}
	ix := s.idx.Load()
	out := make([]*kg.Entity, len(ids))
	for i, id := range ids {
		if n := ix.nodes[id]; n != nil {
			out[i] = n.entity
		}
	}
	return out, nil
}

// List returns a page of the entities that match f, by ID (see kg.Store).
// The Name filter compares names and aliases with it after strings.ToLower
// on both sides.
func (s *Store) List(ctx context.Context, f kg.ListFilter, page kg.Page) (*kg.EntityPage, error) {
	if err := ctxErr(ctx); err != nil {
		return nil, err
	}
	after, err := page.AfterID()
	if err != nil {
		return nil, err
	}
	matches := s.idx.Load().list(f)
	i := sort.Search(len(matches), func(i int) bool { return matches[i].ID > after })
	j := min(i+page.First, len(matches))
	return &kg.EntityPage{
		Entities:    matches[i:j:j], // capped, so that appending cannot write into the index
		HasNextPage: j < len(matches),
		TotalCount:  len(matches),
	}, nil
}

// list returns the entities that match f, by ID.
func (ix *index) list(f kg.ListFilter) []*kg.Entity {
	if f.Name == "" {
		if f.Kind == "" {
			return ix.all
		}
		return ix.byKind[f.Kind]
	}
	named := ix.byName[strings.ToLower(f.Name)]
	if f.Kind == "" {
		return named
	}
	var out []*kg.Entity
	for _, e := range named {
		if e.Kind == f.Kind {
			out = append(out, e)
		}
	}
	return out
}

// Search ranks the entities whose name or an alias matches text (see
// kg.Store). Its candidates are the entities with a name or alias that
// starts with the normalized text, found by binary search, and those with a
// name or alias containing one of its search words (kg.SearchWords): every
// entity kg.MatchScore can score above zero.
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
	ix := s.idx.Load()
	var hits []kg.SearchHit
	seen := map[*kg.Entity]bool{}
	consider := func(e *kg.Entity) {
		if seen[e] {
			return
		}
		seen[e] = true
		if len(kinds) > 0 && !slices.Contains(kinds, e.Kind) {
			return
		}
		if score := kg.MatchScore(query, e.Name, e.Aliases); score > 0 {
			hits = append(hits, kg.SearchHit{Entity: e, Score: score})
		}
	}
	i := sort.Search(len(ix.names), func(i int) bool { return ix.names[i].key >= query })
	for ; i < len(ix.names) && strings.HasPrefix(ix.names[i].key, query); i++ {
		consider(ix.names[i].entity)
	}
	for _, w := range kg.SearchWords(query) {
		for _, e := range ix.words[w] {
			consider(e)
		}
	}
	slices.SortFunc(hits, func(a, b kg.SearchHit) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), strings.Compare(a.Entity.ID, b.Entity.ID))
	})
	return hits[:min(first, len(hits))], nil
}

// Relations returns the relations of each entity (see kg.Store). EINVALID
// for an unknown direction or a negative First.
func (s *Store) Relations(ctx context.Context, ids []string, f kg.RelationFilter) ([][]*kg.Relation, error) {
	if err := ctxErr(ctx); err != nil {
		return nil, err
	}
	if err := f.Check(); err != nil {
		return nil, err
	}
	ix := s.idx.Load()
	out := make([][]*kg.Relation, len(ids))
	for i, id := range ids {
		n := ix.nodes[id]
		if n == nil {
			continue
		}
		rels := n.both
		switch f.Direction {
		case kg.Out:
			rels = n.out
		case kg.In:
			rels = n.in
		}
		for _, r := range rels {
			if f.First > 0 && len(out[i]) == f.First {
				break
			}
			if f.Matches(r.Type) {
				out[i] = append(out[i], r)
			}
		}
	}
	return out, nil
}

// Path returns the shortest path between two entities whose node IDs come
// first in lexicographic order (see kg.Store); where several relations join
// two consecutive nodes it takes the first by (type, from, to). from == to
// gives a path of that one entity. EINVALID for a negative maxHops; ELIMIT
// if the context's deadline passes during the search.
func (s *Store) Path(ctx context.Context, from, to string, maxHops int, types []kg.RelationType) (*kg.Path, error) {
	if err := ctxErr(ctx); err != nil {
		return nil, err
	}
	if maxHops < 0 {
		return nil, kg.Errorf(kg.EINVALID, "negative maxHops %d", maxHops)
	}
	ix := s.idx.Load()
	src, err := ix.node(from)
	if err != nil {
		return nil, err
	}
	dst, err := ix.node(to)
	if err != nil {
		return nil, err
	}
	reached, err := ix.walk(ctx, src, maxHops, types, func(level []*node) bool { return !slices.Contains(level, dst) })
	if err != nil {
		return nil, err
	}
	if _, ok := reached[dst]; !ok {
		return nil, nil
	}
	p := &kg.Path{Nodes: []*kg.Entity{dst.entity}}
	for n := dst; n != src; {
		back := reached[n]
		p.Nodes = append(p.Nodes, back.node.entity)
		p.Relations = append(p.Relations, back.rel)
		n = back.node
	}
	slices.Reverse(p.Nodes)
	slices.Reverse(p.Relations)
	return p, nil
}

// Neighborhood returns the entities within hops of id and the relations
// among them (see kg.Store). Only relations of the given types (all when
// empty) are followed and returned. Nodes come nearest first, by ID within
// a distance; relations by (type, from, to). hops 0 gives the entity alone;
// limit 0 gives no entities, and Truncated. EINVALID for a negative hops or
// limit; ELIMIT if the context's deadline passes during the search.
func (s *Store) Neighborhood(ctx context.Context, id string, hops int, types []kg.RelationType, limit int) (*kg.Subgraph, error) {
	if err := ctxErr(ctx); err != nil {
		return nil, err
	}
	if hops < 0 || limit < 0 {
		return nil, kg.Errorf(kg.EINVALID, "negative hops %d or limit %d", hops, limit)
	}
	ix := s.idx.Load()
	start, err := ix.node(id)
	if err != nil {
		return nil, err
	}
	var nodes []*node
	_, err = ix.walk(ctx, start, hops, types, func(level []*node) bool {
		k := len(nodes)
		nodes = append(nodes, level...)
		slices.SortFunc(nodes[k:], func(a, b *node) int { return strings.Compare(a.entity.ID, b.entity.ID) })
		return len(nodes) <= limit
	})
	if err != nil {
		return nil, err
	}
	sub := &kg.Subgraph{Truncated: len(nodes) > limit}
	nodes = nodes[:min(limit, len(nodes))]
	kept := make(map[string]bool, len(nodes))
	for _, n := range nodes {
		sub.Nodes = append(sub.Nodes, n.entity)
		kept[n.entity.ID] = true
	}
	// Each relation is taken once, from its From end.
	for _, n := range nodes {
		for _, r := range n.out {
			if kept[r.To] && kg.HasType(types, r.Type) {
				sub.Relations = append(sub.Relations, r)
			}
		}
	}
	slices.SortFunc(sub.Relations, compareRelations)
	return sub, nil
}

// Targets returns the targets for a year and subject, by ID (see kg.Store).
func (s *Store) Targets(ctx context.Context, year *int, subject string) ([]*kg.Entity, error) {
	if err := ctxErr(ctx); err != nil {
		return nil, err
	}
	ix := s.idx.Load()
	candidates := ix.byKind[kg.KindTarget]
	if subject != "" {
		n, err := ix.node(subject)
		if err != nil {
			return nil, err
		}
		// n.out is ordered by (type, to) here, so the targets come by ID.
		candidates = nil
		for _, r := range n.out {
			if r.Type == kg.HasTarget {
				candidates = append(candidates, ix.nodes[r.To].entity)
			}
		}
	}
	var out []*kg.Entity
	for _, e := range candidates {
		if e.Kind == kg.KindTarget && (year == nil || e.Year != nil && *e.Year == *year) {
			out = append(out, e)
		}
	}
	return out, nil
}

// Documents returns the loaded documents, by ID.
func (s *Store) Documents(ctx context.Context) ([]kg.Document, error) {
	if err := ctxErr(ctx); err != nil {
		return nil, err
	}
	return slices.Clone(s.idx.Load().graph.Documents), nil
}
