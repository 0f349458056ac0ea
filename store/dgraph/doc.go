// Package dgraph is the kg.Store over Dgraph, for graphs that outgrow one
// machine, are shared by many analysts and must survive restarts.
//
// Data model (schema/schema.dql, applied on the first call):
//
//   - an entity is a node whose dgraph.type is its kind, with its ID in
//     kg.id (@upsert, exact index), its whole record as the API serves it
//     in kg.data (JSON), and indexed projections of its names for lookup
//     (kg.lower), search (kg.norm, kg.words) and targets (kg.year);
//   - a relation is an edge of the uid predicate kg.TYPE from its From node
//     to its To node, with @reverse for the other direction; its sources
//     are the edge's facet "sources" (JSON);
//   - a loaded document is a node of type Document.
//
// Every method costs a fixed number of round trips to Dgraph, whatever the
// size of its answer: Entities, Relations, List, Targets, Documents and
// Neighborhood one query each, Search two, Path at most three. Each round
// trip is counted in the request's kg.RoundTrips.
//
// Load is one transaction per graph: read what the graph shares with the
// store, merge, write only what changed, commit. Aborted transactions are
// retried with backoff. Errors carry kg codes: EUNAVAILABLE while Dgraph
// cannot be reached, ELIMIT when the request's deadline passes.
package dgraph
