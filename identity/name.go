package identity

import (
	"errors"
	"log/slog"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"github.com/transferguard/transferguard/internal/compound"
)

// Limits of [Parse]. A name longer than either gets [ErrTooLong].
//
// 64 grapheme clusters covers real personal names with room to spare:
// the longest names on PRC resident identity cards (transliterated
// minority names with interpuncts) stay under 40 characters, and ICAO
// Doc 9303 travel documents print at most 39 characters of the name in
// the machine-readable zone. 256 bytes lets all 64 clusters be
// supplementary-plane ideographs (4 bytes each, such as 𠮷). The limits
// let a [Name] keep its cluster boundaries inline, so that it is a
// comparable value and [Parse] does not allocate.
const (
	MaxGraphemes = 64
	MaxBytes     = 256
)

// Sentinel errors returned by [Parse]. Their messages never contain the name.
var (
	ErrEmpty         = errors.New("identity: empty name")
	ErrInvalidUTF8   = errors.New("identity: invalid UTF-8")
	ErrTooLong       = errors.New("identity: name too long")
	ErrForbiddenRune = errors.New("identity: forbidden code point")
)

// ParseError is the error [Parse] returns for a problem at a known position.
// Err is [ErrInvalidUTF8] or [ErrForbiddenRune]; Offset is the byte offset
// in the input; Rune is the offending code point (utf8.RuneError for
// invalid UTF-8). Its message shows the code point as U+XXXX, never the
// name.
type ParseError struct {
	Offset int
	Rune   rune
	Err    error
}

// Error returns a message with the offset and code point but no name text.
func (e *ParseError) Error() string {
	var b []byte
	b = append(b, e.Err.Error()...)
	if e.Err == ErrForbiddenRune {
		b = append(b, ' ')
		b = appendCodePoint(b, e.Rune)
		b = append(b, " ("...)
		b = append(b, runeCategory(e.Rune)...)
		b = append(b, ')')
	}
	b = append(b, " at byte offset "...)
	b = appendInt(b, e.Offset)
	return string(b)
}

// Unwrap returns Err, so that errors.Is(err, ErrForbiddenRune) works.
func (e *ParseError) Unwrap() error { return e.Err }

// Span is a half-open range [Start, End) of grapheme-cluster indices in a [Name].
type Span struct{ Start, End int }

// Len returns the number of grapheme clusters in the span.
func (s Span) Len() int { return s.End - s.Start }

// Script is the writing system of a name. The zero value is ScriptUnknown.
type Script uint8

// Scripts.
const (
	ScriptUnknown Script = iota
	ScriptHan
	ScriptLatin
	ScriptCyrillic
	ScriptGreek
	ScriptHangul
	ScriptKana
	ScriptArabic
	ScriptThai
	ScriptDevanagari
	ScriptOther
	ScriptMixed
)

var scriptNames = [...]string{"unknown", "han", "latin", "cyrillic", "greek", "hangul", "kana", "arabic", "thai", "devanagari", "other", "mixed"}

// String returns the script's lower-case name, such as "han".
func (s Script) String() string {
	if int(s) < len(scriptNames) {
		return scriptNames[s]
	}
	return "invalid"
}

// Option is a hint for [Parse], made by [Language]. Later options override
// earlier ones. The zero Option is no hint.
//
// Option is a small value rather than a function so that passing one does
// not make Parse allocate.
type Option struct{ o options }

type options struct {
	lang    language.Tag
	hasLang bool
}

// Language tells [Parse] the language of the name, which decides the family
// name position of names written with spaces: for Chinese, Japanese,
// Korean, Hungarian, Vietnamese, Mongolian and Khmer the family name comes
// first; otherwise last.
func Language(tag language.Tag) Option {
	return Option{options{lang: tag, hasLang: true}}
}

// Name is a parsed personal name in NFC: an immutable value that compares
// with ==. The zero Name is not valid.
//
// Name keeps its grapheme-cluster boundaries inline (up to [MaxGraphemes]),
// so copying a Name never shares memory and [Parse] does not allocate for
// input that is already in NFC.
type Name struct {
	s      string
	ends   [MaxGraphemes]uint16 // ends[i] is the byte offset where cluster i ends
	n      uint8                // number of clusters
	sur    [2]uint8             // surname span
	script Script
	seps   uint64 // bit i set: cluster i is a separator
	splits uint64 // bit i set: cluster i splits parts (separators except hyphens)
}

// Parse validates s and returns it as a [Name].
//
// Leading and trailing white space is removed and the rest is normalized
// to NFC (which allocates only when s is not in NFC already). Parse returns
// [ErrEmpty] for a name without any letter (digits, punctuation and
// apostrophes such as U+02BB alone do not make a name: "@0" or "1234" is
// no one's name), [ErrTooLong] beyond
// [MaxBytes] or [MaxGraphemes], and a [*ParseError] wrapping
// [ErrInvalidUTF8] or [ErrForbiddenRune] with the byte offset in s. See the
// package documentation for the forbidden code points, the parts and the
// surname rules.
func Parse(s string, opts ...Option) (Name, error) {
	return parse(s, opts, true)
}

// parseSlow is [Parse] without the fast paths ([checkRunes], [trimSpace],
// [Name.segment], [compound.Chinese] and surname's shortcut): the general
// path, kept as the reference that the fast paths are tested against
// (parse_fast_test.go).
func parseSlow(s string, opts ...Option) (Name, error) {
	return parse(s, opts, false)
}

// parse implements [Parse]; fast selects the fast paths, which give the
// same result as the general path for every input.
//
// Its result is named so that the Name is built in place, in the caller's
// result slot, rather than copied out (a Name is 168 bytes).
func parse(s string, opts []Option, fast bool) (n Name, err error) {
	if s == "" {
		return Name{}, ErrEmpty
	}
	if len(s) > 4*MaxBytes {
		return Name{}, ErrTooLong
	}
	if fast {
		if script, ok := cjkOnly(s); ok {
			if err := n.parseCJK(s, script); err != nil {
				return Name{}, err
			}
			return n, nil
		}
	}
	// The language hint matters only for names of several parts, which
	// the shortcut above never sees.
	var o options
	for _, opt := range opts {
		if opt.o.hasLang {
			o = opt.o
		}
	}
	var stable bool
	if fast {
		stable, err = checkRunes(s)
	} else {
		err = checkRunesSlow(s)
	}
	if err != nil {
		return Name{}, err
	}
	if fast {
		s = trimSpace(s)
	} else {
		s = strings.TrimFunc(s, unicode.IsSpace)
	}
	if s == "" {
		return Name{}, ErrEmpty
	}
	// Trimming white space keeps a stable string stable.
	if !stable && norm.NFC.QuickSpanString(s) != len(s) {
		s = norm.NFC.String(s)
	}
	if len(s) > MaxBytes {
		return Name{}, ErrTooLong
	}
	n.s = s // n is still the zero Name
	if fast {
		err = n.segment()
	} else {
		err = n.segmentSlow()
	}
	if err != nil {
		return Name{}, err
	}
	n.sur = n.surname(o, fast)
	return n, nil
}

// parseCJK is [parse] for a name s of CJK Unified Ideographs
// (U+4E00–U+9FFF) and Hangul syllables only, as [cjkOnly] reports, with
// script the script of its runes. It skips the rune check, the trimming,
// NFC and segmentation, which change nothing here (TestParseCJK checks
// every such rune against the general path):
//
//   - all of these runes are assigned letters, so none is forbidden, and
//     none is white space;
//   - they have NFC_Quick_Check=Yes and Canonical_Combining_Class 0 and
//     none composes with what precedes it (see [checkRunes]), so s is
//     in NFC;
//   - each is a grapheme cluster of its own ([Name.segment]: two simple
//     runes never share a cluster), a letter and never a separator; so
//     there are no parts but the whole name.
//
// A name of more than [MaxGraphemes] of them is too long, as the general
// path finds either from its byte length or while segmenting.
//
// n must be the zero Name; parseCJK fills it in.
func (n *Name) parseCJK(s string, script Script) error {
	k := len(s) / 3
	if k > MaxGraphemes {
		return ErrTooLong
	}
	n.s, n.n, n.script = s, uint8(k), script
	for i := range k {
		n.ends[i] = uint16(3 * (i + 1))
	}
	// Name.surname's rules for a name of one part, without its dispatch:
	// a mixed name is its own surname; otherwise the first character, or
	// the first two when they are a compound surname and one character
	// is left.
	n.sur = [2]uint8{0, 1}
	switch {
	case script == ScriptMixed:
		n.sur[1] = uint8(k)
	case k < 3:
	case script == ScriptHan && compound.Chinese(s[:6]), script == ScriptHangul && compound.Korean(s[:6]):
		n.sur[1] = 2
	}
	return nil
}

// cjkOnly reports whether s, not empty, is made only of CJK Unified
// Ideographs (U+4E00–U+9FFF) and Hangul syllables (U+AC00–U+D7A3), and
// returns the script of such a name: [ScriptHan], [ScriptHangul], or
// [ScriptMixed] for both (as [scriptSet.script] gives).
// TestCJKOnlyEveryRune checks it on every rune and on every three-byte
// sequence of the lead bytes involved.
func cjkOnly(s string) (Script, bool) {
	if s == "" || len(s)%3 != 0 {
		return ScriptUnknown, false
	}
	var han, hangul bool
	for rest := s; len(rest) >= 3; rest = rest[3:] {
		// With c[1] and c[2] continuation bytes, the three bytes read as
		// one big-endian number are ordered as the code points are:
		// U+4E00–U+9FFF is E4 B8 80 to E9 BF BF, U+AC00–U+D7A3 is EA B0
		// 80 to ED 9E A3.
		c := rest[:3]
		x := uint32(c[0])<<16 | uint32(c[1])<<8 | uint32(c[2])
		switch {
		case (c[1]^0x80)|(c[2]^0x80) >= 0x40:
			return ScriptUnknown, false
		case x-0xE4B880 <= 0xE9BFBF-0xE4B880:
			han = true
		case x-0xEAB080 <= 0xED9EA3-0xEAB080:
			hangul = true
		default:
			return ScriptUnknown, false
		}
	}
	switch {
	case han && hangul:
		return ScriptMixed, true
	case han:
		return ScriptHan, true
	}
	return ScriptHangul, true
}

// segment fills in the cluster boundaries, separators and script of n, as
// [Name.segmentSlow] does, but without calling uniseg for simple runes
// (see [simpleLen]): a simple rune followed by another simple rune, or by
// the end of the name, is a grapheme cluster on its own. For "张小明" this
// saved about a third of Parse (uniseg's property search and its width
// computation, which Parse does not need). A name of printable ASCII
// ([Name.segmentASCII]) or of simple runes only ([Name.segmentSimple]) is
// segmented without looking ahead at all.
//
// Why this is exact (UAX #29 for Unicode 15.0.0): a break between two
// characters is decided by the pair alone, except under GB11 (the second
// one is Extended_Pictographic) and GB12/GB13 (both are Regional
// Indicators); no simple rune is either, so between two simple runes only
// GB3–GB9b and GB999 apply. GB3 (CR × LF) and GB4/GB5 need controls;
// GB6–GB8 join a precomposed Hangul syllable only to a jamo (L before
// it, V or T after it), never to another syllable; GB9, GB9a and GB9b need Extend,
// ZWJ, SpacingMark or Prepend, and no simple rune has those properties. So
// GB999 breaks between them. After a cluster that ends in a simple rune,
// no rule looks further back, so uniseg restarts in its initial state.
func (n *Name) segment() error {
	if printableASCII(n.s) {
		return n.segmentASCII()
	}
	if simple, err := n.segmentSimple(); simple {
		return err
	}
	*n = Name{s: n.s} // start again on the general loop
	var sc clusterScan
	rest, off, state := n.s, 0, -1
	k := simpleLen(rest) // simpleLen of the rune that starts rest
	for len(rest) > 0 {
		if int(n.n) == MaxGraphemes {
			return ErrTooLong
		}
		var c string
		next := 0
		if k > 0 {
			next = simpleLen(rest[k:])
		}
		if k > 0 && (k == len(rest) || next > 0) {
			c, rest, state = rest[:k], rest[k:], -1
			k = next
			if script, ok := simpleLetter(c); ok { // never a separator
				off += len(c)
				n.ends[n.n] = uint16(off)
				n.n++
				sc.seen.add(script)
				sc.prevLetter = true
				sc.any = sc.any || script != ScriptUnknown // a digit alone is no name
				continue
			}
		} else {
			c, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
			k = simpleLen(rest)
		}
		off += len(c)
		n.addCluster(&sc, c, off)
	}
	return n.finish(&sc)
}

// segmentASCII is [Name.segment] for a name of printable ASCII only
// (U+0020–U+007E, see [printableASCII]): each character is a simple rune
// of [simpleLen], so each is a grapheme cluster of its own (see
// segment), and letters need no classifying beyond their case range
// (as in [simpleLetter]). It saves segment's look-ahead for each byte,
// about a third of Parse("John Smith").
func (n *Name) segmentASCII() error {
	s := n.s
	if len(s) > MaxGraphemes {
		return ErrTooLong // segment finds it at the cluster after the last
	}
	var sc clusterScan
	for i := 0; i < len(s); i++ {
		if c := s[i]; c|0x20 >= 'a' && c|0x20 <= 'z' {
			n.ends[i] = uint16(i + 1)
			sc.seen.add(ScriptLatin)
			sc.prevLetter, sc.any = true, true
			continue
		}
		n.n = uint8(i) // addCluster records cluster n.n
		n.addCluster(&sc, s[i:i+1], i+1)
	}
	n.n = uint8(len(s))
	return n.finish(&sc)
}

// segmentSimple is [Name.segment] for a name of simple runes only (see
// [simpleLen]), such as "Zoë Müller" or "买买提·艾力": each of them is a
// grapheme cluster of its own (see segment), so no look-ahead is needed.
// It reports false, leaving n partly filled in, as soon as it meets a rune
// that is not simple; then segment's general loop must start again.
func (n *Name) segmentSimple() (simple bool, err error) {
	s := n.s
	var sc clusterScan
	for i := 0; i < len(s); {
		k := simpleLen(s[i:])
		if k == 0 {
			return false, nil
		}
		if int(n.n) == MaxGraphemes {
			return true, ErrTooLong // whatever follows: segment finds it here too
		}
		c := s[i : i+k]
		i += k
		if script, ok := simpleLetter(c); ok { // never a separator
			n.ends[n.n] = uint16(i)
			n.n++
			sc.seen.add(script)
			sc.prevLetter = true
			sc.any = sc.any || script != ScriptUnknown // a digit alone is no name
			continue
		}
		n.addCluster(&sc, c, i)
	}
	return true, n.finish(&sc)
}

// printableASCII reports whether s holds only printable ASCII,
// U+0020–U+007E.
func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i]-0x20 > 0x7E-0x20 {
			return false
		}
	}
	return true
}

// clusterScan is what segmentation has learnt so far: the scripts seen,
// whether the last cluster was a letter or digit (a "." after one splits
// parts), and whether any letter was seen.
type clusterScan struct {
	seen       scriptSet
	prevLetter bool
	any        bool
}

// addCluster records cluster c, which ends at byte off: its boundary,
// whether it is a separator (and splits parts), and its script.
func (n *Name) addCluster(sc *clusterScan, c string, off int) {
	i := n.n
	n.ends[i] = uint16(off)
	n.n++
	r, _ := utf8.DecodeRuneInString(c)
	switch k := sepKind(r); {
	case k == sepSplit || (k == sepDot && sc.prevLetter):
		n.seps |= 1 << i
		n.splits |= 1 << i
		sc.prevLetter = false
	case k == sepJoin:
		n.seps |= 1 << i
		sc.prevLetter = false
	default:
		for _, r := range c {
			sc.seen.add(runeScript(r))
		}
		sc.prevLetter = unicode.IsLetter(r) || unicode.IsNumber(r)
		// A digit, punctuation or an apostrophe alone makes no name.
		sc.any = sc.any || unicode.IsLetter(r) && !isApostrophe(r)
	}
}

// finish sets n's script, or reports [ErrEmpty] when no letter was seen.
func (n *Name) finish(sc *clusterScan) error {
	if !sc.any {
		return ErrEmpty
	}
	n.script = sc.seen.script()
	return nil
}

// segmentSlow fills in the cluster boundaries, separators and script of n.
// GB rules: rivo/uniseg implements UAX #29 for Unicode 15.0.0. It is the
// general path of [Name.segment].
func (n *Name) segmentSlow() error {
	var sc clusterScan
	rest, off, state := n.s, 0, -1
	for len(rest) > 0 {
		if int(n.n) == MaxGraphemes {
			return ErrTooLong
		}
		var c string
		c, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		off += len(c)
		n.addCluster(&sc, c, off)
	}
	return n.finish(&sc)
}

// MustParse is like [Parse] but panics on error. For tests and examples only.
func MustParse(s string, opts ...Option) Name {
	n, err := Parse(s, opts...)
	if err != nil {
		panic(err)
	}
	return n
}

// IsValid reports whether n is a parsed name (not the zero Name).
func (n Name) IsValid() bool { return n.s != "" }

// Unmasked returns the clear text of the name, in NFC. Parsing it again
// gives a Name equal to n.
func (n Name) Unmasked() string { return n.s }

// String returns a redacted form that never reveals the name: one '*' per
// grapheme cluster, with separators shown as they are. It allocates.
func (n Name) String() string { return string(n.appendRedacted(nil)) }

func (n Name) appendRedacted(b []byte) []byte {
	for i := range n.Len() {
		if n.IsSeparator(i) {
			b = append(b, n.Grapheme(i)...)
		} else {
			b = append(b, '*')
		}
	}
	return b
}

// LogValue implements [slog.LogValuer] with the redacted form of [Name.String].
func (n Name) LogValue() slog.Value { return slog.StringValue(n.String()) }

// Len returns the number of grapheme clusters, 0 for the zero Name.
func (n Name) Len() int { return int(n.n) }

// Grapheme returns the i-th grapheme cluster. It panics if i is out of
// range, like a slice index. It does not allocate.
func (n Name) Grapheme(i int) string {
	if i < 0 || i >= int(n.n) {
		panic("identity: grapheme index out of range")
	}
	start := 0
	if i > 0 {
		start = int(n.ends[i-1])
	}
	return n.s[start:n.ends[i]]
}

// IsSeparator reports whether the i-th grapheme is a separator: white
// space, an interpunct, a full stop after a letter, or a hyphen. It
// returns false if i is out of range.
func (n Name) IsSeparator(i int) bool { return n.isSeparator(i) }

// isSeparator is [Name.IsSeparator] without copying n. The exported
// methods have value receivers (STYLE.md §3), so each call copies the
// 168-byte Name; the code of this package calls these pointer forms.
func (n *Name) isSeparator(i int) bool {
	return i >= 0 && i < int(n.n) && n.seps&(1<<i) != 0
}

// NumParts returns the number of parts: runs of graphemes between white
// space, interpuncts and full stops. Hyphens join a part ("Smith-Jones" is
// one part).
func (n Name) NumParts() int { return n.numParts() }

func (n *Name) numParts() int {
	return bits.OnesCount64(n.partStarts())
}

// partStarts returns the bit set of the clusters that start a part: those
// that do not split parts and follow one that does, or the start.
func (n *Name) partStarts() uint64 {
	in := n.inParts()
	return in &^ (in << 1)
}

// inParts returns the bit set of the clusters that do not split parts.
// (For n.n == 64 the shift gives 0, and the mask all 64 bits.)
func (n *Name) inParts() uint64 {
	return ^n.splits & (1<<n.n - 1)
}

// Part returns the grapheme span of the i-th part, in written order. It
// returns the zero Span if i is out of range.
func (n Name) Part(i int) Span { return n.part(i) }

func (n *Name) part(i int) Span {
	if i < 0 {
		return Span{}
	}
	starts := n.partStarts()
	for ; i > 0 && starts != 0; i-- {
		starts &= starts - 1 // drop the lowest part
	}
	if starts == 0 {
		return Span{}
	}
	start := bits.TrailingZeros64(starts)
	end := start + bits.TrailingZeros64(^(n.inParts() >> start))
	return n.trimPart(Span{start, end})
}

// trimPart removes leading and trailing hyphens from a part.
func (n *Name) trimPart(sp Span) Span {
	for sp.Len() > 1 && n.isSeparator(sp.Start) {
		sp.Start++
	}
	for sp.Len() > 1 && n.isSeparator(sp.End-1) {
		sp.End--
	}
	return sp
}

// Surname returns the grapheme span of the family name; see the package
// documentation for the rules. It is the zero Span for the zero Name.
func (n Name) Surname() Span { return Span{int(n.sur[0]), int(n.sur[1])} }

// Given returns the grapheme span of the given name for a Han or Hangul
// name written without separators (the clusters after the surname), and
// the zero Span otherwise.
func (n Name) Given() Span {
	if n.numParts() != 1 || n.sur[0] != 0 || int(n.sur[1]) >= int(n.n) {
		return Span{}
	}
	return Span{int(n.sur[1]), int(n.n)}
}

// Script returns the script of the name.
func (n Name) Script() Script { return n.script }

// substring returns the text of a grapheme span.
func (n *Name) substring(sp Span) string {
	if sp.Len() <= 0 {
		return ""
	}
	start := 0
	if sp.Start > 0 {
		start = int(n.ends[sp.Start-1])
	}
	return n.s[start:n.ends[sp.End-1]]
}

// Text returns the clear text of a grapheme span of n, such as
// n.Text(n.Surname()). Like [Name.Unmasked] it reveals the name. It
// returns "" for an empty or out-of-range span.
func (n Name) Text(sp Span) string {
	if sp.Start < 0 || sp.End > int(n.n) {
		return ""
	}
	return n.substring(sp)
}
