package dgraph_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"policykg/kg"
	"policykg/store/dgraph"
)

// oneEntity is a graph of one industry named in one place of a document.
func oneEntity(doc string, start int) *kg.Graph {
	src := kg.Source{Document: doc, Start: start, End: start + 5, Text: "steel"}
	return &kg.Graph{
		Documents: []kg.Document{{ID: doc, Title: doc, Path: doc + ".txt"}},
		Entities:  []kg.Entity{{ID: "industry/steel", Kind: kg.KindIndustry, Name: "steel", Sources: []kg.Source{src}}},
	}
}

// TestAbortedLoadIsRetried makes another load write the same entity between
// a load's read and its write: Dgraph aborts the first attempt, and the
// retry merges both.
func TestAbortedLoadIsRetried(t *testing.T) {
	s := open(t)
	ctx := t.Context()
	var done atomic.Bool // the other load runs once (it calls the hook too)
	restore := dgraph.SetAfterRead(func() {
		if done.CompareAndSwap(false, true) {
			if err := s.Load(ctx, oneEntity("policy-document/b", 20)); err != nil {
				t.Errorf("concurrent load: %v", err)
			}
		}
	})
	st, err := s.LoadGraph(ctx, oneEntity("policy-document/a", 10))
	restore()
	if err != nil {
		t.Fatal(err)
	}
	if st.Attempts != 2 {
		t.Errorf("Attempts = %d, want 2 (one aborted, one retried)", st.Attempts)
	}
	ents, err := s.Entities(ctx, []string{"industry/steel"})
	if err != nil {
		t.Fatal(err)
	}
	var docs []string
	for _, src := range ents[0].Sources {
		docs = append(docs, src.Document)
	}
	if want := []string{"policy-document/a", "policy-document/b"}; !slices.Equal(docs, want) {
		t.Errorf("sources from %v, want %v: the retry lost a load", docs, want)
	}
}

// TestConcurrentLoadsMerge loads documents that share an entity from many
// goroutines at once: aborts are retried until every one has merged.
func TestConcurrentLoadsMerge(t *testing.T) {
	s := open(t)
	ctx := t.Context()
	const n = 8
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			errs[i] = s.Load(ctx, oneEntity("policy-document/d"+string(rune('a'+i)), 10*i))
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	ents, err := s.Entities(ctx, []string{"industry/steel"})
	if err != nil {
		t.Fatal(err)
	}
	if got := len(ents[0].Sources); got != n {
		t.Errorf("%d sources, want %d", got, n)
	}
	docs, err := s.Documents(ctx)
	if err != nil || len(docs) != n {
		t.Errorf("Documents = %d, %v; want %d", len(docs), err, n)
	}
}

// TestDeadline: a call whose deadline passes while Dgraph works returns
// promptly with ELIMIT.
func TestDeadline(t *testing.T) {
	s := open(t)
	if err := s.Load(t.Context(), oneEntity("policy-document/a", 0)); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := s.Neighborhood(ctx, "industry/steel", 6, nil, 1000)
	if kg.ErrorCode(err) != kg.ELIMIT {
		t.Errorf("Neighborhood past its deadline = %v, want ELIMIT", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("returned after %v, long past its 1ms deadline", d)
	}
}
