// Package graph is the GraphQL layer: the schema in schema/*.graphqls,
// compiled by gqlgen into generated.go, and thin resolvers that turn
// arguments into kg.Store calls. resolver.go is the one place where
// dependencies come in.
//
//	srv := handler.New(graph.NewExecutableSchema(graph.Config{Resolvers: graph.NewResolver(store)}))
package graph
