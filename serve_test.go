package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"policykg/server/apitest"
)

var servingURL = regexp.MustCompile(`url=(http://\S+/graphql)`)

// startServe runs the program with args on a free port and returns the
// GraphQL URL, a function that stops it (as SIGINT would) and returns its
// exit code, and its logs.
func startServe(t *testing.T, args ...string) (string, func() int, *apitest.LogBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	logs := &apitest.LogBuffer{}
	exit := make(chan int, 1)
	// Flags go before documents.
	full := []string{"-addr", "127.0.0.1:0"}
	if len(args) > 0 && args[0] == "serve" {
		full = append([]string{"serve"}, append(full, args[1:]...)...)
	} else {
		full = append(full, args...)
	}
	go func() { exit <- run(ctx, full, io.Discard, logs) }()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if m := servingURL.FindStringSubmatch(logs.String()); m != nil {
			stop := func() int {
				cancel()
				select {
				case code := <-exit:
					return code
				case <-time.After(15 * time.Second):
					t.Fatal("the server did not stop")
					return -1
				}
			}
			t.Cleanup(func() { cancel() })
			return m[1], stop, logs
		}
		select {
		case code := <-exit:
			cancel()
			t.Fatalf("exited with %d before serving: %s", code, logs)
		default:
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("not serving after 10s: %s", logs)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// post sends a query and returns the response body, failing the test
// unless the status is want.
func post(t *testing.T, url, query string, want int) string {
	t.Helper()
	res, err := http.Post(url, "application/json", strings.NewReader(`{"query":`+quote(query)+`}`))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != want {
		t.Fatalf("status %d, want %d: %s", res.StatusCode, want, b)
	}
	return string(b)
}

func quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}

func TestServeSeedsByDefault(t *testing.T) {
	for _, args := range [][]string{{}, {"serve"}} {
		url, stop, logs := startServe(t, args...)
		got := post(t, url, `{ documents { id } }`, http.StatusOK)
		if !strings.Contains(got, `"policy-document/jiaozuo-innovation-program"`) {
			t.Errorf("args %q: documents = %s", args, got)
		}
		base := strings.TrimSuffix(url, "/graphql")
		for _, p := range []string{"/healthz", "/readyz", "/"} {
			res, err := http.Get(base + p)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != 200 {
				t.Errorf("GET %s: %d", p, res.StatusCode)
			}
		}
		if code := stop(); code != 0 {
			t.Errorf("exit %d after shutdown: %s", code, logs)
		}
		if !strings.Contains(logs.String(), "stopped") {
			t.Errorf("no clean shutdown in the logs: %s", logs)
		}
	}
}

func TestServeDocumentsReplaceSeeds(t *testing.T) {
	doc := filepath.Join(t.TempDir(), "tiny-program.txt")
	os.WriteFile(doc, []byte("Tiny City Program\n\nCooperate with Alpha University.\n"), 0o644)
	url, stop, _ := startServe(t, "serve", doc)
	got := post(t, url, `{ documents { id } }`, http.StatusOK)
	if !strings.Contains(got, `"policy-document/tiny-program"`) || strings.Contains(got, "jiaozuo") {
		t.Errorf("documents = %s", got)
	}
	stop()
}

func TestServeLimitsFromFlags(t *testing.T) {
	url, stop, _ := startServe(t, "-max-depth", "2")
	got := post(t, url, `{ entity(id: "industry/food") { relations { type } } }`, http.StatusBadRequest)
	if !strings.Contains(got, "LIMIT_EXCEEDED") {
		t.Errorf("depth 3 with -max-depth 2: %s", got)
	}
	stop()
}

func TestServeBadStart(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		code int
	}{
		{"missing document", []string{"serve", filepath.Join(t.TempDir(), "nope.txt")}, 1},
		{"bad flag", []string{"serve", "-nope"}, 2},
		{"negative limit", []string{"serve", "-max-depth", "-1"}, 2},
		{"bad address", []string{"serve", "-addr", "256.0.0.1:1"}, 1},
		{"help", []string{"serve", "-h"}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := runCLI(tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d: %s", code, tc.code, errs)
			}
		})
	}
}
