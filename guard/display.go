package guard

import (
	"strings"

	"github.com/transferguard/transferguard/identity"
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
//
// TEMPORARY: a minimal masker until the mask package's API lands; it is
// replaced by mask.NameFrom.
func (p Policy) display(name string) (identity.Name, view, error) {
	n, err := identity.Parse(name)
	if err != nil {
		return identity.Name{}, view{}, err
	}
	keep := make([]bool, n.Len())
	var letters []int
	for i := range n.Len() {
		if n.IsSeparator(i) {
			keep[i] = true
		} else {
			letters = append(letters, i)
		}
	}
	sur := n.Surname()
	switch p.Display {
	case HideSurname:
		for _, i := range letters {
			keep[i] = i < sur.Start || i >= sur.End
		}
	case KeepSurname:
		for _, i := range letters {
			keep[i] = i >= sur.Start && i < sur.End
		}
	case KeepEnds:
		if len(letters) > 2 {
			keep[letters[0]] = true
		}
		fallthrough
	default:
		if len(letters) > 1 {
			keep[letters[len(letters)-1]] = true
		}
	}
	var v view
	var text, hid strings.Builder
	for i := 0; i < n.Len(); {
		j := i
		for j < n.Len() && keep[j] == keep[i] {
			j++
		}
		seg := Segment{Hidden: !keep[i], Graphemes: j - i}
		if keep[i] {
			seg.Text = graphemes(n, identity.Span{Start: i, End: j})
		} else {
			seg.Text = strings.Repeat("*", j-i)
			v.hidden = append(v.hidden, Span{i, j})
			if hid.Len() > 0 {
				hid.WriteByte(' ')
			}
			hid.WriteString(graphemes(n, identity.Span{Start: i, End: j}))
		}
		text.WriteString(seg.Text)
		v.segs = append(v.segs, seg)
		i = j
	}
	v.text, v.hiddenText = text.String(), hid.String()
	return n, v, nil
}
