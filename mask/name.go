package mask

import (
	"math/bits"
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
	return nameFrom(&n, style, opts)
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
	return nameFrom(&n, style, opts)
}

// The hidden set is computed as one 64-bit word: a bitset must have
// exactly one word, which holds for identity.MaxGraphemes <= 64.
const _ = uint(1 - len(bitset{}))

// nameFrom is NameFrom on a pointer, so that Name does not copy the
// parsed name once more. The result is named so that it is built in
// place, not copied out.
func nameFrom(n *identity.Name, style Style, opts []Option) (m Masked, err error) {
	// Each call of an identity.Name method copies the whole Name (its
	// methods have value receivers), so nameFrom calls as few as it can:
	// Unmasked() == "" is the zero Name, as IsValid reports.
	text := n.Unmasked()
	if text == "" {
		return Masked{}, ErrInvalidName
	}
	if !style.IsValid() {
		return Masked{}, ErrStyle
	}
	c := resolve(opts)
	if !validMaskRune(c.mask) {
		return Masked{}, ErrMaskRune
	}
	m.mask, m.style, m.hideLength = c.mask, style, c.hideLength
	letters, han := m.setName(n, text)
	var sur Span
	if style == HideSurname || style == KeepSurname {
		sur = n.Surname()
	}
	m.hidden[0] = hide(letters, sur, style)
	// A name of ideographs and syllables only has no letter a deny-list
	// word can be made of, so its script need not be asked.
	if !han && mayReadAsWord(n.Script()) {
		avoidDenied(&m.hidden, n, c)
	}
	m.text = m.render(text, c)
	return m, nil
}

// spanBits returns the bits of the grapheme indices in [start, end). (For
// end == 64 the shift gives 0 and 0-1 sets all 64 bits.)
func spanBits(start, end int) uint64 {
	if start >= end {
		return 0
	}
	return (1<<uint(end) - 1) &^ (1<<uint(start) - 1)
}

// hide returns the bits of the graphemes that style hides, given the bits
// of the name's letters (its graphemes that are not separators) and its
// surname span.
func hide(letters uint64, sur Span, style Style) uint64 {
	switch style {
	case KeepEnds:
		return hideInner(letters)
	case HideSurname:
		if h := letters & spanBits(sur.Start, sur.End); h != 0 {
			return h
		}
	case KeepSurname:
		if h := letters &^ spanBits(sur.Start, sur.End); h != 0 {
			return h
		}
	}
	return hideAllButLast(letters)
}

// hideAllButLast hides every letter but the last; a single letter is hidden.
func hideAllButLast(letters uint64) uint64 {
	if bits.OnesCount64(letters) > 1 {
		letters &^= 1 << (63 - bits.LeadingZeros64(letters))
	}
	return letters
}

// hideInner hides every letter but the first and the last; of two letters
// it hides the first, and a single letter is hidden.
func hideInner(letters uint64) uint64 {
	k := bits.OnesCount64(letters)
	h := letters
	if k > 1 {
		h &^= 1 << (63 - bits.LeadingZeros64(letters))
	}
	if k > 2 {
		h &^= letters & -letters // the lowest letter
	}
	return h
}

// render builds the masked text with exactly one allocation: it sizes the
// output first, then copies each visible run of the clear text s whole
// and writes the mask runes of each hidden run.
func (m *Masked) render(s string, c config) string {
	var mr [utf8.UTFMax]byte
	mlen := utf8.EncodeRune(mr[:], c.mask)
	h, l := m.hidden[0], int(m.n)
	size := len(s)
	start, prev := 0, false // start: byte offset where grapheme i starts
	for i := range l {
		end := int(m.ends[i])
		if hid := h&(1<<uint(i)) != 0; hid {
			size -= end - start
			if !c.hideLength {
				size += mlen
			} else if !prev {
				size += HiddenWidth * mlen
			}
			prev = true
		} else {
			prev = false
		}
		start = end
	}
	var b strings.Builder // one allocation of exactly size bytes
	b.Grow(size)
	from := 0 // next clear byte of s to copy
	start, prev = 0, false
	for i := range l {
		end := int(m.ends[i])
		if h&(1<<uint(i)) == 0 {
			prev = false
			start = end
			continue
		}
		b.WriteString(s[from:start])
		from, start = end, end
		k := 1
		if c.hideLength {
			if prev {
				continue
			}
			k = HiddenWidth
		}
		prev = true
		for range k {
			b.Write(mr[:mlen])
		}
	}
	b.WriteString(s[from:])
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

// setName records n's clear text s and its grapheme boundaries in m. It
// returns the bits of n's letters (the graphemes that are not separators),
// and reports whether every grapheme is a single CJK ideograph or Hangul
// syllable.
func (m *Masked) setName(n *identity.Name, s string) (letters uint64, cjk bool) {
	m.clear, m.clearLen = unsafe.StringData(s), uint16(len(s))
	l := n.Len()
	m.n = uint8(l)
	if runes, known, cjk := m.runeEnds(s, l); runes == l {
		// Every grapheme holds at least one rune, so here each is exactly
		// one and the rune boundaries are the grapheme boundaries. Only
		// the graphemes that are not known letters need identity's word.
		letters = known
		for rest := spanBits(0, l) &^ known; rest != 0; rest &= rest - 1 {
			if i := bits.TrailingZeros64(rest); !n.IsSeparator(i) {
				letters |= 1 << uint(i)
			}
		}
		return letters, cjk
	}
	end := 0
	for i := range l {
		end += len(n.Grapheme(i))
		m.ends[i] = uint16(end)
		if !n.IsSeparator(i) {
			letters |= 1 << uint(i)
		}
	}
	return letters, false
}

// runeEnds writes the end of each of the first l runes of s to m.ends and
// returns the number of runes, or l+1 if s has more than l. known has the
// bits of the runes that are letters no name separator can be: ASCII
// letters, CJK unified ideographs (and extension A) and Hangul syllables;
// cjk reports whether every rune is an ideograph or a syllable.
func (m *Masked) runeEnds(s string, l int) (runes int, known uint64, cjk bool) {
	cjk = true
	for i := 0; i < len(s); runes++ {
		if runes == l {
			return l + 1, 0, false
		}
		// identity keeps only valid UTF-8; the common three-byte
		// sequences are decoded here, without a call.
		var r rune
		switch c := s[i]; {
		case c < utf8.RuneSelf:
			r = rune(c)
			i++
		case c&0xF0 == 0xE0 && i+2 < len(s):
			r = rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			i += 3
		default:
			var w int
			r, w = utf8.DecodeRuneInString(s[i:])
			i += w
		}
		m.ends[runes] = uint16(i)
		switch {
		case 0x4E00 <= r && r <= 0x9FFF, 0x3400 <= r && r <= 0x4DBF, 0xAC00 <= r && r <= 0xD7A3:
			known |= 1 << uint(runes)
		case 'a' <= r|0x20 && r|0x20 <= 'z':
			known |= 1 << uint(runes)
			cjk = false
		default:
			cjk = false
		}
	}
	return runes, known, cjk
}
