package kg

import "testing"

func TestMatchScore(t *testing.T) {
	for _, tc := range []struct {
		query, name string
		aliases     []string
		want        float64
	}{
		{"new energy", "New Energy", nil, ExactScore},
		{"new energy", "new-energy", nil, ExactScore}, // punctuation is not a word
		{"new energy", "new energy vehicles", nil, PrefixScore},
		{"alu", "Aluminum", nil, PrefixScore},
		{"energy", "new energy", nil, WordScore * 0.75},         // all of the query, half of the name
		{"energy", "new energy vehicles", nil, 0.4},             // all of the query, a third of the name
		{"diamond", "high-grade diamonds", nil, 0.4},            // plurals match
		{"industries", "light industry", nil, WordScore * 0.75}, // and the other way
		{"food and energy", "energy", nil, WordScore * 0.5},     // half of the query's content words
		{"biomedical industry", "biomedicine", []string{"biomedical industry"}, AliasFactor * ExactScore},
		{"bio", "biomedicine", []string{"biomedical industry"}, PrefixScore},
		{"the", "the overall requirements", nil, PrefixScore},
		{"of", "Ministry of Science", nil, 0}, // no stop-word-only word matches…
		{"and", "and", nil, ExactScore},       // …but exact names still match
		{"steel", "new materials", []string{"materials"}, 0},
	} {
		if got := MatchScore(Normalize(tc.query), tc.name, tc.aliases); got != tc.want {
			t.Errorf("MatchScore(%q, %q, %q) = %v, want %v", tc.query, tc.name, tc.aliases, got, tc.want)
		}
	}
}

func TestScoreTiers(t *testing.T) {
	// Every exact match ranks above every prefix match, and every prefix
	// match above every word match, whether on a name or an alias.
	if AliasFactor*ExactScore <= PrefixScore || AliasFactor*PrefixScore <= WordScore {
		t.Errorf("tiers overlap: alias exact %v, prefix %v, alias prefix %v, word %v",
			AliasFactor*ExactScore, PrefixScore, AliasFactor*PrefixScore, WordScore)
	}
}

func TestStem(t *testing.T) {
	for in, want := range map[string]string{
		"diamonds": "diamond", "industries": "industry", "materials": "material",
		"glass": "glass", "bus": "bus", "analysis": "analysis", "gas": "gas", "ties": "tie", "energy": "energy",
	} {
		if got := Stem(in); got != want {
			t.Errorf("Stem(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCursor(t *testing.T) {
	id := "industry/new-materials"
	got, err := CursorID(Cursor(id))
	if err != nil || got != id {
		t.Errorf("CursorID(Cursor(%q)) = %q, %v", id, got, err)
	}
	for _, bad := range []string{"", "not base64!", Cursor("x")[:2], "aWQ"} {
		if _, err := CursorID(bad); ErrorCode(err) != EINVALID {
			t.Errorf("CursorID(%q): error %v, want EINVALID", bad, err)
		}
	}
}
