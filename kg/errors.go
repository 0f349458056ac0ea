package kg

import (
	"errors"
	"fmt"
)

// Error codes. Every error that reaches a user carries one; transports map
// codes to their own statuses in one place.
const (
	EINVALID     = "invalid"     // bad input from the caller
	ENOTFOUND    = "not_found"   // no such entity or document
	ELIMIT       = "limit"       // a size, depth or time limit was exceeded
	EUNAVAILABLE = "unavailable" // a backend cannot be reached
	EINTERNAL    = "internal"    // a bug or an unexpected failure
)

// Error is an error with a code and a message safe to show to users.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the given code.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err, EINTERNAL for errors without one and ""
// for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	}
	return EINTERNAL
}
