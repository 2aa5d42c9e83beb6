package risk

import (
	"errors"
	"math/bits"
	"strings"
	"unicode/utf8"
)

// NicknameReasons is a bit set of the reasons why two nicknames look alike.
// The zero value means no reason. Each bit has a stable code (see
// [NicknameReasons.String]); bits are never renumbered.
type NicknameReasons uint16

// Nickname reasons. The codes in parentheses are what String prints.
const (
	// NickIdentical: the nicknames are byte for byte equal ("identical").
	NickIdentical NicknameReasons = 1 << iota
	// NickEqualKeys: different nicknames with equal [NicknameKey]s ("equal_keys").
	NickEqualKeys
	// NickHomoglyph: confusable characters from UTS #39 confusables.txt,
	// such as Cyrillic а for Latin a, digit 0 for O, I for l ("homoglyph").
	NickHomoglyph
	// NickMixedScript: a nickname mixes scripts in a way UTS #39 §5.1 calls
	// mixed-script, like Cyrillic А in "Аlice" ("mixed_script").
	NickMixedScript
	// NickInvisible: invisible characters differ ("invisible").
	NickInvisible
	// NickDecoration: emoji, symbols, punctuation or spaces differ ("decoration").
	NickDecoration
	// NickStyled: styled letters differ: fullwidth, mathematical, circled ("styled").
	NickStyled
	// NickCase: letter case differs ("case").
	NickCase
	// NickHanVariant: traditional/simplified or Z-variant Han characters ("han_variant").
	NickHanVariant
	// NickCJKLookalike: visually confusable Han characters such as 己/已 ("cjk_lookalike").
	NickCJKLookalike
	// NickEditDistance: the keys differ by a small grapheme edit distance ("edit_distance").
	NickEditDistance

	nickReasonCount = iota
)

var nickReasonCodes = [nickReasonCount]string{
	"identical", "equal_keys", "homoglyph", "mixed_script", "invisible", "decoration",
	"styled", "case", "han_variant", "cjk_lookalike", "edit_distance",
}

// nickReasonReasons are the Reason codes of the bits (see Codes).
var nickReasonReasons = [nickReasonCount]Reason{
	"nickname_identical", "nickname_equal_keys", "nickname_homoglyph", "nickname_mixed_script",
	"nickname_invisible", "nickname_decoration", "nickname_styled", "nickname_case",
	"nickname_han_variant", "nickname_cjk_lookalike", "nickname_edit_distance",
}

// stepReasons maps NicknameKey's steps to reasons.
var stepReasons = [numSteps]NicknameReasons{
	stepInvisible:    NickInvisible,
	stepNFKC:         NickStyled,
	stepDecoration:   NickDecoration,
	stepHanVariant:   NickHanVariant,
	stepCJKLookalike: NickCJKLookalike,
	stepSkeleton:     NickHomoglyph,
	stepCase:         NickCase,
}

// String returns the codes of the bits that are set, joined by "|", in bit
// order, or "none". Unknown bits print as "bitN".
func (r NicknameReasons) String() string {
	if r == 0 {
		return "none"
	}
	b, _ := r.AppendText(nil)
	return string(b)
}

// AppendText appends the String form to b. It implements
// encoding.TextAppender.
func (r NicknameReasons) AppendText(b []byte) ([]byte, error) {
	if r == 0 {
		return append(b, "none"...), nil
	}
	first := true
	for i := range 16 {
		if r&(1<<i) == 0 {
			continue
		}
		if !first {
			b = append(b, '|')
		}
		first = false
		if i < nickReasonCount {
			b = append(b, nickReasonCodes[i]...)
		} else {
			b = append(b, "bit"...)
			b = append(b, byte('0'+i/10), byte('0'+i%10))
		}
	}
	return b, nil
}

// MarshalText implements encoding.TextMarshaler with the String form.
func (r NicknameReasons) MarshalText() ([]byte, error) { return r.AppendText(nil) }

// ErrUnknownReason is returned when parsing an unknown reason code.
var ErrUnknownReason = errors.New("risk: unknown reason code")

// UnmarshalText parses the String form (codes joined by "|", or "none").
func (r *NicknameReasons) UnmarshalText(b []byte) error {
	s := string(b)
	var out NicknameReasons
	if s != "none" {
		for code := range strings.SplitSeq(s, "|") {
			i := 0
			for i < nickReasonCount && nickReasonCodes[i] != code {
				i++
			}
			if i == nickReasonCount {
				return ErrUnknownReason
			}
			out |= 1 << i
		}
	}
	*r = out
	return nil
}

// NicknameMatch is the verdict of [CompareNicknames]. The zero value means
// no resemblance.
type NicknameMatch struct {
	// Score is the similarity in [0, 1]: 1 for identical nicknames, 0.95
	// for equal keys, below 0.9 for keys at an edit distance.
	Score float64 `json:"score"`
	// Lookalike reports whether a payer would likely take one nickname for
	// the other.
	Lookalike bool `json:"lookalike"`
	// Reasons says why.
	Reasons NicknameReasons `json:"reasons"`
	// Distance is the grapheme Damerau–Levenshtein distance of the keys
	// (Hangul syllables count as one grapheme each).
	Distance int `json:"distance"`
}

// Scores of CompareNicknames.
const (
	scoreIdentical = 1.0
	scoreEqualKeys = 0.95
	scoreEditMax   = 0.9
)

// CompareNicknames compares two nicknames as a payer would see them. Equal
// non-empty [NicknameKey]s make a lookalike (a nickname with nothing
// visible imitates nobody, even an identical one); so do keys within a small grapheme
// Damerau–Levenshtein distance (optimal string alignment) relative to
// their length: distance at most (n−1)/4 for keys of n graphemes, so one
// edit from 5 graphemes on ("Jonathan"/"Jonatham"), none below
// ("Bob"/"Rob", "老王"/"老李"). Hangul counts in syllables, although the
// key holds jamo: "김민준"/"김민중" are 3 syllables one edit apart, not a
// lookalike.
//
// It is symmetric, CompareNicknames(x, x) has the maximum score 1, and it is
// safe for concurrent use. It computes both keys in stack buffers and
// allocates nothing for keys up to 128 bytes and 64 graphemes (longer ones
// use the heap). Most pairs of unrelated nicknames are told apart by the
// grapheme counts and masks of their keys, which the key tables give
// without building the keys, so a miss costs less than a lookalike; and
// most spoofs of a nickname, whose keys are equal, are told from the few
// runes in which they differ (compareSpoof).
func CompareNicknames(a, b string) NicknameMatch {
	if a == b {
		return compareIdentical(a)
	}
	// Most pairs are rejected by the grapheme counts and masks of their
	// keys alone, which a key sketch gives without the key. This path
	// keeps no key buffers, which compareNicknameKeys clears only when
	// it needs them.
	if sh := spoofShape(a, b); sh.kind != spoofNone {
		// Most likely a lookalike, which the sketches would not reject,
		// and most likely with equal keys, which compareSpoof tells from
		// the parts in which a and b differ.
		if m, ok := compareSpoof(a, b, sh); ok {
			return m
		}
	} else {
		ua, ma, oka := sketchKey(a)
		ub, mb, okb := sketchKey(b)
		switch {
		case oka && okb:
			if sketchesReject(ua, ma, ub, mb) {
				return NicknameMatch{}
			}
		case oka:
			return compareOneSketch(b, a, ua, ma)
		case okb:
			return compareOneSketch(a, b, ub, mb)
		}
	}
	return compareNicknameKeys(a, b)
}

// spoofShaped reports whether b looks made from a, or a from b, the way
// spoofers copy a nickname: one holds the other (decoration or invisible
// characters added around it: "🌸小美🌸", "★Alice★"), or they differ in one
// place of at most four bytes on either side (a homoglyph swapped in:
// "Аlice", "PayPaI"). Such pairs are mostly lookalikes, for which
// CompareNicknames needs the keys anyway and skips the sketches; the
// answer never changes the result, only the cost.
func spoofShaped(a, b string) bool {
	return spoofShape(a, b).kind != spoofNone
}

// A spoofShapeOf says how b is made from a (see spoofShaped): kind
// spoofSwap, a = a[:p] + x + a[len(a)-q:] and b = a[:p] + y + b[len(b)-q:],
// with x and y at most four bytes; or spoofAround, where the longer of
// the two is w[:at] + the shorter + the rest.
type spoofShapeOf struct {
	kind     uint8
	p, q, at int
}

const (
	spoofNone = iota
	spoofSwap
	spoofAround
)

// spoofShape returns the shape of a spoof-shaped pair (see spoofShaped).
func spoofShape(a, b string) spoofShapeOf {
	// Unrelated nicknames mostly differ in their first and last four
	// bytes, where the lowest (highest) set byte of the xor of the
	// words gives p (q) without a loop; the loops go on from there.
	// The common suffix is that of a[p:] and b[p:], so at most n-p.
	n := min(len(a), len(b))
	p, q := 0, 0
	if n >= 4 {
		if x := le32(a) ^ le32(b); x != 0 {
			p = bits.TrailingZeros32(x) >> 3
		} else {
			p = 4
			for p < n && a[p] == b[p] {
				p++
			}
		}
		if y := le32(a[len(a)-4:]) ^ le32(b[len(b)-4:]); y != 0 {
			q = min(bits.LeadingZeros32(y)>>3, n-p)
		} else {
			q = min(4, n-p)
			for q < n-p && a[len(a)-1-q] == b[len(b)-1-q] {
				q++
			}
		}
	} else {
		for p < n && a[p] == b[p] {
			p++
		}
		for q < n-p && a[len(a)-1-q] == b[len(b)-1-q] {
			q++
		}
	}
	if len(a)-p-q <= 4 && len(b)-p-q <= 4 {
		return spoofShapeOf{kind: spoofSwap, p: p, q: q}
	}
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(b) == 0 {
		return spoofShapeOf{}
	}
	// strings.Contains(a, b), without its setup: these are short.
	for i := 0; i+len(b) <= len(a); i++ {
		j := strings.IndexByte(a[i:len(a)-len(b)+1], b[0])
		if j < 0 {
			return spoofShapeOf{}
		}
		if i += j; a[i:i+len(b)] == b {
			return spoofShapeOf{kind: spoofAround, at: i}
		}
	}
	return spoofShapeOf{}
}

// le32 returns the first four bytes of s, little-endian.
func le32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// nickInfo is what comparisons need of one nickname, computed once.
type nickInfo struct {
	key        string
	trace      keyTrace
	mixed      bool // MixedScript of the nickname, if mixedKnown
	mixedKnown bool
	unitsKnown bool
	keyASCII   bool   // the key is ASCII and unitsKnown (set by keyInto only)
	unitsMost  int32  // if > 0 and units are not known: at most that many (fills the padding)
	units      int    // graphemes in key, if unitsKnown
	mask       uint64 // a bit per grapheme hash, for the index's prefilter
}

// analyzeNickname returns everything comparisons need of s.
func analyzeNickname(s string) nickInfo {
	in := analyzeKey(s)
	in.mixed, in.mixedKnown = MixedScript(s), true
	in.countUnits()
	return in
}

// analyzeKey is analyzeNickname without the script check and the
// graphemes, which compareAnalyzed computes only when it needs them.
func analyzeKey(s string) nickInfo {
	k, tr := nicknameKey(s, &defaultKeyOptions)
	return nickInfo{key: k, trace: tr}
}

// countUnits sets units and mask from the key.
func (in *nickInfo) countUnits() {
	if in.unitsKnown {
		return
	}
	var u [maxUnits]uint64
	in.setUnits(u[:0])
}

// setUnits sets units and mask from the key and returns the key's
// graphemes appended to dst, or nil for an ASCII key, whose graphemes are
// its bytes (see appendUnits).
func (in *nickInfo) setUnits(dst []uint64) []uint64 {
	in.units, in.unitsKnown, in.mask = 0, true, 0
	if isASCII(in.key) {
		for i := 0; i < len(in.key); i++ {
			in.mask |= 1 << (in.key[i] % 64)
		}
		in.units = len(in.key)
		return nil
	}
	us := appendUnits(dst, in.key)
	in.units = len(us)
	for _, h := range us {
		in.mask |= 1 << (h % 64)
	}
	return us
}

// setUnitsOf is setUnits for the key of nickname s, from s's Hangul
// syllables when syllableUnits applies.
func (in *nickInfo) setUnitsOf(dst []uint64, s string) []uint64 {
	us, ok := syllableUnits(dst, s)
	if !ok {
		return in.setUnits(dst)
	}
	in.units, in.unitsKnown, in.mask = len(us), true, 0
	for _, h := range us {
		in.mask |= 1 << (h % 64)
	}
	return us
}

// unitsBound returns units if known, else an upper bound: the runes of
// the key, which are its bytes other than continuation bytes because a key
// is valid UTF-8 (checkKeyTable checks that).
func (in *nickInfo) unitsBound() int {
	if in.unitsKnown {
		return in.units
	}
	if in.unitsMost > 0 {
		return int(in.unitsMost)
	}
	k := in.key
	n := len(k)
	for ; len(k) >= 8; k = k[8:] {
		// A continuation byte is 10xxxxxx: bit 7 set, bit 6 (moved to
		// bit 7 by the shift) clear.
		w := uint64(k[0]) | uint64(k[1])<<8 | uint64(k[2])<<16 | uint64(k[3])<<24 |
			uint64(k[4])<<32 | uint64(k[5])<<40 | uint64(k[6])<<48 | uint64(k[7])<<56
		n -= bits.OnesCount64(w &^ (w << 1) & 0x8080808080808080)
	}
	for i := 0; i < len(k); i++ {
		if k[i]&0xC0 == 0x80 {
			n--
		}
	}
	return n
}

// isMixed returns MixedScript(s), computing it if in does not know it.
func (in *nickInfo) isMixed(s string) bool {
	if in.mixedKnown {
		return in.mixed
	}
	return MixedScript(s)
}

func compareAnalyzed(a, b string, x, y *nickInfo) NicknameMatch {
	if a == b {
		return NicknameMatch{Score: scoreIdentical, Lookalike: x.key != "", Reasons: NickIdentical}
	}
	return compareKeys(a, b, x, y)
}

// compareKeys is compareAnalyzed for a != b.
func compareKeys(a, b string, x, y *nickInfo) NicknameMatch {
	var m NicknameMatch
	if x.key == y.key {
		if x.key == "" {
			return m
		}
		m = NicknameMatch{Score: scoreEqualKeys, Lookalike: true, Reasons: NickEqualKeys}
	} else {
		d, n, ok := keyDistance(a, b, x, y)
		if !ok {
			return m
		}
		m = NicknameMatch{
			Score:     scoreEditMax * (1 - float64(d)/float64(n)),
			Lookalike: true,
			Reasons:   NickEditDistance,
			Distance:  d,
		}
	}
	for i := range numSteps {
		if x.trace[i] != y.trace[i] {
			m.Reasons |= stepReasons[i]
		}
	}
	if x.isMixed(a) || y.isMixed(b) {
		m.Reasons |= NickMixedScript
	}
	return m
}

// keyDistance returns the grapheme distance d of the keys of x and y (of
// nicknames a and b) and the larger of their grapheme counts n, setting
// their units; ok is false when the keys are too far apart for a lookalike
// (d is then not known). It decides as the previous inline code did
// (compareRef), with cheaper bounds first.
func keyDistance(a, b string, x, y *nickInfo) (d, n int, ok bool) {
	if x.keyASCII && y.keyASCII {
		// Both keys ASCII with their units known: the branch for ASCII
		// keys below, without its scans.
		n = max(x.units, y.units)
		lim := editLimit(n)
		if lim == 0 || abs(x.units-y.units) > lim || bits.OnesCount64(x.mask^y.mask) > 2*lim {
			return 0, 0, false
		}
		d = osaASCII(x.key, y.key, lim)
		return d, n, d <= lim
	}
	// A key has at most as many graphemes as runes, and editLimit grows
	// with the length: below 5 runes on both sides no edit is allowed,
	// whatever the graphemes (most Han and short keys).
	bx, by := x.unitsBound(), y.unitsBound()
	if editLimit(max(bx, by)) == 0 {
		return 0, 0, false
	}
	if !x.setASCIIUnits() || !y.setASCIIUnits() {
		if x.unitsKnown && y.unitsKnown {
			// keyDistanceUnits without its buffers, which it would
			// not use.
			n = max(x.units, y.units)
			lim := editLimit(n)
			if lim == 0 || abs(x.units-y.units) > lim || bits.OnesCount64(x.mask^y.mask) > 2*lim {
				return 0, 0, false
			}
			d = unitDistanceOf(x.key, y.key, nil, nil, lim)
			return d, n, d <= lim
		}
		if x.unitsKnown != y.unitsKnown {
			// One key has k graphemes, the other at most most: if
			// k-most exceeds editLimit(k), then most < k, n is k, and
			// the counts differ by more than the limit, which
			// keyDistanceUnits would find after counting the other
			// key's graphemes.
			k, most := x.units, by
			if y.unitsKnown {
				k, most = y.units, bx
			}
			if k-most > editLimit(k) {
				return 0, 0, false
			}
		}
		return keyDistanceUnits(a, b, x, y)
	}
	// Both keys are ASCII: keyDistanceUnits without the grapheme buffers,
	// which unitDistanceOf would not use.
	n = max(x.units, y.units)
	lim := editLimit(n)
	if lim == 0 || abs(x.units-y.units) > lim || bits.OnesCount64(x.mask^y.mask) > 2*lim {
		return 0, 0, false
	}
	d = osaASCII(x.key, y.key, lim)
	return d, n, d <= lim
}

// setASCIIUnits reports whether the key is ASCII and then sets its units
// and mask as setUnits does, if not known yet.
func (in *nickInfo) setASCIIUnits() bool {
	var mask uint64
	k := in.key
	for i := 0; i < len(k); i++ {
		c := k[i]
		if c >= utf8.RuneSelf {
			return false
		}
		mask |= 1 << (c % 64)
	}
	if !in.unitsKnown {
		in.units, in.mask, in.unitsKnown = len(k), mask, true
	}
	return true
}

// keyDistanceUnits is keyDistance on keys with graphemes beyond ASCII.
func keyDistanceUnits(a, b string, x, y *nickInfo) (d, n int, ok bool) {
	// The graphemes of a side whose units are computed here, kept for
	// the distance (nil: not computed here, or an ASCII key).
	// The buffers are declared where they are used, so that they are
	// only cleared (512 bytes each) when they are.
	var xs, ys []uint64
	if !x.unitsKnown {
		var ua [maxUnits]uint64
		xs = x.setUnitsOf(ua[:0], a)
	}
	if !y.unitsKnown {
		var ub [maxUnits]uint64
		ys = y.setUnitsOf(ub[:0], b)
	}
	n = max(x.units, y.units)
	lim := editLimit(n)
	if lim == 0 || abs(x.units-y.units) > lim || bits.OnesCount64(x.mask^y.mask) > 2*lim {
		return 0, 0, false
	}
	d = unitDistanceOf(x.key, y.key, xs, ys, lim)
	return d, n, d <= lim
}

// editLimit is the largest grapheme edit distance that still makes keys of
// n graphemes a lookalike.
func editLimit(n int) int {
	if n < 5 {
		return 0
	}
	return (n - 1) / 4
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// maxUnits bounds the stack buffers of the edit distance; longer keys use
// the heap.
const maxUnits = 64

// appendUnits appends a hash of each grapheme of the key k. Keys hold no
// controls, emoji or ZWJ sequences, so a grapheme is a base with its
// combining marks, an approximation of UAX #29 that is exact on keys of the
// common scripts. A grapheme that is one ASCII byte hashes to the byte
// itself, so that an ASCII key's units are its bytes (see unitDistance).
//
// Hangul needs more: the key decomposes syllables into jamo, and the
// skeleton maps final consonants to initial ones (ᆷ to ᄆ), the vowel ᅵ to
// 丨 (whose lookalike key is 十) and ᅳ to ー, so the key no longer shows
// where a syllable ends. Counted per jamo, 김민준 would be 8 units and a
// one-syllable change (김민중) a small edit. appendUnits therefore
// recomposes the key's syllables, one unit each (see hangulUnit).
func appendUnits(dst []uint64, k string) []uint64 {
	var h uint64
	inUnit := false
	var hs hangulState
	for i := 0; i < len(k); {
		r, n := rune(k[i]), 1
		switch c := k[i]; {
		case c < utf8.RuneSelf:
		case c >= 0xC2 && c <= 0xDF && i+1 < len(k) && k[i+1]&0xC0 == 0x80:
			r, n = rune(c&0x1F)<<6|rune(k[i+1]&0x3F), 2 // decodeRune, inline
		case c >= 0xE1 && c <= 0xEC && i+2 < len(k) && k[i+1]&0xC0 == 0x80 && k[i+2]&0xC0 == 0x80:
			r, n = rune(c&0x0F)<<12|rune(k[i+1]&0x3F)<<6|rune(k[i+2]&0x3F), 3
		case c == 0xE0 && i+2 < len(k) && k[i+1] >= 0xA0 && k[i+1] <= 0xBF && k[i+2]&0xC0 == 0x80:
			r, n = rune(k[i+1]&0x3F)<<6|rune(k[i+2]&0x3F), 3 // Thai, Devanagari
		default:
			r, n = decodeRune(k, i)
		}
		i += n
		ext := inUnit && extends(r)
		if mayBeHangulUnit(r) {
			ext = hs.next(r, k[i:], inUnit) || ext && !isChoseong(r)
		} else {
			// hs.next would reset hs and return false, and r is no
			// choseong.
			hs = hangulState{}
		}
		if ext {
			h = (h ^ 0xcbf29ce484222325 ^ uint64(r)) * 0x100000001b3
			continue
		}
		if inUnit {
			dst = append(dst, h)
		}
		h, inUnit = uint64(r), true
	}
	if inUnit {
		dst = append(dst, h)
	}
	return dst
}

// hangulState tracks the Hangul syllable that the current unit of
// appendUnits holds, in the jamo of a key: an initial (one or two choseong:
// the skeleton maps ᄁ to ᄀᄀ), a vowel (jungseong, or ー, 十 or 丨 that
// the skeleton made of ᅳ and ᅵ) and finals (choseong again after the
// skeleton). A choseong after the vowel is a final unless it is the last
// of its run and a vowel follows it: then it begins the next syllable.
type hangulState struct {
	kind   uint8 // 0: the unit is not Hangul; 1: initial only; 2: has a vowel
	finals int8  // choseong left in the current run that are finals
	last   rune  // the previous rune, if kind == 1
}

// next reports whether r continues the current unit as part of a Hangul
// syllable, and updates the state. rest is the key after r; inUnit says
// whether there is a current unit.
func (hs *hangulState) next(r rune, rest string, inUnit bool) bool {
	switch {
	case isChoseong(r):
		switch {
		case inUnit && hs.kind == 2:
			if hs.finals < 0 {
				hs.finals = choseongFinals(r, rest)
			}
			if hs.finals > 0 {
				hs.finals--
				return true
			}
		case inUnit && hs.kind == 1 && r == hs.last && startsWithVowel(rest):
			hs.last = 0 // a doubled initial (ᄀᄀ from ᄁ), at most two
			return true
		}
		*hs = hangulState{kind: 1, finals: -1, last: r}
		return false
	case r >= 0x11A8 && r <= 0x11FF || r >= 0xD7CB && r <= 0xD7FB:
		// A jongseong the skeleton left alone: part of the syllable.
		if inUnit && hs.kind != 0 {
			return true
		}
	case isJungseong(r) || isVowelLike(r):
		hs.finals = -1
		if inUnit && hs.kind != 0 {
			hs.kind = 2
			return true
		}
		if isJungseong(r) {
			*hs = hangulState{kind: 2, finals: -1}
		} else {
			*hs = hangulState{}
		}
		return false
	}
	*hs = hangulState{}
	return false
}

// mayBeHangulUnit reports whether hangulState.next can do more than reset
// its state and return false for r: r is a jamo or vowel-like.
func mayBeHangulUnit(r rune) bool {
	return r >= 0x1100 && r <= 0x11FF || r >= 0xA960 && r <= 0xA97C || r >= 0xD7B0 && r <= 0xD7FB || isVowelLike(r)
}

// choseongFinals returns how many of the run of choseong that starts with r
// (rest follows r) are finals of the syllable before: all of them, or all
// but the last when a vowel follows the run.
func choseongFinals(r rune, rest string) int8 {
	k := int8(1)
	for i := 0; i < len(rest); {
		c, n := rune(rest[i]), 1
		if c >= utf8.RuneSelf {
			c, n = decodeRune(rest, i)
		}
		i += n
		if !isChoseong(c) {
			if isJungseong(c) || isVowelLike(c) {
				return k - 1
			}
			break
		}
		if k < 100 {
			k++
		}
	}
	return k
}

// startsWithVowel reports whether s starts with a jungseong or a vowel-like
// rune.
func startsWithVowel(s string) bool {
	if s == "" || s[0] < utf8.RuneSelf {
		return false // neither is ASCII
	}
	c, _ := decodeRune(s, 0)
	return isJungseong(c) || isVowelLike(c)
}

// isChoseong reports whether r is a Hangul leading consonant (the filler
// U+115F is invisible and never in a key).
func isChoseong(r rune) bool {
	return r >= 0x1100 && r <= 0x115E || r >= 0xA960 && r <= 0xA97C
}

// isJungseong reports whether r is a Hangul vowel jamo.
func isJungseong(r rune) bool {
	return r >= 0x1161 && r <= 0x11A7 || r >= 0xD7B0 && r <= 0xD7C6
}

// isVowelLike reports whether r is what the key makes of a Hangul vowel
// that confusables.txt maps out of Hangul: ー (from ᅳ) and 丨 (from ᅵ),
// whose lookalike key is 十. Only after a Hangul initial or vowel do they
// count as vowels.
func isVowelLike(r rune) bool {
	return r == 0x30FC || r == 0x4E28 || r == 0x5341
}

// extends reports whether r continues the grapheme before it: a
// combining mark (ccc ≠ 0 or Mn, Mc, Me) or a Hangul medial or final jamo.
func extends(r rune) bool {
	return r >= 0x300 && runeValue(r)&bitExtend != 0
}

// unitDistance returns the optimal-string-alignment Damerau–Levenshtein
// distance between the graphemes of a and b, or lim+1 if it exceeds lim.
func unitDistance(a, b string, lim int) int {
	return unitDistanceOf(a, b, nil, nil, lim)
}

// unitDistanceOf is unitDistance with the graphemes of a and b if known
// (nil: computed here).
func unitDistanceOf(a, b string, ga, gb []uint64, lim int) int {
	if isASCII(a) && isASCII(b) {
		return osaASCII(a, b, lim) // 3x faster on Latin keys, BenchmarkLookalikes
	}
	if ga == nil {
		var ua [maxUnits]uint64 // cleared only here
		ga = appendUnits(ua[:0], a)
	}
	if gb == nil {
		var ub [maxUnits]uint64
		gb = appendUnits(ub[:0], b)
	}
	return osa(ga, gb, lim)
}

func isASCII(s string) bool {
	// Eight bytes at a time: ASCII bytes have bit 7 clear.
	for ; len(s) >= 8; s = s[8:] {
		w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		if w&0x8080808080808080 != 0 {
			return false
		}
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// osaASCII is osa on the bytes of ASCII keys, whose graphemes are bytes.
func osaASCII(x, y string, lim int) int {
	// A common prefix or suffix never changes the distance (the
	// optimal-string-alignment distance too: TestOSATrim), and near-equal
	// keys are mostly prefix and suffix.
	for len(x) > 0 && len(y) > 0 && x[0] == y[0] {
		x, y = x[1:], y[1:]
	}
	for len(x) > 0 && len(y) > 0 && x[len(x)-1] == y[len(y)-1] {
		x, y = x[:len(x)-1], y[:len(y)-1]
	}
	if len(x) < len(y) {
		x, y = y, x
	}
	if len(x)-len(y) > lim {
		return lim + 1
	}
	if len(y) == 0 {
		return len(x)
	}
	if len(x) <= maxUnits {
		// Cells are at most len(x): bytes, which are cheap to clear.
		var r0, r1, r2 [maxUnits + 1]uint8
		return osaRows(len(x), len(y), func(i, j int) bool { return x[i] == y[j] }, r0[:], r1[:], r2[:], lim)
	}
	n := len(y) + 1
	return osaRows(len(x), len(y), func(i, j int) bool { return x[i] == y[j] }, make([]int, n), make([]int, n), make([]int, n), lim)
}

// osa is the optimal string alignment distance of x and y, cut off above lim.
func osa(x, y []uint64, lim int) int {
	for len(x) > 0 && len(y) > 0 && x[0] == y[0] {
		x, y = x[1:], y[1:]
	}
	for len(x) > 0 && len(y) > 0 && x[len(x)-1] == y[len(y)-1] {
		x, y = x[:len(x)-1], y[:len(y)-1]
	}
	if len(x) < len(y) {
		x, y = y, x
	}
	if len(x)-len(y) > lim {
		return lim + 1
	}
	if len(y) == 0 {
		return len(x)
	}
	if len(x) <= maxUnits {
		var r0, r1, r2 [maxUnits + 1]uint8
		return osaRows(len(x), len(y), func(i, j int) bool { return x[i] == y[j] }, r0[:], r1[:], r2[:], lim)
	}
	n := len(y) + 1
	return osaRows(len(x), len(y), func(i, j int) bool { return x[i] == y[j] }, make([]int, n), make([]int, n), make([]int, n), lim)
}

// osaRows is the optimal-string-alignment dynamic programme over sequences
// of lengths nx >= ny whose elements eq compares, in three rows of at
// least ny+1 cells that can hold nx, cut off above lim.
func osaRows[C uint8 | int](nx, ny int, eq func(i, j int) bool, prev2, prev, cur []C, lim int) int {
	for j := range ny + 1 {
		prev[j] = C(j)
	}
	for i := 1; i <= nx; i++ {
		cur[0] = C(i)
		best := C(i)
		for j := 1; j <= ny; j++ {
			cost := C(1)
			if eq(i-1, j-1) {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && eq(i-1, j-2) && eq(i-2, j-1) {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			best = min(best, v)
		}
		if int(best) > lim {
			return lim + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(int(prev[ny]), lim+1)
}
