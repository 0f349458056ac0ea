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
// The pipeline runs in stages, each over what the earlier ones found:
//
//   - Clean and outline (structure.go): the title is the line that reads as
//     a document's title, past web-page clutter (site names, navigation,
//     index fields; a document number there is the program's own code);
//     a news write-up's program is the unquoted title in its opening
//     sentences. Page metadata lines ("Source: … | Editor: …") are dropped.
//     Markers ("I.", "(1)", "Chapter II", "Section 1", "First,") build the
//     outline of sections.
//   - Sentences, clauses and list lines (text.go, lists.go): tokens with a
//     normal form; name runs (capitalised words, legal forms "Co., Ltd.",
//     all-caps brands, reference markers dropped) and phrase lists with
//     their coordination.
//   - Citations and responsibility lines (extract.go).
//   - Industries (industries.go): groups headed by any plural industry head
//     ("four sub-chains", "three 100-billion-level clusters") with members
//     after them or before them (a copula's subject, an apposition);
//     lists with a shared head ("the paper and leather industries");
//     headings that name an industry, a qualified vocabulary term, or a
//     short noun phrase among sibling headings that name industries.
//   - Typing by frame (backbone.go): a list of names takes the kind of the
//     nearest typing noun before its intro, of a lead before it ("support
//     … to", "represented by"), or of a role after it ("are named as its
//     backbone firms", ", the chain owner for X"); a legal name is an
//     enterprise anywhere; a cooperation cue makes partners.
//   - Scope: each list's industry is the one its own frame names ("in the
//     X industry, support …", "biomedicine enterprises like …", "leading
//     enterprises in A, B and C, such as X, Y and Z" paired in order), else
//     the one its name names among its section's industries, else a vote
//     over the clause, the sentence's earlier clauses, the paragraph and
//     the headings above. Products are read after product cues in that
//     scope, activities and titles left out.
//   - Organisations and partners (orgs.go).
//   - Targets (targets.go): quantities with the year in force (in the
//     clause, right after the value, or from a heading such as "Main
//     targets for 2024"), results told apart from goals by the year,
//     modals ("will", "should") and past markers ("last year", "up from");
//     indicator tables read by their goal column.
//   - Resolution (builder.go): one entity per resolution key; a legal name
//     and its short form are one enterprise.
//
// Lists are typed by their frame rather than by one pattern per phrasing,
// and the vocabulary they match (cue words, organisation suffixes, industry
// terms and head nouns) is data, in package lexicon.
package loader
