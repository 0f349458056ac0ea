// Command loadgen sends one GraphQL request to a server over and over and
// reports throughput and latency percentiles. Two modes:
//
//	loadgen -url URL -query Q -c 32 -d 10s       closed loop: as fast as 32 connections go
//	loadgen -url URL -query Q -rate 1000 -d 10s  open loop: 1000 requests/s on a fixed schedule
//
// In open-loop mode latency is measured from when a request was due, not
// from when it was sent, so a stalled server cannot hide its queueing
// (no coordinated omission). scripts/load.sh runs the standard scenarios.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	url := flag.String("url", "http://127.0.0.1:8080/graphql", "GraphQL endpoint")
	query := flag.String("query", `{ search(text: "new materials", first: 5) { entity { id name } score } }`, "GraphQL query to send")
	conns := flag.Int("c", 32, "connections (closed loop)")
	rate := flag.Int("rate", 0, "requests per second (open loop); 0 for closed loop")
	dur := flag.Duration("d", 10*time.Second, "duration")
	flag.Parse()

	body, _ := json.Marshal(map[string]string{"query": *query})
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1024, MaxConnsPerHost: 1024}}
	send := func() error {
		res, err := client.Post(*url, "application/json", bytes.NewReader(body))
		if err != nil {
			return err
		}
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		if err != nil {
			return err
		}
		if res.StatusCode != 200 || bytes.Contains(b, []byte(`"errors"`)) {
			return fmt.Errorf("status %d: %.200s", res.StatusCode, b)
		}
		return nil
	}
	if err := send(); err != nil {
		fmt.Fprintln(os.Stderr, "loadgen: first request failed:", err)
		os.Exit(1)
	}

	var (
		mu        sync.Mutex
		latencies []time.Duration
		failures  atomic.Int64
		lastErr   atomic.Value
	)
	record := func(d time.Duration, err error) {
		if err != nil {
			failures.Add(1)
			lastErr.Store(err.Error())
			return
		}
		mu.Lock()
		latencies = append(latencies, d)
		mu.Unlock()
	}
	ctx, cancel := context.WithTimeout(context.Background(), *dur)
	defer cancel()
	start := time.Now()
	var wg sync.WaitGroup
	if *rate > 0 {
		interval := time.Second / time.Duration(*rate)
		for i := 0; ; i++ {
			due := start.Add(time.Duration(i) * interval)
			if !due.Before(start.Add(*dur)) {
				break
			}
			time.Sleep(time.Until(due))
			wg.Add(1)
			go func() {
				defer wg.Done()
				err := send()
				record(time.Since(due), err)
			}()
		}
	} else {
		for range *conns {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for ctx.Err() == nil {
					t := time.Now()
					err := send()
					record(time.Since(t), err)
				}
			}()
		}
	}
	wg.Wait()
	elapsed := time.Since(start)

	slices.Sort(latencies)
	pct := func(p float64) time.Duration {
		if len(latencies) == 0 {
			return 0
		}
		return latencies[min(len(latencies)-1, int(p*float64(len(latencies))))]
	}
	mode := fmt.Sprintf("closed loop, %d connections", *conns)
	if *rate > 0 {
		mode = fmt.Sprintf("open loop, %d req/s scheduled", *rate)
	}
	fmt.Printf("%s for %v\n", mode, dur.Round(time.Second))
	fmt.Printf("  requests %d ok, %d failed, %.0f req/s\n", len(latencies), failures.Load(), float64(len(latencies))/elapsed.Seconds())
	fmt.Printf("  latency p50 %v  p90 %v  p99 %v  max %v\n", pct(0.50), pct(0.90), pct(0.99), pct(1))
	if e, ok := lastErr.Load().(string); ok {
		fmt.Printf("  last failure: %s\n", e)
	}
	if failures.Load() > 0 {
		os.Exit(1)
	}
}
