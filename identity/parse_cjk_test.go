package identity

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"pgregory.net/rapid"
)

// isCJKRune is the definition that cjkOnly implements: a CJK Unified
// Ideograph of the main block or a Hangul syllable.
func isCJKRune(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0xAC00 && r <= 0xD7A3
}

// TestCJKOnlyEveryRune checks cjkOnly on every code point and on every
// three-byte sequence with a lead byte of the two ranges (E4–ED), valid
// UTF-8 or not: it accepts exactly the runes of isCJKRune.
func TestCJKOnlyEveryRune(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		_, ok := cjkOnly(string(r))
		if want := isCJKRune(r) && utf8.ValidRune(r); ok != want {
			t.Fatalf("cjkOnly(%+q) = %v, want %v", string(r), ok, want)
		}
	}
	var b [3]byte
	for lead := 0xE4; lead <= 0xED; lead++ {
		for x := range 1 << 16 {
			b = [3]byte{byte(lead), byte(x >> 8), byte(x)}
			r, size := utf8.DecodeRune(b[:])
			want := size == 3 && isCJKRune(r)
			if _, ok := cjkOnly(string(b[:])); ok != want {
				t.Fatalf("cjkOnly(%+q) = %v, want %v", b, ok, want)
			}
		}
	}
	for _, s := range []string{"张", "张\xe5", "张\xe5\xbc", "张 ", " 张", "张a"} {
		if _, ok := cjkOnly(s); ok != (s == "张") {
			t.Errorf("cjkOnly(%+q) = %v", s, ok)
		}
	}
}

// TestParseCJK checks Parse's shortcut for names of ideographs and Hangul
// syllables (parseCJK) against the general path for every such rune, alone
// and in names of two to four characters with and without a compound
// surname, in both scripts and mixed.
func TestParseCJK(t *testing.T) {
	if testing.Short() {
		t.Skip("every CJK rune through the general path")
	}
	check := func(r rune) {
		c := string(r)
		for _, s := range []string{c, c + c, c + "小明", "欧" + c + "娜", "司" + c + "明", "남" + c + "민수", c + "궁민수"} {
			checkParseFastSlow(t, s)
		}
	}
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		check(r)
	}
	for r := rune(0xAC00); r <= 0xD7A3; r++ {
		check(r)
	}
	for _, s := range []string{
		strings.Repeat("张", MaxGraphemes), strings.Repeat("张", MaxGraphemes+1),
		strings.Repeat("가", MaxGraphemes), strings.Repeat("가", MaxGraphemes+1),
		strings.Repeat("张", 85), strings.Repeat("张", 86), strings.Repeat("张", 4*MaxBytes/3+1),
	} {
		checkParseFastSlow(t, s)
	}
}

// cjkName draws names made only of ideographs and Hangul syllables, with
// compound surnames and the range ends drawn often, of up to
// MaxGraphemes+2 characters.
func cjkName() *rapid.Generator[string] {
	common := []rune("欧阳司马诸葛上官歐陽張张小明娜남궁황보민수")
	r := rapid.OneOf(rapid.SampledFrom(common), rapid.RuneFrom(nil, cjkRanges...),
		rapid.SampledFrom([]rune{0x4E00, 0x9FFF, 0xAC00, 0xD7A3}))
	return rapid.Custom(func(t *rapid.T) string {
		return string(rapid.SliceOfN(r, 1, MaxGraphemes+2).Draw(t, "runes"))
	})
}

var cjkRanges = []*unicode.RangeTable{{R16: []unicode.Range16{{Lo: 0x4E00, Hi: 0x9FFF, Stride: 1}, {Lo: 0xAC00, Hi: 0xD7A3, Stride: 1}}}}

func propParseCJK(t *rapid.T) { checkParseFastSlow(t, cjkName().Draw(t, "s")) }

// TestPropParseCJK checks parseCJK against the general path on random
// names of ideographs and syllables of every length.
func TestPropParseCJK(t *testing.T) { rapid.Check(t, propParseCJK) }

// TestSimpleLetter checks simpleLetter on every simple rune of simpleLen:
// where it reports a letter or digit, addCluster (the general path) must
// classify the rune the same way: not a separator, the same script, a
// letter or digit that makes a name (or a digit, which does not).
func TestSimpleLetter(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		c := string(r)
		if !utf8.ValidRune(r) || simpleLen(c) != len(c) {
			continue
		}
		script, ok := simpleLetter(c)
		if !ok {
			continue
		}
		var n Name
		var sc clusterScan
		n.addCluster(&sc, c, len(c))
		var want scriptSet
		want.add(script)
		if n.seps != 0 || !sc.prevLetter || sc.seen != want || sc.any != (script != ScriptUnknown) {
			t.Errorf("simpleLetter(%+q) = %v, but addCluster gives seps %b, seen %b, prevLetter %v, any %v",
				c, script, n.seps, sc.seen, sc.prevLetter, sc.any)
		}
	}
}

// TestASCIIForbidden checks the bit set of asciiForbidden against the list
// of its doc comment, for every byte.
func TestASCIIForbidden(t *testing.T) {
	for c := range 256 {
		want := c < 0x20 || c == 0x7F || strings.ContainsRune("$+<=>^`|~", rune(c))
		if got := asciiForbidden(byte(c)); got != want {
			t.Errorf("asciiForbidden(%#x) = %v, want %v", c, got, want)
		}
	}
}

// TestSegmentASCII checks segmentASCII against the general segmentation
// for every pair of printable ASCII characters around letters, and for
// the length limit.
func TestSegmentASCII(t *testing.T) {
	var in []string
	for a := byte(0x20); a <= 0x7E; a++ {
		for b := byte(0x20); b <= 0x7E; b++ {
			in = append(in, string([]byte{a, b}), "x"+string([]byte{a, b})+"y", string([]byte{a})+".")
		}
	}
	in = append(in, strings.Repeat("a", MaxGraphemes), strings.Repeat("a", MaxGraphemes+1), "1234", "J.R.R. Tolkien", "O'Brien", "- -")
	for _, s := range in {
		if !printableASCII(s) {
			t.Fatalf("printableASCII(%+q) = false", s)
		}
		fast, slow := Name{s: s}, Name{s: s}
		ferr, serr := fast.segment(), slow.segmentSlow()
		// On error Parse returns the zero Name, whatever segment left.
		if ferr != serr || ferr == nil && fast != slow {
			t.Fatalf("segment(%+q): fast %+v %v, general path %+v %v", s, fast, ferr, slow, serr)
		}
	}
	for c := range 256 {
		if got, want := printableASCII(string([]byte{'a', byte(c)})), c >= 0x20 && c <= 0x7E; got != want {
			t.Errorf("printableASCII(a%#x) = %v, want %v", c, got, want)
		}
	}
}
