package loader

import "policykg/kg"

// organisations finds named institutions ("Alpha University of Technology",
// "Beta Academy of Sciences") and government units in prose ("The
// Municipal Science and Technology Bureau led …") by their head words, and
// returns them.
func (d *doc) organisations(s *sentence) []*kg.Entity {
	toks := s.toks
	var found []*kg.Entity
	for i := 0; i < len(toks); i++ {
		n, kind := d.v.orgHeads.match(toks, i)
		if n == 0 || (kind != string(kg.KindInstitution) && kind != string(kg.KindGovernmentUnit)) || !capitalized(toks[i]) || s.masked(toks[i].start) {
			continue
		}
		from := i
		for from > 0 {
			t := toks[from-1]
			if capitalized(t) && !t.punct() && !d.v.nonName[t.norm] {
				from--
				continue
			}
			// "Science and Technology Bureau": a joiner between capitals,
			// unless what precedes it is a name of its own ("China Academy
			// of Sciences and Luoyang Institute").
			if (t.norm == "and" || t.norm == "&") && from >= 2 && capitalized(toks[from-2]) && !toks[from-2].punct() && !d.v.nonName[toks[from-2].norm] {
				run := from - 2
				for run > 0 {
					p := toks[run-1]
					if capitalized(p) && !p.punct() && !d.v.nonName[p.norm] || (p.norm == "of" || p.norm == "and") && run >= 2 && capitalized(toks[run-2]) {
						run--
						continue
					}
					break
				}
				if k := d.orgKind(tokensText(toks[run : from-1])); k == kg.KindInstitution || k == kg.KindGovernmentUnit {
					break
				}
				from -= 2
				continue
			}
			break
		}
		to := i + n
		// "Polytechnic University", "Research Institute": heads in a row.
		for to < len(toks) {
			n2, k2 := d.v.orgHeads.match(toks, to)
			if n2 == 0 || (k2 != string(kg.KindInstitution) && k2 != string(kg.KindGovernmentUnit)) || !capitalized(toks[to]) {
				break
			}
			to += n2
		}
		// "University of Science and Technology", but not "… Technology and
		// Luoyang Institute", a name with its own head word.
		for to+1 < len(toks) && (toks[to].norm == "of" || toks[to].norm == "for" || (toks[to].norm == "and" && hasWord(toks[i:to], "of"))) {
			// "of the Beta Academy of Sciences"
			next := to + 1
			if toks[next].norm == "the" && next+1 < len(toks) {
				next++
			}
			if !capitalized(toks[next]) || toks[next].punct() {
				break
			}
			end := next
			for end < len(toks) && capitalized(toks[end]) && !toks[end].punct() {
				end++
			}
			if k := d.orgKind(tokensText(toks[next:end])); toks[to].norm == "and" && (k == kg.KindInstitution || k == kg.KindGovernmentUnit) {
				break
			}
			to = end
		}
		if from == i && to == i+n && !(n > 1 && d.v.govPrefix[toks[i].norm]) {
			i = to - 1
			continue // a bare "University", "(Xinyang) Industrial Park"; not "State Council"
		}
		name := d.data[toks[from].start:toks[to-1].end]
		k := d.orgKind(name)
		// "Development and Reform Commission" alone is left to label lines;
		// a place may precede the prefix: "Jingmen Municipal Bureau of …".
		if k == kg.KindGovernmentUnit && !d.v.govPrefix[toks[from].norm] && !(from+1 < to && d.v.govPrefix[toks[from+1].norm]) {
			i = to - 1
			continue
		}
		if k == "" {
			k = kg.Kind(kind)
		}
		found = append(found, d.organisation(k, name, d.source(s)))
		i = to - 1
	}
	return found
}

// partners links to the program the institutions and companies a sentence
// about cooperation names: orgs, those found by their head words, and those
// listed after "cooperation with" ("… with famous e-commerce companies such
// as A, B, C"), whose kind comes from their own head word or the list's noun.
func (d *doc) partners(s *sentence, orgs []*kg.Entity) {
	toks := s.toks
	coop := false
	for i := range toks {
		if n, _ := d.v.cooperation.match(toks, i); n > 0 {
			coop = true
			break
		}
	}
	if !coop {
		return
	}
	for _, e := range orgs {
		if e.Kind == kg.KindInstitution || e.Kind == kg.KindEnterprise {
			d.b.relate(kg.PartnerOf, e, d.program, d.source(s))
		}
	}
	for i := 0; i < len(toks); i++ {
		n, _ := d.v.coopIntro.match(toks, i)
		if n == 0 {
			continue
		}
		start := i + n
		// A name with no head word in a list of partners is most often a
		// company ("Huawei", "Baidu"); the list's own noun says otherwise.
		noun := kg.KindEnterprise
		described := false
		// Skip a description: "famous e-commerce companies such as".
		for k := start; k < len(toks) && k < start+8; k++ {
			if d.v.enterpriseNoun[toks[k].norm] {
				noun, described = kg.KindEnterprise, true
			} else if kind := d.orgKind(toks[k].raw); kind == kg.KindInstitution && !capitalized(toks[k]) {
				noun, described = kg.KindInstitution, true // "renowned universities such as"
			}
			if n2, _ := d.v.listIntro.match(toks, k); n2 > 0 && k > start {
				start = k + n2
				break
			}
			if capitalized(toks[k]) && !toks[k].punct() {
				start = k
				break
			}
			if toks[k].punct() {
				break
			}
		}
		for start < len(toks) && toks[start].norm == "the" {
			start++
		}
		items, end := d.nameList(s, start, d.splitNames)
		// "A, B and other well-known Internet enterprises": the noun after
		// the list tells its kind too.
		if followsOther(toks, end) {
			for k := end; k < len(toks) && k < end+6 && !toks[k].punct(); k++ {
				if d.v.enterpriseNoun[toks[k].norm] || toks[k].norm == "platform" {
					noun, described = kg.KindEnterprise, true
				}
			}
		}
		// In a list of institutions and no companies, a name without a head
		// word is one of them ("the Beta Academy of Sciences, Gammacun,
		// Delta University").
		if !described {
			inst, firm := 0, 0
			for _, it := range items {
				switch d.orgKind(d.itemText(s, it)) {
				case kg.KindInstitution:
					inst++
				case kg.KindEnterprise:
					firm++
				}
			}
			if inst > 0 && firm == 0 {
				noun = kg.KindInstitution
			}
		}
		for _, it := range items {
			name := d.itemText(s, trimItem(toks, it))
			kind := d.orgKind(name)
			switch kind {
			case kg.KindGovernmentUnit:
				continue
			case "":
				kind = noun
			}
			e := d.organisation(kind, name, d.source(s))
			d.b.relate(kg.PartnerOf, e, d.program, d.source(s))
		}
		i = max(i, end-1)
	}
}
