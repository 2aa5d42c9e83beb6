package bench

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// corpusSize is the number of nicknames in the skeleton comparison corpus.
const corpusSize = 20000

// nicknameCorpus returns a deterministic corpus of n nicknames in many
// scripts, built from a seeded PCG: plain and accented Latin, Cyrillic,
// Greek, Han, Hangul, kana, Arabic, Hebrew, Thai and Devanagari names,
// spoofs that mix Cyrillic or Greek homoglyphs into Latin, styled letters
// (fullwidth, mathematical), digits, decorations (emoji with skin tones and
// ZWJ, symbols, punctuation) and invisible characters.
func nicknameCorpus(n int) []string {
	rng := rand.New(rand.NewPCG(20261127, 5))
	out := make([]string, n)
	for i := range out {
		out[i] = corpusNickname(rng)
	}
	return out
}

type runeRange struct{ lo, hi rune }

var corpusScripts = []struct {
	name   string
	ranges []runeRange
	minLen int
	maxLen int
}{
	{"latin", []runeRange{{'a', 'z'}}, 3, 10},
	{"latin-marks", []runeRange{{'a', 'z'}, {0xE0, 0xFF}, {0x100, 0x17F}}, 3, 10},
	{"cyrillic", []runeRange{{0x430, 0x44F}}, 3, 9},
	{"greek", []runeRange{{0x3B1, 0x3C9}}, 3, 9},
	{"han", []runeRange{{0x4E00, 0x9FA5}}, 2, 4},
	{"hangul", []runeRange{{0xAC00, 0xD7A3}}, 2, 4},
	{"kana", []runeRange{{0x3041, 0x3096}, {0x30A1, 0x30FA}}, 2, 6},
	{"arabic", []runeRange{{0x627, 0x64A}}, 3, 8},
	{"hebrew", []runeRange{{0x5D0, 0x5EA}}, 3, 7},
	{"thai", []runeRange{{0xE01, 0xE30}}, 3, 8},
	{"devanagari", []runeRange{{0x905, 0x939}, {0x93E, 0x94C}}, 3, 8},
}

var (
	corpusLatinNames  = []string{"Alice", "Bob", "Carol", "David", "Emma", "Jonathan", "Olivia", "PayPal", "Tom", "Sophie", "Lucas", "Mia", "Wang Wei", "Li Na", "Zhang"}
	corpusHomoglyphs  = map[byte]string{'a': "а", 'e': "е", 'o': "οо0", 'p': "р", 'c': "с", 'x': "х", 'y': "у", 'i': "і", 'l': "1I", 'A': "АΑ", 'B': "ВΒ", 'E': "ЕΕ", 'O': "ОΟ0", 'P': "РΡ", 'T': "ТΤ"}
	corpusDecorations = []string{"🌸", "★", "♥", "✨", "🔥", "👍🏻", "👩\u200d👩\u200d👧", "❤\ufe0f", "~", "_", ".", "·", " ", "【", "】", "-", "♪"}
	corpusInvisibles  = []string{"\u200b", "\u200d", "\u202e", "\ufeff", "\u3164", "\u00ad"}
)

func corpusNickname(rng *rand.Rand) string {
	var b strings.Builder
	switch k := rng.IntN(len(corpusScripts) + 3); {
	case k < len(corpusScripts):
		sc := corpusScripts[k]
		for range sc.minLen + rng.IntN(sc.maxLen-sc.minLen+1) {
			rr := sc.ranges[rng.IntN(len(sc.ranges))]
			b.WriteRune(rr.lo + rune(rng.IntN(int(rr.hi-rr.lo+1))))
		}
		if k <= 1 && rng.IntN(2) == 0 { // capitalise Latin
			s := b.String()
			r, n := utf8.DecodeRuneInString(s)
			b.Reset()
			b.WriteRune(unicode.ToUpper(r))
			b.WriteString(s[n:])
		}
	case k == len(corpusScripts): // homoglyph spoof of a Latin name
		for _, c := range []byte(corpusLatinNames[rng.IntN(len(corpusLatinNames))]) {
			if alts, ok := corpusHomoglyphs[c]; ok && rng.IntN(3) == 0 {
				rs := []rune(alts)
				b.WriteRune(rs[rng.IntN(len(rs))])
			} else {
				b.WriteByte(c)
			}
		}
	case k == len(corpusScripts)+1: // styled letters
		name := corpusLatinNames[rng.IntN(len(corpusLatinNames))]
		base := []rune{0xFF21 - 'A', 0x1D400 - 'A', 0x1D5D4 - 'A'}[rng.IntN(3)]
		for _, c := range name {
			if c >= 'A' && c <= 'Z' {
				b.WriteRune(c + base)
			} else if c >= 'a' && c <= 'z' && base == 0xFF21-'A' {
				b.WriteRune(c + 0xFF41 - 'a')
			} else {
				b.WriteRune(c)
			}
		}
	default:
		b.WriteString(corpusLatinNames[rng.IntN(len(corpusLatinNames))])
	}
	s := b.String()
	if rng.IntN(4) == 0 {
		s += string(rune('0' + rng.IntN(10)))
	}
	if rng.IntN(4) == 0 {
		d := corpusDecorations[rng.IntN(len(corpusDecorations))]
		s = d + s + d
	}
	if rng.IntN(8) == 0 {
		at := len(s) / 2
		for at > 0 && !isBoundary(s, at) {
			at--
		}
		s = s[:at] + corpusInvisibles[rng.IntN(len(corpusInvisibles))] + s[at:]
	}
	return s
}

func isBoundary(s string, i int) bool { return i == len(s) || s[i]&0xC0 != 0x80 }

// TestNicknameCorpusValid checks that the corpus is valid UTF-8: its
// invalid bytes would take every implementation's slow path, and no
// nickname a payment service stores has them.
func TestNicknameCorpusValid(t *testing.T) {
	for i, s := range nicknameCorpus(corpusSize) {
		if !utf8.ValidString(s) {
			t.Fatalf("corpus name %d is not valid UTF-8: %+q", i, s)
		}
	}
}
