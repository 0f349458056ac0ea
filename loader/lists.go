package loader

import (
	"strings"

	"policykg/kg"
	"unicode"
	"unicode/utf8"
)

// item is one element of a list found in a sentence: a token range.
type item struct{ from, to int } // toks[from:to]

func (d *doc) itemText(s *sentence, it item) string {
	return d.data[s.toks[it.from].start:s.toks[it.to-1].end]
}

func isListSep(raw string) bool { return raw == "," || raw == "、" || raw == "，" }

func isClauseEnd(raw string) bool {
	return raw == ";" || raw == "；" || raw == "." || raw == "。" || raw == ":" || raw == "：" || raw == "!" || raw == "?"
}

// capitalized reports whether a token starts like a name: a capital, a
// digit, a CJK letter, or a lower-case letter before a capital ("iFlytek").
func capitalized(t token) bool {
	r, n := utf8.DecodeRuneInString(t.raw)
	if unicode.IsUpper(r) || unicode.IsDigit(r) || (r > 0x2e80 && unicode.IsLetter(r)) {
		return true
	}
	r2, _ := utf8.DecodeRuneInString(t.raw[n:])
	return unicode.IsLower(r) && unicode.IsUpper(r2)
}

// nameJoiners may stand inside a proper name in lower case.
var nameJoiners = map[string]bool{"of": true, "and": true, "the": true, "for": true, "&": true, "de": true}

// nameList reads a list of proper names starting at toks[i]: "A, B, C and D",
// "A, B and other enterprises". It stops at the first element that does not
// start with a capital (the clause goes on: "…, focus on X"), at a clause
// end, or after "and other …"/"etc.". splitAnd decides whether "L and R"
// is two names or one ("University of Science and Technology"), given L and
// R up to the next "and" or separator. It returns the items and the index
// after the list.
func (d *doc) nameList(s *sentence, i int, splitAnd func(l, r []token) bool) ([]item, int) {
	toks := s.toks
	var items []item
	cur := -1
	depth := 0
	flush := func(j int) {
		for j > cur && cur >= 0 && nameJoiners[toks[j-1].norm] {
			j-- // "… Power Electronics for support": no name ends in "for"
		}
		if cur >= 0 && j > cur {
			items = append(items, item{cur, j})
		}
		cur = -1
	}
	j := i
	for ; j < len(toks); j++ {
		t := toks[j]
		switch {
		case t.raw == "(" || t.raw == "（":
			if cur < 0 {
				goto done
			}
			depth++
			continue
		case t.raw == ")" || t.raw == "）":
			if depth == 0 {
				flush(j)
				goto done
			}
			depth--
			continue
		case depth > 0:
			continue
		case cur >= 0 && legalSuffixPunct(toks, j):
			continue // "Mingtai Holding Group Co., Ltd." is one name
		case t.raw == "[" && refMarker(toks, j):
			flush(j) // "Beta Motors [7]": a reference, not part of the name
			j += 2
			continue
		case isListSep(t.raw):
			flush(j)
			continue
		case isClauseEnd(t.raw), t.norm == "etc":
			flush(j)
			goto done
		case t.norm == "and" || t.norm == "as" && j+2 < len(toks) && toks[j+1].norm == "well" && toks[j+2].norm == "as":
			skip := 0
			if t.norm == "as" {
				skip = 2
			}
			if j+1+skip < len(toks) && toks[j+1+skip].norm == "other" {
				flush(j)
				j += 2 + skip
				goto done
			}
			if cur < 0 {
				j += skip
				continue // ", and D"
			}
			if j+1+skip < len(toks) && capitalized(toks[j+1+skip]) && splitAnd(toks[cur:j], nextName(toks, j+1+skip)) {
				flush(j)
				j += skip
				continue
			}
			if j+1 < len(toks) && !capitalized(toks[j+1]) {
				flush(j)
				goto done
			}
		case t.punct():
			if cur < 0 {
				goto done
			}
		case cur < 0 && t.norm == "the" && j+1 < len(toks) && capitalized(toks[j+1]):
			continue // "…, the China Academy of …"
		case cur < 0:
			if !capitalized(t) || d.v.nonName[t.norm] {
				goto done
			}
			cur = j
			continue
		case !capitalized(t) && !nameJoiners[t.norm]:
			flush(j)
			goto done
		}
		if cur < 0 {
			cur = j
		}
	}
	flush(j)
done:
	return items, j
}

// legalSuffixPunct reports whether the mark at toks[j] belongs to a legal
// name's suffix: the period of "Co." or "Ltd." and the comma of "Co., Ltd.".
func legalSuffixPunct(toks []token, j int) bool {
	switch toks[j].raw {
	case ".":
		return j > 0 && corporateAbbrev[toks[j-1].norm]
	case ",":
		return j+1 < len(toks) && corporateAbbrev[toks[j+1].norm] && toks[j+1].norm != "co"
	}
	return false
}

// corporateAbbrev are the abbreviations of legal forms, written with a period.
var corporateAbbrev = map[string]bool{"co": true, "ltd": true, "inc": true, "corp": true, "limited": true, "llc": true, "plc": true}

// refMarker reports whether toks[j:] starts a reference marker "[7]".
func refMarker(toks []token, j int) bool {
	return j+2 < len(toks) && toks[j+2].raw == "]" && toks[j+1].raw != "" && toks[j+1].raw[0] >= '0' && toks[j+1].raw[0] <= '9'
}

// nextName returns the name starting at toks[i]: its capitalised words and
// joiners, up to the next "and", separator or clause end.
func nextName(toks []token, i int) []token {
	j := i
	for j < len(toks) && toks[j].norm != "and" && !isListSep(toks[j].raw) && !isClauseEnd(toks[j].raw) && (capitalized(toks[j]) || nameJoiners[toks[j].norm] || legalSuffixPunct(toks, j)) {
		j++
	}
	return toks[i:j]
}

// splitNames is splitAnd for lists of names: "Alpha Group and Beta
// Tongda", "Baidu and Horizon Robotics" and "China Academy of Machinery
// Science and Technology and Luoyang Institute" are two names; "University
// of Science and Technology" and "Guixin Iron and Steel" one.
func (d *doc) splitNames(l, r []token) bool {
	if hasWord(l, "of") {
		// Inside "X of A and B" only a name with its own head word splits.
		kl, kr := d.orgKind(tokensText(l)), d.orgKind(tokensText(r))
		return kl != "" && (kr == kg.KindInstitution || kr == kg.KindGovernmentUnit || d.v.corporateEnd(r))
	}
	// "Economic and Information Technology Bureau": the words before "and"
	// share the head word after it.
	if k := d.orgKind(tokensText(r)); (k == kg.KindGovernmentUnit || k == kg.KindInstitution) && d.orgKind(tokensText(l)) == "" {
		return false
	}
	// "Guixin Iron and Steel", "Jinliang Grain and Oil Group" end one
	// name: after "and" come only common and organisation words, nothing
	// that names a second firm. "Kingsoft Cloud and iFlytek" are two.
	for _, t := range r {
		if !capitalized(t) && !nameJoiners[t.norm] {
			break // the name ended: "… Oil Group were signed"
		}
		if !t.punct() && !d.commonWord(t) && d.orgKind(t.raw) == "" {
			return true
		}
	}
	return false
}

// commonWord reports whether a word belongs to the vocabulary (an industry
// keyword or term): "Oil" in "Changle Fengyuan Grain and Oil".
func (d *doc) commonWord(t token) bool { return d.v.anyKeyword[t.norm] }

func tokensText(toks []token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.raw)
	}
	return b.String()
}

// phraseList reads a list of lower-case phrases (industries, products)
// starting at toks[i] and running to the end of the clause: "A, B, C and
// other products", "A, B as well as C". Elements that begin with a verb
// starting a new clause end it (unless verbs is false: the caller knows
// where the list ends), as does an element longer than maxWords.
func (d *doc) phraseList(s *sentence, i, maxWords int, verbs bool) ([]item, int) {
	toks := s.toks
	var items []item
	cur := -1
	depth := 0
	flush := func(j int) bool {
		if cur < 0 {
			return true
		}
		it := item{cur, j}
		cur = -1
		if countWords(toks[it.from:it.to]) > maxWords {
			return false
		}
		items = append(items, it)
		return true
	}
	j := i
	for ; j < len(toks); j++ {
		t := toks[j]
		switch {
		case t.raw == "(" || t.raw == "（":
			depth++
		case t.raw == ")" || t.raw == "）":
			if depth == 0 {
				flush(j)
				return items, j
			}
			depth--
		case depth > 0:
		case isListSep(t.raw):
			if !flush(j) {
				return items, j
			}
		case isClauseEnd(t.raw), t.norm == "etc", d.v.listEnd[t.norm], (t.raw == "-" || t.raw == "—") && d.spaced(t):
			// A dash after a few words closes an aside: "… and C - and gives …".
			flush(j)
			return items, j
		case t.norm == "and" && j+1 < len(toks) && toks[j+1].norm == "other",
			t.norm == "and" && j+2 < len(toks) && toks[j+1].norm == "so" && toks[j+2].norm == "on":
			flush(j)
			return items, j + 2
		case t.norm == "as" && j+2 < len(toks) && toks[j+1].norm == "well" && toks[j+2].norm == "as":
			if !flush(j) {
				return items, j
			}
			j += 2
		case cur >= 0 && t.norm == "such" && j+1 < len(toks) && toks[j+1].norm == "as":
			// "new types of materials and products such as A": the category
			// before "such as" is no element.
			cur = -1
			j++
		case cur < 0 && t.norm == "such" && j+1 < len(toks) && toks[j+1].norm == "as":
			return items, j // "the fields of A and B, such as C": C is no element
		case cur < 0 && t.norm == "and":
			// ", and D": the conjunction, unless a verb follows ("and accelerate").
			if verbs && j+1 < len(toks) && d.v.clauseVerb[toks[j+1].norm] {
				return items, j
			}
		case cur < 0:
			if verbs && d.v.clauseVerb[t.norm] && len(items) > 0 {
				return items, j
			}
			if n, _ := d.v.productIntro.match(toks, j); n > 0 && len(items) > 0 {
				return items, j // "…, extend to C and other products": a list of its own
			}
			if t.punct() && t.raw != "\"" && t.raw != "“" {
				return items, j
			}
			cur = j
		}
	}
	flush(j)
	return items, j
}

// spaced reports whether a mark stands apart from the words around it, as
// a dash between clauses does ("… and C - and gives …"), not inside a
// compound ("800-volt").
func (d *doc) spaced(t token) bool {
	return t.start > 0 && t.end < len(d.data) && d.data[t.start-1] == ' ' && d.data[t.end] == ' '
}

func countWords(toks []token) int {
	n := 0
	for _, t := range toks {
		if !t.punct() {
			n++
		}
	}
	return n
}

// closingBracket returns where the bracket that ends toks[it] opens ("…
// Co., Ltd. (Ningbo)", "… Bureau (lead)"), or -1. The item must hold at
// least min tokens, and something before the bracket.
func closingBracket(toks []token, it item, min int) int {
	if it.to-it.from < min || toks[it.to-1].raw != ")" && toks[it.to-1].raw != "）" {
		return -1
	}
	for k := it.to - 2; k > it.from; k-- {
		if toks[k].raw == "(" || toks[k].raw == "（" {
			return k
		}
	}
	return -1
}

// trimItem drops leading articles and conjunctions and surrounding quotes.
func trimItem(toks []token, it item) item {
	for it.from < it.to {
		t := toks[it.from]
		if t.norm == "the" || t.norm == "a" || t.norm == "an" || t.norm == "and" || t.norm == "or" || t.raw == "\"" || t.raw == "“" || t.raw == "”" || t.norm == "city's" {
			it.from++
			continue
		}
		break
	}
	for it.to > it.from {
		t := toks[it.to-1]
		if t.raw == "\"" || t.raw == "”" || t.raw == "“" || t.raw == "-" || t.raw == "–" || t.raw == "—" || t.norm == "etc" || t.raw == "." && !(it.to-2 >= it.from && corporateAbbrev[toks[it.to-2].norm]) {
			it.to--
			continue
		}
		break
	}
	return it
}

// splitAndItem splits a phrase item "L and R" in two when both sides have at
// least two words ("new insulating materials and low-carbon window frames") but
// not when one is a single word ("fire-resistant and fire-retardant
// materials", "automotive and parts", "packaging and testing"), L has an
// "of" ("sets of equipment and key components") or the whole item is a
// known industry term.
func (d *doc) splitAndItem(toks []token, it item) []item {
	for k := it.from + 1; k < it.to-1; k++ {
		if toks[k].norm != "and" {
			continue
		}
		// "biomedicine and new generation information technology": two terms.
		if d.wholeTerm(toks, item{it.from, k}) && d.wholeTerm(toks, item{k + 1, it.to}) && !d.wholeTerm(toks, it) {
			return []item{{it.from, k}, {k + 1, it.to}}
		}
		// "UHV AC and DC transmission equipment": an abbreviation before
		// "and" shares the head after it.
		if acronym(toks[k-1]) {
			return []item{it}
		}
		if countWords(toks[it.from:k]) >= 2 && countWords(toks[k+1:it.to]) >= 2 && !hasWord(toks[it.from:k], "of") {
			if idx, n := d.v.industryAt(toks[:it.to], it.from); idx >= 0 && it.from+n > k {
				return []item{it}
			}
			return append([]item{{it.from, k}}, d.splitAndItem(toks, item{k + 1, it.to})...)
		}
		return []item{it}
	}
	return []item{it}
}

// acronym reports whether a word is an abbreviation in capitals: "AC", "UHV".
func acronym(t token) bool {
	return len(t.raw) >= 2 && strings.ToUpper(t.raw) == t.raw && strings.ToLower(t.raw) != t.raw
}

func hasWord(toks []token, w string) bool {
	for _, t := range toks {
		if t.norm == w {
			return true
		}
	}
	return false
}

// wholeTerm reports whether toks[it] is exactly an industry term of the
// vocabulary (with or without "industry" after it).
func (d *doc) wholeTerm(toks []token, it item) bool {
	n, _ := d.v.industries.match(toks[:it.to], it.from)
	return n > 0 && (it.from+n == it.to || it.from+n == it.to-1 && isIndustryWord(toks[it.to-1].norm))
}
