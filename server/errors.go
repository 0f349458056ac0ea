package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"policykg/kg"
)

// The values of extensions.code in GraphQL errors: a contract with clients.
const (
	CodeNotFound       = "NOT_FOUND"
	CodeBadUserInput   = "BAD_USER_INPUT"
	CodeLimitExceeded  = "LIMIT_EXCEEDED"
	CodeUnavailable    = "BACKEND_UNAVAILABLE"
	CodeInternal       = "INTERNAL"
	internalErrMessage = "internal error"
)

// codes maps store error codes to GraphQL ones: the one place where this
// happens.
var codes = map[string]string{
	kg.EINVALID:     CodeBadUserInput,
	kg.ENOTFOUND:    CodeNotFound,
	kg.ELIMIT:       CodeLimitExceeded,
	kg.EUNAVAILABLE: CodeUnavailable,
	kg.EINTERNAL:    CodeInternal,
}

// presenter turns every error a request meets into what the client sees:
// a message safe to show and extensions.code. Internal details are logged,
// never returned.
func presenter(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gqlErr := graphql.DefaultErrorPresenter(ctx, err)
		out := &gqlerror.Error{Message: gqlErr.Message, Path: gqlErr.Path, Locations: gqlErr.Locations}
		var kerr *kg.Error
		switch {
		case errors.As(err, &kerr) && kerr.Code != kg.EINTERNAL:
			out.Message = kerr.Message
			out.Extensions = code(codes[kerr.Code])
		case errors.Is(err, context.DeadlineExceeded):
			out.Message = "the request ran past its deadline"
			out.Extensions = code(CodeLimitExceeded)
		case gqlErr.Err == nil && gqlErr.Extensions["code"] == CodeLimitExceeded:
			out.Extensions = gqlErr.Extensions
		case gqlErr.Err == nil && strings.HasPrefix(gqlErr.Message, "exceeded token limit"):
			// The parser's token limit (gqlparser words it so).
			out.Extensions = code(CodeLimitExceeded)
		case gqlErr.Err == nil && isRequestError(gqlErr):
			// The parser's and validator's own errors: the query is at fault.
			out.Extensions = code(CodeBadUserInput)
		default:
			requestLogger(ctx, log).ErrorContext(ctx, "request failed", "err", err, "path", gqlErr.Path.String())
			out.Message = internalErrMessage
			out.Extensions = code(CodeInternal)
			if id := requestID(ctx); id != "" {
				out.Extensions["requestId"] = id // to find the details in the log
			}
		}
		return out
	}
}

// isRequestError reports whether gqlgen raised the error while parsing or
// validating the request, before any resolver ran.
func isRequestError(err *gqlerror.Error) bool {
	switch err.Extensions["code"] {
	case errcode.ParseFailed, errcode.ValidationFailed:
		return true
	}
	return err.Rule != ""
}

func code(c string) map[string]any { return map[string]any{"code": c} }

// recoverer turns a panic in a resolver into an INTERNAL error, logging
// the panic and its stack.
func recoverer(log *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		requestLogger(ctx, log).ErrorContext(ctx, "panic in resolver", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		return kg.Errorf(kg.EINTERNAL, "panic: %v", p)
	}
}
