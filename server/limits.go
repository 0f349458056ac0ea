package server

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Limits bound what one request may ask for. A request over a limit is
// refused before it runs, with extensions.code LIMIT_EXCEEDED. Zero turns a
// limit off.
type Limits struct {
	MaxDepth      int           // nesting of fields in a query
	MaxComplexity int           // estimated cost; see the cost method
	MaxTokens     int           // tokens the parser reads
	MaxAliases    int           // aliased fields in a query
	MaxBodyBytes  int64         // request body
	Timeout       time.Duration // deadline of a request, down to the store
}

// DefaultLimits are on unless configured otherwise.
func DefaultLimits() Limits {
	return Limits{
		MaxDepth:      12,
		MaxComplexity: 50000, // a 1,000-node neighbourhood with its relations passes
		MaxTokens:     10000,
		MaxAliases:    50,
		MaxBodyBytes:  1 << 20,
		Timeout:       10 * time.Second,
	}
}

// fanOut is the cost multiplier of a list field that has no size argument:
// a guess of how many items such lists hold.
const fanOut = 10

// sizeArgs are the arguments that bound the size of a field's list, and
// how many items a value of n allows.
var sizeArgs = map[string]func(n int) int{
	"first":   func(n int) int { return n },
	"limit":   func(n int) int { return n },
	"maxHops": func(n int) int { return n + 1 },
}

// queryLimits checks depth, aliases and complexity of an operation after
// it is parsed and validated, in one walk that visits each fragment once.
type queryLimits struct{ Limits }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = queryLimits{}

func (queryLimits) ExtensionName() string                   { return "QueryLimits" }
func (queryLimits) Validate(graphql.ExecutableSchema) error { return nil }
func (l queryLimits) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	w := walker{vars: oc.Variables, frags: map[fragmentUse]measure{}}
	m := w.selections(oc.Operation.SelectionSet, false)
	switch {
	case l.MaxDepth > 0 && m.depth > l.MaxDepth:
		return limitError("query depth %d exceeds the limit of %d", m.depth, l.MaxDepth)
	case l.MaxAliases > 0 && m.aliases > l.MaxAliases:
		return limitError("query has %d aliases, more than the limit of %d", m.aliases, l.MaxAliases)
	case l.MaxComplexity > 0 && m.cost > l.MaxComplexity:
		return limitError("query complexity %d exceeds the limit of %d; ask for fewer items (first, limit) or fewer nested lists", m.cost, l.MaxComplexity)
	}
	return nil
}

func limitError(format string, args ...any) *gqlerror.Error {
	err := gqlerror.Errorf(format, args...)
	err.Extensions = map[string]any{"code": CodeLimitExceeded}
	return err
}

// measure is what the walk finds in a selection set.
type measure struct {
	depth, aliases, cost int
}

type walker struct {
	vars  map[string]any
	frags map[fragmentUse]measure
}

// fragmentUse is a fragment measured in a context: inside a size-bounded
// field or not.
type fragmentUse struct {
	def   *ast.FragmentDefinition
	sized bool
}

// selections measures a selection set. sized says the enclosing field
// already bounded the size of its lists (a connection's edges), so a list
// directly inside is not multiplied again.
func (w walker) selections(set ast.SelectionSet, sized bool) measure {
	var m measure
	for _, sel := range set {
		var s measure
		switch sel := sel.(type) {
		case *ast.Field:
			s = w.field(sel, sized)
		case *ast.InlineFragment:
			s = w.selections(sel.SelectionSet, sized)
		case *ast.FragmentSpread:
			if sel.Definition == nil {
				continue
			}
			use := fragmentUse{sel.Definition, sized}
			var ok bool
			if s, ok = w.frags[use]; !ok {
				s = w.selections(sel.Definition.SelectionSet, sized)
				w.frags[use] = s
			}
		}
		m.depth = max(m.depth, s.depth)
		m.aliases = saturate(m.aliases + s.aliases)
		m.cost = saturate(m.cost + s.cost)
	}
	return m
}

func (w walker) field(f *ast.Field, sized bool) measure {
	// Introspection is bounded by the schema's size, and gqlparser already
	// limits its depth; GraphiQL's own introspection query must pass.
	if strings.HasPrefix(f.Name, "__") {
		return measure{depth: 1, cost: 1}
	}
	m := measure{depth: 1, cost: 1}
	if f.Alias != "" && f.Alias != f.Name {
		m.aliases = 1
	}
	if len(f.SelectionSet) == 0 {
		return m
	}
	mult, bounded := 1, false
	if f.Definition != nil {
		args := f.ArgumentMap(w.vars)
		for name, size := range sizeArgs {
			if n, ok := asInt(args[name]); ok {
				mult, bounded = max(1, size(n)), true
			}
		}
		if !bounded && !sized && f.Definition.Type.Elem != nil {
			mult = fanOut
		}
	}
	c := w.selections(f.SelectionSet, bounded)
	m.depth += c.depth
	m.aliases = saturate(m.aliases + c.aliases)
	m.cost = saturate(m.cost + mult*min(c.cost, maxCost))
	return m
}

// maxCost caps sums so that absurd queries cannot overflow.
const maxCost = 1 << 30

func saturate(n int) int { return min(n, maxCost) }

func asInt(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		return int(min(n, maxCost)), true
	case float64:
		return int(min(n, maxCost)), true
	case json.Number:
		i, err := n.Int64()
		return int(min(i, maxCost)), err == nil
	}
	return 0, false
}
