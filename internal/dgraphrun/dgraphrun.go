// Package dgraphrun starts a throwaway Dgraph server (one zero and one alpha)
// on free loopback ports, for tests, CI and developers.
//
//	c, err := dgraphrun.Start(ctx, dgraphrun.Options{})  // Bin from Binary()
//	defer c.Stop()
//	// a client talks gRPC to c.Addr; c.HTTPAddr serves /query, /mutate, /alter
//
// The binary is the Dgraph pinned by tools/dgraph, built into bin/dgraph by
// `make dgraph-bin` (scripts/dgraph-bin.sh); Binary finds it, or $DGRAPH_BIN.
//
// Dgraph listens on five ports, 5080, 6080 (zero's gRPC and HTTP), 7080,
// 8080 and 9080 (alpha's internal, HTTP and gRPC), each plus a port offset.
// Start picks an offset at random whose five ports are free on 127.0.0.1,
// binds only there (--bindall=false) and accepts requests only from there.
// Dgraph records its addresses in its data, so a data directory must be run
// again on the same ports: Start writes the offset to a file in the
// directory (dgraphrun-offset) and reuses it when it finds one.
//
// Start returns once alpha answers a DQL query. StopAlpha and StartAlpha
// stop and restart alpha on the same ports and data, for fault tests. On
// Linux the processes run in their own process group (so a terminal's
// Ctrl-C reaches only the program that started them, which then stops them
// in order) and are killed if that program dies. Telemetry is off, Sentry
// too: with Sentry on, each Dgraph process re-executes itself as a child (to
// report panics), which would escape that.
package dgraphrun

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Options configure Start.
type Options struct {
	// Bin is the dgraph binary; Binary() when "".
	Bin string
	// Dir is the data directory, created if missing and kept on Stop. When
	// "", Start creates a temporary directory and Stop removes it.
	Dir string
	// Log receives zero's and alpha's output, one line at a time, each
	// prefixed "zero: " or "alpha: "; discarded when nil.
	Log io.Writer
}

// Cluster is a running Dgraph: one zero and one alpha.
type Cluster struct {
	Addr     string // alpha's gRPC address, 127.0.0.1:port: what clients use
	HTTPAddr string // alpha's HTTP address, 127.0.0.1:port
	Dir      string // the data directory

	bin      string
	offset   int
	reserved bool // offset's ports are marked in reserved
	ownDir   bool
	out      *output

	mu      sync.Mutex
	zero    *process
	alpha   *process
	stopped bool
}

const (
	// DefaultTimeout bounds Start and StartAlpha when ctx has no deadline.
	DefaultTimeout = 90 * time.Second
	// stopGrace is how long a process gets after SIGTERM before SIGKILL.
	stopGrace = 10 * time.Second
	// offsetFile, in the data directory, holds the port offset it runs on.
	offsetFile = "dgraphrun-offset"
	// Port offsets are drawn from [minOffset, maxOffset]: ports 6080..29080,
	// below Linux's ephemeral range (32768 and up), so clients' outgoing
	// connections do not take them.
	minOffset = 1000
	maxOffset = 20000
	// tailLines of output go into errors.
	tailLines = 20
)

// basePorts are Dgraph's ports before the offset: zero gRPC, zero HTTP,
// alpha internal, alpha HTTP, alpha gRPC.
var basePorts = [5]int{5080, 6080, 7080, 8080, 9080}

func (c *Cluster) port(base int) int { return base + c.offset }

func (c *Cluster) addr(base int) string {
	return net.JoinHostPort("127.0.0.1", strconv.Itoa(c.port(base)))
}

// Start starts zero and alpha and returns once alpha answers a DQL query.
// ctx bounds the start (DefaultTimeout if it has no deadline); the cluster
// outlives it. On failure Start stops whatever it started and returns an
// error with the last lines of Dgraph's output.
func Start(ctx context.Context, o Options) (*Cluster, error) {
	bin := o.Bin
	if bin == "" {
		var err error
		if bin, err = Binary(); err != nil {
			return nil, err
		}
	}
	if strings.ContainsRune(bin, os.PathSeparator) {
		// Relative to here, not to the data directory Dgraph runs in.
		var err error
		if bin, err = filepath.Abs(bin); err != nil {
			return nil, fmt.Errorf("dgraphrun: %w", err)
		}
	}
	ctx, cancel := withDefaultTimeout(ctx)
	defer cancel()

	c := &Cluster{bin: bin, out: newOutput(o.Log)}
	if o.Dir == "" {
		dir, err := os.MkdirTemp("", "dgraphrun-")
		if err != nil {
			return nil, fmt.Errorf("dgraphrun: %w", err)
		}
		c.Dir, c.ownDir = dir, true
	} else {
		dir, err := filepath.Abs(o.Dir)
		if err == nil {
			err = os.MkdirAll(dir, 0o755)
		}
		if err != nil {
			return nil, fmt.Errorf("dgraphrun: data directory: %w", err)
		}
		c.Dir = dir
	}
	if err := c.start(ctx); err != nil {
		c.Stop()
		return nil, err
	}
	return c, nil
}

func (c *Cluster) start(ctx context.Context) error {
	held, err := c.pickOffset()
	if err != nil {
		return err
	}
	// The ports stay bound until just before the process that uses them
	// starts, so that another Start cannot pick them in the meantime.
	closeHeld := func(bases ...int) {
		for _, b := range bases {
			if l := held[b]; l != nil {
				l.Close()
				delete(held, b)
			}
		}
	}
	defer closeHeld(basePorts[:]...)
	c.Addr, c.HTTPAddr = c.addr(9080), c.addr(8080)

	closeHeld(5080, 6080)
	c.zero, err = c.spawn("zero", "zero",
		"--my="+c.addr(5080),
		"--port_offset="+strconv.Itoa(c.offset),
		"--bindall=false",
		"--wal="+filepath.Join(c.Dir, "zw"),
		"--telemetry=reports=false; sentry=false;",
	)
	if err != nil {
		return err
	}
	if err := c.waitReady(ctx, "zero", c.zeroReady); err != nil {
		return err
	}
	closeHeld(7080, 8080, 9080)
	return c.startAlpha(ctx)
}

// pickOffset sets c.offset: the one recorded in the data directory, else a
// random one whose ports are free. It returns listeners holding the ports,
// by base port, and records the offset in the directory.
func (c *Cluster) pickOffset() (map[int]net.Listener, error) {
	path := filepath.Join(c.Dir, offsetFile)
	b, err := os.ReadFile(path)
	switch {
	case err == nil:
		o, err := strconv.Atoi(strings.TrimSpace(string(b)))
		if err != nil || o < 0 || o+basePorts[4] > 65535 {
			return nil, fmt.Errorf("dgraphrun: %s: not a port offset: %q", path, b)
		}
		held, err := reserve(o)
		if err != nil {
			return nil, fmt.Errorf("dgraphrun: %s holds a Dgraph that ran on port offset %d, and Dgraph remembers its addresses, so it must run there again; but %v (is another Dgraph using this directory?)", c.Dir, o, err)
		}
		c.offset, c.reserved = o, true
		return held, nil
	case !errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("dgraphrun: %w", err)
	}
	var lastErr error
	for range 200 {
		o := minOffset + rand.IntN(maxOffset-minOffset+1)
		held, err := reserve(o)
		if err != nil {
			lastErr = err
			continue
		}
		if err := os.WriteFile(path, []byte(strconv.Itoa(o)+"\n"), 0o644); err != nil {
			release(o, held)
			return nil, fmt.Errorf("dgraphrun: %w", err)
		}
		c.offset, c.reserved = o, true
		return held, nil
	}
	return nil, fmt.Errorf("dgraphrun: found no port offset with five free ports on 127.0.0.1 in 200 tries; last: %v", lastErr)
}

// reserved holds the ports of this process's clusters, so that two Starts
// do not pick overlapping offsets before Dgraph binds them.
var (
	reservedMu sync.Mutex
	reserved   = map[int]bool{}
)

// reserve binds the five ports of offset o on 127.0.0.1 and marks them
// reserved; it fails if any is taken.
func reserve(o int) (map[int]net.Listener, error) {
	reservedMu.Lock()
	defer reservedMu.Unlock()
	for _, b := range basePorts {
		if reserved[b+o] {
			return nil, fmt.Errorf("port %d is used by another cluster of this process", b+o)
		}
	}
	held := map[int]net.Listener{}
	for _, b := range basePorts {
		l, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(b+o)))
		if err != nil {
			for _, l := range held {
				l.Close()
			}
			return nil, err
		}
		held[b] = l
	}
	for _, b := range basePorts {
		reserved[b+o] = true
	}
	return held, nil
}

// release closes held listeners and unmarks offset o's ports.
func release(o int, held map[int]net.Listener) {
	for _, l := range held {
		l.Close()
	}
	reservedMu.Lock()
	defer reservedMu.Unlock()
	for _, b := range basePorts {
		delete(reserved, b+o)
	}
}

// StartAlpha starts alpha again after StopAlpha, on the same ports and data,
// and returns once it answers a DQL query (ctx bounds the wait,
// DefaultTimeout if it has no deadline). On failure alpha is stopped again.
func (c *Cluster) StartAlpha(ctx context.Context) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stopped {
		return errors.New("dgraphrun: StartAlpha after Stop")
	}
	if c.alpha != nil {
		return errors.New("dgraphrun: alpha is already running")
	}
	ctx, cancel := withDefaultTimeout(ctx)
	defer cancel()
	return c.startAlpha(ctx)
}

func (c *Cluster) startAlpha(ctx context.Context) error {
	var err error
	c.alpha, err = c.spawn("alpha", "alpha",
		"--my="+c.addr(7080),
		"--port_offset="+strconv.Itoa(c.offset),
		"--zero="+c.addr(5080),
		"--bindall=false",
		"--postings="+filepath.Join(c.Dir, "p"),
		"--wal="+filepath.Join(c.Dir, "w"),
		"--tmp="+filepath.Join(c.Dir, "t"),
		"--export="+filepath.Join(c.Dir, "export"),
		"--telemetry=reports=false; sentry=false;",
		"--security=whitelist=127.0.0.1/32",
	)
	if err != nil {
		return err
	}
	if err := c.waitReady(ctx, "alpha", c.alphaReady); err != nil {
		c.alpha.stop()
		c.alpha = nil
		return err
	}
	return nil
}

// StopAlpha stops alpha (SIGTERM, then SIGKILL after 10 s) and leaves zero
// running; StartAlpha starts it again.
func (c *Cluster) StopAlpha() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.alpha == nil {
		return errors.New("dgraphrun: alpha is not running")
	}
	err := c.alpha.stop()
	c.alpha = nil
	return err
}

// Stop stops alpha (if running) and zero, and removes the data directory if
// Start created it. Calling it again does nothing.
func (c *Cluster) Stop() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stopped {
		return nil
	}
	c.stopped = true
	var errs []error
	if c.alpha != nil {
		errs = append(errs, c.alpha.stop())
		c.alpha = nil
	}
	if c.zero != nil {
		errs = append(errs, c.zero.stop())
		c.zero = nil
	}
	if c.reserved {
		release(c.offset, nil)
		c.reserved = false
	}
	if c.ownDir {
		if err := os.RemoveAll(c.Dir); err != nil {
			errs = append(errs, fmt.Errorf("dgraphrun: %w", err))
		}
	}
	return errors.Join(errs...)
}

// process is a running zero or alpha.
type process struct {
	name string
	cmd  *exec.Cmd
	out  *output
	done chan struct{} // closed when it has exited and its output is read
	err  error         // what Wait returned, once done is closed
}

func (c *Cluster) spawn(name string, args ...string) (*process, error) {
	cmd := exec.Command(c.bin, args...)
	cmd.Dir = c.Dir
	// DGRAPH_ALPHA_* and DGRAPH_ZERO_* variables would configure Dgraph:
	// keep the developer's environment from changing the throwaway server.
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "DGRAPH_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	w := c.out.writer(name)
	cmd.Stdout, cmd.Stderr = w, w
	cmd.SysProcAttr = sysProcAttr()
	cmd.WaitDelay = time.Second // should anything else hold the output pipe
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("dgraphrun: starting %s: %w", name, err)
	}
	p := &process{name: name, cmd: cmd, out: c.out, done: make(chan struct{})}
	go func() {
		p.err = cmd.Wait()
		w.Close()
		close(p.done)
	}()
	return p, nil
}

// exitedCh is closed when p has exited; nil (never ready) for no process.
func (p *process) exitedCh() <-chan struct{} {
	if p == nil {
		return nil
	}
	return p.done
}

func (p *process) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// stop sends SIGTERM, waits up to stopGrace, then kills. It reports a
// process that had already exited on its own, with its last output.
func (p *process) stop() error {
	if p.exited() {
		return fmt.Errorf("dgraphrun: %s had exited (%v); last lines of Dgraph's output:\n%s", p.name, p.err, p.out.tail())
	}
	terminate(p.cmd.Process)
	t := time.NewTimer(stopGrace)
	defer t.Stop()
	select {
	case <-p.done:
		return nil
	case <-t.C:
	}
	kill(p.cmd.Process)
	<-p.done
	p.out.line(fmt.Sprintf("dgraphrun: %s did not stop within %v of SIGTERM; killed", p.name, stopGrace))
	return nil
}

// waitReady polls ready every 100 ms until it returns nil, the processes
// exit, or ctx ends.
func (c *Cluster) waitReady(ctx context.Context, name string, ready func(context.Context) error) error {
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	start := time.Now()
	for {
		err := ready(ctx)
		if err == nil {
			return nil
		}
		for _, p := range []*process{c.zero, c.alpha} {
			if p != nil && p.exited() {
				return fmt.Errorf("dgraphrun: %s exited (%v) before %s was ready (data in %s); last lines of Dgraph's output:\n%s",
					p.name, p.err, name, c.Dir, c.out.tail())
			}
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("dgraphrun: %s not ready after %v (%v; data in %s): %v; last lines of Dgraph's output:\n%s",
				name, time.Since(start).Round(time.Second/10), context.Cause(ctx), c.Dir, err, c.out.tail())
		case <-tick.C:
		case <-c.zero.exitedCh():
		case <-c.alpha.exitedCh():
		}
	}
}

var httpClient = &http.Client{Timeout: 5 * time.Second}

// zeroReady: zero's /health answers 200.
func (c *Cluster) zeroReady(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, "GET", "http://"+c.addr(6080)+"/health", nil)
	if err != nil {
		return err
	}
	res, err := httpClient.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(res.Body, 1000))
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("/health: %s: %s", res.Status, b)
	}
	return nil
}

// alphaReady: alpha answers a DQL query. Its /health says "healthy" before
// it accepts queries.
func (c *Cluster) alphaReady(ctx context.Context) error {
	_, err := c.query(ctx, `{ q(func: uid(0x1)) { uid } }`)
	return err
}

// query runs a DQL query over HTTP and returns the response body; an HTTP
// status other than 200 or an "errors" member in the response is an error.
func (c *Cluster) query(ctx context.Context, q string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, "POST", "http://"+c.HTTPAddr+"/query", strings.NewReader(q))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/dql")
	res, err := httpClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(io.LimitReader(res.Body, 1<<20))
	if err != nil {
		return nil, err
	}
	if res.StatusCode != http.StatusOK || bytes.Contains(b, []byte(`"errors"`)) {
		return nil, fmt.Errorf("query: %s: %.300s", res.Status, b)
	}
	return b, nil
}

func withDefaultTimeout(ctx context.Context) (context.Context, context.CancelFunc) {
	if _, ok := ctx.Deadline(); ok {
		return context.WithCancel(ctx)
	}
	return context.WithTimeout(ctx, DefaultTimeout)
}

// Binary returns the dgraph binary to run: $DGRAPH_BIN if set, else
// bin/dgraph in the repository (the directory, at or above the working
// directory, whose go.mod declares module policykg).
func Binary() (string, error) {
	if p := os.Getenv("DGRAPH_BIN"); p != "" {
		abs, err := filepath.Abs(p)
		if err != nil {
			return "", fmt.Errorf("dgraphrun: DGRAPH_BIN=%s: %w", p, err)
		}
		if err := isFile(abs); err != nil {
			return "", fmt.Errorf("dgraphrun: DGRAPH_BIN=%s: %w", p, err)
		}
		return abs, nil
	}
	const how = "build it with `make dgraph-bin` (or: cd tools/dgraph && go build -o ../../bin/dgraph github.com/dgraph-io/dgraph/v24/dgraph), or set DGRAPH_BIN to a dgraph binary"
	wd, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("dgraphrun: DGRAPH_BIN is not set, and %w", err)
	}
	root, err := findRoot(wd)
	if err != nil {
		return "", fmt.Errorf("dgraphrun: no Dgraph binary: DGRAPH_BIN is not set, and %v; %s", err, how)
	}
	p := filepath.Join(root, "bin", "dgraph")
	if err := isFile(p); err != nil {
		return "", fmt.Errorf("dgraphrun: no Dgraph binary: DGRAPH_BIN is not set, and %v; %s", err, how)
	}
	return p, nil
}

func isFile(p string) error {
	fi, err := os.Stat(p)
	if err != nil {
		return err
	}
	if fi.IsDir() {
		return fmt.Errorf("%s is a directory", p)
	}
	return nil
}

// rootModule is the module path that marks the repository's root.
const rootModule = "policykg"

// findRoot walks up from dir to the directory whose go.mod declares
// rootModule.
func findRoot(dir string) (string, error) {
	for d := dir; ; {
		if b, err := os.ReadFile(filepath.Join(d, "go.mod")); err == nil && modulePath(b) == rootModule {
			return d, nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", fmt.Errorf("no go.mod of module %s at or above %s", rootModule, dir)
		}
		d = parent
	}
}

// modulePath returns the path in a go.mod's module directive.
func modulePath(gomod []byte) string {
	for line := range strings.Lines(string(gomod)) {
		if i := strings.Index(line, "//"); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) == 2 && f[0] == "module" {
			return strings.Trim(f[1], "\"`")
		}
	}
	return ""
}

// output copies the processes' output, line by line, to the Log writer and
// keeps the last tailLines lines for errors.
type output struct {
	mu   sync.Mutex
	log  io.Writer
	ring [tailLines]string
	n    int // lines seen
}

func newOutput(log io.Writer) *output { return &output{log: log} }

func (o *output) line(s string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.log != nil {
		io.WriteString(o.log, s+"\n")
	}
	if len(s) > 1000 {
		s = s[:1000] + "…"
	}
	o.ring[o.n%len(o.ring)] = s
	o.n++
}

// tail returns the last lines, oldest first.
func (o *output) tail() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.n == 0 {
		return "  (none)"
	}
	var b strings.Builder
	for i := max(0, o.n-len(o.ring)); i < o.n; i++ {
		b.WriteString("  ")
		b.WriteString(o.ring[i%len(o.ring)])
		b.WriteByte('\n')
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// writer returns a writer that splits what it is given into lines and
// passes each to o, prefixed with name. Close passes on a last
// unterminated line.
func (o *output) writer(name string) *lineWriter {
	return &lineWriter{o: o, prefix: name + ": "}
}

type lineWriter struct {
	mu     sync.Mutex
	o      *output
	prefix string
	buf    []byte
}

func (w *lineWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf = append(w.buf, p...)
	for {
		i := bytes.IndexByte(w.buf, '\n')
		if i < 0 {
			break
		}
		w.o.line(w.prefix + string(w.buf[:i]))
		w.buf = w.buf[i+1:]
	}
	if len(w.buf) > 64<<10 { // a runaway line: pass it on in pieces
		w.o.line(w.prefix + string(w.buf))
		w.buf = w.buf[:0]
	}
	return len(p), nil
}

func (w *lineWriter) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.buf) > 0 {
		w.o.line(w.prefix + string(w.buf))
		w.buf = nil
	}
	return nil
}
