package identity

import (
	"bytes"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/transferguard/transferguard/identity/identitytest"
	"golang.org/x/text/unicode/norm"
	"pgregory.net/rapid"
)

var singleFolds = []Reasons{ReasonCase, ReasonWidth, ReasonDiacritics, ReasonSeparator, ReasonHanVariant}

// slowFoldReasons is the obvious method: fold both strings in full with
// each fold skipped and compare.
func slowFoldReasons(a, b string) Reasons {
	var reasons Reasons
	for _, q := range singleFolds {
		fa, _ := appendFold(nil, a, q)
		fb, _ := appendFold(nil, b, q)
		if !bytes.Equal(fa, fb) {
			reasons |= q
		}
	}
	return reasons
}

// propFoldReasonsReference: the Reasons of a Match are those of the slow
// method, on pairs that match (a name and its variants, with marks
// stripped or not) and on arbitrary pairs whose keys happen to agree.
func propFoldReasonsReference(t *rapid.T) {
	a := rapid.OneOf(anyString(), identitytest.LatinName()).Draw(t, "a")
	var b string
	switch rapid.IntRange(0, 2).Draw(t, "kind") {
	case 0:
		b = identitytest.Variant(a).Draw(t, "b")
	case 1:
		b = Fold(a) // its own key: only a uses folds
	default:
		b = anyString().Draw(t, "b")
	}
	checkFoldReasons(t, a, b)
}

func checkFoldReasons(t tb, a, b string) {
	t.Helper()
	ka, ua := appendFold(nil, a, 0)
	kb, ub := appendFold(nil, b, 0)
	if len(ka) == 0 || !bytes.Equal(ka, kb) {
		return
	}
	if got, want := foldReasons(a, b, ka, ua, ub), slowFoldReasons(a, b); got != want {
		t.Fatalf("foldReasons(%+q, %+q) = %v, slow method = %v", a, b, got, want)
	}
}

func TestPropFoldReasonsReference(t *testing.T) { rapid.Check(t, propFoldReasonsReference) }

// propUnusedFoldKeepsKey: skipping a fold that appendFold did not report
// as used leaves the key unchanged. foldReasons relies on it.
func propUnusedFoldKeepsKey(t *rapid.T) {
	s := anyString().Draw(t, "s")
	checkUnusedFoldKeepsKey(t, s)
}

func checkUnusedFoldKeepsKey(t tb, s string) {
	t.Helper()
	key, used := appendFold(nil, s, 0)
	for _, q := range singleFolds {
		if used&q != 0 {
			continue
		}
		if k, _ := appendFold(nil, s, q); !bytes.Equal(k, key) {
			t.Fatalf("Fold(%+q) did not use %v, but skipping it gives %+q, not %+q", s, q, k, key)
		}
	}
}

func TestPropUnusedFoldKeepsKey(t *testing.T) { rapid.Check(t, propUnusedFoldKeepsKey) }

// TestLowRunesNeverRenormalize checks what lowQuick promises: no code
// point it accepts, folded right after a dropped character with any single
// fold but width skipped, sets folder.renorm; and it accepts every other
// code point below U+0300 that is in NFKC.
func TestLowRunesNeverRenormalize(t *testing.T) {
	for _, q := range singleFolds {
		if q == ReasonWidth {
			continue // appendFold never renormalizes with width skipped
		}
		for r := rune(0); r < 0x300; r++ {
			s := string(r)
			if _, used := appendFold(nil, s, 0); !lowQuick(s, used) {
				if norm.NFKC.QuickSpanString(s) == len(s) && r != 0x23A && r != 0x23E {
					t.Errorf("lowQuick(%+q) = false", s)
				}
				continue
			}
			f := folder{skip: q, dropped: true, pending: 1, last: classOther}
			f.rune(nil, r)
			if f.renorm {
				t.Errorf("U+%04X with %v skipped sets renorm", r, q)
			}
		}
	}
}

// TestFoldReasonsRows: pairs whose reasons the streaming comparison
// decides early or late, checked against the slow method.
func TestFoldReasonsRows(t *testing.T) {
	pairs := [][2]string{
		{"José Núñez Ørsted", "Jose Nunez Orsted"},
		{"Ñúñez Ñúñez ", "nunez nunez "},
		{"Ｊｏｈｎ Ｓｍｉｔｈ", "John Smith"},
		{"JOHN  SMITH", "john smith"},
		{"Jose\u0301 O'Brien", "JOSE OBRIEN"},
		{"張 三", "张三"},
		{"Straße", "STRASSE"},
		{"Æsa", "aesa"},
	}
	for _, p := range pairs {
		checkFoldReasons(t, p[0], p[1])
		checkFoldReasons(t, p[1], p[0])
	}
}

// propStreamIsFold: when newFoldStream folds lazily, stepping it to the
// end gives exactly appendFold with that fold skipped.
func propStreamIsFold(t *rapid.T) {
	s := rapid.OneOf(anyString(), identitytest.LatinName(), rapid.Custom(func(t *rapid.T) string {
		return identitytest.Variant(identitytest.LatinName().Draw(t, "name")).Draw(t, "variant")
	})).Draw(t, "s")
	q := rapid.SampledFrom(singleFolds).Draw(t, "q")
	key, used := appendFold(nil, s, 0)
	if used&q == 0 || !streamable(s, q, lowQuick(s, used)) {
		t.Skip("not folded lazily")
	}
	st := newFoldStream(nil, s, key, q, true, lowQuick(s, used))
	for st.s != "" {
		r, n := utf8.DecodeRuneInString(st.s)
		st.s = st.s[n:]
		st.out = st.f.rune(st.out, r)
	}
	if want, _ := appendFold(nil, s, q); !bytes.Equal(st.out, want) {
		t.Fatalf("lazy fold of %+q with %v skipped = %+q, appendFold = %+q", s, q, st.out, want)
	}
}

func TestPropStreamIsFold(t *testing.T) { rapid.Check(t, propStreamIsFold) }

// TestQuickNFKC checks quickNFKC against norm for every code point, alone,
// after a letter, an ideograph and a Hangul syllable of each kind (LV, which
// a trailing jamo composes with, and LVT), and before an ideograph; and
// every three-byte sequence with a lead byte from E3 to EF (the CJK ranges,
// full-width ASCII and U+3000), valid UTF-8 or not; quickNFC likewise
// against norm.NFC.
func TestQuickNFKC(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		c := string(r)
		for _, s := range []string{c, "e" + c, "张" + c, "가" + c, "각" + c, c + "张", "张" + c + "가", "Ｊ" + c, "\u3000" + c} {
			if got, want := quickNFKC(s), utf8.ValidString(s) && norm.NFKC.QuickSpanString(s) == len(s); got != want {
				t.Errorf("quickNFKC(%+q) = %v, want %v", s, got, want)
			}
			if got, want := quickNFC(s), utf8.ValidString(s) && norm.NFC.QuickSpanString(s) == len(s); got != want {
				t.Errorf("quickNFC(%+q) = %v, want %v", s, got, want)
			}
		}
	}
	for a := 0xE3; a <= 0xEF; a++ {
		for b := range 256 {
			for c := range 256 {
				s := string([]byte{byte(a), byte(b), byte(c)})
				for _, s := range []string{s, "a" + s + "b"} {
					if got, want := quickNFKC(s), utf8.ValidString(s) && norm.NFKC.QuickSpanString(s) == len(s); got != want {
						t.Fatalf("quickNFKC(%+q) = %v, want %v", s, got, want)
					}
					if got, want := quickNFC(s), utf8.ValidString(s) && norm.NFC.QuickSpanString(s) == len(s); got != want {
						t.Fatalf("quickNFC(%+q) = %v, want %v", s, got, want)
					}
				}
			}
		}
	}
}

// propQuickNFKC: quickNFKC agrees with norm on any string, and on strings
// of code points around U+0300 (combining marks after Latin letters).
func propQuickNFKC(t *rapid.T) {
	s := rapid.OneOf(anyString(), rapid.StringOf(rapid.RuneFrom(nil, &unicode.RangeTable{
		R16: []unicode.Range16{{Lo: 0x20, Hi: 0x7E, Stride: 1}, {Lo: 0xA0, Hi: 0x36F, Stride: 1}},
	}))).Draw(t, "s")
	if got, want := quickNFKC(s), utf8.ValidString(s) && norm.NFKC.QuickSpanString(s) == len(s); got != want {
		t.Fatalf("quickNFKC(%+q) = %v, want %v", s, got, want)
	}
	if got, want := quickNFC(s), utf8.ValidString(s) && norm.NFC.QuickSpanString(s) == len(s); got != want {
		t.Fatalf("quickNFC(%+q) = %v, want %v", s, got, want)
	}
}

func TestPropQuickNFKC(t *testing.T) { rapid.Check(t, propQuickNFKC) }
