// Package loader turns the text of a municipal industrial or innovation
// program into a knowledge graph (kg.Graph) whose every entity and relation
// carries the exact span of text that states it.
//
// Use one Loader for many documents; it compiles the vocabulary once and is
// safe for concurrent use:
//
//	l, err := loader.New(loader.Options{})        // embedded vocabulary, 16 MiB limit
//	g, err := l.LoadFiles([]string{"a.txt", "b.txt"}) // read, parse and merge
//	g, err := l.Parse("program.txt", data)        // or parse bytes already in memory
//
// Errors carry kg error codes: kg.EINVALID for empty, binary or non-UTF-8
// input, kg.ELIMIT for documents over the size limit, kg.ENOTFOUND for a
// missing file.
//
// The pipeline: the document is split into lines, an outline of sections
// (structure.go) and tokenised sentences (text.go); extractors then run in
// order over the sentences — citations, responsibility lines (extract.go),
// industry groups and lists (industries.go), backbone passages
// (backbone.go), organisations and partners (orgs.go), targets
// (targets.go) and further mentions (mentions.go) — writing to a builder
// that resolves each mention to one entity (builder.go). The vocabulary
// they match is data, in package lexicon.
//
// Lists are typed by their frame rather than by one pattern per phrasing
// (backbone.go): a list of names after an intro ("such as", ":") takes the
// kind of the nearest typing noun before it in its clause ("Chain-owner
// enterprises: A, B", "leading enterprises in the fields of X, such as A",
// "projects such as A", "universities such as B"); a lead before the names
// ("support … to", "represented by", "the project of") or "and other key
// enterprises" after them types them too, and a cooperation cue makes them
// partners. Product lists are typed the same way ("Key products: …",
// "products such as …", a product cue in an industry's passage). An
// industry's head noun ("industry", "industrial chain", "clusters") is
// vocabulary, and a plural head is shared by its coordination ("the paper
// and leather industries").
package loader
