package guard

import (
	"github.com/transferguard/transferguard/identity"
	"github.com/transferguard/transferguard/mask"
)

// view is a masked name as guard uses it: the text the payer sees, its
// segments, the hidden grapheme spans and (server side only) the hidden
// text, the hidden spans joined by single spaces.
type view struct {
	text       string
	segs       []Segment
	hidden     []Span
	hiddenText string
}

// public returns the client-visible part of v.
func (v view) public() MaskedName {
	return MaskedName{Text: v.text, Segments: append([]Segment(nil), v.segs...)}
}

// display parses name and masks it with p's style.
func (p Policy) display(name string) (identity.Name, view, error) {
	n, err := identity.Parse(name)
	if err != nil {
		return identity.Name{}, view{}, err
	}
	v, err := p.mask(n)
	return n, v, err
}

// mask masks n with p's style.
func (p Policy) mask(n identity.Name) (view, error) {
	m, err := mask.NameFrom(n, p.Display, mask.HideLength(p.HideLength))
	if err != nil {
		return view{}, err
	}
	v := view{text: m.String(), hiddenText: m.UnmaskedHidden()}
	var segs [8]mask.Segment
	ms := m.AppendSegments(segs[:0])
	v.segs = make([]Segment, len(ms))
	for i, s := range ms {
		v.segs[i] = Segment{Text: s.Text, Hidden: s.Hidden}
	}
	var spans [8]mask.Span
	hs := m.AppendHidden(spans[:0])
	v.hidden = make([]Span, len(hs))
	for i, s := range hs {
		v.hidden[i] = Span{s.Start, s.End}
	}
	return v, nil
}
