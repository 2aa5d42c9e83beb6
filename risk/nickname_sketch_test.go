package risk

import (
	"strings"
	"testing"
	"unicode/utf8"

	"pgregory.net/rapid"
)

// TestSketchSimpleHangul checks sketchSimple against sketchMarks on every
// Hangul syllable (every seventh under -short and -race), between
// neighbours that test what sketchSimple keeps of the syllable before: a
// syllable with and without a final, one with a doubled initial, one
// after a dropped part (★, which leaves the syllables next to each other
// in the key), ASCII, a precomposed letter and Han. Where every rune
// around the syllable is a simple part, sketchSimple must answer whenever
// sketchMarks does.
func TestSketchSimpleHangul(t *testing.T) {
	const dropped = "★"
	if r, _ := utf8.DecodeRuneInString(dropped); keyWords[keyID(r)]>>keyWordUnitsShift != 0 || keyWords[keyID(r)]>>keyWordLenShift&7 != 0 {
		t.Fatalf("%+q is not a dropped part: keyWords %x", dropped, keyWords[keyID(r)])
	}
	stride := rune(1)
	if testing.Short() || nickRuneStride > 1 {
		stride = 7
	}
	befores := []string{"", "가", "각", "갃", "까", "깎", "가" + dropped, "까" + dropped + dropped, dropped, "a", "ab", "é", "中", "가a"}
	afters := []string{"", "까", "가", "깎", dropped + "까", "a", "中"}
	answered := 0
	for r := rune(hangulBase); r < hangulBase+11172; r += stride {
		for _, before := range befores {
			for _, after := range afters {
				s := before + string(r) + after
				units, mask, done := sketchSimple(s)
				mu, mm, mok := sketchMarks(s)
				if done && (!mok || mu != units || mm != mask) {
					t.Fatalf("sketchSimple(%+q) = %d, %x; sketchMarks %d, %x, %v", s, units, mask, mu, mm, mok)
				}
				if len(s) >= 4 && mok && !done {
					t.Fatalf("sketchSimple(%+q) has no answer; sketchMarks %d, %x", s, mu, mm)
				}
				if done {
					answered++
				}
			}
		}
	}
	if answered == 0 {
		t.Fatal("sketchSimple answered for no syllable")
	}
}

// TestSketchSurrogates checks that no surrogate has a key table entry, so
// one ends sketchFast's loop, and that sketchSimple leaves such invalid
// UTF-8, which NicknameKey reads as U+FFFD per byte, to sketchMarks.
func TestSketchSurrogates(t *testing.T) {
	for r := rune(0xD800); r <= 0xDFFF; r++ {
		if id := keyID(r); id != keyNone {
			t.Fatalf("U+%04X has key table id %d, keyWords %x", r, id, keyWords[id])
		}
		s := "ab" + string([]byte{0xED, byte(0x80 | r>>6&0x3F), byte(0x80 | r&0x3F)}) + "cd"
		if _, _, done := sketchSimple(s); done {
			t.Fatalf("sketchSimple(%+q) answers", s)
		}
		checkKeyTable(t, s)
	}
}

// TestSketchSimpleBytes checks sketchSimple against sketchMarks, which
// decodes with decodeRune, on every lead byte followed by bytes at the
// edges of the UTF-8 ranges, after "ab" and with the sequence cut short at
// the end of the nickname or followed by "c": invalid and truncated
// sequences, overlong forms, surrogates and runes beyond U+10FFFF
// included. sketchSimple must answer for every valid sequence it does not
// leave to sketchMarks by design (a lead byte 0xF4).
func TestSketchSimpleBytes(t *testing.T) {
	for _, ld := range utf8Leads {
		if ld.n < 1 || ld.n > 4 {
			t.Fatalf("a utf8Leads length is %d; sketchSimple's loop needs 1 to 4", ld.n)
		}
	}
	edges := []byte{0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xAC, 0xBF, 0xC0, 0xED, 0xFF}
	for lead := range 256 {
		for _, c1 := range edges {
			for _, c2 := range edges {
				for _, c3 := range edges {
					seq := []byte{byte(lead), c1, c2, c3}
					for n := 1; n <= 4; n++ {
						for _, tail := range []string{"", "c"} {
							s := "ab" + string(seq[:n]) + tail
							units, mask, done := sketchSimple(s)
							mu, mm, mok := sketchMarks(s)
							if done && (!mok || mu != units || mm != mask) {
								t.Fatalf("sketchSimple(%+q) = %d, %x; sketchMarks %d, %x, %v", s, units, mask, mu, mm, mok)
							}
							if !done && mok && utf8.ValidString(s) && lead != 0xF4 && !hasMarkOrPart(s) {
								t.Fatalf("sketchSimple(%+q) has no answer; sketchMarks %d, %x", s, mu, mm)
							}
						}
					}
				}
			}
		}
	}
}

// hasMarkOrPart reports whether s has a rune that sketchSimple leaves to
// sketchMarks whatever its bytes: one whose part is not simple, or a
// Hangul syllable whose jamo have no sketch.
func hasMarkOrPart(s string) bool {
	for _, r := range s {
		id := keyID(r)
		if id == keyHangul {
			_, ok := syllableUnit(r)
			_, _, _, dbl := doubledInitial(r)
			if !ok && !dbl {
				return true
			}
			continue
		}
		if keyWords[id]>>keyWordUnitsShift == keyWordNotSimple {
			return true
		}
	}
	return false
}

// genSketchMarks draws nicknames of runes that sketchMarked takes or
// leaves in every way: letters that are their own part or have a part of
// one grapheme, of two ('m': "rn"), and none (dropped), combining marks
// (their own part, or mapped, as ि to Bengali ি), Hangul syllables with
// and without doubled initials, runes without an entry (柿) or with
// keyMarkRunes parts (ॅ, ð), invalid bytes and surrogates.
func genSketchMarks() *rapid.Generator[string] {
	pool := []string{"क", "ख", "ि", "ु", "ॅ", "ॉ", "ा", "a", "m", "é", "ð", "★", "\u200b", "\u0301", "\u0323",
		"가", "까", "각", "6", "\xff", "\xed\xa0\x80", "十", "ﬁ", "柿", "ぐ", "\u0316", "\u0334"}
	return rapid.OneOf(genKeyTable(), rapid.Custom(func(t *rapid.T) string {
		return strings.Join(rapid.SliceOfN(rapid.SampledFrom(pool), 0, 12).Draw(t, "runes"), "")
	}))
}

// TestSketchFast checks sketchFast (and so sketchMarked) against
// sketchMarks: a sketch must be sketchMarks', and sketchNone must be
// sketchMarks' answer too; and that sketchMarked answers for nicknames
// with marks.
func TestSketchFast(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := genSketchMarks().Draw(t, "s")
		units, mask, res := sketchFast(s)
		mu, mm, mok := sketchMarks(s)
		switch {
		case res == sketchDone && (mok != (units > 0) || mok && (mu != units || mm != mask)):
			t.Fatalf("sketchFast(%+q) = %d, %x; sketchMarks %d, %x, %v", s, units, mask, mu, mm, mok)
		case res == sketchNone && mok:
			t.Fatalf("sketchFast(%+q) finds no sketch; sketchMarks %d, %x", s, mu, mm)
		}
	})
	for _, s := range []string{"खुऴऍआि", "किाकु", "가ि까", "ि가", "ि★ि", "कि6", "aि", "éिb"} {
		units, mask, res := sketchFast(s)
		mu, mm, mok := sketchMarks(s)
		if res != sketchDone || !mok || units != mu || mask != mm {
			t.Errorf("sketchFast(%+q) = %d, %x, %d; sketchMarks %d, %x, %v", s, units, mask, res, mu, mm, mok)
		}
	}
	// Runes without an entry or a keyMarkRunes part: sketchNone at once.
	// (ॅ, ð and U+0301 have keyMarkRunes parts, which sketchMarks takes.)
	for _, s := range []string{"柿ab", "a柿b", "ab柿"} {
		if _, _, res := sketchFast(s); res != sketchNone {
			t.Errorf("sketchFast(%+q) = %d, want sketchNone", s, res)
		}
	}
}

// spoofShapeRef is spoofShape as it was, a byte at a time.
func spoofShapeRef(a, b string) spoofShapeOf {
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	q := 0
	for q < len(a)-p && q < len(b)-p && a[len(a)-1-q] == b[len(b)-1-q] {
		q++
	}
	if len(a)-p-q <= 4 && len(b)-p-q <= 4 {
		return spoofShapeOf{kind: spoofSwap, p: p, q: q}
	}
	if len(a) < len(b) {
		a, b = b, a
	}
	if i := strings.Index(a, b); len(b) > 0 && i >= 0 {
		return spoofShapeOf{kind: spoofAround, at: i}
	}
	return spoofShapeOf{}
}

// TestSpoofShapeRef checks spoofShape against spoofShapeRef on random
// pairs, on spoofs (genSpoofOf), and on every pair of cuts of a string
// with a middle put in, whose common prefix and suffix spoofShape reads
// four bytes at a time: short ones, overlapping ones, and repeats.
func TestSpoofShapeRef(t *testing.T) {
	check := func(t interface{ Fatalf(string, ...any) }, a, b string) {
		for _, p := range [][2]string{{a, b}, {b, a}} {
			if got, want := spoofShape(p[0], p[1]), spoofShapeRef(p[0], p[1]); got != want {
				t.Fatalf("spoofShape(%+q, %+q) = %+v, spoofShapeRef %+v", p[0], p[1], got, want)
			}
		}
	}
	rapid.Check(t, func(t *rapid.T) {
		a := genKeyTable().Draw(t, "a")
		mid := rapid.StringMatching(`[a-cé★]{0,6}`)
		b := rapid.OneOf(genKeyTable(), genSpoofOf(a), rapid.Just(a+"x"), rapid.Just(a[:len(a)/2]),
			rapid.Custom(func(t *rapid.T) string { return a[:len(a)/3] + mid.Draw(t, "mid") + a[len(a)/3:] }),
			rapid.Custom(func(t *rapid.T) string { return mid.Draw(t, "pre") + a + mid.Draw(t, "post") })).Draw(t, "b")
		check(t, a, b)
	})
	for _, base := range []string{"abcdefghijk", "aaaaaaaaa", "abab"} {
		for i := range len(base) + 1 {
			for j := i; j <= len(base); j++ {
				for _, mid := range []string{"", "a", "x", "xyzxyz", "★"} {
					check(t, base, base[:i]+mid+base[j:])
					check(t, base[:j], base[:i]+mid)
				}
			}
		}
	}
}
