package loader

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"policykg/kg"
)

// doc is one document being parsed: its text, outline and sentences, and
// the builder the extractors write to.
// entityTable is the header of a table of industries and enterprises being
// read: the columns of each.
type entityTable struct {
	ok       bool
	ind, ent int
}

type doc struct {
	table     entityTable // the industry-and-enterprise table being read, if any
	line      span        // the line of the sentence tableRow last read
	lineCells []span      // its table cells
	progKey   string      // the resolution key of the program's name …
	progKeyOf string      // … computed for this name
	v         *vocab
	id        string // document ID (also the program's entity ID)
	slug      string // the ID without its kind prefix, scoping doc-local IDs
	data      string
	title     string
	b         *builder

	program  *kg.Entity
	sections []*section
	sents    []*sentence

	indForms      *phrases // the document's names of industries → entity ID
	groups        map[string]*kg.Entity
	secGroups     map[*section][]*kg.Entity
	secIndustries map[*section][]*kg.Entity
	topSections   int                     // top-level sections so far
	targetsBy     map[string][]*kg.Entity // targetBucket → targets
	firstGoalYear int
	docYear       int                            // the year the title dates the document by, 0 if none
	planEnd       int                            // the last year of the title's plan period, 0 if none
	titled        map[int]bool                   // starts of quotes that title a code citation
	members       map[*kg.Entity][]*kg.Entity    // industry group → its industries
	keywords      map[*kg.Entity]map[string]bool // vocabulary industry → its keywords
	core          map[*kg.Entity]coreName        // enterprise → the words of its name without legal form
	kinds         map[string]kg.Kind             // name → the kind its head words make it
	namesInd      map[*sentence]bool             // sentence → whether it names an industry
	industrySeq   []*kg.Entity                   // industries in the order found
	targetSubject map[*kg.Entity]*kg.Entity
}

// section is one node of the document's outline.
type section struct {
	entity   *kg.Entity
	number   string // marker as written: "First", "(a)", "1."
	title    string
	heading  span      // marker and title
	titleAt  int       // byte offset where the title starts, after the marker
	headSent *sentence // the heading as a sentence
	style    string
	ordinal  int // the marker's count: 3 for "(c)", "III." or "Third"; 0 if unknown
	parent   *section
	children int
	index    int // 1 for the parent's first child
	depth    int
}

// sentence is a sentence (or heading) of the document with its tokens.
type sentence struct {
	span
	index   int // position in doc.sents
	toks    []token
	sec     *section
	heading bool       // the sentence is a section heading
	mask    []span     // quoted titles and document codes: not prose
	scope   *kg.Entity // for a clause: the industry its line pairs it with, if any
}

func (s *sentence) text(d *doc) string { return d.data[s.start:s.end] }

// source is the provenance of a fact stated by this sentence.
func (d *doc) source(s *sentence) kg.Source {
	return d.sourceSpan(s.span, s.sec)
}

func (d *doc) sourceSpan(sp span, sec *section) kg.Source {
	src := kg.Source{Document: d.id, Start: sp.start, End: sp.end, Text: d.data[sp.start:sp.end]}
	if sec != nil {
		src.Section = sec.entity.ID
	}
	return src
}

func newDoc(v *vocab, id, data string) *doc {
	return &doc{targetsBy: map[string][]*kg.Entity{}, targetSubject: map[*kg.Entity]*kg.Entity{}, titled: map[int]bool{}, members: map[*kg.Entity][]*kg.Entity{}, keywords: map[*kg.Entity]map[string]bool{}, core: map[*kg.Entity]coreName{}, kinds: map[string]kg.Kind{}, namesInd: map[*sentence]bool{}, v: v, id: id, slug: strings.TrimPrefix(id, kg.KindPolicyDocument.Slug()+"/"), data: data, b: newBuilder(id)}
}

// Outline markers, each of a style. A style's level is not fixed: the first
// style met is the top level, a new style opens a level below the current
// one, and a style already open closes the levels below it. This follows
// "First," / "(a)" / "1." as well as "I." / "(1)" / "1." and mixed
// translations such as "(a)" followed by "(ii)".
var markers = []struct {
	style string
	re    *regexp.Regexp
	short bool // the heading must be a short line of its own
}{
	{"ordinal", regexp.MustCompile(`^(?i:(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)(?:ly)?)\s*[,，、:：.]\s*`), true},
	{"cardinal", regexp.MustCompile(`^(?i:(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s*[,，、:：.]\s*`), true},
	{"paren-word", regexp.MustCompile(`^[(（]\s*(?i:(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s*[)）]\s*`), false},
	{"part", regexp.MustCompile(`^(?i:(?:part|chapter)\s+([0-9]+|[IVX]+|one|two|three|four|five|six|seven|eight|nine|ten))\b\s*[.:：、,]?\s*`), true},
	{"section", regexp.MustCompile(`^(?i:section\s+([0-9]+|[IVX]+|one|two|three|four|five|six|seven|eight|nine|ten))\b\s*[.:：、,]?\s*`), true},
	{"article", regexp.MustCompile(`^(?i:article\s+([0-9]+|[IVX]+|one|two|three|four|five|six|seven|eight|nine|ten))\b\s*[.:：、,]?\s*`), false},
	{"roman", regexp.MustCompile(`^((?:X{0,1}(?:IX|IV|V?I{1,3}|V)|X))\s*[.、．]\s*`), false},
	{"cn", regexp.MustCompile(`^([一二三四五六七八九十]+)\s*[、.．]\s*`), false},
	{"paren-cn", regexp.MustCompile(`^[(（]\s*([一二三四五六七八九十]+)\s*[)）]\s*`), false},
	{"paren-alpha", regexp.MustCompile(`^[(（]\s*([a-zA-Z]|(?i:[ivx]{1,5}))\s*[)）]\s*`), false},
	{"paren-digit", regexp.MustCompile(`^[(（]\s*(\d{1,2})\s*[)）]\s*`), false},
	{"digit", regexp.MustCompile(`^(\d{1,2})\s*[.、．]\s*`), false},
	{"digit-paren", regexp.MustCompile(`^(\d{1,2})\s*[)）]\s+`), false},
}

const maxShortHeading = 120

var ordinalWords = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
}

var romanValues = map[string]int{
	"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10, "xi": 11, "xii": 12, "xiii": 13, "xiv": 14, "xv": 15,
}

// sameFamily reports whether two marker styles may number one list: a
// translation may continue "(I) (II) (III)" with "(4)", or "1." with "2)".
func sameFamily(a, b string) bool {
	family := func(s string) string {
		switch {
		case strings.HasPrefix(s, "paren"):
			return "paren"
		case strings.HasPrefix(s, "digit"):
			return "digit"
		}
		return s
	}
	return family(a) == family(b)
}

// markerOrdinal is the count an outline marker stands for: "3.", "(c)",
// "III.", "(iii)", "Third", "Three", "三、" all give 3; 0 if unknown. A
// lone "i", "v" or "x" reads as roman.
func markerOrdinal(marker string) int {
	m := strings.ToLower(strings.Trim(marker, "()（）.,，、:：． "))
	for _, p := range []string{"part ", "chapter ", "section ", "article "} {
		m = strings.TrimPrefix(m, p)
	}
	m = strings.TrimSuffix(m, "ly")
	if n, err := strconv.Atoi(m); err == nil {
		return n
	}
	if v, ok := ordinalWords[m]; ok {
		return v
	}
	if v, ok := romanValues[m]; ok {
		return v
	}
	if len(m) == 1 && m[0] >= 'a' && m[0] <= 'z' {
		return int(m[0]-'a') + 1
	}
	return 0
}

// matchMarker returns the marker's style and length at the start of line.
func matchMarker(line string) (style string, n int) {
	for _, m := range markers {
		loc := m.re.FindStringSubmatchIndex(line)
		if loc == nil {
			continue
		}
		rest := line[loc[1]:]
		if rest == "" {
			continue
		}
		if m.short && len(rest) > maxShortHeading {
			continue
		}
		// "1.5 billion", "2.": a digit right after the marker is a number.
		if r, _ := utf8.DecodeRuneInString(rest); unicode.IsDigit(r) || r == '%' {
			continue
		}
		return m.style, loc[1]
	}
	return "", 0
}

// structure splits the document into lines, the outline and sentences.
func (d *doc) structure() {
	lines := paragraphSpans(d.data)
	if len(lines) == 0 {
		return
	}
	// Page clutter before the title (site name, navigation, index
	// fields) is no part of the program; the document number among it is
	// the program's own code.
	t := d.titleLine(lines)
	code := ""
	for _, ln := range lines[:t] {
		if code == "" {
			code = strings.TrimSpace(codeRe.FindString(d.data[ln.start:ln.end]))
		}
	}
	lines = lines[t:]
	first := lines[0]
	d.title = strings.TrimSpace(d.data[first.start:first.end])
	d.program = d.b.entity(kg.KindPolicyDocument, "program:"+d.id, d.id, d.title, d.sourceSpan(first, nil))
	d.program.Code = code
	d.addSentences(first, nil, true)
	titled := t > 0 || d.titleLike(d.title, false)
	defer func() {
		if !titled {
			d.inlineTitle()
		}
	}()

	var stack []*section
	for _, ln := range lines[1:] {
		text := d.data[ln.start:ln.end]
		if d.pageLabel(text) {
			continue // "Source: Xinhua | Editor: … | 2023-03-12": no prose
		}
		style, n := matchMarker(text)
		// Body text, not a section: an article without a short heading of
		// its own (ten words at most: "Article 4 Adhere to … of the Zone.
		// …"), or speech ("First, let us invite Mr. Liu …").
		if style != "" {
			first := firstSentence(d.data, span{ln.start + n, ln.end})
			if style == "article" && len(strings.Fields(first)) > 10 || spoken(first) {
				style = ""
			}
		}
		if style == "" {
			var cur *section
			if len(stack) > 0 {
				cur = stack[len(stack)-1]
			}
			d.addSentences(ln, cur, false)
			continue
		}
		// Close the levels below an open level of the same style.
		// The deepest open level of the same style closes, and the new
		// section is its sibling; unless the marker restarts a count ("1."
		// under "(a)" under "2."), which opens a new level below.
		number := strings.TrimSpace(text[:n])
		ord := markerOrdinal(number)
		closed := false
		// A marker continuing an open count ("3." after "2. Key tasks")
		// is that level's next sibling, however deep the outline went.
		for i := len(stack) - 1; i >= 0 && ord > 1; i-- {
			if sameFamily(stack[i].style, style) && stack[i].ordinal == ord-1 {
				stack, closed = stack[:i], true
				break
			}
		}
		for i := len(stack) - 1; i >= 0 && !closed; i-- {
			if stack[i].style == style {
				if !(ord == 1 && i < len(stack)-1) {
					stack = stack[:i]
				}
				break
			}
		}
		var parent *section
		if len(stack) > 0 {
			parent = stack[len(stack)-1]
		}
		sec := d.openSection(parent, style, ln, n)
		sec.ordinal = ord
		stack = append(stack, sec)
	}
	d.linkSections()
}

// pageLabel reports whether a line is a web page's metadata: it opens
// with a label such as "Source:", "Editor:" or "Author:".
func (d *doc) pageLabel(line string) bool {
	// "Chen Yutong | East China Wire | 2023-04-11": a byline with a date.
	if strings.Count(line, "|") >= 2 && dateRe.MatchString(line) && len(line) < 160 {
		return true
	}
	for cell := range strings.SplitSeq(line, "|") {
		cell = strings.TrimSpace(cell)
		c := strings.IndexAny(cell[:min(len(cell), 34)], ":：")
		if c <= 0 || c > 30 {
			continue
		}
		toks := tokenize(cell[:c], 0)
		if n, _ := d.v.pageLabels.match(toks, 0); n > 0 && n == len(toks) {
			return true // "Source: …", "Daily | Reporter: …"
		}
	}
	return false
}

// spoken reports whether a line speaks to or for someone, as headings
// never do: "let us", "we will".
func spoken(line string) bool {
	for _, w := range strings.Fields(strings.ToLower(line)) {
		switch strings.Trim(w, ",.;:!?\"'") {
		case "us", "we", "you":
			return true
		}
	}
	return false
}

// firstSentence returns the first sentence of the text in sp (of its
// first 300 bytes: a heading is short).
func firstSentence(data string, sp span) string {
	sp.end = min(sp.end, sp.start+300)
	if sents := sentenceSpans(data, sp); len(sents) > 0 {
		return data[sents[0].start:sents[0].end]
	}
	return ""
}

// titleLine finds the line that titles the program: the first line, unless
// it names no document (a site's name, a headline) and a later line before
// the outline does, in the form of a title.
func (d *doc) titleLine(lines []span) int {
	for i, ln := range lines {
		text := strings.TrimSpace(d.data[ln.start:ln.end])
		if i >= 15 || i > 0 && d.heading(text) {
			break // the outline began
		}
		if d.titleLike(text, i > 0) {
			return i
		}
	}
	return 0
}

// heading reports whether a line opens a section.
func (d *doc) heading(line string) bool {
	style, _ := matchMarker(line)
	return style != ""
}

// titleLike reports whether a line reads as a document's title: it names a
// document ("… Action Plan …", "… Opinions"), is not a label ("Document
// No.: …"), navigation ("Home | …", "<< Back") or running prose. A line
// after others must also be mostly capitalised (strict).
func (d *doc) titleLike(line string, strict bool) bool {
	if strings.ContainsAny(line, "|<>:：") || strings.Contains(strings.TrimRight(line, ". "), ". ") {
		return false
	}
	toks := tokenize(line, 0)
	words, caps, doc := 0, 0, false
	for i, t := range toks {
		if t.punct() {
			continue
		}
		words++
		if capitalized(t) {
			caps++
		}
		// "Several Measures to Support …" is a title in title case; "Zhuzhou
		// unveils plan to build …" a headline.
		doc = doc || d.docHead(toks, i) || strict && d.v.docWords[t.norm] && i+1 < len(toks) && toks[i+1].norm == "to"
	}
	if !doc || words < 3 || words > 45 {
		return false
	}
	return !strict || capitalized(toks[0]) && caps*2 >= words
}

// inlineTitle finds the program's title in the opening sentences when the
// document's first line is a headline ("Zhuzhou unveils plan to …"): the
// first capitalised title with a document word, outside quotes ("The Action
// Plan for Building … (2023-2027), issued by …"). Quoted titles are the
// documents a program implements, not the program.
func (d *doc) inlineTitle() {
	// The opening sentences first; then, as a feature may name the plan
	// anywhere, the rest, where only a title with its plan period counts
	// ("… Battery Valley (2024-2026)").
	for pass, sents := range [][]*sentence{d.sents[1:min(len(d.sents), 12)], d.sents[min(len(d.sents), 12):]} {
		if d.inlineTitleIn(sents, pass == 1) {
			return
		}
	}
}

// inlineTitleIn looks for the program's title in sents, with its plan
// period when period is set, and reports whether it found one.
func (d *doc) inlineTitleIn(sents []*sentence, period bool) bool {
	for _, s := range sents {
		toks := s.toks
		for i, t := range toks {
			if !d.docHead(toks, i) || !capitalized(t) {
				continue
			}
			// A quoted title is a document the program implements, unless
			// the sentence issues it: "issued the "X Action Plan (…)"".
			if q, ok := s.maskAt(t.start); ok {
				if d.issuedAround(toks, q) && (!period || periodRe.MatchString(strings.TrimRight(lastParen(d.data[q.start:q.end]), "\"”」》 "))) {
					inner := strings.TrimFunc(d.data[q.start:q.end], func(r rune) bool { return strings.ContainsRune("\"“”《》「」 ", r) })
					if d.titleLike(inner, true) {
						sp := span{q.start, q.end}
						sp.start += strings.Index(d.data[q.start:q.end], inner)
						sp.end = sp.start + len(inner)
						d.title = inner
						d.program.Name = inner
						d.b.addSource(d.program, d.sourceSpan(sp, nil))
						return true
					}
				}
				continue
			}
			from, to, withPeriod := d.titleSpan(toks, i)
			if countWords(toks[from:to]) < 4 || period && !withPeriod {
				continue
			}
			sp := span{toks[from].start, toks[to-1].end}
			d.title = d.data[sp.start:sp.end]
			d.program.Name = d.title
			d.b.addSource(d.program, d.sourceSpan(sp, nil))
			s.mask = append(s.mask, sp)
			return true
		}
	}
	return false
}

// titleSpan returns the unquoted title around the document word at
// toks[i]: the capitalised run with its joiners ("Action Plan for Building
// a World-class … in Zhuzhou") and the plan period after it, if any.
func (d *doc) titleSpan(toks []token, i int) (from, to int, withPeriod bool) {
	from = i
	for from > 0 && (capitalized(toks[from-1]) || titleJoiner[toks[from-1].norm] && from > 1 && capitalized(toks[from-2])) && !toks[from-1].punct() {
		from--
	}
	if toks[from].norm == "the" {
		from++
	}
	to = i + 1
	for to < len(toks) && (capitalized(toks[to]) || titleJoiner[toks[to].norm] || toks[to].raw == "-") && !isClauseEnd(toks[to].raw) && toks[to].raw != "," {
		to++
	}
	for to > i+1 && !capitalized(toks[to-1]) {
		to-- // "… Cluster in": not past the last capitalised word
	}
	// "(2023-2027)": the plan period belongs to the title.
	if to+1 < len(toks) && toks[to].raw == "(" {
		for k := to + 1; k < len(toks) && k <= to+5; k++ {
			if toks[k].raw == ")" {
				if periodRe.MatchString(d.data[toks[to].start:toks[k].end]) {
					to, withPeriod = k+1, true
				}
				break
			}
		}
	}
	return from, to, withPeriod
}

// lastParen returns the last bracketed part of s, "" if none.
func lastParen(s string) string {
	if i := strings.LastIndexAny(s, "(（"); i >= 0 {
		return s[i:]
	}
	return ""
}

// dateRe matches a date written with dashes: "2023-04-11".
var dateRe = regexp.MustCompile(`\b(?:19|20)\d\d-\d{1,2}-\d{1,2}\b`)

// periodRe matches a plan period in brackets: "(2023-2027)".
var periodRe = regexp.MustCompile(`^[(（]\s*(?:19|20)\d\d\s*[-–—~至]\s*(?:19|20)\d\d\s*[)）]$`)

// docHead reports whether toks[i] is a document word heading a title: last,
// or before its topic or period ("Action Plan for …", "… Program (2019-2022)");
// not "unveils plan to build", "Policy Observatory".
func (d *doc) docHead(toks []token, i int) bool {
	if !d.v.docWords[toks[i].norm] {
		return false
	}
	if i+1 == len(toks) {
		return true
	}
	switch next := toks[i+1]; next.norm {
	case "for", "on", "of", "in", "about", "regarding", "and", "(", "（", ".", ",", "[":
		return true
	default:
		return next.raw == "(" || next.raw == "（"
	}
}

// issuedAround reports whether a verb of issuing stands a few words before
// or after a quoted title: "issued the "…"", ""…", issued by the city".
func (d *doc) issuedAround(toks []token, q span) bool {
	for j, t := range toks {
		near := t.end <= q.start && t.end >= q.start-30 || t.start >= q.end && t.start <= q.end+20
		if !near {
			continue
		}
		switch toks[j].norm {
		case "issued", "released", "unveiled", "published", "promulgated", "launched":
			return true
		}
	}
	return false
}

// titleJoiner are the lower-case words inside a title.
var titleJoiner = map[string]bool{"of": true, "for": true, "on": true, "the": true, "and": true, "a": true, "an": true, "in": true, "to": true}

// openSection creates the section whose heading starts line ln with a
// marker n bytes long. Its title is the first sentence after the marker.
func (d *doc) openSection(parent *section, style string, ln span, n int) *section {
	number := strings.TrimSpace(d.data[ln.start : ln.start+n])
	number = strings.TrimRight(number, ",，、:： ")
	body := span{ln.start + n, ln.end}
	sents := sentenceSpans(d.data, body)
	head := sents[0]
	// "1. Developing the home textile industry: focus on supporting …": a
	// short title ends at a colon, and the rest is body text.
	if c := strings.IndexAny(d.data[head.start:head.end], ":："); c > 0 {
		colon := head.start + c
		_, size := utf8.DecodeRuneInString(d.data[colon:])
		rest := trimSpan(d.data, span{colon + size, head.end})
		if rest.end > rest.start && len(strings.Fields(d.data[head.start:colon])) <= 12 {
			sents = append([]span{{head.start, colon + size}, rest}, sents[1:]...)
			head = sents[0]
		}
	}
	title := strings.TrimSpace(d.data[head.start:head.end])
	title = strings.TrimRightFunc(title, func(r rune) bool { return strings.ContainsRune(".。:：;；,，", r) || unicode.IsSpace(r) })

	sec := &section{number: number, title: title, style: style, parent: parent, heading: span{ln.start, head.end}, titleAt: head.start}
	path := ""
	if parent != nil {
		parent.children++
		sec.index = parent.children
		sec.depth = parent.depth + 1
		path = strings.TrimPrefix(parent.entity.ID, kg.KindSection.Slug()+"/"+d.slug+"/") + "." + strconv.Itoa(parent.children)
	} else {
		d.topSections++
		path = strconv.Itoa(d.topSections)
	}
	id := kg.KindSection.Slug() + "/" + d.slug + "/" + path
	name := title
	if name == "" {
		name = number
	}
	sec.entity = d.b.entity(kg.KindSection, id, id, name, kg.Source{})
	sec.entity.Number = number
	d.b.addSource(sec.entity, d.sourceSpan(sec.heading, sec))
	d.sections = append(d.sections, sec)

	// The heading is a sentence of its own; the rest of the line follows.
	sec.headSent = d.newSentence(sec.heading, sec, true)
	d.sents = append(d.sents, sec.headSent)
	for _, s := range sents[1:] {
		d.sents = append(d.sents, d.newSentence(s, sec, false))
	}
	return sec
}

func (d *doc) linkSections() {
	for _, s := range d.sections {
		to := d.program
		if s.parent != nil {
			to = s.parent.entity
		}
		d.b.relate(kg.PartOf, s.entity, to, d.sourceSpan(s.heading, s))
	}
}

func (d *doc) addSentences(ln span, sec *section, heading bool) {
	for _, s := range sentenceSpans(d.data, ln) {
		d.sents = append(d.sents, d.newSentence(s, sec, heading))
	}
}

func (d *doc) newSentence(sp span, sec *section, heading bool) *sentence {
	s := &sentence{span: sp, sec: sec, heading: heading, index: len(d.sents)}
	s.toks = tokenize(d.data[sp.start:sp.end], sp.start)
	s.mask = quotedSpans(d.data, sp)
	return s
}

// quotedSpans finds the quoted stretches of a sentence ("…", “…”, 《…》):
// titles and slogans, not statements of the program.
func quotedSpans(data string, sp span) []span {
	var out []span
	text := data[sp.start:sp.end]
	open := -1
	var closer rune
	for i, r := range text {
		switch {
		case open < 0 && (r == '"' || r == '“' || r == '《' || r == '「'):
			open = i
			closer = map[rune]rune{'"': '"', '“': '”', '《': '》', '「': '」'}[r]
		case open >= 0 && r == closer:
			out = append(out, span{sp.start + open, sp.start + i + utf8.RuneLen(r)})
			open = -1
		}
	}
	return out
}

// masked reports whether byte offset p lies in a masked stretch of s.
func (s *sentence) masked(p int) bool {
	_, ok := s.maskAt(p)
	return ok
}

// titleFrom is the index of a heading's first token after its marker ("(1)
// the output value …" starts at "the"); 0 for other sentences.
func (s *sentence) titleFrom() int {
	i := 0
	for s.heading && s.sec != nil && i < len(s.toks) && s.toks[i].start < s.sec.titleAt {
		i++
	}
	return i
}

// maskAt returns the masked span holding byte offset p.
func (s *sentence) maskAt(p int) (span, bool) {
	for _, m := range s.mask {
		if p >= m.start && p < m.end {
			return m, true
		}
	}
	return span{}, false
}
