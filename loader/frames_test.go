package loader

import (
	"slices"
	"strings"
	"testing"

	"policykg/kg"
)

// Lists are typed by their frame: the noun before the intro, the lead
// before the names, or "and other enterprises" after them. Each case is
// an invented passage in a phrasing the older extractors missed.
func TestEnterpriseFrames(t *testing.T) {
	cases := []struct {
		name     string
		text     string
		industry string // ID; "" when the passage names none
		firms    []string
	}{
		{
			name:     "labelled list line under an industrial chain heading",
			text:     "Plan\n\nI. Chains\n\n(1) Steel industrial chain.\n\nChain-owner enterprises: Hongtai Steel, Qiming Metals.\nKey supporting firms: Ruiyang Forging, Dongsheng Wire Co., Ltd.\n",
			industry: "industry/steel", firms: []string{"Hongtai Steel", "Qiming Metals", "Ruiyang Forging", "Dongsheng Wire Co., Ltd."},
		},
		{
			name:     "support and encourage mid-sentence, with a to-clause",
			text:     "Plan\n\nI. Tasks\n\n1. Glass industry. Support Ruitong Glassworks and Lanxin Float to expand capacity, and encourage Xinda Group to build a smart factory.\n",
			industry: "industry/glass", firms: []string{"Ruitong Glassworks", "Lanxin Float", "Xinda Group"},
		},
		{
			name:     "named through projects; a place listed as a project is none",
			text:     "Plan\n\nI. Tasks\n\n1. Chemical industry. The 200,000-ton project of Hengfa Chemical went into production. Accelerate projects such as Dongli Resin, Garden Park, Wudu Logistics Base and Kaiyuan Coatings.\n",
			industry: "industry/modern-chemical", firms: []string{"Hengfa Chemical", "Dongli Resin", "Kaiyuan Coatings"},
		},
		{
			name:     "an enterprise noun far before the intro, brands, a reference marker and a legal name",
			text:     "Plan\n\nI. Tasks\n\n1. New energy. Leading enterprises in the fields of photovoltaics and energy storage, such as HXT, Beta Cells [7] and Zhejiang Mingtai Holding Group Co., Ltd., will be supported.\n",
			industry: "industry/new-energy", firms: []string{"HXT", "Beta Cells", "Zhejiang Mingtai Holding Group Co., Ltd."},
		},
		{
			name:     "represented by, and enterprises like",
			text:     "Plan\n\nI. Tasks\n\n1. Ceramics industry. The industry is represented by Gaoshan Kiln and Lishui Tiles. Enterprises like Huali Porcelain grow fast.\n",
			industry: "industry/ceramic", firms: []string{"Gaoshan Kiln", "Lishui Tiles", "Huali Porcelain"},
		},
		{
			name:     "a name with 'and' inside, when only common words follow it",
			text:     "Plan\n\nI. Tasks\n\n1. Steel industry. Support Jiangyue Iron and Steel Group and Baoxin Copper and Tongli Wire to build smart plants.\n",
			industry: "industry/steel", firms: []string{"Jiangyue Iron and Steel Group", "Baoxin Copper", "Tongli Wire"},
		},
		{
			name:     "a role after the names: copula, apposition, aside, legal name",
			text:     "Plan\n\nI. Tasks\n\n1. Glass industry. Qiming Float and Lanxin Glassworks are named as its backbone firms. Hongtai Glass, the chain owner for glass, grows. Ruiyang Panels, whose new line started last year, is listed as a key supporting enterprise. Dongsheng Mirror will take the lead. The plan backs Yuhua Glass in building a base. Tongli Glass Co., Ltd. opened a plant.\n",
			industry: "industry/glass", firms: []string{"Qiming Float", "Lanxin Glassworks", "Hongtai Glass", "Ruiyang Panels", "Dongsheng Mirror", "Yuhua Glass", "Tongli Glass Co., Ltd."},
		},
		{
			name:     "'as' gives a role; a government is never an enterprise",
			text:     "Plan\n\nI. Tasks\n\n1. Glass industry. The plan lists Ruiyang Float and Kaiyu Panels as key supporting firms, with the leaders of the County People's Government as the group leader.\n",
			industry: "industry/glass", firms: []string{"Ruiyang Float", "Kaiyu Panels"},
		},
		{
			name:  "a field in brackets after each name scopes it",
			text:  "Plan\n\nI. Upstream\n\nLeading enterprises: Xinjing Silicon Materials Co., Ltd. (silicon materials), Yunlong Chip Design (IC design), Zhongxin Micro (Ningbo) Co., Ltd.\n",
			firms: []string{"Xinjing Silicon Materials Co., Ltd.", "Yunlong Chip Design", "Zhongxin Micro (Ningbo) Co., Ltd."},
		},
		{
			name:     "a region labels the names after it",
			text:     "Plan\n\nI. Tasks\n\n1. Steel industry. The pilot enterprises are: Hebei Province - Yanzhao Jingang Steel Group, Yunnan Province - Tongyuan Alloy Co., Ltd. and Jiangsu Province.\n",
			industry: "industry/steel", firms: []string{"Yanzhao Jingang Steel Group", "Tongyuan Alloy Co., Ltd."},
		},
		{
			name:     "'for … to', 'along with', a possessive, a name before an institution's name",
			text:     "Plan\n\nI. Tasks\n\n1. Copper industry. We want for Hengtong Copper, Jinlun Copper Industry and Ruida Wire to move up the chain. XIANGMAN leads, along with Wanfeng Alloys. Projects such as Boxin Cathode and Zhongrui Lithium's salt plant are under construction in the Luoxi High-tech Zone.\n",
			industry: "industry/copper", firms: []string{"Hengtong Copper", "Jinlun Copper Industry", "Ruida Wire", "Wanfeng Alloys", "Boxin Cathode", "Zhongrui Lithium"},
		},
		{
			name:     "'enterprise is A, B', 'with A as the leader and B as the supporting'",
			text:     "Plan\n\nI. Tasks\n\n1. Lifting equipment industry. The chain leader enterprise is Weida Crane Group, Nuoli Lifting Machinery and Huaxing Hoist. With Luozhou Crane Group as the leader and Huirun Hoist as the supporting, develop UHV AC and DC lifting equipment.\n",
			industry: "industry/lifting-equipment", firms: []string{"Weida Crane Group", "Nuoli Lifting Machinery", "Huaxing Hoist", "Luozhou Crane Group", "Huirun Hoist"},
		},
		{
			name:     "the field after the names; a name never ends in a joiner",
			text:     "Plan\n\nThe plan lists Ganxin Lithium, Hongtu Cathode and Kaiyu Membrane as key supporting firms in the battery materials sector. It singles out Qianli Drive and Zhongke Power Electronics for support in the battery materials field.\n",
			industry: "industry/battery-material", firms: []string{"Ganxin Lithium", "Hongtu Cathode", "Kaiyu Membrane", "Qianli Drive", "Zhongke Power Electronics"},
		},
		{
			name:     "a company name needs no frame; common words make none",
			text:     "Plan\n\nI. Tasks\n\n1. Biomedicine industry. Shengyuan Biotech is strong in diagnostic reagents. Advanced Materials and New Energy are fields of their own. Luoxi Anhe Pharma Co., Ltd. - everybody says Anhe - grows.\n",
			industry: "industry/biomedicine", firms: []string{"Shengyuan Biotech", "Luoxi Anhe Pharma Co., Ltd."},
		},
		{
			name:  "and other key enterprises closes the list",
			text:  "Plan\n\nI. Tasks\n\nMinghe Pump, Yida Valve and other key enterprises will set up research centres.\n",
			firms: []string{"Minghe Pump", "Yida Valve"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := parseText(t, c.text)
			for _, f := range c.firms {
				e := mustEntity(t, g, kg.KindEnterprise, f)
				if c.industry != "" {
					mustRelate(t, g, kg.BackboneOf, e, byID(t, g, c.industry))
				}
			}
			if n := count(g, kg.KindEnterprise); n != len(c.firms) {
				t.Errorf("%d enterprises, want %d", n, len(c.firms))
			}
		})
	}
}

// A cooperation frame makes the listed companies partners, never the
// backbone of an industry.
func TestCooperationFrameIsNoBackbone(t *testing.T) {
	g := parseText(t, "Plan\n\nI. Tasks\n\n1. Big data industry. Cooperate with Qiyun, Lanhai Cloud and other enterprises to build data centres.\n")
	for _, r := range g.Relations {
		if r.Type == kg.BackboneOf {
			t.Errorf("backbone %s → %s from a cooperation frame", r.From, r.To)
		}
	}
}

func TestSharedIndustryHead(t *testing.T) {
	g := parseText(t, "Plan\n\nI. Tasks\n\n(2) Glass, furniture and apparel industries.\n\nDevelop the paper and leather industries. Promote the development and growth of emerging industries.\n")
	for _, name := range []string{"glass", "furniture", "apparel", "paper", "leather"} {
		byID(t, g, kg.ID(kg.KindIndustry, name))
	}
	for _, bad := range []string{"furniture and apparel", "paper and leather", "development", "growth of emerging"} {
		if e := entityNamed(g, kg.KindIndustry, bad); e != nil {
			t.Errorf("industry %q", bad)
		}
	}
}

func TestProductFrames(t *testing.T) {
	g := parseText(t, "Plan\n\nI. Tasks\n\n(1) Home appliance industry.\n\nKey products: smart freezers, heat-pump water heaters, dishwashers.\n\n(2) Advanced steel materials industry.\n\nFocus on developing high-strength automotive steel and silicon steel sheets. Develop biomedicine, new materials and electronic information.\n")
	appliance := byID(t, g, "industry/home-appliance")
	for _, p := range []string{"smart freezers", "heat-pump water heaters", "dishwashers"} {
		mustRelate(t, g, kg.ProductOf, mustEntity(t, g, kg.KindProduct, p), appliance)
	}
	steel := byID(t, g, "industry/advanced-steel-material")
	for _, p := range []string{"high-strength automotive steel", "silicon steel sheets"} {
		mustRelate(t, g, kg.ProductOf, mustEntity(t, g, kg.KindProduct, p), steel)
	}
	for _, bad := range []string{"biomedicine", "new materials", "electronic information"} {
		if entityNamed(g, kg.KindProduct, bad) != nil {
			t.Errorf("industry %q taken for a product", bad)
		}
	}
}

// Government units named in prose by their head word and a government
// prefix, national ones included.
func TestGovernmentUnitsInProse(t *testing.T) {
	g := parseText(t, "Plan\n\nI. Safeguards\n\nThe State Council, the Ministry of Commerce and the Provincial Department of Commerce support this work. A deputy director of the Jingmen Municipal Bureau of Statistics said so, and the Hunan Provincial Department of Commerce agreed.\n")
	for _, name := range []string{"State Council", "Ministry of Commerce", "Provincial Department of Commerce", "Jingmen Municipal Bureau of Statistics"} {
		mustEntity(t, g, kg.KindGovernmentUnit, name)
	}
	// The province's own department under its full name is the same unit.
	if n := count(g, kg.KindGovernmentUnit); n != 4 {
		t.Errorf("%d units, want 4", n)
	}
}

// A responsibility line after the first of two items covers that item; after
// the last of items without lines of their own, their parent.
func TestResponsibilityLineScope(t *testing.T) {
	g := parseText(t, "Plan\n\nI. Tasks\n\n(1) Steel chain.\n\nBody.\nLead unit: Municipal Finance Bureau\n\n(2) Glass chain.\n\nBody.\n\nII. Safeguards\n\n(1) Funds.\n\nBody.\n\n(2) Land.\n\nBody.\nResponsible units: Municipal Natural Resources Bureau\n")
	mustRelate(t, g, kg.ResponsibleFor, mustEntity(t, g, kg.KindGovernmentUnit, "Municipal Finance Bureau"), mustEntity(t, g, kg.KindSection, "Steel chain"))
	mustRelate(t, g, kg.ResponsibleFor, mustEntity(t, g, kg.KindGovernmentUnit, "Municipal Natural Resources Bureau"), mustEntity(t, g, kg.KindSection, "Safeguards"))
}

// A heading is typed by its siblings: among headings that name industries,
// a short noun phrase outside the vocabulary names one too; and a product
// list after a second cue counts, but activities are no products.
func TestSiblingHeadingsAndSecondProductList(t *testing.T) {
	g := parseText(t, "Plan\n\nI. Tasks\n\n1. New energy vehicles. Develop power batteries.\n\n2. Harbour crane machinery. Support Dongwan Hoist to develop quay cranes, and extend to spreader beams and cable reels (CRs), design, installation, operation and maintenance.\n\n3. Biomedicine industry. Develop vaccines.\n")
	crane := byID(t, g, "industry/harbour-crane-machinery")
	mustRelate(t, g, kg.BackboneOf, mustEntity(t, g, kg.KindEnterprise, "Dongwan Hoist"), crane)
	for _, p := range []string{"quay cranes", "spreader beams", "cable reels"} {
		mustRelate(t, g, kg.ProductOf, mustEntity(t, g, kg.KindProduct, p), crane)
	}
	for _, bad := range []string{"design", "installation", "operation and maintenance", "maintenance", "cable reels (CRs)"} {
		if entityNamed(g, kg.KindProduct, bad) != nil {
			t.Errorf("product %q", bad)
		}
	}
}

// A list's own frame names its industry, over the section's: an industry
// before the enterprise noun or at the head of the clause, several paired
// with the names one for one; a qualified vocabulary term heads a section.
func TestFrameScope(t *testing.T) {
	g := parseText(t, "Plan\n\nI. Tasks\n\n1. Fluorosilicone new materials. Support Qixin Silicone to expand capacity.\n\n2. Advanced manufacturing. In the equipment manufacturing industry, support Hengda Hydraulics to grow. Promote biomedicine enterprises like Anrui Pharma and Kangtai Bio to develop vaccines. Promote the leading enterprises in display panels, integrated circuits and photovoltaics, such as Huiguang Display, Jinxin Semi and Yaoyang Solar, to build smart factories.\n")
	want := map[string]string{
		"Qixin Silicone":    "industry/fluorosilicone-new-material",
		"Hengda Hydraulics": "industry/equipment-manufacturing",
		"Anrui Pharma":      "industry/biomedicine",
		"Kangtai Bio":       "industry/biomedicine",
		"Huiguang Display":  "industry/display-panel",
		"Jinxin Semi":       "industry/integrated-circuits",
		"Yaoyang Solar":     "industry/photovoltaic",
	}
	for firm, ind := range want {
		mustRelate(t, g, kg.BackboneOf, mustEntity(t, g, kg.KindEnterprise, firm), byID(t, g, ind))
	}
	if n := len(g.Relations); n == 0 {
		t.Fatal("no relations")
	}
	for _, r := range g.Relations {
		if r.Type == kg.BackboneOf && r.To == "industry/advanced-manufacturing" {
			t.Errorf("%s backs the section's industry, not its frame's", r.From)
		}
	}
}

// The program's title: a line after page clutter (whose document number is
// the program's own code, not a citation), or in a news write-up the
// unquoted title in its opening sentences, never the headline.
func TestProgramTitle(t *testing.T) {
	cases := []struct{ name, text, title, code string }{
		{"plain first line", "Ruzhou City Plan to Develop Glass Industry\n\nI. Tasks\n\nBody.\n", "Ruzhou City Plan to Develop Glass Industry", ""},
		{"web copy", "Qiaoshan Municipal People's Government\nHome | News | Services\n<< Back\nDocument No.: Qiao Zheng Fa [2024] No. 3    Date: 2024-01-02\n\nQiaoshan City Action Plan for the Glass Industry (2024-2026)\n\nI. Tasks\n\nBody.\n",
			"Qiaoshan City Action Plan for the Glass Industry (2024-2026)", "Qiao Zheng Fa [2024] No. 3"},
		{"interview with the quoted program issued", "\"Old industries are not sunset\": an interview with the mayor\n\nBusiness Daily | Reporter: Liu Qing | 2024-03-18\n\nEditor's note: In January the city government issued the \"Qiaoshan City Action Plan for Glass (2024-2026)\", which implements the \"Provincial Opinions on Glass Industry\".\n",
			"Qiaoshan City Action Plan for Glass (2024-2026)", ""},
		{"feature naming its plan late, with its period", "Charging Up: how a city wants a battery valley\n\nBy Li Na\n\nThe city has long made cars. Its firms grew fast. Officials are upbeat. Exports rose. Workers moved in. Prices fell. Land was cheap. Banks lent. Schools opened. Roads were built. Ports grew. Trade rose.\n\nThe answer is a document adopted in January under the title Jingmen City Action Plan for Building the Battery Valley (2024-2026). It implements the Hubei Province Action Plan for Energy Storage.\n",
			"Jingmen City Action Plan for Building the Battery Valley (2024-2026)", ""},
		{"news write-up", "Qiaoshan unveils plan to grow glass industry\n\nSource: Daily | Editor: Li Lei | 2024-02-01 18:05:41\n\nQIAOSHAN, Feb 1 -- The city released a plan on Monday. The Action Plan for Building a Glass Industry Cluster in Qiaoshan (2024-2026), issued by the city government, implements the provincial \"Opinions on Glass\".\n",
			"Action Plan for Building a Glass Industry Cluster in Qiaoshan (2024-2026)", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := parseText(t, c.text)
			if got := g.Documents[0].Title; got != c.title {
				t.Errorf("title %q, want %q", got, c.title)
			}
			p := byID(t, g, g.Documents[0].ID)
			if p.Name != c.title || p.Code != c.code {
				t.Errorf("program %q code %q, want %q %q", p.Name, p.Code, c.title, c.code)
			}
			if n := count(g, kg.KindTarget); n != 0 {
				t.Errorf("%d targets from page metadata", n)
			}
			for _, r := range g.Relations {
				if r.Type == kg.Cites && (r.To == p.ID || c.code != "" && byID(t, g, r.To).Name != "Opinions on Glass") || r.From != p.ID && r.Type == kg.Cites {
					t.Errorf("cites %s", r.To)
				}
			}
		})
	}
}

// A group is headed by any plural industry head ("sub-chains", "clusters");
// a quote that is speech names no document, and the program never cites
// itself.
func TestGroupHeadsAndQuotes(t *testing.T) {
	g := parseText(t, "Qiaoshan Action Plan for Rail Equipment (2024-2026)\n\nThe plan organizes the industry into four sub-chains: complete vehicles, traction systems, key components, and maintenance services, and assigns each a chief. It builds three 100-billion-level clusters: glass, ceramics and paper. \"We will treat projects as the lifeline of the plan,\" he said. The Qiaoshan Action Plan for Rail Equipment (2024-2026) implements the \"Several Measures to Support Rail Equipment Enterprises\".\n")
	for group, members := range map[string][]string{
		"four sub-chains":                  {"complete vehicles", "traction systems", "key components", "maintenance services"},
		"three 100-billion-level clusters": {"glass", "ceramics", "paper"},
	} {
		ge := mustEntity(t, g, kg.KindIndustryGroup, group)
		for _, m := range members {
			mustRelate(t, g, kg.MemberOf, mustEntity(t, g, kg.KindIndustry, m), ge)
		}
	}
	mustEntity(t, g, kg.KindPolicyDocument, "Several Measures to Support Rail Equipment Enterprises")
	if n := count(g, kg.KindPolicyDocument); n != 2 {
		t.Errorf("%d documents, want the program and the measures", n)
	}
}

// A legal name and its short form are one enterprise, whichever comes
// first; a pronoun opening a sentence is no name, and "our province" no
// industry.
func TestShortFormsAndPronouns(t *testing.T) {
	g := parseText(t, "Plan\n\nI. Tasks\n\n1. Glass industry. Support Hunan Qiming Float Glass Co., Ltd. to expand. Support Qiming Float to build a line. Support Lanxin Panels to grow. Lanxin Panels (Yueyang) Co., Ltd. will take the lead. We will build the three pillar industries of our province: glass, paper and steel.\n")
	for legal, short := range map[string]string{"Hunan Qiming Float Glass Co., Ltd.": "Qiming Float", "Lanxin Panels (Yueyang) Co., Ltd.": "Lanxin Panels"} {
		e := mustEntity(t, g, kg.KindEnterprise, legal)
		if !slices.Contains(e.Aliases, short) {
			t.Errorf("%s: aliases %q, want %q", legal, e.Aliases, short)
		}
	}
	if n := count(g, kg.KindEnterprise); n != 2 {
		t.Errorf("%d enterprises, want 2", n)
	}
	if e := entityNamed(g, kg.KindIndustry, "our province"); e != nil {
		t.Error("industry \"our province\"")
	}
}

// A group's members may stand before it: the subject of a copula ("A, B
// and C industries are the three pillar industries of our province") or a
// list in apposition ("support A and B, the two clusters of our city").
func TestGroupMembersBefore(t *testing.T) {
	g := parseText(t, "Plan\n\nThe glass, paper and leather industries are the three pillar industries of our province. Among them, steel and cement are the two basic industries of our city. Support furniture and apparel, the two trillion-level industrial clusters of our city, to grow.\n")
	for group, members := range map[string][]string{
		"three pillar industries":                {"glass", "paper", "leather"},
		"two basic industries":                   {"steel", "cement"},
		"two trillion-level industrial clusters": {"furniture", "apparel"},
	} {
		ge := mustEntity(t, g, kg.KindIndustryGroup, group)
		for _, m := range members {
			mustRelate(t, g, kg.MemberOf, mustEntity(t, g, kg.KindIndustry, m), ge)
		}
	}
	for _, bad := range []string{"our province", "our city", "Among them"} {
		if entityNamed(g, kg.KindIndustry, bad) != nil {
			t.Errorf("industry %q", bad)
		}
	}
}

// Products may come before the enterprises of their clause, after "support
// the development of"; gerund phrases, abstract nouns and titles are none.
func TestProductsBeforeFirms(t *testing.T) {
	g := parseText(t, "Plan\n\nI. Tasks\n\n1. Furniture industry. Focus on developing smart sofas and solid wood furniture, foster a batch of furniture enterprises such as Lecong Home and Shengyi Sofa. Support the development of whole-house customized furniture, technical guidance and the \"Real Home\" brand.\n")
	furniture := byID(t, g, "industry/furniture")
	for _, p := range []string{"smart sofas", "solid wood furniture", "whole-house customized furniture"} {
		mustRelate(t, g, kg.ProductOf, mustEntity(t, g, kg.KindProduct, p), furniture)
	}
	for _, f := range []string{"Lecong Home", "Shengyi Sofa"} {
		mustRelate(t, g, kg.BackboneOf, mustEntity(t, g, kg.KindEnterprise, f), furniture)
	}
	if n := count(g, kg.KindProduct); n != 3 {
		t.Errorf("%d products, want 3", n)
	}
}

// Page metadata after the headline holds no goal, whatever year is in force.
func TestPageMetadataIsNoProse(t *testing.T) {
	g := parseText(t, "Qiaoshan to grow glass by 2026\n\nSource: Daily | Editor: Li Lei | 2024-02-01 18:05:41\nAuthor: Wang Fang, 12 years\n\nBy 2026, the glass output will reach 50 billion yuan.\n")
	if n := count(g, kg.KindTarget); n != 1 {
		t.Errorf("%d targets, want 1", n)
	}
}

// A short phrase may stand between a group and the colon of its list.
func TestGroupPhraseBeforeColon(t *testing.T) {
	g := parseText(t, "Plan\n\nThe plan organises the sector into two key chains - paper and leather - and gives each a chief. It picks out three key industrial chains for sustained attention: glass, magnetic materials and high-end molds. In high-end molds, the chain is represented by Beilun Mould and Ruiqi Tools.\n")
	two := mustEntity(t, g, kg.KindIndustryGroup, "two key chains")
	for _, m := range []string{"paper", "leather"} {
		mustRelate(t, g, kg.MemberOf, mustEntity(t, g, kg.KindIndustry, m), two)
	}
	ge := mustEntity(t, g, kg.KindIndustryGroup, "three key industrial chains")
	for _, m := range []string{"glass", "magnetic materials", "high-end molds"} {
		mustRelate(t, g, kg.MemberOf, mustEntity(t, g, kg.KindIndustry, m), ge)
	}
	molds := mustEntity(t, g, kg.KindIndustry, "high-end molds")
	for _, f := range []string{"Beilun Mould", "Ruiqi Tools"} {
		mustRelate(t, g, kg.BackboneOf, mustEntity(t, g, kg.KindEnterprise, f), molds)
	}
}

// In prose without headings the paragraph scopes its lists: an industry
// named earlier in the sentence or the paragraph.
func TestParagraphScope(t *testing.T) {
	g := parseText(t, "Plan\n\nThe plan picks two key industrial chains: smart home appliances and high-end molds.\n\nSmart home appliances are led by Homax and Lianda Appliance. The plan encourages them to shift towards smart refrigerators and heat pumps.\n\nThe high-end molds chain relies on small workshops led by Jinggong Mould; its focus is on large die-casting molds and injection molds, products that are still imported.\n")
	home := mustEntity(t, g, kg.KindIndustry, "smart home appliances")
	molds := mustEntity(t, g, kg.KindIndustry, "high-end molds")
	for p, ind := range map[string]*kg.Entity{"smart refrigerators": home, "heat pumps": home, "large die-casting molds": molds, "injection molds": molds} {
		mustRelate(t, g, kg.ProductOf, mustEntity(t, g, kg.KindProduct, p), ind)
	}
	mustRelate(t, g, kg.BackboneOf, mustEntity(t, g, kg.KindEnterprise, "Jinggong Mould"), molds)
	if n := count(g, kg.KindProduct); n != 4 {
		t.Errorf("%d products, want 4", n)
	}
}

// Chains of another kind are no industries: "industrial chains and supply
// chains", "a number of key areas".
func TestNoIndustryFromOtherChains(t *testing.T) {
	g := parseText(t, "Plan\n\nBreakthroughs were made in a number of key areas, industrial chains and supply chains became more controllable, and the value chain and innovation chain were linked.\n")
	if n := count(g, kg.KindIndustry); n != 0 {
		t.Errorf("%d industries, want none", n)
	}
}

// "industries such as A, B and C" lists industries; a vocabulary term
// before "and" still splits from a term after it.
func TestIndustriesSuchAs(t *testing.T) {
	g := parseText(t, "Plan\n\nThis system will encompass advanced manufacturing industries such as high-end equipment, high-end chemicals, new medicine, and new-generation information technology. Cultivate the emerging industries of new materials, electronic information and new-type energy storage.\n")
	for _, name := range []string{"high-end equipment", "high-end chemicals", "new medicine", "new-generation information technology", "electronic information", "new-type energy storage"} {
		mustEntity(t, g, kg.KindIndustry, name)
	}
	if entityNamed(g, kg.KindIndustry, "electronic information and new-type energy storage") != nil {
		t.Error("two industries taken for one")
	}
}

// A group named first lists its members after a copula.
func TestGroupCopulaList(t *testing.T) {
	g := parseText(t, "Plan\n\nThe four traditional industries are ceramics, copper processing, textiles and food processing.\n")
	ge := mustEntity(t, g, kg.KindIndustryGroup, "four traditional industries")
	for _, m := range []string{"ceramics", "copper processing", "textiles", "food processing"} {
		mustRelate(t, g, kg.MemberOf, mustEntity(t, g, kg.KindIndustry, m), ge)
	}
}

func TestBracketFieldIsTheIndustry(t *testing.T) {
	g := parseText(t, "Plan\n\nI. Upstream\n\nLeading enterprises: Xinjing Silicon Materials Co., Ltd. (silicon materials), Yunlong Chip Design (IC design).\n")
	mustRelate(t, g, kg.BackboneOf, mustEntity(t, g, kg.KindEnterprise, "Xinjing Silicon Materials Co., Ltd."), mustEntity(t, g, kg.KindIndustry, "silicon materials"))
	mustRelate(t, g, kg.BackboneOf, mustEntity(t, g, kg.KindEnterprise, "Yunlong Chip Design"), mustEntity(t, g, kg.KindIndustry, "IC design"))
}

// Under a heading that names an industry, noun-phrase headings name its
// branches; a labelled list line runs on across ";" and region labels.
func TestBranchHeadingsAndLabelledLines(t *testing.T) {
	g := parseText(t, "Plan\n\n(i) Equipment manufacturing field.\n\n1. Harbour cranes.\n\nPilot enterprises: Jiangsu Province: Suzhou Ruidong Hoist Co., Ltd.; Guangdong Province: Foshan Kairui Lifting; Liaoning Province - Shenyang Beiyu Cranes.\n\n2. Mining machinery.\n\nKey products: roadheaders, shearers.\n")
	cranes := mustEntity(t, g, kg.KindIndustry, "Harbour cranes")
	for _, f := range []string{"Suzhou Ruidong Hoist Co., Ltd.", "Foshan Kairui Lifting", "Shenyang Beiyu Cranes"} {
		mustRelate(t, g, kg.BackboneOf, mustEntity(t, g, kg.KindEnterprise, f), cranes)
	}
	mining := mustEntity(t, g, kg.KindIndustry, "Mining machinery")
	mustRelate(t, g, kg.ProductOf, mustEntity(t, g, kg.KindProduct, "roadheaders"), mining)
	if n := count(g, kg.KindEnterprise); n != 3 {
		t.Errorf("%d enterprises, want 3", n)
	}
}

// The ";" parts of a labelled line pair in order with the industries the
// line before lists.
func TestLabelledPartsPairInOrder(t *testing.T) {
	g := parseText(t, "Plan\n\nI. Upstream\n\nKey links: silicon materials, electronic chemicals, semiconductor equipment.\nKey products: polished wafers, epitaxial wafers; photoresist, high-purity ammonia; etching machines.\n")
	for p, ind := range map[string]string{"polished wafers": "silicon materials", "epitaxial wafers": "silicon materials", "photoresist": "electronic chemicals", "high-purity ammonia": "electronic chemicals", "etching machines": "semiconductor equipment"} {
		mustRelate(t, g, kg.ProductOf, mustEntity(t, g, kg.KindProduct, p), mustEntity(t, g, kg.KindIndustry, ind))
	}
}

// "the X industry": a qualifier of its own keeps a vocabulary term whole
// ("the hydrogen energy industry"), a word of scale or standing is dropped.
func TestTheIndustryQualifiers(t *testing.T) {
	g := parseText(t, "Plan\n\nIn the hydrogen energy industry, Huaqing Hydrogen will lead. Develop the characteristic marine biomedicine industry and the park's robotics industry.\n")
	for _, name := range []string{"hydrogen energy", "marine biomedicine", "robotics industry"} {
		mustEntity(t, g, kg.KindIndustry, name)
	}
	for _, bad := range []string{"energy industry", "characteristic marine biomedicine", "park's robotics"} {
		if entityNamed(g, kg.KindIndustry, bad) != nil {
			t.Errorf("industry %q", bad)
		}
	}
}

// Prose names products after "maker of", "produces", "lead the development
// of"; a quantity is no product, a specification is.
func TestProseProductCues(t *testing.T) {
	g := parseText(t, "Plan\n\nIn the automotive electronics industry, Tuoyu Technology, which produces millimetre-wave radars and domain controllers, will take the lead. The plan wants to build 300,000 radars a year by 2025 and develop 1100 kV switchgear.\n")
	ind := mustEntity(t, g, kg.KindIndustry, "automotive electronics")
	for _, p := range []string{"millimetre-wave radars", "domain controllers"} {
		mustRelate(t, g, kg.ProductOf, mustEntity(t, g, kg.KindProduct, p), ind)
	}
	mustEntity(t, g, kg.KindProduct, "1100 kV switchgear")
	for _, p := range g.Entities {
		if p.Kind == kg.KindProduct && strings.Contains(p.Name, "300,000") {
			t.Errorf("product %q", p.Name)
		}
	}
}

// "Of the N chains, … the A, B and C chains" names members; "X and X Y" is
// one industry.
func TestPartitiveGroup(t *testing.T) {
	g := parseText(t, "Plan\n\nOf the 23 key industrial chains, we will give priority to the photovoltaic, titanium and titanium alloys, aviation and hydrogen energy chains.\n")
	ge := mustEntity(t, g, kg.KindIndustryGroup, "23 key industrial chains")
	for _, m := range []string{"photovoltaic", "titanium and titanium alloys", "aviation", "hydrogen energy"} {
		mustRelate(t, g, kg.MemberOf, mustEntity(t, g, kg.KindIndustry, m), ge)
	}
	if entityNamed(g, kg.KindIndustry, "titanium") != nil {
		t.Error("industry \"titanium\" split off")
	}
}

// A task heading names the industry it works on: its object before an
// industry head, split when the head is plural.
func TestTaskHeadingObject(t *testing.T) {
	g := parseText(t, "Plan\n\ntwo, key task\n\n(one) make bigger and stronger grain and oil processing industry chain. Rely on Jinsui Flour Co., Ltd. to develop special flour.\n\n(two) Promote the chemical and pharmaceutical industries. Support Anke Pharmaceutical and Huaihe Chemical Group to build smart plants.\n")
	grain := mustEntity(t, g, kg.KindIndustry, "grain and oil processing")
	mustRelate(t, g, kg.BackboneOf, mustEntity(t, g, kg.KindEnterprise, "Jinsui Flour Co., Ltd."), grain)
	mustRelate(t, g, kg.ProductOf, mustEntity(t, g, kg.KindProduct, "special flour"), grain)
	// "pharmaceutical" and "chemical" are vocabulary terms of their own industries.
	mustRelate(t, g, kg.BackboneOf, mustEntity(t, g, kg.KindEnterprise, "Anke Pharmaceutical"), byID(t, g, "industry/biomedicine"))
	mustRelate(t, g, kg.BackboneOf, mustEntity(t, g, kg.KindEnterprise, "Huaihe Chemical Group"), byID(t, g, "industry/modern-chemical"))
}

// A table of industries and their enterprises, rendered as text lines.
func TestEnterpriseTable(t *testing.T) {
	g := parseText(t, "Notice\n\nThe list is as follows:\nNo. | Cluster name | Host city | Leading enterprises | Promotion organization\n1 | Changsha Intelligent Connected Vehicle Cluster | Changsha | Xiangyun Automobile Co., Ltd.; Zhida Auto Electronics | Changsha Vehicle Association\n2 | Xiangtan Wind Power Equipment Cluster | Xiangtan | Fengrui Electric; Xiangneng Blade Technology | Xiangtan Wind Power Alliance\n\nThe clusters shall grow.\n")
	for firm, ind := range map[string]string{"Xiangyun Automobile Co., Ltd.": "intelligent connected vehicle", "Zhida Auto Electronics": "intelligent connected vehicle", "Fengrui Electric": "wind power equipment", "Xiangneng Blade Technology": "wind power equipment"} {
		mustRelate(t, g, kg.BackboneOf, mustEntity(t, g, kg.KindEnterprise, firm), mustEntity(t, g, kg.KindIndustry, ind))
	}
	if n := count(g, kg.KindEnterprise); n != 4 {
		t.Errorf("%d enterprises, want 4", n)
	}
}

// A bracket that defines a short name makes it an alias; company words
// such as "Ceramics" or "Robotics" end a company's name.
func TestDefinedAliasAndCompanyWords(t *testing.T) {
	g := parseText(t, "Plan\n\nI. Tasks\n\n1. Ceramics industry. Support Baoji Qinfeng Kiln Machinery Co., Ltd. (hereinafter referred to as \"Qinfeng Kiln\") to grow. Walk into the workshop of Dongtao Ceramics and you see robots.\n")
	e := mustEntity(t, g, kg.KindEnterprise, "Baoji Qinfeng Kiln Machinery Co., Ltd.")
	if !slices.Contains(e.Aliases, "Qinfeng Kiln") {
		t.Errorf("aliases %q, want Qinfeng Kiln", e.Aliases)
	}
	mustEntity(t, g, kg.KindEnterprise, "Dongtao Ceramics")
}
