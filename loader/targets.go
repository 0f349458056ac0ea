package loader

import (
	"regexp"
	"strconv"
	"strings"

	"policykg/kg"
)

// quantity is a value expression: optional comparator, a number or range,
// and a unit ("more than 50 billion yuan", "3 to 5", "60%").
type quantity struct {
	from, to int // tokens of the whole expression
	num      int // first token of the number
	value    float64
	valueMax *float64
	unit     string
	cmp      string
	year     *int
}

// numberAt reads a number at toks[i]: digits ("250,000", "2.5") or number
// words ("three", "one hundred"). It returns the value and its length.
func (d *doc) numberAt(toks []token, i int) (float64, int) {
	if i >= len(toks) {
		return 0, 0
	}
	t := toks[i]
	if t.raw != "" && t.raw[0] >= '0' && t.raw[0] <= '9' {
		v, err := strconv.ParseFloat(strings.ReplaceAll(t.raw, ",", ""), 64)
		if err != nil {
			return 0, 0 // "5G", "R&D"
		}
		return v, 1
	}
	if n, val := d.v.numberWords.match(toks, i); n > 0 {
		v, _ := strconv.ParseFloat(val, 64)
		return v, n
	}
	return 0, 0
}

func isYear(v float64, t token) bool {
	return v >= 1949 && v <= 2100 && v == float64(int(v)) && len(t.raw) == 4
}

// yearCue is a year the sentence sets goals for: "By 2020", "in 2018",
// "Strive to 2020", or a year opening the sentence ("2017 high-tech …").
type yearCue struct {
	tok  int
	year int
}

var yearLead = map[string]bool{"by": true, "for": true, "in": true, "to": true, "until": true, "till": true, "before": true, "of": true, "end": true, "year": true}

func (d *doc) yearCues(s *sentence) []yearCue {
	var out []yearCue
	for i, t := range s.toks {
		// "this year" is the year of the document's title: "Work Report
		// (2024) … Main targets for this year".
		if t.norm == "year" && i > 0 && strings.EqualFold(s.toks[i-1].raw, "this") && d.docYear > 0 {
			out = append(out, yearCue{i, d.docYear})
			continue
		}
		v, n := d.numberAt(s.toks, i)
		if n != 1 || !isYear(v, t) || s.masked(t.start) {
			continue
		}
		// Periods "(2017-2020)" and codes are no goal years.
		if i+1 < len(s.toks) && (s.toks[i+1].raw == "-" || s.toks[i+1].raw == "–") || i > 0 && (s.toks[i-1].raw == "-" || s.toks[i-1].raw == "–" || s.toks[i-1].raw == "[") {
			continue
		}
		first := true
		for _, p := range s.toks[:i] {
			if !p.punct() {
				first = false
				break
			}
		}
		if first || (i > 0 && yearLead[s.toks[i-1].norm]) {
			out = append(out, yearCue{i, int(v)})
		}
	}
	return out
}

// inPlanPeriod reports whether the clause of a quantity dates it by the
// plan period: "by the end of the plan period".
func (d *doc) inPlanPeriod(toks []token, q quantity) bool {
	for k := q.to; k+1 < len(toks) && !isClauseEnd(toks[k].raw) && toks[k].raw != ","; k++ {
		if toks[k].norm == "plan" && toks[k+1].norm == "period" {
			return true
		}
	}
	return false
}

// planPeriodRe finds the period a title's plan runs over: "(2023-2025)".
var planPeriodRe = regexp.MustCompile(`[(（]\s*(?:19|20)\d\d\s*[-–—~至]\s*((?:19|20)\d\d)\s*[)）]`)

// titleHeading reports whether a heading is a title rather than a list
// item that states something: a goal stated as an item ("(1) the output
// value reaches 60 billion yuan;") is read, a title ("II. Main targets
// for 2024") is not.
func (d *doc) titleHeading(s *sentence) bool {
	for k, t := range s.toks {
		if d.v.goalModal[t.norm] {
			return false
		}
		if n, _ := d.v.comparators.match(s.toks, k); n > 0 {
			return false
		}
		if n := d.v.goalVerbs.matchEnd(s.toks, k+1); n > 0 && k > 0 && s.toks[k].norm != "of" && s.toks[k].norm != "to" {
			return false
		}
	}
	return true
}

// opensList reports whether a sentence introduces what follows or is an
// item of a list that goes on: "… the following goals:", "(1) …;".
func opensList(s *sentence) bool {
	n := len(s.toks)
	return n > 0 && (s.toks[n-1].raw == ":" || s.toks[n-1].raw == "：" || s.toks[n-1].raw == ";" || s.toks[n-1].raw == "；")
}

// titleYearRe finds the year a title dates its document by: "(2024)", or
// the first of a period "(2024-2026)".
var titleYearRe = regexp.MustCompile(`[(（]\s*((?:19|20)\d\d)\s*(?:[)）]|[-–—~至])`)

// quantityAt reads a quantity starting at toks[i] (at its comparator or number).
func (d *doc) quantityAt(toks []token, i int) (quantity, bool) {
	q := quantity{from: i, cmp: kg.Equal, unit: "count"}
	j := i
	if n, cmp := d.v.comparators.match(toks, j); n > 0 {
		q.cmp = cmp
		j += n
	}
	v, n := d.numberAt(toks, j)
	if n == 0 {
		return q, false
	}
	q.num, q.value = j, v
	j += n
	// A range: "3 to 5", "5-10", "three to five".
	if j+1 < len(toks) && (toks[j].norm == "to" || toks[j].raw == "-" || toks[j].raw == "~" || toks[j].raw == "–") {
		if v2, n2 := d.numberAt(toks, j+1); n2 > 0 && v2 > v {
			q.valueMax = &v2
			q.cmp = kg.Range
			j += 1 + n2
		}
	}
	if n, unit := d.v.units.match(toks, j); n > 0 {
		q.unit = unit
		j += n
	}
	q.to = j
	return q, true
}

// goalBefore reports whether a goal verb ("reached", "added", "construction
// of") ends just before toks[i], allowing "the".
func (d *doc) goalBefore(toks []token, i int) bool {
	k := i
	if k > 0 && toks[k-1].norm == "the" {
		k--
	}
	return d.v.goalVerbs.matchEnd(toks, k) > 0
}

// targets finds the numeric goals of the program, sentence by sentence,
// with the year in force (stated in the sentence or earlier in its
// section), and links each to the industry, group or program it is set for.
func (d *doc) targets() {
	var ctx *int
	var ctxSec *section
	// The first year the program sets goals for ("By 2020", "to 2022"):
	// figures of earlier years stated in the past tense are baselines.
	d.firstGoalYear = 0
	cues := make([][]yearCue, len(d.sents))
	// A heading's year holds for its whole section: "II. Main targets for
	// 2024", "I. Review of work in 2023".
	headYear := map[*section]int{}
	d.docYear, d.planEnd = 0, 0
	if m := titleYearRe.FindStringSubmatch(d.title); m != nil {
		d.docYear, _ = strconv.Atoi(m[1])
	}
	if m := planPeriodRe.FindStringSubmatch(d.title); m != nil {
		d.planEnd, _ = strconv.Atoi(m[1])
	}
	for i, s := range d.sents {
		cues[i] = d.yearCues(s)
		for _, c := range cues[i] {
			lead := ""
			if c.tok > 0 {
				lead = s.toks[c.tok-1].norm
			}
			if strings.EqualFold(s.toks[max(c.tok-1, 0)].raw, "this") && c.tok > 1 {
				lead = s.toks[c.tok-2].norm // "for this year"
			}
			if (lead == "by" || lead == "to" || s.heading && lead == "for") && (d.firstGoalYear == 0 || c.year < d.firstGoalYear) {
				d.firstGoalYear = c.year
			}
			if s.heading && s.sec != nil {
				headYear[s.sec] = c.year
			}
		}
	}
	table := d.tableTargets()
	for i, s := range d.sents {
		if table[s] {
			continue
		}
		// A new section resets the year in force, unless it is an item of
		// a list the sentence before introduced: "By 2027, strive to
		// achieve the following goals: (1) …; (2) …".
		if s.sec != ctxSec && !(i > 0 && opensList(d.sents[i-1]) && ctx != nil) {
			ctx, ctxSec = nil, s.sec
			for sec := s.sec; sec != nil; sec = sec.parent {
				if y, ok := headYear[sec]; ok {
					ctx = &y
					break
				}
			}
		}
		ctxSec = s.sec
		qs := d.sentenceQuantities(s, cues[i], ctx)
		d.targetGroups(s, qs, cues[i])
		if c := cues[i]; len(c) > 0 {
			y := c[len(c)-1].year
			ctx = &y
		}
	}
}

// tableTargets reads indicator tables rendered as text lines, cells
// between "|": a header row names the goal column by its year ("Indicator |
// Unit | 2020 | 2025 target"), and each row below gives one target, its
// metric the first cell, its unit the unit column or the metric's brackets
// ("Revenue (billion yuan) | 408.3 | 550"). It returns the rows it read.
func (d *doc) tableTargets() map[*sentence]bool {
	rows := map[*sentence]bool{}
	goal, unitCol, year := -1, -1, 0
	for _, s := range d.sents {
		cells := tableCells(d.data, s.span)
		if len(cells) < 3 || s.heading {
			goal = -1
			continue
		}
		if col, y, unit := d.goalColumn(cells); col >= 0 {
			goal, year, unitCol = col, y, unit
			rows[s] = true
			continue
		}
		if goal < 0 || goal >= len(cells) {
			continue
		}
		rows[s] = true
		// The value: "200", "[14]" (a five-year cumulative), not "-".
		q, ok := quantity{}, false
		for k, t := range s.toks {
			if t.start >= cells[goal].start && t.end <= cells[goal].end && t.raw != "[" {
				q, ok = d.quantityAt(s.toks, k)
				break
			}
		}
		if !ok {
			continue
		}
		metric := strings.TrimSpace(d.data[cells[0].start:cells[0].end])
		unitText := ""
		if unitCol >= 0 && unitCol < len(cells) {
			unitText = d.data[cells[unitCol].start:cells[unitCol].end]
		} else if o := strings.LastIndexByte(metric, '('); o > 0 && strings.HasSuffix(metric, ")") {
			metric, unitText = strings.TrimSpace(metric[:o]), metric[o+1:len(metric)-1]
		}
		q.unit = "count"
		if ut := tokenize(unitText, 0); len(ut) > 0 {
			if n, u := d.v.units.match(ut, 0); n > 0 {
				q.unit = u
			}
		}
		y := year
		q.year, q.cmp = &y, kg.Equal
		d.target(s, q, metric, 0, len(s.toks), d.program)
	}
	return rows
}

// tableCells splits a line into the spans of its cells between "|", or
// returns nil for a line that is no table row.
func tableCells(data string, sp span) []span {
	line := data[sp.start:sp.end]
	if strings.Count(line, "|") < 2 {
		return nil
	}
	var out []span
	from := 0
	for {
		k := strings.IndexByte(line[from:], '|')
		end := len(line)
		if k >= 0 {
			end = from + k
		}
		c := trimSpan(data, span{sp.start + from, sp.start + end})
		out = append(out, c)
		if k < 0 {
			return out
		}
		from = end + 1
	}
}

// goalColumn reads a table's header row: the column of the goal year (the
// last year, or the one marked "target"), that year, and the unit column
// (-1 if none). col is -1 when the row is no header.
func (d *doc) goalColumn(cells []span) (col, year, unit int) {
	col, unit = -1, -1
	marked := false
	for c, sp := range cells {
		toks := tokenize(d.data[sp.start:sp.end], 0)
		if len(toks) == 1 && toks[0].norm == "unit" {
			unit = c
		}
		if len(toks) > 3 {
			continue
		}
		for k, t := range toks {
			v, n := d.numberAt(toks, k)
			if n != 1 || !isYear(v, t) {
				continue
			}
			mark := hasWord(toks, "target") || hasWord(toks, "goal")
			if !marked || mark {
				col, year, marked = c, int(v), mark
			}
		}
	}
	return col, year, unit
}

// sentenceQuantities returns the quantities of a sentence that state goals.
func (d *doc) sentenceQuantities(s *sentence, cues []yearCue, ctx *int) []quantity {
	toks := s.toks
	var out []quantity
	if s.heading && d.titleHeading(s) {
		return nil
	}
	for i := s.titleFrom(); i < len(toks); i++ {
		if s.masked(toks[i].start) {
			continue
		}
		q, ok := d.quantityAt(toks, i)
		if !ok {
			continue
		}
		numTok := toks[q.num]
		next := ""
		if q.to < len(toks) {
			next = toks[q.to].raw
		}
		prev := ""
		if q.from > 0 {
			prev = toks[q.from-1].norm
		}
		switch {
		case isYear(q.value, numTok) && q.unit == "count",
			q.valueMax == nil && q.unit == "count" && (next == "-" || next == "+" || next == "–"),
			prev == "+" || prev == "top" || prev == "no" || prev == "-",
			q.to < len(toks) && d.notAfter(toks, q.to) && q.unit == "count":
			i = q.to - 1
			continue
		}
		if d.incentive(toks, q) || q.from > 0 && d.v.month[toks[q.from-1].norm] {
			i = q.to - 1
			continue // "a reward of 1 million yuan", "June 12"
		}
		if q.unit == "count" && q.value >= 1e8 && !strings.ContainsAny(toks[q.num].raw, ",.") {
			i = q.to - 1
			continue // an index or code number: "3207000011"
		}
		if q.value == 1 && q.to < len(toks) && toks[q.to].norm == "of" || q.to < len(toks) && toks[q.to].raw == "ones" {
			i = q.to - 1
			continue // "is one of", "are the ones"
		}
		if q.from > 0 && toks[q.from-1].norm == "per" {
			i = q.to - 1
			continue // the base of a rate: "360 units per 10,000 people"
		}
		if n, key := d.groupAt(toks, q.num); n > 0 && (d.groups[key] != nil || q.num > 0 && toks[q.num-1].norm == "the") {
			i = q.num + n - 1
			continue // "four major industries", "the eight chains": a group, not a goal
		}
		if len(out) > 0 && qualifies(toks, out[len(out)-1].to, q.from) || criterion(toks, q) {
			i = q.to - 1
			continue // "3 to 5 leading enterprises with income exceeding 10 billion yuan"
		}
		q.year = d.yearFor(s, q, cues, ctx)
		// "by the end of the plan period", "during the plan period": the
		// last year of the period in the title.
		if d.planEnd > 0 && d.inPlanPeriod(toks, q) {
			y := d.planEnd
			q.year = &y
		}
		if q.year == nil && q.valueMax == nil || d.baseline(s, q, cues) {
			i = q.to - 1
			continue
		}
		clauseEnd := next == "" || next == "," || next == ";" || next == "." || next == "；" || next == "，" || next == "。" || next == ")"
		coordinated := (next == "and" || prev == "and") && len(out) > 0
		if q.cmp == kg.Equal && q.unit == "count" && q.valueMax == nil && !clauseEnd && !coordinated && !d.goalBefore(toks, q.from) && next != "and" && !d.passiveGoal(toks, q.to) {
			i = q.to - 1
			continue
		}
		out = append(out, q)
		i = q.to - 1
	}
	return out
}

// pastClause reports whether the clause of a quantity dates it in the past
// ("last year", "so far") and sets no goal ("will", "should").
func (d *doc) pastClause(s *sentence, q quantity) bool {
	from, to := q.from, q.to
	for from > 0 && !isClauseEnd(s.toks[from-1].raw) && s.toks[from-1].raw != "," {
		from--
	}
	for to < len(s.toks) && !isClauseEnd(s.toks[to].raw) && s.toks[to].raw != "," {
		to++
	}
	past := false
	for k := from; k < to; k++ {
		if d.v.goalModal[s.toks[k].norm] {
			return false
		}
		if n, _ := d.v.pastMarker.match(s.toks[:to], k); n > 0 {
			past = true
		}
	}
	return past
}

// yearFor is the year a quantity's goal is set for: the last year cue
// before it in the sentence, else one later in the same clause ("… more
// than 60% … in 2018;"), else the year in force from earlier sentences.
func (d *doc) yearFor(s *sentence, q quantity, cues []yearCue, ctx *int) *int {
	// "exceed 190 billion yuan in 2025": a year right after the quantity,
	// in its clause, is its own.
	for _, c := range cues {
		if c.tok > q.to && c.tok <= q.to+3 && yearLead[s.toks[c.tok-1].norm] && !clauseBreakBetween(s.toks, q.to, c.tok) {
			v := c.year
			return &v
		}
	}
	var y *int
	for _, c := range cues {
		if c.tok < q.from {
			v := c.year
			y = &v
		}
	}
	if y != nil {
		return y
	}
	for _, c := range cues {
		if c.tok > q.to && !clauseBreakBetween(s.toks, q.to, c.tok) {
			v := c.year
			return &v
		}
	}
	return ctx
}

func clauseBreakBetween(toks []token, from, to int) bool {
	for _, t := range toks[from:to] {
		if t.raw == ";" || t.raw == "；" || t.raw == "," || t.raw == "，" {
			return true
		}
	}
	return false
}

// listGlue may stand between the values of one list: "63,000 people and
// 42,000 people, respectively", "50 billion yuan, 50 billion yuan".
func listGlue(toks []token) bool {
	for _, t := range toks {
		switch t.norm {
		case ",", "，", "、", "and", "respectively", "":
		default:
			return false
		}
	}
	return true
}

// metricStop are words trimmed from the ends of a metric.
var metricStop = map[string]bool{
	"the": true, "city's": true, "and": true, "by": true, "in": true, "to": true, "strive": true, "of": true,
	"ha": true, "has": true, "have": true, "will": true, "is": true, "are": true, "be": true, "was": true,
	"were": true, "basically": true, "respectively": true, "a": true, "city": true, "whole": true,
	"our": true, "its": true, "which": true, "with": true, "further": true, "year": true, "end": true,
}

// targetGroups turns the quantities of a sentence into Target entities.
// Quantities joined only by commas and "and" form one list that shares a
// metric; a list's values go one to each industry named before it when the
// counts agree ("A, B, C … 50, 50, 30 billion yuan").
func (d *doc) targetGroups(s *sentence, qs []quantity, cues []yearCue) {
	if len(qs) == 0 {
		return
	}
	toks := s.toks
	mentions := d.scanIndustries(s, true, false) // once for all the lists
	var prevMetric string
	// A heading's marker ("(1)") is no part of a metric.
	segStart, metricEnd := s.titleFrom(), 0
	for a := 0; a < len(qs); {
		b := a + 1
		for b < len(qs) && listGlue(toks[qs[b-1].to:qs[b].from]) {
			b++
		}
		group := qs[a:b]
		// The clause before the list: from the last boundary.
		start := group[0].from
		for start > segStart && !isClauseEnd(toks[start-1].raw) && !isListSep(toks[start-1].raw) {
			start--
		}
		// Subjects are named after the year cue and the previous list.
		subjFrom := segStart
		for _, c := range cues {
			if c.tok < group[0].from && c.tok+1 > subjFrom {
				subjFrom = c.tok + 1
			}
		}
		for k := subjFrom; k < group[0].from; k++ {
			if toks[k].raw == ";" || toks[k].raw == "；" {
				subjFrom = k + 1
			}
		}
		// The clause after the previous list may be that list's metric
		// ("more than 120 leading talents and more than 8 leading teams").
		start = max(start, metricEnd)
		subjects, groupSubject, subjFirst, subjEnd := d.targetSubjects(s, mentions, subjFrom, group[0].from)
		// A metric after the subjects ("the city's A, B and C main business
		// income") leaves them out; one around them ("the output value of
		// the steel industry") keeps them.
		if subjFirst < group[0].from && (subjFirst < start || contentless(toks[start:subjFirst])) {
			start = max(start, subjEnd)
		}
		propagate(group)
		metric, mFrom, mTo := d.metric(s, start, group)
		metricEnd = max(metricEnd, mTo)
		if strings.HasSuffix(metric, " of") && prevMetric != "" {
			metric += " " + prevMetric
		}
		if metric == "" {
			metric = prevMetric
		}
		prevMetric = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(metric, " added"), " new"))
		for k, q := range group {
			var subj []*kg.Entity
			switch {
			case len(group) == 1 && groupSubject != nil:
				// "The five … industries: A, B, C, D and E, the output value
				// … reach 25%": one goal of the group.
				subj = []*kg.Entity{groupSubject}
			case len(subjects) == len(group) && len(group) > 1:
				subj = []*kg.Entity{subjects[k]}
			case len(group) == 1 && len(subjects) > 0:
				subj = subjects
			default:
				subj = []*kg.Entity{d.program}
			}
			for _, sub := range subj {
				d.target(s, q, metric, min(mFrom, q.from), max(mTo, q.to), sub)
			}
		}
		segStart = group[len(group)-1].to
		a = b
	}
}

// metric is what a list of quantities counts, in the document's words: the
// clause before it ("the total number of high-tech enterprises exceeded"),
// or, when that holds only verbs, the words after it ("more than 120
// innovative … leading talents"). It returns the text and its token span.
func (d *doc) metric(s *sentence, start int, group []quantity) (string, int, int) {
	toks := s.toks
	from, to := min(start, group[0].from), group[0].from
	trim := func() {
		for from < to && (toks[from].punct() || metricStop[toks[from].norm] || d.isYearTok(toks[from]) || d.v.goalVerbs.matchEnd(toks, from+1) == 1 && d.goalOnly(toks[from])) {
			from++
		}
		for to > from && (toks[to-1].punct() || metricStop[toks[to-1].norm] || d.goalOnly(toks[to-1])) {
			if toks[to-1].norm == "of" && to-2 > from && (toks[to-2].norm == "number" || toks[to-2].norm == "total") {
				break // "the total number of" keeps its "of" to be completed
			}
			to--
		}
	}
	trim()
	if countWords(toks[from:to]) == 0 {
		last := group[len(group)-1]
		from, to = last.to, last.to
		for to < len(toks) && !isClauseEnd(toks[to].raw) && !isListSep(toks[to].raw) {
			if toks[to].norm == "and" && to+1 < len(toks) {
				if _, ok := d.quantityAt(toks, to+1); ok {
					break
				}
			}
			to++
		}
		trim()
	}
	if to <= from {
		return "", group[0].from, group[0].from
	}
	return d.data[toks[from].start:toks[to-1].end], from, to
}

// goalOnly is a goal verb that carries no meaning of its own in a metric.
func (d *doc) goalOnly(t token) bool { return d.v.metricVerbs[t.norm] }

func (d *doc) isYearTok(t token) bool {
	v, err := strconv.ParseFloat(t.raw, 64)
	return err == nil && isYear(v, t)
}

// targetSubjects are the industries (or else the industry groups) named in
// toks[from:to] of a sentence, given its industry mentions, the one group named there if any, and the
// indexes of the first name and after the last name of either.
func (d *doc) targetSubjects(s *sentence, mentions []industryMention, from, to int) ([]*kg.Entity, *kg.Entity, int, int) {
	var out []*kg.Entity
	first, end := to, from
	for _, m := range mentions {
		if m.from >= from && m.to <= to {
			out = appendUnique(out, m.ent)
			first, end = min(first, m.from), max(end, m.to)
		}
	}
	var groups []*kg.Entity
	for k := from; k < to; k++ {
		if n, key := d.groupAt(s.toks, k); n > 0 && d.groups[key] != nil {
			groups = appendUnique(groups, d.groups[key])
			first, end = min(first, k), max(end, k+n)
		}
	}
	var group *kg.Entity
	if len(groups) == 1 {
		group = groups[0]
	}
	if len(out) == 0 {
		out = groups
	}
	return out, group, first, end
}

// contentless reports whether toks hold no word a metric is made of.
func contentless(toks []token) bool {
	for _, t := range toks {
		if !t.punct() && !metricStop[t.norm] {
			return false
		}
	}
	return true
}

// propagate shares a list's comparator forward and its unit backward: "more
// than 50 billion yuan, 50 billion yuan" and "3, 5 and 7 billion yuan".
func propagate(group []quantity) {
	for k := 1; k < len(group); k++ {
		if group[k].cmp == kg.Equal && group[k-1].cmp != kg.Range {
			group[k].cmp = group[k-1].cmp
		}
	}
	for k := len(group) - 2; k >= 0; k-- {
		if group[k].unit == "count" {
			group[k].unit = group[k+1].unit
		}
	}
}

// target adds (or, for a goal stated again, adds a source to) a Target.
func (d *doc) target(s *sentence, q quantity, metric string, from, to int, subject *kg.Entity) {
	name := d.data[s.toks[from].start:s.toks[to-1].end]
	src := d.source(s)
	bucket := targetBucket(q, subject)
	for _, e := range d.targetsBy[bucket] {
		if d.sameTarget(e, q, metric, subject) {
			d.b.addSource(e, src)
			d.b.relate(kg.HasTarget, subject, e, src)
			return
		}
	}
	year := "any"
	if q.year != nil {
		year = strconv.Itoa(*q.year)
	}
	stem := year + "-" + strings.Join(firstWords(metric, 5), " ") + "-" + strconv.FormatFloat(q.value, 'f', -1, 64)
	if subject != d.program {
		stem += "-" + subject.ID[strings.LastIndexByte(subject.ID, '/')+1:]
	}
	id := kg.ID(kg.KindTarget, d.slug, stem)
	e := d.b.entity(kg.KindTarget, id, id, name, src)
	e.Metric, e.Year, e.Value, e.ValueMax, e.Unit, e.Comparator = metric, q.year, q.value, q.valueMax, q.unit, q.cmp
	d.targetsBy[bucket] = append(d.targetsBy[bucket], e)
	d.targetSubject[e] = subject
	d.b.relate(kg.HasTarget, subject, e, src)
}

func firstWords(s string, n int) []string {
	var out []string
	for _, t := range tokenize(s, 0) {
		if !t.punct() && !metricStop[t.norm] && len(out) < n {
			out = append(out, t.norm)
		}
	}
	return out
}

// targetBucket groups the targets that may be the same goal: same subject,
// year and values.
func targetBucket(q quantity, subject *kg.Entity) string {
	key := subject.ID + "|" + strconv.FormatFloat(q.value, 'g', -1, 64)
	if q.valueMax != nil {
		key += "-" + strconv.FormatFloat(*q.valueMax, 'g', -1, 64)
	}
	if q.year != nil {
		key += "|" + strconv.Itoa(*q.year)
	}
	return key
}

// sameTarget: the same goal stated again has the same subject, year, values
// and compatible unit, and a metric sharing most of its words.
func (d *doc) sameTarget(e *kg.Entity, q quantity, metric string, subject *kg.Entity) bool {
	if d.targetSubject[e] != subject || e.Value != q.value || (e.ValueMax == nil) != (q.valueMax == nil) ||
		(e.ValueMax != nil && *e.ValueMax != *q.valueMax) || (e.Year == nil) != (q.year == nil) || (e.Year != nil && *e.Year != *q.year) {
		return false
	}
	if e.Unit != q.unit && !(e.Unit == "count" && q.unit == "people" || e.Unit == "people" && q.unit == "count") {
		return false
	}
	a, b := contentWords(e.Metric), contentWords(metric)
	if len(a) == 0 || len(b) == 0 {
		return len(a) == len(b)
	}
	shared := 0
	for w := range a {
		if b[w] {
			shared++
		}
	}
	return shared*2 >= min(len(a), len(b))
}

func contentWords(s string) map[string]bool {
	m := map[string]bool{}
	for _, t := range tokenize(strings.ReplaceAll(s, "R & D", "R&D"), 0) {
		if !t.punct() && !metricStop[t.norm] && len(t.norm) > 2 {
			w := t.norm
			// "leader", "leading", "leadership" → "lead"; "cultivation" → "cultivat".
			for _, suf := range []string{"ership", "ing", "er", "ion", "ed", "al"} {
				if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
					w = w[:len(w)-len(suf)]
					break
				}
			}
			m[w] = true
		}
	}
	return m
}

func (d *doc) notAfter(toks []token, i int) bool {
	n, _ := d.v.notAfter.match(toks, i)
	return n > 0
}

// incentive reports whether an amount is a reward, subsidy or limit: an
// incentive word ends within the few words before it, in its clause ("a
// subsidy of 3 million yuan, 5 million yuan and 10 million yuan", "shall
// not exceed 30 million yuan").
func (d *doc) incentive(toks []token, q quantity) bool {
	for k := q.from - 1; k >= 0 && k >= q.from-8; k-- {
		if isClauseEnd(toks[k].raw) {
			return false
		}
		if n, _ := d.v.incentive.match(toks[:q.num], k); n > 0 {
			return true
		}
	}
	return false
}

// criterion reports whether q is a condition stated with "with" just
// before it: "enterprises with annual revenue over 1 billion yuan".
func criterion(toks []token, q quantity) bool {
	if q.cmp == kg.Equal || q.cmp == kg.Range {
		return false
	}
	for k := q.from - 1; k >= 0 && k >= q.from-12; k-- {
		if isClauseEnd(toks[k].raw) || isListSep(toks[k].raw) {
			return false
		}
		if toks[k].norm == "whose" || toks[k].norm == "with" && k >= q.from-6 {
			// "…, with the added value exceeding 1.3 trillion yuan" states
			// the goal; "enterprises with income over 1 billion" a criterion.
			return k == 0 || !isListSep(toks[k-1].raw)
		}
	}
	return false
}

// passiveGoal reports whether the clause after a number ends in a passive
// goal: "ten … enterprises … are cultivated", "… will be built".
func (d *doc) passiveGoal(toks []token, j int) bool {
	for k := j; k < len(toks) && k < j+16; k++ {
		t := toks[k]
		if isClauseEnd(t.raw) || isListSep(t.raw) {
			return false
		}
		if (t.norm == "are" || t.norm == "is" || t.norm == "be") && k+1 < len(toks) && d.v.participles[toks[k+1].norm] {
			return true
		}
	}
	return false
}

// qualifies reports whether toks[from:to], between a goal and a later
// number, makes that number a condition of the goal ("… enterprises with
// main business income exceeding …") rather than a goal of its own.
func qualifies(toks []token, from, to int) bool {
	with := false
	for _, t := range toks[from:to] {
		switch {
		case isClauseEnd(t.raw) || isListSep(t.raw):
			return false
		case t.norm == "with" || t.norm == "whose" || t.norm == "each":
			with = true
		}
	}
	return with
}

// baseline reports whether q is a figure already reached: a year before the
// program's first goal year, stated with a past-tense verb in its clause.
func (d *doc) baseline(s *sentence, q quantity, cues []yearCue) bool {
	// "built 386,000 vehicles last year": dated in the past, unless a modal
	// makes it a goal.
	if d.pastClause(s, q) {
		return true
	}
	// "up from 41 billion yuan", "rose from 61% to 70.5%": where it starts.
	if q.from > 0 && s.toks[q.from-1].norm == "from" {
		return true
	}
	if q.year == nil || d.firstGoalYear == 0 || *q.year >= d.firstGoalYear {
		return false
	}
	// "In 2020, the scale … reached 118 billion yuan": an earlier year
	// introduced by "in" is a state of affairs, not a goal.
	for k := 1; k < len(s.toks) && k < q.from; k++ {
		if v, n := d.numberAt(s.toks, k); n == 1 && isYear(v, s.toks[k]) && int(v) == *q.year && s.toks[k-1].norm == "in" {
			return true
		}
	}
	modal := false
	for k := q.from - 1; k >= 0 && !isClauseEnd(s.toks[k].raw); k-- {
		if n, _ := d.v.baseline.match(s.toks, k); n > 0 && k+n <= q.from {
			return true
		}
		modal = modal || d.v.goalModal[s.toks[k].norm]
	}
	// A figure of a year before the first one the program sets goals
	// for, which the sentence does not state ("I. Review of work in 2023"
	// holds for it), with no "will" or "strive" to make it a goal, is a
	// result. A stated year may still open a goal: "2017 … added 7".
	return !modal && len(cues) == 0
}
