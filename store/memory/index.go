package memory

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"policykg/kg"
)

// index is an immutable view of one merged graph with the lookups the
// queries use. Every *kg.Entity and *kg.Relation in it points into graph,
// which nothing changes after build.
type index struct {
	graph  *kg.Graph
	nodes  map[string]*node         // by entity ID
	all    []*kg.Entity             // every entity, by ID
	byKind map[kg.Kind][]*kg.Entity // by ID within a kind
	byName map[string][]*kg.Entity  // strings.ToLower of a name or alias → entities, by ID
	words  map[string][]*kg.Entity  // the stem (kg.Stem) of a word of a name or alias → entities, by ID
	names  []nameKey                // normalized names and aliases, sorted, for prefix lookups
}

// nameKey is a normalized (kg.Normalize) name or alias of an entity.
type nameKey struct {
	key    string
	entity *kg.Entity
}

// node is an entity with its relations.
type node struct {
	entity        *kg.Entity
	out, in, both []*kg.Relation // by (type, from, to); both has a self-relation once
	links         []link         // to other entities, by their ID, then by relation
}

// link is a relation seen from one of its ends: node is the other end.
type link struct {
	node *node
	rel  *kg.Relation
}

// build indexes g, which must be sorted (kg.Graph.Sort) and closed: both
// ends of every relation are among its entities.
func build(g *kg.Graph) *index {
	ix := &index{
		graph:  g,
		nodes:  make(map[string]*node, len(g.Entities)),
		all:    make([]*kg.Entity, 0, len(g.Entities)),
		byKind: map[kg.Kind][]*kg.Entity{},
		byName: map[string][]*kg.Entity{},
		words:  map[string][]*kg.Entity{},
	}
	// Entities come in ID order, so every list built here is in ID order too.
	for i := range g.Entities {
		e := &g.Entities[i]
		ix.nodes[e.ID] = &node{entity: e}
		ix.all = append(ix.all, e)
		ix.byKind[e.Kind] = append(ix.byKind[e.Kind], e)
		for _, name := range append([]string{e.Name}, e.Aliases...) {
			addOnce(ix.byName, strings.ToLower(name), e)
			for _, w := range kg.Words(name) {
				addOnce(ix.words, kg.Stem(w), e)
			}
			if key := kg.Normalize(name); key != "" {
				ix.names = append(ix.names, nameKey{key, e})
			}
		}
	}
	slices.SortFunc(ix.names, func(a, b nameKey) int {
		return cmp.Or(strings.Compare(a.key, b.key), strings.Compare(a.entity.ID, b.entity.ID))
	})
	// Relations come in (type, from, to) order, and so do the lists built here.
	for i := range g.Relations {
		r := &g.Relations[i]
		from, to := ix.nodes[r.From], ix.nodes[r.To]
		from.out = append(from.out, r)
		to.in = append(to.in, r)
		from.both = append(from.both, r)
		if from != to {
			to.both = append(to.both, r)
			from.links = append(from.links, link{to, r})
			to.links = append(to.links, link{from, r})
		}
	}
	for _, n := range ix.nodes {
		slices.SortFunc(n.links, func(a, b link) int {
			return cmp.Or(strings.Compare(a.node.entity.ID, b.node.entity.ID), compareRelations(a.rel, b.rel))
		})
	}
	return ix
}

// addOnce appends e to m[key] unless it is already the last entity there.
func addOnce(m map[string][]*kg.Entity, key string, e *kg.Entity) {
	if l := m[key]; len(l) == 0 || l[len(l)-1] != e {
		m[key] = append(l, e)
	}
}

// compareRelations orders relations by (type, from, to).
func compareRelations(a, b *kg.Relation) int {
	return cmp.Or(cmp.Compare(a.Type, b.Type), cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
}

// check returns an EINVALID error if g cannot be merged into the index's
// graph: an entity with an empty ID, an unknown kind or a kind other than
// the one its ID already has, a relation of an unknown type or with an end
// that is neither in g nor in the index, or a document with an empty ID.
func (ix *index) check(g *kg.Graph) error {
	if err := g.Check(); err != nil {
		return err
	}
	inGraph := make(map[string]bool, len(g.Entities))
	for _, e := range g.Entities {
		if n := ix.nodes[e.ID]; n != nil && n.entity.Kind != e.Kind {
			return kg.Errorf(kg.EINVALID, "entity %q is a %s, not a %s", e.ID, n.entity.Kind, e.Kind)
		}
		inGraph[e.ID] = true
	}
	for _, r := range g.Relations {
		for _, end := range []string{r.From, r.To} {
			if !inGraph[end] && ix.nodes[end] == nil {
				return kg.Errorf(kg.EINVALID, "relation %s %s → %s: no entity %q", r.Type, r.From, r.To, end)
			}
		}
	}
	return nil
}

// node returns the node of an entity, or an ENOTFOUND error.
func (ix *index) node(id string) (*node, error) {
	if n := ix.nodes[id]; n != nil {
		return n, nil
	}
	return nil, kg.Errorf(kg.ENOTFOUND, "no entity %q", id)
}

// checkEvery is how many nodes a walk expands between looks at its context.
const checkEvery = 256

// walk searches breadth-first from start over relations of the given types
// (all when empty), in either direction, at most hops deep. It calls visit
// with [start], then with the nodes first reached at each further distance
// in the order reached, and stops early when visit returns false. It
// returns, for each node reached, the link it was first reached by (from
// the node before it; the zero link for start).
//
// Since a node's links are taken in order of neighbour ID and each level in
// the order reached, every node is first reached along the shortest path
// whose node IDs come first in lexicographic order, and by the first of
// the relations (type, from, to) joining its last two nodes.
func (ix *index) walk(ctx context.Context, start *node, hops int, types []kg.RelationType, visit func([]*node) bool) (map[*node]link, error) {
	reached := map[*node]link{start: {}}
	level := []*node{start}
	expanded := 0
	for depth := 0; visit(level) && depth < hops; depth++ {
		var next []*node
		for _, n := range level {
			if expanded%checkEvery == 0 {
				if err := ctxErr(ctx); err != nil {
					return nil, err
				}
			}
			expanded++
			for _, l := range n.links {
				if _, seen := reached[l.node]; seen || !kg.HasType(types, l.rel.Type) {
					continue
				}
				reached[l.node] = link{n, l.rel}
				next = append(next, l.node)
			}
		}
		if len(next) == 0 {
			break
		}
		level = next
	}
	return reached, nil
}
