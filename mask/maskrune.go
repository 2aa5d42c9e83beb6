package mask

import (
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// validMaskRune reports whether r may replace hidden graphemes: see
// [MaskRune]. ASCII is decided on a fast path; other runes are checked
// against the general categories and then against the grapheme segmenter
// itself, so a rune that would merge with its neighbour (UAX #29 GB6–GB9b,
// GB12) is refused whatever property table the segmenter uses.
func validMaskRune(r rune) bool {
	if r < utf8.RuneSelf {
		// Graphic ASCII except space, hyphen-minus and full stop, which a
		// name uses as separators.
		return r > ' ' && r < 0x7f && r != '-' && r != '.'
	}
	return validMaskRuneSlow(r)
}

func validMaskRuneSlow(r rune) bool {
	if r == utf8.RuneError || !utf8.ValidRune(r) {
		return false
	}
	if !unicode.In(r, unicode.L, unicode.N, unicode.P, unicode.S) {
		return false // marks, separators (Z), controls, format, private use, unassigned
	}
	if unicode.Is(unicode.Pd, r) || isInterpunct(r) {
		return false // could be read as a separator of the name
	}
	switch {
	case 0x1100 <= r && r <= 0x11FF, 0xA960 <= r && r <= 0xA97F,
		0xAC00 <= r && r <= 0xD7A3, 0xD7B0 <= r && r <= 0xD7FF:
		return false // Hangul jamo and syllables join (GB6–GB8)
	}
	// "a" r r "a" must be four grapheme clusters.
	var buf [3 * utf8.UTFMax]byte
	b := append(buf[:0], 'a')
	b = utf8.AppendRune(b, r)
	b = utf8.AppendRune(b, r)
	b = append(b, 'a')
	n, state := 0, -1
	for len(b) > 0 {
		_, b, _, state = uniseg.FirstGraphemeCluster(b, state)
		n++
	}
	return n == 4
}

// isInterpunct reports the interpunct and full-stop variants that
// identity treats as name separators.
func isInterpunct(r rune) bool {
	switch r {
	case '·', '•', '・', '‧', '･', '．', '∙', '⋅', '\u0387', '。', '｡':
		return true
	}
	return false
}
