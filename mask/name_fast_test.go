package mask

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/transferguard/transferguard/identity"
	"github.com/transferguard/transferguard/identity/identitytest"
	"pgregory.net/rapid"
)

// nameGeneral is Name without its fast paths: identity.Parse, then
// Masked.set asking identity for every grapheme. It is the reference the
// fast paths are tested against.
func nameGeneral(s string, style Style, opts ...Option) (m Masked, err error) {
	if !style.IsValid() {
		return Masked{}, ErrStyle
	}
	if err := m.parse(s, style, opts, false); err != nil {
		return Masked{}, err
	}
	return m, nil
}

// sameMasked reports whether a and b are the same masking of the same
// text. It compares the clear text, not where it is stored: identity
// allocates a new string for each Parse of a name that is not in NFC.
func sameMasked(a, b Masked) bool {
	same := a.clearText() == b.clearText()
	a.clear, b.clear = nil, nil
	return same && a == b
}

// checkNameFastGeneral fails unless Name and nameGeneral give the same
// Masked and the same error for s in style st with opts.
func checkNameFastGeneral(t fataler, s string, st Style, opts []Option) {
	fast, ferr := Name(s, st, opts...)
	slow, serr := nameGeneral(s, st, opts...)
	if errString(ferr) != errString(serr) || (ferr == nil) != (serr == nil) {
		t.Fatalf("Name(%+q, %v, %v): error %v, general path %v", s, st, opts, ferr, serr)
	}
	if ferr != nil {
		if fast.clear != nil || slow.clear != nil || fast != (Masked{}) {
			t.Fatalf("Name(%+q, %v, %v) failed but returned a non-zero Masked", s, st, opts)
		}
		return
	}
	if !sameMasked(fast, slow) {
		t.Fatalf("Name(%+q, %v, %v): fast path %+q hidden %v ends %v, general path %+q hidden %v ends %v",
			s, st, opts, fast.String(), fast.hidden, fast.ends[:fast.n], slow.String(), slow.hidden, slow.ends[:slow.n])
	}
	// NameFrom takes set's fast path on the same Name.
	n, err := identity.Parse(s)
	if err != nil {
		t.Fatalf("Name(%+q) succeeded, identity.Parse fails: %v", s, err)
	}
	from, err := NameFrom(n, st, opts...)
	if err != nil || !sameMasked(from, slow) {
		t.Fatalf("NameFrom(%+q, %v, %v) = %+q, %v; general path %+q", s, st, opts, from.String(), err, slow.String())
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// fastOptions are the option sets the exhaustive tests use: the default,
// a non-ASCII mask rune, HideLength, and a mask rune that is refused.
var fastOptions = [][]Option{nil, {MaskRune('●')}, {HideLength(true)}, {MaskRune('#'), HideLength(true)}, {MaskRune('\u0301')}}

// TestNameCJK checks Name's shortcut for names of ideographs and Hangul
// syllables (setCJK) against the general path for every such rune, alone
// and in names of two to four characters with and without a compound
// surname, in every style.
func TestNameCJK(t *testing.T) {
	if testing.Short() {
		t.Skip("every CJK rune through the general path")
	}
	check := func(r rune) {
		c := string(r)
		for _, s := range []string{c, c + "明", "欧" + c + "娜", "남" + c + "민수"} {
			for _, st := range allStyles {
				checkNameFastGeneral(t, s, st, nil)
			}
		}
	}
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		check(r)
	}
	for r := rune(0xAC00); r <= 0xD7A3; r++ {
		check(r)
	}
	for _, s := range []string{
		"张三", "张小明", "欧阳娜娜", "歐陽娜娜", "司马懿", "남궁민수", "张김",
		strings.Repeat("张", identity.MaxGraphemes), strings.Repeat("张", identity.MaxGraphemes+1),
		strings.Repeat("가", identity.MaxGraphemes+1), strings.Repeat("张", 400),
		"张\u0301", "张小明 ", "\u3400小明", "𠮷小明", "张·三", "张小a",
	} {
		for _, st := range append(allStyles, 0, numStyles) {
			for _, opts := range fastOptions {
				checkNameFastGeneral(t, s, st, opts)
			}
		}
	}
}

// TestCJKOnly checks cjkOnly on every code point and on every three-byte
// sequence with a lead byte of the two ranges (E4–ED), valid UTF-8 or not.
func TestCJKOnly(t *testing.T) {
	isCJKRune := func(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF || r >= 0xAC00 && r <= 0xD7A3 }
	for r := rune(0); r <= utf8.MaxRune; r++ {
		k, ok := cjkOnly(string(r))
		if want := isCJKRune(r) && utf8.ValidRune(r); ok != want || ok && k != 1 {
			t.Fatalf("cjkOnly(%+q) = %d, %v; want %v", string(r), k, ok, want)
		}
	}
	for lead := 0xE4; lead <= 0xED; lead++ {
		for x := range 1 << 16 {
			b := []byte{byte(lead), byte(x >> 8), byte(x)}
			r, size := utf8.DecodeRune(b)
			want := size == 3 && isCJKRune(r)
			if _, ok := cjkOnly(string(b)); ok != want {
				t.Fatalf("cjkOnly(%+q) = %v, want %v", b, ok, want)
			}
		}
	}
	for _, tc := range []struct {
		s    string
		k    int
		want bool
	}{{"", 0, false}, {"张小明", 3, true}, {"张小\xe6", 0, false}, {"张小明a", 0, false}, {"가나", 2, true}, {" 张", 0, false}} {
		if k, ok := cjkOnly(tc.s); ok != tc.want || k != tc.k {
			t.Errorf("cjkOnly(%+q) = %d, %v; want %d, %v", tc.s, k, ok, tc.k, tc.want)
		}
	}
}

// cjkRunes draws names of ideographs and syllables of up to
// MaxGraphemes+2 runes, with compound surnames drawn often.
func cjkRunes() *rapid.Generator[string] {
	r := rapid.OneOf(rapid.RuneFrom([]rune("欧阳司马诸葛上官歐陽張张小明娜남궁황보민수")),
		rapid.RuneFrom(nil, rangeTable(0x4E00, 0x9FFF), rangeTable(0xAC00, 0xD7A3)))
	return rapid.Custom(func(t *rapid.T) string {
		return string(rapid.SliceOfN(r, 1, identity.MaxGraphemes+2).Draw(t, "runes"))
	})
}

func propNameFastGeneral(t *rapid.T) {
	s := rapid.OneOf(anyName(), cjkRunes(), identitytest.Hostile(), rapid.String()).Draw(t, "s")
	st := Style(rapid.IntRange(0, int(numStyles)).Draw(t, "style"))
	checkNameFastGeneral(t, s, st, optionsGen().Draw(t, "opts"))
}

// TestPropNameFastGeneral checks every fast path of Name and NameFrom
// against the general path on realistic, CJK-only, hostile and arbitrary
// strings, in every style (and invalid ones) with random options.
func TestPropNameFastGeneral(t *testing.T) { rapid.Check(t, propNameFastGeneral) }

func FuzzNameFastGeneral(f *testing.F) {
	for _, tc := range append(append([]nameCase{}, issueTable...), moreNames...) {
		f.Add(tc.in, uint8(tc.style), false, int32(0))
	}
	f.Add(strings.Repeat("张", identity.MaxGraphemes+1), uint8(KeepLast), true, int32('●'))
	f.Fuzz(func(t *testing.T, s string, style uint8, hide bool, r int32) {
		opts := []Option{HideLength(hide)}
		if r != 0 {
			opts = append(opts, MaskRune(r))
		}
		checkNameFastGeneral(t, s, Style(style%(uint8(numStyles)+1)), opts)
	})
}

// TestRenderLarge checks render's stack buffers: masked texts around
// smallText and the longest ones (every hidden grapheme a run of its own
// under HideLength, with a four-byte mask rune) are right and cost one
// allocation.
func TestRenderLarge(t *testing.T) {
	spaced := strings.TrimSpace(strings.Repeat("a ", identity.MaxGraphemes/2))
	for _, tc := range []struct {
		in   string
		opts []Option
	}{
		{spaced, []Option{HideLength(true), MaskRune('𝕏')}},
		{strings.Repeat("a", identity.MaxGraphemes), []Option{MaskRune('𝕏')}},
		{strings.Repeat("张", 18), nil}, {strings.Repeat("张", 19), nil},
		{strings.Repeat("张", 16), []Option{MaskRune('●')}},
	} {
		for _, st := range allStyles {
			checkNameFastGeneral(t, tc.in, st, tc.opts)
			m, err := Name(tc.in, st, tc.opts...)
			if err != nil {
				t.Fatalf("Name(%+q): %v", tc.in, err)
			}
			if want := renderSlow(m, tc.opts); m.String() != want {
				t.Fatalf("Name(%+q, %v) = %+q, want %+q", tc.in, st, m.String(), want)
			}
			if n := testing.AllocsPerRun(20, func() { _, _ = Name(tc.in, st, tc.opts...) }); n != 1 {
				t.Errorf("Name(%+q, %v): allocs = %v, want 1", tc.in, st, n)
			}
		}
	}
	if len(spaced) != 2*identity.MaxGraphemes/2-1 {
		t.Fatalf("test name has %d bytes", len(spaced))
	}
}

// renderSlow builds the masked text of m grapheme by grapheme.
func renderSlow(m Masked, opts []Option) string {
	c := resolve(opts)
	var b strings.Builder
	prev := false
	for i := range m.Len() {
		switch h := m.IsHidden(i); {
		case !h:
			b.WriteString(m.grapheme(i))
		case !c.hideLength:
			b.WriteRune(c.mask)
		case !prev:
			b.WriteString(strings.Repeat(string(c.mask), HiddenWidth))
		}
		prev = m.IsHidden(i)
	}
	return b.String()
}

// TestNameTwoByteRunes checks the shortcut of runeEnds for two-byte runes
// (decoded inline; U+00C0–U+024F taken as letters without asking identity)
// against the general path for every two-byte rune that identity accepts,
// in every style.
func TestNameTwoByteRunes(t *testing.T) {
	for r := rune(0x80); r < 0x800; r++ {
		for _, s := range []string{"Ab" + string(r) + "c Dé", string(r) + "x"} {
			if _, err := identity.Parse(s); err != nil {
				continue
			}
			for _, st := range allStyles {
				checkNameFastGeneral(t, s, st, nil)
			}
		}
	}
}
