package mask

import (
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/transferguard/transferguard/identity"
)

// Name parses name with [identity.Parse] and masks it in the given style;
// see [NameFrom]. Errors from identity.Parse are returned unchanged (for
// example [identity.ErrForbiddenRune] for an emoji), so a name that identity
// rejects is never shown at all. To pass identity a hint, such as
// [identity.Language], call identity.Parse and then NameFrom.
//
// The masked text is built from the name as identity stores it, which is
// in NFC: a name typed with a combining acute (e\u0301) shows é (U+00E9).
//
// For a three-character Han name Name allocates once (the masked text).
func Name(name string, style Style, opts ...Option) (Masked, error) {
	if !style.IsValid() {
		return Masked{}, ErrStyle
	}
	n, err := identity.Parse(name)
	if err != nil {
		return Masked{}, err
	}
	return NameFrom(n, style, opts...)
}

// NameFrom masks an already parsed name in the given style. It works on
// grapheme clusters: each hidden grapheme becomes one mask rune (or, with
// [HideLength], each run of hidden graphemes becomes [HiddenWidth] mask
// runes), separators stay visible, and a grapheme is never split.
//
// For names that may contain Latin letters (identity's Latin, mixed,
// other and unknown scripts) the result is checked against a small
// deny-list of offensive words and the mask is widened when the masked text would
// read as one; see the package documentation.
//
// It reports [ErrInvalidName] for the zero Name, [ErrStyle] for an invalid
// style and [ErrMaskRune] for a mask rune that [MaskRune] does not allow.
// NameFrom allocates exactly once, for the masked text.
func NameFrom(n identity.Name, style Style, opts ...Option) (Masked, error) {
	if !n.IsValid() {
		return Masked{}, ErrInvalidName
	}
	if !style.IsValid() {
		return Masked{}, ErrStyle
	}
	c := resolve(opts)
	if !validMaskRune(c.mask) {
		return Masked{}, ErrMaskRune
	}
	m := Masked{mask: c.mask, style: style, hideLength: c.hideLength}
	m.setName(&n)
	hide(&m.hidden, &n, style)
	if mayReadAsWord(n.Script()) {
		avoidDenied(&m.hidden, &n, c)
	}
	m.text = render(&n, &m.hidden, c)
	return m, nil
}

// hide sets the bits of the graphemes that style hides.
func hide(h *bitset, n *identity.Name, style Style) {
	switch style {
	case KeepLast:
		hideAllButLast(h, n)
	case KeepEnds:
		hideInner(h, n)
	case HideSurname:
		if !hideSpan(h, n, n.Surname(), true) {
			hideAllButLast(h, n)
		}
	case KeepSurname:
		if !hideSpan(h, n, n.Surname(), false) {
			hideAllButLast(h, n)
		}
	}
}

// hideAllButLast hides every letter but the last; a single letter is hidden.
func hideAllButLast(h *bitset, n *identity.Name) {
	last, letters := -1, 0
	for i := range n.Len() {
		if !n.IsSeparator(i) {
			h.set(i)
			last = i
			letters++
		}
	}
	if letters > 1 {
		h.clear(last)
	}
}

// hideInner hides every letter but the first and the last; of two letters
// it hides the first, and a single letter is hidden.
func hideInner(h *bitset, n *identity.Name) {
	first, last, letters := -1, -1, 0
	for i := range n.Len() {
		if !n.IsSeparator(i) {
			h.set(i)
			if first < 0 {
				first = i
			}
			last = i
			letters++
		}
	}
	if letters > 1 {
		h.clear(last)
	}
	if letters > 2 {
		h.clear(first)
	}
}

// hideSpan hides the letters inside sp (inside == true) or outside it, and
// reports whether it hid any.
func hideSpan(h *bitset, n *identity.Name, sp identity.Span, inside bool) bool {
	hid := false
	for i := range n.Len() {
		in := sp.Start <= i && i < sp.End
		if in == inside && !n.IsSeparator(i) {
			h.set(i)
			hid = true
		}
	}
	return hid
}

// render builds the masked text with exactly one allocation.
func render(n *identity.Name, h *bitset, c config) string {
	mlen := utf8.RuneLen(c.mask)
	size := 0
	prev := false
	for i := range n.Len() {
		switch hid := h.has(i); {
		case !hid:
			size += len(n.Grapheme(i))
		case !c.hideLength:
			size += mlen
		case !prev:
			size += HiddenWidth * mlen
		}
		prev = h.has(i)
	}
	var b strings.Builder
	b.Grow(size)
	prev = false
	for i := range n.Len() {
		switch hid := h.has(i); {
		case !hid:
			b.WriteString(n.Grapheme(i))
		case !c.hideLength:
			b.WriteRune(c.mask)
		case !prev:
			for range HiddenWidth {
				b.WriteRune(c.mask)
			}
		}
		prev = h.has(i)
	}
	return b.String()
}

// mayReadAsWord reports whether a name in script s may contain Latin
// letters, and so needs the deny-list check. Names in one non-Latin script
// skip it, which keeps the Han path fast.
func mayReadAsWord(s identity.Script) bool {
	switch s {
	case identity.ScriptHan, identity.ScriptHangul, identity.ScriptKana,
		identity.ScriptArabic, identity.ScriptThai, identity.ScriptDevanagari,
		identity.ScriptCyrillic, identity.ScriptGreek:
		return false
	}
	return true
}

// setName records n's clear text and grapheme boundaries in m.
func (m *Masked) setName(n *identity.Name) {
	s := n.Unmasked()
	m.clear, m.clearLen = unsafe.StringData(s), uint16(len(s))
	m.n = uint8(n.Len())
	end := 0
	for i := range n.Len() {
		end += len(n.Grapheme(i))
		m.ends[i] = uint16(end)
	}
}
