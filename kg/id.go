package kg

import (
	"strings"
	"unicode"
)

// ID builds a readable, deterministic entity ID from a kind and name parts,
// e.g. ID(KindEnterprise, "Huajing Diamond") = "enterprise/huajing-diamond".
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

// Slug lowercases s and keeps ASCII letters, digits and dots, joining the
// runs between them with single hyphens. Non-ASCII letters are kept as they
// are so that names in other scripts still give distinct, stable slugs.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '.', r > 0x7f && isLetterOrDigit(r):
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
	return strings.Trim(b.String(), ".")
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
