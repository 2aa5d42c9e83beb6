package risk

import (
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/transferguard/transferguard/internal/han"
)

// NicknameKey returns the comparison key of a nickname: two nicknames that
// look alike to a payer tend to have equal keys. It extends [Skeleton] with
// the steps below, applied in this order and repeated until the key no
// longer changes (at most four rounds):
//
//  1. Invisible characters are dropped: format characters (zero-width
//     space and joiners, bidi controls, tags, soft hyphen), controls,
//     variation selectors and the other default-ignorable code points
//     (fillers U+115F, U+1160, U+3164, U+FFA0, CGJ), and U+2800.
//  2. NFKC folds styled letters (mathematical, circled, fullwidth,
//     halfwidth) to plain ones.
//  3. Decoration is stripped wherever it stands: punctuation, symbols
//     (emoji included), white space and enclosing marks, so "🌸小美🌸",
//     "★Alice★", "A.l.i.c.e" and "A l i c e" lose them. A nickname made
//     only of decoration keeps it (otherwise all such nicknames would
//     share the empty key).
//  4. Han characters fold to one form (traditional/simplified, Z-variants,
//     compatibility ideographs: han.Fold), and
//  5. visually confusable Han characters fold to their lookalike cluster's
//     representative (han.LookalikeKey: the machine-learned CJK
//     confusables, Unihan kSpoofingVariant, TR39's Han pairs and curated
//     groups such as 己/已/巳, in clusters capped in size by internal/han).
//  6. The [Skeleton] maps confusables (Cyrillic а, digit 0, "m" ~ "rn").
//  7. Case is folded to lower case (after the skeleton, whose prototypes
//     are partly upper case: "I" and "l" share the prototype "l").
//
// A key is for comparison only, never for display. NicknameKey(k) == k for
// every key k. It returns s without allocating when s is its own key, and
// allocates the result once otherwise (nicknames up to 64 code points; the
// slow path's buffers move to the heap beyond that). It is safe for
// concurrent use.
func NicknameKey(s string) string {
	k, _ := nicknameKey(s, &defaultKeyOptions)
	return k
}

// keyOptions switches NicknameKey's steps, for tests.
type keyOptions struct {
	keepInvisible, noNFKC, keepDecoration, noHanFold, noHanLookalike, noSkeleton, noCaseFold bool
}

var defaultKeyOptions = keyOptions{}

// Steps of NicknameKey, indexing keyTrace.
const (
	stepInvisible = iota
	stepNFKC
	stepDecoration
	stepHanVariant
	stepCJKLookalike
	stepSkeleton
	stepCase
	numSteps
)

// keyTrace records, per step, a signature of what the step changed: the
// number of changed runes and the sum of the runes it changed. Two
// nicknames whose signatures differ for a step differ in what that step
// removed, which is how CompareNicknames tells its reasons apart.
type keyTrace [numSteps]uint64

func (t *keyTrace) note(step int, r rune) {
	t[step] += 1<<40 | uint64(r)
}

// asciiKey maps an ASCII byte to its one-byte key (0: dropped, 1: "rn").
// TestASCIIKey checks it against the general path.
const asciiKey = "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00ol23456789\x00\x00\x00\x00\x00\x00\x00abcdefghljkl\x01nopqrstuvwxyz\x00\x00\x00\x00\x00\x00abcdefghijkl\x01nopqrstuvwxyz\x00\x00\x00\x00\x00"

// keyBufLen is the size of the caller's buffer for nicknameKeyInto: keys up
// to that many bytes need no heap.
const keyBufLen = 128

// nicknameKey computes the key and its trace. The key is s itself or a
// fresh string.
func nicknameKey(s string, o *keyOptions) (string, keyTrace) {
	var buf [keyBufLen]byte
	k, n, tr := nicknameKeyInto(&buf, s, o)
	if n >= 0 {
		return string(buf[:n]), tr // one copy out of the stack buffer
	}
	return k, tr
}

// nicknameKeyInto computes the key and its trace without allocating for
// keys up to keyBufLen bytes: the key is buf[:n] when n >= 0, valid while
// buf is unchanged; otherwise it is k, which is s itself or, for longer
// keys, a heap string. (The two results keep buf from escaping.)
func nicknameKeyInto(buf *[keyBufLen]byte, s string, o *keyOptions) (k string, n int, tr keyTrace) {
	if *o != defaultKeyOptions {
		return nicknameKeyGeneral(buf, s, o, tr)
	}
	var in nickInfo
	k, n = in.keyInto(buf, s, false)
	return k, n, in.trace
}

// nicknameKeyUnits is nicknameKeyInto for the default options; it also
// returns the graphemes of the key when the path that computed it knows
// them.
func nicknameKeyUnits(buf *[keyBufLen]byte, s string) (k string, n int, tr keyTrace, u keyUnits) {
	var in nickInfo
	k, n = in.keyInto(buf, s, false)
	return k, n, in.trace, keyUnits{units: in.units, mask: in.mask, ok: in.unitsKnown, most: int(in.unitsMost)}
}

// keyInto computes the key of s (default options) as nicknameKeyInto
// does and returns it in the same form; the caller sets in.key to
// keyOf(buf, k, n) (storing it here would move buf to the heap). in must
// be zero. keyInto sets in's trace, and its graphemes (units, mask) when
// the path that computed the key knows them: the ASCII path (whose key is
// ASCII: keyASCII; s is then ASCII too, so not mixed-script) and the key
// table path when every part is simple; or a bound on them (unitsMost)
// from the Hangul path.
//
// With scripts, for an s that is not ASCII, keyInto skips the ASCII path
// and also sets mixed (and mixedKnown) when a table path computed the key,
// from the scripts of the runes it decoded.
func (in *nickInfo) keyInto(buf *[keyBufLen]byte, s string, scripts bool) (k string, n int) {
	var out []byte
	var mask uint64
	same, ok, ascii := false, false, false
	if !scripts {
		out, mask, same, ok, ascii = appendASCIIKeyUnits(buf[:0], s, &in.trace)
	}
	if ok {
		in.unitsKnown, in.keyASCII, in.mask, in.mixedKnown = true, true, mask, true
		if same {
			in.units = len(s)
			return s, -1
		}
		in.units = len(out)
		if len(out) > keyBufLen {
			return string(out), -1
		}
		return "", len(out)
	}
	if ascii {
		// The ASCII path refused s, maybe after noting something: s is
		// ASCII decoration only (or empty), which the table paths refuse
		// too.
		k, n, in.trace = nicknameKeyGeneral(buf, s, &defaultKeyOptions, in.trace)
		return k, n
	}
	// in.trace is empty: the table paths note into it, and it is reset
	// when they refuse.
	ok = false
	if s != "" && s[0] >= 0xEA && s[0] <= 0xED { // a Hangul syllable first
		var syllables int
		out, syllables, ok = appendSyllablesKey(buf[:0], s, &in.trace)
		if !ok {
			in.trace = keyTrace{}
		} else if scripts {
			// Hangul syllables only: one script, not mixed.
			in.mixed, in.mixedKnown = false, true
		}
		in.unitsMost = int32(syllables)
	}
	if !ok {
		var u keyUnits
		var set scriptSet
		seen := (*scriptSet)(nil)
		if scripts {
			seen = &set
		}
		var n int
		n, u, ok = keyTableInto(buf, s, &in.trace, seen)
		out = buf[:n]
		in.units, in.mask, in.unitsKnown = u.units, u.mask, u.ok
		if ok && scripts {
			in.mixed, in.mixedKnown = set.mixed(), true
		}
	}
	if ok {
		if string(out) == s {
			return s, -1
		}
		return "", len(out)
	}
	in.units, in.mask, in.unitsKnown = 0, 0, false
	k, n, in.trace = nicknameKeyGeneral(buf, s, &defaultKeyOptions, keyTrace{})
	return k, n
}

// nicknameKeyRef is nicknameKeyInto without the table paths
// (appendSyllablesKey, keyTableInto): the reference that generates
// tables_key.go and that the key table tests compare the table paths with.
func nicknameKeyRef(buf *[keyBufLen]byte, s string, o *keyOptions) (k string, n int, tr keyTrace) {
	if *o == defaultKeyOptions {
		if out, same, ok := appendASCIINicknameKey(buf[:0], s, &tr); ok {
			if same {
				return s, -1, tr
			}
			if len(out) > keyBufLen {
				return string(out), -1, tr
			}
			return "", len(out), tr
		}
	}
	return nicknameKeyGeneral(buf, s, o, tr)
}

// nicknameKeyGeneral is the general path of nicknameKeyInto: the rounds of
// NicknameKey's steps, continuing the trace tr.
func nicknameKeyGeneral(buf *[keyBufLen]byte, s string, o *keyOptions, tr keyTrace) (string, int, keyTrace) {
	if *o == defaultKeyOptions && isOwnKey(s) {
		return s, -1, tr
	}
	var b1, b2 [128]byte
	cur, next := b1[:0], b2[:0]
	t := s
	for range 4 {
		out, stable, ok := []byte(nil), false, false
		if *o == defaultKeyOptions {
			out, stable, ok = appendKeyRoundFused(next[:0], t, &tr)
		}
		if !ok {
			out, stable = appendKeyRound(next[:0], t, o, &tr)
		}
		if string(out) == t {
			break
		}
		t = bytesString(out) // valid until next is reused two rounds on
		cur, next = out, cur
		if stable {
			break
		}
	}
	if t == s {
		return s, -1, tr
	}
	if len(t) > keyBufLen {
		return string([]byte(t)), -1, tr
	}
	return "", copy(buf[:], t), tr
}

// keyOf returns the key that nicknameKeyInto described.
func keyOf(buf *[keyBufLen]byte, k string, n int) string {
	if n >= 0 {
		return bytesString(buf[:n])
	}
	return k
}

// isOwnKey reports cheaply whether s is certainly its own key: no rune of
// it is invisible, decoration, mapped by confusables, decomposable, a
// Hangul syllable, changed by lower-casing or folded by internal/han, and
// its combining marks are in canonical order. It
// saves the general path's buffers for most Han and already-folded
// nicknames.
func isOwnKey(s string) bool {
	if s == "" {
		return false
	}
	var prev uint8 // combining class of the previous rune
	for _, r := range s {
		nv := normValue(r)
		c := uint8(nv)
		if r == utf8.RuneError ||
			runeValue(r)&(bitMapped|bitInvisible|bitDecoration|bitLower) != 0 ||
			nv>>8 != 0 || c != 0 && c < prev || // canonical ordering would move r
			r >= hangulBase && r < hangulBase+11172 ||
			mayBeHan(r) && han.LookalikeKey(r) != r {
			return false
		}
		prev = c
	}
	return true
}

// asciiNicknameKey is NicknameKey's fast path for ASCII nicknames that keep
// at least one character. ok is false when s needs the general path.
func asciiNicknameKey(s string, tr *keyTrace) (string, bool) {
	var buf [keyBufLen]byte
	out, same, ok := appendASCIINicknameKey(buf[:0], s, tr)
	if !ok || same {
		return s, ok
	}
	return string(out), true
}

// asciiKeyOwn reports, per byte, whether it is an ASCII character that
// is its own one-byte key (asciiKey; TestASCIIKeyOwn).
var asciiKeyOwn = [256]bool{
	'2': true, '3': true, '4': true, '5': true, '6': true, '7': true, '8': true, '9': true,
	'a': true, 'b': true, 'c': true, 'd': true, 'e': true, 'f': true, 'g': true, 'h': true,
	'i': true, 'j': true, 'k': true, 'l': true, 'n': true, 'o': true, 'p': true, 'q': true,
	'r': true, 's': true, 't': true, 'u': true, 'v': true, 'w': true, 'x': true, 'y': true, 'z': true,
}

// appendASCIINicknameKey appends the key of an ASCII nickname to dst, or
// reports same when s is its own key (dst unchanged). ok is false when s
// needs the general path.
func appendASCIINicknameKey(dst []byte, s string, tr *keyTrace) (out []byte, same, ok bool) {
	out, _, same, ok, _ = appendASCIIKeyUnits(dst, s, tr)
	return out, same, ok
}

// appendASCIIKeyUnits is appendASCIINicknameKey that also returns the mask
// of the key's graphemes, its bytes, as setUnits computes it, and whether
// s is ASCII (when it is not, tr is unchanged).
func appendASCIIKeyUnits(dst []byte, s string, tr *keyTrace) (out []byte, mask uint64, same, ok, ascii bool) {
	// A prefix of bytes that are their own keys: the key starts with it.
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if !asciiKeyOwn[c] {
			break
		}
		mask |= 1 << (c % 64)
	}
	if i == len(s) {
		return dst, mask, s != "", s != "", true
	}
	if !isASCII(s[i:]) {
		return dst, 0, false, false, false
	}
	out = append(dst, s[:i]...)
	start := len(dst)
	for ; i < len(s); i++ {
		c := s[i]
		switch k := asciiKey[c]; {
		case k == 0:
			if c < 0x20 || c == 0x7F {
				tr.note(stepInvisible, rune(c))
			} else {
				tr.note(stepDecoration, rune(c))
			}
		case k == 1: // the general path lower-cases M, then maps m
			if c == 'M' {
				tr.note(stepCase, 'M')
			}
			tr.note(stepSkeleton, 'm')
			out = append(out, 'r', 'n')
			mask |= 1<<('r'%64) | 1<<('n'%64)
		default:
			switch {
			case c == k:
			case c >= 'A' && c <= 'Z' && k == c+'a'-'A':
				tr.note(stepCase, rune(c))
			case c == '0': // maps to O, then lower case
				tr.note(stepSkeleton, '0')
				tr.note(stepCase, 'O')
			default:
				tr.note(stepSkeleton, rune(c))
			}
			out = append(out, k)
			mask |= 1 << (k % 64)
		}
	}
	if len(out) == start {
		// Only decoration: the general path keeps it. tr keeps what was
		// noted here, as it always has.
		return dst, 0, false, false, true
	}
	return out, mask, false, true, true
}

// appendKeyRoundFused is appendKeyRound for the default options in one
// pass over s, without intermediate buffers. It applies when canonical
// ordering has nothing to do, neither on the decomposed input (step 2) nor
// on the mapped output (step 6): the combining classes of every run of
// combining marks already rise. ok is false otherwise, and when nothing but
// decoration remains; dst and tr are then unchanged.
// TestKeyRoundFused checks that it agrees with appendKeyRound.
func appendKeyRoundFused(dst []byte, s string, tr *keyTrace) (out []byte, stable, ok bool) {
	start, t := len(dst), *tr
	stable = true
	kept := false
	var prevIn, prevOut uint8 // combining classes of the last input and output runes
	emit := func(r rune) bool {
		c := ccc(r)
		if c != 0 && c < prevOut {
			return false
		}
		prevOut = c
		dst, stable = appendKeyRune(dst, r, stable, &t)
		return true
	}
	var dec [4]rune
	for _, r := range s {
		v := runeValue(r)
		if v&bitInvisible != 0 {
			t.note(stepInvisible, r)
			continue
		}
		ds := dec[:1]
		dec[0] = r
		if nv := normValue(r); nv>>8 != 0 || r >= hangulBase && r < hangulBase+11172 {
			ds = appendDecomposition(dec[:0], r, true)
			if nv>>32 != 0 && v&bitDecoration == 0 {
				t.note(stepNFKC, r)
			}
		}
		for _, d := range ds {
			dv := v
			if d != r {
				dv = runeValue(d)
			}
			c := ccc(d)
			if c != 0 && c < prevIn {
				return dst[:start], false, false // step 2 would reorder
			}
			prevIn = c
			if dv&bitDecoration != 0 {
				t.note(stepDecoration, d)
				continue
			}
			kept = true
			if f := foldHan(d, &defaultKeyOptions, &t); f != d {
				if normValue(f)>>8 != 0 {
					return dst[:start], false, false
				}
				d, dv = f, runeValue(f)
			}
			if dv&bitMapped == 0 {
				if !emit(d) {
					return dst[:start], false, false // step 6 would reorder
				}
				continue
			}
			t.note(stepSkeleton, d)
			for _, p := range piece(dv & kindMask) {
				var none keyTrace
				if !emit(foldHan(p, &defaultKeyOptions, &none)) {
					return dst[:start], false, false
				}
			}
		}
	}
	if !kept {
		return dst[:start], false, false
	}
	*tr = t
	return dst, stable, true
}

// appendKeyRune is step 7 for one rune: lower case, and the stable check.
func appendKeyRune(dst []byte, r rune, stable bool, tr *keyTrace) ([]byte, bool) {
	v := runeValue(r)
	if v&bitLower != 0 {
		tr.note(stepCase, r)
		r = unicode.ToLower(r)
		v = runeValue(r)
		if r == 'm' {
			// "M" lower-cases to "m", which the skeleton maps to "rn": do
			// here what the next round would do, and save that round.
			tr.note(stepSkeleton, r)
			return append(dst, 'r', 'n'), stable
		}
	}
	if v&(bitMapped|bitInvisible|bitDecoration) != 0 || normValue(r)>>8 != 0 ||
		r >= hangulBase && r < hangulBase+11172 {
		stable = false
	}
	return utf8.AppendRune(dst, r), stable
}

// appendKeyRound appends one round of NicknameKey's steps applied to s. It
// works on stack buffers of 64 runes (the heap beyond that). stable
// reports that another round cannot change the result: no rune of it is
// invisible, decoration, mapped by confusables, decomposable or a Hangul
// syllable (Han runes in it are already lookalike keys).
func appendKeyRound(dst []byte, s string, o *keyOptions, tr *keyTrace) (out []byte, stable bool) {
	var b1, b2 [64]rune
	// Steps 1 and 2: drop invisible characters; NFKD, which gives the same
	// key as NFKC because step 6 normalises to NFD anyway, and which needs
	// no recomposition.
	t := b1[:0]
	for _, r := range s {
		if runeValue(r)&bitInvisible != 0 && !o.keepInvisible {
			tr.note(stepInvisible, r)
			continue
		}
		t = appendDecomposition(t, r, !o.noNFKC)
		if !o.noNFKC && normValue(r)>>32 != 0 && runeValue(r)&bitDecoration == 0 {
			tr.note(stepNFKC, r) // styled letters; a styled space is decoration
		}
	}
	reorder(t)
	// Steps 3–5: decoration, Han variants, CJK lookalikes.
	u := b2[:0]
	for _, r := range t {
		if runeValue(r)&bitDecoration != 0 && !o.keepDecoration {
			continue
		}
		u = append(u, foldHan(r, o, tr))
	}
	if len(u) == 0 {
		// Only decoration: keep it (documented on NicknameKey).
		u = append(u, t...)
	} else if len(u) < len(t) {
		for _, r := range t {
			if runeValue(r)&bitDecoration != 0 {
				tr.note(stepDecoration, r)
			}
		}
	}
	// Step 6: skeleton (UTS #39 §4: NFD, map, NFD).
	if !o.noSkeleton {
		t = t[:0]
		for _, r := range u {
			n := len(t)
			t = appendMappedNFD(t, r)
			if runeValue(r)&bitMapped == 0 {
				continue
			}
			tr.note(stepSkeleton, r)
			// Confusables can map to Han (Hangul jamo ᅵ to 丨): fold those
			// now, which saves a round.
			for i := n; i < len(t); i++ {
				var none keyTrace
				t[i] = foldHan(t[i], o, &none)
			}
		}
		reorder(t)
		u = t
	}
	// Step 7: lower case.
	if *o == defaultKeyOptions {
		stable = true
		for _, r := range u {
			dst, stable = appendKeyRune(dst, r, stable, tr)
		}
		return dst, stable
	}
	for _, r := range u {
		if !o.noCaseFold && runeValue(r)&bitLower != 0 {
			tr.note(stepCase, r)
			r = unicode.ToLower(r)
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst, false
}

// appendMappedNFD appends the confusables mapping of each rune of NFD(r).
func appendMappedNFD(dst []rune, r rune) []rune {
	if r >= hangulBase && r < hangulBase+11172 {
		var j [3]rune
		for _, c := range appendDecomposed(j[:0], r) {
			dst = appendMapped(dst, c)
		}
		return dst
	}
	d := decomposition(int(normValue(r) >> 8 & 0xFFFFFF))
	if d == "" {
		return appendMapped(dst, r)
	}
	for _, c := range d {
		dst = appendMapped(dst, c)
	}
	return dst
}

// bytesString returns b as a string without copying. The caller must not
// modify b while the string is in use; AppendSkeleton does not retain it.
func bytesString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// mayBeHan reports whether r can be a Han character: Script=Han in Go's
// Unicode 15.0 tables, or unassigned there (Extensions I and J came later).
// It saves internal/han's binary search for the other scripts.
func mayBeHan(r rune) bool {
	if r < 0x2E80 {
		return false
	}
	sc := scriptOf(r)
	return sc == scriptHan || sc == 0
}

// foldHan applies steps 4 and 5 to r.
func foldHan(r rune, o *keyOptions, tr *keyTrace) rune {
	if !mayBeHan(r) || o.noHanFold && o.noHanLookalike {
		return r
	}
	k := r
	if !o.noHanLookalike {
		k = han.LookalikeKey(r) // LookalikeKey includes han.Fold
	}
	if k == r && !o.noHanLookalike {
		return r
	}
	f := han.Fold(r)
	switch {
	case o.noHanFold && k == f:
		k = r // keep step 4 off in tests
	case o.noHanLookalike:
		k = f
	}
	if f != r && !o.noHanFold {
		tr.note(stepHanVariant, r)
	}
	if k != f && k != r {
		tr.note(stepCJKLookalike, f)
	}
	return k
}
