package loader

import (
	"fmt"
	"strconv"

	"policykg/kg"
	"policykg/loader/lexicon"
)

// phrases matches multi-word phrases against token sequences, longest first.
type phrases struct {
	byFirst map[string][]phrase
}

type phrase struct {
	words []string
	value string
}

// key is how a token is compared: its normalised word, or the mark itself.
func (t token) key() string {
	if t.norm != "" {
		return t.norm
	}
	return t.raw
}

func newPhrases() *phrases { return &phrases{byFirst: map[string][]phrase{}} }

func (p *phrases) add(text, value string) {
	toks := tokenize(text, 0)
	if len(toks) == 0 {
		return
	}
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.key()
	}
	p.byFirst[words[0]] = append(p.byFirst[words[0]], phrase{words, value})
}

func phraseSet(items []string) *phrases {
	p := newPhrases()
	for _, it := range items {
		p.add(it, it)
	}
	return p
}

// match returns the length in tokens and the value of the longest phrase
// starting at toks[i], or 0.
func (p *phrases) match(toks []token, i int) (int, string) {
	if i < 0 || i >= len(toks) {
		return 0, ""
	}
	best, val := 0, ""
	for _, ph := range p.byFirst[toks[i].key()] {
		n := len(ph.words)
		if n <= best || i+n > len(toks) {
			continue
		}
		ok := true
		for k := 1; k < n; k++ {
			if toks[i+k].key() != ph.words[k] {
				ok = false
				break
			}
		}
		if ok {
			best, val = n, ph.value
		}
	}
	return best, val
}

// matchEnd returns the length of the longest phrase ending at toks[j-1].
func (p *phrases) matchEnd(toks []token, j int) int {
	best := 0
	for i := j - 1; i >= 0 && i >= j-8; i-- {
		if n, _ := p.match(toks, i); n == j-i && n > best {
			best = n
		}
	}
	return best
}

func wordSet(items []string) map[string]bool {
	m := make(map[string]bool, len(items))
	for _, it := range items {
		m[norm(it)] = true
	}
	return m
}

// vocab is the lexicon compiled for matching; built once per Loader.
type vocab struct {
	lex *lexicon.Lexicon

	industries      *phrases // term → industry index
	industryWeak    map[string]bool
	industryKeyword []map[string]bool
	anyKeyword      map[string]bool // the union of industryKeyword
	orgHeads        *phrases        // head word → kind
	govPrefix       map[string]bool

	backboneAdj    map[string]bool
	enterpriseNoun map[string]bool
	listIntro      *phrases
	backboneLead   *phrases
	strongLead     map[string]bool // leads after which one bare name is an enterprise
	industryHead   *phrases        // "industry", "industrial chain", "clusters" …
	productIntro   *phrases
	responsible    *phrases
	cooperation    *phrases
	coopIntro      *phrases
	genericWord    map[string]bool
	groupWord      map[string]bool
	listStart      *phrases
	clauseVerb     map[string]bool
	nonName        map[string]bool

	comparators    *phrases
	goalVerbs      *phrases
	units          *phrases
	numberWords    *phrases
	notAfter       *phrases
	baseline       *phrases
	participles    map[string]bool
	docWords       map[string]bool
	metricVerbs    map[string]bool
	genericProduct map[string]bool
	roleVerb       map[string]bool
	goalModal      map[string]bool
	pastMarker     *phrases
	pageLabels     *phrases
	facilityWord   map[string]bool
	placeWord      map[string]bool
	taskAdjective  map[string]bool
	implementLead  *phrases
	incentive      *phrases
	month          map[string]bool
	roleWord       map[string]bool
	listEnd        map[string]bool
}

func compile(lex *lexicon.Lexicon) (v *vocab, err error) {
	// The lexicon panics on a missing section; report it as an error.
	defer func() {
		if r := recover(); r != nil {
			v, err = nil, fmt.Errorf("loader: lexicon: %v", r)
		}
	}()
	v = &vocab{lex: lex, industries: newPhrases(), industryWeak: map[string]bool{}, orgHeads: newPhrases()}
	for i, ind := range lex.Industries {
		kw := map[string]bool{}
		for _, k := range ind.Keywords {
			for _, t := range tokenize(k, 0) {
				kw[t.key()] = true
			}
		}
		for _, t := range ind.Terms {
			v.industries.add(t.Text, strconv.Itoa(i))
			if !t.Strong {
				v.industryWeak[norm(t.Text)] = true
			}
			for _, tk := range tokenize(t.Text, 0) {
				if tk.norm != "" && tk.norm != "and" {
					kw[tk.norm] = true
				}
			}
		}
		v.industryKeyword = append(v.industryKeyword, kw)
	}
	v.anyKeyword = map[string]bool{}
	for _, kw := range v.industryKeyword {
		for w := range kw {
			v.anyKeyword[w] = true
		}
	}
	// A term marked strong anywhere is strong.
	for _, ind := range lex.Industries {
		for _, t := range ind.Terms {
			if t.Strong {
				delete(v.industryWeak, norm(t.Text))
			}
		}
	}
	for _, kind := range []kg.Kind{kg.KindGovernmentUnit, kg.KindInstitution, kg.KindEnterprise} {
		for _, h := range lex.List(string(kind)) {
			v.orgHeads.add(h, string(kind))
		}
	}
	for _, h := range lex.List("EnterpriseSuffix") {
		v.orgHeads.add(h, corporateSuffix)
	}
	v.govPrefix = wordSet(lex.List("GovernmentPrefix"))
	v.backboneAdj = wordSet(lex.List("backbone-adjective"))
	v.enterpriseNoun = wordSet(lex.List("enterprise-noun"))
	v.listIntro = phraseSet(lex.List("list-intro"))
	v.backboneLead = phraseSet(append(lex.List("backbone-lead"), lex.List("backbone-lead-strong")...))
	v.industryHead = phraseSet(lex.List("industry-head"))
	v.strongLead = map[string]bool{}
	for _, l := range lex.List("backbone-lead-strong") {
		v.strongLead[l] = true
	}
	v.productIntro = phraseSet(lex.List("product-intro"))
	v.responsible = phraseSet(lex.List("responsible-label"))
	v.cooperation = phraseSet(lex.List("cooperation"))
	v.coopIntro = phraseSet(lex.List("cooperation-intro"))
	v.genericWord = wordSet(lex.List("generic-industry-word"))
	v.groupWord = wordSet(lex.List("group-word"))
	v.listStart = phraseSet(lex.List("list-start"))
	v.clauseVerb = wordSet(lex.List("clause-verb"))
	v.nonName = wordSet(lex.List("non-name-word"))
	v.goalVerbs = phraseSet(lex.List("goal-verb"))
	v.notAfter = phraseSet(lex.List("not-after"))
	v.baseline = phraseSet(lex.List("baseline-verb"))
	v.pastMarker = phraseSet(lex.List("past-marker"))
	v.pageLabels = phraseSet(lex.List("page-label"))
	v.facilityWord = wordSet(lex.List("facility-word"))
	v.placeWord = wordSet(lex.List("place-word"))
	v.taskAdjective = wordSet(lex.List("task-adjective"))
	v.implementLead = phraseSet(lex.List("implement-lead"))
	v.incentive = phraseSet(lex.List("incentive-word"))
	v.month = wordSet(lex.List("month"))
	v.participles = wordSet(lex.List("goal-participle"))
	v.docWords = wordSet(lex.List("document-word"))
	v.metricVerbs = wordSet(lex.List("metric-verb"))
	v.genericProduct = wordSet(lex.List("generic-product-word"))
	v.roleVerb = wordSet(lex.List("role-verb"))
	v.goalModal = wordSet(lex.List("goal-modal"))
	v.roleWord = wordSet(lex.List("role-word"))
	v.listEnd = wordSet(lex.List("list-end-word"))
	v.comparators = pairSet(lex.Pair("comparator"))
	v.units = pairSet(lex.Pair("unit"))
	v.numberWords = pairSet(lex.Pair("number-word"))
	return v, nil
}

func pairSet(pairs [][2]string) *phrases {
	p := newPhrases()
	for _, kv := range pairs {
		p.add(kv[0], kv[1])
	}
	return p
}

// industryAt matches an industry term at toks[i]: the industry's index and
// the number of tokens, or -1. A weak term needs "industry" or "sector"
// after it; that word is not part of the match.
func (v *vocab) industryAt(toks []token, i int) (int, int) {
	n, val := v.industries.match(toks, i)
	if n == 0 {
		return -1, 0
	}
	if n == 1 && v.industryWeak[toks[i].norm] && !(i+1 < len(toks) && isIndustryWord(toks[i+1].norm)) {
		return -1, 0
	}
	idx, _ := strconv.Atoi(val)
	return idx, n
}

// headBefore returns the length of an industry head noun ending just before
// toks[j] ("industry", "industrial chain"), and whether it is plural.
func (v *vocab) headBefore(toks []token, j int) (int, bool) {
	n := v.industryHead.matchEnd(toks, j)
	if n == 0 {
		return 0, false
	}
	return n, plural(toks[j-1])
}

// headAt returns the length of an industry head noun at toks[i].
func (v *vocab) headAt(toks []token, i int) int {
	n, _ := v.industryHead.match(toks, i)
	return n
}

func isIndustryWord(w string) bool {
	switch w {
	case "industry", "sector", "field":
		return true
	}
	return false
}

const corporateSuffix = "suffix"

// orgKind returns the kind that the head words of a name make it, "" if none.
// A corporate suffix at the end makes an enterprise; otherwise the last
// government or institution word decides; otherwise any enterprise word.
func (v *vocab) orgKind(name string) kg.Kind {
	toks := tokenize(name, 0)
	var govInst kg.Kind
	enterprise, suffixAtEnd := false, false
	for i := 0; i < len(toks); i++ {
		n, val := v.orgHeads.match(toks, i)
		if n == 0 {
			continue
		}
		switch kg.Kind(val) {
		case kg.KindGovernmentUnit, kg.KindInstitution:
			govInst = kg.Kind(val)
		default:
			enterprise = true
		}
		suffixAtEnd = val == corporateSuffix && lastWord(toks, i+n)
		i += n - 1
	}
	switch {
	case suffixAtEnd:
		return kg.KindEnterprise
	case govInst != "":
		return govInst
	case enterprise:
		return kg.KindEnterprise
	}
	return ""
}

// lastWord reports whether no word follows toks[j-1].
func lastWord(toks []token, j int) bool {
	for ; j < len(toks); j++ {
		if !toks[j].punct() {
			return false
		}
	}
	return true
}

// corporateEnd reports whether a name ends with a corporate suffix ("Co., Ltd.").
func (v *vocab) corporateEnd(toks []token) bool {
	for i := range toks {
		if n, val := v.orgHeads.match(toks, i); n > 0 && val == corporateSuffix && lastWord(toks, i+n) {
			return true
		}
	}
	return false
}
