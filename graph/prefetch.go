package graph

import (
	"context"
	"encoding/json"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"policykg/graph/model"
	"policykg/kg"
)

// A link is an entity field that lists the entities at the other end of
// the entity's relations of one type in one direction: what its resolver
// asks the store (see schema.resolvers.go).
type link struct {
	typ  kg.RelationType
	dir  kg.Direction
	kind kg.Kind // the resolver keeps only entities of this kind; any when ""
	one  bool    // the resolver keeps only the first entity
}

// filter is what the link's resolver asks the store.
func (l link) filter() kg.RelationFilter {
	return kg.RelationFilter{Types: oneType[l.typ], Direction: l.dir}
}

// oneType holds a list of one type for each type, to share.
var oneType = func() map[kg.RelationType][]kg.RelationType {
	m := map[kg.RelationType][]kg.RelationType{}
	for _, t := range kg.RelationTypes {
		m[t] = []kg.RelationType{t}
	}
	return m
}()

type fieldKey struct {
	kind  kg.Kind // the GraphQL type: kinds are named as their types
	field string
}

// links holds every link field of the schema. TestLinks checks it against
// the schema and the resolvers.
var links = map[fieldKey]link{
	{kg.KindIndustry, "groups"}:               {kg.MemberOf, kg.Out, kg.KindIndustryGroup, false},
	{kg.KindIndustry, "enterprises"}:          {kg.BackboneOf, kg.In, kg.KindEnterprise, false},
	{kg.KindIndustry, "products"}:             {kg.ProductOf, kg.In, kg.KindProduct, false},
	{kg.KindIndustry, "targets"}:              {kg.HasTarget, kg.Out, kg.KindTarget, false},
	{kg.KindIndustryGroup, "industries"}:      {kg.MemberOf, kg.In, kg.KindIndustry, false},
	{kg.KindIndustryGroup, "targets"}:         {kg.HasTarget, kg.Out, kg.KindTarget, false},
	{kg.KindEnterprise, "industries"}:         {kg.BackboneOf, kg.Out, kg.KindIndustry, false},
	{kg.KindEnterprise, "partnerOf"}:          {kg.PartnerOf, kg.Out, "", false},
	{kg.KindProduct, "industries"}:            {kg.ProductOf, kg.Out, kg.KindIndustry, false},
	{kg.KindInstitution, "partnerOf"}:         {kg.PartnerOf, kg.Out, "", false},
	{kg.KindGovernmentUnit, "responsibleFor"}: {kg.ResponsibleFor, kg.Out, kg.KindSection, false},
	{kg.KindSection, "parent"}:                {kg.PartOf, kg.Out, "", true},
	{kg.KindSection, "responsibleUnits"}:      {kg.ResponsibleFor, kg.In, kg.KindGovernmentUnit, false},
	{kg.KindTarget, "subject"}:                {kg.HasTarget, kg.In, "", true},
}

// implementors gives, for each kind, the GraphQL types an entity of that
// kind satisfies, as the generated code passes them to CollectFields.
var implementors = func() map[kg.Kind][]string {
	m := map[kg.Kind][]string{}
	for _, k := range kg.Kinds {
		m[k] = []string{string(k), "Node", "Entity"}
	}
	return m
}()

// prefetch warms the operation's cache with what the resolvers below the
// current root field will ask of the store, given v, the field's value.
// It walks the field's selection set a level of entities at a time: for
// all the entities of a level together it fetches the relations their
// selected fields need in one store call, then the entities at the other
// ends (and those that selected sources name) in one more, and goes on
// with those. So the store calls grow with the depth of the query, not
// with the number of results. The prefetch only warms the cache: it
// answers nothing itself, and on an error it stops, leaving the resolvers
// to meet the error.
func (r *Resolver) prefetch(ctx context.Context, v any) {
	c := r.cache(ctx)
	fc := graphql.GetFieldContext(ctx)
	if c == nil || fc == nil || !graphql.HasOperationContext(ctx) {
		return
	}
	w := &walk{ctx: ctx, op: graphql.GetOperationContext(ctx), c: c}
	w.value(v, fc.Field.Selections)
	for len(w.next) > 0 {
		level := w.next
		w.next = nil
		if w.visit(level) != nil {
			return
		}
	}
}

// warm is prefetch for a root resolver's return values.
func warm[T any](ctx context.Context, r *Resolver, v T, err error) (T, error) {
	if err == nil {
		r.prefetch(ctx, v)
	}
	return v, err
}

// walk is one prefetch.
type walk struct {
	ctx  context.Context
	op   *graphql.OperationContext
	c    *cache
	next []branch // the entities of the next level
}

// A branch is a list of entities at one place in the response, with the
// selection set that applies to each of them.
type branch struct {
	ids  []string
	sels ast.SelectionSet
	kind kg.Kind // the resolver keeps only entities of this kind; any when ""
	one  bool    // the resolver keeps only the first entity it finds
}

func (w *walk) add(b branch) {
	if len(b.ids) > 0 {
		w.next = append(w.next, b)
	}
}

func (w *walk) fields(sels ast.SelectionSet, satisfies ...string) []graphql.CollectedField {
	return graphql.CollectFields(w.op, sels, satisfies)
}

// value finds the entities in a root field's value, through the types
// that hold them.
func (w *walk) value(v any, sels ast.SelectionSet) {
	switch v := v.(type) {
	case model.Entity: // and model.Node, which every entity is
		w.add(branch{ids: []string{v.Base().ID}, sels: sels})
	case []model.Target:
		w.add(branch{ids: mapSlice(v, func(t model.Target) string { return t.ID }), sels: sels})
	case []model.PolicyDocument:
		w.add(branch{ids: mapSlice(v, func(d model.PolicyDocument) string { return d.ID }), sels: sels})
	case *model.EntityConnection:
		if v == nil {
			return
		}
		for _, f := range w.fields(sels, "EntityConnection") {
			if f.Name != "edges" {
				continue
			}
			for _, g := range w.fields(f.Selections, "EntityEdge") {
				if g.Name == "node" {
					w.add(branch{ids: mapSlice(v.Edges, func(e model.EntityEdge) string { return e.Node.Base().ID }), sels: g.Selections})
				}
			}
		}
	case []model.SearchHit:
		for _, f := range w.fields(sels, "SearchHit") {
			if f.Name == "entity" {
				w.add(branch{ids: mapSlice(v, func(h model.SearchHit) string { return h.Entity.Base().ID }), sels: f.Selections})
			}
		}
	case *model.Path:
		if v != nil {
			w.graph(v.Nodes, v.Relations, sels, "Path")
		}
	case *model.Subgraph:
		if v != nil {
			w.graph(v.Nodes, v.Relations, sels, "Subgraph")
		}
	}
}

// graph finds the entities of a Path or Subgraph.
func (w *walk) graph(nodes []model.Entity, rels []kg.Relation, sels ast.SelectionSet, typ string) {
	for _, f := range w.fields(sels, typ) {
		switch f.Name {
		case "nodes":
			w.add(branch{ids: mapSlice(nodes, func(e model.Entity) string { return e.Base().ID }), sels: f.Selections})
		case "relations":
			ptrs := make([]*kg.Relation, len(rels))
			for i := range rels {
				ptrs[i] = &rels[i]
			}
			w.relations(f.Selections, ptrs)
		}
	}
}

// relations finds the entities that a selection on relations names.
func (w *walk) relations(sels ast.SelectionSet, rels []*kg.Relation) {
	for _, f := range w.fields(sels, "Relation") {
		switch f.Name {
		case "from":
			w.add(branch{ids: mapSlice(rels, func(r *kg.Relation) string { return r.From }), sels: f.Selections})
		case "to":
			w.add(branch{ids: mapSlice(rels, func(r *kg.Relation) string { return r.To }), sels: f.Selections})
		case "sources":
			for _, r := range rels {
				w.sources(f.Selections, r.Sources)
			}
		}
	}
}

// sources finds the entities that a selection on sources names.
func (w *walk) sources(sels ast.SelectionSet, srcs []kg.Source) {
	for _, f := range w.fields(sels, "Source") {
		switch f.Name {
		case "document":
			w.add(branch{ids: mapSlice(srcs, func(s kg.Source) string { return s.Document }), sels: f.Selections, kind: kg.KindPolicyDocument})
		case "section":
			var ids []string
			for _, s := range srcs {
				if s.Section != "" {
					ids = append(ids, s.Section)
				}
			}
			w.add(branch{ids: ids, sels: f.Selections, kind: kg.KindSection})
		}
	}
}

// want is a selected field of an entity that needs the entity's relations.
type want struct {
	id     string
	field  graphql.CollectedField
	filter kg.RelationFilter // what the resolver asks the store
	isLink bool              // a link field, else the relations field
	link   link
}

// visitKey is an entity with a selection set, visited once per level.
type visitKey struct {
	id  string
	sel *ast.Selection // the selection set's first element, and its length
	n   int
}

// kindFields are the fields a selection set selects on entities of a kind,
// and whether any of them needs the store.
type kindFields struct {
	kind   kg.Kind
	fields []graphql.CollectedField
	work   bool
}

// fieldsOf returns the fields sels selects on an entity of kind k,
// remembering them in memo.
func (w *walk) fieldsOf(memo *[]kindFields, sels ast.SelectionSet, k kg.Kind) kindFields {
	for _, m := range *memo {
		if m.kind == k {
			return m
		}
	}
	m := kindFields{kind: k, fields: w.fields(sels, implementors[k]...)}
	for _, f := range m.fields {
		_, isLink := links[fieldKey{k, f.Name}]
		m.work = m.work || isLink || f.Name == "relations" || f.Name == "sources" || f.Name == "cites" && k == kg.KindPolicyDocument
	}
	*memo = append(*memo, m)
	return m
}

// visit fetches the entities of one level, then what their selected fields
// need, and puts the entities those fields lead to in the next level.
func (w *walk) visit(level []branch) error {
	n := 0
	for _, b := range level {
		n += len(b.ids)
	}
	ids := make([]string, 0, n)
	for _, b := range level {
		ids = append(ids, b.ids...)
	}
	ents, err := w.c.Entities(w.ctx, ids)
	if err != nil {
		return err
	}

	var wants, cites []want
	var relIDs, docs []string
	var types []kg.RelationType // every type some entity needs
	allTypes := false           // some entity needs all types
	var visited map[visitKey]bool
	var memo []kindFields
	i := 0
	for _, b := range level {
		memo = memo[:0]
		found := false
		for _, e := range ents[i : i+len(b.ids)] {
			if e == nil || b.kind != "" && e.Kind != b.kind || b.one && found {
				continue
			}
			found = true
			kf := w.fieldsOf(&memo, b.sels, e.Kind)
			if !kf.work {
				continue
			}
			key := visitKey{id: e.ID, sel: &b.sels[0], n: len(b.sels)}
			if visited[key] {
				continue
			}
			if visited == nil {
				visited = map[visitKey]bool{}
			}
			visited[key] = true
			for _, f := range kf.fields {
				switch l, isLink := links[fieldKey{e.Kind, f.Name}]; {
				case isLink:
					wants = append(wants, want{e.ID, f, l.filter(), true, l})
					relIDs = append(relIDs, e.ID)
					types = addType(types, l.typ)
				case f.Name == "relations":
					filter, ok := relationsFilter(f, w.op.Variables)
					if !ok {
						continue
					}
					wants = append(wants, want{id: e.ID, field: f, filter: filter})
					relIDs = append(relIDs, e.ID)
					allTypes = allTypes || len(filter.Types) == 0
					for _, t := range filter.Types {
						types = addType(types, t)
					}
				case f.Name == "sources":
					w.sources(f.Selections, e.Sources)
				case f.Name == "cites" && e.Kind == kg.KindPolicyDocument:
					cites = append(cites, want{id: e.ID, field: f})
					docs = append(docs, e.ID)
				}
			}
		}
		i += len(b.ids)
	}

	if len(relIDs) > 0 {
		if allTypes {
			types = nil
		}
		if _, err := w.c.Relations(w.ctx, relIDs, kg.RelationFilter{Types: types, Direction: kg.Both}); err != nil {
			return err
		}
	}
	for _, wt := range wants {
		rels, ok := w.c.cached(wt.id, wt.filter)
		if !ok {
			continue // not after the call above; if ever, the resolver fetches
		}
		if !wt.isLink {
			w.relations(wt.field.Selections, rels)
			continue
		}
		w.add(branch{
			ids: mapSlice(rels, func(r *kg.Relation) string {
				if wt.link.dir == kg.Out {
					return r.To
				}
				return r.From
			}),
			sels: wt.field.Selections,
			kind: wt.link.kind,
			one:  wt.link.one,
		})
	}
	if len(docs) > 0 {
		cited, err := citations(w.ctx, w.c, docs)
		if err != nil {
			return err
		}
		for i, wt := range cites {
			w.add(branch{ids: cited[i], sels: wt.field.Selections, kind: kg.KindPolicyDocument})
		}
	}
	return nil
}

// relationsFilter returns the filter the relations resolver gives the
// store for a selected relations field, and false when it makes no store
// call (first ≤ 0). An argument it cannot read widens the filter, so
// that the prefetch fetches more rather than less.
func relationsFilter(f graphql.CollectedField, vars map[string]any) (kg.RelationFilter, bool) {
	args := f.ArgumentMap(vars)
	filter := kg.RelationFilter{Direction: kg.Both}
	switch v := args["types"].(type) {
	case string:
		filter.Types = []kg.RelationType{kg.RelationType(v)}
	case []any:
		for _, x := range v {
			s, ok := x.(string)
			if !ok {
				filter.Types = nil
				break
			}
			filter.Types = append(filter.Types, kg.RelationType(s))
		}
	}
	if d, ok := args["direction"].(string); ok {
		filter.Direction = kg.Direction(d)
	}
	if v, ok := args["first"]; ok && v != nil {
		if n, ok := toInt(v); ok {
			if n <= 0 {
				return filter, false
			}
			filter.First = n
		}
	}
	return filter, true
}

func toInt(v any) (int, bool) {
	switch v := v.(type) {
	case int:
		return v, true
	case int32:
		return int(v), true
	case int64:
		return int(v), true
	case float64:
		return int(v), float64(int(v)) == v
	case json.Number:
		n, err := v.Int64()
		return int(n), err == nil
	}
	return 0, false
}

func addType(types []kg.RelationType, t kg.RelationType) []kg.RelationType {
	for _, x := range types {
		if x == t {
			return types
		}
	}
	return append(types, t)
}

func mapSlice[T any](xs []T, f func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}
