package identity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

const (
	zwnj = '\u200C'
	zwj  = '\u200D'
)

// checkRunes returns a *ParseError for the first invalid byte or forbidden
// code point of s. Its fast path skips the CJK Unified Ideographs
// U+4E00–U+9FFF and the Hangul syllables U+AC00–U+D7A3 without decoding
// them: all of them are assigned letters, so none is forbidden (see
// [forbidden]).
//
// When err is nil, stable reports that s holds only Latin-1 (U+0000–U+00FF)
// and those ideographs and syllables, and so is in NFC: all of them have
// NFC_Quick_Check=Yes and Canonical_Combining_Class 0, and none is the
// second character of a canonical composition (those have
// NFC_Quick_Check=Maybe: combining marks and the Hangul V and T jamo), so
// by the quick check of UAX #15 §9 no normalization is needed.
func checkRunes(s string) (stable bool, err error) { return checkRunesAt(s, true) }

// checkRunesSlow is [checkRunes] without the fast path: the reference it is
// tested against. It never reports stable.
func checkRunesSlow(s string) error {
	_, err := checkRunesAt(s, false)
	return err
}

func checkRunesAt(s string, fast bool) (stable bool, err error) {
	stable = fast
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiForbidden(c) {
				return false, &ParseError{Offset: i, Rune: rune(c), Err: ErrForbiddenRune}
			}
			i++
			continue
		}
		if fast && (isURO(s[i:]) || isHangulSyllable(s[i:])) {
			i += 3
			continue
		}
		if fast && (c == 0xC2 || c == 0xC3) && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			r := rune(c&0x1F)<<6 | rune(s[i+1]&0x3F) // U+0080–U+00FF
			if latin1Forbidden(r) {
				return false, &ParseError{Offset: i, Rune: r, Err: ErrForbiddenRune}
			}
			i += 2 // Latin-1 keeps stable
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return false, &ParseError{Offset: i, Rune: utf8.RuneError, Err: ErrInvalidUTF8}
		}
		if forbidden(r) && !((r == zwj || r == zwnj) && contextJ(s, i, r)) {
			return false, &ParseError{Offset: i, Rune: r, Err: ErrForbiddenRune}
		}
		stable = stable && r <= 0xFF // Latin-1: NFC_Quick_Check=Yes, ccc 0
		i += size
	}
	return stable, nil
}

// asciiForbidden reports whether an ASCII byte is a control or a symbol
// ($ + < = > ^ ` | ~).
//
// It tests a bit set (TestASCIIForbidden checks it against this list) rather
// than a switch, which cost a tenth of Parse("John Smith").
func asciiForbidden(c byte) bool {
	const (
		lo uint64 = 1<<0x20 - 1 | 1<<'$' | 1<<'+' | 1<<'<' | 1<<'=' | 1<<'>' // controls U+0000–U+001F
		hi uint64 = 1<<('^'-64) | 1<<('`'-64) | 1<<('|'-64) | 1<<('~'-64) | 1<<(0x7F-64)
	)
	if c < 64 {
		return lo>>c&1 != 0
	}
	return c < 128 && hi>>(c-64)&1 != 0
}

// forbidden reports whether a non-ASCII code point may not appear in a
// name: controls and format characters (bidi overrides and isolates,
// zero-width characters), private use, unassigned code points (as of
// Unicode 15.0.0), noncharacters, line and paragraph separators, enclosing
// marks, and symbols (which include emoji). Interpuncts that Unicode
// classifies as math symbols (U+2219, U+22C5) are allowed.
func forbidden(r rune) bool {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0xAC00 && r <= 0xD7A3:
		return false // CJK Unified Ideographs, Hangul Syllables: all assigned
	case r >= 0xFDD0 && r <= 0xFDEF, r&0xFFFE == 0xFFFE:
		return true // noncharacters
	case invisible(r):
		return true
	case unicode.In(r, unicode.L, unicode.Mn, unicode.Mc, unicode.N, unicode.P, unicode.Zs):
		return false
	case sepKind(r) != sepNone:
		return false
	}
	return true // Cc, Cf, Co, Cs, Me, S, Zl, Zp, unassigned
}

// invisible reports whether r is one of the default-ignorable code points
// that Unicode classifies as a letter or mark although it shows nothing:
// U+034F COMBINING GRAPHEME JOINER, the Hangul fillers U+115F, U+1160,
// U+3164 and U+FFA0, the Khmer inherent vowels U+17B4 and U+17B5, and the
// text and emoji presentation selectors U+FE0E and U+FE0F.
func invisible(r rune) bool {
	switch r {
	case 0x034F, 0x115F, 0x1160, 0x3164, 0xFFA0, 0x17B4, 0x17B5, 0xFE0E, 0xFE0F:
		return true
	}
	return false
}

// contextJ implements the CONTEXTJ rules of RFC 5892 Appendix A.1 (ZWNJ)
// and A.2 (ZWJ) for the joiner r at byte offset i of s.
//
// Both joiners are allowed after a virama (Canonical_Combining_Class 9).
// ZWNJ is also allowed between joining letters; see Deviations in the
// package documentation for how joining types are approximated.
func contextJ(s string, i int, r rune) bool {
	if i > 0 {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		if norm.NFC.PropertiesString(s[i-size:]).CCC() == 9 {
			return true
		}
	}
	if r == zwj {
		return false
	}
	return joiningBefore(s[:i]) && joiningAfter(s[i+len(string(zwnj)):])
}

// joiningBefore reports whether s ends with a joining letter followed by
// zero or more transparent marks.
func joiningBefore(s string) bool {
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		if !transparent(r) {
			return joiningLetter(r)
		}
		s = s[:len(s)-size]
	}
	return false
}

// joiningAfter reports whether s starts with zero or more transparent marks
// followed by a joining letter.
func joiningAfter(s string) bool {
	for _, r := range s {
		if !transparent(r) {
			return joiningLetter(r)
		}
	}
	return false
}

// transparent approximates Joining_Type=T: nonspacing and enclosing marks.
func transparent(r rune) bool { return unicode.In(r, unicode.Mn, unicode.Me) }

// joiningLetter approximates Joining_Type D, L or R: a letter of a script
// that joins cursively.
func joiningLetter(r rune) bool {
	return unicode.IsLetter(r) && unicode.In(r, unicode.Arabic, unicode.Syriac, unicode.Nko,
		unicode.Mongolian, unicode.Mandaic, unicode.Manichaean, unicode.Psalter_Pahlavi,
		unicode.Adlam, unicode.Hanifi_Rohingya, unicode.Sogdian, unicode.Old_Uyghur, unicode.Phags_Pa)
}

// sepKind classifies separator code points.
type sepKindT uint8

const (
	sepNone  sepKindT = iota
	sepSplit          // white space and interpuncts: split parts
	sepDot            // U+002E: splits parts when it follows a letter or digit
	sepJoin           // hyphens: shown as separators but part of a part
)

// sepKind returns the separator kind of r.
func sepKind(r rune) sepKindT {
	switch r {
	case ' ', '\u00A0', '\u3000':
		return sepSplit
	case '\u00B7', '\u2022', '\u30FB', '\u2027', '\uFF65', '\uFF0E', '\u2219', '\u22C5', '\u0387', '\u2E31', '\u16EB':
		return sepSplit // interpuncts
	case '.':
		return sepDot
	case '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212', '\uFE63', '\uFF0D', '\u058A', '\u05BE', '\u30A0':
		return sepJoin // hyphens and dashes
	}
	if r > 0x7F && r < 0x3001 && unicode.Is(unicode.Zs, r) {
		return sepSplit
	}
	return sepNone
}

// runeScript returns the script of a letter, and ScriptUnknown for code
// points of the Common and Inherited scripts (digits, punctuation, marks).
func runeScript(r rune) Script {
	switch {
	case r < 0x80:
		if r|0x20 >= 'a' && r|0x20 <= 'z' {
			return ScriptLatin
		}
		return ScriptUnknown
	case r >= 0x4E00 && r <= 0x9FFF:
		return ScriptHan
	case r >= 0xAC00 && r <= 0xD7A3:
		return ScriptHangul
	case !unicode.IsLetter(r):
		return ScriptUnknown
	case unicode.Is(unicode.Latin, r):
		return ScriptLatin
	case unicode.Is(unicode.Han, r):
		return ScriptHan
	case unicode.Is(unicode.Hangul, r):
		return ScriptHangul
	case unicode.Is(unicode.Cyrillic, r):
		return ScriptCyrillic
	case unicode.Is(unicode.Greek, r):
		return ScriptGreek
	case unicode.In(r, unicode.Hiragana, unicode.Katakana):
		return ScriptKana
	case unicode.Is(unicode.Arabic, r):
		return ScriptArabic
	case unicode.Is(unicode.Thai, r):
		return ScriptThai
	case unicode.Is(unicode.Devanagari, r):
		return ScriptDevanagari
	case unicode.In(r, unicode.Common, unicode.Inherited):
		return ScriptUnknown
	}
	return ScriptOther
}

// scriptSet is a bit set of the scripts seen in a name.
type scriptSet uint16

func (s *scriptSet) add(sc Script) {
	if sc != ScriptUnknown {
		*s |= 1 << sc
	}
}

// script returns the script of a name with the scripts in s. A name mixing
// Han and Kana is Japanese, so its script is ScriptKana.
func (s scriptSet) script() Script {
	switch {
	case s == 0:
		return ScriptUnknown
	case s&(s-1) == 0:
		for sc := ScriptHan; sc < ScriptMixed; sc++ {
			if s == 1<<sc {
				return sc
			}
		}
	case s == 1<<ScriptHan|1<<ScriptKana:
		return ScriptKana
	}
	return ScriptMixed
}

// runeCategory names the general category of r for error messages.
func runeCategory(r rune) string {
	switch {
	case r >= 0xFDD0 && r <= 0xFDEF, r&0xFFFE == 0xFFFE:
		return "noncharacter"
	case unicode.Is(unicode.Cc, r):
		return "control"
	case r == 0x202A || r == 0x202B || r == 0x202D || r == 0x202E:
		return "bidi override"
	case r >= 0x2066 && r <= 0x2069:
		return "bidi isolate"
	case r == zwj || r == zwnj:
		return "joiner outside CONTEXTJ"
	case invisible(r):
		return "invisible"
	case unicode.Is(unicode.Cf, r):
		return "format"
	case unicode.Is(unicode.Co, r):
		return "private use"
	case unicode.Is(unicode.Me, r):
		return "enclosing mark"
	case unicode.Is(unicode.S, r):
		return "symbol"
	case unicode.In(r, unicode.Zl, unicode.Zp):
		return "line separator"
	case r == utf8.RuneError:
		return "invalid"
	}
	return "unassigned"
}

const hexDigits = "0123456789ABCDEF"

// appendCodePoint appends r as U+XXXX (at least four hex digits).
func appendCodePoint(b []byte, r rune) []byte {
	b = append(b, "U+"...)
	digits := 4
	for v := r >> 16; v > 0; v >>= 4 {
		digits++
	}
	for i := digits - 1; i >= 0; i-- {
		b = append(b, hexDigits[(r>>(4*i))&0xF])
	}
	return b
}

// appendInt appends the decimal form of a non-negative int.
func appendInt(b []byte, v int) []byte {
	var buf [20]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			break
		}
	}
	return append(b, buf[i:]...)
}

// latin1Forbidden is [forbidden] for U+0080–U+00FF, from a bit set (bit
// r-0x80): the C1 controls, U+00AD SOFT HYPHEN and the symbols such as
// ¢ £ © ® ° ± × ÷. TestLatin1Forbidden checks it against forbidden. The
// general path's unicode.In search was a tenth of Parse("买买提·艾力").
func latin1Forbidden(r rune) bool {
	const lo, hi = 0x0113f37cffffffff, 0x0080000000800000 // U+0080–U+00BF, U+00C0–U+00FF
	b := uint(r - 0x80)
	if b < 64 {
		return lo>>b&1 != 0
	}
	return hi>>(b-64)&1 != 0
}

// isURO reports whether s starts with a CJK Unified Ideograph of the main
// block, U+4E00–U+9FFF (UTF-8 E4 B8 80 to E9 BF BF).
func isURO(s string) bool {
	return len(s) >= 3 && s[0] >= 0xE4 && s[0] <= 0xE9 && (s[0] > 0xE4 || s[1] >= 0xB8) &&
		s[1]&0xC0 == 0x80 && s[2]&0xC0 == 0x80
}

// isHangulSyllable reports whether s starts with a precomposed Hangul
// syllable, U+AC00–U+D7A3 (UTF-8 EA B0 80 to ED 9E A3).
func isHangulSyllable(s string) bool {
	if len(s) < 3 || s[0] < 0xEA || s[0] > 0xED || s[1]&0xC0 != 0x80 || s[2]&0xC0 != 0x80 {
		return false
	}
	r := rune(s[0]&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F)
	return r >= 0xAC00 && r <= 0xD7A3
}

// simpleLen returns the length in bytes of the rune that starts s if it is
// a simple rune, and 0 otherwise. Simple runes are printable ASCII
// (U+0020–U+007E), Latin-1 U+00A0–U+00FF except U+00A9 ©, U+00AD SOFT
// HYPHEN and U+00AE ®, the CJK Unified Ideographs U+4E00–U+9FFF and the
// Hangul syllables U+AC00–U+D7A3. Their Grapheme_Cluster_Break is Other,
// except that the syllables are LV or LVT (U+00AD is Control, hence left
// out); none is Extended_Pictographic (© and ® are) or a Regional
// Indicator. See [Name.segment] for why two simple runes are never in one
// grapheme cluster; TestSegmentFastSlowEveryRune checks it against uniseg.
func simpleLen(s string) int {
	switch {
	case s == "":
		return 0
	case s[0] >= 0x20 && s[0] <= 0x7E:
		return 1
	case s[0] == 0xC2 && len(s) >= 2:
		if s[1] >= 0xA0 && s[1] <= 0xBF && s[1] != 0xA9 && s[1] != 0xAD && s[1] != 0xAE {
			return 2
		}
		return 0
	case s[0] == 0xC3 && len(s) >= 2 && s[1] >= 0x80 && s[1] <= 0xBF:
		return 2
	case isURO(s), isHangulSyllable(s):
		return 3
	}
	return 0
}

// simpleLetter reports whether c, one simple rune of [simpleLen], is an
// ASCII letter or digit, a Latin-1 letter (U+00C0–U+00FF but × and ÷), a
// CJK Unified Ideograph or a Hangul syllable, and returns its script.
// These are letters or digits, never separators or apostrophes, so
// [Name.segment] classifies them without decoding. The Latin-1 letters
// are all of Script=Latin (a fifth of Parse("Zoë Müller-Lüdenscheidt")
// went to classifying them). TestSimpleLetter checks every simple rune
// against [Name.addCluster].
func simpleLetter(c string) (Script, bool) {
	switch b := c[0]; {
	case len(c) == 1 && b|0x20 >= 'a' && b|0x20 <= 'z':
		return ScriptLatin, true
	case len(c) == 1 && b >= '0' && b <= '9':
		return ScriptUnknown, true
	case len(c) == 2 && b == 0xC3 && c[1] != 0x97 && c[1] != 0xB7: // U+00C0–U+00FF but U+00D7 ×, U+00F7 ÷
		return ScriptLatin, true
	case len(c) == 3 && b <= 0xE9:
		return ScriptHan, true
	case len(c) == 3:
		return ScriptHangul, true
	}
	return ScriptUnknown, false
}

// trimSpace is strings.TrimFunc(s, unicode.IsSpace) with a fast path for
// names that start and end with a printable ASCII character other than a
// space, or with a 3-byte simple rune of [simpleLen]: none of these is
// white space, so there is nothing to trim.
func trimSpace(s string) string {
	if s != "" && notSpaceAt(s) && notSpaceAt(lastSimpleRune(s)) {
		return s
	}
	return strings.TrimFunc(s, unicode.IsSpace)
}

// notSpaceAt reports whether s starts with a printable ASCII character
// other than the space, or with a 3-byte simple rune of [simpleLen].
func notSpaceAt(s string) bool {
	k := simpleLen(s)
	return k == 3 || k == 1 && s[0] != ' '
}

// lastSimpleRune returns the last rune of s if it is a simple rune of
// [simpleLen], and "" otherwise.
func lastSimpleRune(s string) string {
	if c := s[len(s)-1]; c < utf8.RuneSelf {
		return s[len(s)-1:]
	}
	if len(s) >= 3 && simpleLen(s[len(s)-3:]) == 3 { // the 3 bytes are one rune
		return s[len(s)-3:]
	}
	return ""
}
