package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"policykg/kg"
)

func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestExtractSeed(t *testing.T) {
	path := "seeds/jiaozuo-innovation-program.txt"
	code, out, errs := runCLI("extract", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var g kg.Graph
	if err := json.Unmarshal([]byte(out), &g); err != nil {
		t.Fatalf("output is not one JSON graph: %v", err)
	}
	if len(g.Documents) != 1 || g.Documents[0].Path != path || g.Documents[0].ID != "policy-document/jiaozuo-innovation-program" {
		t.Errorf("documents = %+v", g.Documents)
	}
	if g.Documents[0].Title != "City to promote technological innovation attack program" {
		t.Errorf("title = %q", g.Documents[0].Title)
	}
	kinds := map[kg.Kind]int{}
	for _, e := range g.Entities {
		kinds[e.Kind]++
	}
	for _, k := range kg.Kinds {
		if kinds[k] == 0 {
			t.Errorf("no entity of kind %s", k)
		}
	}
	types := map[kg.RelationType]int{}
	for _, r := range g.Relations {
		types[r.Type]++
	}
	for _, rt := range kg.RelationTypes {
		if types[rt] == 0 {
			t.Errorf("no relation of type %s", rt)
		}
	}
	// The raw JSON carries the contract's field names and nulls.
	for _, field := range []string{`"documents"`, `"entities"`, `"relations"`, `"aliases"`, `"sources"`, `"section"`, `"valueMax": null`, `"comparator"`, `"metric"`} {
		if !strings.Contains(out, field) {
			t.Errorf("output lacks %s", field)
		}
	}
}

func TestExtractBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", []byte("A program\n\nFirst, goals\n"))
	cases := []struct {
		name string
		args []string
		code int
	}{
		{"no files", []string{"extract"}, 2},
		{"missing file", []string{"extract", filepath.Join(dir, "nope.txt")}, 1},
		{"directory", []string{"extract", dir}, 1},
		{"empty file", []string{"extract", write("empty.txt", nil)}, 1},
		{"invalid UTF-8", []string{"extract", write("latin1.txt", []byte("Programme \xe9t\xe9"))}, 1},
		{"binary", []string{"extract", write("bin.txt", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2})}, 1},
		{"too large", []string{"extract", "-max-bytes", "10", good}, 1},
		{"one bad among good", []string{"extract", good, filepath.Join(dir, "nope.txt")}, 1},
		{"unknown flag", []string{"extract", "-nope", good}, 2},
		{"unknown command", []string{"frobnicate"}, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := runCLI(c.args...)
			if code != c.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, c.code, errs)
			}
			if out != "" {
				t.Errorf("stdout not empty: %q", out)
			}
			if c.code == 1 && (strings.Count(errs, "\n") != 1 || !strings.HasSuffix(errs, "\n")) {
				t.Errorf("stderr is not one line: %q", errs)
			}
		})
	}
}

func TestExtractSeveralFiles(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	b := filepath.Join(dir, "b.txt")
	os.WriteFile(a, []byte("Program A\n\nResponsible units: Finance Bureau\n"), 0o644)
	os.WriteFile(b, []byte("Program B\n\nCooperate with Alpha University.\n"), 0o644)
	code, out, errs := runCLI("extract", a, b)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var g kg.Graph
	if err := json.Unmarshal([]byte(out), &g); err != nil {
		t.Fatal(err)
	}
	if len(g.Documents) != 2 || g.Documents[0].Path != a || g.Documents[1].Path != b {
		t.Errorf("documents = %+v", g.Documents)
	}
}

// TestLoadAndServeUsage: the Dgraph commands refuse bad usage with exit 2
// and an unreachable Dgraph with exit 1, writing nothing.
func TestLoadAndServeUsage(t *testing.T) {
	const seed = "seeds/jiaozuo-innovation-program.txt"
	for _, tc := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"load", seed}, 2, "need -dgraph"},
		{[]string{"load", "-dgraph", "127.0.0.1:9080"}, 2, "at least one FILE"},
		{[]string{"load", "-dgraph", "nonsense", seed}, 2, "want HOST:PORT"},
		{[]string{"load", "-dgraph", "127.0.0.1:1", "no-such-file.txt"}, 1, "nothing was loaded"},
		{[]string{"load", "-dgraph", "127.0.0.1:1", seed}, 1, "cannot reach Dgraph at 127.0.0.1:1"},
		{[]string{"serve", "-dgraph", "127.0.0.1:1", seed}, 2, "policykg load -dgraph"},
	} {
		code, _, stderr := runCLI(tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.says) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d saying %q", tc.args, code, stderr, tc.code, tc.says)
		}
	}
}
