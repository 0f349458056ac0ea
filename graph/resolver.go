package graph

import (
	"context"
	"slices"

	"policykg/graph/model"
	"policykg/kg"
)

// Bounds on arguments, so that one request cannot ask for the whole graph.
// Larger values are refused with BAD_USER_INPUT rather than quietly cut.
const (
	MaxPage      = 100  // entities(first), search(first)
	MaxHops      = 12   // path(maxHops)
	MaxNeighbors = 6    // neighborhood(hops)
	MaxLimit     = 1000 // neighborhood(limit)
)

// Resolver holds the resolvers' one dependency: the store. The resolvers
// turn arguments into store calls and store values into GraphQL types,
// nothing more. They read through r.store(ctx), the operation's cache
// (see batch.go), never through backend directly.
type Resolver struct {
	backend kg.Store
}

// NewResolver returns the root resolver over a store.
func NewResolver(s kg.Store) *Resolver { return &Resolver{backend: s} }

// entity returns one entity by ID, or nil if there is none.
func (r *Resolver) entity(ctx context.Context, id string) (*kg.Entity, error) {
	ents, err := r.store(ctx).Entities(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	return ents[0], nil
}

// relations returns an entity's relations that pass a filter. The store
// refuses a negative first; first: 0 asks for none, where the store's
// First 0 means no limit.
func (r *Resolver) relations(ctx context.Context, id string, types []kg.RelationType, dir *kg.Direction, first *int) ([]kg.Relation, error) {
	f := kg.RelationFilter{Types: types, Direction: kg.Both}
	if dir != nil {
		f.Direction = *dir
	}
	if first != nil {
		if *first == 0 {
			return []kg.Relation{}, nil
		}
		f.First = *first
	}
	rels, err := r.store(ctx).Relations(ctx, []string{id}, f)
	if err != nil {
		return nil, err
	}
	return values(rels[0]), nil
}

// related returns the entities at the other end of an entity's relations
// of one type in one direction (Out: the entity is From), ordered by ID.
func (r *Resolver) related(ctx context.Context, id string, t kg.RelationType, dir kg.Direction) ([]*kg.Entity, error) {
	s := r.store(ctx)
	rels, err := s.Relations(ctx, []string{id}, kg.RelationFilter{Types: []kg.RelationType{t}, Direction: dir})
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(rels[0]))
	for _, rel := range rels[0] {
		if dir == kg.Out {
			ids = append(ids, rel.To)
		} else {
			ids = append(ids, rel.From)
		}
	}
	ents, err := s.Entities(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := ents[:0]
	for _, e := range ents {
		if e != nil {
			out = append(out, e)
		}
	}
	return out, nil
}

// relatedOf is related, keeping only one kind and viewing each as its type.
func relatedOf[T any](ctx context.Context, r *Resolver, id string, t kg.RelationType, dir kg.Direction, kind kg.Kind, view func(*kg.Entity) T) ([]T, error) {
	ents, err := r.related(ctx, id, t, dir)
	if err != nil {
		return nil, err
	}
	out := make([]T, 0, len(ents))
	for _, e := range ents {
		if e.Kind == kind {
			out = append(out, view(e))
		}
	}
	return out, nil
}

// entities views store entities as GraphQL entities.
func entities(ents []*kg.Entity) ([]model.Entity, error) {
	out := make([]model.Entity, len(ents))
	for i, e := range ents {
		v, err := view(e)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}

// view views a store entity as its GraphQL type; nil stays nil.
func view(e *kg.Entity) (model.Entity, error) {
	if e == nil {
		return nil, nil
	}
	v := model.NewEntity(e)
	if v == nil {
		return nil, kg.Errorf(kg.EINTERNAL, "entity %s has unknown kind %q", e.ID, e.Kind)
	}
	return v, nil
}

func values(rels []*kg.Relation) []kg.Relation {
	out := make([]kg.Relation, len(rels))
	for i, r := range rels {
		out[i] = *r
	}
	return out
}

// orDefault returns *p, or def when the argument was null.
func orDefault(p *int, def int) int {
	if p == nil {
		return def
	}
	return *p
}

// inRange checks an integer argument.
func inRange(name string, v, lo, hi int) error {
	if v < lo || v > hi {
		return kg.Errorf(kg.EINVALID, "%s must be between %d and %d, not %d", name, lo, hi, v)
	}
	return nil
}

func industryView(e *kg.Entity) model.Industry             { return model.Industry{Entity: e} }
func industryGroupView(e *kg.Entity) model.IndustryGroup   { return model.IndustryGroup{Entity: e} }
func enterpriseView(e *kg.Entity) model.Enterprise         { return model.Enterprise{Entity: e} }
func productView(e *kg.Entity) model.Product               { return model.Product{Entity: e} }
func governmentUnitView(e *kg.Entity) model.GovernmentUnit { return model.GovernmentUnit{Entity: e} }
func sectionView(e *kg.Entity) model.Section               { return model.Section{Entity: e} }
func targetView(e *kg.Entity) model.Target                 { return model.Target{Entity: e} }
func policyDocumentView(e *kg.Entity) model.PolicyDocument { return model.PolicyDocument{Entity: e} }

// end returns the entity at one end of a relation.
func (r *Resolver) end(ctx context.Context, id string) (model.Entity, error) {
	e, err := r.entity(ctx, id)
	if err != nil {
		return nil, err
	}
	if e == nil {
		return nil, kg.Errorf(kg.EINTERNAL, "relation end %q is not in the store", id)
	}
	return view(e)
}

// partnerOf returns the programs an organisation partners with.
func (r *Resolver) partnerOf(ctx context.Context, id string) ([]model.Entity, error) {
	ents, err := r.related(ctx, id, kg.PartnerOf, kg.Out)
	if err != nil {
		return nil, err
	}
	return entities(ents)
}

// maxOutline bounds how deep cites looks into a document's outline.
const maxOutline = 16

// cites returns the documents a document cites, itself or in one of its
// sections, ordered by ID.
func (r *Resolver) cites(ctx context.Context, id string) ([]model.PolicyDocument, error) {
	cited, err := citations(ctx, r.store(ctx), []string{id})
	if err != nil {
		return nil, err
	}
	return r.documentsByID(ctx, cited[0])
}

// citations returns, for each document ID, the IDs of the documents it
// cites, itself or in one of its sections, ordered by ID. It reads the
// outlines of all the documents together, a level at a time, and then
// their citations, so the number of store calls grows with the outlines'
// depth only: the same for one document as for fifty. The cites resolver
// and the prefetch share it, so that the prefetch warms exactly what the
// resolver reads.
func citations(ctx context.Context, s reader, docs []string) ([][]string, error) {
	type part struct {
		id  string
		doc int // index in docs
	}
	seen := map[part]bool{}
	var parts, level []part
	for i, id := range docs {
		level = append(level, part{id, i})
		seen[part{id, i}] = true
	}
	parts = append(parts, level...)
	partOf := kg.RelationFilter{Types: []kg.RelationType{kg.PartOf}, Direction: kg.In}
	for depth := 0; len(level) > 0 && depth < maxOutline; depth++ {
		rels, err := s.Relations(ctx, mapSlice(level, func(p part) string { return p.id }), partOf)
		if err != nil {
			return nil, err
		}
		var children []part
		for j, list := range rels {
			for _, rel := range list {
				// A part met again was met first no deeper: its children come from there.
				if c := (part{rel.From, level[j].doc}); !seen[c] {
					seen[c] = true
					children = append(children, c)
				}
			}
		}
		parts = append(parts, children...)
		level = children
	}
	rels, err := s.Relations(ctx, mapSlice(parts, func(p part) string { return p.id }), kg.RelationFilter{Types: []kg.RelationType{kg.Cites}, Direction: kg.Out})
	if err != nil {
		return nil, err
	}
	out := make([][]string, len(docs))
	cited := map[part]bool{}
	for j, list := range rels {
		d := parts[j].doc
		for _, rel := range list {
			if c := (part{rel.To, d}); !cited[c] {
				cited[c] = true
				out[d] = append(out[d], rel.To)
			}
		}
	}
	for _, ids := range out {
		slices.Sort(ids)
	}
	return out, nil
}

// documents returns the loaded documents, and with cited the documents
// they cite too, ordered by ID.
func (r *Resolver) documents(ctx context.Context, cited bool) ([]model.PolicyDocument, error) {
	if cited {
		var out []model.PolicyDocument
		for page := (kg.Page{First: MaxPage}); ; {
			p, err := r.store(ctx).List(ctx, kg.ListFilter{Kind: kg.KindPolicyDocument}, page)
			if err != nil {
				return nil, err
			}
			for _, e := range p.Entities {
				out = append(out, policyDocumentView(e))
			}
			if !p.HasNextPage || len(p.Entities) == 0 {
				return out, nil
			}
			page.After = kg.Cursor(p.Entities[len(p.Entities)-1].ID)
		}
	}
	docs, err := r.store(ctx).Documents(ctx)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[i] = d.ID
	}
	return r.documentsByID(ctx, ids)
}

func (r *Resolver) documentsByID(ctx context.Context, ids []string) ([]model.PolicyDocument, error) {
	ents, err := r.store(ctx).Entities(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]model.PolicyDocument, 0, len(ents))
	for _, e := range ents {
		if e != nil && e.Kind == kg.KindPolicyDocument {
			out = append(out, policyDocumentView(e))
		}
	}
	return out, nil
}

// entityPage answers the entities connection.
func (r *Resolver) entityPage(ctx context.Context, kind *kg.Kind, name *string, first *int, after *string) (*model.EntityConnection, error) {
	n := orDefault(first, 20)
	if err := inRange("first", n, 0, MaxPage); err != nil {
		return nil, err
	}
	var f kg.ListFilter
	if kind != nil {
		f.Kind = *kind
	}
	if name != nil {
		f.Name = *name
	}
	page := kg.Page{First: n}
	if after != nil {
		page.After = *after
	}
	p, err := r.store(ctx).List(ctx, f, page)
	if err != nil {
		return nil, err
	}
	conn := &model.EntityConnection{
		Edges:      make([]model.EntityEdge, len(p.Entities)),
		PageInfo:   &model.PageInfo{HasNextPage: p.HasNextPage},
		TotalCount: p.TotalCount,
	}
	for i, e := range p.Entities {
		v, err := view(e)
		if err != nil {
			return nil, err
		}
		conn.Edges[i] = model.EntityEdge{Cursor: kg.Cursor(e.ID), Node: v}
	}
	if len(conn.Edges) > 0 {
		conn.PageInfo.StartCursor = &conn.Edges[0].Cursor
		conn.PageInfo.EndCursor = &conn.Edges[len(conn.Edges)-1].Cursor
	}
	return conn, nil
}
