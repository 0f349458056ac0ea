// Package server is the HTTP side of the service: GraphQL over HTTP with
// limits on what one request may cost, GraphiQL, and health checks. It
// knows the store only through kg.Store.
//
//	h := server.Handler(store, server.Config{Limits: server.DefaultLimits(), Logger: log})
//	http.ListenAndServe("127.0.0.1:8080", h)
//
// Errors reach clients with extensions.code NOT_FOUND, BAD_USER_INPUT,
// LIMIT_EXCEEDED, BACKEND_UNAVAILABLE or INTERNAL; the details of internal
// errors and panics are logged, never returned.
package server
