// Command rundgraph runs a throwaway Dgraph (one zero, one alpha) on free
// loopback ports until SIGINT or SIGTERM, for developers (`make dgraph`) and
// for the test suite (scripts/test.sh):
//
//	go run ./tools/rundgraph                       # prints DGRAPH_ADDR=... and DGRAPH_HTTP=... once ready
//	go run ./tools/rundgraph -env FILE -dir DIR
//
// Once alpha answers queries it prints, on stdout,
//
//	DGRAPH_ADDR=127.0.0.1:port   alpha's gRPC address, what clients use
//	DGRAPH_HTTP=127.0.0.1:port   alpha's HTTP address (/query, /mutate, /alter)
//
// and with -env writes the same lines to FILE (atomically, so FILE existing
// means Dgraph is ready), removing it again on exit. Dgraph's output goes to
// dgraph.log in the data directory; messages go to stderr. The data
// directory is a new temporary one, removed on exit, unless -dir names one,
// which is kept and can be run again. Exit status 1 if Dgraph does not
// start (with the end of its output), else 0 once it is stopped.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"policykg/internal/dgraphrun"
)

func main() {
	os.Exit(run())
}

func run() int {
	bin := flag.String("bin", "", "the dgraph binary (default: $DGRAPH_BIN, else bin/dgraph in the repository)")
	dir := flag.String("dir", "", "data directory, kept on exit (default: a new temporary directory, removed on exit)")
	env := flag.String("env", "", "once Dgraph is ready, write the DGRAPH_ADDR and DGRAPH_HTTP lines to this file (removed on exit)")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: rundgraph [-bin dgraph] [-dir DIR] [-env FILE]\n\nRuns a throwaway Dgraph on free loopback ports until SIGINT or SIGTERM.\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		return 2
	}
	fail := func(format string, args ...any) int {
		fmt.Fprintf(os.Stderr, "rundgraph: "+format+"\n", args...)
		return 1
	}

	if *bin == "" {
		b, err := dgraphrun.Binary()
		if err != nil {
			return fail("%v", err)
		}
		*bin = b
	}
	data, ownDir := *dir, false
	if data == "" {
		d, err := os.MkdirTemp("", "rundgraph-")
		if err != nil {
			return fail("%v", err)
		}
		data, ownDir = d, true
		defer os.RemoveAll(data)
	} else if err := os.MkdirAll(data, 0o755); err != nil {
		return fail("%v", err)
	}
	logPath := filepath.Join(data, "dgraph.log")
	logFile, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return fail("%v", err)
	}
	defer logFile.Close()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	where := data
	if ownDir {
		where += " (removed on exit)"
	}
	fmt.Fprintf(os.Stderr, "rundgraph: starting %s; data in %s; Dgraph's output in %s\n", *bin, where, logPath)
	begin := time.Now()
	c, err := dgraphrun.Start(ctx, dgraphrun.Options{Bin: *bin, Dir: data, Log: logFile})
	if err != nil {
		if ctx.Err() != nil {
			fmt.Fprintln(os.Stderr, "rundgraph: interrupted before Dgraph was ready; stopped it")
			return 0
		}
		return fail("%v", err)
	}
	lines := fmt.Sprintf("DGRAPH_ADDR=%s\nDGRAPH_HTTP=%s\n", c.Addr, c.HTTPAddr)
	if *env != "" {
		if err := writeAtomic(*env, lines); err != nil {
			c.Stop()
			return fail("%v", err)
		}
		defer os.Remove(*env)
	}
	fmt.Print(lines)
	fmt.Fprintf(os.Stderr, "rundgraph: Dgraph ready in %v; SIGINT (Ctrl-C) or SIGTERM stops it\n", time.Since(begin).Round(time.Second/10))

	<-ctx.Done()
	stop() // a second signal kills rundgraph, and with it (on Linux) Dgraph
	fmt.Fprintln(os.Stderr, "rundgraph: stopping Dgraph")
	if err := c.Stop(); err != nil {
		return fail("%v", err)
	}
	return 0
}

// writeAtomic writes s to path through a temporary file in the same
// directory and a rename, so a reader sees all of it or nothing.
func writeAtomic(path, s string) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	_, err = f.WriteString(s)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}
