// Package graph is the GraphQL layer: the schema in schema/*.graphqls,
// compiled by gqlgen into generated.go, and thin resolvers that turn
// arguments into kg.Store calls. resolver.go is the one place where
// dependencies come in.
//
//	srv := handler.New(graph.NewExecutableSchema(graph.Config{Resolvers: graph.NewResolver(store)}))
//	srv.Use(graph.Batching{})
//
// # Batching
//
// A store call may be a network round trip, so a request costs a number of
// store calls that grows with the depth of the query, never with the
// number of results. Two parts do this (batch.go, prefetch.go). The
// Batching extension gives each operation a cache in front of the store,
// which resolvers read through (Resolver.store) exactly as they would read
// the store: it remembers entities and relations, and fetches what it
// lacks for many IDs in one call. And each root resolver, once it has its
// value, prefetches: it walks its field's selection set a level of
// entities at a time and, for all the entities of a level together, asks
// the cache for the relations their selected fields need in one call and
// for the entities at the other ends in one more. The nested resolvers
// then find everything in the cache. The prefetch only warms the cache: if
// it misses something, a resolver fetches it, one call more. The links
// table in prefetch.go says which relations each entity field reads; the
// tests check it against the schema and the resolvers.
package graph
