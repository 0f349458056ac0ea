package kg

import (
	"math"
	"strings"
	"unicode"
)

// Search scores. A name equal to the query scores ExactScore, a name that
// starts with it PrefixScore, and a name sharing words with it up to
// WordScore (more for more of the query's words, and for names with fewer
// other words). Aliases score AliasFactor times as much as the name, so
// every exact match still ranks above every prefix match, and every prefix
// match above every word match.
const (
	ExactScore  = 1.0
	PrefixScore = 0.8
	WordScore   = 0.6
	AliasFactor = 0.9
)

// stopWords are ignored in word matches unless the query has nothing else.
var stopWords = map[string]bool{"a": true, "an": true, "and": true, "the": true, "of": true, "in": true, "for": true, "to": true, "on": true, "with": true}

// Normalize lower-cases s and keeps its words (runs of letters and digits)
// separated by single spaces: the form names are compared in.
func Normalize(s string) string { return strings.Join(Words(s), " ") }

// Words returns the lower-cased words of s: its runs of letters and digits.
func Words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// MatchScore scores an entity for a search: the best score of its name
// (ExactScore, PrefixScore or up to WordScore) and of its aliases (times
// AliasFactor), or 0 if none matches. query must be normalized (Normalize)
// and not empty. Every store ranks search hits with this function, so they
// agree on the order.
func MatchScore(query string, name string, aliases []string) float64 {
	qw := contentWords(strings.Fields(query))
	best := nameScore(query, qw, name)
	for _, a := range aliases {
		if s := AliasFactor * nameScore(query, qw, a); s > best {
			best = s
		}
	}
	// Rounded, so that scores print cleanly and compare equal across stores.
	return math.Round(best*1e6) / 1e6
}

func nameScore(query string, qw []string, name string) float64 {
	nw := Words(name)
	n := strings.Join(nw, " ")
	switch {
	case n == query:
		return ExactScore
	case strings.HasPrefix(n, query):
		return PrefixScore
	}
	nw = contentWords(nw)
	matched := 0
	for _, q := range qw {
		for _, w := range nw {
			if Stem(q) == Stem(w) {
				matched++
				break
			}
		}
	}
	if matched == 0 {
		return 0
	}
	// Coverage of the query counts most; coverage of the name breaks ties
	// in favour of the more specific name.
	return WordScore * float64(matched) / float64(len(qw)) * (0.5 + 0.5*float64(matched)/float64(len(nw)))
}

// contentWords drops stop words, unless nothing else is left.
func contentWords(words []string) []string {
	var out []string
	for _, w := range words {
		if !stopWords[w] {
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return words
	}
	return out
}

// SearchWords returns the stems (Stem) of the words of a normalized query
// that a word match looks for: a store needs as candidates only the
// entities with a name or alias having a word of one of these stems, and
// those with a name or alias that starts with the query.
func SearchWords(query string) []string {
	words := contentWords(strings.Fields(query))
	for i, w := range words {
		words[i] = Stem(w)
	}
	return words
}

// Stem folds an English plural to its singular, roughly ("diamonds" →
// "diamond", "industries" → "industry"), so that a word match does not
// depend on number.
func Stem(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:len(w)-1]
	}
	return w
}
