package loader

import (
	"strings"
	"testing"

	"policykg/kg"
)

// Unit tests of the extractors, each on short passages phrased differently
// from the seed, as other cities' programs are.

func entityNamed(g *kg.Graph, kind kg.Kind, name string) *kg.Entity {
	for i, e := range g.Entities {
		if e.Kind != kind {
			continue
		}
		if strings.EqualFold(e.Name, name) {
			return &g.Entities[i]
		}
		for _, a := range e.Aliases {
			if strings.EqualFold(a, name) {
				return &g.Entities[i]
			}
		}
	}
	return nil
}

func mustEntity(t *testing.T, g *kg.Graph, kind kg.Kind, name string) *kg.Entity {
	t.Helper()
	e := entityNamed(g, kind, name)
	if e == nil {
		var have []string
		for _, x := range g.Entities {
			if x.Kind == kind {
				have = append(have, x.Name)
			}
		}
		t.Fatalf("no %s %q; have %q", kind, name, have)
	}
	return e
}

func byID(t *testing.T, g *kg.Graph, id string) *kg.Entity {
	t.Helper()
	for i := range g.Entities {
		if g.Entities[i].ID == id {
			return &g.Entities[i]
		}
	}
	t.Fatalf("no entity %q", id)
	return nil
}

func hasRelation(g *kg.Graph, typ kg.RelationType, from, to string) bool {
	for _, r := range g.Relations {
		if r.Type == typ && r.From == from && r.To == to {
			return true
		}
	}
	return false
}

func mustRelate(t *testing.T, g *kg.Graph, typ kg.RelationType, from, to *kg.Entity) {
	t.Helper()
	if !hasRelation(g, typ, from.ID, to.ID) {
		var have []string
		for _, r := range g.Relations {
			if r.Type == typ {
				have = append(have, r.From+" → "+r.To)
			}
		}
		t.Fatalf("no %s %s → %s; have %q", typ, from.ID, to.ID, have)
	}
}

func count(g *kg.Graph, kind kg.Kind) int {
	n := 0
	for _, e := range g.Entities {
		if e.Kind == kind {
			n++
		}
	}
	return n
}

func TestOutline(t *testing.T) {
	cases := []struct {
		name   string
		text   string
		want   map[string]string // section name → parent name ("" = program)
		number map[string]string
	}{
		{
			name: "roman, parenthesised digits, digits",
			text: "Program\n\nI. General requirements\n\n(1) Guiding ideology.\n\n(2) Main goals.\n\n1. Grow the industry. Body text.\n\n2. Build platforms.\n\nII. Key tasks\n\n(1) Build clusters.\n",
			want: map[string]string{
				"General requirements": "", "Guiding ideology": "General requirements", "Main goals": "General requirements",
				"Grow the industry": "Main goals", "Build platforms": "Main goals", "Key tasks": "", "Build clusters": "Key tasks",
			},
			number: map[string]string{"General requirements": "I.", "Guiding ideology": "(1)", "Grow the industry": "1."},
		},
		{
			name: "ordinal words with mixed letters and roman numerals",
			text: "Program\n\nFirst, the overall requirements\n\n(a) the basic idea.\n\n(ii) Work objectives.\n\nSecond, the key tasks\n\n(a) Develop enterprises.\n\n1. Cultivate leaders. More text here.\n",
			want: map[string]string{
				"the overall requirements": "", "the basic idea": "the overall requirements", "Work objectives": "the overall requirements",
				"the key tasks": "", "Develop enterprises": "the key tasks", "Cultivate leaders": "Develop enterprises",
			},
			number: map[string]string{"the overall requirements": "First", "Work objectives": "(ii)"},
		},
		{
			name: "digits at two levels: a restarted count nests",
			text: "Program\n\n1. Main objectives\n\n2. Key tasks\n\n(a) Pillars\n\n1. Automobile industry. Body.\n\n2. Steel industry. Body.\n\n(b) Emerging\n\n1. Biomedicine. Body.\n\n3. Safeguard measures\n",
			want: map[string]string{
				"Main objectives": "", "Key tasks": "", "Pillars": "Key tasks", "Automobile industry": "Pillars", "Steel industry": "Pillars",
				"Emerging": "Key tasks", "Biomedicine": "Emerging", "Safeguard measures": "",
			},
		},
		{
			name: "colon headings, and (4) continuing (I) (II) (III)",
			text: "Program\n\nI. Tasks\n\n(I) One.\n\n(II) Two.\n\n(III) Three.\n\n(4) Four.\n\n1. Developing the silk industry: support Alpha Silk Group to expand production.\n",
			want: map[string]string{
				"Tasks": "", "One": "Tasks", "Two": "Tasks", "Three": "Tasks", "Four": "Tasks", "Developing the silk industry": "Four",
			},
		},
		{
			name: "chapters with sections",
			text: "Program\n\nChapter I Development Foundation\n\nSection 1 Development situation\n\nBody.\n\nSection 2 Goals\n\nChapter II Tasks\n\nSection 1 Build clusters\n\n1. Glass industry. Body.\n",
			want: map[string]string{
				"Development Foundation": "", "Development situation": "Development Foundation", "Goals": "Development Foundation",
				"Tasks": "", "Build clusters": "Tasks", "Glass industry": "Build clusters",
			},
			number: map[string]string{"Goals": "Section 2"},
		},
		{
			name:   "articles with their body on the same line",
			text:   "Program\n\nArticle 1 Clarify the goals. Focus on drugs and devices.\n\nArticle 2 Support research. Support Haiqing Pharma to grow.\n\nArticle 3 Enterprises of the two leading clusters whose income exceeds 1 billion yuan shall be rewarded by the fund.\n",
			want:   map[string]string{"Clarify the goals": "", "Support research": ""},
			number: map[string]string{"Support research": "Article 2"},
		},
		{
			name: "speech opening with an ordinal is no heading",
			text: "Program\n\nHost:\n\nFirst, let us invite Mr. Liu to make the introduction.\n\nI. Goals\n\n1. Steel industry. We will grow steel.\n",
			want: map[string]string{"Goals": "", "Steel industry": "Goals"},
		},
		{
			name: "lower-case cardinals and bracketed number words",
			text: "Program\n\none, overall requirement\n\n(one) guiding thought. Body.\n\n(two) development goal. Body.\n\ntwo, key task\n\n(one) grain industry. Body.\n",
			want: map[string]string{
				"overall requirement": "", "guiding thought": "overall requirement", "development goal": "overall requirement",
				"key task": "", "grain industry": "key task",
			},
		},
		{
			name: "cardinal words and roman lower case",
			text: "Program\n\nOne, the general requirements\n\n(i) The general idea.\n\nTwo, the key tasks\n\n(i) Optimize the structure.\n",
			want: map[string]string{
				"the general requirements": "", "The general idea": "the general requirements", "the key tasks": "", "Optimize the structure": "the key tasks",
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := parseText(t, c.text)
			program := mustEntity(t, g, kg.KindPolicyDocument, "Program")
			if n := count(g, kg.KindSection); n != len(c.want) {
				t.Errorf("%d sections, want %d", n, len(c.want))
			}
			for name, parent := range c.want {
				sec := mustEntity(t, g, kg.KindSection, name)
				to := program
				if parent != "" {
					to = mustEntity(t, g, kg.KindSection, parent)
				}
				mustRelate(t, g, kg.PartOf, sec, to)
			}
			for name, num := range c.number {
				if got := mustEntity(t, g, kg.KindSection, name).Number; got != num {
					t.Errorf("section %q number = %q, want %q", name, got, num)
				}
			}
		})
	}
}

func TestBackbone(t *testing.T) {
	cases := []struct {
		name     string
		text     string
		industry string // ID
		firms    []string
		products []string
	}{
		{
			name:     "leading enterprises like, industry named in the sentence",
			text:     "Program\n\nFirst, tasks\n\n1. Grow. Relying on leading enterprises like Alpha Special Steel and Beta Metals, focus on developing stainless steel plates, high-strength rebar and other products, to make the steel industry bigger and stronger.\n",
			industry: "industry/steel", firms: []string{"Alpha Special Steel", "Beta Metals"}, products: []string{"stainless steel plates", "high-strength rebar"},
		},
		{
			name:     "key enterprises including, industry only in the heading",
			text:     "Program\n\nI. Key tasks\n\n(2) Biomedicine industry.\n\nSupported by key enterprises including Gamma Pharmaceutical, Delta Biotech and Epsilon Medical, focus on the development of recombinant vaccines, diagnostic reagents and other products.\n",
			industry: "industry/biomedicine", firms: []string{"Gamma Pharmaceutical", "Delta Biotech", "Epsilon Medical"}, products: []string{"recombinant vaccines", "diagnostic reagents"},
		},
		{
			name:     "led by, industry inferred from the products among the group's members",
			text:     "Program\n\nFirst, tasks\n\n(a) Expand the three emerging industries.\n\nCultivate new energy, new materials, electronic information and other three emerging industries. Led by Zeta Optoelectronics, Eta Circuits and Theta Display, the city will focus on chips, sensors, display panels and other products.\n",
			industry: "industry/electronic-information", firms: []string{"Zeta Optoelectronics", "Eta Circuits", "Theta Display"}, products: []string{"chips", "sensors", "display panels"},
		},
		{
			name:     "with A, B as the leader; the industry named by the heading",
			text:     "Program\n\nFirst, tasks\n\n2. Machinery industry. With Zhonglin Heavy Industry, Longtan Machinery as the leader, mainly produce loaders, excavators, extend to hydraulic components, transmission systems and other products.\n",
			industry: "industry/machinery", firms: []string{"Zhonglin Heavy Industry", "Longtan Machinery"}, products: []string{"loaders", "excavators", "hydraulic components", "transmission systems"},
		},
		{
			name:     "the leading role of A and other backbone enterprises",
			text:     "Program\n\nFirst, tasks\n\n1. Make the new display industry bigger. Give play to the leading role of Kerun Optoelectronics, Wanxiang Display Technology and other backbone enterprises, vigorously develop glass substrates, polarizers and backlight modules.\n",
			industry: "industry/new-display", firms: []string{"Kerun Optoelectronics", "Wanxiang Display Technology"}, products: []string{"glass substrates", "polarizers", "backlight modules"},
		},
		{
			name:     "leading enterprises A and B, without 'such as'; a colon heading",
			text:     "Program\n\nFirst, tasks\n\n1. Developing the copper processing industry: led by leading enterprises Xinda Copper and Hongfa Aluminum, key development of copper strip, copper foil and other products.\n",
			industry: "industry/copper-processing", firms: []string{"Xinda Copper", "Hongfa Aluminum"}, products: []string{"copper strip", "copper foil"},
		},
		{
			name:     "relying on A and other enterprises",
			text:     "Program\n\nFirst, tasks\n\n1. Food. Relying on Iota Foods, Kappa Grain and other enterprises, develop quick-frozen dumplings, noodles and other products, to strengthen the food industry.\n",
			industry: "industry/food", firms: []string{"Iota Foods", "Kappa Grain"}, products: []string{"quick-frozen dumplings", "noodles"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := parseText(t, c.text)
			ind := byID(t, g, c.industry)
			for _, f := range c.firms {
				mustRelate(t, g, kg.BackboneOf, mustEntity(t, g, kg.KindEnterprise, f), ind)
			}
			for _, p := range c.products {
				mustRelate(t, g, kg.ProductOf, mustEntity(t, g, kg.KindProduct, p), ind)
			}
			if n := count(g, kg.KindEnterprise); n != len(c.firms) {
				t.Errorf("%d enterprises, want %d", n, len(c.firms))
			}
			if n := count(g, kg.KindProduct); n != len(c.products) {
				t.Errorf("%d products, want %d", n, len(c.products))
			}
		})
	}
}

func TestNoInventedLinks(t *testing.T) {
	// A passage with enterprises and no industry at all links nothing.
	g := parseText(t, "Program\n\nFirst, tasks\n\nRelying on backbone enterprises such as Alpha Group and Beta Holdings, improve management.\n")
	for _, r := range g.Relations {
		if r.Type == kg.BackboneOf || r.Type == kg.ProductOf {
			t.Errorf("invented %s %s → %s", r.Type, r.From, r.To)
		}
	}
	mustEntity(t, g, kg.KindEnterprise, "Alpha Group")
	mustEntity(t, g, kg.KindEnterprise, "Beta Holdings")
}

func TestIndustryGroups(t *testing.T) {
	cases := []struct {
		name    string
		text    string
		group   string
		members []string
	}{
		{"and other N", "P\n\nAccelerate the development of equipment manufacturing, automotive and parts, food and other three major industries.", "three major industries", []string{"equipment manufacturing", "automotive and parts", "food"}},
		{"such as", "P\n\nUpgrade the three traditional industries, such as the textile industry, paper making, aluminum processing.", "three traditional industries", []string{"textile industry", "paper making", "aluminum processing"}},
		{"parenthesised", "P\n\nStrengthen battery and new energy, lifting equipment, medical devices and consumables (the three characteristic industries).", "three characteristic industries", []string{"battery and new energy", "lifting equipment", "medical devices and consumables"}},
		{"of, split by the count", "P\n\nGrow the three pillar industries of equipment manufacturing, paper making and food processing.", "three pillar industries", []string{"equipment manufacturing", "paper making", "food processing"}},
		{"colon", "P\n\nCultivate the four emerging industries: new energy, new materials, biomedicine and rail transit.", "four emerging industries", []string{"new energy", "new materials", "biomedicine", "rail transit"}},
		{"industry chains, after a verb", "P\n\nFocus on building the three pillar industry chains of fluorosilicone materials, polyurethane materials and advanced ceramic materials, cultivate more.", "three pillar industry chains", []string{"fluorosilicone materials", "polyurethane materials", "advanced ceramic materials"}},
		{"list runs into its verb; the last 'and' splits", "P\n\nBy 2025, the four pillar industries of rare earth new materials, tungsten and deep processing, copper and aluminum deep processing and lithium battery materials realize main business income exceed 260 billion yuan.", "four pillar industries", []string{"rare earth new materials", "tungsten and deep processing", "copper and aluminum deep processing", "lithium battery materials"}},
		{"list ends at respectively", "P\n\nBy 2022, the three pillar industries of automobile, machinery and steel respectively realized output value of 320 billion yuan, 85 billion yuan and 110 billion yuan.", "three pillar industries", []string{"automobile", "machinery", "steel"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := parseText(t, c.text)
			grp := mustEntity(t, g, kg.KindIndustryGroup, c.group)
			for _, m := range c.members {
				mustRelate(t, g, kg.MemberOf, mustEntity(t, g, kg.KindIndustry, m), grp)
			}
			n := 0
			for _, r := range g.Relations {
				if r.Type == kg.MemberOf {
					n++
				}
			}
			if n != len(c.members) {
				t.Errorf("%d members, want %d", n, len(c.members))
			}
		})
	}
}

func TestResponsibleUnits(t *testing.T) {
	text := "Program\n\nFirst, tasks\n\n(a) Build platforms.\n\n1. One item.\n\n2. Another item.\n\nLead departments: Municipal Bureau of Commerce, Municipal Finance Bureau and Municipal Education Bureau\n\n" +
		"(b) Grow talent.\n\n1. Train people.\n\nLead unit: Municipal Commerce Bureau; cooperating units: Municipal Human Resources and Social Security Bureau, Alpha University of Science and Technology\n\n" +
		"2. Attract teams. Offer grants. (Responsible unit: Municipal Development and Reform Commission)\n"
	g := parseText(t, text)
	commerce := mustEntity(t, g, kg.KindGovernmentUnit, "Municipal Bureau of Commerce")
	if !strings.EqualFold(commerce.Aliases[0], "Municipal Commerce Bureau") {
		t.Errorf("commerce aliases = %q", commerce.Aliases)
	}
	build := mustEntity(t, g, kg.KindSection, "Build platforms")
	train := mustEntity(t, g, kg.KindSection, "Train people")
	attract := mustEntity(t, g, kg.KindSection, "Attract teams")
	for _, u := range []string{"Municipal Bureau of Commerce", "Municipal Finance Bureau", "Municipal Education Bureau"} {
		mustRelate(t, g, kg.ResponsibleFor, mustEntity(t, g, kg.KindGovernmentUnit, u), build)
	}
	mustRelate(t, g, kg.ResponsibleFor, commerce, train)
	mustRelate(t, g, kg.ResponsibleFor, mustEntity(t, g, kg.KindGovernmentUnit, "Municipal Human Resources and Social Security Bureau"), train)
	mustRelate(t, g, kg.ResponsibleFor, mustEntity(t, g, kg.KindInstitution, "Alpha University of Science and Technology"), train)
	mustRelate(t, g, kg.ResponsibleFor, mustEntity(t, g, kg.KindGovernmentUnit, "Municipal Development and Reform Commission"), attract)
	if n := count(g, kg.KindGovernmentUnit); n != 5 {
		t.Errorf("%d government units, want 5", n)
	}
}

func TestCitations(t *testing.T) {
	text := "Program\n\nIn accordance with the \"Opinions on Accelerating Growth\" (Bao Zheng [2020] No. 7), develop this program.\n\nFirst, measures\n\n(a) Funds. Implement the \"Measures on Funds\" (Wu Zheng Ban [2021] 15) and Bao Zheng [2020] No. 7.\n"
	g := parseText(t, text)
	program := mustEntity(t, g, kg.KindPolicyDocument, "Program")
	a := mustEntity(t, g, kg.KindPolicyDocument, "Opinions on Accelerating Growth")
	b := mustEntity(t, g, kg.KindPolicyDocument, "Measures on Funds")
	if a.Code != "Bao Zheng [2020] No. 7" || b.Code != "Wu Zheng Ban [2021] 15" {
		t.Errorf("codes = %q, %q", a.Code, b.Code)
	}
	funds := mustEntity(t, g, kg.KindSection, "Funds")
	mustRelate(t, g, kg.Cites, program, a)
	mustRelate(t, g, kg.Cites, funds, b)
	mustRelate(t, g, kg.Cites, funds, a) // cited again by code alone
	if n := count(g, kg.KindPolicyDocument); n != 3 {
		t.Errorf("%d policy documents, want 3", n)
	}
	if n := count(g, kg.KindTarget); n != 0 {
		t.Errorf("codes made %d targets", n)
	}
}

func TestFullWidthCodes(t *testing.T) {
	g := parseText(t, "Program\n\nBy 2020, implement the \"Measures on Funds\"（Yu Zheng [2018] No. 3）and 豫政〔2017〕15号.")
	a := mustEntity(t, g, kg.KindPolicyDocument, "Measures on Funds")
	if a.Code != "Yu Zheng [2018] No. 3" {
		t.Errorf("code = %q", a.Code)
	}
	if n := count(g, kg.KindPolicyDocument); n != 3 {
		t.Errorf("%d policy documents, want 3", n)
	}
	if n := count(g, kg.KindTarget); n != 0 {
		t.Errorf("codes made %d targets", n)
	}
}

func TestResponsibilityPerSubsection(t *testing.T) {
	// Lines after some subsections each cover their own subsection, even
	// where an earlier sibling has none.
	text := "Program\n\nFourth, safeguard measures\n\n(I) Lead. Set up a group.\n\n(II) Funds. Give money.\n\nLead departments: Municipal Finance Bureau\n\n(III) Talent. Train people.\n\nResponsible units: Municipal Education Bureau\n"
	g := parseText(t, text)
	mustRelate(t, g, kg.ResponsibleFor, mustEntity(t, g, kg.KindGovernmentUnit, "Municipal Finance Bureau"), mustEntity(t, g, kg.KindSection, "Funds"))
	mustRelate(t, g, kg.ResponsibleFor, mustEntity(t, g, kg.KindGovernmentUnit, "Municipal Education Bureau"), mustEntity(t, g, kg.KindSection, "Talent"))
	// One line after the whole list covers the list's section.
	text = "Program\n\nII. Key industries\n\n(1) Rail transit industry.\n\nBody.\n\n(2) Aviation industry.\n\nBody.\n\nLead departments: Municipal Development and Reform Commission\n\nIII. Tasks\n"
	g = parseText(t, text)
	mustRelate(t, g, kg.ResponsibleFor, mustEntity(t, g, kg.KindGovernmentUnit, "Municipal Development and Reform Commission"), mustEntity(t, g, kg.KindSection, "Key industries"))
}

// An unquoted title after a verb of implementing is a cited document.
func TestImplementedDocuments(t *testing.T) {
	g := parseText(t, "Qiaoshan Action Plan for Glass (2024-2026)\n\nIt was drafted to implement the Hubei Province Action Plan for Accelerating the Glass Industry, and it reads like a list.\n")
	doc := mustEntity(t, g, kg.KindPolicyDocument, "Hubei Province Action Plan for Accelerating the Glass Industry")
	mustRelate(t, g, kg.Cites, byID(t, g, g.Documents[0].ID), doc)
}

func TestQuotedDocuments(t *testing.T) {
	text := "Program\n\nIn order to implement the \"Anhui Province Digital Economy Development Three-Year Action Plan\" and the \"Opinions on Growth\" (Wan Zheng [2020] No. 3), and the \"one zone, five parks\" layout, develop this plan."
	g := parseText(t, text)
	program := mustEntity(t, g, kg.KindPolicyDocument, "Program")
	mustRelate(t, g, kg.Cites, program, mustEntity(t, g, kg.KindPolicyDocument, "Anhui Province Digital Economy Development Three-Year Action Plan"))
	mustRelate(t, g, kg.Cites, program, mustEntity(t, g, kg.KindPolicyDocument, "Opinions on Growth"))
	if n := count(g, kg.KindPolicyDocument); n != 3 {
		t.Errorf("%d policy documents, want 3 (slogans are no documents)", n)
	}
}

func TestPartners(t *testing.T) {
	text := "Program\n\nDeepen the cooperation with Alpha University, the Beta Academy of Sciences and Gamma Institute of Technology, and build joint laboratories. Strengthen the cooperation with Delta, Epsilon and other e-commerce platforms."
	g := parseText(t, text)
	program := mustEntity(t, g, kg.KindPolicyDocument, "Program")
	for _, n := range []string{"Alpha University", "Beta Academy of Sciences", "Gamma Institute of Technology"} {
		mustRelate(t, g, kg.PartnerOf, mustEntity(t, g, kg.KindInstitution, n), program)
	}
	for _, n := range []string{"Delta", "Epsilon"} {
		mustRelate(t, g, kg.PartnerOf, mustEntity(t, g, kg.KindEnterprise, n), program)
	}
}

type wantTarget struct {
	year     int // 0: none
	value    float64
	valueMax float64 // 0: none
	unit     string
	cmp      string
	subject  string // industry name, "" for the program
	sources  int
}

func TestTargets(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []wantTarget
	}{
		{"exceeded and percent", "P\n\nBy 2022, the number of high-tech enterprises exceeded 200, and the R&D intensity reached 2.5%.",
			[]wantTarget{{2022, 200, 0, "count", kg.MoreThan, "", 1}, {2022, 2.5, 0, "percent", kg.Equal, "", 1}}},
		{"ranges and words", "P\n\nBy 2021, build three to five demonstration bases and 5-10 public platforms.",
			[]wantTarget{{2021, 3, 5, "count", kg.Range, "", 1}, {2021, 5, 10, "count", kg.Range, "", 1}}},
		{"respectively, one value per industry", "P\n\nGrow new energy, new materials and biomedicine and other three emerging industries. Strive to 2020, the new energy, new materials, biomedicine main business income of more than 60 billion yuan, 45 billion yuan and 35 billion yuan respectively.",
			[]wantTarget{{2020, 60, 0, "billion yuan", kg.MoreThan, "new energy", 1}, {2020, 45, 0, "billion yuan", kg.MoreThan, "new materials", 1}, {2020, 35, 0, "billion yuan", kg.MoreThan, "biomedicine", 1}}},
		{"no less than, people, mu", "P\n\nBy 2023, introduce no less than 300 people of high-level talents, and the planting base reached 250,000 mu.",
			[]wantTarget{{2023, 300, 0, "people", kg.AtLeast, "", 1}, {2023, 250000, 0, "mu", kg.Equal, "", 1}}},
		{"year from an earlier sentence of the section", "P\n\n(ii) Goals.\n\nBy 2020, innovation improves markedly.\n\nThe number of provincial platforms exceeded 50; the number of incubators reached 12.",
			[]wantTarget{{2020, 50, 0, "count", kg.MoreThan, "", 1}, {2020, 12, 0, "count", kg.Equal, "", 1}}},
		{"repeated statement is one target", "P\n\n(a) Goals.\n\nBy 2020, the number of high-tech enterprises exceeded 100.\n\n(b) Tasks.\n\nBy 2020, the high-tech enterprises exceeded 100.",
			[]wantTarget{{2020, 100, 0, "count", kg.MoreThan, "", 2}}},
		{"criteria, codes and periods are no targets", "P\n\nSupport enterprises with annual revenue of less than 50 million yuan. Implement the plan (2021-2023) and (Bao Zheng [2020] No. 7). Build the four major industries.",
			nil},
		{"baseline of an earlier year", "P\n\nIn 2019, the output value of the industry was 120 billion yuan. By 2022, the output value exceeded 200 billion yuan.",
			[]wantTarget{{2022, 200, 0, "billion yuan", kg.MoreThan, "", 1}}},
		{"passive goal and a condition with with", "P\n\nBy 2023, ten digital economy enterprises with annual revenue over 1 billion yuan are cultivated.",
			[]wantTarget{{2023, 10, 0, "count", kg.Equal, "", 1}}},
		{"a heading's year holds for its section; a review's figures are results", "P\n\nI. Review of work in 2023\n\nRegional GDP reached 468.5 billion yuan, an increase of 5.1%.\n\nII. Main targets for 2024\n\n(1) Industry.\n\nThe number of high-tech enterprises should exceed 1,200.",
			[]wantTarget{{2024, 1200, 0, "count", kg.MoreThan, "", 1}}},
		{"indicator table rows, the goal column by its year", "P\n\nIndicator | Unit | 2020 | 2025 target | Attribute\nIndustrial added value | billion yuan | 141.2 | 200 | Expected\nGrowth of investment | % | - | 8 | Expected\nEnergy use cut | % | [16.3] | [14] | Binding\n\nIndicator | 2022 | 2025 target\nHigh-tech enterprises (number) | 512 | 800\nLocal supporting rate (%) | 31.6 | 45\n",
			[]wantTarget{{2025, 200, 0, "billion yuan", kg.Equal, "", 1}, {2025, 8, 0, "percent", kg.Equal, "", 1}, {2025, 14, 0, "percent", kg.Equal, "", 1}, {2025, 800, 0, "count", kg.Equal, "", 1}, {2025, 45, 0, "percent", kg.Equal, "", 1}}},
		{"a year right after the value is its own; past figures are results", "P\n\nBy 2027, output should reach 165 billion yuan this year, exceed 190 billion yuan in 2025 and hit 250 billion yuan by 2027. The firm built 386,000 vehicles last year. Revenue should reach 100 billion yuan, up from 41 billion yuan.",
			[]wantTarget{{2027, 165, 0, "billion yuan", kg.Equal, "", 1}, {2025, 190, 0, "billion yuan", kg.MoreThan, "", 1}, {2027, 250, 0, "billion yuan", kg.Equal, "", 1}, {2027, 100, 0, "billion yuan", kg.Equal, "", 1}}},
		{"an absolute 'with' states a goal; the base of a rate is none", "P\n\nBy 2025, the system will be consolidated, with the added value exceeding 1.3 trillion yuan, and the density of robots will reach 360 units per 10,000 people.",
			[]wantTarget{{2025, 1.3, 0, "trillion yuan", kg.MoreThan, "", 1}, {2025, 360, 0, "count", kg.Equal, "", 1}}},
		{"rewards, subsidies, limits, dates and index numbers are no targets", "P\n\nBy 2025, output will reach 50 billion yuan. Enterprises shall be given a reward of 1 million yuan, a subsidy of 15% and up to a maximum of 5 million yuan; support shall not exceed 30 million yuan. Platforms whose annual income from other cities exceeds 50 million yuan get more. Output exceeded 10 billion yuan for the first time. Valid until December 31. Index 3207000011.",
			[]wantTarget{{2025, 50, 0, "billion yuan", kg.Equal, "", 1}}},
		{"this year is the title's year", "Binhu Work Report (2024)\n\nI. Review of the work in 2023\n\nRegional GDP reached 160.2 billion yuan.\n\nII. Main targets for this year\n\nThe regional GDP should grow by about 6%.",
			[]wantTarget{{2024, 6, 0, "percent", kg.Equal, "", 1}}},
		{"the plan period is the title's; 'one of' and bylines are no targets", "Hefeng Action Plan for Vehicles (2023-2025)\n\nChen Yu | Industry Wire | 2023-04-11\n\nRevenue should exceed 150 billion yuan by the end of the plan period. The industry is one of the pillars. In 2024 alone, we will launch 120 projects.",
			[]wantTarget{{2025, 150, 0, "billion yuan", kg.MoreThan, "", 1}, {2024, 120, 0, "count", kg.Equal, "", 1}}},
		{"goals listed as items after a colon keep its year", "P\n\nArticle 4 Goals. By 2027, strive to achieve the following goals:\n(1) the output value of the cluster reaches 60 billion yuan;\n(2) build no less than 12 public platforms.\n\nArticle 5 Directions.\n",
			[]wantTarget{{2027, 60, 0, "billion yuan", kg.Equal, "", 1}, {2027, 12, 0, "count", kg.AtLeast, "", 1}}},
		{"earlier year introduced by in is a baseline", "P\n\nIn 2020, the digital economy reached 118 billion yuan. By 2023, the digital economy exceeds 200 billion yuan.",
			[]wantTarget{{2023, 200, 0, "billion yuan", kg.MoreThan, "", 1}}},
		{"condition of a goal", "P\n\nBy 2020, cultivate 3 to 5 leading enterprises with main business income exceeding 10 billion yuan.",
			[]wantTarget{{2020, 3, 5, "count", kg.Range, "", 1}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := parseText(t, c.text)
			var got []kg.Entity
			for _, e := range g.Entities {
				if e.Kind == kg.KindTarget {
					got = append(got, e)
				}
			}
			if len(got) != len(c.want) {
				var names []string
				for _, e := range got {
					names = append(names, e.Name)
				}
				t.Fatalf("%d targets %q, want %d", len(got), names, len(c.want))
			}
			for _, w := range c.want {
				found := false
				for _, e := range got {
					if e.Value != w.value || (w.year == 0) != (e.Year == nil) || (e.Year != nil && *e.Year != w.year) ||
						(w.valueMax == 0) != (e.ValueMax == nil) || (e.ValueMax != nil && *e.ValueMax != w.valueMax) {
						continue
					}
					found = true
					if e.Unit != w.unit || e.Comparator != w.cmp {
						t.Errorf("target %v: unit %q comparator %q, want %q %q", w.value, e.Unit, e.Comparator, w.unit, w.cmp)
					}
					if len(e.Sources) != w.sources {
						t.Errorf("target %v: %d sources, want %d", w.value, len(e.Sources), w.sources)
					}
					subject := byID(t, g, g.Documents[0].ID)
					if w.subject != "" {
						subject = mustEntity(t, g, kg.KindIndustry, w.subject)
					}
					mustRelate(t, g, kg.HasTarget, subject, &e)
				}
				if !found {
					t.Errorf("no target %+v", w)
				}
			}
		})
	}
}

func TestEntityResolution(t *testing.T) {
	text := "Program\n\nResponsible units: Municipal Bureau of Science and Technology, Finance Bureau\n\nThe Municipal Science and Technology Bureau leads. Science and Technology Bureau helps.\n\nFocus on the fields of biomedicine, new materials, etc. Develop the biomedical industry and the new material industry."
	g := parseText(t, text)
	st := mustEntity(t, g, kg.KindGovernmentUnit, "Municipal Bureau of Science and Technology")
	if len(st.Sources) < 2 {
		t.Errorf("science bureau sources = %d, want every mention", len(st.Sources))
	}
	if n := count(g, kg.KindGovernmentUnit); n != 2 {
		t.Errorf("%d government units, want 2", n)
	}
	bio := mustEntity(t, g, kg.KindIndustry, "biomedicine")
	if bio.ID != "industry/biomedicine" || len(bio.Sources) != 2 {
		t.Errorf("biomedicine = %s with %d sources", bio.ID, len(bio.Sources))
	}
	if n := count(g, kg.KindIndustry); n != 2 {
		t.Errorf("%d industries, want 2", n)
	}
}

func TestHardWrappedText(t *testing.T) {
	flat := "Program\n\nFirst, tasks\n\n1. Grow. Relying on leading enterprises like Alpha Special Steel and Beta Metals, focus on developing stainless steel plates, high-strength rebar and other products, to make the steel industry bigger and stronger.\n"
	wrapped := "Program\n\nFirst, tasks\n\n1. Grow. Relying on leading enterprises like Alpha Special Steel and\nBeta Metals, focus on developing stainless steel plates,\nhigh-strength rebar and other products, to make the steel\nindustry bigger and stronger.\n"
	ids := func(g *kg.Graph) []string {
		var out []string
		for _, e := range g.Entities {
			out = append(out, e.ID)
		}
		for _, r := range g.Relations {
			out = append(out, r.Key())
		}
		return out
	}
	a, b := ids(parseText(t, flat)), ids(parseText(t, wrapped))
	if strings.Join(a, "|") != strings.Join(b, "|") {
		t.Errorf("wrapped text gives\n%q\nflat text gives\n%q", b, a)
	}
}
