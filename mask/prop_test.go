package mask

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"github.com/rivo/uniseg"
	"github.com/transferguard/transferguard/identity"
	"github.com/transferguard/transferguard/identity/identitytest"
	"pgregory.net/rapid"
)

// fataler is what both *testing.T and *rapid.T offer.
type fataler interface {
	Fatalf(format string, args ...any)
}

// graphemes splits s with uniseg directly, independently of identity.
func graphemes(s string) []string {
	var gs []string
	state := -1
	for s != "" {
		var g string
		g, s, _, state = uniseg.FirstGraphemeClusterInString(s, state)
		gs = append(gs, g)
	}
	return gs
}

// refHidden is the slow, obvious statement of which graphemes a style
// hides (before the deny-list, which may only hide more).
func refHidden(n identity.Name, st Style) []bool {
	var letters []int
	for i := range n.Len() {
		if !n.IsSeparator(i) {
			letters = append(letters, i)
		}
	}
	h := make([]bool, n.Len())
	keepOnlyLast := func() {
		for _, i := range letters {
			h[i] = true
		}
		if len(letters) > 1 {
			h[letters[len(letters)-1]] = false
		}
	}
	sur := n.Surname()
	inSurname := func(i int) bool { return sur.Start <= i && i < sur.End }
	switch st {
	case KeepLast:
		keepOnlyLast()
	case KeepEnds:
		keepOnlyLast()
		if len(letters) > 2 {
			h[letters[0]] = false
		}
	case HideSurname, KeepSurname:
		for _, i := range letters {
			h[i] = inSurname(i) == (st == HideSurname)
		}
		if !slices.Contains(h, true) {
			keepOnlyLast()
		}
	}
	return h
}

// checkMasked checks every invariant of a Masked m made from n in style st
// with options c. It backs the rapid properties and the fuzz target.
func checkMasked(t fataler, n identity.Name, st Style, c config, m Masked) {
	out := m.String()
	mask := string(c.mask)
	if !m.IsValid() || out == "" {
		t.Fatalf("%+q: invalid Masked without error", n.Unmasked())
	}
	if m.Len() != n.Len() {
		t.Fatalf("%+q: Len() = %d, want %d", n.Unmasked(), m.Len(), n.Len())
	}

	// The style's hidden graphemes are hidden; the deny-list only ever
	// hides more letters, and only in names that may contain Latin.
	ref := refHidden(n, st)
	hiddenAny := false
	for i, want := range ref {
		got := m.IsHidden(i)
		hiddenAny = hiddenAny || got
		switch {
		case want && !got:
			t.Fatalf("%+q %v: grapheme %d %+q revealed, style hides it (out %+q)", n.Unmasked(), st, i, n.Grapheme(i), out)
		case got && n.IsSeparator(i):
			t.Fatalf("%+q %v: separator %d hidden (out %+q)", n.Unmasked(), st, i, out)
		case got && !want && !mayReadAsWord(n.Script()):
			t.Fatalf("%+q %v: grapheme %d hidden beyond the style in a %v name", n.Unmasked(), st, i, n.Script())
		}
	}
	if !hiddenAny {
		t.Fatalf("%+q %v: nothing hidden", n.Unmasked(), st)
	}

	// Position by position, with the output split by uniseg: a visible
	// grapheme is the name's own, a hidden one (or run, under HideLength)
	// is mask runes only.
	og := graphemes(out)
	j := 0
	for i := range n.Len() {
		switch {
		case !m.IsHidden(i):
			if j >= len(og) || og[j] != n.Grapheme(i) {
				t.Fatalf("%+q %v: output %+q: grapheme %d should be %+q", n.Unmasked(), st, out, i, n.Grapheme(i))
			}
			j++
		case !c.hideLength:
			if j >= len(og) || og[j] != mask {
				t.Fatalf("%+q %v: output %+q: hidden grapheme %d not replaced by %+q", n.Unmasked(), st, out, i, mask)
			}
			j++
		case i == 0 || !m.IsHidden(i-1):
			for range HiddenWidth {
				if j >= len(og) || og[j] != mask {
					t.Fatalf("%+q %v: output %+q: hidden run at %d not %d mask runes", n.Unmasked(), st, out, i, HiddenWidth)
				}
				j++
			}
		}
	}
	if j != len(og) {
		t.Fatalf("%+q %v: output %+q has %d graphemes, expected %d", n.Unmasked(), st, out, len(og), j)
	}
	if !c.hideLength && len(og) != n.Len() {
		t.Fatalf("%+q %v: output %+q has %d graphemes, name has %d", n.Unmasked(), st, out, len(og), n.Len())
	}

	// The visible graphemes are a subsequence of the name's (when the
	// mask rune cannot be confused with a grapheme of the name).
	names := graphemes(n.Unmasked())
	if !slices.Contains(names, mask) {
		k := 0
		for _, g := range og {
			if g == mask {
				continue
			}
			for k < len(names) && names[k] != g {
				k++
			}
			if k == len(names) {
				t.Fatalf("%+q %v: visible %+q of %+q is not in the name in order", n.Unmasked(), st, g, out)
			}
			k++
		}
	}

	// A name that may hold Latin letters never reads as a denied word
	// (when the mask rune cannot be confused with one of its letters).
	if mayReadAsWord(n.Script()) && !strings.ContainsRune(strings.ToLower(n.Unmasked()), unicode.ToLower(c.mask)) && readsDenied(out, c.mask) {
		t.Fatalf("%+q %v: output %+q reads as a denied word", n.Unmasked(), st, out)
	}

	// Hidden, Segments and UnmaskedHidden agree with IsHidden.
	var runs []Span
	for i := 0; i < n.Len(); i++ {
		if m.IsHidden(i) {
			s := i
			for i < n.Len() && m.IsHidden(i) {
				i++
			}
			runs = append(runs, Span{Start: s, End: i})
		}
	}
	if diff := cmp.Diff(runs, m.Hidden()); diff != "" {
		t.Fatalf("%+q %v: Hidden() (-want +got):\n%s", n.Unmasked(), st, diff)
	}
	var texts []string
	for _, r := range runs {
		texts = append(texts, n.Text(r))
	}
	if got, want := m.UnmaskedHidden(), strings.Join(texts, " "); got != want {
		t.Fatalf("%+q %v: UnmaskedHidden() = %+q, want %+q", n.Unmasked(), st, got, want)
	}
	var concat strings.Builder
	next := 0
	for _, seg := range m.Segments() {
		if seg.Span.Start != next || seg.Span.End <= seg.Span.Start {
			t.Fatalf("%+q %v: segments do not tile the name: %+v", n.Unmasked(), st, m.Segments())
		}
		next = seg.Span.End
		want := n.Text(seg.Span)
		if seg.Hidden {
			k := seg.Span.Len()
			if c.hideLength {
				k = HiddenWidth
			}
			want = strings.Repeat(mask, k)
		}
		if seg.Text != want {
			t.Fatalf("%+q %v: segment %+v text should be %+q", n.Unmasked(), st, seg, want)
		}
		concat.WriteString(seg.Text)
	}
	if next != n.Len() || concat.String() != out {
		t.Fatalf("%+q %v: segments %+v do not make %+q", n.Unmasked(), st, m.Segments(), out)
	}
}

// propStyle masks a generated name in style st with generated options and
// checks every invariant.
func propStyle(st Style) func(*rapid.T) {
	return func(t *rapid.T) {
		s := anyName().Draw(t, "name")
		opts := optionsGen().Draw(t, "opts")
		n, err := identity.Parse(s)
		if err != nil {
			t.Skipf("identity.Parse: %v", err)
		}
		m, err := Name(s, st, opts...)
		if err != nil {
			t.Fatalf("Name(%+q, %v): %v", s, st, err)
		}
		checkMasked(t, n, st, resolve(opts), m)
	}
}

// TestPropInvariants: for every style, visible graphemes are the name's own
// in order, hidden spans are fully replaced, the grapheme count is kept
// unless HideLength, nothing the style hides is revealed, and Hidden,
// Segments and UnmaskedHidden agree.
func TestPropInvariants(t *testing.T) {
	for _, st := range allStyles {
		t.Run(st.String(), func(t *testing.T) { rapid.Check(t, propStyle(st)) })
	}
}

// propHideLength draws two Han names of different length that share their
// visible part under style st, and checks that with HideLength they mask
// to the same text (and without it, to different texts).
func propHideLength(st Style) func(*rapid.T) {
	return func(t *rapid.T) {
		a, b := hanGiven(1, 3).Draw(t, "a"), hanGiven(1, 3).Draw(t, "b")
		if len([]rune(a)) == len([]rune(b)) {
			b += string(hanRune().Draw(t, "extra"))
		}
		var x, y string
		switch st {
		case KeepLast:
			last := string(hanRune().Draw(t, "last"))
			x, y = a+last, b+last
		case KeepEnds:
			first := rapid.SampledFrom(hanSingleSurnames).Draw(t, "first")
			last := string(hanRune().Draw(t, "last"))
			x, y = first+a+last, first+b+last
		case KeepSurname:
			sur := rapid.OneOf(rapid.SampledFrom(hanSingleSurnames), rapid.SampledFrom(hanCompoundSurnames)).Draw(t, "surname")
			x, y = sur+a, sur+b
		case HideSurname:
			given := hanGiven(1, 2).Draw(t, "given")
			x = rapid.SampledFrom(hanSingleSurnames).Draw(t, "single") + given
			y = rapid.SampledFrom(hanCompoundSurnames).Draw(t, "compound") + given
		}
		mx, errX := Name(x, st, HideLength(true))
		my, errY := Name(y, st, HideLength(true))
		if errX != nil || errY != nil {
			t.Fatalf("Name(%+q), Name(%+q): %v, %v", x, y, errX, errY)
		}
		if mx.String() != my.String() {
			t.Fatalf("%v HideLength: %+q → %+q but %+q → %+q", st, x, mx.String(), y, my.String())
		}
		px, _ := Name(x, st)
		py, _ := Name(y, st)
		if px.String() == py.String() {
			t.Fatalf("%v: %+q and %+q both mask to %+q without HideLength", st, x, y, px.String())
		}
	}
}

func TestPropHideLength(t *testing.T) {
	for _, st := range allStyles {
		t.Run(st.String(), func(t *testing.T) { rapid.Check(t, propHideLength(st)) })
	}
}

// propNoPanic feeds arbitrary strings, styles (valid or not) and options:
// Name never panics, and either fails with a zero Masked or satisfies
// every invariant.
func propNoPanic(t *rapid.T) {
	s := rapid.OneOf(rapid.String(), anyName(), identitytest.Hostile(), rapid.StringOf(rapid.RuneFrom(nil, uniRange))).Draw(t, "s")
	st := Style(rapid.IntRange(0, 6).Draw(t, "style"))
	var opts []Option
	if rapid.Bool().Draw(t, "custom rune") {
		opts = append(opts, MaskRune(rapid.Int32Range(-2, 0x110001).Draw(t, "rune")))
	}
	opts = append(opts, HideLength(rapid.Bool().Draw(t, "hide length")))
	m, err := Name(s, st, opts...)
	if err != nil {
		if m.IsValid() || m.String() != "" {
			t.Fatalf("Name(%+q) failed (%v) but returned %+q", s, err, m.String())
		}
		if strings.Contains(err.Error(), s) && len(s) > 2 {
			t.Fatalf("error %q contains the input %+q", err, s)
		}
		return
	}
	checkMasked(t, identity.MustParse(s), st, resolve(opts), m)
}

var uniRange = rangeTable(0, 0x10FFFF)

func TestPropNoPanic(t *testing.T) { rapid.Check(t, propNoPanic) }

// deniedNameGen draws Latin names built to trip the deny-list: a denied
// word with its inner letters replaced at random (they get masked anyway),
// capitalized, alone or next to other words.
func deniedNameGen() *rapid.Generator[string] {
	words := strings.Split(deniedWords, "\n")
	return rapid.Custom(func(t *rapid.T) string {
		w := []rune(rapid.SampledFrom(words).Draw(t, "word"))
		for i := 1; i < len(w)-1; i++ {
			if rapid.Bool().Draw(t, "change") {
				w[i] = rapid.RuneFrom([]rune("aeiouxyzé")).Draw(t, "letter")
			}
		}
		w[0] = []rune(strings.ToUpper(string(w[0])))[0]
		name := string(w)
		switch rapid.IntRange(0, 3).Draw(t, "shape") {
		case 1:
			name = latinWord().Draw(t, "before") + " " + name
		case 2:
			name += " " + latinWord().Draw(t, "after")
		}
		return name
	})
}

// readsDenied reports whether some part of the masked text out reads as a
// denied word, tokenizing the output itself: the mask rune is a wildcard,
// letters fold to ASCII, separators split parts.
func readsDenied(out string, mask rune) bool {
	for _, part := range strings.FieldsFunc(out, func(r rune) bool { return r == ' ' || r == '-' }) {
		var tok []byte
		for _, g := range graphemes(part) {
			if g == string(mask) {
				tok = append(tok, wild)
			} else {
				tok = append(tok, letterOf(g))
			}
		}
		if at, _ := findDenied(tok); at >= 0 {
			return true
		}
	}
	return false
}

// propNeverDenied: for every style and option, a Latin name's masked text
// never reads as a denied word.
func propNeverDenied(t *rapid.T) {
	s := rapid.OneOf(deniedNameGen(), latinName()).Draw(t, "name")
	st := rapid.SampledFrom(allStyles).Draw(t, "style")
	r := rapid.SampledFrom([]rune{'*', 'X', 'x', '●'}).Draw(t, "mask")
	hide := rapid.Bool().Draw(t, "hide length")
	if strings.ContainsRune(strings.ToLower(s), unicode.ToLower(r)) {
		// A visible letter equal to the mask rune could not be told from
		// it by readsDenied; '*' and '●' cover these names.
		r = '*'
	}
	m, err := Name(s, st, MaskRune(r), HideLength(hide))
	if err != nil {
		t.Skipf("Name: %v", err)
	}
	if readsDenied(m.String(), r) {
		t.Fatalf("Name(%+q, %v, mask %q, HideLength %v) = %+q reads as a denied word", s, st, r, hide, m.String())
	}
}

func TestPropNeverDenied(t *testing.T) { rapid.Check(t, propNeverDenied) }
