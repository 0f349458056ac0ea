package graph

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/99designs/gqlgen/graphql"

	"policykg/kg"
)

// reader is the read side of kg.Store: every store method a resolver may
// call. Resolvers get one from Resolver.store, never the store itself.
type reader interface {
	Entities(ctx context.Context, ids []string) ([]*kg.Entity, error)
	List(ctx context.Context, f kg.ListFilter, page kg.Page) (*kg.EntityPage, error)
	Search(ctx context.Context, text string, kinds []kg.Kind, first int) ([]kg.SearchHit, error)
	Relations(ctx context.Context, ids []string, f kg.RelationFilter) ([][]*kg.Relation, error)
	Path(ctx context.Context, from, to string, maxHops int, types []kg.RelationType) (*kg.Path, error)
	Neighborhood(ctx context.Context, id string, hops int, types []kg.RelationType, limit int) (*kg.Subgraph, error)
	Targets(ctx context.Context, year *int, subject string) ([]*kg.Entity, error)
	Documents(ctx context.Context) ([]kg.Document, error)
}

var _ reader = (*cache)(nil)

// Batching is the gqlgen extension that gives each GraphQL operation its
// own cache in front of the store (see the package documentation):
//
//	srv.Use(graph.Batching{})
//
// Without it resolvers call the store directly, once per object.
type Batching struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.ResponseInterceptor
} = Batching{}

func (Batching) ExtensionName() string                   { return "Batching" }
func (Batching) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptResponse runs the operation with a new, empty cache. It is a
// response interceptor because the context it passes on is the one the
// root resolvers run in, whatever the transport does with the operation's
// context; a query makes one response, so one cache serves the whole of it.
func (Batching) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	return next(context.WithValue(ctx, slotKey{}, &slot{}))
}

type slotKey struct{}

// slot holds an operation's cache, made on first use for the resolver
// that first asks.
type slot struct {
	once  sync.Once
	owner *Resolver
	cache *cache
}

// store returns what resolvers read from: the operation's cache, or the
// store itself outside an operation with Batching.
func (r *Resolver) store(ctx context.Context) reader {
	if c := r.cache(ctx); c != nil {
		return c
	}
	return r.backend
}

// cache returns the operation's cache in front of r's store, or nil.
func (r *Resolver) cache(ctx context.Context) *cache {
	s, ok := ctx.Value(slotKey{}).(*slot)
	if !ok {
		return nil
	}
	s.once.Do(func() { s.owner, s.cache = r, newCache(r.backend) })
	if s.owner != r {
		return nil // another schema's resolver in the same context: not ours to share
	}
	return s.cache
}

// cache answers the reads of one operation, remembering entities and
// relations so that each is fetched from the store at most once, and
// fetching what it lacks for many IDs in one store call. Its answers are
// the store's: Entities and Relations give what the store would give for
// the same arguments (the kg.Store contract), and the other methods pass
// through, remembering the entities they return. It is safe for
// concurrent use.
//
// The cache never expires anything: it lives as long as one operation.
type cache struct {
	store kg.Store

	mu   sync.Mutex
	ents map[string]*kg.Entity // by ID; nil for an ID known to name no entity
	rels map[string]*relEntry  // by entity ID
}

// relEntry is what the cache knows of one entity's relations: every
// relation of the types it has fetched that touches the entity, in either
// direction, in the store's order (type, from, to). Entries are never
// changed, only replaced, so a reader may keep one after unlocking.
type relEntry struct {
	all   bool              // every type has been fetched
	types []kg.RelationType // the types fetched, unless all
	rels  []*kg.Relation
}

func newCache(s kg.Store) *cache {
	return &cache{store: s, ents: map[string]*kg.Entity{}, rels: map[string]*relEntry{}}
}

// remember adds entities the store returned to the cache.
func (c *cache) remember(ents ...*kg.Entity) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, e := range ents {
		if e != nil {
			c.ents[e.ID] = e
		}
	}
}

// Entities answers from the cache and fetches the IDs it has not seen in
// one store call.
func (c *cache) Entities(ctx context.Context, ids []string) ([]*kg.Entity, error) {
	if ctx.Err() != nil {
		return c.store.Entities(ctx, ids) // the store's error, as without the cache
	}
	out := make([]*kg.Entity, len(ids))
	var m misses
	c.mu.Lock()
	for i, id := range ids {
		if e, ok := c.ents[id]; ok {
			out[i] = e
		} else {
			m.add(id)
		}
	}
	c.mu.Unlock()
	if len(m.ids) == 0 {
		return out, nil
	}
	got, err := c.store.Entities(ctx, m.ids)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for j, id := range m.ids {
		c.ents[id] = got[j]
	}
	for i, id := range ids {
		if out[i] == nil {
			out[i] = c.ents[id]
		}
	}
	return out, nil
}

// Relations answers, for each ID whose entry holds every type f asks for,
// from the cache; it fetches the others in one store call, in both
// directions and without a limit, and keeps them.
func (c *cache) Relations(ctx context.Context, ids []string, f kg.RelationFilter) ([][]*kg.Relation, error) {
	switch {
	case ctx.Err() != nil, f.Check() != nil:
		return c.store.Relations(ctx, ids, f) // the store's error
	}
	out := make([][]*kg.Relation, len(ids))
	var m misses
	c.mu.Lock()
	for i, id := range ids {
		if e := c.rels[id]; e.covers(f.Types) {
			out[i] = e.filter(id, f)
		} else {
			m.add(id)
		}
	}
	c.mu.Unlock()
	if len(m.ids) == 0 {
		return out, nil
	}
	got, err := c.store.Relations(ctx, m.ids, kg.RelationFilter{Types: f.Types, Direction: kg.Both})
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for j, id := range m.ids {
		c.rels[id] = c.rels[id].merge(f.Types, got[j])
	}
	for i, id := range ids {
		if out[i] == nil { // missing, or empty: filtering again costs nothing
			out[i] = c.rels[id].filter(id, f)
		}
	}
	return out, nil
}

// misses collects the IDs a call lacks, each once, in order.
type misses struct {
	ids  []string
	seen map[string]bool // once there are many
}

func (m *misses) add(id string) {
	if m.seen == nil && len(m.ids) < 16 {
		if !slices.Contains(m.ids, id) {
			m.ids = append(m.ids, id)
		}
		return
	}
	if m.seen == nil {
		m.seen = make(map[string]bool, 2*len(m.ids))
		for _, x := range m.ids {
			m.seen[x] = true
		}
	}
	if !m.seen[id] {
		m.seen[id] = true
		m.ids = append(m.ids, id)
	}
}

// cached returns what Relations returns for id under f if the cache
// holds it, and false if it does not.
func (c *cache) cached(id string, f kg.RelationFilter) ([]*kg.Relation, bool) {
	c.mu.Lock()
	e := c.rels[id]
	c.mu.Unlock()
	if !e.covers(f.Types) {
		return nil, false
	}
	return e.filter(id, f), true
}

// covers reports whether the entry holds every relation of the types
// (all types when empty). A nil entry holds none.
func (e *relEntry) covers(types []kg.RelationType) bool {
	switch {
	case e == nil:
		return false
	case e.all:
		return true
	case len(types) == 0:
		return false
	}
	for _, t := range types {
		if !slices.Contains(e.types, t) {
			return false
		}
	}
	return true
}

// merge returns a new entry with the relations of the given types (all
// when empty) replaced by rels, which the store returned for them.
func (e *relEntry) merge(types []kg.RelationType, rels []*kg.Relation) *relEntry {
	if len(types) == 0 {
		return &relEntry{all: true, rels: rels}
	}
	n := &relEntry{}
	if e != nil {
		n.all = e.all
		n.types = slices.Clone(e.types)
		for _, r := range e.rels {
			if !slices.Contains(types, r.Type) {
				n.rels = append(n.rels, r)
			}
		}
	}
	for _, t := range types {
		if !slices.Contains(n.types, t) {
			n.types = append(n.types, t)
		}
	}
	n.rels = append(n.rels, rels...)
	// Both parts are in the store's order and hold different types, so
	// ordering by type alone restores the order of the whole.
	slices.SortStableFunc(n.rels, func(a, b *kg.Relation) int { return strings.Compare(string(a.Type), string(b.Type)) })
	return n
}

// filter returns what the store returns for id under f, from an entry
// that covers f.Types: a self-relation is both Out and In, and once in Both.
func (e *relEntry) filter(id string, f kg.RelationFilter) []*kg.Relation {
	keep := func(r *kg.Relation) bool {
		return f.Matches(r.Type) && (f.Direction != kg.Out || r.From == id) && (f.Direction != kg.In || r.To == id)
	}
	n := 0 // count first, to allocate once
	for _, r := range e.rels {
		if keep(r) {
			n++
		}
	}
	if f.First > 0 {
		n = min(n, f.First)
	}
	if n == 0 {
		return nil
	}
	out := make([]*kg.Relation, 0, n)
	for _, r := range e.rels {
		if len(out) == n {
			break
		}
		if keep(r) {
			out = append(out, r)
		}
	}
	return out
}

func (c *cache) List(ctx context.Context, f kg.ListFilter, page kg.Page) (*kg.EntityPage, error) {
	p, err := c.store.List(ctx, f, page)
	if err == nil {
		c.remember(p.Entities...)
	}
	return p, err
}

func (c *cache) Search(ctx context.Context, text string, kinds []kg.Kind, first int) ([]kg.SearchHit, error) {
	hits, err := c.store.Search(ctx, text, kinds, first)
	if err == nil {
		ents := make([]*kg.Entity, len(hits))
		for i, h := range hits {
			ents[i] = h.Entity
		}
		c.remember(ents...)
	}
	return hits, err
}

func (c *cache) Path(ctx context.Context, from, to string, maxHops int, types []kg.RelationType) (*kg.Path, error) {
	p, err := c.store.Path(ctx, from, to, maxHops, types)
	if err == nil && p != nil {
		c.remember(p.Nodes...)
	}
	return p, err
}

func (c *cache) Neighborhood(ctx context.Context, id string, hops int, types []kg.RelationType, limit int) (*kg.Subgraph, error) {
	g, err := c.store.Neighborhood(ctx, id, hops, types, limit)
	if err == nil && g != nil {
		c.remember(g.Nodes...)
	}
	return g, err
}

func (c *cache) Targets(ctx context.Context, year *int, subject string) ([]*kg.Entity, error) {
	ts, err := c.store.Targets(ctx, year, subject)
	if err == nil {
		c.remember(ts...)
	}
	return ts, err
}

func (c *cache) Documents(ctx context.Context) ([]kg.Document, error) {
	return c.store.Documents(ctx)
}
