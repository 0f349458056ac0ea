package kg

import (
	"context"
	"sync/atomic"
)

// RoundTrips counts the calls a store makes to its backend on behalf of one
// request: each query, mutation, commit or schema change sent to a remote
// database is one round trip. A store that holds its graph in memory makes
// none. The counter is safe for concurrent use.
type RoundTrips struct{ n atomic.Int64 }

// Load returns the number of round trips counted so far.
func (t *RoundTrips) Load() int64 { return t.n.Load() }

type tripsKey struct{}

// WithRoundTrips returns a context whose requests count their round trips
// in a new counter, and that counter.
func WithRoundTrips(ctx context.Context) (context.Context, *RoundTrips) {
	t := new(RoundTrips)
	return context.WithValue(ctx, tripsKey{}, t), t
}

// CountRoundTrip adds one round trip to the counter of ctx, if it has one.
// Stores call it once per call to their backend.
func CountRoundTrip(ctx context.Context) {
	if t, ok := ctx.Value(tripsKey{}).(*RoundTrips); ok {
		t.n.Add(1)
	}
}
