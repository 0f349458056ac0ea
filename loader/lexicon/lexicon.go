// Package lexicon is the loader's vocabulary, kept as data: generic industry
// terms, organisation head words, cue phrases of the genre and the words of
// numeric targets. It holds no names of particular enterprises or products.
//
// The files (*.txt beside this one) are embedded; Default parses them once.
// Parse reads the same format from any fs.FS, so tests and other deployments
// can bring their own vocabulary.
package lexicon

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"sync"
)

//go:embed *.txt
var files embed.FS

// Term is one way of naming an industry. A weak (one-word, unmarked) term
// names the industry only when "industry" or "sector" follows it.
type Term struct {
	Text   string
	Strong bool
}

// Industry is a generic industry: the terms that name it and the keywords of
// its products and activities.
type Industry struct {
	Key      string // the first term: a stable canonical key
	Terms    []Term
	Keywords []string
}

// Lexicon is the parsed vocabulary.
type Lexicon struct {
	Industries []Industry
	// Lists holds the plain sections ("[backbone-adjective]" → its lines),
	// from every file; a section name is unique across files.
	Lists map[string][]string
	// Pairs holds the "phrase = value" sections.
	Pairs map[string][][2]string
}

// List returns the named list section; it panics if the section does not
// exist, which tests of the embedded data rule out.
func (l *Lexicon) List(name string) []string {
	v, ok := l.Lists[name]
	if !ok {
		panic("lexicon: no section [" + name + "]")
	}
	return v
}

// Pair returns the named "phrase = value" section, panicking like List.
func (l *Lexicon) Pair(name string) [][2]string {
	v, ok := l.Pairs[name]
	if !ok {
		panic("lexicon: no section [" + name + "]")
	}
	return v
}

var (
	defaultOnce sync.Once
	defaultLex  *Lexicon
	defaultErr  error
)

// Default returns the embedded vocabulary, parsed once and shared; callers
// must not modify it.
func Default() (*Lexicon, error) {
	defaultOnce.Do(func() { defaultLex, defaultErr = Parse(files) })
	return defaultLex, defaultErr
}

// Parse reads industries.txt and every other *.txt file of fsys.
func Parse(fsys fs.FS) (*Lexicon, error) {
	l := &Lexicon{Lists: map[string][]string{}, Pairs: map[string][][2]string{}}
	names, err := fs.Glob(fsys, "*.txt")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		if name == "industries.txt" {
			err = l.parseIndustries(string(b))
		} else {
			err = l.parseSections(string(b))
		}
		if err != nil {
			return nil, fmt.Errorf("lexicon: %s: %w", name, err)
		}
	}
	return l, nil
}

func lines(text string, fn func(n int, line string) error) error {
	sc := bufio.NewScanner(strings.NewReader(text))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(n, line); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
	return sc.Err()
}

func (l *Lexicon) parseIndustries(text string) error {
	return lines(text, func(_ int, line string) error {
		termPart, kwPart, _ := strings.Cut(line, ";")
		var ind Industry
		for _, t := range strings.Split(termPart, "|") {
			t = strings.ToLower(strings.TrimSpace(t))
			strong := strings.HasPrefix(t, "!")
			t = strings.TrimSpace(strings.TrimPrefix(t, "!"))
			if t == "" {
				continue
			}
			if ind.Key == "" {
				ind.Key = t
			}
			ind.Terms = append(ind.Terms, Term{Text: t, Strong: strong || strings.ContainsAny(t, " ")})
		}
		if ind.Key == "" {
			return fmt.Errorf("industry without terms")
		}
		for _, k := range strings.Split(kwPart, ",") {
			if k = strings.ToLower(strings.TrimSpace(k)); k != "" {
				ind.Keywords = append(ind.Keywords, k)
			}
		}
		l.Industries = append(l.Industries, ind)
		return nil
	})
}

func (l *Lexicon) parseSections(text string) error {
	section := ""
	return lines(text, func(_ int, line string) error {
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			section = line[1 : len(line)-1]
			if _, dup := l.Lists[section]; dup {
				return fmt.Errorf("section [%s] defined twice", section)
			}
			if _, dup := l.Pairs[section]; dup {
				return fmt.Errorf("section [%s] defined twice", section)
			}
			return nil
		}
		if section == "" {
			return fmt.Errorf("entry before any [section]")
		}
		if k, v, ok := strings.Cut(line, " = "); ok {
			l.Pairs[section] = append(l.Pairs[section], [2]string{strings.TrimSpace(k), strings.TrimSpace(v)})
			return nil
		}
		l.Lists[section] = append(l.Lists[section], line)
		return nil
	})
}
