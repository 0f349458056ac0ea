package dgraph_test

import (
	"context"
	"os"
	"testing"
	"time"

	"policykg/kg"
	"policykg/server/apitest"
	"policykg/store/dgraph"
	"policykg/store/storetest"
)

// addr returns the Dgraph Alpha the tests use, from DGRAPH_ADDR; without it
// the test is skipped. With it, a Dgraph that cannot be reached fails the
// test.
func addr(t testing.TB) string {
	t.Helper()
	a := os.Getenv("DGRAPH_ADDR")
	if a == "" {
		t.Skip("DGRAPH_ADDR is not set: set it to a Dgraph Alpha's gRPC address (HOST:PORT) to test the Dgraph store; make test starts a throwaway Dgraph and sets it")
	}
	return a
}

// open returns a store over an emptied Dgraph.
func open(t testing.TB) *dgraph.Store {
	t.Helper()
	s, err := dgraph.Open(addr(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := s.DropAll(ctx); err != nil {
		t.Fatalf("DGRAPH_ADDR=%s: %v", addr(t), err)
	}
	return s
}

func TestSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) kg.Store { return open(t) })
}

// TestAPI runs the API suite, graphql-http audit included, on the Dgraph
// store: it must answer every query as the memory store does.
func TestAPI(t *testing.T) {
	apitest.Run(t, func(t *testing.T) kg.Store { return open(t) })
}

func BenchmarkStore(b *testing.B) {
	storetest.Bench(b, func(tb testing.TB) kg.Store { return open(tb) })
}

// BenchmarkQuery runs the handler benchmarks of server.BenchmarkQuery on
// the Dgraph store.
func BenchmarkQuery(b *testing.B) {
	apitest.Bench(b, open(b))
}

// BenchmarkLoad loads a corpus of 20 documents made from the seed, one
// transaction each, into an emptied Dgraph, and reports N-Quads written per
// second.
func BenchmarkLoad(b *testing.B) {
	corpus := storetest.Corpus(b, 20)
	s := open(b)
	nquads := 0
	var elapsed time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		if err := s.DropAll(b.Context()); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		for _, g := range corpus {
			st, err := s.LoadGraph(b.Context(), g)
			if err != nil {
				b.Fatal(err)
			}
			nquads += st.NQuads
		}
		elapsed += time.Since(start)
	}
	b.ReportMetric(float64(nquads)/elapsed.Seconds(), "nquads/s")
	b.ReportMetric(float64(nquads)/float64(b.N), "nquads/op")
}
