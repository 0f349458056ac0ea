package server

import (
	"fmt"
	"net/http"
	"sync"
	"time"
)

// roundTripBuckets are the upper bounds of the round-trips-per-request
// histogram.
var roundTripBuckets = []int64{0, 1, 2, 3, 4, 6, 8, 12, 16, 32}

// metrics counts requests and the round trips the store made for them,
// served at GET /metrics in the Prometheus text format.
type metrics struct {
	mu         sync.Mutex
	requests   int64
	seconds    float64
	roundTrips int64
	buckets    []int64 // requests with at most roundTripBuckets[i] round trips
}

func newMetrics() *metrics { return &metrics{buckets: make([]int64, len(roundTripBuckets))} }

// observe records one request.
func (m *metrics) observe(d time.Duration, roundTrips int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests++
	m.seconds += d.Seconds()
	m.roundTrips += roundTrips
	for i, le := range roundTripBuckets {
		if roundTrips <= le {
			m.buckets[i]++
		}
	}
}

func (m *metrics) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	m.mu.Lock()
	defer m.mu.Unlock()
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	fmt.Fprintf(w, "# HELP policykg_http_requests_total HTTP requests served.\n# TYPE policykg_http_requests_total counter\npolicykg_http_requests_total %d\n", m.requests)
	fmt.Fprintf(w, "# HELP policykg_http_request_seconds_total Time spent serving HTTP requests.\n# TYPE policykg_http_request_seconds_total counter\npolicykg_http_request_seconds_total %g\n", m.seconds)
	fmt.Fprintf(w, "# HELP policykg_store_round_trips_total Calls the store made to its backend (Dgraph) for requests.\n# TYPE policykg_store_round_trips_total counter\npolicykg_store_round_trips_total %d\n", m.roundTrips)
	fmt.Fprintf(w, "# HELP policykg_store_round_trips_per_request Calls to the store's backend per request.\n# TYPE policykg_store_round_trips_per_request histogram\n")
	for i, le := range roundTripBuckets {
		fmt.Fprintf(w, "policykg_store_round_trips_per_request_bucket{le=\"%d\"} %d\n", le, m.buckets[i])
	}
	fmt.Fprintf(w, "policykg_store_round_trips_per_request_bucket{le=\"+Inf\"} %d\npolicykg_store_round_trips_per_request_sum %d\npolicykg_store_round_trips_per_request_count %d\n", m.requests, m.roundTrips, m.requests)
}
