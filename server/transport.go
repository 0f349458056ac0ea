package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"
)

// Media types of GraphQL over HTTP.
const (
	mediaJSON            = "application/json"
	mediaGraphQLResponse = "application/graphql-response+json"
)

// transport is GraphQL over HTTP as the spec
// (https://graphql.github.io/graphql-over-http/draft/) says, for GET and
// POST:
//
//   - The response is application/graphql-response+json when the Accept
//     header prefers it, application/json when it prefers that, names */*,
//     or is missing, and 406 when it allows neither.
//   - A request that is not well-formed (bad JSON, missing or mistyped
//     parameters) gets 400; a POST that is not application/json gets 415; a
//     body over the limit gets 413; other methods get 405; a mutation over
//     GET gets 405.
//   - A document that fails to parse or validate, or is refused by a
//     limit, gets 400 and no data; except that a client that asks for
//     application/json by name gets 200, as the spec asks of that legacy
//     media type (whose clients may not read a 4xx body). A client with no
//     preference (no Accept, or */*) gets 400 in application/json.
type transport struct {
	maxBody   int64
	maxTokens int
}

var _ graphql.Transport = transport{}

// Supports claims every request, so that wrong methods and media types
// get the statuses above instead of a generic error.
func (transport) Supports(*http.Request) bool { return true }

func (t transport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	media, legacy, ok := negotiate(r.Header.Get("Accept"))
	if !ok {
		writeErrors(w, mediaJSON, http.StatusNotAcceptable, CodeBadUserInput,
			"the Accept header allows neither application/graphql-response+json nor application/json")
		return
	}
	var (
		params *graphql.RawParams
		status int
		err    error
	)
	switch r.Method {
	case http.MethodGet:
		params, err = fromQuery(r)
	case http.MethodPost:
		params, status, err = t.fromBody(w, r)
	default:
		w.Header().Set("Allow", "GET, POST")
		writeErrors(w, media, http.StatusMethodNotAllowed, CodeBadUserInput, "method "+r.Method+" is not allowed; use GET or POST")
		return
	}
	if err != nil {
		if status == 0 {
			status = http.StatusBadRequest
		}
		code := CodeBadUserInput
		if status == http.StatusRequestEntityTooLarge {
			code = CodeLimitExceeded
		}
		writeErrors(w, media, status, code, err.Error())
		return
	}
	if r.Method == http.MethodGet && t.isMutation(params) {
		w.Header().Set("Allow", "POST")
		writeErrors(w, media, http.StatusMethodNotAllowed, CodeBadUserInput, "mutations are not allowed over GET; use POST")
		return
	}
	params.Headers = r.Header

	ctx := r.Context()
	oc, errs := exec.CreateOperationContext(ctx, params)
	if errs != nil {
		resp := exec.DispatchError(graphql.WithOperationContext(ctx, oc), errs)
		status := http.StatusBadRequest
		if legacy {
			status = http.StatusOK
		}
		// No data entry: the request never started executing.
		write(w, media, status, errorsOnly{resp.Errors})
		return
	}
	handle, ctx := exec.DispatchOperation(ctx, oc)
	write(w, media, http.StatusOK, handle(ctx))
}

// negotiate picks the response media type from an Accept header, and
// reports whether the client named application/json itself (legacy).
func negotiate(accept string) (media string, legacy, ok bool) {
	if strings.TrimSpace(accept) == "" {
		return mediaJSON, false, true
	}
	best, bestQ, bestNamed := "", 0.0, false
	for part := range strings.SplitSeq(accept, ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		q := 1.0
		if v, ok := params["q"]; ok {
			if q, err = strconv.ParseFloat(v, 64); err != nil {
				continue
			}
		}
		var media string
		switch mt {
		case mediaGraphQLResponse, mediaJSON:
			media = mt
		case "*/*", "application/*":
			media = mediaJSON
		default:
			continue
		}
		named := mt == mediaJSON
		// Higher q wins; on a tie, the newer media type, then a named one.
		if q > bestQ || q == bestQ && q > 0 && (media == mediaGraphQLResponse && best != media || media == best && named) {
			best, bestQ, bestNamed = media, q, named
		}
	}
	return best, best == mediaJSON && bestNamed, bestQ > 0
}

// fromQuery reads the parameters of a GET request.
func fromQuery(r *http.Request) (*graphql.RawParams, error) {
	q := r.URL.Query()
	p := &graphql.RawParams{Query: q.Get("query"), OperationName: q.Get("operationName")}
	if !q.Has("query") {
		return nil, errors.New("the query parameter is missing")
	}
	for name, dst := range map[string]*map[string]any{"variables": &p.Variables, "extensions": &p.Extensions} {
		if v := q.Get(name); v != "" {
			m, err := decodeObject([]byte(v), name)
			if err != nil {
				return nil, err
			}
			*dst = m
		}
	}
	return p, nil
}

// fromBody reads the parameters of a POST request; the status goes with an
// error.
func (t transport) fromBody(w http.ResponseWriter, r *http.Request) (*graphql.RawParams, int, error) {
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != mediaJSON {
		return nil, http.StatusUnsupportedMediaType, errors.New("a POST body must be application/json")
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
		return nil, http.StatusUnsupportedMediaType, fmt.Errorf("charset %q is not supported; use utf-8", cs)
	}
	body := r.Body
	if t.maxBody > 0 {
		body = http.MaxBytesReader(w, r.Body, t.maxBody)
	}
	data, err := io.ReadAll(body)
	if err != nil {
		if errors.As(err, new(*http.MaxBytesError)) {
			return nil, http.StatusRequestEntityTooLarge, fmt.Errorf("the request body is larger than the limit of %d bytes", t.maxBody)
		}
		return nil, http.StatusBadRequest, errors.New("could not read the request body")
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, http.StatusBadRequest, errors.New("the request body is empty")
	}
	var raw struct {
		Query         json.RawMessage `json:"query"`
		OperationName json.RawMessage `json:"operationName"`
		Variables     json.RawMessage `json:"variables"`
		Extensions    json.RawMessage `json:"extensions"`
	}
	if err := strictJSON(data, &raw); err != nil {
		return nil, http.StatusBadRequest, fmt.Errorf("the request body is not a JSON object: %v", err)
	}
	p := &graphql.RawParams{}
	if err := decodeString(raw.Query, "query", &p.Query, true); err != nil {
		return nil, http.StatusBadRequest, err
	}
	if err := decodeString(raw.OperationName, "operationName", &p.OperationName, false); err != nil {
		return nil, http.StatusBadRequest, err
	}
	if p.Variables, err = decodeObject(raw.Variables, "variables"); err != nil {
		return nil, http.StatusBadRequest, err
	}
	if p.Extensions, err = decodeObject(raw.Extensions, "extensions"); err != nil {
		return nil, http.StatusBadRequest, err
	}
	return p, 0, nil
}

// strictJSON decodes one JSON object, with numbers kept exact, and nothing
// after it.
func strictJSON(data []byte, v any) error {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return errors.New("expected an object")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("unexpected data after the object")
	}
	return nil
}

// decodeString reads a string parameter; null or absent is "" unless required.
func decodeString(raw json.RawMessage, name string, dst *string, required bool) error {
	if len(raw) == 0 || string(raw) == "null" {
		if required {
			return fmt.Errorf("the %s parameter is missing", name)
		}
		return nil
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		return fmt.Errorf("the %s parameter must be a string", name)
	}
	return nil
}

// decodeObject reads an object parameter; null or absent is nil.
func decodeObject(raw []byte, name string) (map[string]any, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var m map[string]any
	if err := strictJSON(raw, &m); err != nil {
		return nil, fmt.Errorf("the %s parameter must be a JSON object", name)
	}
	return m, nil
}

// isMutation reports whether the operation a request would run is a
// mutation. A document that does not parse is left for the executor to
// report.
func (t transport) isMutation(p *graphql.RawParams) bool {
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: p.Query}, t.maxTokens)
	if err != nil {
		return false
	}
	op := doc.Operations.ForName(p.OperationName)
	return op != nil && op.Operation == ast.Mutation
}

// errorsOnly is a response to a request that never ran: errors, no data.
type errorsOnly struct {
	Errors gqlerror.List `json:"errors"`
}

// writeErrors writes a response with one error and no data.
func writeErrors(w http.ResponseWriter, media string, status int, code, message string) {
	write(w, media, status, errorsOnly{gqlerror.List{{Message: message, Extensions: map[string]any{"code": code}}}})
}

func write(w http.ResponseWriter, media string, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"errors":[{"message":"internal error","extensions":{"code":"INTERNAL"}}]}`)
	}
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b)
}
