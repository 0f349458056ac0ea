package kg

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestID(t *testing.T) {
	cases := []struct {
		kind  Kind
		parts []string
		want  string
	}{
		{KindEnterprise, []string{"Hongda Special Steel"}, "enterprise/hongda-special-steel"},
		{KindInstitution, []string{"Xi'an Alpha University"}, "institution/xian-alpha-university"},
		{KindGovernmentUnit, []string{"doc", "Finance Bureau"}, "government-unit/doc/finance-bureau"},
		{KindPolicyDocument, []string{"Jiao [2017] No. 15"}, "policy-document/jiao-2017-no-15"},
		{KindTarget, []string{"2020 rate 2.5"}, "target/2020-rate-2.5"},
		{KindSection, []string{"!!!"}, "section/x"},
	}
	for _, c := range cases {
		if got := ID(c.kind, c.parts...); got != c.want {
			t.Errorf("ID(%s, %q) = %q, want %q", c.kind, c.parts, got, c.want)
		}
	}
}

func TestEntityJSON(t *testing.T) {
	year, max := 2020, 5.0
	target := Entity{ID: "target/x", Kind: KindTarget, Name: "3 to 5 bases", Metric: "bases", Year: &year, Value: 3, ValueMax: &max, Unit: "count", Comparator: Range,
		Sources: []Source{{Document: "d", Start: 0, End: 3, Text: "abc"}}}
	b, err := json.Marshal(target)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"metric":"bases"`, `"year":2020`, `"value":3`, `"valueMax":5`, `"unit":"count"`, `"comparator":"range"`, `"section":null`, `"aliases":[]`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("%s lacks %s", b, want)
		}
	}
	var back Entity
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.Metric != "bases" || *back.Year != 2020 || *back.ValueMax != 5 || back.Sources[0].Section != "" {
		t.Errorf("round trip = %+v", back)
	}

	// Non-targets carry no target fields; a section source is a string.
	ind := Entity{ID: "industry/x", Kind: KindIndustry, Name: "x", Sources: []Source{{Document: "d", Section: "section/d/1"}}}
	b, _ = json.Marshal(ind)
	if strings.Contains(string(b), "metric") || !strings.Contains(string(b), `"section":"section/d/1"`) {
		t.Errorf("industry JSON = %s", b)
	}
	// A target without year or range says so with nulls.
	b, _ = json.Marshal(Entity{Kind: KindTarget})
	if !strings.Contains(string(b), `"year":null`) || !strings.Contains(string(b), `"valueMax":null`) {
		t.Errorf("target JSON = %s", b)
	}
}

func TestMerge(t *testing.T) {
	src := func(doc string, start int) Source {
		return Source{Document: doc, Start: start, End: start + 1, Text: "x"}
	}
	a := &Graph{
		Documents: []Document{{ID: "policy-document/a"}},
		Entities:  []Entity{{ID: "industry/food", Kind: KindIndustry, Name: "food", Sources: []Source{src("a", 1)}}},
		Relations: []Relation{{Type: MemberOf, From: "industry/food", To: "g", Sources: []Source{src("a", 1)}}},
	}
	b := &Graph{
		Documents: []Document{{ID: "policy-document/b"}},
		Entities: []Entity{
			{ID: "industry/food", Kind: KindIndustry, Name: "food industry", Sources: []Source{src("b", 5), src("b", 5)}},
			{ID: "enterprise/z", Kind: KindEnterprise, Name: "Z"},
		},
		Relations: []Relation{{Type: MemberOf, From: "industry/food", To: "g", Sources: []Source{src("b", 5)}}},
	}
	a.Merge(b)
	a.Merge(b) // merging again changes nothing
	if len(a.Documents) != 2 || len(a.Entities) != 2 || len(a.Relations) != 1 {
		t.Fatalf("merged = %d docs, %d entities, %d relations", len(a.Documents), len(a.Entities), len(a.Relations))
	}
	food := a.Entities[1]
	if food.ID != "industry/food" || len(food.Sources) != 2 || len(food.Aliases) != 1 || food.Aliases[0] != "food industry" {
		t.Errorf("food = %+v", food)
	}
	if len(a.Relations[0].Sources) != 2 {
		t.Errorf("relation sources = %+v", a.Relations[0].Sources)
	}
}

func TestErrorCode(t *testing.T) {
	if ErrorCode(nil) != "" || ErrorCode(Errorf(ENOTFOUND, "x")) != ENOTFOUND || ErrorCode(errString("boom")) != EINTERNAL {
		t.Error("ErrorCode mapping wrong")
	}
}

type errString string

func (e errString) Error() string { return string(e) }
