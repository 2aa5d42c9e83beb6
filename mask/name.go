package mask

import (
	"math/bits"
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
func Name(name string, style Style, opts ...Option) (m Masked, err error) {
	// m is named so that it is built in place in the caller's result, not
	// copied out (a Masked is 176 bytes).
	if !style.IsValid() {
		return Masked{}, ErrStyle
	}
	if k, ok := cjkOnly(name); ok {
		err = m.setCJK(name, k, style, opts)
	} else {
		err = m.parse(name, style, opts, true)
	}
	if err != nil {
		return Masked{}, err
	}
	return m, nil
}

// parse is the general path of [Name]: identity.Parse, then [Masked.set].
// fast selects set's fast paths.
func (m *Masked) parse(name string, style Style, opts []Option, fast bool) error {
	n, err := identity.Parse(name)
	if err != nil {
		return err
	}
	return m.set(&n, style, opts, fast)
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
func NameFrom(n identity.Name, style Style, opts ...Option) (m Masked, err error) {
	if err := m.set(&n, style, opts, true); err != nil {
		return Masked{}, err
	}
	return m, nil
}

// The hidden set is computed as one 64-bit word: a bitset must have
// exactly one word, which holds for identity.MaxGraphemes <= 64.
const _ = uint(1 - len(bitset{}))

// set masks n into m, which must be the zero Masked; on error m is left
// partly set. fast selects the fast paths of [Masked.setName], which give
// the same result as its general path (TestPropNameFastGeneral).
func (m *Masked) set(n *identity.Name, style Style, opts []Option, fast bool) error {
	// Each call of an identity.Name method copies the whole Name (its
	// methods have value receivers), so set calls as few as it can:
	// Unmasked() == "" is the zero Name, as IsValid reports.
	text := n.Unmasked()
	if text == "" {
		return ErrInvalidName
	}
	if !style.IsValid() {
		return ErrStyle
	}
	c := resolve(opts)
	if !validMaskRune(c.mask) {
		return ErrMaskRune
	}
	m.mask, m.style, m.hideLength = c.mask, style, c.hideLength
	letters, han := m.setName(n, text, fast)
	var sur Span
	if style == HideSurname || style == KeepSurname {
		sur = n.Surname()
	}
	m.hidden[0] = hide(letters, sur, style)
	// A name of ideographs and syllables only has no letter a deny-list
	// word can be made of, so its script need not be asked.
	if !han && mayReadAsWord(n.Script()) {
		avoidDenied(m, letters, c)
	}
	m.text = m.render(text, c)
	return nil
}

// setCJK is [Masked.parse] for a name of k CJK Unified Ideographs and
// Hangul syllables only, as [cjkOnly] reports. It does not call identity:
// the surname, which only HideSurname and KeepSurname need, comes from
// [surnameCJK].
//
// Why this is exact: identity.Parse keeps such a name as it is (it is in
// NFC and has no white space to trim) and makes each rune a grapheme of
// its own and a letter, never a separator (two such runes never share a
// grapheme cluster under UAX #29, and none is white space or punctuation);
// its only error for them is [identity.ErrTooLong], beyond
// [identity.MaxGraphemes]. Such a name has no Latin letter, so the
// deny-list does not apply. TestNameCJK checks every such rune against the
// general path.
func (m *Masked) setCJK(name string, k int, style Style, opts []Option) error {
	if k > identity.MaxGraphemes {
		return identity.ErrTooLong
	}
	c := resolve(opts)
	if !validMaskRune(c.mask) {
		return ErrMaskRune
	}
	var sur Span
	if style == HideSurname || style == KeepSurname {
		sur = surnameCJK(name, k) // identity.Parse(name).Surname()
	}
	m.mask, m.style, m.hideLength = c.mask, style, c.hideLength
	m.clear, m.clearLen, m.n = unsafe.StringData(name), uint16(len(name)), uint8(k)
	m.setRuneEnds(k)
	m.hidden[0] = hide(spanBits(0, k), sur, style)
	m.text = m.render(name, c)
	return nil
}

// setRuneEnds records the ends of k graphemes of one three-byte rune each.
func (m *Masked) setRuneEnds(k int) {
	for i := range k {
		m.ends[i] = uint16(3 * (i + 1))
	}
}

// cjkOnly reports whether s, not empty, is made only of CJK Unified
// Ideographs (U+4E00–U+9FFF) and Hangul syllables (U+AC00–U+D7A3), and
// returns the number of its runes. TestCJKOnly checks it on every rune and
// on every three-byte sequence of the lead bytes involved.
func cjkOnly(s string) (int, bool) {
	if s == "" || len(s)%3 != 0 {
		return 0, false
	}
	for rest := s; len(rest) >= 3; rest = rest[3:] {
		if c := rest[:3]; !isCJK(c[0], c[1], c[2]) {
			return 0, false
		}
	}
	return len(s) / 3, true
}

// isCJK reports whether the bytes a, b, c are the UTF-8 form of a CJK
// Unified Ideograph (E4 B8 80 to E9 BF BF) or a Hangul syllable (EA B0 80
// to ED 9E A3). With b and c continuation bytes, the three bytes read as
// one big-endian number are ordered as the code points are, so each range
// is one comparison.
func isCJK(a, b, c byte) bool {
	x := uint32(a)<<16 | uint32(b)<<8 | uint32(c)
	return (b^0x80)|(c^0x80) < 0x40 && (x-0xE4B880 <= 0xE9BFBF-0xE4B880 || x-0xEAB080 <= 0xED9EA3-0xEAB080)
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

// render builds the masked text with exactly one allocation: it copies
// each visible run of the clear text s whole and writes the mask runes of
// each hidden run into a buffer on the stack, then makes the string of it.
// It works on runs of hidden graphemes, not on each grapheme: 张小明 under
// KeepLast is one run. This costs less than sizing the text and writing it
// to a strings.Builder (an eighth of Name("张小明", KeepLast)).
func (m *Masked) render(s string, c config) string {
	var mr [utf8.UTFMax]byte
	mask := mr[:utf8.EncodeRune(mr[:], c.mask)]
	// Each hidden grapheme takes at least one byte and at most
	// HiddenWidth mask runes replace it.
	if len(s)+HiddenWidth*len(mask)*bits.OnesCount64(m.hidden[0]) <= smallText {
		var buf [smallText]byte
		return string(m.appendText(buf[:0], s, mask, c))
	}
	return m.renderLarge(s, mask, c)
}

// renderLarge is render for a masked text that may be longer than
// smallText. Its buffer is large enough for any name: see maxText.
func (m *Masked) renderLarge(s string, mask []byte, c config) string {
	var buf [maxText]byte
	return string(m.appendText(buf[:0], s, mask, c))
}

// The stack buffers of render. smallText holds any three-character name
// in any style. maxText bounds every masked text: the name has at most
// identity.MaxBytes bytes, and each of its at most identity.MaxGraphemes
// graphemes takes at least a byte and, when hidden, is replaced by at most
// HiddenWidth mask runes (HideLength, a run of one grapheme) of at most
// utf8.UTFMax bytes each. TestRenderLarge checks the allocation.
const (
	smallText = 64
	maxText   = identity.MaxBytes + identity.MaxGraphemes*(HiddenWidth*utf8.UTFMax-1)
)

// appendText appends the masked text of s to b: the visible graphemes as
// they are and each hidden run as its mask runes.
func (m *Masked) appendText(b []byte, s string, mask []byte, c config) []byte {
	from := 0 // next clear byte of s to copy
	for h := m.hidden[0]; h != 0; {
		i, j := nextRun(h)
		h &^= spanBits(i, j)
		b = append(b, s[from:m.start(i)]...)
		from = int(m.ends[j-1])
		k := j - i
		if c.hideLength {
			k = HiddenWidth
		}
		if c.mask == DefaultMaskRune && k <= len(maskRun) {
			b = append(b, maskRun[:k]...)
			continue
		}
		for range k {
			b = append(b, mask...)
		}
	}
	return append(b, s[from:]...)
}

// maskRun is a run of default mask runes, sliced for the mask of a hidden
// run instead of writing each rune.
const maskRun = "****************************************************************"

// nextRun returns the lowest run [i, j) of set bits of h, which is not 0.
func nextRun(h uint64) (i, j int) {
	i = bits.TrailingZeros64(h)
	return i, i + bits.TrailingZeros64(^(h >> uint(i)))
}

// start returns the byte offset where grapheme i starts.
func (m *Masked) start(i int) int {
	if i == 0 {
		return 0
	}
	return int(m.ends[i-1])
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
//
// fast selects the shortcuts where every grapheme is one rune: a name of
// ideographs and syllables, a name of as many bytes as graphemes (ASCII),
// or one of as many runes as graphemes (runeEnds). Each asks identity only
// whether the graphemes that are not known letters are separators, since
// every identity.Name method call copies the Name. The general path asks
// identity for every grapheme; TestPropNameFastGeneral compares them.
func (m *Masked) setName(n *identity.Name, s string, fast bool) (letters uint64, han bool) {
	m.clear, m.clearLen = unsafe.StringData(s), uint16(len(s))
	l := n.Len()
	m.n = uint8(l)
	if !fast {
		return m.setGraphemes(n, l), false
	}
	if k, ok := cjkOnly(s); ok && k == l {
		// Ideographs and syllables only, one grapheme each (see setCJK).
		m.setRuneEnds(k)
		return spanBits(0, k), true
	}
	var known uint64
	if len(s) == l {
		// Every grapheme holds at least one byte, so here each is one
		// byte: an ASCII character.
		known = m.byteEnds(s)
	} else if runes, k, cjk := m.runeEnds(s, l); runes == l {
		// Every grapheme holds at least one rune, so here each is exactly
		// one and the rune boundaries are the grapheme boundaries.
		known, han = k, cjk
	} else {
		return m.setGraphemes(n, l), false
	}
	// Only the graphemes that are not known letters need identity's word.
	letters = known
	for rest := spanBits(0, l) &^ known; rest != 0; rest &= rest - 1 {
		if i := bits.TrailingZeros64(rest); !n.IsSeparator(i) {
			letters |= 1 << uint(i)
		}
	}
	return letters, han
}

// byteEnds records the ends of the graphemes of s, one byte each, in m and
// returns the bits of its ASCII letters.
func (m *Masked) byteEnds(s string) (known uint64) {
	for i := 0; i < len(s) && i < len(m.ends); i++ {
		m.ends[i] = uint16(i + 1)
		if c := s[i] | 0x20; c >= 'a' && c <= 'z' {
			known |= 1 << uint(i)
		}
	}
	return known
}

// setGraphemes records the ends of n's l graphemes in m and returns the
// bits of its letters.
func (m *Masked) setGraphemes(n *identity.Name, l int) (letters uint64) {
	end := 0
	for i := range l {
		end += len(n.Grapheme(i))
		m.ends[i] = uint16(end)
		if !n.IsSeparator(i) {
			letters |= 1 << uint(i)
		}
	}
	return letters
}

// runeEnds writes the end of each of the first l runes of s to m.ends and
// returns the number of runes, or l+1 if s has more than l. known has the
// bits of the runes that are letters no name separator can be: ASCII
// letters, the Latin letters U+00C0–U+024F, CJK unified ideographs (and
// extension A) and Hangul syllables; cjk reports whether every rune is an
// ideograph or a syllable.
func (m *Masked) runeEnds(s string, l int) (runes int, known uint64, cjk bool) {
	cjk = true
	for i := 0; i < len(s); runes++ {
		if runes == l {
			return l + 1, 0, false
		}
		// identity keeps only valid UTF-8; the common two- and
		// three-byte sequences are decoded here, without a call.
		var r rune
		switch c := s[i]; {
		case c < utf8.RuneSelf:
			r = rune(c)
			i++
		case c&0xE0 == 0xC0 && i+1 < len(s):
			r = rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
			i += 2
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
		case 'a' <= r|0x20 && r|0x20 <= 'z', 0xC0 <= r && r <= 0x24F:
			known |= 1 << uint(runes)
			cjk = false
		default:
			cjk = false
		}
	}
	return runes, known, cjk
}
