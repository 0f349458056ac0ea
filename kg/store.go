package kg

import (
	"context"
	"encoding/base64"
	"strings"
)

// Store holds a graph and answers the queries the API serves. Every method
// takes the request's context first and honours its deadline and
// cancellation. Errors carry a code (see ErrorCode): EINVALID for bad
// arguments, ENOTFOUND where a method says so, ELIMIT when the context's
// deadline passes, EUNAVAILABLE when a backend cannot be reached or the
// caller cancelled (errors.Is still finds the context's error). Returned
// values are the caller's: a store never changes them afterwards, and
// callers must not change them either (stores may share them between calls).
//
// The behaviour every store must have is the suite in store/storetest.
type Store interface {
	// Load merges a graph into the store: an entity or relation already
	// present keeps one node or edge, with the union of names and sources.
	// Loading the same graph twice leaves the store as after the first
	// load. Either all of g becomes visible or none of it does. EINVALID,
	// changing nothing, if g is malformed: an empty ID, an unknown kind or
	// relation type, or a relation whose end is neither in g nor in the store.
	Load(ctx context.Context, g *Graph) error

	// Ready reports whether the store can answer queries.
	Ready(ctx context.Context) error

	// Entities returns the entities with the given IDs, in the same order;
	// an ID that names no entity gives nil in its place (no error).
	Entities(ctx context.Context, ids []string) ([]*Entity, error)

	// List returns a page of the entities that match the filter, ordered by ID.
	// EINVALID for a malformed cursor or a negative page size.
	List(ctx context.Context, f ListFilter, page Page) (*EntityPage, error)

	// Search finds entities whose name or an alias matches text (see
	// MatchScore), best first; ties are broken by ID. EINVALID for a blank
	// text or a negative limit.
	Search(ctx context.Context, text string, kinds []Kind, first int) ([]SearchHit, error)

	// Relations returns, for each ID in ids, the relations that touch it in
	// the given direction, filtered by type (all types when empty), ordered
	// by (type, from, to), at most first per ID when first > 0. The result has
	// one list per ID, in the order of ids. EINVALID for a negative first or
	// an unknown direction.
	Relations(ctx context.Context, ids []string, f RelationFilter) ([][]*Relation, error)

	// Path returns a shortest path from one entity to another over relations
	// in either direction, at most maxHops long, or nil if there is none.
	// Among shortest paths it returns the one whose node IDs come first in
	// lexicographic order and, between two nodes joined by several
	// relations, the first by (type, from, to). from == to gives a path of
	// one node. ENOTFOUND if either end is missing; EINVALID for a negative
	// maxHops.
	Path(ctx context.Context, from, to string, maxHops int, types []RelationType) (*Path, error)

	// Neighborhood returns the entities within hops relations of id (in
	// either direction, following only the given types, all when empty),
	// nearest first and by ID within a distance, at most limit of them
	// (Truncated if more were within reach), and every relation of those
	// types among them. hops 0 gives the entity alone. ENOTFOUND if id is
	// missing; EINVALID for a negative hops or limit.
	Neighborhood(ctx context.Context, id string, hops int, types []RelationType, limit int) (*Subgraph, error)

	// Targets returns the targets for a year (any year when nil) whose
	// subject (the entity with a HAS_TARGET relation to them) is subject
	// (any when ""), ordered by ID. ENOTFOUND if subject names no entity.
	Targets(ctx context.Context, year *int, subject string) ([]*Entity, error)

	// Documents returns the loaded documents, ordered by ID.
	Documents(ctx context.Context) ([]Document, error)
}

// Direction selects relations by which end an entity is on.
type Direction string

const (
	Out  Direction = "OUT"  // the entity is the relation's From
	In   Direction = "IN"   // the entity is the relation's To
	Both Direction = "BOTH" // either
)

// RelationFilter selects relations of an entity.
type RelationFilter struct {
	Types     []RelationType // all types when empty
	Direction Direction      // Both when ""
	First     int            // no limit when 0
}

// Check returns an EINVALID error for a negative First or an unknown
// direction: the filters every store refuses.
func (f RelationFilter) Check() error {
	if f.First < 0 {
		return Errorf(EINVALID, "negative limit %d", f.First)
	}
	switch f.Direction {
	case "", Both, Out, In:
		return nil
	}
	return Errorf(EINVALID, "unknown direction %q", f.Direction)
}

// Matches reports whether r passes the filter's type test.
func (f RelationFilter) Matches(t RelationType) bool { return HasType(f.Types, t) }

// HasType reports whether t is in types, or types is empty.
func HasType(types []RelationType, t RelationType) bool {
	if len(types) == 0 {
		return true
	}
	for _, x := range types {
		if x == t {
			return true
		}
	}
	return false
}

// ListFilter selects entities for List.
type ListFilter struct {
	Kind Kind   // any kind when ""
	Name string // when set, only entities whose name or an alias equals it, ignoring case (strings.ToLower)
}

// Page asks for up to First items after the item with cursor After.
type Page struct {
	First int
	After string // a cursor from an earlier page; "" for the first page
}

// AfterID checks the page and returns the ID its entities come after: ""
// for the first page. EINVALID for a negative size or a malformed cursor.
func (p Page) AfterID() (string, error) {
	if p.First < 0 {
		return "", Errorf(EINVALID, "negative page size %d", p.First)
	}
	if p.After == "" {
		return "", nil
	}
	return CursorID(p.After)
}

// EntityPage is one page of a List.
type EntityPage struct {
	Entities    []*Entity
	HasNextPage bool
	TotalCount  int // matching entities, on all pages
}

// Cursor returns the opaque cursor of the entity with the given ID: a page
// after it starts with the next ID in order, whether or not the entity
// still exists, so cursors stay valid as the graph grows.
func Cursor(id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte("id:" + id))
}

// CursorID returns the entity ID a cursor points after. EINVALID if the
// cursor was not made by Cursor.
func CursorID(cursor string) (string, error) {
	b, err := base64.RawURLEncoding.DecodeString(cursor)
	if err != nil || !strings.HasPrefix(string(b), "id:") {
		return "", Errorf(EINVALID, "invalid cursor %q", cursor)
	}
	return string(b[3:]), nil
}

// SearchHit is an entity found by Search with its score (see MatchScore).
type SearchHit struct {
	Entity *Entity
	Score  float64
}

// Path is a chain of entities; Relations[i] joins Nodes[i] and Nodes[i+1],
// in either direction.
type Path struct {
	Nodes     []*Entity
	Relations []*Relation
}

// Subgraph is a closed set of entities and relations: both ends of every
// relation are among the nodes.
type Subgraph struct {
	Nodes     []*Entity
	Relations []*Relation
	Truncated bool // more entities were within reach than the limit allowed
}
