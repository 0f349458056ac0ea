package loader

import (
	"bytes"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"policykg/kg"
	"policykg/seeds"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

const seedName = "jiaozuo-innovation-program.txt"

func newLoader(t testing.TB) *Loader {
	t.Helper()
	l, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func parseText(t testing.TB, text string) *kg.Graph {
	t.Helper()
	g, err := newLoader(t).Parse("doc.txt", []byte(text))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	checkInvariants(t, []byte(text), g)
	return g
}

// checkInvariants holds for every graph: sources are exact spans of the
// document, relation ends exist, IDs are unique, lists are sorted.
func checkInvariants(t testing.TB, data []byte, g *kg.Graph) {
	t.Helper()
	ids := map[string]bool{}
	checkSources := func(what string, srcs []kg.Source) {
		for _, s := range srcs {
			if s.Start < 0 || s.End > len(data) || s.Start >= s.End {
				t.Fatalf("%s: source span [%d,%d) outside document of %d bytes", what, s.Start, s.End, len(data))
			}
			if got := string(data[s.Start:s.End]); got != s.Text {
				t.Fatalf("%s: source text %q != document[%d:%d] %q", what, s.Text, s.Start, s.End, got)
			}
			if s.Section != "" && !ids[s.Section] {
				t.Fatalf("%s: source section %q is no entity", what, s.Section)
			}
		}
	}
	for i, e := range g.Entities {
		if ids[e.ID] {
			t.Fatalf("duplicate entity ID %q", e.ID)
		}
		if i > 0 && g.Entities[i-1].ID >= e.ID {
			t.Fatalf("entities not sorted at %q", e.ID)
		}
		ids[e.ID] = true
	}
	for _, e := range g.Entities {
		if e.Name == "" || e.Kind == "" {
			t.Fatalf("entity %q without name or kind", e.ID)
		}
		if len(e.Sources) == 0 {
			t.Fatalf("entity %q has no source", e.ID)
		}
		checkSources(e.ID, e.Sources)
	}
	for _, r := range g.Relations {
		if !ids[r.From] || !ids[r.To] {
			t.Fatalf("relation %s %q → %q has a missing end", r.Type, r.From, r.To)
		}
		if len(r.Sources) == 0 {
			t.Fatalf("relation %s %q → %q has no source", r.Type, r.From, r.To)
		}
		checkSources(string(r.Type), r.Sources)
	}
}

// TestGoldenSeed compares the seed's whole extraction with the reviewed
// golden file. After a deliberate change, rerun with -update and review the
// diff of testdata/*.golden.json by reading the seed text.
func TestGoldenSeed(t *testing.T) {
	data, err := seeds.FS.ReadFile(seedName)
	if err != nil {
		t.Fatal(err)
	}
	g, err := newLoader(t).Parse("seeds/"+seedName, data)
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, data, g)
	got, err := json.MarshalIndent(g, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden := filepath.Join("testdata", strings.TrimSuffix(seedName, ".txt")+".golden.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./loader -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("extraction differs from %s; run go test ./loader -update and review the diff", golden)
	}
	// Parsing is deterministic: a second run gives the same bytes.
	g2, _ := newLoader(t).Parse("seeds/"+seedName, data)
	again, _ := json.MarshalIndent(g2, "", "  ")
	if !bytes.Equal(append(again, '\n'), got) {
		t.Error("two parses of the seed differ")
	}
}

func TestValidate(t *testing.T) {
	l, err := New(Options{MaxBytes: 64})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		data string
		code string
	}{
		{"empty", "", kg.EINVALID},
		{"only space", " \n\t\n", kg.EINVALID},
		{"only BOM", "\ufeff\n", kg.EINVALID},
		{"NUL bytes", "Title\x00\x00\x00", kg.EINVALID},
		{"invalid UTF-8", "Title \xff\xfe program", kg.EINVALID},
		{"control characters", strings.Repeat("\x01\x02", 10), kg.EINVALID},
		{"too large", strings.Repeat("a", 65), kg.ELIMIT},
		{"fine", "A program\n\nFirst, goals\n", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := l.Parse("x.txt", []byte(c.data))
			if got := kg.ErrorCode(err); got != c.code {
				t.Fatalf("code = %q (%v), want %q", got, err, c.code)
			}
		})
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	os.WriteFile(big, bytes.Repeat([]byte("a"), 100), 0o644)
	ok := filepath.Join(dir, "ok.txt")
	os.WriteFile(ok, []byte("Title\n"), 0o644)
	l, _ := New(Options{MaxBytes: 50})
	cases := []struct {
		path string
		code string
	}{
		{filepath.Join(dir, "missing.txt"), kg.ENOTFOUND},
		{dir, kg.EINVALID},
		{big, kg.ELIMIT},
		{ok, ""},
	}
	for _, c := range cases {
		_, err := l.ReadFile(c.path)
		if got := kg.ErrorCode(err); got != c.code {
			t.Errorf("ReadFile(%s): code %q (%v), want %q", filepath.Base(c.path), got, err, c.code)
		}
	}
}

func TestLoadFilesMergesAndKeepsPaths(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a", "prog.txt")
	b := filepath.Join(dir, "b", "prog.txt")
	for _, p := range []string{a, b} {
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("A program\n\nFirst, tasks\n\n1. Grow. Relying on backbone enterprises such as Alpha Group and Beta Steel, focus on the development of rebar, wire and other products to make the steel industry stronger.\n"), 0o644)
	}
	g, err := newLoader(t).LoadFiles([]string{a, b})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Documents) != 2 || g.Documents[0].ID == g.Documents[1].ID {
		t.Fatalf("documents = %+v, want two with distinct IDs", g.Documents)
	}
	if g.Documents[0].Path != a || g.Documents[1].Path != b {
		t.Errorf("paths = %q, %q; want them as given", g.Documents[0].Path, g.Documents[1].Path)
	}
	// The same enterprise in both documents is one entity with two sources.
	for _, e := range g.Entities {
		if e.ID == "enterprise/alpha-group" {
			if len(e.Sources) != 2 {
				t.Errorf("alpha-group sources = %d, want 2", len(e.Sources))
			}
			return
		}
	}
	t.Error("enterprise/alpha-group not found")
}

func TestNoOutlineStillYieldsProgram(t *testing.T) {
	g := parseText(t, "Just one line of prose about nothing in particular.")
	if len(g.Entities) != 1 || g.Entities[0].Kind != kg.KindPolicyDocument {
		t.Fatalf("entities = %+v, want only the program", g.Entities)
	}
	if g.Entities[0].ID != "policy-document/doc" {
		t.Errorf("program ID = %q", g.Entities[0].ID)
	}
}

// FuzzParse feeds the loader arbitrary documents: it must never panic, and
// whatever it returns must satisfy the graph invariants.
// parseTimeout bounds one parse under fuzzing: the seed takes 4 ms.
const parseTimeout = 5 * time.Second

func FuzzParse(f *testing.F) {
	data, _ := seeds.FS.ReadFile(seedName)
	f.Add(data)
	f.Add([]byte("Title\n\nI. Part\n\n(1) Item. Relying on leading enterprises like A and B, focus on X, Y and other products.\n\nResponsible units: X Bureau, Y Commission\n"))
	f.Add([]byte("T\n\nBy 2020, more than 3 to 5 (Jiao [2017] No. 15) \"quoted\" 50 billion yuan, 50%, respectively"))
	f.Add([]byte("(a)\n1.\nFirst,\n\"unterminated"))
	l := newLoader(f)
	f.Fuzz(func(t *testing.T, doc []byte) {
		// A parse that runs away is a failure too (the fuzzer has no
		// timeout of its own): the service parses documents users give it.
		type result struct {
			g   *kg.Graph
			err error
		}
		done := make(chan result, 1)
		go func() {
			g, err := l.Parse("fuzz.txt", doc)
			done <- result{g, err}
		}()
		var r result
		select {
		case r = <-done:
		case <-time.After(parseTimeout):
			t.Fatalf("parse of %d bytes did not finish in %v", len(doc), parseTimeout)
		}
		g, err := r.g, r.err
		if err != nil {
			if kg.ErrorCode(err) == kg.EINTERNAL {
				t.Fatalf("uncoded error: %v", err)
			}
			return
		}
		checkInvariants(t, doc, g)
	})
}

func TestCRLFAndBOM(t *testing.T) {
	data, _ := seeds.FS.ReadFile(seedName)
	crlf := append([]byte("\ufeff"), bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))...)
	keys := func(doc []byte) string {
		g, err := newLoader(t).Parse(seedName, doc)
		if err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, doc, g)
		var out []string
		for _, e := range g.Entities {
			out = append(out, e.ID+"="+e.Name)
		}
		for _, r := range g.Relations {
			out = append(out, r.Key())
		}
		return strings.Join(out, "\n")
	}
	if keys(data) != keys(crlf) {
		t.Error("CRLF line ends and a byte order mark change the extraction")
	}
}

// largeDocument is the seed with its body repeated to about n bytes.
func largeDocument(n int) []byte {
	data, _ := seeds.FS.ReadFile(seedName)
	_, body, _ := bytes.Cut(data, []byte("\n\n"))
	out := append([]byte(nil), data...)
	for len(out) < n {
		out = append(out, "\n\n"...)
		out = append(out, body...)
	}
	return out
}

// BenchmarkParseLarge shows that time grows linearly with the document:
// compare its MB/s with BenchmarkParseSeed's.
func BenchmarkParseLarge(b *testing.B) {
	data := largeDocument(3 << 20)
	l := newLoader(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := l.Parse("large.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseOneLine is BenchmarkParseLarge for a document written as
// one line (a paragraph that never ends): every per-line and per-title
// step must stay linear there too.
func BenchmarkParseOneLine(b *testing.B) {
	data := bytes.ReplaceAll(largeDocument(1<<20), []byte("\n"), []byte(" "))
	l := newLoader(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := l.Parse("oneline.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseSeed(b *testing.B) {
	data, err := seeds.FS.ReadFile(seedName)
	if err != nil {
		b.Fatal(err)
	}
	l := newLoader(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := l.Parse(seedName, data); err != nil {
			b.Fatal(err)
		}
	}
}

func TestLoadFSMatchesLoadFiles(t *testing.T) {
	data, err := seeds.FS.ReadFile(seedName)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, seedName), data, 0o644)
	fsys := fstest.MapFS{
		seedName:    {Data: data},
		"empty.txt": {Data: nil},
		"dir.txt":   {Mode: fs.ModeDir},
	}
	l := newLoader(t)
	fromFS, err := l.LoadFS(fsys, []string{seedName})
	if err != nil {
		t.Fatal(err)
	}
	fromFile, err := l.LoadFiles([]string{filepath.Join(dir, seedName)})
	if err != nil {
		t.Fatal(err)
	}
	fromFile.Documents[0].Path = seedName
	if !reflect.DeepEqual(fromFS, fromFile) {
		t.Error("LoadFS and LoadFiles give different graphs for the same document")
	}
	for name, code := range map[string]string{"missing.txt": kg.ENOTFOUND, "empty.txt": kg.EINVALID, "dir.txt": kg.EINVALID} {
		if _, err := l.LoadFS(fsys, []string{seedName, name}); kg.ErrorCode(err) != code {
			t.Errorf("LoadFS(%s): error %v, want code %s", name, err, code)
		}
	}
}
