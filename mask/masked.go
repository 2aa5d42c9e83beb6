package mask

import (
	"fmt"
	"log/slog"
	"math/bits"
	"unicode/utf8"
	"unsafe"

	"github.com/transferguard/transferguard/identity"
)

// bitset records hidden grapheme indices; bit i of word i/64 is grapheme i.
// It has room for the longest name identity parses, so a [Masked] needs no
// slice.
type bitset [(identity.MaxGraphemes + 63) / 64]uint64

func (b *bitset) set(i int)      { b[i>>6] |= 1 << (i & 63) }
func (b *bitset) clear(i int)    { b[i>>6] &^= 1 << (i & 63) }
func (b *bitset) has(i int) bool { return b[i>>6]&(1<<(i&63)) != 0 }
func (b *bitset) count() (n int) {
	for _, w := range b {
		n += bits.OnesCount64(w)
	}
	return n
}

// Span is a half-open range [Start, End) of grapheme-cluster indices in the
// masked name, the same type as [identity.Span], so it can be compared with
// [identity.Name.Surname] and [identity.Name.Part].
type Span = identity.Span

// Segment is a run of the masked text that is either all visible or all
// hidden. Text is what is shown: the clear graphemes of a visible run
// (separators included), or the mask runes of a hidden run. Span is the
// run's grapheme range in the name. A hidden segment's Text never contains
// any of the hidden graphemes. Span tells how many graphemes a hidden run
// covers: under [HideLength], do not send it to the client.
type Segment struct {
	Text   string
	Span   Span
	Hidden bool
}

// Masked is a name as the payer is shown it, together with which of its
// grapheme clusters are hidden. It is a value: copy it freely; its hidden
// spans are stored inline, without a slice. The zero Masked is not valid.
//
// A Masked never prints the hidden text by accident: [Masked.String],
// [Masked.Format] (every fmt verb, %#v included) and [Masked.LogValue]
// give the masked text only. The clear text of hidden graphemes is
// available only from the methods whose names start with Unmasked, which
// belong on the server (a challenge's expected answer), never in a
// response to the client.
//
// Masked values are comparable, but == also compares where the name's
// text is stored; compare [Masked.String] and [Masked.Hidden] instead.
type Masked struct {
	// clear points to the name's clear text (NFC, as identity stores it)
	// of clearLen bytes. It is a pointer rather than a string so that
	// printing by reflection, which bypasses [Masked.Format] (fmt's %p on
	// a Masked, or %v on a struct that holds a Masked in an unexported
	// field), shows an address instead of the name.
	clear    *byte
	clearLen uint16
	n        uint8                         // number of graphemes
	ends     [identity.MaxGraphemes]uint16 // ends[i]: byte offset where grapheme i ends

	text       string
	hidden     bitset
	mask       rune
	style      Style
	hideLength bool
}

// IsValid reports whether m was returned by [Name] or [NameFrom] without
// error.
func (m Masked) IsValid() bool { return m.text != "" }

// String returns the masked text, such as "**明". It does not allocate.
func (m Masked) String() string { return m.text }

// Format implements [fmt.Formatter] so that every verb, %#v and %+v
// included, formats the masked text as a string and never the fields.
func (m Masked) Format(f fmt.State, verb rune) {
	fmt.Fprintf(f, fmt.FormatString(f, verb), m.text)
}

// LogValue implements [slog.LogValuer] with the masked text.
func (m Masked) LogValue() slog.Value { return slog.StringValue(m.text) }

// Style returns the style m was masked with.
func (m Masked) Style() Style { return m.style }

// Len returns the number of grapheme clusters of the name (not of the
// masked text, which differs under [HideLength]).
func (m Masked) Len() int {
	return int(m.n)
}

// IsHidden reports whether the i-th grapheme of the name is hidden. It is
// false for i out of range.
func (m Masked) IsHidden(i int) bool {
	return i >= 0 && i < m.Len() && m.hidden.has(i)
}

// NumHidden returns the number of hidden spans, the length of
// [Masked.Hidden].
func (m Masked) NumHidden() int { return m.numHidden() }

// The methods of Masked have value receivers (STYLE.md §3), so each call
// copies the 176-byte Masked; the exported ones call these pointer forms,
// which work on runs of the hidden bit set rather than on each grapheme.

// hiddenBits returns the bits of the hidden graphemes.
func (m *Masked) hiddenBits() uint64 { return m.hidden[0] & spanBits(0, int(m.n)) }

func (m *Masked) numHidden() int {
	h := m.hiddenBits()
	return bits.OnesCount64(h &^ (h << 1)) // the first grapheme of each run
}

// Hidden returns the hidden grapheme spans of the name in order. Spans
// never contain a separator and never touch each other. Each call allocates
// a new slice; [Masked.AppendHidden] does not.
func (m Masked) Hidden() []Span { return m.appendHidden(make([]Span, 0, m.numHidden())) }

// AppendHidden appends the hidden spans to dst and returns the extended
// slice. It allocates nothing when dst has room for [Masked.NumHidden]
// more spans.
func (m Masked) AppendHidden(dst []Span) []Span { return m.appendHidden(dst) }

func (m *Masked) appendHidden(dst []Span) []Span {
	for h := m.hiddenBits(); h != 0; {
		i, j := nextRun(h)
		h &^= spanBits(i, j)
		dst = append(dst, Span{Start: i, End: j})
	}
	return dst
}

// Segments returns the masked text as alternating visible and hidden runs
// in order, for a UI that shows the visible part large and the hidden part
// as boxes. Concatenating the segments' Text gives [Masked.String]. Each
// call allocates a new slice; [Masked.AppendSegments] does not.
func (m Masked) Segments() []Segment {
	return m.appendSegments(make([]Segment, 0, 2*m.numHidden()+1))
}

// AppendSegments appends the segments of [Masked.Segments] to dst. It
// allocates nothing when dst has enough room.
func (m Masked) AppendSegments(dst []Segment) []Segment { return m.appendSegments(dst) }

func (m *Masked) appendSegments(dst []Segment) []Segment {
	n := int(m.n)
	mlen := utf8.RuneLen(m.mask)
	h := m.hiddenBits()
	out := 0 // byte offset in m.text
	for i := 0; i < n; {
		hid := h>>uint(i)&1 != 0
		var j, size int
		if hid {
			j = i + bits.TrailingZeros64(^(h >> uint(i)))
			size = (j - i) * mlen
			if m.hideLength {
				size = HiddenWidth * mlen
			}
		} else {
			j = min(n, i+bits.TrailingZeros64(h>>uint(i))) // 64 when no hidden grapheme follows
			size = int(m.ends[j-1]) - m.start(i)
		}
		dst = append(dst, Segment{Text: m.text[out : out+size], Span: Span{Start: i, End: j}, Hidden: hid})
		out += size
		i = j
	}
	return dst
}

// UnmaskedText returns the clear text of the graphemes in sp, or "" if sp
// is empty or out of range. It is meant for the server (for example, the
// expected answer of a challenge); never send its result to the client.
// It does not allocate.
func (m Masked) UnmaskedText(sp Span) string {
	if sp.Start < 0 || sp.End > m.Len() || sp.Start >= sp.End {
		return ""
	}
	start := 0
	if sp.Start > 0 {
		start = int(m.ends[sp.Start-1])
	}
	return m.clearText()[start:m.ends[sp.End-1]]
}

// clearText returns the name's clear text.
func (m *Masked) clearText() string { return unsafe.String(m.clear, m.clearLen) }

// grapheme returns the clear text of the i-th grapheme.
func (m Masked) grapheme(i int) string { return m.graphemeAt(i) }

// graphemeAt is grapheme without copying m.
func (m *Masked) graphemeAt(i int) string {
	return m.clearText()[m.start(i):m.ends[i]]
}

// UnmaskedHidden returns the clear text of every hidden grapheme, the
// spans of [Masked.Hidden] in order, joined by one space (U+0020) when
// there are several: **明 from 张小明 gives "张小", ***·*力 from 买买提·艾力
// gives "买买提 艾". It is meant for the server only; never send its
// result to the client. It allocates only when there are several spans.
func (m Masked) UnmaskedHidden() string {
	h := m.hiddenBits()
	switch m.numHidden() {
	case 0:
		return ""
	case 1:
		i, j := nextRun(h)
		return m.clearText()[m.start(i):m.ends[j-1]]
	}
	return string(m.appendUnmaskedHidden(nil))
}

// AppendUnmaskedHidden appends the text of [Masked.UnmaskedHidden] to dst.
// It allocates nothing when dst has enough room.
func (m Masked) AppendUnmaskedHidden(dst []byte) []byte { return m.appendUnmaskedHidden(dst) }

func (m *Masked) appendUnmaskedHidden(dst []byte) []byte {
	text := m.clearText()
	for h, first := m.hiddenBits(), true; h != 0; first = false {
		i, j := nextRun(h)
		h &^= spanBits(i, j)
		if !first {
			dst = append(dst, ' ')
		}
		dst = append(dst, text[m.start(i):m.ends[j-1]]...)
	}
	return dst
}
