package dgraph

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"policykg/kg"
)

// follow returns the relation types a traversal follows: the known ones
// among types, or all when types is empty. none is true when types named
// only unknown types, so nothing can be followed.
func follow(types []kg.RelationType) (out []kg.RelationType, none bool) {
	if len(types) == 0 {
		return kg.RelationTypes, false
	}
	for _, t := range types {
		if knownType(t) {
			out = append(out, t)
		}
	}
	return out, len(out) == 0
}

// walkPreds lists the predicates of types in both directions, for the body
// of a recurse or shortest block.
func walkPreds(types []kg.RelationType) string {
	var b strings.Builder
	for _, t := range types {
		fmt.Fprintf(&b, " %s ~%s", pred(t), pred(t))
	}
	return b.String()
}

// Path returns the shortest path from one entity to another whose node IDs
// come first in lexicographic order (see kg.Store). Dgraph's shortest finds
// the distance L; one more query then asks Dgraph for the layers of nodes
// on shortest paths (distance k from `from` and L-k from `to`, by two
// recurse blocks per layer) with the edges between consecutive layers, and
// the lexicographically first path is walked through them greedily; a last
// query fetches the path's entities and relations. At most three round
// trips, whatever the path's length.
func (s *Store) Path(ctx context.Context, from, to string, maxHops int, types []kg.RelationType) (*kg.Path, error) {
	if err := ctxErr(ctx); err != nil {
		return nil, err
	}
	if maxHops < 0 {
		return nil, kg.Errorf(kg.EINVALID, "negative maxHops %d", maxHops)
	}
	types, none := follow(types)
	search := from != to && maxHops > 0 && !none

	var v vars
	blocks := fmt.Sprintf("F as var(func: eq(kg.id, %s))\nT as var(func: eq(kg.id, %s))\nends(func: uid(F, T)) { kg.id }\n", v.str(from), v.str(to))
	if search {
		blocks += fmt.Sprintf("shortest(from: uid(F), to: uid(T), depth: %d) {%s }\n", maxHops, walkPreds(types))
	}
	var res struct {
		Ends []*node
		Path []map[string]any `json:"_path_"`
	}
	if err := s.query(ctx, v.query(blocks), v.vals, &res); err != nil {
		return nil, err
	}
	found := byID(res.Ends)
	for _, id := range []string{from, to} {
		if found[id] == nil {
			return nil, kg.Errorf(kg.ENOTFOUND, "no entity %q", id)
		}
	}
	ids := []string{from}
	switch {
	case from == to:
	case len(res.Path) == 0:
		return nil, nil
	default:
		length := pathLength(res.Path[0])
		var err error
		if ids, err = s.firstShortest(ctx, from, to, length, types); err != nil {
			return nil, err
		}
	}
	return s.pathOf(ctx, ids, types)
}

// pathLength counts the edges of a path as shortest returns it: nested
// objects, one level per edge.
func pathLength(p map[string]any) int {
	n := 0
	for {
		var next map[string]any
		for k, v := range p {
			if m, ok := v.(map[string]any); ok && k != "uid" {
				next = m
			}
		}
		if next == nil {
			return n
		}
		n++
		p = next
	}
}

// firstShortest returns the node IDs of the lexicographically first path of
// the given length (the distance) between two entities.
func (s *Store) firstShortest(ctx context.Context, from, to string, length int, types []kg.RelationType) ([]string, error) {
	if length == 1 {
		return []string{from, to}, nil
	}
	var v vars
	var b strings.Builder
	preds := walkPreds(types)
	fmt.Fprintf(&b, "l0 as var(func: eq(kg.id, %s))\nl%d as var(func: eq(kg.id, %s))\n", v.str(from), length, v.str(to))
	for k := 1; k < length; k++ {
		fmt.Fprintf(&b, "var(func: uid(l0)) @recurse(depth: %d, loop: false) { f%d as uid%s }\n", k, k, preds)
		fmt.Fprintf(&b, "var(func: uid(l%d)) @recurse(depth: %d, loop: false) { t%d as uid%s }\n", length, k, k, preds)
	}
	// Layer k holds the nodes at most k from `from` and at most length-k
	// from `to`: exactly those on a shortest path, k steps along it.
	for k := 1; k < length; k++ {
		fmt.Fprintf(&b, "var(func: uid(f%d)) @filter(uid(t%d)) { l%d as uid }\n", k, length-k, k)
	}
	for k := 0; k < length; k++ {
		fmt.Fprintf(&b, "layer%d(func: uid(l%d)) {\n  kg.id\n%s}\n", k, k, edgeFields(types, kg.Both, false, fmt.Sprintf("@filter(uid(l%d))", k+1)))
	}
	var res map[string][]*node
	if err := s.query(ctx, v.query(b.String()), v.vals, &res); err != nil {
		return nil, err
	}
	ids := []string{from}
	for k := 0; k < length; k++ {
		cur := byID(res[fmt.Sprintf("layer%d", k)])[ids[k]]
		next := ""
		if cur != nil {
			for _, edges := range cur.edges {
				for _, e := range edges {
					if next == "" || e.other.ID < next {
						next = e.other.ID
					}
				}
			}
		}
		if next == "" {
			// The graph changed between the two queries.
			return nil, kg.Errorf(kg.EUNAVAILABLE, "dgraph: path %s → %s changed while it was read; retry", from, to)
		}
		ids = append(ids, next)
	}
	return ids, nil
}

// pathOf fetches the entities of a path and, between consecutive ones, the
// first relation by (type, from, to) of the followed types.
func (s *Store) pathOf(ctx context.Context, ids []string, types []kg.RelationType) (*kg.Path, error) {
	var v vars
	list := v.list(ids)
	q := v.query(fmt.Sprintf("q(func: eq(kg.id, %s)) {\n  kg.id kg.data\n%s}\n", list,
		edgeFields(types, kg.Out, true, "@filter(eq(kg.id, "+list+"))")))
	var res struct{ Q []*node }
	if err := s.query(ctx, q, v.vals, &res); err != nil {
		return nil, err
	}
	nodes := byID(res.Q)
	p := &kg.Path{}
	var rels []*kg.Relation
	for _, id := range ids {
		n := nodes[id]
		if n == nil {
			return nil, kg.Errorf(kg.EUNAVAILABLE, "dgraph: entity %q was deleted while the path was read; retry", id)
		}
		e, err := n.entity()
		if err != nil {
			return nil, err
		}
		p.Nodes = append(p.Nodes, e)
		out, err := n.relations(types, kg.Out)
		if err != nil {
			return nil, err
		}
		rels = append(rels, out...)
	}
	for i := 1; i < len(ids); i++ {
		var best *kg.Relation
		for _, r := range rels {
			joins := r.From == ids[i-1] && r.To == ids[i] || r.From == ids[i] && r.To == ids[i-1]
			if joins && (best == nil || compareRelations(r, best) < 0) {
				best = r
			}
		}
		if best == nil {
			return nil, kg.Errorf(kg.EUNAVAILABLE, "dgraph: path changed while it was read; retry")
		}
		p.Relations = append(p.Relations, best)
	}
	return p, nil
}

// Neighborhood returns the entities within hops of id and the relations
// among them (see kg.Store), in one round trip: recurse blocks give the
// nodes within each distance, one block per distance lists that layer's
// entities by ID (at most limit+1 of them) with their outgoing relations
// into the ball, and the cut at limit is made here.
func (s *Store) Neighborhood(ctx context.Context, id string, hops int, types []kg.RelationType, limit int) (*kg.Subgraph, error) {
	if err := ctxErr(ctx); err != nil {
		return nil, err
	}
	if hops < 0 || limit < 0 {
		return nil, kg.Errorf(kg.EINVALID, "negative hops %d or limit %d", hops, limit)
	}
	types, none := follow(types)
	if none {
		hops = 0
	}
	var v vars
	var b strings.Builder
	fmt.Fprintf(&b, "w0 as var(func: eq(kg.id, %s))\n", v.str(id))
	preds := walkPreds(types)
	for k := 1; k <= hops; k++ {
		fmt.Fprintf(&b, "var(func: uid(w0)) @recurse(depth: %d, loop: false) { w%d as uid%s }\n", k, k, preds)
	}
	edges := ""
	if !none {
		edges = edgeFields(types, kg.Out, true, fmt.Sprintf("@filter(uid(w%d))", hops))
	}
	fmt.Fprintf(&b, "layer0(func: uid(w0)) {\n  kg.id kg.data\n%s}\n", edges)
	for k := 1; k <= hops; k++ {
		fmt.Fprintf(&b, "layer%d(func: uid(w%d), orderasc: kg.id, first: %d) @filter(NOT uid(w%d)) {\n  kg.id kg.data\n%s}\n", k, k, limit+1, k-1, edges)
	}
	var res map[string][]*node
	if err := s.query(ctx, v.query(b.String()), v.vals, &res); err != nil {
		return nil, err
	}
	if len(res["layer0"]) == 0 {
		return nil, kg.Errorf(kg.ENOTFOUND, "no entity %q", id)
	}
	var nodes []*node
	for k := 0; k <= hops; k++ {
		nodes = append(nodes, res[fmt.Sprintf("layer%d", k)]...)
	}
	sub := &kg.Subgraph{Truncated: len(nodes) > limit}
	nodes = nodes[:min(limit, len(nodes))]
	kept := make(map[string]bool, len(nodes))
	for _, n := range nodes {
		kept[n.ID] = true
	}
	for _, n := range nodes {
		e, err := n.entity()
		if err != nil {
			return nil, err
		}
		sub.Nodes = append(sub.Nodes, e)
		if none {
			continue
		}
		out, err := n.relations(types, kg.Out)
		if err != nil {
			return nil, err
		}
		for _, r := range out {
			if kept[r.To] {
				sub.Relations = append(sub.Relations, r)
			}
		}
	}
	slices.SortFunc(sub.Relations, compareRelations)
	return sub, nil
}
