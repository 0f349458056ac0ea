package apitest

import (
	"context"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"policykg/loader"
	"policykg/seeds"
)

// AuditEnv, when set to 1, makes a missing audit tool fail the test
// instead of skipping it; the README's test command sets it.
const AuditEnv = "POLICYKG_AUDIT"

// Audit runs the graphql-http server audits (tools/audit) against a
// GraphQL endpoint and fails the test if any MUST or SHOULD audit fails.
// It needs Node.js and `npm ci --prefix tools/audit`; without them it
// skips, unless AuditEnv is 1.
func Audit(t *testing.T, url string) {
	t.Helper()
	dir := filepath.Join(moduleRoot(t), "tools", "audit")
	_, err := os.Stat(filepath.Join(dir, "node_modules", "graphql-http"))
	node, nodeErr := exec.LookPath("node")
	if err != nil || nodeErr != nil {
		msg := "graphql-http audit not run: it needs node and `npm ci --prefix tools/audit` (make test does both)"
		if os.Getenv(AuditEnv) == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, node, filepath.Join(dir, "audit.mjs"), url).CombinedOutput()
	if err != nil {
		t.Fatalf("graphql-http audit failed: %v\n%s", err, out)
	}
	t.Logf("graphql-http audit:\n%s", out)
}

// moduleRoot finds the directory of go.mod above the working directory.
func moduleRoot(t *testing.T) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the working directory")
		}
		dir = parent
	}
}

// seedText returns the text of each seed document by document ID.
func seedText(t *testing.T) map[string]string {
	text := map[string]string{}
	for _, n := range seeds.Names() {
		b, err := fs.ReadFile(seeds.FS, n)
		if err != nil {
			t.Fatal(err)
		}
		text[loader.DocumentID(n)] = string(b)
	}
	return text
}
