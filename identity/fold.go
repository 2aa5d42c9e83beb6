package identity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/transferguard/transferguard/internal/han"
	"golang.org/x/text/unicode/norm"
)

// Fold returns the comparison key of s. It never fails: any string,
// including invalid UTF-8 (each bad byte becomes U+FFFD), has a key.
//
// The key is s after NFKC (which folds width), case folding, removal of
// Latin, Greek and Cyrillic diacritics with the transliterations listed in
// the package documentation, Han traditional/simplified and Z-variant
// folding without over-conversion (via internal/han), removal of controls,
// format characters, variation selectors and apostrophes, and separator
// unification: every run of white space and punctuation (interpuncts,
// full stops, hyphens, …) is dropped between Han, Hangul and Kana
// characters and at either end, and becomes one U+0020 elsewhere.
//
// Fold is idempotent. It returns s itself, without allocating, when s is
// already folded and at most 256 bytes long; otherwise it allocates the
// result once. [AppendFold] is the allocation-free form.
func Fold(s string) string {
	if foldedASCII(s) {
		return s
	}
	if _, ok := cjkOnly(s); ok {
		return foldCJK(s)
	}
	var buf [MaxBytes]byte
	b, _ := appendFold(buf[:0], s, 0)
	if string(b) == s {
		return s
	}
	return string(b)
}

// AppendFold appends the comparison key of s (see [Fold]) to dst and
// returns the extended slice. It does not allocate when dst has room for
// the key and s is in NFKC or only its full-width ASCII is not (see
// Allocations in the package documentation). The key of a name is rarely
// longer than the name, but NFKC expands some compatibility characters
// (U+FDFA becomes 18 letters).
func AppendFold(dst []byte, s string) []byte {
	dst, _ = appendFold(dst, s, 0)
	return dst
}

// foldedASCII reports whether s is lower-case ASCII letters and digits
// with single spaces between words: a key that Fold returns unchanged.
func foldedASCII(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			prevSpace = false
		case c == ' ' && !prevSpace:
			prevSpace = true
		default:
			return false
		}
	}
	return true
}

// class is what the separator rule needs to know about the last character.
type class uint8

const (
	classNone  class = iota // start of the key
	classCJK                // Han, Hangul, Kana
	classOther              // everything else
)

// folder holds the state of one fold. The skip bits turn single folds off,
// which is how Compare finds the Reasons of a Match; used collects the
// folds that changed something (an over-approximation).
type folder struct {
	skip, used Reasons
	last       class
	pending    int  // separators seen since the last character
	plainSep   bool // the pending separators are exactly one U+0020
	stripMarks bool // the last character was a Latin, Greek or Cyrillic letter
	dropped    bool // a character was dropped since the last one written
	renorm     bool // a combining character followed a dropped one
}

// appendFold is Fold with some folds skipped; it also reports the folds
// that were used. Names of CJK Unified Ideographs and Hangul syllables only
// take [appendFoldCJK]; everything else takes [appendFoldGeneral].
func appendFold(dst []byte, s string, skip Reasons) ([]byte, Reasons) {
	if _, ok := cjkOnly(s); ok {
		return appendFoldCJK(dst, s, skip)
	}
	return appendFoldGeneral(dst, s, skip)
}

// appendFoldCJK is [appendFoldGeneral] for s made only of CJK Unified
// Ideographs (U+4E00–U+9FFF) and Hangul syllables, as [cjkOnly] reports:
// the key is s with each ideograph replaced by its han.Fold (unless the
// Han variant fold is skipped). It skips NFKC (quickNFKC), the per-rune
// dispatch and the separator state, about two thirds of
// Fold("张小明").
//
// Why this is exact: these runes have NFKC_Quick_Check=Yes and combining
// class 0 and none composes with what precedes it, so NFKC leaves s as it
// is and the general path reads it rune by rune; none has case, is
// ignorable, an apostrophe or a separator, so each ideograph goes to
// [folder.han] and each syllable is written as it is, both without
// separators in between; nothing is dropped, so no second pass follows.
// TestFoldCJK checks every such rune against the general path.
func appendFoldCJK(dst []byte, s string, skip Reasons) ([]byte, Reasons) {
	if skip&ReasonHanVariant != 0 {
		return append(dst, s...), 0
	}
	var used Reasons
	for i := 0; i+3 <= len(s); i += 3 {
		c := s[i : i+3]
		if v, ok := foldIdeograph(c); ok {
			used = ReasonHanVariant
			dst = utf8.AppendRune(dst, v)
		} else {
			dst = append(dst, c...)
		}
	}
	return dst, used
}

// foldCJK is Fold for s made only of CJK Unified Ideographs and Hangul
// syllables, as [cjkOnly] reports: s itself when no ideograph folds to
// another (see [appendFoldCJK]), otherwise the key, folding each ideograph
// once.
func foldCJK(s string) string {
	for i := 0; i+3 <= len(s); i += 3 {
		if v, ok := foldIdeograph(s[i : i+3]); ok {
			var buf [MaxBytes]byte
			b := utf8.AppendRune(append(buf[:0], s[:i]...), v)
			b, _ = appendFoldCJK(b, s[i+3:], 0)
			return string(b)
		}
	}
	return s
}

// foldIdeograph returns han.Fold of the rune c, three bytes of UTF-8 that
// are a CJK Unified Ideograph or a Hangul syllable, and reports whether it
// differs from c. Syllables are not Han: they fold to themselves.
func foldIdeograph(c string) (rune, bool) {
	if c[0] >= 0xEA {
		return 0, false // a Hangul syllable: U+AC00 and above
	}
	r := rune(c[0]&0x0F)<<12 | rune(c[1]&0x3F)<<6 | rune(c[2]&0x3F)
	v := han.FoldUnified(r)
	return v, v != r
}

// appendFoldGeneral is appendFold for any string.
func appendFoldGeneral(dst []byte, s string, skip Reasons) ([]byte, Reasons) {
	start := len(dst)
	dst, used, renorm := foldOnce(dst, s, skip)
	// Dropping a character (a joiner, an apostrophe, a separator between
	// Hangul jamo) can leave marks out of canonical order or a jamo
	// sequence uncomposed. Fold the result again until it is in NFKC, so
	// that Fold is idempotent. Names never take this path; it allocates.
	for i := 0; i < 4 && renorm && skip&ReasonWidth == 0; i++ {
		key := string(dst[start:])
		if norm.NFKC.QuickSpanString(key) == len(key) {
			break
		}
		var again Reasons
		dst, again, renorm = foldOnce(dst[:start], key, skip)
		used |= again
	}
	return dst, used
}

// foldOnce is one pass of appendFold. It also reports whether the result
// may need normalizing again: a character was dropped just before a code
// point that can combine with what precedes it. ASCII strings take
// [foldASCII].
func foldOnce(dst []byte, s string, skip Reasons) ([]byte, Reasons, bool) {
	if isASCII(s) {
		dst, used := foldASCII(dst, s, skip)
		return dst, used, false
	}
	return foldOnceGeneral(dst, s, skip)
}

// isASCII reports whether every byte of s is below utf8.RuneSelf.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// asciiFoldClass is what [folder.rune] does with each ASCII byte: K keeps
// it (lower-case letters, digits, and symbols, which are not punctuation:
// $+<=>^|~), U lower-cases it (A–Z), D drops it (the apostrophes ' and `,
// and controls other than white space), S makes it a separator (white
// space and punctuation).
const asciiFoldClass = "" +
	"DDDDDDDDDSSSSSDDDDDDDDDDDDDDDDDD" +
	"SSSSKSSDSSSKSSSSKKKKKKKKKKSSKKKS" +
	"SUUUUUUUUUUUUUUUUUUUUUUUUUUSSSKS" +
	"DKKKKKKKKKKKKKKKKKKKKKKKKKKSKSKD"

// foldASCII is [foldOnceGeneral] for s of ASCII only, byte by byte without
// the folder: about half the time of the general path on "John Smith".
//
// Why this is exact: ASCII is in NFC and NFKC, so the general path reads
// s byte by byte, and folder.rune does with each byte what asciiFoldClass
// says, or, with the fold skipped, writes it as it is. No code point below
// U+0300 sets folder.renorm. Separators before the first character are
// dropped; a run of them after one becomes one space, and it is a
// ReasonSeparator fold unless it is exactly one U+0020 (folder.flush);
// separators at the end are dropped. TestFoldASCII checks every string of
// up to two ASCII bytes and propFoldASCII random ones against the general
// path, with each fold skipped.
func foldASCII(dst []byte, s string, skip Reasons) ([]byte, Reasons) {
	var used Reasons
	start := len(dst)
	pending, plainSep := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch asciiFoldClass[c] {
		case 'U':
			if skip&ReasonCase == 0 {
				c += 'a' - 'A'
				used |= ReasonCase
			}
		case 'D':
			if skip&ReasonSeparator == 0 {
				used |= ReasonSeparator
				continue
			}
		case 'S':
			if skip&ReasonSeparator == 0 {
				plainSep = pending == 0 && c == ' '
				pending++
				continue
			}
		}
		if pending > 0 {
			if len(dst) == start || !plainSep {
				used |= ReasonSeparator
			}
			if len(dst) > start {
				dst = append(dst, ' ')
			}
			pending = 0
		}
		dst = append(dst, c)
	}
	if pending > 0 {
		used |= ReasonSeparator
	}
	return dst, used
}

// foldOnceGeneral is [foldOnce] for any string.
func foldOnceGeneral(dst []byte, s string, skip Reasons) ([]byte, Reasons, bool) {
	f := folder{skip: skip}
	form := norm.NFKC
	if skip&ReasonWidth != 0 {
		form = norm.NFC
	}
	switch {
	case form == norm.NFKC && quickNFKC(s), form != norm.NFKC && quickNFC(s):
		for _, r := range s {
			dst = f.rune(dst, r)
		}
	case form == norm.NFKC && onlyFullwidth(s):
		f.used |= ReasonWidth
		for _, r := range s {
			dst = f.rune(dst, fullwidthToASCII(r))
		}
	case !utf8.ValidString(s):
		// norm reads an invalid byte together with the bytes after it
		// (QuickSpanString("\xf6\u0678") is 3, so U+0678 was left
		// unnormalized and Fold was not idempotent): fold the string with
		// each invalid byte replaced by U+FFFD, as the other paths read
		// it. This allocates; names are valid UTF-8.
		return foldOnceGeneral(dst, replaceInvalid(s), skip) // not ASCII: it has U+FFFD
	default:
		// The general case: norm.Iter escapes, so this costs one
		// allocation (see the package documentation).
		f.used |= ReasonWidth
		var it norm.Iter
		it.InitString(form, s)
		for !it.Done() {
			seg := it.Next()
			for len(seg) > 0 {
				r, size := utf8.DecodeRune(seg)
				dst = f.rune(dst, r)
				seg = seg[size:]
			}
		}
	}
	if f.pending > 0 {
		f.used |= ReasonSeparator
	}
	return dst, f.used, f.renorm
}

// replaceInvalid returns s with each byte that is not part of valid UTF-8
// replaced by U+FFFD, as ranging over s reads it. It allocates once.
func replaceInvalid(s string) string {
	size := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			size += len(string(utf8.RuneError)) - 1
		}
		size += n
		i += n
	}
	var b strings.Builder
	b.Grow(size)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// quickNFKC reports whether s is valid UTF-8 and
// norm.NFKC.QuickSpanString(s) == len(s) (norm's answer alone is not
// enough for invalid UTF-8: see foldOnce). Code
// points below U+0300 have canonical combining class 0 and never combine
// with what precedes them, so a string of them is in NFKC by the quick
// check unless one of them has a compatibility decomposition; names in
// Latin script are checked here without the norm tables, which took a
// quarter of Compare's time (BenchmarkCompare/latin-marks). CJK Unified
// Ideographs (U+4E00–U+9FFF) and Hangul syllables (U+AC00–U+D7A3) are in
// NFKC too, have class 0 and never combine with what precedes them (a
// syllable may combine with a trailing jamo after it, which is above
// U+0300 and so goes to norm with the whole string): names such as "张
// John" or "남궁 민수" are checked without norm as well. Anything else goes
// to norm. TestQuickNFKC checks every code point, alone and after a
// letter, an ideograph and a syllable.
func quickNFKC(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			i++
			continue
		case c >= 0xE4 && c <= 0xED && i+2 < len(s) && isCJK3(c, s[i+1], s[i+2]):
			i += 3
			continue
		case c == 0xEF && i+2 < len(s) && isFullwidth3(c, s[i+1], s[i+2]):
			return false // NFKC_Quick_Check=No: norm's quick span stops here
		case c < 0xC2 || c >= 0xCC || i+1 == len(s) || s[i+1]&0xC0 != 0x80:
			// U+0300 and above, or invalid UTF-8.
			return norm.NFKC.QuickSpanString(s) == len(s) && utf8.ValidString(s[i:])
		}
		if compatBelow300(rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)) {
			return false
		}
		i += 2
	}
	return true
}

// quickNFC reports whether s is valid UTF-8 and
// norm.NFC.QuickSpanString(s) == len(s), checking the code points below
// U+0300, CJK Unified Ideographs, Hangul syllables, full-width ASCII and
// U+3000 without the norm tables: each is in NFC, has class 0 and never
// combines with what precedes it (as in quickNFKC; full-width forms and
// U+3000 have only compatibility decompositions). Compare folds with the
// width fold skipped, in NFC, to find its reasons
// (BenchmarkCompare/fullwidth). TestQuickNFKC checks it with quickNFKC.
func quickNFC(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			i++
		case c >= 0xC2 && c < 0xCC && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			i += 2
		case i+2 < len(s) && (c >= 0xE4 && c <= 0xED && isCJK3(c, s[i+1], s[i+2]) ||
			c == 0xEF && isFullwidth3(c, s[i+1], s[i+2]) || c == 0xE3 && s[i+1] == 0x80 && s[i+2] == 0x80):
			i += 3
		default:
			// U+0300 and above, or invalid UTF-8.
			return norm.NFC.QuickSpanString(s) == len(s) && utf8.ValidString(s[i:])
		}
	}
	return true
}

// isFullwidth3 reports whether the bytes a, b, c are the UTF-8 form of
// full-width ASCII, U+FF01 to U+FF5E (EF BC 81 to EF BD 9E).
func isFullwidth3(a, b, c byte) bool {
	x := uint32(a)<<16 | uint32(b)<<8 | uint32(c)
	return (b^0x80)|(c^0x80) < 0x40 && x-0xEFBC81 <= 0xEFBD9E-0xEFBC81
}

// isCJK3 reports whether the bytes a, b, c are the UTF-8 form of a CJK
// Unified Ideograph (E4 B8 80 to E9 BF BF) or a Hangul syllable (EA B0 80
// to ED 9E A3). With b and c continuation bytes, the three bytes read as
// one big-endian number are ordered as the code points are.
func isCJK3(a, b, c byte) bool {
	x := uint32(a)<<16 | uint32(b)<<8 | uint32(c)
	return (b^0x80)|(c^0x80) < 0x40 && (x-0xE4B880 <= 0xE9BFBF-0xE4B880 || x-0xEAB080 <= 0xED9EA3-0xEAB080)
}

// compatBelow300 reports whether r, below U+0300, has a compatibility
// decomposition (NFKC_Quick_Check=No).
func compatBelow300(r rune) bool {
	switch {
	case r == 0xA0, r == 0xA8, r == 0xAA, r == 0xAF, r >= 0xB2 && r <= 0xB5,
		r >= 0xB8 && r <= 0xBA, r >= 0xBC && r <= 0xBE:
		return true // NBSP, spacing diacritics, ordinals, superscripts, µ, fractions
	case r < 0x132:
		return false
	case r == 0x132, r == 0x133, r == 0x13F, r == 0x140, r == 0x149, r == 0x17F,
		r >= 0x1C4 && r <= 0x1CC, r >= 0x1F1 && r <= 0x1F3:
		return true // ligatures Ĳ, Ŀ, ŉ, ſ, Ǆ…ǌ, Ǳ…ǳ
	}
	return r >= 0x2B0 && r <= 0x2B8 || r >= 0x2D8 && r <= 0x2DD || r >= 0x2E0 && r <= 0x2E4 // modifier letters
}

// onlyFullwidth reports whether the only code points of s that are not in
// NFKC are full-width ASCII (U+FF01–U+FF5E) and U+3000 IDEOGRAPHIC SPACE,
// and s has no combining marks: then NFKC maps code point by code point,
// and Fold can do it without norm.Iter (which allocates).
func onlyFullwidth(s string) bool {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			return false
		case r >= utf8.RuneSelf && fullwidthToASCII(r) == r &&
			(norm.NFKC.QuickSpanString(s[i:i+n]) != n || norm.NFC.PropertiesString(s[i:]).CCC() != 0):
			return false
		}
		i += n
	}
	return true
}

// fullwidthToASCII maps full-width ASCII and U+3000 to ASCII, as NFKC
// does, and returns any other rune unchanged.
func fullwidthToASCII(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFEE0
	case r == 0x3000:
		return ' '
	}
	return r
}

// rune folds one code point of normalized input.
func (f *folder) rune(dst []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			dst = f.emitByte(dst, byte(r))
			f.stripMarks = r >= 'a'
			return dst
		case r >= 'A' && r <= 'Z':
			if f.skip&ReasonCase == 0 {
				r += 'a' - 'A'
				f.used |= ReasonCase
			}
			dst = f.emitByte(dst, byte(r))
			f.stripMarks = true
			return dst
		}
	}
	switch {
	case r >= 0xC0 && r <= 0x17F && latinFold[(r-0xC0)*3] != 0 && Reasons(latinFold[(r-0xC0)*3+2])&f.skip == 0:
		// The cached fold used none of the skipped folds, so it is what
		// the general path gives with them skipped too.
		i := (r - 0xC0) * 3
		dst = f.emitByte(dst, latinFold[i])
		if c := latinFold[i+1]; c != 0 {
			dst = f.emitByte(dst, c)
		}
		f.used |= Reasons(latinFold[i+2])
		f.stripMarks = true
		return dst
	case r >= 0x4E00 && r <= 0x9FFF:
		// CJK Unified Ideographs are never apostrophes, ignorable or
		// separators: test them before those table look-ups.
		return f.han(dst, r)
	case r >= 0xAC00 && r <= 0xD7A3, r >= 0x3041 && r <= 0x3096, r >= 0x30A1 && r <= 0x30FA:
		dst = f.emit(dst, r, classCJK) // Hangul syllables, Kana: no case, kept as they are
		f.stripMarks = false
		return dst
	case isApostrophe(r) || isIgnorable(r):
		if f.skip&ReasonSeparator != 0 {
			dst = f.emit(dst, r, classOther)
			return dst
		}
		f.used |= ReasonSeparator
		f.dropped = true
		return dst
	case isSeparator(r):
		return f.separator(dst, r)
	case unicode.Is(unicode.Mn, r):
		return f.mark(dst, r)
	}
	return f.letter(dst, r)
}

// han folds a Han character.
func (f *folder) han(dst []byte, r rune) []byte {
	if f.skip&ReasonHanVariant == 0 {
		if v := han.FoldUnified(r); v != r { // han.Fold, faster in U+4E00–U+9FFF
			f.used |= ReasonHanVariant
			r = v
		}
	}
	f.stripMarks = false
	return f.emit(dst, r, classCJK)
}

// separator records a separator; it is written (or dropped) when the next
// character comes.
func (f *folder) separator(dst []byte, r rune) []byte {
	if f.skip&ReasonSeparator != 0 {
		dst = f.emit(dst, r, classOther)
		f.stripMarks = false
		return dst
	}
	f.plainSep = f.pending == 0 && r == ' '
	f.pending++
	f.dropped = true
	return dst
}

// mark folds a nonspacing mark: dropped after a Latin, Greek or Cyrillic
// letter; variation selectors are dropped everywhere.
func (f *folder) mark(dst []byte, r rune) []byte {
	switch {
	case isVariationSelector(r) && f.skip&ReasonHanVariant == 0:
		f.used |= ReasonHanVariant
		f.dropped = true
	case f.stripMarks && f.pending == 0 && f.skip&ReasonDiacritics == 0:
		f.used |= ReasonDiacritics
		f.dropped = true
	default:
		// A mark that is kept, such as one after a separator, ends the
		// letter before it: the marks after it are kept too. Otherwise
		// "A \u0301\u0301" folded to "a \u0301", keeping the first mark but
		// not the second, and skipping the separator fold changed the key
		// although the separator fold was not used.
		dst = f.emit(dst, r, classOther)
		f.stripMarks = false
	}
	return dst
}

// letter folds any other code point: case, transliteration, diacritics.
func (f *folder) letter(dst []byte, r rune) []byte {
	if f.skip&ReasonCase == 0 {
		if l := unicode.ToLower(unicode.ToUpper(r)); l != r {
			f.used |= ReasonCase
			r = l
		}
	}
	sc := runeScript(r)
	if sc == ScriptHan {
		return f.han(dst, r)
	}
	strip := sc == ScriptLatin || sc == ScriptGreek || sc == ScriptCyrillic
	if strip && f.skip&ReasonDiacritics == 0 {
		if t := transliterate(r); t != "" {
			f.used |= ReasonDiacritics
			for _, c := range t {
				dst = f.emit(dst, c, classOther)
			}
			f.stripMarks = true
			return dst
		}
		var b [utf8.UTFMax]byte
		n := utf8.EncodeRune(b[:], r)
		if d := norm.NFD.Properties(b[:n]).Decomposition(); d != nil {
			f.used |= ReasonDiacritics
			for _, c := range string(d) {
				switch t := transliterate(c); {
				case t != "":
					for _, c := range t {
						dst = f.emit(dst, c, classOther)
					}
				case !unicode.Is(unicode.Mn, c):
					dst = f.emit(dst, c, classOther)
				}
			}
			f.stripMarks = true
			return dst
		}
	}
	cl := classOther
	if sc == ScriptHan || sc == ScriptHangul || sc == ScriptKana || r == 'ー' || (r >= 0x1100 && r <= 0x11FF) {
		cl = classCJK
	}
	f.stripMarks = strip
	return f.emit(dst, r, cl)
}

func (f *folder) emitByte(dst []byte, c byte) []byte {
	f.dropped = false
	dst = f.flush(dst, classOther)
	f.last = classOther
	return append(dst, c)
}

func (f *folder) emit(dst []byte, r rune, cl class) []byte {
	if f.dropped {
		// Code points below U+0300, unified ideographs and Hangul
		// syllables never combine with what precedes them.
		f.renorm = f.renorm || r >= 0x300 && !(r >= 0x4E00 && r <= 0x9FFF) && !(r >= 0xAC00 && r <= 0xD7A3)
		f.dropped = false
	}
	dst = f.flush(dst, cl)
	f.last = cl
	return utf8.AppendRune(dst, r)
}

// flush writes the pending separators before a character of class cl.
func (f *folder) flush(dst []byte, cl class) []byte {
	if f.pending == 0 {
		return dst
	}
	if f.last == classNone || (f.last == classCJK && cl == classCJK) {
		f.used |= ReasonSeparator
	} else {
		if !f.plainSep {
			f.used |= ReasonSeparator
		}
		dst = append(dst, ' ')
	}
	f.pending = 0
	return dst
}

// isSeparator reports whether Fold treats r as a separator: white space
// and punctuation (apostrophes excepted).
func isSeparator(r rune) bool {
	if r < utf8.RuneSelf {
		switch r {
		case ' ', '\t', '\n', '\v', '\f', '\r':
			return true
		}
		return unicode.IsPunct(r)
	}
	return sepKind(r) != sepNone || unicode.IsSpace(r) || unicode.IsPunct(r)
}

// isApostrophe reports whether r is an apostrophe, which Fold drops
// (O'Brien folds to obrien).
func isApostrophe(r rune) bool {
	switch r {
	case '\'', '\u2019', '\u2018', '\u02BC', '\u02BB', '\uFF07', '`', '\u00B4':
		return true
	}
	return false
}

// isIgnorable reports whether r is a control or format character (other
// than white space) or an invisible letter or mark, which Fold drops.
func isIgnorable(r rune) bool {
	if r < utf8.RuneSelf {
		return r < 0x20 && !(r >= '\t' && r <= '\r') || r == 0x7F
	}
	return invisible(r) || unicode.In(r, unicode.Cc, unicode.Cf) && !unicode.IsSpace(r)
}

func isVariationSelector(r rune) bool {
	return r >= 0xFE00 && r <= 0xFE0F || r >= 0xE0100 && r <= 0xE01EF || r >= 0x180B && r <= 0x180D || r == 0x180F
}

// transliterate returns the ASCII spelling of the Latin letters without a
// canonical decomposition that people write without their stroke or
// ligature, keeping upper case upper (for Compare's reasons); "" for any
// other rune.
func transliterate(r rune) string {
	switch r {
	case 'ø':
		return "o"
	case 'Ø':
		return "O"
	case 'Æ':
		return "AE"
	case 'Œ':
		return "OE"
	case 'ẞ':
		return "SS"
	case 'Đ', 'Ð':
		return "D"
	case 'Ł':
		return "L"
	case 'Þ':
		return "TH"
	case 'Ħ':
		return "H"
	case 'Ŧ':
		return "T"
	case 'æ':
		return "ae"
	case 'œ':
		return "oe"
	case 'ß':
		return "ss"
	case 'đ', 'ð':
		return "d"
	case 'ł':
		return "l"
	case 'þ':
		return "th"
	case 'ħ':
		return "h"
	case 'ı':
		return "i"
	case 'ŧ':
		return "t"
	}
	return ""
}
