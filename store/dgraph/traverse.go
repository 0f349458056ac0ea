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
		if slices.Contains(kg.RelationTypes, t) {
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
// come first in lexicographic order (see kg.Store), in at most three round
// trips whatever its length:
//
//  1. Dgraph's shortest finds the distance L (and whether both ends exist);
//  2. two recurse blocks give every node's distance from `from` and from
//     `to` (a recurse visits each node once, at its breadth-first level);
//     the nodes whose two distances add up to L are those on shortest paths;
//  3. one query fetches those nodes and the relations among them, through
//     which the lexicographically first path is walked greedily: from each
//     node, on to the least ID one step further from `from`.
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
	switch {
	case from == to:
		return s.walkPath(ctx, from, to, map[string]int{from: 0}, types)
	case len(res.Path) == 0:
		return nil, nil
	}
	length := pathLength(res.Path[0])
	if length == 1 {
		return s.walkPath(ctx, from, to, map[string]int{from: 0, to: 1}, types)
	}
	onPath, err := s.shortestPathNodes(ctx, from, to, length, types)
	if err != nil {
		return nil, err
	}
	return s.walkPath(ctx, from, to, onPath, types)
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

// shortestPathNodes returns the nodes on shortest paths of the given length
// between two entities, each with its distance from `from`.
func (s *Store) shortestPathNodes(ctx context.Context, from, to string, length int, types []kg.RelationType) (map[string]int, error) {
	var v vars
	preds := walkPreds(types)
	// A recurse tree of depth d has d levels: the root and the nodes up to
	// d-1 relations away.
	q := v.query(fmt.Sprintf("f(func: eq(kg.id, %s)) @recurse(depth: %d, loop: false) { kg.id%s }\nt(func: eq(kg.id, %s)) @recurse(depth: %d, loop: false) { kg.id%s }\n",
		v.str(from), length+1, preds, v.str(to), length+1, preds))
	var res struct{ F, T []map[string]any }
	if err := s.query(ctx, q, v.vals, &res); err != nil {
		return nil, err
	}
	dFrom, dTo := map[string]int{}, map[string]int{}
	levels(res.F, 0, dFrom)
	levels(res.T, 0, dTo)
	onPath := map[string]int{}
	for id, d := range dFrom {
		if e, ok := dTo[id]; ok && d+e == length {
			onPath[id] = d
		}
	}
	return onPath, nil
}

// levels records the depth at which each node of a recurse tree first
// appears.
func levels(nodes []map[string]any, depth int, into map[string]int) {
	for _, n := range nodes {
		if id, ok := n["kg.id"].(string); ok {
			if d, seen := into[id]; !seen || depth < d {
				into[id] = depth
			}
		}
		for k, children := range n {
			if list, ok := children.([]any); ok && k != "kg.id" {
				kids := make([]map[string]any, 0, len(list))
				for _, c := range list {
					if m, ok := c.(map[string]any); ok {
						kids = append(kids, m)
					}
				}
				levels(kids, depth+1, into)
			}
		}
	}
}

// walkPath fetches the nodes on shortest paths (with their distance from
// `from`) and the relations among them, and returns the lexicographically
// first path: from each node on to the least ID one step further, joined by
// the first relation between the two by (type, from, to).
func (s *Store) walkPath(ctx context.Context, from, to string, onPath map[string]int, types []kg.RelationType) (*kg.Path, error) {
	ids := make([]string, 0, len(onPath))
	for id := range onPath {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var v vars
	list := v.list(ids)
	q := v.query(fmt.Sprintf("q(func: eq(kg.id, %s)) {\n  kg.id kg.data\n%s}\n", list,
		edgeFields(types, kg.Out, true, "@filter(eq(kg.id, "+list+"))")))
	var res struct{ Q []*node }
	if err := s.query(ctx, q, v.vals, &res); err != nil {
		return nil, err
	}
	nodes := byID(res.Q)
	// The relations between a node and the next layer, by node.
	next := map[string][]*kg.Relation{}
	for _, n := range res.Q {
		out, err := n.relations(types, kg.Out)
		if err != nil {
			return nil, err
		}
		for _, r := range out {
			switch {
			case onPath[r.To] == onPath[r.From]+1:
				next[r.From] = append(next[r.From], r)
			case onPath[r.From] == onPath[r.To]+1:
				next[r.To] = append(next[r.To], r)
			}
		}
	}
	p := &kg.Path{}
	for cur := from; ; {
		n := nodes[cur]
		if n == nil {
			return nil, kg.Errorf(kg.EUNAVAILABLE, "dgraph: entity %q was deleted while the path was read; retry", cur)
		}
		e, err := n.entity()
		if err != nil {
			return nil, err
		}
		p.Nodes = append(p.Nodes, e)
		if cur == to {
			return p, nil
		}
		var best *kg.Relation
		bestNext := ""
		for _, r := range next[cur] {
			other := r.To
			if other == cur {
				other = r.From
			}
			if best == nil || other < bestNext || other == bestNext && compareRelations(r, best) < 0 {
				best, bestNext = r, other
			}
		}
		if best == nil {
			return nil, kg.Errorf(kg.EUNAVAILABLE, "dgraph: the path %s → %s changed while it was read; retry", from, to)
		}
		p.Relations = append(p.Relations, best)
		cur = bestNext
	}
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
