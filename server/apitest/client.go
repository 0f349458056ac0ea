package apitest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
)

// Client posts GraphQL requests to a server in tests.
type Client struct {
	URL string // the GraphQL endpoint
}

// Response is a GraphQL response as a client sees it.
type Response struct {
	Status int
	Header http.Header
	Data   json.RawMessage `json:"data"`
	Errors []Error         `json:"errors"`
	raw    []byte
}

// Error is one GraphQL error.
type Error struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// Code returns the error's extensions.code.
func (e Error) Code() string {
	c, _ := e.Extensions["code"].(string)
	return c
}

// Post sends a query with variables (nil for none) and decodes the response,
// failing the test if it is not JSON.
func (c Client) Post(t testing.TB, query string, vars map[string]any) *Response {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequest(http.MethodPost, c.URL, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/graphql-response+json")
	return c.Do(t, req)
}

// Do sends any request to the server and decodes the GraphQL response.
func (c Client) Do(t testing.TB, req *http.Request) *Response {
	t.Helper()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	r := &Response{Status: res.StatusCode, Header: res.Header, raw: raw}
	if err := json.Unmarshal(raw, r); err != nil {
		t.Fatalf("%s %s: status %d, body is not JSON: %v\n%s", req.Method, req.URL, res.StatusCode, err, raw)
	}
	return r
}

// Query posts a query that must succeed and decodes its data into out.
func (c Client) Query(t testing.TB, query string, vars map[string]any, out any) {
	t.Helper()
	r := c.Post(t, query, vars)
	if r.Status != http.StatusOK || len(r.Errors) > 0 {
		t.Fatalf("query failed: status %d: %s\nquery: %s", r.Status, r.raw, query)
	}
	if err := json.Unmarshal(r.Data, out); err != nil {
		t.Fatalf("decode data: %v\n%s", err, r.Data)
	}
}

// Fail posts a query that must fail with the given extensions.code, and
// returns the response.
func (c Client) Fail(t testing.TB, query string, vars map[string]any, code string) *Response {
	t.Helper()
	r := c.Post(t, query, vars)
	if len(r.Errors) == 0 {
		t.Fatalf("query succeeded, want error %s: %s\nquery: %s", code, r.raw, query)
	}
	for _, e := range r.Errors {
		if e.Code() != code {
			t.Fatalf("error code %q, want %q: %s", e.Code(), code, r.raw)
		}
		if code != "INTERNAL" && strings.TrimSpace(e.Message) == "" {
			t.Fatalf("error without a message: %s", r.raw)
		}
	}
	return r
}

// Raw returns the response body as received.
func (r *Response) Raw() string { return string(r.raw) }

// LogBuffer collects a server's logs in a test; safe for concurrent use.
type LogBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *LogBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *LogBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}
