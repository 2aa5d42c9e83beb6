package mask

import (
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"pgregory.net/rapid"
)

// The accessors of Masked as they were written grapheme by grapheme: the
// obvious reference for the versions that work on runs of the hidden bit
// set.

func (m Masked) numHiddenSlow() int {
	n := 0
	prev := false
	for i := range m.Len() {
		h := m.hidden.has(i)
		if h && !prev {
			n++
		}
		prev = h
	}
	return n
}

func (m Masked) hiddenSlow() []Span {
	var dst []Span
	n := m.Len()
	for i := 0; i < n; {
		if !m.hidden.has(i) {
			i++
			continue
		}
		j := i + 1
		for j < n && m.hidden.has(j) {
			j++
		}
		dst = append(dst, Span{Start: i, End: j})
		i = j
	}
	return dst
}

func (m Masked) segmentsSlow() []Segment {
	var dst []Segment
	n := m.Len()
	mlen := utf8.RuneLen(m.mask)
	out := 0 // byte offset in m.text
	for i := 0; i < n; {
		h := m.hidden.has(i)
		j, size := i, 0
		for j < n && m.hidden.has(j) == h {
			if !h {
				size += len(m.grapheme(j))
			} else if !m.hideLength {
				size += mlen
			}
			j++
		}
		if h && m.hideLength {
			size = HiddenWidth * mlen
		}
		dst = append(dst, Segment{Text: m.text[out : out+size], Span: Span{Start: i, End: j}, Hidden: h})
		out += size
		i = j
	}
	return dst
}

func (m Masked) unmaskedHiddenSlow() string {
	var dst []byte
	first, prev := true, false
	for i := range m.Len() {
		h := m.hidden.has(i)
		if h {
			if !prev && !first {
				dst = append(dst, ' ')
			}
			dst = append(dst, m.grapheme(i)...)
			first = false
		}
		prev = h
	}
	return string(dst)
}

// checkAccessors compares the accessors of m with their references.
func checkAccessors(t fataler, m Masked) {
	if got, want := m.NumHidden(), m.numHiddenSlow(); got != want {
		t.Fatalf("%+q: NumHidden = %d, want %d", m.String(), got, want)
	}
	if d := cmp.Diff(m.hiddenSlow(), m.Hidden(), cmpopts.EquateEmpty()); d != "" {
		t.Fatalf("%+q: Hidden (-want +got):\n%s", m.String(), d)
	}
	if d := cmp.Diff(m.segmentsSlow(), m.Segments()); d != "" {
		t.Fatalf("%+q: Segments (-want +got):\n%s", m.String(), d)
	}
	if got, want := m.UnmaskedHidden(), m.unmaskedHiddenSlow(); got != want {
		t.Fatalf("%+q: UnmaskedHidden = %+q, want %+q", m.String(), got, want)
	}
	if got, want := string(m.AppendUnmaskedHidden([]byte("x"))), "x"+m.unmaskedHiddenSlow(); got != want {
		t.Fatalf("%+q: AppendUnmaskedHidden = %+q, want %+q", m.String(), got, want)
	}
}

func propAccessors(t *rapid.T) {
	s := rapid.OneOf(anyName(), cjkRunes(), deniedNameGen()).Draw(t, "s")
	st := Style(rapid.IntRange(int(KeepLast), int(numStyles)-1).Draw(t, "style"))
	m, err := Name(s, st, optionsGen().Draw(t, "opts")...)
	if err != nil {
		t.Skip(err)
	}
	checkAccessors(t, m)
}

// TestPropAccessors checks NumHidden, Hidden, Segments and UnmaskedHidden,
// which work on runs of hidden bits, against the grapheme-by-grapheme
// loops they replaced, on random names in every style.
func TestPropAccessors(t *testing.T) { rapid.Check(t, propAccessors) }

func TestAccessorsRows(t *testing.T) {
	for _, tc := range append(append([]nameCase{}, issueTable...), moreNames...) {
		m, err := Name(tc.in, tc.style, tc.opts...)
		if err != nil {
			t.Fatalf("%+q: %v", tc.in, err)
		}
		checkAccessors(t, m)
	}
}
