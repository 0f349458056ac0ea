// Package schema holds the service's schemas: schema.graphqls, the GraphQL
// API contract that gqlgen generates the graph package from, and
// schema.dql, the DQL schema the Dgraph store applies on start.
package schema

import _ "embed"

// DQL is the Dgraph schema of the store/dgraph package.
//
//go:embed schema.dql
var DQL string
