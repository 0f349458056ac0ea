package loader

import (
	"fmt"
	"strings"

	"policykg/kg"
)

// builder accumulates entities and relations, resolving each mention to one
// entity per real thing by a resolution key.
type builder struct {
	doc     string // document ID, for sources
	ents    map[string]*kg.Entity
	byKey   map[string]string // kind + "\x00" + resolution key → entity ID
	rels    map[string]*kg.Relation
	order   []string     // relation keys in insertion order
	created []*kg.Entity // entities in creation order
}

func newBuilder(doc string) *builder {
	return &builder{doc: doc, ents: map[string]*kg.Entity{}, byKey: map[string]string{}, rels: map[string]*kg.Relation{}}
}

// entity returns the entity of this kind and resolution key, creating it
// with the given ID stem and name if new; name becomes an alias of an
// existing entity named differently. src, if non-empty, is added.
func (b *builder) entity(kind kg.Kind, key, idStem, name string, src kg.Source) *kg.Entity {
	k := string(kind) + "\x00" + key
	if id, ok := b.byKey[k]; ok {
		e := b.ents[id]
		e.AddAlias(name)
		b.addSource(e, src)
		return e
	}
	id := idStem
	for n := 2; b.ents[id] != nil; n++ {
		id = fmt.Sprintf("%s-%d", idStem, n)
	}
	e := &kg.Entity{ID: id, Kind: kind, Name: name}
	b.ents[id] = e
	b.created = append(b.created, e)
	b.byKey[k] = id
	b.addSource(e, src)
	return e
}

// lookup finds an entity by kind and resolution key.
func (b *builder) lookup(kind kg.Kind, key string) *kg.Entity {
	return b.ents[b.byKey[string(kind)+"\x00"+key]]
}

func (b *builder) addSource(e *kg.Entity, src kg.Source) {
	if src.End > src.Start {
		e.Sources = kg.AppendSources(e.Sources, src)
	}
}

// relate adds a relation (or a source to an existing one). Self-loops are
// dropped: no statement of the genre relates a thing to itself.
func (b *builder) relate(t kg.RelationType, from, to *kg.Entity, src kg.Source) {
	if from == nil || to == nil || from.ID == to.ID {
		return
	}
	r := kg.Relation{Type: t, From: from.ID, To: to.ID}
	k := r.Key()
	if cur, ok := b.rels[k]; ok {
		if src.End > src.Start {
			cur.Sources = kg.AppendSources(cur.Sources, src)
		}
		return
	}
	if src.End > src.Start {
		r.Sources = []kg.Source{src}
	}
	b.rels[k] = &r
	b.order = append(b.order, k)
}

func (b *builder) graph() *kg.Graph {
	g := &kg.Graph{Entities: make([]kg.Entity, 0, len(b.ents)), Relations: make([]kg.Relation, 0, len(b.rels))}
	for _, e := range b.ents {
		if e.Aliases == nil {
			e.Aliases = []string{}
		}
		g.Entities = append(g.Entities, *e)
	}
	for _, k := range b.order {
		r := b.rels[k]
		if r.Sources == nil {
			r.Sources = []kg.Source{}
		}
		g.Relations = append(g.Relations, *r)
	}
	g.Sort()
	return g
}

// nameKey is the default resolution key of a name: lowercase words (plural
// "s" dropped), punctuation and a leading article removed.
func nameKey(name string) string {
	var words []string
	for _, t := range tokenize(name, 0) {
		if t.punct() {
			continue
		}
		words = append(words, synonym(t.norm))
	}
	if len(words) > 1 && (words[0] == "the" || words[0] == "a" || words[0] == "an") {
		words = words[1:]
	}
	return strings.Join(words, " ")
}

// synonym maps spelling variants of the genre's translations to one form.
func synonym(w string) string {
	switch w {
	case "hi-tech", "high-technology", "hightech":
		return "high-tech"
	case "centre":
		return "center"
	case "programme":
		return "program"
	case "economic":
		return "economy"
	}
	return w
}
