package dgraphrun

import (
	"bytes"
	"context"
	"errors"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// binary returns the dgraph binary, or skips the test if there is none.
// With DGRAPH_ADDR set (as scripts/test.sh sets it) a Dgraph is expected,
// and with DGRAPH_BIN set one was named, so then a missing binary fails the
// test instead.
func binary(t *testing.T) string {
	t.Helper()
	bin, err := Binary()
	if err != nil {
		if a := os.Getenv("DGRAPH_ADDR"); a != "" {
			t.Fatalf("DGRAPH_ADDR=%s is set, so a Dgraph binary is expected too: %v", a, err)
		}
		if os.Getenv("DGRAPH_BIN") != "" {
			t.Fatal(err)
		}
		t.Skipf("skipping: %v", err)
	}
	return bin
}

// start starts a cluster with its output kept for the test log on failure.
func start(t *testing.T, o Options) *Cluster {
	t.Helper()
	var log lockedBuffer
	o.Log = &log
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	begin := time.Now()
	c, err := Start(ctx, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("Dgraph ready in %v at %s (HTTP %s), data in %s", time.Since(begin).Round(time.Millisecond), c.Addr, c.HTTPAddr, c.Dir)
	t.Cleanup(func() {
		if err := c.Stop(); err != nil {
			t.Error(err)
		}
		if t.Failed() {
			lines := strings.SplitAfter(log.String(), "\n")
			t.Logf("Dgraph's output (last 100 lines):\n%s", strings.Join(lines[max(0, len(lines)-100):], ""))
		}
	})
	return c
}

func mustQuery(t *testing.T, c *Cluster, q string) string {
	t.Helper()
	b, err := c.query(t.Context(), q)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func mutate(t *testing.T, c *Cluster, rdf string) {
	t.Helper()
	res, err := http.Post("http://"+c.HTTPAddr+"/mutate?commitNow=true", "application/rdf", strings.NewReader(`{ set { `+rdf+` } }`))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var b bytes.Buffer
	b.ReadFrom(res.Body)
	if res.StatusCode != 200 || strings.Contains(b.String(), `"errors"`) {
		t.Fatalf("mutate: %s: %s", res.Status, b.String())
	}
}

// portsFree fails the test if any of the cluster's ports is still bound.
func portsFree(t *testing.T, c *Cluster) {
	t.Helper()
	for _, b := range basePorts {
		l, err := net.Listen("tcp", c.addr(b))
		if err != nil {
			t.Errorf("port %d still taken after Stop: %v", c.port(b), err)
			continue
		}
		l.Close()
	}
}

const (
	setName   = `_:x <name> "dgraphrun" .`
	queryName = `{ q(func: has(name)) { name } }`
)

func TestStartStopAlphaStop(t *testing.T) {
	t.Parallel()
	c := start(t, Options{Bin: binary(t)})
	if !strings.HasPrefix(c.Addr, "127.0.0.1:") || !strings.HasPrefix(c.HTTPAddr, "127.0.0.1:") {
		t.Errorf("Addr %q, HTTPAddr %q: want loopback addresses", c.Addr, c.HTTPAddr)
	}
	mutate(t, c, setName)
	if got := mustQuery(t, c, queryName); !strings.Contains(got, `"dgraphrun"`) {
		t.Fatalf("query after mutation: %s", got)
	}

	if err := c.StopAlpha(); err != nil {
		t.Fatal(err)
	}
	if b, err := c.query(t.Context(), queryName); err == nil {
		t.Fatalf("query with alpha stopped answered: %s", b)
	}
	if err := c.StopAlpha(); err == nil {
		t.Error("StopAlpha twice: no error")
	}

	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	if err := c.StartAlpha(ctx); err != nil {
		t.Fatal(err)
	}
	if got := mustQuery(t, c, queryName); !strings.Contains(got, `"dgraphrun"`) {
		t.Fatalf("query after restarting alpha lost the data: %s", got)
	}
	if err := c.StartAlpha(ctx); err == nil {
		t.Error("StartAlpha with alpha running: no error")
	}

	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	portsFree(t, c)
	if _, err := os.Stat(c.Dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("data directory %s not removed by Stop: %v", c.Dir, err)
	}
	if err := c.Stop(); err != nil {
		t.Errorf("second Stop: %v", err)
	}
	if err := c.StartAlpha(ctx); err == nil {
		t.Error("StartAlpha after Stop: no error")
	}
}

// A data directory given to Start is kept, and runs again on the same ports
// (Dgraph remembers its addresses), with its data.
func TestSameDirAgain(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	dir := filepath.Join(t.TempDir(), "data")
	c := start(t, Options{Bin: bin, Dir: dir})
	mutate(t, c, setName)
	if err := c.Stop(); err != nil { // alpha running: Stop stops both
		t.Fatal(err)
	}
	portsFree(t, c)
	if _, err := os.Stat(filepath.Join(dir, "p")); err != nil {
		t.Fatalf("data directory not kept: %v", err)
	}

	c2 := start(t, Options{Bin: bin, Dir: dir})
	if c2.Addr != c.Addr {
		t.Errorf("second start on %s, first on %s", c2.Addr, c.Addr)
	}
	if got := mustQuery(t, c2, queryName); !strings.Contains(got, `"dgraphrun"`) {
		t.Fatalf("data lost across restarts: %s", got)
	}
}

func TestStartFailsWithOutput(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("uses a shell script as the binary")
	}
	// A "binary" that prints and exits: Start must fail fast, saying so.
	bin := filepath.Join(t.TempDir(), "dgraph")
	if err := os.WriteFile(bin, []byte("#!/bin/sh\necho \"no such luck: $1\"\nexit 3\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	// A relative Bin is relative to the working directory, not to Dir.
	wd, _ := os.Getwd()
	if rel, err := filepath.Rel(wd, bin); err == nil {
		bin = rel
	}
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	dir := filepath.Join(t.TempDir(), "data")
	_, err := Start(ctx, Options{Bin: bin, Dir: dir})
	if err == nil {
		t.Fatal("Start succeeded")
	}
	for _, want := range []string{"zero exited", "zero: no such luck: zero"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not say %q: %v", want, err)
		}
	}
	if ctx.Err() != nil {
		t.Errorf("Start waited for the deadline: %v", err)
	}
	// The offset recorded in the directory is free again.
	b, rerr := os.ReadFile(filepath.Join(dir, offsetFile))
	o, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	if rerr != nil || o == 0 {
		t.Fatalf("offset file: %q, %v", b, rerr)
	}
	held, err := reserve(o)
	if err != nil {
		t.Fatalf("ports of a failed start still taken: %v", err)
	}
	release(o, held)
}

func TestStartTimesOut(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("uses a shell script as the binary")
	}
	// A "binary" that never answers: Start must give up at the deadline,
	// stop it, and say what it printed.
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "dgraph")
	script := "#!/bin/sh\necho $$ > " + filepath.Join(tmp, "pid") + "\necho \"waiting forever\"\nexec sleep 300\n"
	if err := os.WriteFile(bin, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Second)
	defer cancel()
	_, err := Start(ctx, Options{Bin: bin})
	if err == nil {
		t.Fatal("Start succeeded")
	}
	for _, want := range []string{"zero not ready after 2", "zero: waiting forever"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not say %q: %v", want, err)
		}
	}
	b, _ := os.ReadFile(filepath.Join(tmp, "pid"))
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		t.Fatalf("pid file: %q", b)
	}
	if p, err := os.FindProcess(pid); err == nil && p.Signal(syscall.Signal(0)) == nil {
		t.Errorf("process %d still running after Start failed", pid)
	}
}

func TestBinary(t *testing.T) {
	t.Setenv("DGRAPH_BIN", filepath.Join(t.TempDir(), "missing"))
	if _, err := Binary(); err == nil || !strings.Contains(err.Error(), "DGRAPH_BIN") {
		t.Errorf("missing $DGRAPH_BIN: %v", err)
	}

	bin := filepath.Join(t.TempDir(), "dgraph")
	os.WriteFile(bin, nil, 0o755)
	t.Setenv("DGRAPH_BIN", bin)
	if got, err := Binary(); err != nil || got != bin {
		t.Errorf("$DGRAPH_BIN: %q, %v; want %q", got, err, bin)
	}

	t.Setenv("DGRAPH_BIN", "")
	wd, _ := os.Getwd()
	root := filepath.Dir(filepath.Dir(wd)) // internal/dgraphrun
	got, err := Binary()
	want := filepath.Join(root, "bin", "dgraph")
	if _, serr := os.Stat(want); serr == nil {
		if err != nil || got != want {
			t.Errorf("Binary() = %q, %v; want %q", got, err, want)
		}
	} else if err == nil || !strings.Contains(err.Error(), "make dgraph-bin") || !strings.Contains(err.Error(), "DGRAPH_BIN") {
		t.Errorf("no bin/dgraph: error should say how to build it and name DGRAPH_BIN: %v", err)
	}
}

func TestFindRoot(t *testing.T) {
	root := t.TempDir()
	nested := filepath.Join(root, "tools", "dgraph", "sub")
	os.MkdirAll(nested, 0o755)
	os.WriteFile(filepath.Join(root, "go.mod"), []byte("// the service\nmodule policykg // here\n\ngo 1.26\n"), 0o644)
	os.WriteFile(filepath.Join(root, "tools", "dgraph", "go.mod"), []byte("module policykg/tools/dgraph\n"), 0o644)
	if got, err := findRoot(nested); err != nil || got != root {
		t.Errorf("findRoot = %q, %v; want %q", got, err, root)
	}
	if _, err := findRoot(t.TempDir()); err == nil {
		t.Error("findRoot outside the repository: no error")
	}
}

func TestOutputTail(t *testing.T) {
	var log bytes.Buffer
	o := newOutput(&log)
	w := o.writer("alpha")
	for i := range 30 {
		w.Write([]byte("line " + strconv.Itoa(i) + "\nx"))
	}
	w.Write([]byte("end"))
	w.Close()
	lines := strings.Split(o.tail(), "\n")
	if len(lines) != tailLines || lines[0] != "  alpha: xline 11" || lines[len(lines)-1] != "  alpha: xend" {
		t.Errorf("tail:\n%s", o.tail())
	}
	if !strings.HasPrefix(log.String(), "alpha: line 0\nalpha: xline 1\n") || !strings.HasSuffix(log.String(), "alpha: xend\n") {
		t.Errorf("log:\n%s", log.String())
	}
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
