package loader

import "policykg/kg"

// mentions adds, as sources, the other sentences that name an organisation
// or industry group already found: a name stated once as a list item is
// often named again in prose.
func (d *doc) mentions() {
	names := newPhrases()
	for _, e := range d.b.ents {
		switch e.Kind {
		case kg.KindEnterprise, kg.KindInstitution, kg.KindGovernmentUnit, kg.KindIndustryGroup:
			for _, n := range append([]string{e.Name}, e.Aliases...) {
				if len(tokenize(n, 0)) > 1 || e.Kind == kg.KindEnterprise {
					names.add(n, e.ID)
				}
			}
		}
	}
	for _, s := range d.sents {
		for i := 0; i < len(s.toks); i++ {
			if s.masked(s.toks[i].start) {
				continue
			}
			n, id := names.match(s.toks, i)
			if n == 0 {
				continue
			}
			// A name must be matched whole, not inside a longer name.
			if i > 0 && capitalized(s.toks[i-1]) && !s.toks[i-1].punct() && !d.v.nonName[s.toks[i-1].norm] {
				continue
			}
			d.b.addSource(d.b.ents[id], d.source(s))
			i += n - 1
		}
	}
}
