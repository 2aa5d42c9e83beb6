package guard

import (
	"github.com/transferguard/transferguard/identity"
	"github.com/transferguard/transferguard/mask"
)

// view is a masked name as a challenge keeps it: the text the payer sees,
// its segments, the hidden grapheme spans and (server side only) the hidden
// text, the hidden spans joined by single spaces.
type view struct {
	text       string
	segs       []Segment
	hidden     spans
	hiddenText string
}

// spans is a short list of grapheme spans, kept inline so that a
// challenge holds its hidden runs without a heap allocation: a name rarely
// has more than a few (KeepLast hides one run per part). Beyond the inline
// room, the list moves to a slice.
type spans struct {
	inline [4]Span
	n      uint8
	more   []Span
}

// add appends sp to the list.
func (l *spans) add(sp Span) {
	if l.more == nil && int(l.n) < len(l.inline) {
		l.inline[l.n] = sp
		l.n++
		return
	}
	if l.more == nil {
		l.more = append(make([]Span, 0, 2*len(l.inline)), l.inline[:l.n]...)
	}
	l.more = append(l.more, sp)
}

// list returns the spans in order. The result aliases l.
func (l *spans) list() []Span {
	if l.more != nil {
		return l.more
	}
	return l.inline[:l.n]
}

// maskNeeds says which results of [Policy.maskName] a caller uses, so that
// it allocates only for those.
type maskNeeds uint8

const (
	needPublic maskNeeds = 1 << iota // the MaskedName a decision or suspect shows
	needView                         // the view a challenge keeps
)

// display parses name into *n and masks it with p's style. n is the
// caller's, so that callers who only want the display do not copy a Name
// back.
func (p *Policy) display(n *identity.Name, name string, need maskNeeds) (MaskedName, view, error) {
	var err error
	if *n, err = identity.Parse(name); err != nil {
		return MaskedName{}, view{}, err
	}
	return p.maskName(n, need)
}

// maskName masks n with p's style and returns what need asks for: the
// client-visible MaskedName, the challenge's view, or both. When both are
// asked for, their segments share one allocation but not one slice: two
// disjoint, separately capped halves, so that a caller who writes into (or
// appends to) a decision's display cannot change what the challenge's
// prompt shows.
func (p *Policy) maskName(n *identity.Name, need maskNeeds) (MaskedName, view, error) {
	m, err := mask.NameFrom(*n, p.Display, mask.HideLength(p.HideLength))
	if err != nil {
		return MaskedName{}, view{}, err
	}
	var arr [8]mask.Segment
	ms := m.AppendSegments(arr[:0])
	k := len(ms)
	copies := 0
	if need&needPublic != 0 {
		copies++
	}
	if need&needView != 0 {
		copies++
	}
	segs := make([]Segment, copies*k)
	for i, s := range ms {
		segs[i] = Segment{Text: s.Text, Hidden: s.Hidden}
	}
	var pub MaskedName
	var v view
	if need&needPublic != 0 {
		pub = MaskedName{Text: m.String(), Segments: segs[:k:k]}
		if need&needView != 0 {
			copy(segs[k:], segs[:k])
			segs = segs[k:]
		}
	}
	if need&needView == 0 {
		return pub, v, nil
	}
	// The hidden segments are the hidden runs (Masked.AppendHidden) with
	// their grapheme spans; one run's clear text needs no joining.
	v = view{text: m.String(), segs: segs[:k:k]}
	var one mask.Span
	runs := 0
	for _, s := range ms {
		if s.Hidden {
			one = s.Span
			runs++
			v.hidden.add(Span{s.Span.Start, s.Span.End})
		}
	}
	switch runs {
	case 0:
	case 1:
		v.hiddenText = m.UnmaskedText(one)
	default:
		v.hiddenText = m.UnmaskedHidden()
	}
	return pub, v, nil
}
