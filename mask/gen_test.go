package mask

import (
	"strings"
	"unicode"

	"github.com/transferguard/transferguard/identity/identitytest"
	"pgregory.net/rapid"
)

// Name generators for the property tests. The realistic names come from
// identity/identitytest (issue #7); the generators below add the shapes
// mask cares about that identitytest draws rarely or never: arbitrary
// ideographs including supplementary-plane ones (𠮷), given names of three
// characters, interpunct names of up to four parts, arbitrary Hangul
// syllables, and Latin names of up to five parts with combining marks and
// hyphens.

var (
	hanSingleSurnames   = []string{"张", "王", "李", "赵", "陈", "刘", "黄", "吴", "于", "范", "𠮷"}
	hanCompoundSurnames = []string{"欧阳", "歐陽", "司马", "司馬", "诸葛", "諸葛", "上官", "东方", "東方", "皇甫", "慕容", "令狐"}
	hangulCompound      = []string{"남궁", "황보", "제갈", "선우", "독고", "사공", "서문"}
	interpuncts         = []string{"·", "•", "・", "‧", "･", "．", "∙", "⋅", "\u0387"}
	latinLetters        = []rune("abcdefghijklmnopqrstuvwxyzáéíóúüöäñçøåß")
	latinMarks          = []rune{'\u0300', '\u0301', '\u0308', '\u0327', '\u030C'}
)

// hanRune draws a CJK ideograph: mostly from the URO block, sometimes from
// Extension B (outside the BMP).
func hanRune() *rapid.Generator[rune] {
	return rapid.OneOf(
		rapid.RuneFrom(nil, hanURO),
		rapid.RuneFrom([]rune{'𠮷', '𠀀', '𪚥', '𤭢'}),
	)
}

var hanURO = rangeTable(0x4E00, 0x9FA5)

func hanGiven(minLen, maxLen int) *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		return string(rapid.SliceOfN(hanRune(), minLen, maxLen).Draw(t, "given"))
	})
}

// hanName draws a Han name without separators: a single or compound
// surname and a given name of 1 to 3 ideographs.
func hanName() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		sur := rapid.OneOf(rapid.SampledFrom(hanSingleSurnames), rapid.SampledFrom(hanCompoundSurnames)).Draw(t, "surname")
		return sur + hanGiven(1, 3).Draw(t, "given")
	})
}

// interpunctName draws a transliterated name: 2 to 4 Han parts joined by
// one interpunct variant.
func interpunctName() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		parts := rapid.SliceOfN(hanGiven(1, 4), 2, 4).Draw(t, "parts")
		return strings.Join(parts, rapid.SampledFrom(interpuncts).Draw(t, "sep"))
	})
}

// hangulName draws a Korean name, sometimes with a compound surname.
func hangulName() *rapid.Generator[string] {
	syl := rapid.RuneFrom(nil, rangeTable(0xAC00, 0xD7A3))
	return rapid.Custom(func(t *rapid.T) string {
		sur := rapid.OneOf(rapid.SampledFrom(hangulCompound), rapid.Map(syl, func(r rune) string { return string(r) })).Draw(t, "surname")
		return sur + string(rapid.SliceOfN(syl, 1, 3).Draw(t, "given"))
	})
}

// latinWord draws a capitalized word of 1 to 10 letters, some with
// combining marks.
func latinWord() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		letters := rapid.SliceOfN(rapid.RuneFrom(latinLetters), 1, 10).Draw(t, "letters")
		var b strings.Builder
		for i, r := range letters {
			if i == 0 {
				r = []rune(strings.ToUpper(string(r)))[0]
			}
			b.WriteRune(r)
			if rapid.IntRange(0, 9).Draw(t, "mark?") == 0 {
				b.WriteRune(rapid.SampledFrom(latinMarks).Draw(t, "mark"))
			}
		}
		return b.String()
	})
}

// latinName draws 1 to 5 words joined by spaces, sometimes by a hyphen.
func latinName() *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		words := rapid.SliceOfN(latinWord(), 1, 5).Draw(t, "words")
		var b strings.Builder
		for i, w := range words {
			if i > 0 {
				b.WriteString(rapid.SampledFrom([]string{" ", " ", " ", "-"}).Draw(t, "sep"))
			}
			b.WriteString(w)
		}
		return b.String()
	})
}

// anyName draws from identitytest.Name and every name shape above.
func anyName() *rapid.Generator[string] {
	return rapid.OneOf(identitytest.Name(), hanName(), interpunctName(), hangulName(), latinName())
}

// maskRunes are mask runes that identity never lets into a name, so a
// mask rune in the output is never a visible grapheme of the name.
var maskRunes = []rune{'*', '●', '＊', '#', '■'}

func optionsGen() *rapid.Generator[[]Option] {
	return rapid.Custom(func(t *rapid.T) []Option {
		var opts []Option
		if rapid.Bool().Draw(t, "custom rune") {
			opts = append(opts, MaskRune(rapid.SampledFrom(maskRunes).Draw(t, "mask rune")))
		}
		if rapid.Bool().Draw(t, "hide length") {
			opts = append(opts, HideLength(true))
		}
		return opts
	})
}

func rangeTable(lo, hi rune) *unicode.RangeTable {
	return &unicode.RangeTable{R32: []unicode.Range32{{Lo: uint32(lo), Hi: uint32(hi), Stride: 1}}}
}
