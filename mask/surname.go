package mask

import (
	"github.com/transferguard/transferguard/identity"
	"github.com/transferguard/transferguard/internal/compound"
)

// surnameCJK returns the surname span that identity.Parse gives a name s of
// k CJK Unified Ideographs and Hangul syllables only, as [cjkOnly]
// reports, without parsing it: the Parse that HideSurname and KeepSurname
// made for it was a third of Name("张小明", HideSurname).
//
// Why this is exact: such a name is one part of k graphemes, one rune each
// (see [Masked.setCJK]), and identity's surname rules for one part are: a
// name of both scripts (ScriptMixed) is its own surname; a Han or Hangul
// name is its first character, or its first two when they are a compound
// surname (internal/compound's Chinese or Korean, which identity uses
// too) and a character is left. TestSurnameCJK compares
// surnameCJK with identity.Parse for every first rune and, for every rune
// that may start a compound, every second rune, and TestPropSurnameCJK
// compares them on random names.
func surnameCJK(s string, k int) identity.Span {
	var hanRune, hangul bool
	for i := 0; i < len(s); i += 3 {
		if s[i] >= 0xEA { // Hangul syllables: U+AC00 and above
			hangul = true
		} else {
			hanRune = true
		}
	}
	switch {
	case hanRune && hangul:
		return identity.Span{Start: 0, End: k}
	case k < 3:
	case hanRune && compound.Chinese(s[:6]), hangul && compound.Korean(s[:6]):
		return identity.Span{Start: 0, End: 2}
	}
	return identity.Span{Start: 0, End: 1}
}
