package main

import (
	"encoding/json"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"policykg/internal/dgraphrun"
)

// privateDgraph starts a Dgraph of the test's own, which it may stop and
// restart. It needs DGRAPH_ADDR set (the sign that Dgraph tests are wanted)
// and a dgraph binary (dgraphrun.Binary).
func privateDgraph(t *testing.T) *dgraphrun.Cluster {
	t.Helper()
	if os.Getenv("DGRAPH_ADDR") == "" {
		t.Skip("DGRAPH_ADDR is not set: the Dgraph fault tests run only with it (make test sets it, and DGRAPH_BIN)")
	}
	bin, err := dgraphrun.Binary()
	if err != nil {
		t.Fatal(err)
	}
	c, err := dgraphrun.Start(t.Context(), dgraphrun.Options{Bin: bin})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Stop() })
	return c
}

// get returns the status of a GET.
func get(t *testing.T, url string) int {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode
}

// errorCode posts a query and returns its first error's extensions.code,
// "" when it succeeds, and how long it took.
func errorCode(t *testing.T, url, query string) (string, time.Duration) {
	t.Helper()
	start := time.Now()
	body := post(t, url, query, http.StatusOK)
	d := time.Since(start)
	var r struct {
		Errors []struct {
			Extensions struct{ Code string }
		}
	}
	if err := json.Unmarshal([]byte(body), &r); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	if len(r.Errors) == 0 {
		return "", d
	}
	return r.Errors[0].Extensions.Code, d
}

// TestDgraphDownAndBack stops and restarts Dgraph under load and serve:
// load fails with a clear message; serve starts anyway, says 503 at
// /readyz, fails queries fast with BACKEND_UNAVAILABLE, and recovers by
// itself when Dgraph is back.
func TestDgraphDownAndBack(t *testing.T) {
	c := privateDgraph(t)
	const seed = "seeds/jiaozuo-innovation-program.txt"
	if code, _, stderr := runCLI("load", "-dgraph", c.Addr, seed); code != 0 {
		t.Fatalf("load: exit %d: %s", code, stderr)
	}
	if err := c.StopAlpha(); err != nil {
		t.Fatal(err)
	}

	code, _, stderr := runCLI("load", "-dgraph", c.Addr, seed)
	if code == 0 || !strings.Contains(stderr, "cannot reach Dgraph at "+c.Addr) {
		t.Errorf("load with Dgraph down: exit %d, stderr %q; want non-zero and a message naming Dgraph", code, stderr)
	}

	url, stop, logs := startServe(t, "serve", "-dgraph", c.Addr)
	base := strings.TrimSuffix(url, "/graphql")
	const query = `{ entity(id: "industry/new-materials") { name } }`
	down := func(when string) {
		t.Helper()
		if got := get(t, base+"/readyz"); got != http.StatusServiceUnavailable {
			t.Errorf("%s: /readyz %d, want 503", when, got)
		}
		code, d := errorCode(t, url, query)
		if code != "BACKEND_UNAVAILABLE" {
			t.Errorf("%s: query error %q, want BACKEND_UNAVAILABLE", when, code)
		}
		if d > 2*time.Second {
			t.Errorf("%s: the query took %v to fail; want it to fail fast", when, d)
		}
	}
	back := func(when string) {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for get(t, base+"/readyz") != http.StatusOK {
			if time.Now().After(deadline) {
				t.Fatalf("%s: /readyz not 200 after 30s\n%s", when, logs)
			}
			time.Sleep(100 * time.Millisecond)
		}
		if code, _ := errorCode(t, url, query); code != "" {
			t.Errorf("%s: query failed with %s", when, code)
		}
		if body := post(t, url, query, http.StatusOK); !strings.Contains(body, `"name":"new materials"`) {
			t.Errorf("%s: %s", when, body)
		}
	}

	down("started while Dgraph was down")
	if err := c.StartAlpha(t.Context()); err != nil {
		t.Fatal(err)
	}
	back("Dgraph started")
	if err := c.StopAlpha(); err != nil {
		t.Fatal(err)
	}
	down("Dgraph stopped while serving")
	if err := c.StartAlpha(t.Context()); err != nil {
		t.Fatal(err)
	}
	back("Dgraph restarted")
	if code := stop(); code != 0 {
		t.Errorf("serve exited %d", code)
	}
}
