package lexicon

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestDefaultParses(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Industries) < 20 {
		t.Errorf("%d industries", len(l.Industries))
	}
	for _, name := range []string{"backbone-adjective", "enterprise-noun", "list-intro", "backbone-lead", "product-intro",
		"responsible-label", "cooperation", "cooperation-intro", "generic-industry-word", "group-word", "list-start",
		"clause-verb", "non-name-word", "GovernmentUnit", "Institution", "Enterprise", "EnterpriseSuffix", "GovernmentPrefix",
		"goal-verb", "not-after", "metric-verb", "goal-participle", "baseline-verb", "document-word", "generic-product-word", "role-verb", "role-word", "goal-modal", "past-marker", "page-label", "facility-word", "incentive-word", "month", "place-word", "task-adjective", "implement-lead"} {
		if len(l.List(name)) == 0 {
			t.Errorf("section [%s] is empty", name)
		}
	}
	for _, name := range []string{"comparator", "unit", "number-word"} {
		if len(l.Pair(name)) == 0 {
			t.Errorf("section [%s] is empty", name)
		}
	}
	seen := map[string]bool{}
	for _, ind := range l.Industries {
		if seen[ind.Key] {
			t.Errorf("industry key %q twice", ind.Key)
		}
		seen[ind.Key] = true
	}
}

func TestParseErrors(t *testing.T) {
	cases := map[string]string{
		"entry before section": "word\n",
		"duplicate section":    "[a]\nx\n[a]\ny\n",
	}
	for name, text := range cases {
		_, err := Parse(fstest.MapFS{"cues.txt": {Data: []byte(text)}})
		if err == nil || !strings.Contains(err.Error(), "cues.txt") {
			t.Errorf("%s: err = %v, want one naming the file", name, err)
		}
	}
	l, err := Parse(fstest.MapFS{"industries.txt": {Data: []byte("# c\nsteel | iron and steel | !ironworks ; rebar, billet\n")}})
	if err != nil {
		t.Fatal(err)
	}
	ind := l.Industries[0]
	if ind.Key != "steel" || len(ind.Terms) != 3 || ind.Terms[0].Strong || !ind.Terms[1].Strong || !ind.Terms[2].Strong || len(ind.Keywords) != 2 {
		t.Errorf("industry = %+v", ind)
	}
}
