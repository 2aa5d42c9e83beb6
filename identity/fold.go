package identity

import (
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
	var buf [MaxBytes]byte
	b, _ := appendFold(buf[:0], s, 0)
	if string(b) == s {
		return s
	}
	return string(b)
}

// AppendFold appends the comparison key of s (see [Fold]) to dst and
// returns the extended slice. It does not allocate when dst has enough
// spare capacity (at most 3 bytes per input byte; len(s) is enough for
// most names).
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
	dst        []byte
	skip, used Reasons
	last       class
	pending    int  // separators seen since the last character
	plainSep   bool // the pending separators are exactly one U+0020
	stripMarks bool // the last character was a Latin, Greek or Cyrillic letter
}

// appendFold is Fold with some folds skipped; it also reports the folds
// that were used.
func appendFold(dst []byte, s string, skip Reasons) ([]byte, Reasons) {
	f := folder{dst: dst, skip: skip}
	form := norm.NFKC
	if skip&ReasonWidth != 0 {
		form = norm.NFC
	}
	if form.QuickSpanString(s) == len(s) {
		for _, r := range s {
			f.rune(r)
		}
	} else {
		f.used |= ReasonWidth
		var it norm.Iter
		it.InitString(form, s)
		for !it.Done() {
			seg := it.Next()
			for len(seg) > 0 {
				r, size := utf8.DecodeRune(seg)
				f.rune(r)
				seg = seg[size:]
			}
		}
	}
	if f.pending > 0 {
		f.used |= ReasonSeparator
	}
	return f.dst, f.used
}

// rune folds one code point of normalized input.
func (f *folder) rune(r rune) {
	if r < utf8.RuneSelf {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			f.emitByte(byte(r))
			f.stripMarks = r >= 'a'
			return
		case r >= 'A' && r <= 'Z':
			if f.skip&ReasonCase == 0 {
				r += 'a' - 'A'
				f.used |= ReasonCase
			}
			f.emitByte(byte(r))
			f.stripMarks = true
			return
		}
	}
	switch {
	case isApostrophe(r) || isIgnorable(r):
		if f.skip&ReasonSeparator != 0 {
			f.emit(r, classOther)
			return
		}
		f.used |= ReasonSeparator
		return
	case r >= 0x4E00 && r <= 0x9FFF:
		f.han(r)
		return
	case isSeparator(r):
		f.separator(r)
		return
	case unicode.Is(unicode.Mn, r):
		f.mark(r)
		return
	}
	f.letter(r)
}

// han folds a Han character.
func (f *folder) han(r rune) {
	if f.skip&ReasonHanVariant == 0 {
		if v := han.Fold(r); v != r {
			f.used |= ReasonHanVariant
			r = v
		}
	}
	f.emit(r, classCJK)
	f.stripMarks = false
}

// separator records a separator; it is written (or dropped) when the next
// character comes.
func (f *folder) separator(r rune) {
	if f.skip&ReasonSeparator != 0 {
		f.emit(r, classOther)
		f.stripMarks = false
		return
	}
	f.plainSep = f.pending == 0 && r == ' '
	f.pending++
}

// mark folds a nonspacing mark: dropped after a Latin, Greek or Cyrillic
// letter; variation selectors are dropped everywhere.
func (f *folder) mark(r rune) {
	switch {
	case isVariationSelector(r) && f.skip&ReasonHanVariant == 0:
		f.used |= ReasonHanVariant
	case f.stripMarks && f.pending == 0 && f.skip&ReasonDiacritics == 0:
		f.used |= ReasonDiacritics
	default:
		f.emit(r, classOther)
	}
}

// letter folds any other code point: case, transliteration, diacritics.
func (f *folder) letter(r rune) {
	if f.skip&ReasonCase == 0 {
		if l := unicode.ToLower(unicode.ToUpper(r)); l != r {
			f.used |= ReasonCase
			r = l
		}
	}
	sc := runeScript(r)
	if sc == ScriptHan {
		f.han(r)
		return
	}
	strip := sc == ScriptLatin || sc == ScriptGreek || sc == ScriptCyrillic
	if strip && f.skip&ReasonDiacritics == 0 {
		if t := transliterate(r); t != "" {
			f.used |= ReasonDiacritics
			for _, c := range t {
				f.emit(c, classOther)
			}
			f.stripMarks = true
			return
		}
		var b [utf8.UTFMax]byte
		n := utf8.EncodeRune(b[:], r)
		if d := norm.NFD.Properties(b[:n]).Decomposition(); d != nil {
			f.used |= ReasonDiacritics
			for _, c := range string(d) {
				if !unicode.Is(unicode.Mn, c) {
					f.emit(c, classOther)
				}
			}
			f.stripMarks = true
			return
		}
	}
	cl := classOther
	if sc == ScriptHan || sc == ScriptHangul || sc == ScriptKana || r == 'ー' || (r >= 0x1100 && r <= 0x11FF) {
		cl = classCJK
	}
	f.emit(r, cl)
	f.stripMarks = strip
}

func (f *folder) emitByte(c byte) {
	f.flush(classOther)
	f.dst = append(f.dst, c)
	f.last = classOther
}

func (f *folder) emit(r rune, cl class) {
	f.flush(cl)
	f.dst = utf8.AppendRune(f.dst, r)
	f.last = cl
}

// flush writes the pending separators before a character of class cl.
func (f *folder) flush(cl class) {
	if f.pending == 0 {
		return
	}
	if f.last == classNone || (f.last == classCJK && cl == classCJK) {
		f.used |= ReasonSeparator
	} else {
		if !f.plainSep {
			f.used |= ReasonSeparator
		}
		f.dst = append(f.dst, ' ')
	}
	f.pending = 0
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
// than white space), which Fold drops.
func isIgnorable(r rune) bool {
	if r < utf8.RuneSelf {
		return r < 0x20 && !(r >= '\t' && r <= '\r') || r == 0x7F
	}
	return unicode.In(r, unicode.Cc, unicode.Cf) && !unicode.IsSpace(r)
}

func isVariationSelector(r rune) bool {
	return r >= 0xFE00 && r <= 0xFE0F || r >= 0xE0100 && r <= 0xE01EF || r >= 0x180B && r <= 0x180D || r == 0x180F
}

// transliterate returns the ASCII spelling of the Latin letters without a
// canonical decomposition that people write without their stroke or
// ligature; "" for any other rune. The input is already lower case.
func transliterate(r rune) string {
	switch r {
	case 'ø':
		return "o"
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
