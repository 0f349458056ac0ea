package loader

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestScores prints the extraction's scores against the hand annotations,
// one line per document and a macro average per batch (folder), for the
// README's table. It asserts nothing: TestQuality holds the bars. Score
// other folders (the held-aside batch, or documents of your own) with
// LOADER_SCORE_DIRS=dir1,dir2:
//
//	go test ./loader -run TestScores -v
func TestScores(t *testing.T) {
	dirs := []string{"testdata/eval", "testdata/genre", "testdata/holdout", "testdata/holdout2", "testdata/holdout3"}
	if env := os.Getenv("LOADER_SCORE_DIRS"); env != "" {
		dirs = strings.Split(env, ",")
	}
	var out strings.Builder
	fmt.Fprintf(&out, "\n%-48s %6s %6s %6s %6s %6s\n", "document", "ent F1", "rel F1", "tgt P", "tgt R", "ok")
	for _, dir := range dirs {
		golds, _ := filepath.Glob(filepath.Join(dir, "*.gold.json"))
		if len(golds) == 0 {
			continue
		}
		var sum [4]float64
		pass := 0
		for _, gp := range golds {
			text := strings.TrimSuffix(gp, ".gold.json") + ".txt"
			if _, err := os.Stat(text); err != nil {
				text = filepath.Join("..", "seeds", strings.TrimSuffix(filepath.Base(gp), ".gold.json")+".txt")
			}
			rep := evaluate(loadGold(t, gp), parseFile(t, text))
			v := [4]float64{rep.entities.f1(), rep.relations.f1(), rep.targets.precision(), rep.targets.recall()}
			ok := v[0] >= 0.80 && v[1] >= 0.70 && v[2] >= 0.70 && v[3] >= 0.70
			if ok {
				pass++
			}
			for k := range v {
				sum[k] += v[k]
			}
			fmt.Fprintf(&out, "%-48s %6.2f %6.2f %6.2f %6.2f %6v\n", strings.TrimSuffix(filepath.Base(gp), ".gold.json"), v[0], v[1], v[2], v[3], ok)
		}
		n := float64(len(golds))
		fmt.Fprintf(&out, "%-48s %6.2f %6.2f %6.2f %6.2f %3d/%d\n\n", "macro "+dir, sum[0]/n, sum[1]/n, sum[2]/n, sum[3]/n, pass, len(golds))
	}
	t.Log(out.String())
}
