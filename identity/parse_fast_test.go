package identity

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
	"pgregory.net/rapid"
)

// checkParseFastSlow fails unless Parse (with its fast paths) and
// parseSlow (the general path) give the same Name and the same error for
// s, with and without a language hint.
func checkParseFastSlow(t tb, s string) {
	t.Helper()
	for _, opts := range [][]Option{nil, {Language(language.Chinese)}, {Language(language.English)}} {
		fn, ferr := Parse(s, opts...)
		sn, serr := parseSlow(s, opts...)
		if fn != sn {
			t.Fatalf("Parse(%+q, %v): fast path gives %+v, general path %+v", s, opts, fn, sn)
		}
		if d := cmp.Diff(errText(serr), errText(ferr)); d != "" {
			t.Fatalf("Parse(%+q, %v): errors differ (-slow +fast):\n%s", s, opts, d)
		}
		if fe, se := asParseError(ferr), asParseError(serr); fe != se {
			t.Fatalf("Parse(%+q, %v): *ParseError fast %+v, slow %+v", s, opts, fe, se)
		}
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// asParseError returns the *ParseError in err by value, or the zero value.
func asParseError(err error) ParseError {
	if pe, ok := err.(*ParseError); ok {
		return *pe
	}
	return ParseError{}
}

func propParseFastSlow(t *rapid.T) {
	checkParseFastSlow(t, anyString().Draw(t, "s"))
}

// TestParseFastSlow checks that the fast paths never change what Parse
// returns, on realistic names, their variants, hostile strings and
// arbitrary strings (props_test.go's anyString).
func TestParseFastSlow(t *testing.T) { rapid.Check(t, propParseFastSlow) }

func FuzzParseFastSlow(f *testing.F) {
	for _, s := range seeds() {
		f.Add(s)
	}
	for _, s := range parseFastRows {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkParseFastSlow(t, s) })
}

// parseFastRows are the boundaries of the fast paths: each simple class
// next to what may join it in a grapheme cluster (UAX #29 GB6–GB9b) or
// compose with it in NFC.
var parseFastRows = []string{
	"张小明", "欧阳娜娜", "歐陽娜娜", "歐阳娜娜", "司马", "司马懿", "John Smith", "남궁민수",
	"张\u0301小明",                   // Extend after an ideograph (GB9)
	"张小明\u0301",                   // Extend at the end
	"a\u0308b",                    // Extend after ASCII
	"각\u11A8",                     // LV syllable + T jamo (GB7), composes in NFC
	"가\u11A8나",                    // LV + T inside
	"가\u1161",                     // LV + V (GB7)
	"\u1100가",                     // L + LV (GB6)
	"김\u200d철수",                   // ZWJ after a syllable (GB9)
	"a\u0903",                     // SpacingMark after ASCII (GB9a)
	"\u0600张",                     // Prepend before an ideograph (GB9b)
	"\U0001F1E8\U0001F1F3张",       // Regional Indicators (GB12)
	"张\U0001F468\u200d\U0001F469", // emoji ZWJ sequence (GB11)
	"\u4DFF\u4E00\u9FFF\uA000",    // the URO range ends
	"\uABFF\uAC00\uD7A3\uD7A4",    // the Hangul syllable range ends
	"\uF906小明",                    // compatibility ideograph of 句: NFC changes it
	"\x1f\x20\x7e\x7f",
	"Zoe\u0301", "Zoë\u0301", "é\u0300", "ab\u00ad", "a\u00a9\ufe0f", "\u00a0a\u00a0", "a\u00a0b",
	"A\r\nB",
	"张 小明", "张·小明", "J.R.R. Tolkien",
	strings.Repeat("张", MaxGraphemes), strings.Repeat("张", MaxGraphemes+1),
	strings.Repeat("a", MaxBytes+1), strings.Repeat("가", MaxGraphemes) + "\u0301",
}

func TestParseFastSlowRows(t *testing.T) {
	for _, s := range parseFastRows {
		checkParseFastSlow(t, s)
	}
}

// TestSegmentFastSlowEveryRune puts every code point before and after each
// class of simple rune, and checks that segmentation, the rune check and
// the NFC shortcut agree with their general paths.
func TestSegmentFastSlowEveryRune(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		c := string(r)
		s := "张" + c + "가" + c + "a" + c + "é" + c + "·" + c
		fast, slow := Name{s: s}, Name{s: s}
		ferr, serr := fast.segment(), slow.segmentSlow()
		if fast != slow || ferr != serr {
			t.Fatalf("segment(%+q): fast %+v %v, general path %+v %v", s, fast, ferr, slow, serr)
		}
		stable, err := checkRunes(s)
		if f, sl := errText(err), errText(checkRunesSlow(s)); f != sl {
			t.Fatalf("checkRunes(%+q) = %q, general path %q", s, f, sl)
		}
		if err == nil && stable && !norm.NFC.IsNormalString(s) {
			t.Fatalf("checkRunes(%+q) reports stable, but it is not in NFC", s)
		}
		if got, want := trimSpace(s+c), strings.TrimFunc(s+c, unicode.IsSpace); got != want {
			t.Fatalf("trimSpace(%+q) = %+q, want %+q", s+c, got, want)
		}
		if got, want := trimSpace(c+s), strings.TrimFunc(c+s, unicode.IsSpace); got != want {
			t.Fatalf("trimSpace(%+q) = %+q, want %+q", c+s, got, want)
		}
	}
}

// TestCheckRunesStable checks the stable result of checkRunes against norm
// on every rune that it accepts as stable: each has NFC_Quick_Check=Yes
// and Canonical_Combining_Class 0 (norm's BoundaryBefore), so that a
// string of such runes is in NFC by the quick check of UAX #15 §9.
func TestCheckRunesStable(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		c := string(r)
		if stable, err := checkRunes(c); err != nil || !stable {
			continue
		}
		if p := norm.NFC.PropertiesString(c); !p.BoundaryBefore() || p.CCC() != 0 || !norm.NFC.IsNormalString(c) {
			t.Errorf("checkRunes(%+q) reports stable, but NFC properties are %+v", c, p)
		}
	}
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"张小明", true}, {"John Smith", true}, {"남궁민수", true}, {"李Anna", true}, {" 张 ", true},
		{"Zoë", true}, {"Zoe\u0301", false}, {"\u0100", false}, {"\uF906", false}, {"가\u11A8", false}, {"张\u0301", false}, {"\u3400", false},
	} {
		if got, err := checkRunes(tt.in); err != nil || got != tt.want {
			t.Errorf("checkRunes(%+q) = %v, %v; want %v, nil", tt.in, got, err, tt.want)
		}
	}
}

// numPartsSlow and partSlow are the loops that NumParts and Part replaced
// with bit operations: the obvious reference.
func (n Name) numPartsSlow() int {
	k, in := 0, false
	for i := range int(n.n) {
		split := n.splits&(1<<i) != 0
		if !split && !in {
			k++
		}
		in = !split
	}
	return k
}

func (n Name) partSlow(i int) Span {
	k, start := 0, -1
	for j := 0; j <= int(n.n); j++ {
		split := j == int(n.n) || n.splits&(1<<j) != 0
		switch {
		case !split && start < 0:
			start = j
		case split && start >= 0:
			if k == i {
				return n.trimPart(Span{start, j})
			}
			k++
			start = -1
		}
	}
	return Span{}
}

// TestPartsBits checks NumParts and Part against the loops they replaced,
// for every cluster count and random separator sets.
func TestPartsBits(t *testing.T) {
	for _, tt := range []Name{
		{n: 64}, {n: 64, splits: ^uint64(0), seps: ^uint64(0)}, {n: 64, splits: 1 << 63, seps: 1<<63 | 1<<62},
		{n: 64, splits: 0x5555555555555555, seps: 0x5555555555555555}, {n: 1}, {n: 3, splits: 2, seps: 3},
	} {
		if got, want := tt.NumParts(), tt.numPartsSlow(); got != want {
			t.Errorf("NumParts of n=%d splits=%b = %d, want %d", tt.n, tt.splits, got, want)
		}
		for i := -1; i <= int(tt.n)+1; i++ {
			if got, want := tt.Part(i), tt.partSlow(i); got != want {
				t.Errorf("Part(%d) of n=%d splits=%b seps=%b = %v, want %v", i, tt.n, tt.splits, tt.seps, got, want)
			}
		}
	}
	rapid.Check(t, func(t *rapid.T) {
		n := Name{n: uint8(rapid.IntRange(0, MaxGraphemes).Draw(t, "n"))}
		mask := uint64(1)<<n.n - 1
		n.splits = rapid.Uint64().Draw(t, "splits") & mask
		n.seps = (n.splits | rapid.Uint64().Draw(t, "joins")) & mask
		if got, want := n.NumParts(), n.numPartsSlow(); got != want {
			t.Fatalf("NumParts of n=%d splits=%b = %d, want %d", n.n, n.splits, got, want)
		}
		for i := -1; i <= int(n.n)+1; i++ {
			if got, want := n.Part(i), n.partSlow(i); got != want {
				t.Fatalf("Part(%d) of n=%d splits=%b seps=%b = %v, want %v", i, n.n, n.splits, n.seps, got, want)
			}
		}
	})
}

func TestLatin1Forbidden(t *testing.T) {
	for r := rune(0x80); r <= 0xFF; r++ {
		if got, want := latin1Forbidden(r), forbidden(r); got != want {
			t.Errorf("latin1Forbidden(%U) = %v, want %v", r, got, want)
		}
	}
}
