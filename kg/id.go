package kg

import (
	"strings"
	"unicode"
)

// ID builds a readable, deterministic entity ID from a kind and name parts,
// e.g. ID(KindEnterprise, "Hongda Special Steel") = "enterprise/hongda-special-steel".
// Parts are slugged and joined with "/".
func ID(k Kind, parts ...string) string {
	var b strings.Builder
	b.WriteString(k.Slug())
	for _, p := range parts {
		b.WriteByte('/')
		s := Slug(p)
		if s == "" {
			s = "x"
		}
		b.WriteString(s)
	}
	return b.String()
}

// Slug lowercases s and keeps letters and digits, joining the runs between
// them with single hyphens; a dot between two digits stays ("2.5"). Letters
// of other scripts are kept so that such names still give distinct, stable
// slugs.
func Slug(s string) string {
	var b strings.Builder
	rs := []rune(strings.ToLower(s))
	dash := false
	for i, r := range rs {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r > 0x7f && isLetterOrDigit(r),
			r == '.' && i > 0 && i+1 < len(rs) && unicode.IsDigit(rs[i-1]) && unicode.IsDigit(rs[i+1]):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case r == '\'' || r == '’':
			// "Xi'an" → "xian": apostrophes join, they do not separate.
		default:
			dash = true
		}
	}
	return b.String()
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
