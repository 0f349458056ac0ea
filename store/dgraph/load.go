package dgraph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dgraph-io/dgo/v230"
	"github.com/dgraph-io/dgo/v230/protos/api"

	"policykg/kg"
)

// LoadStats describes one Load.
type LoadStats struct {
	Entities  int // entities written (new or changed)
	Relations int // relations written (new or changed)
	NQuads    int // N-Quads sent to Dgraph
	Attempts  int // transactions tried: 1 unless Dgraph aborted one
}

// Retry policy for aborted transactions: up to maxAttempts, waiting
// firstBackoff, then twice as long each time (with jitter), at most maxBackoff.
const (
	maxAttempts  = 8
	firstBackoff = 20 * time.Millisecond
	maxBackoff   = 2 * time.Second
)

// Load merges g into Dgraph (see kg.Store and LoadGraph).
func (s *Store) Load(ctx context.Context, g *kg.Graph) error {
	_, err := s.LoadGraph(ctx, g)
	return err
}

// LoadGraph merges g into Dgraph in one transaction, so that either all of
// it becomes visible or none of it does. It reads the entities and
// relations g shares with what Dgraph holds, merges them as kg.Graph.Merge
// does, and writes only what changed: loading the same graph twice writes
// nothing the second time. A transaction that Dgraph aborts (another load
// wrote the same nodes) is retried with backoff, up to maxAttempts times.
// EINVALID, writing nothing, if g is malformed (see kg.Store.Load).
func (s *Store) LoadGraph(ctx context.Context, g *kg.Graph) (LoadStats, error) {
	if g == nil {
		return LoadStats{}, kg.Errorf(kg.EINVALID, "no graph to load")
	}
	if err := g.Check(); err != nil {
		return LoadStats{}, err
	}
	wait := firstBackoff
	for attempt := 1; ; attempt++ {
		if err := ctxErr(ctx); err != nil {
			return LoadStats{Attempts: attempt - 1}, err
		}
		st, err := s.loadOnce(ctx, g)
		st.Attempts = attempt
		if !errors.Is(err, dgo.ErrAborted) {
			return st, err
		}
		if attempt == maxAttempts {
			return st, fmt.Errorf("%w: %w", kg.Errorf(kg.EUNAVAILABLE, "dgraph aborted the load %d times: other loads keep writing the same nodes", attempt), err)
		}
		jittered := wait/2 + rand.N(wait)
		select {
		case <-ctx.Done():
			return st, ctxErr(ctx)
		case <-time.After(jittered):
		}
		wait = min(2*wait, maxBackoff)
	}
}

// afterRead, when set (by tests), runs between a load's read and its write.
var afterRead func()

// existing is what Dgraph holds of the entities and documents a graph names.
type existing struct {
	Q    []*node
	Docs []struct {
		UID   string `json:"uid"`
		ID    string `json:"doc.id"`
		Title string `json:"doc.title"`
		Path  string `json:"doc.path"`
	}
}

// loadOnce is one attempt of LoadGraph: a query, then one mutation that
// commits, in one transaction.
func (s *Store) loadOnce(ctx context.Context, g *kg.Graph) (LoadStats, error) {
	var st LoadStats
	if err := s.ensureSchema(ctx); err != nil {
		return st, err
	}
	txn := s.dg.NewTxn()
	defer txn.Discard(context.WithoutCancel(ctx))

	// Read what Dgraph has of every entity g names (its own and the ends
	// of its relations), with their outgoing relations, and of g's documents.
	ids := make([]string, 0, len(g.Entities))
	inGraph := make(map[string]*kg.Entity, len(g.Entities))
	for i := range g.Entities {
		e := &g.Entities[i]
		if _, dup := inGraph[e.ID]; !dup {
			ids = append(ids, e.ID)
		}
		inGraph[e.ID] = e
	}
	for _, r := range g.Relations {
		for _, id := range []string{r.From, r.To} {
			if _, ok := inGraph[id]; !ok && !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	docIDs := make([]string, len(g.Documents))
	for i, d := range g.Documents {
		docIDs[i] = d.ID
	}
	var old existing
	if len(ids)+len(docIDs) > 0 {
		var v vars
		q := v.query(fmt.Sprintf("q(func: eq(kg.id, %s)) {\n  uid kg.id kg.data\n%s}\ndocs(func: eq(doc.id, %s)) { uid doc.id doc.title doc.path }\n",
			v.list(ids), edgeFields(nil, kg.Out, true, ""), v.list(docIDs)))
		kg.CountRoundTrip(ctx)
		resp, err := txn.QueryWithVars(ctx, q, v.vals)
		if err != nil {
			return st, wrap(ctx, err, "read before load")
		}
		if err := json.Unmarshal(resp.Json, &old); err != nil {
			return st, kg.Errorf(kg.EINTERNAL, "dgraph: decode answer: %v", err)
		}
	}
	if afterRead != nil {
		afterRead()
	}
	stored := byID(old.Q)

	// Check what only Dgraph can tell: relation ends and kinds.
	for _, r := range g.Relations {
		for _, id := range []string{r.From, r.To} {
			if inGraph[id] == nil && stored[id] == nil {
				return st, kg.Errorf(kg.EINVALID, "relation %s %s → %s: no entity %q in the graph or the store", r.Type, r.From, r.To, id)
			}
		}
	}
	before := &kg.Graph{}
	for _, n := range old.Q {
		e, err := n.entity()
		if err != nil {
			return st, err
		}
		if mine := inGraph[n.ID]; mine != nil && mine.Kind != e.Kind {
			return st, kg.Errorf(kg.EINVALID, "entity %q is a %s in the store, not a %s", n.ID, e.Kind, mine.Kind)
		}
		before.Entities = append(before.Entities, *e)
		rels, err := n.relations(nil, kg.Out)
		if err != nil {
			return st, err
		}
		for _, r := range rels {
			before.Relations = append(before.Relations, *r)
		}
	}

	// Merge as the memory store does, then write what differs.
	merged := &kg.Graph{}
	merged.Merge(before)
	merged.Merge(g)
	oldEntity := make(map[string]string, len(old.Q)) // ID → kg.data
	for _, n := range old.Q {
		oldEntity[n.ID] = n.Data
	}
	oldRelation := make(map[string][]kg.Source, len(before.Relations))
	for _, r := range before.Relations {
		oldRelation[r.Key()] = r.Sources
	}
	var set []*api.NQuad
	blank := map[string]string{} // entity ID → blank node of a new entity
	subject := func(id string) string {
		if n := stored[id]; n != nil {
			return n.UID
		}
		if blank[id] == "" {
			blank[id] = "_:e" + strconv.Itoa(len(blank))
		}
		return blank[id]
	}
	for _, e := range merged.Entities {
		if inGraph[e.ID] == nil {
			continue // only read, for its relations
		}
		data, err := json.Marshal(e)
		if err != nil {
			return st, kg.Errorf(kg.EINTERNAL, "encode entity %q: %v", e.ID, err)
		}
		prev, had := oldEntity[e.ID]
		if had && prev == string(data) {
			continue
		}
		st.Entities++
		set = append(set, entityNQuads(subject(e.ID), &e, string(data), !had)...)
	}
	for _, r := range merged.Relations {
		prev, had := oldRelation[r.Key()]
		if had && slices.Equal(prev, r.Sources) {
			continue
		}
		sources, err := json.Marshal(r.Sources)
		if err != nil {
			return st, kg.Errorf(kg.EINTERNAL, "encode relation sources: %v", err)
		}
		st.Relations++
		set = append(set, &api.NQuad{
			Subject: subject(r.From), Predicate: pred(r.Type), ObjectId: subject(r.To),
			Facets: []*api.Facet{{Key: "sources", Value: sources, ValType: api.Facet_STRING}},
		})
	}
	docs := make(map[string]bool, len(old.Docs))
	for _, d := range old.Docs {
		docs[d.ID] = true
	}
	for _, d := range g.Documents {
		if docs[d.ID] {
			continue // the first load of a document names it
		}
		docs[d.ID] = true
		sub := "_:d" + strconv.Itoa(len(docs))
		set = append(set,
			str(sub, "dgraph.type", "Document"), str(sub, "doc.id", d.ID),
			str(sub, "doc.title", d.Title), str(sub, "doc.path", d.Path))
	}
	st.NQuads = len(set)
	if len(set) == 0 {
		return st, nil
	}
	kg.CountRoundTrip(ctx)
	if _, err := txn.Mutate(ctx, &api.Mutation{Set: set, CommitNow: true}); err != nil {
		if errors.Is(err, dgo.ErrAborted) {
			return st, err
		}
		return st, wrap(ctx, err, "write")
	}
	return st, nil
}

// entityNQuads writes an entity: its type and ID when it is new, its name,
// its whole record (kg.data) and the indexed projections of its names.
// List predicates only ever gain values, since a merge only adds aliases.
func entityNQuads(sub string, e *kg.Entity, data string, isNew bool) []*api.NQuad {
	var out []*api.NQuad
	if isNew {
		out = append(out, str(sub, "dgraph.type", string(e.Kind)), str(sub, "kg.id", e.ID))
	}
	out = append(out, str(sub, "kg.name", e.Name), str(sub, "kg.data", data))
	if e.Year != nil {
		out = append(out, &api.NQuad{Subject: sub, Predicate: "kg.year", ObjectValue: &api.Value{Val: &api.Value_IntVal{IntVal: int64(*e.Year)}}})
	}
	seen := map[string]bool{}
	add := func(p, val string) {
		if val != "" && !seen[p+"\x00"+val] {
			seen[p+"\x00"+val] = true
			out = append(out, str(sub, p, val))
		}
	}
	for _, name := range append([]string{e.Name}, e.Aliases...) {
		if name != e.Name {
			add("kg.aliases", name)
		}
		add("kg.lower", strings.ToLower(name))
		norm := kg.Normalize(name)
		add("kg.norm", norm)
		for _, w := range strings.Fields(norm) {
			add("kg.words", kg.Stem(w))
		}
	}
	return out
}

// str is an N-Quad with a string value.
func str(sub, p, val string) *api.NQuad {
	return &api.NQuad{Subject: sub, Predicate: p, ObjectValue: &api.Value{Val: &api.Value_StrVal{StrVal: val}}}
}
