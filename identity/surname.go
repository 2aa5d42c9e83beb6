package identity

import (
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/transferguard/transferguard/internal/compound"
)

// surname returns the surname span of a segmented name; see the package
// documentation for the rules.
//
// fast selects [compound.Chinese] instead of its general path
// [compound.ChineseFolded], and skips NumParts and Part for a name without
// separators (one part: all of it); both paths give the same answer.
func (n *Name) surname(o options, fast bool) [2]uint8 {
	chinese := compound.ChineseFolded
	var parts int
	var first Span
	if fast {
		chinese = compound.Chinese
	}
	if fast && n.seps == 0 {
		parts, first = 1, Span{0, int(n.n)}
	} else {
		parts, first = n.numParts(), n.part(0)
	}
	switch n.script {
	case ScriptHan:
		if parts > 1 {
			if n.hasInterpunct() {
				return span8(n.part(parts - 1)) // 伊丽莎白·泰勒: transliterated, family name last
			}
			return span8(first) // 欧阳 娜娜: written with a space, family name first
		}
		if first.Len() >= 3 && n.compoundAt(first.Start, chinese) {
			return span8(Span{first.Start, first.Start + 2})
		}
		return span8(Span{first.Start, first.Start + 1})
	case ScriptHangul:
		if parts > 1 {
			return span8(first)
		}
		if first.Len() >= 3 && n.compoundAt(first.Start, compound.Korean) {
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
	return span8(n.part(parts - 1))
}

// hasInterpunct reports whether some part separator is not white space.
func (n *Name) hasInterpunct() bool {
	for i := range int(n.n) {
		if n.splits&(1<<i) != 0 {
			r, _ := utf8.DecodeRuneInString(n.substring(Span{i, i + 1}))
			if r != ' ' && r != '\u00A0' && r != '\u3000' {
				return true
			}
		}
	}
	return false
}

// compoundAt reports whether the two grapheme clusters at i form a compound
// surname according to is.
func (n *Name) compoundAt(i int, is func(string) bool) bool {
	return is(n.substring(Span{i, i + 2}))
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
