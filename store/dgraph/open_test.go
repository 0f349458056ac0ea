package dgraph_test

import (
	"context"
	"testing"
	"time"

	"policykg/kg"
	"policykg/store/dgraph"
)

// These need no Dgraph.

func TestOpenRefusesBadAddresses(t *testing.T) {
	for _, addr := range []string{"", "localhost", ":9080", "127.0.0.1:0", "127.0.0.1:port", "127.0.0.1:70000"} {
		if _, err := dgraph.Open(addr); kg.ErrorCode(err) != kg.EINVALID {
			t.Errorf("Open(%q) = %v, want EINVALID", addr, err)
		}
	}
}

// TestUnreachableFailsFast: with nothing listening, every call fails at
// once with EUNAVAILABLE, not at its deadline.
func TestUnreachableFailsFast(t *testing.T) {
	s, err := dgraph.Open("127.0.0.1:1") // nothing listens on port 1
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	for name, call := range map[string]func() error{
		"Ready":    func() error { return s.Ready(ctx) },
		"Entities": func() error { _, err := s.Entities(ctx, []string{"x"}); return err },
		"Search":   func() error { _, err := s.Search(ctx, "x", nil, 1); return err },
		"Load":     func() error { return s.Load(ctx, &kg.Graph{}) },
	} {
		start := time.Now()
		err := call()
		if kg.ErrorCode(err) != kg.EUNAVAILABLE {
			t.Errorf("%s = %v, want EUNAVAILABLE", name, err)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%s took %v to fail", name, d)
		}
	}
}
