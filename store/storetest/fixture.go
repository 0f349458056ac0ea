package storetest

import (
	"fmt"
	"strings"

	"policykg/kg"
)

// The fixture: two small programs, alpha (22 entities, 25 relations) and
// beta (6 entities, 4 relations), sharing the industry new materials and
// its product graphene, with the relation between them. Alpha's relations,
// drawn undirected, join
//
//	steel         alphaSteel, betaMetals, zetaSteel, steelPlate, target50, traditional
//	newMaterials  betaMetals, graphene, target30, emerging
//	emerging      newEnergy, targetAny
//	alphaDoc      alphaSteel, betaMetals, institute, citedDoc, sec1, target2018
//	sec1          sec11, sec12, science
//	sec12         finance, science, citedDoc
//	sec11         finance
const (
	alphaDoc     = "policy-document/alpha-program"
	citedDoc     = "policy-document/alpha-2017-15"
	betaDoc      = "policy-document/beta-plan"
	steel        = "industry/steel"
	newMaterials = "industry/new-materials"
	newEnergy    = "industry/new-energy"
	emerging     = "industry-group/alpha-program/emerging-industries"
	traditional  = "industry-group/alpha-program/traditional-industries"
	alphaSteel   = "enterprise/alpha-steel"
	betaMetals   = "enterprise/beta-metals"
	zetaSteel    = "enterprise/zeta-special-steel"
	omega        = "enterprise/omega-materials"
	graphene     = "product/graphene"
	steelPlate   = "product/steel-plate"
	institute    = "institution/steel-research-institute"
	finance      = "government-unit/alpha-program/finance-bureau"
	science      = "government-unit/alpha-program/science-and-technology-bureau"
	betaFinance  = "government-unit/beta-plan/finance-bureau"
	sec1         = "section/alpha-program/1"
	sec11        = "section/alpha-program/1.1"
	sec12        = "section/alpha-program/1.2"
	betaSec1     = "section/beta-plan/1"
	target2018   = "target/alpha-program/2018-high-tech-enterprises-80"
	target30     = "target/alpha-program/2020-output-value-30"
	target50     = "target/alpha-program/2020-output-value-50"
	targetAny    = "target/alpha-program/any-platforms-5"
)

// alphaIDs are the IDs of the alpha fixture's entities, in order.
var alphaIDs = []string{
	alphaSteel, betaMetals, zetaSteel, finance, science, emerging, traditional,
	newEnergy, newMaterials, steel, institute, citedDoc, alphaDoc, graphene, steelPlate,
	sec1, sec11, sec12, target2018, target30, target50, targetAny,
}

// document is a fixture document: its text, and where its sections start.
type document struct {
	kg.Document
	text     string
	headings map[string]string // section ID → its heading line
}

// src is the source of the first occurrence of phrase in section (in the
// whole text for ""), which must be the innermost section there.
func (d document) src(section, phrase string) kg.Source {
	from := 0
	if section != "" {
		from = strings.Index(d.text, d.headings[section])
	}
	i := -1
	if from >= 0 {
		i = strings.Index(d.text[from:], phrase)
	}
	if i < 0 {
		panic(fmt.Sprintf("storetest: %q not in section %q of %s", phrase, section, d.ID))
	}
	start := from + i
	return kg.Source{Document: d.ID, Start: start, End: start + len(phrase), Text: phrase, Section: section}
}

var alpha = document{
	Document: kg.Document{ID: alphaDoc, Title: "Alpha City innovation program", Path: "alpha-program.txt"},
	text: `Alpha City innovation program

Alpha Steel, Beta Metals and the Steel Research Institute join this program, which follows the Opinions on accelerating industrial transformation (Alpha [2017] No. 15). By 2018 high-tech enterprises exceed 80.

1. Key tasks
The Science and Technology Bureau leads the key tasks.

1.1 Upgrade traditional industries
Strengthen the steel industry (iron and steel) among the traditional industries. Relying on Alpha Steel, Beta Metals and Zeta Special Steel, develop steel plate. By 2020 the output value exceeds 50 billion yuan.
Responsible units: Finance Bureau (Municipal Finance Bureau)

1.2 Develop emerging industries
Grow the emerging industries of new energy and new materials (advanced materials); Beta Metals develops graphene. By 2020 the output value reaches 30 billion yuan, with 5 to 10 platforms. Implement Alpha [2017] No. 15.
Responsible units: Finance Bureau, Science and Technology Bureau
`,
	headings: map[string]string{sec1: "1. Key tasks", sec11: "1.1 Upgrade", sec12: "1.2 Develop"},
}

var beta = document{
	Document: kg.Document{ID: betaDoc, Title: "Beta County new materials plan", Path: "beta-plan.txt"},
	text: `Beta County new materials plan

1. Main tasks
Expand the new material industry: Omega Materials leads graphene production.
Responsible unit: Finance Bureau
`,
	headings: map[string]string{betaSec1: "1. Main tasks"},
}

func year(y int) *int { return &y }

func float(f float64) *float64 { return &f }

// alphaGraph returns a new copy of the alpha program's graph.
func alphaGraph() *kg.Graph {
	d := alpha
	g := &kg.Graph{
		Documents: []kg.Document{d.Document},
		Entities: []kg.Entity{
			{ID: alphaDoc, Kind: kg.KindPolicyDocument, Name: "Alpha City innovation program",
				Sources: []kg.Source{d.src("", "Alpha City innovation program")}},
			{ID: citedDoc, Kind: kg.KindPolicyDocument, Name: "Opinions on accelerating industrial transformation", Code: "Alpha [2017] No. 15",
				Sources: []kg.Source{d.src("", "Opinions on accelerating industrial transformation"), d.src(sec12, "Alpha [2017] No. 15")}},
			{ID: sec1, Kind: kg.KindSection, Name: "Key tasks", Number: "1.",
				Sources: []kg.Source{d.src(sec1, "1. Key tasks")}},
			{ID: sec11, Kind: kg.KindSection, Name: "Upgrade traditional industries", Number: "1.1",
				Sources: []kg.Source{d.src(sec11, "1.1 Upgrade traditional industries")}},
			{ID: sec12, Kind: kg.KindSection, Name: "Develop emerging industries", Number: "1.2",
				Sources: []kg.Source{d.src(sec12, "1.2 Develop emerging industries")}},
			{ID: steel, Kind: kg.KindIndustry, Name: "steel", Aliases: []string{"iron and steel"},
				Sources: []kg.Source{d.src(sec11, "steel industry"), d.src(sec11, "iron and steel")}},
			{ID: newMaterials, Kind: kg.KindIndustry, Name: "new materials", Aliases: []string{"advanced materials"},
				Sources: []kg.Source{d.src(sec12, "new materials"), d.src(sec12, "advanced materials")}},
			{ID: newEnergy, Kind: kg.KindIndustry, Name: "new energy",
				Sources: []kg.Source{d.src(sec12, "new energy")}},
			{ID: traditional, Kind: kg.KindIndustryGroup, Name: "traditional industries",
				Sources: []kg.Source{d.src(sec11, "traditional industries")}},
			{ID: emerging, Kind: kg.KindIndustryGroup, Name: "emerging industries",
				Sources: []kg.Source{d.src(sec12, "emerging industries")}},
			{ID: alphaSteel, Kind: kg.KindEnterprise, Name: "Alpha Steel",
				Sources: []kg.Source{d.src("", "Alpha Steel"), d.src(sec11, "Alpha Steel")}},
			{ID: betaMetals, Kind: kg.KindEnterprise, Name: "Beta Metals",
				Sources: []kg.Source{d.src("", "Beta Metals"), d.src(sec11, "Beta Metals"), d.src(sec12, "Beta Metals")}},
			{ID: zetaSteel, Kind: kg.KindEnterprise, Name: "Zeta Special Steel",
				Sources: []kg.Source{d.src(sec11, "Zeta Special Steel")}},
			{ID: steelPlate, Kind: kg.KindProduct, Name: "steel plate",
				Sources: []kg.Source{d.src(sec11, "steel plate")}},
			{ID: graphene, Kind: kg.KindProduct, Name: "graphene",
				Sources: []kg.Source{d.src(sec12, "graphene")}},
			{ID: institute, Kind: kg.KindInstitution, Name: "Steel Research Institute",
				Sources: []kg.Source{d.src("", "Steel Research Institute")}},
			{ID: finance, Kind: kg.KindGovernmentUnit, Name: "Finance Bureau", Aliases: []string{"Municipal Finance Bureau"},
				Sources: []kg.Source{d.src(sec11, "Finance Bureau"), d.src(sec11, "Municipal Finance Bureau"), d.src(sec12, "Finance Bureau")}},
			{ID: science, Kind: kg.KindGovernmentUnit, Name: "Science and Technology Bureau",
				Sources: []kg.Source{d.src(sec1, "Science and Technology Bureau"), d.src(sec12, "Science and Technology Bureau")}},
			{ID: target2018, Kind: kg.KindTarget, Name: "high-tech enterprises exceed 80",
				Metric: "high-tech enterprises", Year: year(2018), Value: 80, Unit: "enterprises", Comparator: kg.MoreThan,
				Sources: []kg.Source{d.src("", "By 2018 high-tech enterprises exceed 80")}},
			{ID: target30, Kind: kg.KindTarget, Name: "output value reaches 30 billion yuan",
				Metric: "output value", Year: year(2020), Value: 30, Unit: "billion yuan", Comparator: kg.AtLeast,
				Sources: []kg.Source{d.src(sec12, "By 2020 the output value reaches 30 billion yuan")}},
			{ID: target50, Kind: kg.KindTarget, Name: "output value exceeds 50 billion yuan",
				Metric: "output value", Year: year(2020), Value: 50, Unit: "billion yuan", Comparator: kg.MoreThan,
				Sources: []kg.Source{d.src(sec11, "By 2020 the output value exceeds 50 billion yuan")}},
			{ID: targetAny, Kind: kg.KindTarget, Name: "5 to 10 platforms",
				Metric: "platforms", Value: 5, ValueMax: float(10), Unit: "platforms", Comparator: kg.Range,
				Sources: []kg.Source{d.src(sec12, "5 to 10 platforms")}},
		},
		Relations: []kg.Relation{
			rel(kg.BackboneOf, alphaSteel, steel, d.src(sec11, "Relying on Alpha Steel")),
			rel(kg.BackboneOf, betaMetals, steel, d.src(sec11, "Beta Metals and Zeta Special Steel")),
			rel(kg.BackboneOf, betaMetals, newMaterials, d.src(sec12, "Beta Metals develops graphene")),
			rel(kg.BackboneOf, zetaSteel, steel, d.src(sec11, "Zeta Special Steel, develop")),
			rel(kg.Cites, alphaDoc, citedDoc, d.src("", "follows the Opinions on accelerating industrial transformation")),
			rel(kg.Cites, sec12, citedDoc, d.src(sec12, "Implement Alpha [2017] No. 15")),
			rel(kg.HasTarget, alphaDoc, target2018, d.src("", "high-tech enterprises exceed 80")),
			rel(kg.HasTarget, steel, target50, d.src(sec11, "the output value exceeds 50 billion yuan")),
			rel(kg.HasTarget, newMaterials, target30, d.src(sec12, "the output value reaches 30 billion yuan")),
			rel(kg.HasTarget, emerging, targetAny, d.src(sec12, "with 5 to 10 platforms")),
			rel(kg.MemberOf, steel, traditional, d.src(sec11, "steel industry (iron and steel) among the traditional industries")),
			rel(kg.MemberOf, newEnergy, emerging, d.src(sec12, "emerging industries of new energy")),
			rel(kg.MemberOf, newMaterials, emerging, d.src(sec12, "emerging industries of new energy and new materials")),
			rel(kg.PartnerOf, alphaSteel, alphaDoc, d.src("", "Alpha Steel, Beta Metals and the Steel Research Institute join this program")),
			rel(kg.PartnerOf, betaMetals, alphaDoc, d.src("", "Alpha Steel, Beta Metals and the Steel Research Institute join this program")),
			rel(kg.PartnerOf, institute, alphaDoc, d.src("", "Alpha Steel, Beta Metals and the Steel Research Institute join this program")),
			rel(kg.PartOf, sec1, alphaDoc, d.src(sec1, "1. Key tasks")),
			rel(kg.PartOf, sec11, sec1, d.src(sec11, "1.1 Upgrade traditional industries")),
			rel(kg.PartOf, sec12, sec1, d.src(sec12, "1.2 Develop emerging industries")),
			rel(kg.ProductOf, steelPlate, steel, d.src(sec11, "develop steel plate")),
			rel(kg.ProductOf, graphene, newMaterials, d.src(sec12, "develops graphene")),
			rel(kg.ResponsibleFor, finance, sec11, d.src(sec11, "Responsible units: Finance Bureau")),
			rel(kg.ResponsibleFor, finance, sec12, d.src(sec12, "Responsible units: Finance Bureau")),
			rel(kg.ResponsibleFor, science, sec1, d.src(sec1, "The Science and Technology Bureau leads the key tasks")),
			rel(kg.ResponsibleFor, science, sec12, d.src(sec12, "Science and Technology Bureau")),
		},
	}
	g.Sort()
	return g
}

// betaGraph returns a new copy of the beta plan's graph.
func betaGraph() *kg.Graph {
	d := beta
	g := &kg.Graph{
		Documents: []kg.Document{d.Document},
		Entities: []kg.Entity{
			{ID: betaDoc, Kind: kg.KindPolicyDocument, Name: "Beta County new materials plan",
				Sources: []kg.Source{d.src("", "Beta County new materials plan")}},
			{ID: betaSec1, Kind: kg.KindSection, Name: "Main tasks", Number: "1.",
				Sources: []kg.Source{d.src(betaSec1, "1. Main tasks")}},
			{ID: newMaterials, Kind: kg.KindIndustry, Name: "new materials", Aliases: []string{"new material industry"},
				Sources: []kg.Source{d.src(betaSec1, "new material industry")}},
			{ID: omega, Kind: kg.KindEnterprise, Name: "Omega Materials",
				Sources: []kg.Source{d.src(betaSec1, "Omega Materials")}},
			{ID: graphene, Kind: kg.KindProduct, Name: "graphene",
				Sources: []kg.Source{d.src(betaSec1, "graphene")}},
			{ID: betaFinance, Kind: kg.KindGovernmentUnit, Name: "Finance Bureau",
				Sources: []kg.Source{d.src(betaSec1, "Finance Bureau")}},
		},
		Relations: []kg.Relation{
			rel(kg.BackboneOf, omega, newMaterials, d.src(betaSec1, "Omega Materials leads")),
			rel(kg.PartOf, betaSec1, betaDoc, d.src(betaSec1, "1. Main tasks")),
			rel(kg.ProductOf, graphene, newMaterials, d.src(betaSec1, "graphene production")),
			rel(kg.ResponsibleFor, betaFinance, betaSec1, d.src(betaSec1, "Responsible unit: Finance Bureau")),
		},
	}
	g.Sort()
	return g
}

func rel(t kg.RelationType, from, to string, src kg.Source) kg.Relation {
	return kg.Relation{Type: t, From: from, To: to, Sources: []kg.Source{src}}
}

// entity returns the entity with the given ID in g; it must be there.
func entity(g *kg.Graph, id string) kg.Entity {
	for _, e := range g.Entities {
		if e.ID == id {
			return e
		}
	}
	panic("storetest: no fixture entity " + id)
}

// relation returns the relation (t, from, to) in g; it must be there.
func relation(g *kg.Graph, t kg.RelationType, from, to string) kg.Relation {
	for _, r := range g.Relations {
		if r.Type == t && r.From == from && r.To == to {
			return r
		}
	}
	panic(fmt.Sprintf("storetest: no fixture relation %s %s → %s", t, from, to))
}

// The relations of the fixture's steel industry, as edges.
var (
	backboneAlpha = edge{kg.BackboneOf, alphaSteel, steel}
	backboneBeta  = edge{kg.BackboneOf, betaMetals, steel}
	backboneZeta  = edge{kg.BackboneOf, zetaSteel, steel}
	target        = edge{kg.HasTarget, steel, target50}
	member        = edge{kg.MemberOf, steel, traditional}
	product       = edge{kg.ProductOf, steelPlate, steel}
)
