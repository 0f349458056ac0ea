package loader

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a byte range [start, end) of the document.
type span struct{ start, end int }

// token is a word, a number or a punctuation mark of the document.
type token struct {
	start, end int
	raw        string // the text as written
	norm       string // lowercase, with a plural "s" dropped; "" for punctuation
}

func (t token) punct() bool { return t.norm == "" }

// norm lowercases a word and drops a plural "s" so that "materials" and
// "material" match. It is applied to both vocabulary and text, so the crude
// rule only needs to be consistent, not linguistically right.
func norm(w string) string {
	w = strings.ToLower(w)
	w = strings.ReplaceAll(w, "’", "'")
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "'s") {
		if strings.HasSuffix(w, "ies") && len(w) > 4 {
			return w[:len(w)-3] + "y"
		}
		return w[:len(w)-1]
	}
	return w
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// tokenize splits text (which starts at byte offset base of the document)
// into words, numbers and single punctuation marks. A word keeps inner
// hyphens, apostrophes and ampersands ("high-end", "Xi'an", "R&D"); a
// number keeps inner thousands separators and decimal points ("250,000").
func tokenize(text string, base int) []token {
	var toks []token
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case isWordRune(r):
			j := i + n
			digits := unicode.IsDigit(r)
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if isWordRune(r2) {
					j += n2
					continue
				}
				// Inner joiners need a word character after them.
				if j+n2 < len(text) {
					r3, _ := utf8.DecodeRuneInString(text[j+n2:])
					if (r2 == '-' || r2 == '\'' || r2 == '’' || r2 == '&') && isWordRune(r3) && !digits {
						j += n2
						continue
					}
					// "JD.com": a dot between letters and a lower-case letter.
					if r2 == '.' && !digits && unicode.IsLower(r3) && j+n2+1 < len(text) && unicode.IsLetter(r) {
						j += n2
						continue
					}
					if (r2 == ',' || r2 == '.') && digits && unicode.IsDigit(r3) && (r2 == '.' || thousands(text[j+n2:])) {
						j += n2
						continue
					}
				}
				break
			}
			w := text[i:j]
			toks = append(toks, token{start: base + i, end: base + j, raw: w, norm: norm(w)})
			i = j
		default:
			toks = append(toks, token{start: base + i, end: base + i + n, raw: text[i : i+n]})
			i += n
		}
	}
	return toks
}

// thousands reports whether s starts with exactly three digits not followed
// by another digit: the group after a thousands separator.
func thousands(s string) bool {
	if len(s) < 3 {
		return false
	}
	for k := 0; k < 3; k++ {
		if s[k] < '0' || s[k] > '9' {
			return false
		}
	}
	return len(s) == 3 || s[3] < '0' || s[3] > '9'
}

// lineSpans returns the non-blank lines of data, trimmed of surrounding space.
func lineSpans(data string) []span {
	var out []span
	start := 0
	for start <= len(data) {
		end := strings.IndexByte(data[start:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += start
		}
		if s := trimSpan(data, span{start, end}); s.end > s.start {
			out = append(out, s)
		}
		start = end + 1
	}
	return out
}

// paragraphSpans returns the paragraphs of data: its non-blank lines, where
// a line that stops mid-sentence continues into the next, as in
// hard-wrapped text: it ends without closing punctuation, no blank line or
// outline marker follows, and the next line starts in lower case or this
// one ends with a comma or a word that cannot end a sentence ("and").
func paragraphSpans(data string) []span {
	lines := lineSpans(data)
	var out []span
	for _, ln := range lines {
		if n := len(out); n > 0 && continues(data, out[n-1], ln) {
			out[n-1].end = ln.end
			continue
		}
		out = append(out, ln)
	}
	return out
}

func continues(data string, prev, next span) bool {
	if strings.Count(data[prev.end:next.start], "\n") != 1 {
		return false // a blank line between
	}
	text := data[prev.start:prev.end]
	last, _ := utf8.DecodeLastRuneInString(text)
	first, _ := utf8.DecodeRuneInString(data[next.start:next.end])
	if strings.ContainsRune(".。;；:：!?！？)）\"”", last) {
		return false
	}
	if style, _ := matchMarker(data[next.start:next.end]); style != "" {
		return false
	}
	if unicode.IsLower(first) || strings.ContainsRune(",，、", last) {
		return true
	}
	// "… Alpha Special Steel and" / "Beta Metals, …"
	words := strings.Fields(text)
	switch strings.ToLower(words[len(words)-1]) {
	case "and", "or", "of", "the", "a", "an", "to", "for", "with", "in", "on", "by", "as", "such", "including", "like":
		return true
	}
	return false
}

// trimSpan narrows s to exclude leading and trailing white space.
func trimSpan(data string, s span) span {
	for s.start < s.end {
		r, n := utf8.DecodeRuneInString(data[s.start:])
		if !unicode.IsSpace(r) && r != '\ufeff' {
			break
		}
		s.start += n
	}
	for s.end > s.start {
		r, n := utf8.DecodeLastRuneInString(data[:s.end])
		if !unicode.IsSpace(r) {
			break
		}
		s.end -= n
	}
	return s
}

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"no": true, "co": true, "ltd": true, "inc": true, "corp": true, "mr": true, "dr": true,
	"st": true, "vs": true, "e.g": true, "i.e": true, "art": true, "fig": true, "jan": true,
	"feb": true, "aug": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// sentenceSpans splits a line into sentences. A sentence ends at ".", "!",
// "?", "。" or "；"-free full stops followed by space and a capital, digit or
// quote, or by the end of the line; also at a period glued to a capital
// ("research.In 2018") as machine translation leaves them.
func sentenceSpans(data string, line span) []span {
	var out []span
	start := line.start
	i := line.start
	for i < line.end {
		r, n := utf8.DecodeRuneInString(data[i:])
		end := -1
		switch r {
		case '。', '！', '？':
			end = i + n
		case '.', '!', '?':
			if endsSentence(data, line, i, n) {
				end = i + n
			}
		}
		if end > 0 {
			if s := trimSpan(data, span{start, end}); s.end > s.start {
				out = append(out, s)
			}
			start = end
		}
		i += n
	}
	if s := trimSpan(data, span{start, line.end}); s.end > s.start {
		out = append(out, s)
	}
	return out
}

func endsSentence(data string, line span, i, n int) bool {
	j := i + n
	if j >= line.end {
		return true
	}
	// The word before the mark: an abbreviation or a single letter ("U.S.")
	// does not end a sentence, nor does a number's decimal point.
	k := i
	for k > line.start {
		r, m := utf8.DecodeLastRuneInString(data[:k])
		if !isWordRune(r) && r != '.' {
			break
		}
		k -= m
	}
	orig := data[k:i]
	word := strings.ToLower(orig)
	if abbreviations[word] || (utf8.RuneCountInString(word) == 1 && unicode.IsLetter([]rune(word)[0])) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(data[j:])
	if unicode.IsUpper(next) && orig != "" && unicode.IsLower(lastRune(orig)) {
		return true // "research.In 2018"
	}
	if !unicode.IsSpace(next) {
		return false
	}
	for j < line.end {
		r, m := utf8.DecodeRuneInString(data[j:])
		if !unicode.IsSpace(r) {
			return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“'‘(（[《", r)
		}
		j += m
	}
	return true
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
