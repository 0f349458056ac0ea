package dgraph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dgraph-io/dgo/v230"
	"github.com/dgraph-io/dgo/v230/protos/api"
	"google.golang.org/grpc"
	"google.golang.org/grpc/backoff"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"

	"policykg/kg"
	"policykg/schema"
)

// Store is the Dgraph-backed kg.Store. It is safe for concurrent use.
type Store struct {
	conn *grpc.ClientConn
	dg   *dgo.Dgraph

	schemaMu sync.Mutex
	schemaOK atomic.Bool // schema.DQL has been applied since Open
}

var _ kg.Store = (*Store)(nil)

// maxMessage bounds one gRPC message from Dgraph (a query's answer).
const maxMessage = 512 << 20

// Open returns a store over the Dgraph Alpha whose gRPC endpoint is addr
// ("host:port"). It does not wait for Dgraph: a store opened while Dgraph is
// down answers EUNAVAILABLE until Dgraph is back, then works without being
// opened again. The schema is applied on the first call that reaches
// Dgraph. EINVALID for a malformed address.
func Open(addr string) (*Store, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil || host == "" {
		return nil, kg.Errorf(kg.EINVALID, "dgraph address %q: want HOST:PORT, e.g. 127.0.0.1:9080", addr)
	}
	if n, err := strconv.Atoi(port); err != nil || n <= 0 || n > 65535 {
		return nil, kg.Errorf(kg.EINVALID, "dgraph address %q: bad port", addr)
	}
	conn, err := grpc.NewClient(addr,
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(maxMessage), grpc.MaxCallSendMsgSize(maxMessage)),
		// Reconnect soon after Dgraph comes back, not after gRPC's default
		// two minutes of backoff.
		grpc.WithConnectParams(grpc.ConnectParams{
			Backoff:           backoff.Config{BaseDelay: 100 * time.Millisecond, Multiplier: 1.6, Jitter: 0.2, MaxDelay: 2 * time.Second},
			MinConnectTimeout: 2 * time.Second,
		}),
	)
	if err != nil {
		return nil, kg.Errorf(kg.EINVALID, "dgraph address %q: %v", addr, err)
	}
	return &Store{conn: conn, dg: dgo.NewDgraphClient(api.NewDgraphClient(conn))}, nil
}

// Close closes the connection to Dgraph.
func (s *Store) Close() error { return s.conn.Close() }

// DropAll deletes every node, predicate and type in the Dgraph cluster, not
// only this store's: for tests and benchmarks on a throwaway Dgraph.
func (s *Store) DropAll(ctx context.Context) error {
	kg.CountRoundTrip(ctx)
	if err := s.dg.Alter(ctx, &api.Operation{DropAll: true}); err != nil {
		return wrap(ctx, err, "drop all")
	}
	s.schemaOK.Store(false)
	return nil
}

// ensureSchema applies schema.DQL once per Store, before its first query.
// Applying it to a Dgraph that has it already changes nothing.
func (s *Store) ensureSchema(ctx context.Context) error {
	if s.schemaOK.Load() {
		return nil
	}
	s.schemaMu.Lock()
	defer s.schemaMu.Unlock()
	if s.schemaOK.Load() {
		return nil
	}
	kg.CountRoundTrip(ctx)
	if err := s.dg.Alter(ctx, &api.Operation{Schema: schema.DQL}); err != nil {
		return wrap(ctx, err, "apply schema")
	}
	s.schemaOK.Store(true)
	return nil
}

// Ready applies the schema if it has not been applied yet and asks Dgraph a
// trivial query: nil when Dgraph answers.
func (s *Store) Ready(ctx context.Context) error {
	return s.query(ctx, `{ q(func: eq(doc.id, "")) { uid } }`, nil, &struct{}{})
}

// query runs a read-only DQL query, one round trip, and decodes its JSON
// answer into out.
func (s *Store) query(ctx context.Context, q string, vars map[string]string, out any) error {
	if err := s.ensureSchema(ctx); err != nil {
		return err
	}
	kg.CountRoundTrip(ctx)
	resp, err := s.dg.NewReadOnlyTxn().QueryWithVars(ctx, q, vars)
	if err != nil {
		return wrap(ctx, err, "query")
	}
	if err := json.Unmarshal(resp.Json, out); err != nil {
		return kg.Errorf(kg.EINTERNAL, "dgraph: decode answer: %v", err)
	}
	return nil
}

// wrap gives an error from dgo a kg code: ELIMIT when the deadline passed,
// EUNAVAILABLE when Dgraph cannot be reached or the caller cancelled,
// EINTERNAL otherwise. errors.Is still finds the cause.
func wrap(ctx context.Context, err error, what string) error {
	code := kg.EINTERNAL
	msg := "dgraph: " + what + " failed"
	switch st, _ := status.FromError(err); {
	case errors.Is(ctx.Err(), context.DeadlineExceeded) || errors.Is(err, context.DeadlineExceeded) || st.Code() == codes.DeadlineExceeded:
		code, msg = kg.ELIMIT, "time limit exceeded"
	case ctx.Err() != nil || errors.Is(err, context.Canceled) || st.Code() == codes.Canceled:
		code, msg = kg.EUNAVAILABLE, "request cancelled"
	case st.Code() == codes.Unavailable:
		code, msg = kg.EUNAVAILABLE, "dgraph is unavailable"
	}
	return fmt.Errorf("%w: %w", kg.Errorf(code, "%s", msg), err)
}

// vars collects the values of a DQL query's variables, so that no value is
// ever spliced into query text.
type vars struct {
	decl []string
	vals map[string]string
}

// add binds a value to a new variable and returns its name.
func (v *vars) add(typ, val string) string {
	if v.vals == nil {
		v.vals = map[string]string{}
	}
	name := "$v" + strconv.Itoa(len(v.vals))
	v.vals[name] = val
	v.decl = append(v.decl, name+": "+typ)
	return name
}

// str binds a string.
func (v *vars) str(val string) string { return v.add("string", val) }

// list binds strings and returns a DQL list of their variables, e.g.
// "[$v0, $v1]".
func (v *vars) list(vals []string) string {
	names := make([]string, len(vals))
	for i, s := range vals {
		names[i] = v.str(s)
	}
	return "[" + strings.Join(names, ", ") + "]"
}

// query wraps blocks into a query that declares the variables.
func (v *vars) query(blocks string) string {
	if len(v.decl) == 0 {
		return "{\n" + blocks + "}"
	}
	return "query q(" + strings.Join(v.decl, ", ") + ") {\n" + blocks + "}"
}

// pred is the uid predicate of a relation type.
func pred(t kg.RelationType) string { return "kg." + string(t) }

// typesOrAll returns types, or every relation type when types is empty.
func typesOrAll(types []kg.RelationType) []kg.RelationType {
	if len(types) == 0 {
		return kg.RelationTypes
	}
	return types
}

// ctxErr returns the error a call made with a finished context gets,
// without asking Dgraph.
func ctxErr(ctx context.Context) error {
	if ctx.Err() == nil {
		return nil
	}
	return wrap(ctx, ctx.Err(), "call")
}
