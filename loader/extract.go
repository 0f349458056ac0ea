package loader

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"policykg/kg"
)

// extract runs the extractors in order: each may use what earlier ones found.
func (d *doc) extract() {
	d.structure()
	if d.program == nil {
		return
	}
	for _, s := range d.sents {
		d.citations(s)
		d.quotedDocuments(s)
		d.implementedDocuments(s)
	}
	d.responsibleUnits()
	d.industries()
	for _, s := range d.sents {
		d.backbone(s)
	}
	for _, s := range d.sents {
		d.partners(s, d.organisations(s))
	}
	d.targets()
	d.mentions()
}

// Document codes: "Jiao [2017] No. 15", "Jiao Fa [2016] No. 9",
// "Luo Zheng [2018] 12", "豫政〔2017〕15号".
var codeRe = regexp.MustCompile(`([A-Z][A-Za-z]*(?:\s+[A-Z][A-Za-z]*){0,3}|\p{Han}{1,6})\s*[\[〔【［]\s*((?:19|20)\d\d)\s*[\]〕】］]\s*(?:No\.?\s*)?(\d{1,4})\s*(?:号|Hao\b)?`)

// citations finds documents cited by code and links them from the section
// (or, in the preamble, the program) that cites them.
func (d *doc) citations(s *sentence) {
	text := s.text(d)
	if !strings.ContainsAny(text, "[〔【［") {
		return // every code has its year in brackets; skip the regexp
	}
	for _, m := range codeRe.FindAllStringSubmatchIndex(text, -1) {
		codeSpan := span{s.start + m[0], s.start + m[1]}
		code := text[m[0]:m[1]]
		issuer, year, num := text[m[2]:m[3]], text[m[4]:m[5]], text[m[6]:m[7]]
		// Mask the code and its brackets from the prose.
		mask := codeSpan
		if r, n := utf8.DecodeLastRuneInString(text[:m[0]]); r == '(' || r == '（' {
			mask.start -= n
		}
		if r, n := utf8.DecodeRuneInString(text[m[1]:]); r == ')' || r == '）' {
			mask.end += n
		}
		s.mask = append(s.mask, mask)

		title := d.citedTitle(s, mask.start)
		if d.self(title) || strings.TrimSpace(code) == d.program.Code {
			continue // a document never cites itself
		}
		name := title
		if name == "" {
			name = code
		}
		key := nameKey(issuer) + " " + year + " " + num
		e := d.b.entity(kg.KindPolicyDocument, "code:"+key, kg.ID(kg.KindPolicyDocument, key), name, d.source(s))
		if e.Code == "" {
			e.Code = code
		}
		if title != "" && e.Name == e.Code {
			e.AddAlias(e.Name) // a later citation gives the title
			e.Name = title
		}
		d.b.relate(kg.Cites, d.citer(s), e, d.source(s))
	}
}

// citer is what cites a document named in s: its section, or the program
// from the preamble.
func (d *doc) citer(s *sentence) *kg.Entity {
	if s.sec != nil {
		return s.sec.entity
	}
	return d.program
}

// quotedDocuments finds documents cited by quoted title alone: "implement
// the "Anhui Province Digital Economy Development Three-Year Action Plan"".
// A quote counts when it starts with a capital, has four words or more and
// a document word (plan, opinions, notice, measures…), and is not the title
// of a document cited by code.
func (d *doc) quotedDocuments(s *sentence) {
	for _, q := range s.mask {
		inner := strings.TrimFunc(d.data[q.start:q.end], func(r rune) bool { return strings.ContainsRune("\"“”《》「」", r) })
		inner = strings.TrimSpace(inner)
		toks := tokenize(inner, 0)
		// A title, not quoted speech ("We will treat projects as the
		// lifeline of the plan").
		if len(toks) < 4 || !capitalized(toks[0]) || d.titled[q.start] || !d.titleLike(inner, true) || d.self(inner) {
			continue
		}
		key := nameKey(inner)
		e := d.b.entity(kg.KindPolicyDocument, "title:"+key, kg.ID(kg.KindPolicyDocument, key), inner, d.source(s))
		d.b.relate(kg.Cites, d.citer(s), e, d.source(s))
	}
}

// implementedDocuments finds documents cited by an unquoted title after a
// verb of implementing: "to implement the Hubei Province Action Plan for
// Accelerating …", "in accordance with the Measures of …".
func (d *doc) implementedDocuments(s *sentence) {
	toks := s.toks
	for i := 0; i+1 < len(toks); i++ {
		n, _ := d.v.implementLead.match(toks, i)
		if n == 0 {
			continue
		}
		j := i + n
		if j < len(toks) && toks[j].norm == "the" {
			j++
		}
		if j >= len(toks) || !capitalized(toks[j]) || s.masked(toks[j].start) {
			continue
		}
		for k := j; k < len(toks) && k < j+25 && (capitalized(toks[k]) || titleJoiner[toks[k].norm] || toks[k].raw == "-"); k++ {
			if !d.docHead(toks, k) || !capitalized(toks[k]) {
				continue
			}
			from, to, _ := d.titleSpan(toks, k)
			if from != j || countWords(toks[from:to]) < 4 {
				break
			}
			title := d.data[toks[from].start:toks[to-1].end]
			if d.self(title) {
				break
			}
			key := nameKey(title)
			e := d.b.entity(kg.KindPolicyDocument, "title:"+key, kg.ID(kg.KindPolicyDocument, key), title, d.source(s))
			d.b.relate(kg.Cites, d.citer(s), e, d.source(s))
			s.mask = append(s.mask, span{toks[from].start, toks[to-1].end})
			i = to - 1
			break
		}
	}
}

// self reports whether a cited title is the program's own.
func (d *doc) self(title string) bool {
	if title == "" || len(title) > 2*len(d.program.Name)+16 {
		return false
	}
	if d.progKeyOf != d.program.Name { // the program's key, once per name
		d.progKey, d.progKeyOf = nameKey(d.program.Name), d.program.Name
	}
	return nameKey(title) == d.progKey
}

// citedTitle returns the title of a document cited just before byte offset
// at: the quoted text ending there, or else the capitalised phrase that runs
// from the first name in the sentence to the code.
func (d *doc) citedTitle(s *sentence, at int) string {
	for _, q := range s.mask {
		if q.end <= at && strings.TrimSpace(d.data[q.end:at]) == "" && q.end-q.start > 2 {
			d.titled[q.start] = true
			inner := d.data[q.start:q.end]
			inner = strings.TrimFunc(inner, func(r rune) bool { return strings.ContainsRune("\"“”《》「」", r) })
			return strings.TrimSpace(inner)
		}
	}
	// No quotes: "The implementation of the Beta Municipal People's
	// Government on … views (Jiao [2015] No. 8)".
	for i, t := range s.toks {
		if t.start >= at {
			break
		}
		if i > 0 && capitalized(t) && !t.punct() {
			title := strings.TrimSpace(d.data[t.start:at])
			if len(title) > 300 || strings.ContainsAny(title, ";；") {
				return ""
			}
			return title
		}
	}
	return ""
}

// responsibilityLabel returns the index of the first "Responsible units:"
// style label of a sentence and its length in tokens, or -1.
func (d *doc) responsibilityLabel(s *sentence, from int) (int, int) {
	toks := s.toks
	for i := from; i < len(toks); i++ {
		if n, _ := d.v.responsible.match(toks, i); n > 0 && i+n < len(toks) && (toks[i+n].raw == ":" || toks[i+n].raw == "：") {
			return i, n
		}
	}
	return -1, 0
}

// responsibleUnits reads "Responsible units: A, B, C" (and "Lead unit: X;
// cooperating units: Y"), linking each unit to the section the line covers.
func (d *doc) responsibleUnits() {
	var lines []*sentence
	for _, s := range d.sents {
		if i, _ := d.responsibilityLabel(s, 0); i >= 0 {
			lines = append(lines, s)
		}
	}
	// For each section, the children under which a responsibility line lies.
	withLines := map[*section]map[*section]bool{}
	for _, s := range lines {
		for sec := s.sec; sec != nil && sec.parent != nil; sec = sec.parent {
			if withLines[sec.parent] == nil {
				withLines[sec.parent] = map[*section]bool{}
			}
			withLines[sec.parent][sec] = true
		}
	}
	for _, s := range lines {
		i, n := d.responsibilityLabel(s, 0)
		// "Lead unit: X; cooperating units: Y" covers one section.
		covered := d.coveredSection(s, i, withLines)
		for i >= 0 {
			items, end := d.unitList(s, i+n+1)
			for _, it := range items {
				name := d.itemText(s, dropRole(s.toks, it))
				kind := d.orgKind(name)
				if kind == "" || kind == kg.KindEnterprise {
					kind = kg.KindGovernmentUnit
				}
				u := d.organisation(kind, name, d.source(s))
				if covered != nil {
					d.b.relate(kg.ResponsibleFor, u, covered.entity, d.source(s))
				}
			}
			i, n = d.responsibilityLabel(s, end)
		}
	}
}

// coveredSection tells which section the responsibility label at toks[i]
// of s covers, given for each section the children that have such lines
// under them. Inside a
// paragraph ("… (Responsible unit: X)") it is the paragraph's section. A
// line of its own closes the section it follows, or, after the last of
// several subsections none of which has a line of its own, their parent
// (one line for the whole list).
func (d *doc) coveredSection(s *sentence, i int, withLines map[*section]map[*section]bool) *section {
	cur := s.sec
	if cur == nil {
		return nil
	}
	for _, t := range s.toks[:i] {
		if !t.punct() {
			return cur // inline
		}
	}
	if !d.startsLine(s) {
		return cur
	}
	parent := cur.parent
	if parent == nil || parent.children < 2 || cur.index < parent.children {
		return cur // a line after an item that is not the last covers that item
	}
	for c := range withLines[parent] {
		if c != cur {
			return cur // the subsections have lines of their own
		}
	}
	return parent
}

// startsLine reports whether s is the first sentence of its line.
func (d *doc) startsLine(s *sentence) bool {
	k := strings.LastIndexByte(d.data[:s.start], '\n')
	return strings.TrimSpace(d.data[k+1:s.start]) == ""
}

// unitList reads the organisations after a responsibility label, up to the
// end of the clause: "A, B and C", split on "and" only between two names
// that each end in an organisation word.
func (d *doc) unitList(s *sentence, i int) ([]item, int) {
	list, end := d.phraseList(s, i, len(s.toks), false)
	var items []item
	for _, it := range list {
		for _, part := range d.splitUnits(s.toks, trimItem(s.toks, it)) {
			if part.to > part.from && hasCapital(s.toks[part.from:part.to]) {
				items = append(items, part)
			}
		}
	}
	return items, end
}

func hasCapital(toks []token) bool {
	for _, t := range toks {
		if !t.punct() && capitalized(t) {
			return true
		}
	}
	return false
}

// splitUnits splits "Finance Bureau and Education Bureau" in two, but not
// "Development and Reform Commission".
func (d *doc) splitUnits(toks []token, it item) []item {
	for k := it.from + 1; k < it.to-1; k++ {
		if toks[k].norm != "and" {
			continue
		}
		if n := d.v.orgHeads.matchEnd(toks[:k], k); n > 0 && d.orgKind(tokensText(toks[k+1:it.to])) != "" {
			return append([]item{{it.from, k}}, d.splitUnits(toks, item{k + 1, it.to})...)
		}
	}
	return []item{it}
}

// organisation resolves a named organisation of the given kind. Government
// units are local to the document (every city has a "Finance Bureau");
// enterprises and institutions are shared across documents.
func (d *doc) organisation(kind kg.Kind, name string, src kg.Source) *kg.Entity {
	if kind == kg.KindGovernmentUnit {
		key := d.govKey(name)
		return d.b.entity(kind, key, kg.ID(kind, d.slug, key), name, src)
	}
	key := nameKey(name)
	if kind == kg.KindEnterprise && d.b.lookup(kind, key) == nil {
		if e := d.shortForm(name); e != nil {
			d.b.addSource(e, src)
			return e
		}
	}
	return d.b.entity(kind, key, kg.ID(kind, key), name, src)
}

// shortForm resolves an enterprise named by the short form of a legal name
// the document already gave, or the reverse: "Xiangbei Heavy Industry" and
// "Hunan Xiangbei Heavy Industry Co., Ltd.", "Zhongxin Micro" and
// "Zhongxin Micro (Ningbo) Co., Ltd.", "Huantai Lithium" and "Quzhou
// Huantai Lithium Materials Co., Ltd.". The short form's words (two at
// least) run in the legal name's from its first or second word; the legal
// name stays the name and the short form becomes an alias.
func (d *doc) shortForm(name string) *kg.Entity {
	words := coreWords(name)
	legal := d.v.corporateEnd(tokenize(name, 0))
	for _, e := range d.b.created {
		if e.Kind != kg.KindEnterprise {
			continue
		}
		other, ok := d.core[e]
		if !ok {
			other = coreName{coreWords(e.Name), d.v.corporateEnd(tokenize(e.Name, 0))}
			d.core[e] = other
		}
		switch {
		case len(words) >= 2 && len(other.words) >= len(words) && other.legal && runsIn(words, other.words):
			e.AddAlias(name)
			return e
		case len(other.words) >= 2 && len(words) >= len(other.words) && legal && runsIn(other.words, words):
			short := e.Name
			e.Name = name
			e.AddAlias(short)
			d.core[e] = coreName{words, legal}
			return e
		}
	}
	return nil
}

// orgKind is vocab.orgKind, remembered per name for the document.
func (d *doc) orgKind(name string) kg.Kind {
	k, ok := d.kinds[name]
	if !ok {
		k = d.v.orgKind(name)
		d.kinds[name] = k
	}
	return k
}

// coreName is what shortForm compares of an enterprise's name: its core
// words and whether it is a legal name.
type coreName struct {
	words []string
	legal bool
}

// coreWords are a company name's words without its legal form and
// bracketed place: "Zhongxin Micro (Ningbo) Co., Ltd." → zhongxin micro.
func coreWords(name string) []string {
	var out []string
	depth := 0
	for _, t := range tokenize(name, 0) {
		switch {
		case t.raw == "(" || t.raw == "（":
			depth++
		case t.raw == ")" || t.raw == "）":
			depth--
		case depth > 0 || t.punct() || corporateAbbrev[t.norm]:
		default:
			out = append(out, t.norm)
		}
	}
	return out
}

// runsIn reports whether short runs in long from its first or second word.
func runsIn(short, long []string) bool {
	for at := 0; at <= 1 && at+len(short) <= len(long); at++ {
		if strings.Join(long[at:at+len(short)], " ") == strings.Join(short, " ") {
			return true
		}
	}
	return false
}

// govKey makes "Municipal Bureau of Science and Technology", "Municipal
// Science and Technology Bureau" and "Science and Technology Bureau" one:
// it drops the city and "Municipal", and turns "Bureau of X" into "X Bureau".
func (d *doc) govKey(name string) string {
	var words []string
	for _, t := range tokenize(name, 0) {
		if !t.punct() {
			words = append(words, synonym(t.norm))
		}
	}
	for k := 0; k < len(words) && k < 3; k++ {
		if words[k] == "municipal" || words[k] == "city" || words[k] == "municipality" {
			words = words[k+1:]
			break
		}
		// "Hunan Provincial Department of …" is the "Provincial Department
		// of …" of a provincial document.
		if k > 0 && words[k] == "provincial" {
			words = words[k:]
			break
		}
	}
	if len(words) > 0 && words[0] == "the" {
		words = words[1:]
	}
	if len(words) > 2 && words[1] == "of" && d.orgKind(words[0]) == kg.KindGovernmentUnit {
		words = append(words[2:], words[0])
	}
	return strings.Join(words, " ")
}

// dropRole removes a trailing lower-case parenthesis from a unit's name:
// "Municipal Finance Bureau (lead)".
func dropRole(toks []token, it item) item {
	if k := closingBracket(toks, it, 3); k >= 0 && k+1 < it.to-1 && !capitalized(toks[k+1]) {
		return item{it.from, k}
	}
	return it
}
