// Package kg holds the domain types of the policy knowledge graph: entities,
// relations and the provenance that ties every fact to the text stating it.
// It uses the standard library only; every other package depends toward it.
package kg

import (
	"encoding/json"
	"slices"
	"sort"
)

// Kind is the type of an entity.
type Kind string

// The entity kinds. The strings are a contract (JSON output, GraphQL enums).
const (
	KindIndustry       Kind = "Industry"
	KindIndustryGroup  Kind = "IndustryGroup"
	KindEnterprise     Kind = "Enterprise"
	KindProduct        Kind = "Product"
	KindInstitution    Kind = "Institution"
	KindGovernmentUnit Kind = "GovernmentUnit"
	KindPolicyDocument Kind = "PolicyDocument"
	KindSection        Kind = "Section"
	KindTarget         Kind = "Target"
)

// Kinds lists every kind in a stable order.
var Kinds = []Kind{
	KindIndustry, KindIndustryGroup, KindEnterprise, KindProduct, KindInstitution,
	KindGovernmentUnit, KindPolicyDocument, KindSection, KindTarget,
}

// Slug is the kind's prefix in entity IDs, e.g. "government-unit".
func (k Kind) Slug() string {
	switch k {
	case KindIndustryGroup:
		return "industry-group"
	case KindGovernmentUnit:
		return "government-unit"
	case KindPolicyDocument:
		return "policy-document"
	}
	return Slug(string(k))
}

// RelationType is the type of a directed relation between two entities.
type RelationType string

// The relation types. The strings are a contract.
const (
	MemberOf       RelationType = "MEMBER_OF"       // Industry → IndustryGroup
	BackboneOf     RelationType = "BACKBONE_OF"     // Enterprise → Industry
	ProductOf      RelationType = "PRODUCT_OF"      // Product → Industry
	PartnerOf      RelationType = "PARTNER_OF"      // Institution or Enterprise → program
	ResponsibleFor RelationType = "RESPONSIBLE_FOR" // GovernmentUnit → Section
	HasTarget      RelationType = "HAS_TARGET"      // Industry, IndustryGroup or PolicyDocument → Target
	Cites          RelationType = "CITES"           // PolicyDocument or Section → PolicyDocument
	PartOf         RelationType = "PART_OF"         // Section → Section or PolicyDocument
)

// RelationTypes lists every relation type in a stable order.
var RelationTypes = []RelationType{MemberOf, BackboneOf, ProductOf, PartnerOf, ResponsibleFor, HasTarget, Cites, PartOf}

// Source is provenance: the exact span of a loaded document that states a fact.
// Start and End are byte offsets into the document as loaded; Text is
// exactly document[Start:End].
type Source struct {
	Document string `json:"document"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	// Section is the ID of the innermost Section containing the span, or ""
	// for text outside any section (title, preamble). Encoded as null then.
	Section string `json:"-"`
}

// MarshalJSON writes the section as null when the span lies in no section.
func (s Source) MarshalJSON() ([]byte, error) {
	type plain Source
	var section *string
	if s.Section != "" {
		section = &s.Section
	}
	return json.Marshal(struct {
		plain
		Section *string `json:"section"`
	}{plain(s), section})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (s *Source) UnmarshalJSON(b []byte) error {
	type plain Source
	var v struct {
		plain
		Section *string `json:"section"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*s = Source(v.plain)
	if v.Section != nil {
		s.Section = *v.Section
	}
	return nil
}

// Comparators of a Target.
const (
	MoreThan = "more_than"
	AtLeast  = "at_least"
	Equal    = "equal"
	Range    = "range"
	LessThan = "less_than"
	AtMost   = "at_most"
)

// Entity is a node of the graph. Kind-specific attributes are set only for
// their kind: Number for sections, Code for cited policy documents, and the
// target fields for targets.
type Entity struct {
	ID      string   `json:"id"`
	Kind    Kind     `json:"kind"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	Sources []Source `json:"sources"`

	Number string `json:"number,omitempty"` // Section: the outline marker as written, e.g. "(a)"
	Code   string `json:"code,omitempty"`   // PolicyDocument: the document code, e.g. "Jiao [2017] No. 15"

	// Target fields; JSON carries them (with nulls) only for targets.
	Metric     string   `json:"-"`
	Year       *int     `json:"-"`
	Value      float64  `json:"-"`
	ValueMax   *float64 `json:"-"`
	Unit       string   `json:"-"`
	Comparator string   `json:"-"`
}

type targetFields struct {
	Metric     string   `json:"metric"`
	Year       *int     `json:"year"`
	Value      float64  `json:"value"`
	ValueMax   *float64 `json:"valueMax"`
	Unit       string   `json:"unit"`
	Comparator string   `json:"comparator"`
}

// MarshalJSON writes the target fields for targets only, and empty lists as [].
func (e Entity) MarshalJSON() ([]byte, error) {
	type plain Entity
	p := plain(e)
	if p.Aliases == nil {
		p.Aliases = []string{}
	}
	if p.Sources == nil {
		p.Sources = []Source{}
	}
	if e.Kind != KindTarget {
		return json.Marshal(p)
	}
	return json.Marshal(struct {
		plain
		targetFields
	}{p, targetFields{e.Metric, e.Year, e.Value, e.ValueMax, e.Unit, e.Comparator}})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (e *Entity) UnmarshalJSON(b []byte) error {
	type plain Entity
	var v struct {
		plain
		targetFields
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*e = Entity(v.plain)
	t := v.targetFields
	e.Metric, e.Year, e.Value, e.ValueMax, e.Unit, e.Comparator = t.Metric, t.Year, t.Value, t.ValueMax, t.Unit, t.Comparator
	return nil
}

// Relation is a directed, typed edge between two entities, with provenance.
type Relation struct {
	Type    RelationType `json:"type"`
	From    string       `json:"from"`
	To      string       `json:"to"`
	Sources []Source     `json:"sources"`
}

// Key identifies a relation: one edge per (type, from, to).
func (r Relation) Key() string { return string(r.Type) + "\x00" + r.From + "\x00" + r.To }

// Document is a loaded source document.
type Document struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Path  string `json:"path"`
}

// Graph is the whole extraction: documents, entities and relations, each
// list sorted (documents and entities by ID, relations by type, from, to).
type Graph struct {
	Documents []Document `json:"documents"`
	Entities  []Entity   `json:"entities"`
	Relations []Relation `json:"relations"`
}

// Merge adds other into g: entities and relations with the same identity
// become one, keeping the union of their aliases and sources. The result is
// sorted. Loading documents one by one and merging gives the same graph as
// loading them together.
func (g *Graph) Merge(other *Graph) {
	ents := make(map[string]int, len(g.Entities))
	for i, e := range g.Entities {
		ents[e.ID] = i
	}
	for _, e := range other.Entities {
		i, ok := ents[e.ID]
		if !ok {
			ents[e.ID] = len(g.Entities)
			e.Aliases = append([]string(nil), e.Aliases...)
			e.Sources = append([]Source(nil), e.Sources...)
			g.Entities = append(g.Entities, e)
			continue
		}
		cur := &g.Entities[i]
		for _, a := range append([]string{e.Name}, e.Aliases...) {
			cur.AddAlias(a)
		}
		cur.Sources = AppendSources(cur.Sources, e.Sources...)
	}
	rels := make(map[string]int, len(g.Relations))
	for i, r := range g.Relations {
		rels[r.Key()] = i
	}
	for _, r := range other.Relations {
		i, ok := rels[r.Key()]
		if !ok {
			rels[r.Key()] = len(g.Relations)
			r.Sources = append([]Source(nil), r.Sources...)
			g.Relations = append(g.Relations, r)
			continue
		}
		g.Relations[i].Sources = AppendSources(g.Relations[i].Sources, r.Sources...)
	}
	docs := make(map[string]bool, len(g.Documents))
	for _, d := range g.Documents {
		docs[d.ID] = true
	}
	for _, d := range other.Documents {
		if !docs[d.ID] {
			docs[d.ID] = true
			g.Documents = append(g.Documents, d)
		}
	}
	g.Sort()
}

// Check returns an EINVALID error if g is malformed by itself, whatever a
// store holds: an entity with an empty ID or an unknown kind, an ID given
// two kinds, a relation of an unknown type, or a document with an empty
// ID. Stores check the rest (kinds and relation ends against what they
// hold) themselves.
func (g *Graph) Check() error {
	kinds := make(map[string]Kind, len(g.Entities))
	for _, e := range g.Entities {
		if e.ID == "" {
			return Errorf(EINVALID, "an entity has an empty ID")
		}
		if !slices.Contains(Kinds, e.Kind) {
			return Errorf(EINVALID, "entity %q has unknown kind %q", e.ID, e.Kind)
		}
		if k, ok := kinds[e.ID]; ok && k != e.Kind {
			return Errorf(EINVALID, "entity %q is both a %s and a %s", e.ID, k, e.Kind)
		}
		kinds[e.ID] = e.Kind
	}
	for _, r := range g.Relations {
		if !slices.Contains(RelationTypes, r.Type) {
			return Errorf(EINVALID, "relation %s → %s has unknown type %q", r.From, r.To, r.Type)
		}
	}
	for _, d := range g.Documents {
		if d.ID == "" {
			return Errorf(EINVALID, "a document has an empty ID")
		}
	}
	return nil
}

// Sort puts documents, entities and relations in their canonical order.
func (g *Graph) Sort() {
	sort.Slice(g.Documents, func(i, j int) bool { return g.Documents[i].ID < g.Documents[j].ID })
	sort.Slice(g.Entities, func(i, j int) bool { return g.Entities[i].ID < g.Entities[j].ID })
	sort.Slice(g.Relations, func(i, j int) bool {
		a, b := g.Relations[i], g.Relations[j]
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		if a.From != b.From {
			return a.From < b.From
		}
		return a.To < b.To
	})
}

// AddAlias records name as an alias unless it is the entity's name or
// already known (compared exactly).
func (e *Entity) AddAlias(name string) {
	if name == "" || name == e.Name {
		return
	}
	for _, a := range e.Aliases {
		if a == name {
			return
		}
	}
	e.Aliases = append(e.Aliases, name)
}

// AppendSources adds the sources not already present (same document and
// span), keeping them ordered by document and position. Sources arriving
// in order, as a parse produces them, are appended in constant time.
func AppendSources(dst []Source, src ...Source) []Source {
	for _, s := range src {
		i := sort.Search(len(dst), func(i int) bool { return !sourceLess(dst[i], s) })
		if i < len(dst) && dst[i].Document == s.Document && dst[i].Start == s.Start && dst[i].End == s.End {
			continue
		}
		dst = append(dst, Source{})
		copy(dst[i+1:], dst[i:])
		dst[i] = s
	}
	return dst
}

func sourceLess(a, b Source) bool {
	if a.Document != b.Document {
		return a.Document < b.Document
	}
	if a.Start != b.Start {
		return a.Start < b.Start
	}
	return a.End < b.End
}
