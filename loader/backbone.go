package loader

import (
	"sort"
	"strings"
	"unicode"

	"policykg/kg"
)

// backbone reads "Relying on backbone enterprises such as A, B and C, focus
// on the development of X, Y and Z": A, B, C are backbone enterprises and X,
// Y, Z products of the industry the passage is about. Each clause of a
// sentence ("in the X field, …; in the Y field, …") is read on its own.
func (d *doc) backbone(s *sentence) {
	if s.heading {
		return
	}
	if d.tableRow(s) {
		return
	}
	from := 0
	label := d.listLabel(s.toks)
	var clauses []*sentence
	for i, t := range s.toks {
		if t.raw == ";" || t.raw == "；" {
			clauses = append(clauses, s.labelled(label, from, i))
			from = i + 1
		}
	}
	clauses = append(clauses, s.labelled(label, from, len(s.toks)))
	// "Key links: A, B, C." then "Key products: a1, a2; b1; c1, c2.": the
	// parts of a labelled line pair in order with the industries of the
	// line before that names as many.
	if label > 0 && len(clauses) > 1 {
		if inds := d.industriesBefore(s, len(clauses)); inds != nil {
			for k, c := range clauses {
				c.scope = inds[k]
			}
		}
	}
	for _, c := range clauses {
		d.backboneClause(c)
	}
}

// tableRow reads a table of industries and their enterprises rendered as
// text lines: a header row names an industry column ("Cluster name",
// "Industry") and an enterprise column ("Leading enterprises"); each row
// below makes the names in its enterprise cell the backbone of the
// industry in its industry cell, less the words another cell of the row
// holds ("Changsha Intelligent Connected Vehicle Cluster | Changsha | A; B"
// is intelligent connected vehicles). It reports whether s was a row of
// such a table.
func (d *doc) tableRow(s *sentence) bool {
	// A row is a line; a legal name's period may have split it into
	// sentences, of which the first reads the row.
	// Sentences come in order: a line is found and split once.
	if s.start >= d.line.end || s.start < d.line.start {
		d.line = lineOf(d.data, s.span)
		d.lineCells = tableCells(d.data, d.line)
	}
	line, cells := d.line, d.lineCells
	if len(cells) < 3 {
		d.table = entityTable{}
		return false
	}
	if s.start > line.start {
		return d.table.ok
	}
	if s.end < line.end {
		whole := *s
		whole.span = line
		whole.toks = tokenize(d.data[line.start:line.end], line.start)
		s = &whole
	}
	words := func(c span) []token { return tokenize(d.data[c.start:c.end], c.start) }
	if !d.table.ok {
		t := entityTable{ind: -1, ent: -1}
		for k, c := range cells {
			ws := words(c)
			for _, w := range ws {
				switch {
				case d.v.enterpriseNoun[w.norm] && t.ent < 0:
					t.ent = k
				case (isIndustryWord(w.norm) || d.v.headAt(ws, 0) > 0 || w.norm == "cluster" || w.norm == "chain") && t.ind < 0:
					t.ind = k
				}
			}
		}
		t.ok = t.ind >= 0 && t.ent >= 0 && t.ind != t.ent
		d.table = t
		return t.ok
	}
	t := d.table
	if t.ind >= len(cells) || t.ent >= len(cells) {
		return true
	}
	// The industry: its cell's words, less a leading word another cell
	// holds (the host city) and the head noun ("Cluster").
	toks := s.toks
	var from, to int
	for from = 0; from < len(toks) && toks[from].start < cells[t.ind].start; from++ {
	}
	for to = from; to < len(toks) && toks[to].end <= cells[t.ind].end; to++ {
	}
	for from < to {
		other := false
		for k, c := range cells {
			if k != t.ind && strings.EqualFold(strings.TrimSpace(d.data[c.start:c.end]), toks[from].raw) {
				other = true
			}
		}
		if !other {
			break
		}
		from++
	}
	if h, _ := d.v.headBefore(toks[:to], to); h > 0 && h < to-from {
		to -= h
	}
	ind := d.industry(s, item{from, to})
	if ind != nil {
		full := strings.TrimSpace(d.data[cells[t.ind].start:cells[t.ind].end])
		if ind.Name == strings.TrimSpace(d.data[toks[from].start:toks[to-1].end]) {
			ind.Name = lowerTitle(ind.Name) // "Wind Power Equipment" in a title-cased cell
		}
		ind.AddAlias(full)
	}
	// The enterprises, split by ";" or ",".
	c := cells[t.ent]
	cur := -1
	flush := func(j int) {
		if cur >= 0 && j > cur {
			it := trimItem(toks, item{cur, j})
			name := d.itemText(s, it)
			if it.to > it.from && d.orgKind(name) != kg.KindInstitution && d.orgKind(name) != kg.KindGovernmentUnit {
				e := d.organisation(kg.KindEnterprise, name, d.source(s))
				d.b.relate(kg.BackboneOf, e, ind, d.source(s))
			}
		}
		cur = -1
	}
	for j, tk := range toks {
		if tk.start < c.start || tk.end > c.end {
			continue
		}
		if (tk.raw == ";" || tk.raw == "；" || tk.raw == "," || tk.raw == "、") && !legalSuffixPunct(toks, j) {
			flush(j)
			continue
		}
		if cur < 0 {
			cur = j
		}
	}
	for j := len(toks) - 1; j >= 0; j-- {
		if toks[j].end <= c.end {
			flush(j + 1)
			break
		}
	}
	return true
}

// lowerTitle lower-cases the title-cased words of a name, keeping
// abbreviations: "Wind Power Equipment" → "wind power equipment", "IC
// Design" → "IC design".
func lowerTitle(name string) string {
	words := strings.Fields(name)
	for i, w := range words {
		if strings.ToUpper(w) != w {
			words[i] = strings.ToLower(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}

// lineOf returns the line holding span sp.
func lineOf(data string, sp span) span {
	start := strings.LastIndexByte(data[:sp.start], '\n') + 1
	end := strings.IndexByte(data[sp.end:], '\n')
	if end < 0 {
		end = len(data)
	} else {
		end += sp.end
	}
	return trimSpan(data, span{start, end})
}

// industriesBefore returns the industries, in order, of the nearest earlier
// sentence of s's section that lists exactly n of them, one after the
// other ("Key links: A, B and C."), or nil.
func (d *doc) industriesBefore(s *sentence, n int) []*kg.Entity {
	for i := s.index - 1; i >= 0 && i >= s.index-4 && d.sents[i].sec == s.sec; i-- {
		p := d.sents[i]
		ms := d.scanIndustries(p, true, false)
		if len(ms) != n {
			continue
		}
		list := []*kg.Entity{ms[0].ent}
		for k := 1; k < n; k++ {
			if !listGlue(p.toks[ms[k-1].to:ms[k].from]) {
				list = nil
				break
			}
			list = appendUnique(list, ms[k].ent)
		}
		if len(list) == n {
			return list
		}
	}
	return nil
}

// listLabel returns the label of a list line that types its names or
// products, up to and including its colon ("Pilot enterprises:", "Key
// products:"), or 0: every ";" part of the line is a part of its list.
func (d *doc) listLabel(toks []token) int {
	for k := 0; k < len(toks) && k < 6; k++ {
		if toks[k].raw == ":" || toks[k].raw == "：" {
			for _, t := range toks[:k] {
				if d.v.enterpriseNoun[t.norm] || t.norm == "product" {
					return k + 1
				}
			}
			return 0
		}
	}
	return 0
}

// labelled is the clause toks[from:to] of a sentence, after the sentence's
// list label when it has one and the clause does not start with it.
func (s *sentence) labelled(label, from, to int) *sentence {
	if label == 0 || from < label {
		return s.clause(from, to)
	}
	c := *s
	c.toks = append(append([]token{}, s.toks[:label]...), s.toks[from:to]...)
	return &c
}

// skipRegion skips a region label before a name: "Jiangsu Province:",
// "Hebei Province -".
func (d *doc) skipRegion(toks []token, i int) int {
	for k := i; k < len(toks) && k < i+5 && capitalized(toks[k]) && !toks[k].punct(); k++ {
		if d.v.placeWord[toks[k].norm] && k+2 < len(toks) && (toks[k+1].raw == ":" || toks[k+1].raw == "：" || toks[k+1].raw == "-") && capitalized(toks[k+2]) {
			return k + 2
		}
	}
	return i
}

// clause is the part toks[from:to] of a sentence, as a sentence of its own
// (its source is still the whole sentence).
func (s *sentence) clause(from, to int) *sentence {
	c := *s
	c.toks = s.toks[from:to]
	return &c
}

func (d *doc) backboneClause(s *sentence) {
	toks := s.toks
	// firm is a listed name; named when the list was introduced as
	// enterprises ("backbone enterprises such as").
	type firm struct {
		item
		named bool
		scope *kg.Entity // the industry the list's own frame gives it, if any
		alias string     // a short name the text defines for it, if any
	}
	var firms []firm
	listEnd, cuePos := -1, -1
	cue := false
	add := func(items []item, end, at int, named bool) {
		var scope []*kg.Entity
		if len(items) > 0 {
			scope = d.frameScope(s, max(listEnd, 0), items[0].from)
			// "lists A and B as key supporting firms in the battery
			// materials sector": the field after the names.
			if len(scope) == 0 {
				if e := d.fieldAfter(s, end); e != nil {
					scope = []*kg.Entity{e}
				}
			}
		}
		for n, it := range items {
			// "Hebei Province - Yanzhao Steel", "Jiangsu Province: …": a
			// region labels the name; a region alone names no enterprise.
			if it = d.dropRegion(toks, it); it.to <= it.from {
				continue
			}
			// "Baoji Qinfeng Machinery Co., Ltd. (hereinafter referred to
			// as "Qinfeng")": the bracket defines a short name.
			alias := ""
			if a, rest, ok := d.definedAlias(s, it); ok {
				alias, it = a, rest
			}
			// "Xinjing Silicon Co., Ltd. (silicon materials)": a field in
			// brackets after a name is its industry, not part of it.
			if field, rest, ok := d.bracketField(s, it); ok {
				firms = append(firms, firm{rest, named, field, alias})
				continue
			}
			// The list's own frame names its industry ("biomedicine
			// enterprises like A and B", "in the X industry, support A");
			// several pair with the names one for one ("leading enterprises
			// in A, B and C, such as X, Y and Z"), or else by the words of
			// each name.
			var ind *kg.Entity
			switch {
			case len(scope) == 1:
				ind = scope[0]
			case len(scope) == len(items):
				ind = scope[n]
			case len(scope) > 1:
				ind = d.namedIn(d.itemText(s, it), scope)
			}
			firms = append(firms, firm{it, named, ind, alias})
		}
		listEnd, cue, cuePos = max(listEnd, end), true, max(cuePos, at)
	}
	for i := 0; i < len(toks); i++ {
		if s.masked(toks[i].start) {
			continue
		}
		// A list introduced after an enterprise noun, typed by that noun:
		// "backbone enterprises such as A", "Chain-owner enterprises: A,
		// B", "leading enterprises in the fields of X and Y, such as A",
		// "projects such as A and B".
		n, _ := d.v.listIntro.match(toks, i)
		if n == 0 && i > 0 && (toks[i].raw == "is" || toks[i].raw == "are") && d.v.enterpriseNoun[toks[i-1].norm] {
			n = 1 // "the chain leader enterprise is A, B and C"
		}
		if n > 0 && toks[i].raw != "(" && d.nameStarts(toks, i+n) {
			if k := d.frameNoun(toks, i); k >= 0 && d.v.enterpriseNoun[toks[k].norm] && !d.cooperating(toks, k) {
				items, end := d.nameList(s, d.skipRegion(toks, d.skipThe(toks, i+n)), d.splitNames)
				if toks[k].norm == "project" {
					// "projects such as Garden Park and Dongli Battery": a
					// place or facility is a project, not its enterprise.
					items = d.dropFacilities(s, items)
				}
				add(items, end, k, true)
				i = max(i, end-1)
				continue
			}
		}
		// "led by leading enterprises Xinlong Copper and Hongda Aluminum":
		// a qualified enterprise noun right before the names.
		j := i
		for j < len(toks) && d.v.backboneAdj[toks[j].norm] {
			j++
		}
		// Without names, "relying on backbone enterprises and key projects,
		// focus on X" still makes X the products of a backbone passage.
		if j > i && j < len(toks) && d.v.enterpriseNoun[toks[j].norm] {
			cue, cuePos = true, max(cuePos, j)
			if d.nameStarts(toks, j+1) && !unicode.IsDigit(rune(toks[j+1].raw[0])) {
				items, end := d.nameList(s, j+1, d.splitNames)
				add(items, end, j, true)
				i = max(i, end-1)
			}
			continue
		}
		// A lead phrase before the names: "relying on A, B and other
		// enterprises", "led by A and B", "with A, B as the leader",
		// "support A and B to expand", "the project of A". A single name
		// with no corporate word needs a strong lead, a closing "and
		// other …" or a "to" clause after it.
		if n, lead := d.v.backboneLead.match(toks, i); n > 0 && d.nameStarts(toks, i+n) && !d.cooperating(toks, i+n) {
			items, end := d.nameList(s, d.skipThe(toks, i+n), d.splitNames)
			if lead == "with" && !d.asLeader(toks, end) {
				continue
			}
			strong := d.v.strongLead[lead] || lead == "with"
			if len(items) > 0 && (len(items) > 1 || strong || d.orgKind(d.itemText(s, items[0])) != "" || followsOther(toks, end) || end < len(toks) && toks[end].norm == "to") {
				add(items, end, i, false)
				i = end - 1
				// "With A as the leader and B as the supporting": the
				// coordinated "as" part shares the lead.
				if lead == "with" {
					for m := end + 1; m < len(toks) && m <= end+5 && !isClauseEnd(toks[m].raw); m++ {
						if toks[m].norm == "and" && d.nameStarts(toks, m+1) {
							more, e2 := d.nameList(s, d.skipThe(toks, m+1), d.splitNames)
							if e2 < len(toks) && toks[e2].norm == "as" {
								add(more, e2, m, false)
								i = e2 - 1
							}
							break
						}
					}
				}
			}
			continue
		}
		// The frame after the names: "A, B and other key enterprises",
		// "A and B are named as its backbone firms", "A, the chain owner
		// for X, …", "A will take the lead"; or a legal name ("A Co., Ltd.").
		if d.nameStarts(toks, i) && (i == 0 || toks[i-1].punct() || !capitalized(toks[i-1])) && !corporateAbbrev[toks[i].norm] {
			items, end := d.nameList(s, i, d.splitNames)
			switch {
			case d.cooperating(toks, i):
			case followsOther(toks, end) && d.enterpriseNounAt(toks, end):
				add(items, end, i, true)
			case len(items) > 0 && d.roleAfter(toks, end):
				add(items, end, i, false)
			default:
				for _, it := range items {
					if d.orgKind(d.itemText(s, it)) == kg.KindEnterprise && (d.v.corporateEnd(toks[it.from:it.to]) || d.companyName(toks, it)) {
						add([]item{it}, it.to, i, true)
					}
				}
			}
			// Past the run either way: rereading it from each name would
			// make a long list quadratic.
			i = max(i, end-1)
		}
	}
	// Inside an industry's passage (its heading, or a clause naming it) a
	// product cue needs no enterprises around it: "1. Advanced steel
	// materials. Focus on developing A and B".
	// Products may come before the enterprises too ("Focus on developing A
	// and B, foster enterprises such as C"); a listed name is none.
	var spans []item
	for _, f := range firms {
		spans = append(spans, f.item)
	}
	all, prodFrom := d.products(s, 0, cue || d.industryScope(s))
	var products []item
	for _, p := range all {
		if !overlaps(p, spans) {
			products = append(products, p)
		}
	}
	if len(firms) == 0 && len(products) == 0 {
		return
	}
	industry := d.passageIndustry(s, spans, prodFrom)
	for _, f := range firms {
		name := d.itemText(s, trimItem(toks, f.item))
		// "Zhongrui Lithium's lithium salt plant": the owner is the firm.
		name = strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")
		if strings.HasSuffix(strings.ToLower(name), " government") {
			continue // "the County People's Government as the group leader"
		}
		switch d.orgKind(name) {
		case kg.KindGovernmentUnit:
			continue
		case kg.KindInstitution:
			if f.named {
				break // listed as an enterprise: "China Tongzhou Industrial Park"
			}
			// "Relying on A University and B Institute, build …": the
			// program relies on them as partners, not as enterprises.
			d.b.relate(kg.PartnerOf, d.organisation(kg.KindInstitution, name, d.source(s)), d.program, d.source(s))
			continue
		}
		e := d.organisation(kg.KindEnterprise, name, d.source(s))
		if f.alias != "" {
			e.AddAlias(f.alias)
		}
		ind := industry
		if f.scope != nil {
			ind = f.scope
		} else if m := d.namedIn(name, d.sectionIndustries(s)); m != nil {
			// "1. The steel, nonferrous metals and building materials
			// industries. … support Jiangcheng Iron and Steel Group …"
			ind = m
		}
		d.b.relate(kg.BackboneOf, e, ind, d.source(s))
	}
	for _, it := range products {
		name := d.itemText(s, it)
		key := nameKey(name)
		p := d.b.entity(kg.KindProduct, key, kg.ID(kg.KindProduct, key), name, d.source(s))
		d.b.relate(kg.ProductOf, p, industry, d.source(s))
	}
}

// frameScope finds the industries the frame of a list names, in
// toks[lo:hi] before the list: the fields after an enterprise noun
// ("leading enterprises in display panels and photovoltaics, such as"),
// else the industries named there ("biomedicine enterprises like", "in
// the equipment industry, support").
func (d *doc) frameScope(s *sentence, lo, hi int) []*kg.Entity {
	toks := s.toks
	var out []*kg.Entity
	for k := lo; k < hi; k++ {
		if !d.v.enterpriseNoun[toks[k].norm] {
			continue
		}
		// "biomedicine (leading) enterprises like A": a term before the noun.
		j := k
		for j > lo && d.v.backboneAdj[toks[j-1].norm] {
			j--
		}
		for i := max(lo, j-4); i < j; i++ {
			if n, id := d.indForms.match(toks[:j], i); n > 0 && i+n == j {
				return []*kg.Entity{d.b.ents[id]}
			}
			if idx, n := d.v.industryAt(toks[:j], i); idx >= 0 && i+n == j {
				if e := d.industry(s, item{i, j}); e != nil {
					return []*kg.Entity{e}
				}
			}
		}
		if k+2 >= hi || toks[k+1].norm != "in" {
			continue
		}
		j = k + 2
		// "in the fields of", "in the field of"
		if j+2 < hi && toks[j].norm == "the" && toks[j+2].norm == "of" {
			j += 3
		}
		items, _ := d.phraseList(s.clause(0, hi), j, 6, false)
		for _, it := range items {
			for _, p := range d.splitShared(toks, trimItem(toks, it)) {
				if d.namesIndustry(toks, p) && !capitalized(toks[p.from]) {
					if e := d.industry(s, p); e != nil {
						out = appendUnique(out, e)
					}
				}
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	for _, m := range d.scanIndustries(s.clause(lo, hi), true, false) {
		out = appendUnique(out, m.ent)
	}
	return out
}

// sectionIndustries are the industries the nearest heading naming any
// names, when it names several; else nil.
func (d *doc) sectionIndustries(s *sentence) []*kg.Entity {
	for sec := s.sec; sec != nil; sec = sec.parent {
		if list := d.secIndustries[sec]; len(list) > 0 {
			if len(list) == 1 {
				return nil
			}
			return list
		}
	}
	return nil
}

// namedIn returns the one industry of list whose words the name of an
// enterprise holds ("Huaihe Coal Chemical Group" for chemicals), or nil.
func (d *doc) namedIn(name string, list []*kg.Entity) *kg.Entity {
	words := map[string]bool{}
	for _, t := range tokenize(name, 0) {
		words[t.norm] = true
	}
	var found *kg.Entity
	for _, e := range list {
		for w := range d.industryKeywords(e) {
			if words[w] {
				if found != nil && found != e {
					return nil
				}
				found = e
			}
		}
	}
	return found
}

// dropFacilities leaves out the names whose head is a place or facility
// ("Garden Park", "Cold Chain Logistics Base") unless a legal form makes
// them a company.
func (d *doc) dropFacilities(s *sentence, items []item) []item {
	var out []item
	for _, it := range items {
		last := it.to - 1
		for last > it.from && s.toks[last].punct() {
			last--
		}
		if d.v.facilityWord[s.toks[last].norm] && !d.v.corporateEnd(s.toks[it.from:it.to]) {
			continue
		}
		out = append(out, it)
	}
	return out
}

// fieldAfter finds "in the X sector" (industry, field) in the few words
// after a list of names, before its clause ends, and returns X.
func (d *doc) fieldAfter(s *sentence, end int) *kg.Entity {
	toks := s.toks
	for k := end; k < len(toks) && k < end+10 && !isClauseEnd(toks[k].raw); k++ {
		if toks[k].norm != "in" {
			continue
		}
		from := k + 1
		if from < len(toks) && toks[from].norm == "the" {
			from++
		}
		for h := from + 1; h < len(toks) && h <= from+5; h++ {
			if toks[h].punct() {
				break
			}
			if isIndustryWord(toks[h].norm) {
				it := item{from, h}
				if d.namesIndustry(toks, it) {
					return d.industry(s, it)
				}
				break
			}
		}
	}
	return nil
}

// companyName reports whether a name reads as a company's without any
// frame: a distinctive first word (no common or place word) and a company
// word last ("Shengyuan Biotech", "Hongtu New Materials").
func (d *doc) companyName(toks []token, it item) bool {
	if countWords(toks[it.from:it.to]) < 2 || d.commonWord(toks[it.from]) || d.v.genericWord[toks[it.from].norm] || d.v.nonName[toks[it.from].norm] {
		return false
	}
	last := it.to - 1
	for last > it.from && toks[last].punct() {
		last--
	}
	n, val := d.v.orgHeads.match(toks[:last+1], last)
	return n > 0 && val == string(kg.KindEnterprise)
}

// dropRegion removes a region label from the start of a listed name
// ("Hebei Province - Yanzhao Steel"), and empties a name that is only a
// region ("Jiangsu Province").
func (d *doc) dropRegion(toks []token, it item) item {
	for k := it.from; k < it.to; k++ {
		if d.v.placeWord[toks[k].norm] && (k+1 == it.to || toks[k+1].raw == "-" || toks[k+1].raw == ":" || toks[k+1].raw == "：") {
			return item{min(k+2, it.to), it.to}
		}
	}
	return it
}

// definedAlias splits a name followed by a bracket that defines its short
// form ("A Co., Ltd. (hereinafter referred to as "B")") into the name and
// the short form.
func (d *doc) definedAlias(s *sentence, it item) (string, item, bool) {
	toks := s.toks
	end := it.to
	open := closingBracket(toks, it, 4)
	if open < 0 || !hasWord(toks[open:end], "hereinafter") && !hasWord(toks[open:end], "referred") {
		return "", it, false
	}
	inner := d.data[toks[open].end:toks[end-1].start]
	if q := strings.IndexAny(inner, "\"“"); q >= 0 {
		inner = strings.TrimFunc(inner[q:], func(r rune) bool { return strings.ContainsRune("\"“” ", r) })
	} else {
		return "", item{it.from, open}, true
	}
	return inner, item{it.from, open}, true
}

// bracketField splits a name that ends in a lower-case phrase in brackets
// ("Yunlong Chip Design (IC design)", "Huaihai Chemicals (electronic
// chemicals)") into the name and the industry the phrase names.
func (d *doc) bracketField(s *sentence, it item) (*kg.Entity, item, bool) {
	toks := s.toks
	end := it.to
	for end > it.from && toks[end-1].punct() && toks[end-1].raw != ")" && toks[end-1].raw != "）" {
		end--
	}
	open := closingBracket(toks, item{it.from, end}, 4)
	if open < 0 {
		return nil, it, false
	}
	inner := item{open + 1, end - 1}
	if inner.to <= inner.from || titleCased(toks[inner.from:inner.to]) || hasWord(toks[inner.from:inner.to], "referred") || capitalized(toks[inner.from]) && strings.ToUpper(toks[inner.from].raw) != toks[inner.from].raw || !d.namesIndustry(toks, inner) {
		return nil, it, false // "(Ningbo)", "(lead)" stay
	}
	if k := d.orgKind(d.itemText(s, inner)); k == kg.KindInstitution || k == kg.KindGovernmentUnit {
		return nil, it, false
	}
	return d.industry(s, inner), item{it.from, open}, true
}

// overlaps reports whether an item shares a token with a listed name.
func overlaps(it item, names []item) bool {
	for _, g := range names {
		if it.from < g.to && g.from < it.to {
			return true
		}
	}
	return false
}

// nameStarts reports whether a proper name starts at toks[i] ("the"
// before it allowed): a capitalised word that is not a cue or verb.
func (d *doc) nameStarts(toks []token, i int) bool {
	i = d.skipThe(toks, i)
	if i >= len(toks) || toks[i].punct() || !capitalized(toks[i]) || d.v.nonName[toks[i].norm] {
		return false
	}
	_, n := d.numberAt(toks, i)
	return n == 0 // "leading enterprises 2 to 3": a count, not a name
}

// skipThe skips an article before a name: "such as the Alpha Group".
func (d *doc) skipThe(toks []token, i int) int {
	if i+1 < len(toks) && toks[i].norm == "the" && capitalized(toks[i+1]) {
		return i + 1
	}
	return i
}

// frameNoun finds the noun that types a list introduced at toks[i] ("such
// as", ":"): the nearest enterprise, institution, product or industry
// noun before it in the clause ("leading enterprises in the fields of X
// and Y, such as"), or -1. A nearer noun of another kind wins:
// "enterprises, universities such as" lists universities.
func (d *doc) frameNoun(toks []token, i int) int {
	for k := i - 1; k >= 0 && k >= i-16; k-- {
		t := toks[k]
		if isClauseEnd(t.raw) || t.raw == ")" || t.raw == "）" {
			return -1
		}
		if n, _ := d.v.listIntro.match(toks, k); n > 0 && !t.punct() {
			return -1 // another list's intro: that list is in between
		}
		switch {
		case d.v.enterpriseNoun[t.norm]:
			return k
		case t.norm == "product":
			return k
		case !capitalized(t):
			if k := d.orgKind(t.raw); k == kg.KindInstitution || k == kg.KindGovernmentUnit {
				return -1 // "universities such as", "departments such as"
			}
		case isIndustryWord(t.norm) && k >= i-2:
			return k // "industries such as …" lists industries
		}
	}
	return -1
}

// cooperating reports whether a cooperation cue ("cooperation with")
// leads to the noun at toks[k]: "cooperate with famous e-commerce companies
// such as A, B" lists partners, not the backbone of an industry.
func (d *doc) cooperating(toks []token, k int) bool {
	for m := k - 1; m >= 0 && m >= k-8 && !isClauseEnd(toks[m].raw); m-- {
		if n, _ := d.v.coopIntro.match(toks, m); n > 0 {
			return true
		}
	}
	return false
}

// enterpriseNounAt reports whether an enterprise noun closes a list that
// ended with "and other" before toks[j]: "… and other key enterprises".
func (d *doc) enterpriseNounAt(toks []token, j int) bool {
	for k := j; k < len(toks) && k < j+4 && !toks[k].punct(); k++ {
		if d.v.enterpriseNoun[toks[k].norm] {
			return true
		}
	}
	return false
}

// namesKnownIndustry reports whether toks[it] is an industry: a vocabulary
// term or a name the document already gave an industry.
func (d *doc) namesKnownIndustry(toks []token, it item) bool {
	if d.wholeTerm(toks, it) {
		return true
	}
	n, _ := d.indForms.match(toks[:it.to], it.from)
	head, _ := d.v.headBefore(toks[:it.to], it.to)
	return n > 0 && it.from+n >= it.to-head
}

// clauseLike reports whether a list element is a clause or an activity,
// not a product: "support enterprises to build central kitchens",
// "design, installation, operation and maintenance", "the combination of
// A and B". An activity is a singular noun of that form ("design", or one
// ending in -tion, -ance) alone or before "of"; "photovoltaic power
// generation" is a product.
func (d *doc) clauseLike(toks []token) bool {
	head := -1
	for k, t := range toks {
		switch t.norm {
		case "to", "that", "which", "whose", "will", "shall", "should", "can", "would":
			return true // "products that are still imported", "the capacity will"
		}
		if d.v.enterpriseNoun[t.norm] {
			return true
		}
		if t.norm == "of" && k > 0 && head < 0 {
			head = k - 1
		}
	}
	if head >= 0 {
		// "localization of …", "technologies of …"
		return activityNoun(toks[head]) || d.v.genericProduct[toks[head].norm]
	}
	// "supporting intelligent transformation", "technical guidance"
	if len(toks) > 0 && d.v.clauseVerb[toks[0].norm] && strings.HasSuffix(toks[0].raw, "ing") {
		return true
	}
	// "300,000 new energy vehicles a year", "100 billion yuan": quantities
	// ("12-inch wafers", "1100 kV switchgear" are products).
	if _, n := d.numberAt(toks, 0); n > 0 && (n == len(toks) || toks[n].raw != "-") {
		if u, unit := d.v.units.match(toks, n); strings.Contains(toks[0].raw, ",") || u > 0 && unit != "count" {
			return true
		}
	}
	if last := toks[len(toks)-1]; !plural(last) && (strings.HasSuffix(last.norm, "ance") || strings.HasSuffix(last.norm, "ence")) {
		return true
	}
	// "design", "operation and maintenance": activities all.
	for _, t := range toks {
		if !t.punct() && t.norm != "and" && t.norm != "or" && !activityNoun(t) {
			return false
		}
	}
	return len(toks) > 0
}

// titleCased reports whether a phrase is a title or name, not a product:
// every word capitalised ("Real Economy"), or a quote inside it.
func titleCased(toks []token) bool {
	words := 0
	for _, t := range toks {
		if t.raw == "\"" || t.raw == "“" || t.raw == "”" {
			return true
		}
		if t.punct() {
			continue
		}
		words++
		if !capitalized(t) || strings.ToUpper(t.raw) == t.raw {
			return false
		}
	}
	return words >= 2
}

// activityNoun reports whether a singular noun names an activity by its
// form: "installation", "maintenance", "design", "upgrading".
func activityNoun(t token) bool {
	w := strings.ToLower(t.raw)
	if plural(t) || capitalized(t) {
		return false
	}
	for _, suf := range []string{"tion", "sion", "ance", "ence", "design", "ing", "renewal"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// industryScope reports whether a clause is about an industry: one of its
// sections' headings names one, or the clause itself does.
func (d *doc) industryScope(s *sentence) bool {
	for sec := s.sec; sec != nil; sec = sec.parent {
		if len(d.secIndustries[sec]) > 0 {
			return true
		}
	}
	// Or the clause's sentence names one ("The molds chain relies on A;
	// its focus is on X and Y"), or its paragraph ("Smart home appliances
	// are led by A and B. The plan encourages them to shift towards X.").
	for p := d.sents[s.index]; p != nil; p = d.prevSentence(p) {
		named, ok := d.namesInd[p]
		if !ok {
			named = len(d.scanIndustries(p, false, false)) > 0
			d.namesInd[p] = named
		}
		if named {
			return true
		}
	}
	return false
}

// asLeader reports whether toks[j:] reads "as the leader" (or "as the
// backbone", "as leading enterprises", …).
func (d *doc) asLeader(toks []token, j int) bool {
	if j >= len(toks) || toks[j].norm != "as" {
		return false
	}
	for k := j + 1; k < len(toks) && k <= j+3; k++ {
		if d.v.backboneAdj[toks[k].norm] || d.v.roleWord[toks[k].norm] {
			return true // "as the leader", "as the chain owner"
		}
	}
	return false
}

// roleAfter reports whether the names that end before toks[end] are given
// a role after them: a verb or an apposition, then within a few words a
// role noun ("are named as its backbone firms", ", the chain owner for X",
// "will take the lead", "will be supported to", "is listed as a key
// supporting enterprise"). An aside between commas may come first
// (", whose chip line started last year,").
func (d *doc) roleAfter(toks []token, end int) bool {
	k := end
	if k > 0 && k <= len(toks) && toks[k-1].raw == "," {
		k-- // the list ended past its comma
	}
	if k < len(toks) && toks[k].raw == "," {
		if d.roleNoun(toks, k+1, 4) {
			return true // ", the chain owner for new energy vehicles"
		}
		for k++; k < len(toks) && k < end+20 && toks[k].raw != ","; k++ {
			if isClauseEnd(toks[k].raw) {
				return false
			}
		}
		k++
	}
	if k >= len(toks) || !d.v.roleVerb[toks[k].norm] {
		return false
	}
	return d.roleNoun(toks, k+1, 6)
}

// roleNoun reports whether a role noun ("enterprise", "leader", "owner",
// "lead", "support") comes within n words from toks[i], before any mark.
func (d *doc) roleNoun(toks []token, i, n int) bool {
	for k := i; k < len(toks) && k < i+n && !toks[k].punct(); k++ {
		if d.v.enterpriseNoun[toks[k].norm] || d.v.roleWord[toks[k].norm] {
			return true
		}
	}
	return false
}

// followsOther reports whether the list that ended at toks[end] was closed
// by "and other (enterprises)".
func followsOther(toks []token, end int) bool {
	return end >= 2 && end <= len(toks) && toks[end-1].norm == "other" && toks[end-2].norm == "and"
}

// products reads the products a backbone passage focuses on: after each
// product cue that follows the enterprise list ("focus on the development
// of X, Y and other products", "…, extend to Z and other products"), or any
// list closed by "and other products". Without a backbone cue in the
// sentence only the latter counts. It returns the products and where the
// first list starts.
func (d *doc) products(s *sentence, from int, cue bool) ([]item, int) {
	toks := s.toks
	var all []item
	first := len(toks)
	for i := from; i < len(toks); i++ {
		n, _ := d.v.productIntro.match(toks, i)
		if n == 0 {
			continue
		}
		// "Key products: A, B", "products such as A and B": the intro
		// names its list products, with or without enterprises around.
		named := hasWord(toks[i:i+n], "product")
		// A list closed by "and other products" needs no guessing where it ends.
		closed := false
		for k := i + n; k+2 < len(toks) && !isClauseEnd(toks[k].raw); k++ {
			if toks[k].norm == "and" && toks[k+1].norm == "other" && toks[k+2].norm == "product" {
				closed = true
				break
			}
		}
		// A second list in the clause counts only when closed that way.
		if !cue && !closed && !named {
			continue
		}
		items, _ := d.phraseList(s, i+n, 10, !closed && !named)
		var out []item
		for _, it := range items {
			it = trimItem(toks, it)
			for _, part := range d.splitPlural(toks, d.splitAndItem(toks, it)) {
				part = d.trimProduct(toks, part)
				if part.to > part.from && !d.genericProduct(toks[part.from:part.to]) && !d.clauseLike(toks[part.from:part.to]) && !titleCased(toks[part.from:part.to]) {
					out = append(out, part)
				}
			}
		}
		// A list of industries is no product list: "develop biomedicine,
		// new materials and electronic information".
		var kept []item
		for _, it := range out {
			if !d.namesKnownIndustry(toks, it) {
				kept = append(kept, it)
			}
		}
		if len(kept)*2 < len(out) {
			kept = nil
		}
		out = kept
		if len(out) > 0 {
			all = append(all, out...)
			first = min(first, i)
			i = out[len(out)-1].to - 1
		}
	}
	return all, first
}

// trimProduct trims a product's name of an abbreviation in brackets after
// it: "active pharmaceutical ingredients (APIs)".
func (d *doc) trimProduct(toks []token, it item) item {
	it = trimItem(toks, it)
	if k := closingBracket(toks, it, 4); k >= 0 {
		it.to = k
	}
	return it
}

// splitPlural splits products "A and B" whose A ends in a plural noun and
// whose B has two words or more: "polarizers and backlight modules",
// "power batteries and drive motors"; not "fire-resistant and
// fire-retardant materials" or "titanium plates and strips".
func (d *doc) splitPlural(toks []token, items []item) []item {
	var out []item
	for _, it := range items {
		split := false
		for k := it.from + 1; k < it.to-1; k++ {
			if toks[k].norm == "and" && plural(toks[k-1]) && countWords(toks[k+1:it.to]) >= 2 {
				out = append(out, item{it.from, k}, item{k + 1, it.to})
				split = true
				break
			}
		}
		if !split {
			out = append(out, it)
		}
	}
	return out
}

// plural reports whether a word is an English plural (its normal form
// dropped an "s").
func plural(t token) bool {
	return !t.punct() && t.norm != strings.ToLower(t.raw) && !strings.HasSuffix(t.raw, "'s")
}

// genericProduct is an element that names no product: "products", "new
// products", "industrial chains", or an industry ("traditional industries").
func (d *doc) genericProduct(toks []token) bool {
	for _, t := range toks {
		// An industry, or a clause ("lay out the frontier direction").
		if isIndustryWord(t.norm) || t.norm == "the" {
			return true
		}
	}
	for _, t := range toks {
		if !t.punct() && !d.v.genericProduct[t.norm] {
			return false
		}
	}
	return true
}

// passageIndustry decides which industry a backbone passage is about. An
// industry named in the sentence outside the enterprise list counts most,
// then one named by the section heading; members of the group the section
// is about compete on the keywords of their products and activities.
func (d *doc) passageIndustry(s *sentence, firms []item, prodFrom int) *kg.Entity {
	if s.scope != nil {
		return s.scope
	}
	score := map[*kg.Entity]float64{}
	var order []*kg.Entity
	add := func(e *kg.Entity, w float64) {
		if _, ok := score[e]; !ok {
			order = append(order, e)
		}
		score[e] += w
	}
	inFirms := func(k int) bool {
		for _, f := range firms {
			if k >= f.from && k < f.to {
				return true
			}
		}
		return false
	}
	named := map[*kg.Entity]bool{}
	for _, m := range d.scanIndustries(s, true, true) {
		w := 3.0
		switch {
		case inFirms(m.from):
			// In an enterprise's name: "Hongyun Ceramics"; once per industry.
			if named[m.ent] {
				continue
			}
			named[m.ent], w = true, 1
		case m.to-m.from == 1 && !(m.to < len(s.toks) && isIndustryWord(s.toks[m.to].norm)):
			continue // a bare one-word name elsewhere is too vague
		case m.from >= prodFrom:
			w = 1.5 // named inside the product list: "new energy vehicles"
		}
		add(m.ent, w)
	}
	// The sentence before, in the same paragraph, may name the industry:
	// "Promote ceramics, garments … Relying on A, B and other enterprises, …".
	// So may the sentence's earlier clauses ("The molds chain relies on
	// A; its focus is on X and Y"), and earlier sentences of the
	// paragraph, less surely.
	if whole := d.sents[s.index]; len(s.toks) > 0 && whole.toks[0].start < s.toks[0].start {
		before := whole.toks
		for k, t := range whole.toks {
			if t.start >= s.toks[0].start {
				before = whole.toks[:k]
				break
			}
		}
		c := *whole
		c.toks = before
		for _, m := range d.scanIndustries(&c, false, false) {
			add(m.ent, 2)
		}
	}
	w := 1.0
	for prev := d.prevSentence(s); prev != nil; prev = d.prevSentence(prev) {
		for _, m := range d.scanIndustries(prev, false, false) {
			add(m.ent, w)
		}
		w = 0.5
	}
	for sec := s.sec; sec != nil; sec = sec.parent {
		for _, e := range d.secIndustries[sec] {
			add(e, 3.5)
		}
		for _, g := range d.secGroups[sec] {
			for _, m := range d.members[g] {
				add(m, 0)
			}
		}
	}
	// Any other industry of the document competes on keywords alone and
	// needs two of them ("robots" for "six-axis industrial robots, SCARA
	// robots": its name words are its keywords).
	for _, e := range d.industrySeq {
		if _, ok := score[e]; !ok {
			add(e, -1)
		}
	}
	if len(order) == 0 {
		return nil
	}
	// Keywords of each candidate found in the sentence.
	words := map[string]int{}
	for k, t := range s.toks {
		if !t.punct() && !inFirms(k) {
			words[t.norm]++
		}
	}
	// Keywords add at most 2: the words of a broad industry ("drugs",
	// "pharmaceutical") must not outweigh the industry a heading names.
	for _, e := range order {
		hits := 0
		for w := range d.industryKeywords(e) {
			if words[w] > 0 {
				hits++
			}
		}
		score[e] += float64(min(hits, 2))
	}
	best := order
	sort.SliceStable(best, func(i, j int) bool { return score[best[i]] > score[best[j]] })
	if score[best[0]] <= 0 {
		return nil
	}
	return best[0]
}

// industryKeywords are the words that point to an industry: its vocabulary
// keywords, or for an industry the vocabulary lacks, the words of its names.
func (d *doc) industryKeywords(e *kg.Entity) map[string]bool {
	if kw, ok := d.keywords[e]; ok {
		return kw
	}
	for i, ind := range d.v.lex.Industries {
		if d.b.lookup(kg.KindIndustry, ind.Key) == e {
			d.keywords[e] = d.v.industryKeyword[i]
			return d.keywords[e]
		}
	}
	kw := map[string]bool{}
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		for _, t := range tokenize(n, 0) {
			if !t.punct() && !d.v.genericWord[t.norm] && t.norm != "and" {
				kw[t.norm] = true
			}
		}
	}
	return kw
}

// prevSentence is the sentence before s on the same line, or nil.
func (d *doc) prevSentence(s *sentence) *sentence {
	if s.index == 0 {
		return nil
	}
	p := d.sents[s.index-1]
	if strings.Contains(d.data[p.end:s.start], "\n") || p.heading {
		return nil
	}
	return p
}
