package guard

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/transferguard/transferguard/identity"
	"github.com/transferguard/transferguard/identity/identitytest"
	"github.com/transferguard/transferguard/mask"
)

// TestMaskNameMatchesMask: maskName builds the display and the challenge's
// view from one pass over the segments; they must say what the mask
// package's own accessors say, for every style, with and without
// HideLength, whichever results the caller asks for.
func TestMaskNameMatchesMask(t *testing.T) {
	styles := []mask.Style{mask.KeepLast, mask.HideSurname, mask.KeepSurname, mask.KeepEnds}
	rapid.Check(t, func(t *rapid.T) {
		name := rapid.OneOf(identitytest.Name(), identitytest.Hostile()).Draw(t, "name")
		n, err := identity.Parse(name)
		if err != nil {
			t.Skip("identity rejects the name")
		}
		p := DefaultPolicy()
		p.Display = rapid.SampledFrom(styles).Draw(t, "style")
		p.HideLength = rapid.Bool().Draw(t, "hideLength")
		need := maskNeeds(rapid.IntRange(1, 3).Draw(t, "need"))
		m, merr := mask.NameFrom(n, p.Display, mask.HideLength(p.HideLength))
		pub, v, err := p.maskName(&n, need)
		if (err != nil) != (merr != nil) {
			t.Fatalf("maskName error %v, mask error %v", err, merr)
		}
		if err != nil {
			return
		}
		var segs []Segment
		for _, s := range m.Segments() {
			segs = append(segs, Segment{Text: s.Text, Hidden: s.Hidden})
		}
		if need&needPublic != 0 {
			if diff := cmp.Diff(MaskedName{Text: m.String(), Segments: segs}, pub); diff != "" {
				t.Fatalf("display (-mask +maskName):\n%s", diff)
			}
		}
		if need&needView == 0 {
			return
		}
		var hidden []Span
		for _, s := range m.Hidden() {
			hidden = append(hidden, Span{s.Start, s.End})
		}
		type flat struct {
			Text, HiddenText string
			Segs             []Segment
			Hidden           []Span
		}
		want := flat{m.String(), m.UnmaskedHidden(), segs, hidden}
		got := flat{v.text, v.hiddenText, v.segs, append([]Span(nil), v.hidden.list()...)}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("view (-mask +maskName):\n%s", diff)
		}
	})
}
