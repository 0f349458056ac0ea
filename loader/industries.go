package loader

import (
	"strconv"
	"strings"

	"policykg/kg"
)

// industryMention is an industry named by toks[from:to] of a sentence.
type industryMention struct {
	from, to int
	ent      *kg.Entity
}

// industries finds the industries a document names: members of the
// industry groups it names, items of its industry lists, the industries its
// headings are about, and the terms of the industry vocabulary.
func (d *doc) industries() {
	d.indForms = newPhrases()
	d.groups = map[string]*kg.Entity{}
	d.secGroups = map[*section][]*kg.Entity{}
	d.secIndustries = map[*section][]*kg.Entity{}
	for _, s := range d.sents {
		d.industryGroups(s)
		d.industryLists(s)
		d.theIndustry(s)
	}
	for _, sec := range d.sections {
		d.headingIndustry(sec)
	}
	for _, s := range d.sents {
		// Every naming of a group is a source of it ("the three traditional
		// industries" for "the three major traditional industries"); a
		// heading naming one makes its section about the group.
		for i := range s.toks {
			n, key := d.groupAt(s.toks, i)
			if n == 0 || d.groups[key] == nil || s.masked(s.toks[i].start) {
				continue
			}
			g := d.groups[key]
			d.b.addSource(g, d.source(s))
			g.AddAlias(strings.TrimSpace(d.data[s.toks[i].start:s.toks[i+n-1].end]))
			if s.heading && s.sec != nil {
				d.secGroups[s.sec] = appendUnique(d.secGroups[s.sec], g)
			}
		}
		for _, m := range d.scanIndustries(s, false, false) {
			d.b.addSource(m.ent, d.source(s))
			if s.heading && s.sec != nil {
				d.secIndustries[s.sec] = appendUnique(d.secIndustries[s.sec], m.ent)
			}
		}
	}
	d.siblingIndustries()
}

func appendUnique(list []*kg.Entity, e *kg.Entity) []*kg.Entity {
	for _, x := range list {
		if x == e {
			return list
		}
	}
	return append(list, e)
}

// industry resolves an industry named by toks[it]: a vocabulary term gives
// its canonical key, any other name its own words without "industry".
func (d *doc) industry(s *sentence, it item) *kg.Entity {
	it = trimItem(s.toks, it)
	if n, _ := d.v.headBefore(s.toks[:it.to], it.to); n > 0 && n < it.to-it.from {
		it.to -= n // "steel industrial chain" is "steel"
	}
	if it.to <= it.from {
		return nil
	}
	name := d.itemText(s, it)
	key := nameKey(name)
	if n, idx := d.v.industries.match(s.toks[:it.to], it.from); n > 0 && n == it.to-it.from {
		lexKey, _ := strconv.Atoi(idx)
		key = d.v.lex.Industries[lexKey].Key
	}
	// "light industry", not "light": a one-word name keeps its "industry".
	if it.to-it.from == 1 && it.to < len(s.toks) && isIndustryWord(s.toks[it.to].norm) && !plural(s.toks[it.to]) {
		name = d.data[s.toks[it.from].start:s.toks[it.to].end]
	}
	before := len(d.b.created)
	e := d.b.entity(kg.KindIndustry, key, kg.ID(kg.KindIndustry, key), name, d.source(s))
	if len(d.b.created) > before {
		d.industrySeq = append(d.industrySeq, e)
	}
	d.indForms.add(name, e.ID)
	return e
}

// groupAt matches an industry group phrase at toks[i]: a number, group
// words and "industries" ("four major strategic emerging industries"). It
// returns the phrase length and the group's key, which ignores "major".
func (d *doc) groupAt(toks []token, i int) (int, string) {
	num, n := d.numberAt(toks, i)
	if n == 0 || num < 2 || num > 60 || num != float64(int(num)) {
		return 0, ""
	}
	words := []string{strconv.Itoa(int(num))}
	j := i + n
	// Up to four qualifying words: "four major strategic emerging", "five
	// core digital". Group words of the vocabulary, or any lower-case word
	// that is not a function word or verb.
	for ; j < len(toks) && j < i+n+4 && d.v.headAt(toks, j) == 0; j++ {
		// A scale: "100-billion-level", tokenised "100", "-", "billion-level".
		if j+2 < len(toks) && toks[j+1].raw == "-" && strings.HasSuffix(toks[j+2].norm, "level") {
			if _, n := d.numberAt(toks, j); n == 1 {
				words = append(words, toks[j].raw+"-"+toks[j+2].norm)
				j += 2
				continue
			}
		}
		if !d.groupQualifier(toks[j]) {
			break
		}
		if w := toks[j].norm; w != "major" && w != "main" && w != "key" {
			words = append(words, w)
		}
	}
	// A plural industry head ends it: "industries", "industry chains",
	// "clusters", "sub-chains".
	if h := d.v.headAt(toks, j); h > 0 && plural(toks[j+h-1]) {
		head := strings.ToLower(strings.TrimSpace(d.data[toks[j].start:toks[j+h-1].end]))
		return j + h - i, strings.Join(words, " ") + " " + head
	}
	return 0, ""
}

// industryGroups finds named groups with their members: "A, B and other four
// major industries", "the three traditional industries, such as A, B, C",
// "A, B and C (the three characteristic industries)".
func (d *doc) industryGroups(s *sentence) {
	toks := s.toks
	for i := 0; i < len(toks); i++ {
		if s.masked(toks[i].start) {
			continue
		}
		n, key := d.groupAt(toks, i)
		if n == 0 {
			continue
		}
		var members []item
		j := i + n
		backward, clean := true, true
		switch {
		case i >= 2 && toks[i-2].norm == "and" && toks[i-1].norm == "other":
			members, clean = d.backwardListClean(s, i-2, d.namesIndustry)
		case j < len(toks) && (toks[j].raw == ")" || toks[j].raw == "）") && d.openParenBefore(s, i) > 0:
			members, clean = d.backwardListClean(s, d.openParenBefore(s, i), d.namesIndustry)
		case i >= 2 && toks[i-1].norm == "the" && toks[i-2].norm == "of" && (i == 2 || isListSep(toks[i-3].raw)):
			// "Of the 23 key chains, we will give priority to the A, B and
			// C chains": the members share a plural head later on.
			for h := i + n; h < len(toks); h++ {
				if d.pluralHeadAt(toks, h) > 0 {
					for _, it := range d.backwardList(s, h, d.namesIndustry) {
						members = append(members, d.splitShared(toks, it)...)
					}
					break
				}
			}
		case i >= 2 && toks[i-1].norm == "the" && isListSep(toks[i-2].raw):
			// "support A and B, the two trillion-level clusters of our city"
			members, clean = d.backwardListClean(s, i-2, d.namesIndustry)
		case i >= 2 && toks[i-1].norm == "the" && d.v.roleVerb[toks[i-2].norm] || i >= 3 && toks[i-1].norm == "the" && toks[i-2].norm == "of" && toks[i-3].norm == "one":
			// "A, B and C industries are the three pillar industries of our
			// province", "X is one of the pillar industries"
			members, clean = d.subjectList(s, i)
		case i >= 1 && !toks[i-1].punct() && !metricStop[toks[i-1].norm] && toks[i-1].norm != "other" && toks[i-1].norm != "top":
			// "focus on A, B, C, D four strategic emerging industries"
			if members, clean = d.backwardListClean(s, i, d.namesIndustry); len(members) < 2 {
				members, clean = nil, true
			}
		}
		if len(members) == 0 {
			clean = true
			// "the three pillar industries of A, B and C", "five core
			// industries: A, B, …", "…, such as A, B".
			backward = false
			k := j
			if k < len(toks) && isListSep(toks[k].raw) {
				k++
			}
			n2, _ := d.v.listIntro.match(toks, k)
			if n2 == 0 && k == j && k < len(toks) && (toks[k].norm == "of" || toks[k].raw == "are" || toks[k].raw == "include" || toks[k].raw == "-" || toks[k].raw == "—") {
				n2 = 1 // "the three pillar industries of A, B", "The four traditional industries are A, B", "five key chains - A, B"
			}
			// "eight key industrial chains for sustained attention: A, B":
			// a short phrase before the colon.
			for m := k; n2 == 0 && m < len(toks) && m <= k+5; m++ {
				if toks[m].raw == ":" || toks[m].raw == "：" {
					k, n2 = m, 1
				} else if toks[m].punct() || d.v.clauseVerb[toks[m].norm] {
					break
				}
			}
			// "two characteristic industries (edible fungi and pet food)"
			if n2 > 0 && k+n2 < len(toks) {
				var end int
				members, end = d.phraseList(s, k+n2, 10, true)
				// "the three pillar industries of our province: A, B and C"
				if len(members) == 1 && d.placeLike(toks[members[0].from:members[0].to]) {
					members = nil
					if n3, _ := d.v.listIntro.match(toks, end); n3 > 0 && end+n3 < len(toks) {
						members, _ = d.phraseList(s, end+n3, 10, true)
					}
				}
			}
		}
		if len(members) == 0 {
			continue
		}
		from := i
		for from > 0 && (toks[from-1].norm == "the") {
			from--
		}
		name := strings.TrimSpace(d.data[toks[i].start:toks[i+n-1].end])
		g := d.b.entity(kg.KindIndustryGroup, key, kg.ID(kg.KindIndustryGroup, d.slug, name), name, d.source(s))
		d.groups[key] = g
		// "A, B and C" are split only where the group's number asks for
		// more members than the commas give ("paper making and food
		// processing" but not "medical devices and consumables"), and a
		// list runs on no further than that number.
		want, _ := d.numberAt(toks, i)
		var parts []item
		var terms []item
		for _, m := range members {
			terms = append(terms, d.splitAndItem(toks, trimItem(toks, m))...)
		}
		// Split from the last member back: the list's own "and" joins its
		// last two ("…, copper and aluminum deep processing and lithium
		// battery materials").
		for k := len(terms) - 1; k >= 0; k-- {
			if split := d.splitAnd(toks, terms[k]); clean && len(parts)+k+1 < int(want) {
				parts = append(split, parts...)
			} else {
				parts = append([]item{terms[k]}, parts...)
			}
		}
		if len(parts) > int(want) && !backward {
			parts = parts[:int(want)]
		}
		for _, part := range parts {
			if ind := d.industry(s, part); ind != nil {
				d.b.relate(kg.MemberOf, ind, g, d.source(s))
				d.members[g] = appendUnique(d.members[g], ind)
			}
		}
		i += n - 1
	}
}

// placeLike reports whether words name a place or nothing, not an
// industry: "our province", "the city".
func (d *doc) placeLike(words []token) bool {
	for _, t := range words {
		if !t.punct() && !d.v.genericWord[t.norm] && !d.v.nonName[t.norm] {
			return false
		}
	}
	return true
}

// subjectList reads the industries a clause opens with, before the copula
// that precedes toks[i]: "The automobile, household appliance and
// electronic information industries are the three pillar industries".
func (d *doc) subjectList(s *sentence, i int) ([]item, bool) {
	toks := s.toks
	verb := i - 2
	if toks[i-2].norm == "of" {
		verb = i - 4 // "… is one of the"
	}
	list, clean := d.backwardListClean(s, verb, d.namesIndustry)
	var out []item
	for _, it := range list {
		if h, _ := d.v.headBefore(toks[:it.to], it.to); h > 0 && h < it.to-it.from {
			it.to -= h // the shared head: "… electronic information industries"
		}
		out = append(out, d.splitShared(toks, it)...)
	}
	return out, clean
}

// openParenBefore returns the index of the "(" that opens the parenthesis
// containing toks[i], or -1.
func (d *doc) openParenBefore(s *sentence, i int) int {
	for k := i - 1; k >= 0; k-- {
		switch s.toks[k].raw {
		case "(", "（":
			return k
		case ")", "）", ".", ";":
			return -1
		}
	}
	return -1
}

// backwardList reads the list of phrases that ends just before toks[e]:
// "accelerate the development of A, B, C" gives A, B, C. It walks back over
// list elements; an element containing a list-start cue ("development of",
// "grow", "such as") starts the list after the cue; an element that ok
// rejects ends it.
func (d *doc) backwardList(s *sentence, e int, ok func([]token, item) bool) []item {
	items, _ := d.backwardListClean(s, e, ok)
	return items
}

// backwardListClean is backwardList that also tells whether the list's
// start was found (a cue or the clause start) rather than cut at an element
// that ok rejected, after which the first member is unknown.
func (d *doc) backwardListClean(s *sentence, e int, ok func([]token, item) bool) ([]item, bool) {
	toks := s.toks
	var items []item
	clean := true
	end := e
	for k := e - 1; k >= -1; k-- {
		if k >= 0 && !isListSep(toks[k].raw) && !isClauseEnd(toks[k].raw) && toks[k].raw != "(" && toks[k].raw != "（" {
			continue
		}
		it := item{k + 1, end}
		// A cue inside the element starts the list after it.
		cue := -1
		for m := it.from; m < it.to; m++ {
			if n, _ := d.v.listStart.match(toks, m); n > 0 && m+n <= it.to {
				cue = m + n
			}
		}
		// Or an imperative opening it: "Support A and B, the two clusters …"
		// (not "building materials", "Build the plants of the steel …").
		if cue < 0 && it.to-it.from > 1 && capitalized(toks[it.from]) && d.v.clauseVerb[toks[it.from].norm] && !hasWord(toks[it.from:it.to], "of") {
			cue = it.from + 1
		}
		if cue >= 0 {
			it.from = cue
		}
		it = trimItem(toks, it)
		if it.to > it.from && ok(toks, it) {
			items = append(items, it)
		} else if cue < 0 {
			clean = false
			break
		}
		if cue >= 0 || k < 0 || !isListSep(toks[k].raw) {
			break
		}
		end = k
	}
	// Reverse into reading order.
	for a, b := 0, len(items)-1; a < b; a, b = a+1, b-1 {
		items[a], items[b] = items[b], items[a]
	}
	return items, clean
}

// industryLists finds lists of industries not tied to a group: "A, B and C
// industries" and "the fields of A, B, C" / "industries such as A, B".
func (d *doc) industryLists(s *sentence) {
	toks := s.toks
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if s.masked(t.start) {
			continue
		}
		var items []item
		head := d.pluralHeadAt(toks, i)
		switch {
		case head > 0 && i > 0 && !isListSep(toks[i-1].raw) && t.norm != "field" && (t.raw == "industry" || !d.introAfter(toks, i+head)):
			if n, _ := d.groupAtEnd(toks, i+head); n > 0 {
				continue
			}
			// A plural head is shared by the coordination before it: "the
			// glass, furniture and apparel industries" are three.
			for _, it := range d.backwardList(s, i, d.namesIndustry) {
				items = append(items, d.splitShared(toks, it)...)
			}
			i += head - 1
		case t.norm == "field" || strings.EqualFold(t.raw, "industries") || t.norm == "sector" || t.norm == "area" || strings.EqualFold(t.raw, "links"):
			if n, _ := d.groupAtEnd(toks, i+1); n > 0 {
				continue // "five core industries: A, B, C": the group reads it
			}
			k := i + 1
			if k < len(toks) && (toks[k].norm == "of" || toks[k].raw == ":") {
				k++
			} else if n, _ := d.v.listIntro.match(toks[:min(len(toks), k+3)], k); n > 0 && k < len(toks) {
				k += n
			} else {
				continue
			}
			items, _ = d.phraseList(s, k, 6, true)
		default:
			continue
		}
		var named []item
		for _, it := range items {
			for _, part := range d.splitAndItem(toks, it) {
				if d.namesIndustry(toks, part) {
					named = append(named, part)
				}
			}
		}
		if len(named) < 2 {
			continue
		}
		for _, it := range named {
			d.industry(s, it)
		}
	}
}

// introAfter reports whether a list follows toks[j]: "of", ":" or "such as".
func (d *doc) introAfter(toks []token, j int) bool {
	if j < len(toks) && (toks[j].norm == "of" || toks[j].raw == ":") {
		return true
	}
	n, _ := d.v.listIntro.match(toks, j)
	return n > 0
}

// pluralHeadAt returns the length of a plural industry head at toks[i]
// ("industries", "industrial chains", "clusters"), or 0.
func (d *doc) pluralHeadAt(toks []token, i int) int {
	n := d.v.headAt(toks, i)
	if n == 0 || !plural(toks[i+n-1]) {
		return 0
	}
	return n
}

// splitShared splits "A and B" before a plural head into its conjuncts,
// unless the whole is one vocabulary term ("energy conservation and
// environmental protection industries").
func (d *doc) splitShared(toks []token, it item) []item {
	if d.wholeTerm(toks, it) || hasWord(toks[it.from:it.to], "of") {
		return []item{it} // "the development and growth of emerging industries"
	}
	var out []item
	from := it.from
	for k := it.from; k < it.to; k++ {
		// "titanium and titanium alloys": the second extends the first.
		if toks[k].norm == "and" && k > from && extends(toks[from:k], toks[k+1:it.to]) {
			continue
		}
		if toks[k].norm == "and" || toks[k].norm == "or" {
			if k > from {
				out = append(out, item{from, k})
			}
			from = k + 1
		}
	}
	if it.to > from {
		out = append(out, item{from, it.to})
	}
	return out
}

// extends reports whether words b begin with all of words a and go on:
// "titanium" and "titanium alloys".
func extends(a, b []token) bool {
	if len(b) <= len(a) {
		return false
	}
	for i := range a {
		if a[i].norm != b[i].norm {
			return false
		}
	}
	return true
}

// groupAtEnd reports a group phrase ending just before toks[j].
func (d *doc) groupAtEnd(toks []token, j int) (int, string) {
	for i := j - 1; i >= 0 && i >= j-6; i-- {
		if n, key := d.groupAt(toks, i); n == j-i {
			return n, key
		}
	}
	return 0, ""
}

// namesIndustry reports whether a list element can name an industry: a few
// words, not all of them generic ("traditional", "strategic emerging"), not
// starting a clause, and no proper name.
func (d *doc) namesIndustry(toks []token, it item) bool {
	it = trimItem(toks, it)
	words := toks[it.from:it.to]
	n := countWords(words)
	if n == 0 || n > 6 || d.v.clauseVerb[words[0].norm] || d.v.nonName[words[0].norm] {
		return false
	}
	generic := true
	for k, t := range words {
		if t.punct() {
			if t.raw == "(" || t.raw == ")" {
				return false
			}
			continue
		}
		// Head nouns ("chains", "clusters", "areas") name no industry alone:
		// "industrial chains", "a number of key areas".
		if !d.v.genericWord[t.norm] && !isIndustryWord(t.norm) && d.v.headAt(words, k) == 0 && t.norm != "area" {
			generic = false
		}
		if _, n := d.numberAt(words, k); n > 0 {
			return false
		}
	}
	return !generic
}

// headingIndustry makes the industry a heading is about: "(2) Biomedicine
// industry." or a heading that is a vocabulary term.
func (d *doc) headingIndustry(sec *section) {
	hs := sec.headSent
	it, ok := d.nounTitle(sec)
	if !ok {
		// A task heading whose object ends in an industry head: "make
		// bigger and stronger grain and oil processing industry chain".
		// A plural head is shared: "promote the chemical and
		// pharmaceutical industries" are two.
		if obj, ok := d.taskObject(sec); ok {
			parts := []item{obj}
			if obj.to < len(hs.toks) && plural(hs.toks[obj.to]) {
				parts = d.splitShared(hs.toks, obj)
			}
			for _, p := range parts {
				if e := d.industry(hs, p); e != nil {
					d.secIndustries[sec] = appendUnique(d.secIndustries[sec], e)
				}
			}
		}
		return
	}
	head, plural := d.v.headBefore(hs.toks[:it.to], it.to)
	if head >= it.to-it.from {
		return // "Key industrial chains" names no industry
	}
	// A vocabulary term, alone or qualified by words of its own
	// ("Fluorosilicone new materials", "Special steel"; not
	// "New-generation electronic information" or "A and B"), ends the title.
	whole := false
	for k := it.from; k < it.to && !whole; k++ {
		idx, n := d.v.industryAt(hs.toks[:it.to], k)
		whole = idx >= 0 && (k+n == it.to || head > 0 && k+n == it.to-head) && (k == it.from || d.ownQualifier(hs.toks[it.from:k]))
	}
	parts := []item{it}
	if plural && !whole {
		// "Glass, furniture and apparel industries": each is an industry.
		parts = nil
		list, _ := d.phraseList(hs, it.from, 6, false)
		for _, p := range list {
			parts = append(parts, d.splitShared(hs.toks, trimItem(hs.toks, item{p.from, min(p.to, it.to-head)}))...)
		}
	}
	if len(parts) == 0 || !whole && !(head > 0 && d.namesIndustry(hs.toks, item{parts[0].from, min(parts[0].to, it.to-head)})) {
		return
	}
	for _, p := range parts {
		if e := d.industry(hs, p); e != nil {
			d.secIndustries[sec] = appendUnique(d.secIndustries[sec], e)
		}
	}
}

// taskObject finds the industry a task heading works on: the words before
// an industry head ending the title, back to the verb or a word of
// intensity ("Develop the X industry", "make bigger and stronger X
// industry chain").
func (d *doc) taskObject(sec *section) (item, bool) {
	hs := sec.headSent
	to := len(hs.toks)
	for to > 0 && hs.toks[to-1].punct() {
		to--
	}
	head, _ := d.v.headBefore(hs.toks[:to], to)
	if head == 0 {
		return item{}, false
	}
	end := to - head
	for end > 0 && isIndustryWord(hs.toks[end-1].norm) {
		end-- // "… industry chain"
	}
	first := hs.titleFrom()
	from := end
	for from > first {
		t := hs.toks[from-1]
		if t.punct() || d.v.clauseVerb[t.norm] || d.v.nonName[t.norm] && t.norm != "and" || d.v.taskAdjective[t.norm] || t.norm == "the" {
			break
		}
		from--
	}
	// The object follows its verb, "the" or a word of intensity; nothing
	// else opens it ("… main industry chain", "100-billion-level …").
	if from <= first {
		return item{}, false
	}
	if p := hs.toks[from-1]; !d.v.clauseVerb[p.norm] && !d.v.taskAdjective[p.norm] && p.norm != "the" {
		return item{}, false
	}
	it := item{from, end}
	if from == end || countWords(hs.toks[from:end]) > 4 || d.scaleOrKind(hs.toks[from]) || d.v.genericWord[hs.toks[end-1].norm] || !d.namesIndustry(hs.toks, it) {
		return item{}, false
	}
	return it, true
}

// nounTitle is a heading's title (after its marker) when it is a short
// noun phrase, not a task ("Transforming and upgrading traditional
// industries").
func (d *doc) nounTitle(sec *section) (item, bool) {
	hs := sec.headSent
	from := hs.titleFrom()
	to := len(hs.toks)
	for to > from && hs.toks[to-1].punct() {
		to--
	}
	it := trimItem(hs.toks, item{from, to})
	if it.to-it.from == 0 || countWords(hs.toks[it.from:it.to]) > 6 {
		return it, false
	}
	for _, t := range hs.toks[it.from:it.to] {
		if (d.v.nonName[t.norm] || d.v.clauseVerb[t.norm]) && t.norm != "and" {
			return it, false
		}
	}
	return it, true
}

// scaleOrKind reports whether a word only qualifies an industry's name: a
// scale ("hundred-billion", "100-billion-level"), a possessive ("the
// park's") or a word of standing ("characteristic", "pillar").
func (d *doc) scaleOrKind(t token) bool {
	w := strings.ToLower(t.raw)
	switch w {
	case "characteristic", "featured", "advantageous", "pillar", "leading", "municipal", "local":
		return true
	}
	return strings.Contains(w, "billion") || strings.HasSuffix(w, "-level") || strings.HasSuffix(w, "'s")
}

// ownQualifier reports whether words before an industry term make a
// narrower industry of it: a word of their own, no coordination.
func (d *doc) ownQualifier(words []token) bool {
	own := false
	for _, t := range words {
		if t.punct() || t.norm == "and" || t.norm == "or" {
			return false
		}
		own = own || !d.v.genericWord[t.norm]
	}
	return own
}

// siblingIndustries types headings by their siblings: when most headings
// under one parent name industries, a sibling that is a short noun phrase
// names one too ("1. New energy batteries. 2. Rail transit equipment.
// 3. High-end equipment manufacturing.").
func (d *doc) siblingIndustries() {
	kids := map[*section][]*section{}
	var parents []*section
	for _, sec := range d.sections {
		if sec.parent == nil || sec.headSent == nil {
			continue
		}
		if kids[sec.parent] == nil {
			parents = append(parents, sec.parent)
		}
		kids[sec.parent] = append(kids[sec.parent], sec)
	}
	for _, p := range parents {
		typed := 0
		for _, c := range kids[p] {
			if len(d.secIndustries[c]) > 0 {
				typed++
			}
		}
		// Or, under a heading that names an industry, headings that are all
		// short noun phrases name its branches: "(i) Equipment
		// manufacturing field. 1. Industrial robots. 2. CNC machine tools."
		nouns := 0
		for _, c := range kids[p] {
			if it, ok := d.nounTitle(c); ok && capitalized(c.headSent.toks[it.from]) {
				nouns++
			}
		}
		branches := len(d.secIndustries[p]) > 0 && nouns >= 2 && nouns == len(kids[p])
		if !branches && (typed < 2 || typed*2 <= len(kids[p])) {
			continue
		}
		for _, c := range kids[p] {
			if len(d.secIndustries[c]) > 0 {
				continue
			}
			if it, ok := d.nounTitle(c); ok && capitalized(c.headSent.toks[it.from]) {
				if e := d.industry(c.headSent, it); e != nil {
					d.secIndustries[c] = append(d.secIndustries[c], e)
				}
			}
		}
	}
}

// scanIndustries finds the industries a sentence names: forms the document
// already used for an industry, and vocabulary terms (creating the industry).
// One-word names count only before "industry", unless weak is set (target
// subjects: "the city's food, new materials … income"). Words inside proper
// names ("Institute of Advanced Materials") are skipped unless inNames.
func (d *doc) scanIndustries(s *sentence, weak, inNames bool) []industryMention {
	var out []industryMention
	toks := s.toks
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.punct() || s.masked(t.start) {
			continue
		}
		// Inside a proper name ("Hengxin Building Materials", "Institute of
		// Advanced Materials") is no industry.
		inName := capitalized(t) && i > 0 && !toks[i-1].punct()
		if inName && !inNames {
			continue
		}
		var ent *kg.Entity
		n, id := d.indForms.match(toks, i)
		if n == 1 && !weak && !(i+1 < len(toks) && isIndustryWord(toks[i+1].norm)) {
			n = 0
		}
		if n > 0 {
			ent = d.b.ents[id]
		}
		if idx, ln := d.v.industryAt(toks, i); idx >= 0 && ln > n {
			key := d.v.lex.Industries[idx].Key
			if e := d.b.lookup(kg.KindIndustry, key); e != nil {
				ent, n = e, ln
			} else if !modifier(toks, i+ln) && !inName {
				// A new industry, unless the term only qualifies a noun
				// ("integrated circuit packaging").
				ent, n = d.industry(s, item{i, i + ln}), ln
			}
		}
		if ent == nil {
			continue
		}
		out = append(out, industryMention{i, i + n, ent})
		i += n - 1
	}
	return out
}

// modifier reports whether a term ending before toks[j] qualifies a
// following noun rather than naming something itself.
func modifier(toks []token, j int) bool {
	if j >= len(toks) || toks[j].punct() || capitalized(toks[j]) {
		return false
	}
	switch toks[j].norm {
	case "industry", "sector", "field", "and", "or", "as", "etc", "to", "in", "of", "is", "are", "will", "with", "by", "from":
		return false
	}
	return true
}

// splitAnd splits a group member "A and B" in two at its last "and",
// unless the whole is one vocabulary term ("energy conservation and
// environmental protection"): "copper and aluminum deep processing and
// lithium battery materials" gives "copper and aluminum deep processing" and
// "lithium battery materials".
func (d *doc) splitAnd(toks []token, it item) []item {
	if idx, n := d.v.industryAt(toks[:it.to], it.from); idx >= 0 && it.from+n >= it.to {
		return []item{it}
	}
	for k := it.to - 2; k > it.from; k-- {
		if toks[k].norm == "and" {
			if extends(toks[it.from:k], toks[k+1:it.to]) {
				break // "titanium and titanium alloys"
			}
			return []item{{it.from, k}, {k + 1, it.to}}
		}
	}
	return []item{it}
}

func (d *doc) groupQualifier(t token) bool {
	if d.v.groupWord[t.norm] {
		return true
	}
	if t.punct() || capitalized(t) || metricStop[t.norm] || d.v.clauseVerb[t.norm] || d.v.nonName[t.norm] || isIndustryWord(t.norm) {
		return false
	}
	_, isNum := strconv.Atoi(t.raw)
	return isNum != nil
}

// theIndustry finds "the X industry" ("make the new display industry
// bigger", "extend the sugar industry chain"): one to three lower-case words
// between a determiner and "industry" that name no generic class.
func (d *doc) theIndustry(s *sentence) {
	toks := s.toks
	for i, t := range toks {
		if t.raw != "industry" || s.masked(t.start) {
			continue
		}
		k := i - 1
		for k >= 0 && i-k <= 4 && !toks[k].punct() && !capitalized(toks[k]) && !metricStop[toks[k].norm] {
			k--
		}
		if k < 0 || i-k < 2 || (toks[k].norm != "the" && toks[k].norm != "city's" && toks[k].norm != "our" && toks[k].norm != "its") {
			continue
		}
		it := item{k + 1, i}
		// Qualifiers of scale, place or kind are no part of the name: "the
		// characteristic marine biomedicine industry", "the park's
		// biomedicine industry", "the hundred-billion biomedical industry".
		for it.to-it.from > 1 && d.scaleOrKind(toks[it.from]) {
			it.from++
		}
		ok := d.namesIndustry(toks, it)
		for _, w := range toks[it.from:it.to] {
			if d.v.nonName[w.norm] || d.v.clauseVerb[w.norm] || d.v.genericWord[w.norm] && it.to-it.from == 1 {
				ok = false
			}
		}
		if !ok {
			continue
		}
		// "the world-class rail transit equipment industry" names the
		// known "rail transit equipment".
		known := false
		for k := it.from; k < it.to && !known; k++ {
			if n, id := d.indForms.match(toks[:it.to], k); n == it.to-k {
				d.b.addSource(d.b.ents[id], d.source(s))
				known = true
			} else if idx, n := d.v.industryAt(toks[:it.to+1], k); idx >= 0 && n == it.to-k && k > it.from && !d.ownQualifier(toks[it.from:k]) {
				d.industry(s, item{k, it.to})
				known = true
			}
		}
		if !known {
			d.industry(s, it)
		}
	}
}
