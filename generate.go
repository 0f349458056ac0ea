package main

// The GraphQL layer (graph/generated.go, graph/model/models_gen.go) is
// generated from schema/*.graphqls as gqlgen.yml says.
//go:generate go tool gqlgen generate
