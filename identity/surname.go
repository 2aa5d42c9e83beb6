package identity

import (
	"unicode/utf8"

	"github.com/transferguard/transferguard/internal/han"
	"golang.org/x/text/language"
)

// surname returns the surname span of a segmented name; see the package
// documentation for the rules.
func (n Name) surname(o options) [2]uint8 {
	parts := n.NumParts()
	first := n.Part(0)
	switch n.script {
	case ScriptHan:
		if parts > 1 {
			if n.hasInterpunct() {
				return span8(n.Part(parts - 1)) // 伊丽莎白·泰勒: transliterated, family name last
			}
			return span8(first) // 欧阳 娜娜: written with a space, family name first
		}
		if first.Len() >= 3 && n.compoundAt(first.Start, chineseCompound) {
			return span8(Span{first.Start, first.Start + 2})
		}
		return span8(Span{first.Start, first.Start + 1})
	case ScriptHangul:
		if parts > 1 {
			return span8(first)
		}
		if first.Len() >= 3 && n.compoundAt(first.Start, koreanCompoundSurname) {
			return span8(Span{first.Start, first.Start + 2})
		}
		return span8(Span{first.Start, first.Start + 1})
	case ScriptKana:
		if parts > 1 {
			return span8(first)
		}
		return span8(Span{first.Start, first.Start + 1})
	}
	if parts == 1 || (o.hasLang && familyFirst(o.lang)) {
		return span8(first)
	}
	return span8(n.Part(parts - 1))
}

// hasInterpunct reports whether some part separator is not white space.
func (n Name) hasInterpunct() bool {
	for i := range n.Len() {
		if n.splits&(1<<i) != 0 {
			r, _ := utf8.DecodeRuneInString(n.Grapheme(i))
			if r != ' ' && r != '\u00A0' && r != '\u3000' {
				return true
			}
		}
	}
	return false
}

// compoundAt reports whether the two grapheme clusters at i form a compound
// surname according to is.
func (n Name) compoundAt(i int, is func(string) bool) bool {
	return is(n.substring(Span{i, i + 2}))
}

// chineseCompound reports whether s, two Han characters, is a compound
// surname from the generated table, directly or after folding each
// character with han.Fold (so that mixed forms such as 歐阳 are found).
func chineseCompound(s string) bool {
	if chineseCompoundSurname(s) {
		return true
	}
	a, sa := utf8.DecodeRuneInString(s)
	b, _ := utf8.DecodeRuneInString(s[sa:])
	fa, fb := han.Fold(a), han.Fold(b)
	if fa == a && fb == b {
		return false
	}
	var buf [2 * utf8.UTFMax]byte
	k := utf8.EncodeRune(buf[:], fa)
	k += utf8.EncodeRune(buf[k:], fb)
	return chineseCompoundSurname(string(buf[:k]))
}

// familyFirst reports whether names in the language of tag put the family
// name first.
func familyFirst(tag language.Tag) bool {
	base, _ := tag.Base()
	switch base.String() {
	case "zh", "ja", "ko", "hu", "vi", "mn", "km":
		return true
	}
	return false
}

func span8(s Span) [2]uint8 { return [2]uint8{uint8(s.Start), uint8(s.End)} }
