package risk

import (
	"math/bits"
	"unicode/utf8"
)

// The table path of NicknameKey. For most runes, NicknameKey works rune by
// rune: a rune's part of the key and of the trace depends on that rune
// alone. The only steps that look across runes are canonical reordering
// (which moves a combining mark before the runes ahead of it) and the rule
// that a nickname of nothing but decoration keeps it. tables_key.go,
// generated from the general path (nicknameKeyRef) by TestTablesUpToDate,
// gives each rune for which that holds its part of the key and trace:
//
//   - Reordering never crosses into a rune's part when, in every round and
//     after every step, that part starts with a starter (combining class 0)
//     or is empty. The generator follows the leading rune of each rune's
//     part through the rounds (keyLeadSafe) and leaves out every rune for
//     which it cannot show that.
//   - A rune's part is its key after "a" (a letter that is its own key),
//     computed by the general path, so decoration is dropped as in any
//     nickname with something kept; the table path only answers for
//     nicknames with a non-empty part, which then keep that part in every
//     round.
//   - The part is a fixed point of the rounds with an empty trace, so the
//     number of rounds the whole nickname takes cannot change it.
//
// TestKeyTableRunes checks every code point and every Hangul syllable
// against the general path, and propKeyTable random nicknames.

// Special entries of keyBlocks; others index keyEntries.
const (
	keyNone   = 0 // the rune needs the general path
	keyPlain  = 1 // the rune is its own part, with an empty trace
	keyHangul = 2 // a Hangul syllable: the parts of its jamo
	keyFirst  = 3
)

// A keyEntries value packs a rune's part: its key bytes
// keyParts[off:off+n], the steps that note the rune itself, and further
// trace items keyTraceItems[t:t+m].
const (
	keyEntryLenShift   = 24
	keyEntryStepsShift = 32
	keyEntryTraceShift = 40
	keyEntryUnitsShift = 52 // runes of the part, if keyEntrySimple
	keyEntrySimple     = 1 << 58
	keyEntryItemsShift = 60
)

// keyRuneSimple reports whether r is a grapheme of its own wherever it
// stands in a key, for appendUnits: it extends nothing and plays no part
// in Hangul syllables. A keyPlain rune is simple. A part is simple
// (keyEntrySimple) when its first rune extends nothing and none of its
// runes plays a part in Hangul syllables: then no grapheme crosses its
// ends, and its graphemes are those of appendUnits on the part alone,
// whose count the entry and whose mask keyEntryMask hold. The graphemes
// of a key made of simple parts are its parts' graphemes.
func keyRuneSimple(r rune) bool {
	return r < 0x300 || runeValue(r)&bitExtend == 0 && !mayBeHangulUnit(r)
}

// keyTraceStepShift is where a keyTraceItems value keeps its step; the low
// bits are the amount it adds to that step's signature.
const keyTraceStepShift = 60

// keyID returns the keyBlocks value of r.
func keyID(r rune) uint16 {
	return keyBlocks[int(keyIndex[r>>blockShift])<<blockShift|int(r&(1<<blockShift-1))]
}

// keyUnits are the grapheme count and mask of a key (see setUnits), valid
// when ok.
type keyUnits struct {
	units int
	mask  uint64
	ok    bool
	most  int // if not ok and > 0: the key has at most that many graphemes
}

// appendKeyTableUnits appends NicknameKey(s) to dst and adds its trace to
// t when every rune of s has a table entry and the key fits in keyBufLen
// bytes; ok is false otherwise (t is then partly noted). u holds the
// graphemes of the key when every part is simple (keyRuneSimple).
//
// When seen is not nil, appendKeyTableUnits also adds the script of every
// rune of s other than ASCII non-letters (Common) to it.
func appendKeyTableUnits(dst []byte, s string, t *keyTrace, seen *scriptSet) (out []byte, u keyUnits, ok bool) {
	// Fewer variables live across the loop, so fewer spills: whether
	// some part was kept is whether the key is not empty (parts are only
	// appended when kept), and acc holds the graphemes in its low 32 bits
	// and, above them, a count of parts that are not simple.
	start := len(dst)
	acc, mask := 0, uint64(0)
	run := 0 // start of the run of keyPlain runes not copied yet
	for i := 0; i < len(s); {
		var id uint16
		var r rune
		n := 1
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			r, id = rune(c), keyBlocks[c]
			if seen != nil && c|0x20-'a' < 26 {
				seen.add(scriptLatin)
			}
		case c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			// Two bytes: Latin, Greek, Cyrillic, Hebrew, Arabic.
			r, n = rune(c&0x1F)<<6|rune(s[i+1]&0x3F), 2
			id = keyID(r)
		case c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			// Three bytes, U+1000..U+CFFF and U+E000..U+FFFF: Han,
			// Hangul, kana, fullwidth forms (the lead bytes without
			// overlong or surrogate forms).
			r, n = rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
			id = keyID(r)
		case c == 0xE0 && i+2 < len(s) && s[i+1] >= 0xA0 && s[i+1] <= 0xBF && s[i+2]&0xC0 == 0x80:
			// Three bytes, U+0800..U+0FFF: Thai, Devanagari.
			r, n = rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
			id = keyID(r)
		case c == 0xF0 && i+3 < len(s) && s[i+1] >= 0x90 && s[i+1] <= 0xBF && s[i+2]&0xC0 == 0x80 && s[i+3]&0xC0 == 0x80:
			// Four bytes, U+10000..U+3FFFF: emoji, mathematical letters.
			r, n = rune(s[i+1]&0x3F)<<12|rune(s[i+2]&0x3F)<<6|rune(s[i+3]&0x3F), 4
			id = keyID(r)
		default:
			// An invalid byte is U+FFFD, as for the general path, which
			// ranges over s; U+FFFD is decoration, never keyPlain, so its
			// bytes are never copied (TestKeyTableRunes).
			r, n = decodeRune(s, i)
			id = keyID(r)
		}
		if seen != nil && c >= utf8.RuneSelf {
			sc := scriptBlocks[int(scriptIndex[r>>blockShift])<<blockShift|int(r&(1<<blockShift-1))]
			seen[sc/64] |= 1 << (sc % 64)
		}
		switch id {
		case keyNone:
			return dst, keyUnits{}, false
		case keyPlain:
			// Copied with its run, before the next part or at the end.
			acc++
			mask |= 1 << (r & 63) // r % 64, r >= 0
			i += n
			continue
		}
		if run < i {
			if len(dst)+i-run > keyBufLen {
				return dst, keyUnits{}, false
			}
			dst = append(dst, s[run:i]...)
		}
		run = i + n
		i += n
		if id == keyHangul {
			if dst, _, ok = appendSyllableEntries(dst, r, false, t); !ok {
				return dst, keyUnits{}, false
			}
			acc |= 1 << 32 // jamo are not simple
			continue
		}
		e := keyEntries[id-keyFirst]
		// The units, and 1<<32 unless the entry is simple.
		acc += int(e>>keyEntryUnitsShift&0x3F) + int(^e&keyEntrySimple)>>(58-32)
		mask |= keyEntryMask[id-keyFirst]
		if e>>keyEntryItemsShift != 0 {
			if dst, _, ok = appendEntry(dst, r, e, false, t); !ok {
				return dst, keyUnits{}, false
			}
			continue
		}
		// The common entry: key bytes and notes of r itself.
		if m := int(e >> keyEntryLenShift & 0xFF); m > 0 {
			if len(dst)+m > keyBufLen {
				return dst, keyUnits{}, false
			}
			off := int(e & (1<<keyEntryLenShift - 1))
			dst = appendShort(dst, keyParts[off:off+m])
		}
		for steps := e >> keyEntryStepsShift & 0xFF; steps != 0; steps &= steps - 1 {
			t.note(bits.TrailingZeros64(steps), r)
		}
	}
	if run < len(s) {
		if len(dst)+len(s)-run > keyBufLen {
			return dst, keyUnits{}, false
		}
		dst = append(dst, s[run:]...)
	}
	return dst, keyUnits{units: acc & (1<<32 - 1), mask: mask, ok: acc>>32 == 0}, len(dst) > start
}

// appendSyllableEntries appends the parts of the jamo of the Hangul
// syllable r, from keyJamo; ok is false if one has no entry.
func appendSyllableEntries(dst []byte, r rune, kept bool, t *keyTrace) (out []byte, keptOut, ok bool) {
	h := int(r - hangulBase)
	l, v, tj := h/(jamoVCount*jamoTCount), h%(jamoVCount*jamoTCount)/jamoTCount, h%jamoTCount
	js := [3]int{l, jamoLCount + v, jamoLCount + jamoVCount + tj}
	rs := [3]rune{jamoLBase + rune(l), jamoVBase + rune(v), jamoTBase + rune(tj)}
	for k := range 3 {
		if k == 2 && tj == 0 {
			break
		}
		id := keyJamo[js[k]]
		if id < keyFirst {
			return dst, kept, false
		}
		if dst, kept, ok = appendEntry(dst, rs[k], keyEntries[id-keyFirst], kept, t); !ok {
			return dst, kept, false
		}
	}
	return dst, kept, true
}

// appendEntry appends the part of r described by e.
func appendEntry(dst []byte, r rune, e uint64, kept bool, t *keyTrace) ([]byte, bool, bool) {
	off, n := int(e&(1<<keyEntryLenShift-1)), int(e>>keyEntryLenShift&0xFF)
	if n > 0 {
		if len(dst)+n > keyBufLen {
			return dst, kept, false
		}
		dst = append(dst, keyParts[off:off+n]...)
		kept = true
	}
	for steps := e >> keyEntryStepsShift & 0xFF; steps != 0; steps &= steps - 1 {
		t.note(bits.TrailingZeros64(steps), r)
	}
	if m := int(e >> keyEntryItemsShift); m > 0 {
		ti := int(e >> keyEntryTraceShift & (1<<(keyEntryUnitsShift-keyEntryTraceShift) - 1))
		for _, it := range keyTraceItems[ti : ti+m] {
			t[it>>keyTraceStepShift] += it & (1<<keyTraceStepShift - 1)
		}
	}
	return dst, kept, true
}

// decodeRune is utf8.DecodeRuneInString(s[i:]) for i < len(s) and
// s[i] >= utf8.RuneSelf, with the well-formed forms decoded here (Go's
// calls a second function for every multi-byte rune). TestDecodeRune
// checks it against utf8.DecodeRuneInString.
func decodeRune(s string, i int) (rune, int) {
	c := s[i]
	switch {
	case c >= 0xC2 && c <= 0xDF:
		if i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), 2
		}
	case c >= 0xE0 && c <= 0xEF:
		if i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 &&
			(c != 0xE0 || s[i+1] >= 0xA0) && (c != 0xED || s[i+1] < 0xA0) {
			return rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
		}
	case c >= 0xF0 && c <= 0xF4:
		if i+3 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 && s[i+3]&0xC0 == 0x80 &&
			(c != 0xF0 || s[i+1] >= 0x90) && (c != 0xF4 || s[i+1] < 0x90) {
			return rune(c&0x07)<<18 | rune(s[i+1]&0x3F)<<12 | rune(s[i+2]&0x3F)<<6 | rune(s[i+3]&0x3F), 4
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}

// syllableUnits appends the graphemes of NicknameKey(s), as appendUnits
// would, when s is nothing but Hangul syllables whose jamo parts keep
// their roles (keyJamoUnit): then the key is the syllables' parts
// L' V' T' one after the other, and appendUnits makes each one unit. L' is
// one choseong, which starts a unit; V' runes (jungseong or vowel-like)
// continue it; T' choseong are finals, because the run of choseong after
// V' holds T' and the next L' (one choseong) and ends at the next V' or at
// the end of the key (choseongFinals); T' jongseong continue the unit too.
// The unit hash chains the part runes as appendUnits does. ok is false
// otherwise. TestSyllableUnits checks it against appendUnits.
func syllableUnits(dst []uint64, s string) (units []uint64, ok bool) {
	if s == "" || len(s)%3 != 0 || len(s)/3 > cap(dst)-len(dst) {
		return dst, false
	}
	for i := 0; i < len(s); i += 3 {
		c, c1, c2 := s[i], s[i+1], s[i+2]
		if c < 0xEA || c > 0xED || c1&0xC0 != 0x80 || c2&0xC0 != 0x80 {
			return dst, false
		}
		u, ok := syllableUnit(rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F))
		if !ok {
			return dst, false
		}
		dst = append(dst, u)
	}
	return dst, true
}

// syllableUnit returns the grapheme hash of the key of the Hangul syllable
// r, for syllableUnits: ok is false when r is no syllable with a keyHangul
// entry whose jamo keep their roles.
func syllableUnit(r rune) (u uint64, ok bool) {
	l, v, t, ok := syllableJamo(r)
	if !ok || !keyJamoUnit[l] {
		return 0, false
	}
	// The parts' runes are jamo, 十 or ー: three bytes each
	// (TestSyllableUnits covers every jamo). L' is one rune.
	return chainJamo(uint64(jamoPartRune(l, 0)), v, t), true
}

// syllableJamo returns the keyJamo indexes of the initial, vowel and final
// of the Hangul syllable r (t is jamoLCount+jamoVCount for none); ok is
// false when r is no syllable with a keyHangul entry or when its vowel or
// final does not keep its role (keyJamoUnit).
func syllableJamo(r rune) (l, v, t int, ok bool) {
	if r < hangulBase || r >= hangulBase+11172 || keyID(r) != keyHangul {
		return 0, 0, 0, false
	}
	h := int(r - hangulBase)
	l, v, t = h/(jamoVCount*jamoTCount), jamoLCount+h%(jamoVCount*jamoTCount)/jamoTCount, jamoLCount+jamoVCount+h%jamoTCount
	if !keyJamoUnit[v] || t > jamoLCount+jamoVCount && !keyJamoUnit[t] {
		return 0, 0, 0, false
	}
	return l, v, t, true
}

// jamoPartRune returns the rune at byte k of the part of the jamo with
// keyJamo index j, whose runes are three bytes long.
func jamoPartRune(j, k int) rune {
	e := keyEntries[keyJamo[j]-keyFirst]
	p := keyParts[int(e&(1<<keyEntryLenShift-1))+k:]
	return rune(p[0]&0x0F)<<12 | rune(p[1]&0x3F)<<6 | rune(p[2]&0x3F)
}

// chainJamo chains the runes of the parts of the vowel v and the final t
// (keyJamo indexes) onto the grapheme hash u, as appendUnits does.
func chainJamo(u uint64, v, t int) uint64 {
	for _, j := range [2]int{v, t} {
		if j == jamoLCount+jamoVCount {
			break // no final
		}
		e := keyEntries[keyJamo[j]-keyFirst]
		p := keyParts[e&(1<<keyEntryLenShift-1) : e&(1<<keyEntryLenShift-1)+e>>keyEntryLenShift&0xFF]
		for ; len(p) >= 3; p = p[3:] {
			jr := rune(p[0]&0x0F)<<12 | rune(p[1]&0x3F)<<6 | rune(p[2]&0x3F)
			u = (u ^ 0xcbf29ce484222325 ^ uint64(jr)) * 0x100000001b3
		}
	}
	return u
}

// appendSyllablesKey is appendKeyTableUnits for nicknames made only of Hangul
// syllables (keyHangul), in one tight loop: a syllable's part is the parts
// of its jamo, from keyJamo. ok is false for any other nickname.
//
// It adds the trace to t (partly noted when ok is false). syllables is
// the number of graphemes of the key when every syllable's
// jamo keep their roles (see syllableUnits), else 0.
func appendSyllablesKey(dst []byte, s string, t *keyTrace) (out []byte, syllables int, ok bool) {
	if s == "" || len(s)%3 != 0 {
		return dst, 0, false
	}
	units := true
	for i := 0; i < len(s); i += 3 {
		c, c1, c2 := s[i], s[i+1], s[i+2]
		if c < 0xEA || c > 0xED || c1&0xC0 != 0x80 || c2&0xC0 != 0x80 {
			return dst, 0, false
		}
		r := rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
		h := int(r - hangulBase)
		if uint(h) >= 11172 || keyID(r) != keyHangul {
			return dst, 0, false
		}
		l, v, tj := h/(jamoVCount*jamoTCount), h%(jamoVCount*jamoTCount)/jamoTCount, h%jamoTCount
		units = units && keyJamoUnit[l] && keyJamoUnit[jamoLCount+v] &&
			(tj == 0 || keyJamoUnit[jamoLCount+jamoVCount+tj])
		if dst, ok = appendJamoEntry(dst, keyJamo[l], jamoLBase+rune(l), t); !ok {
			return dst, 0, false
		}
		if dst, ok = appendJamoEntry(dst, keyJamo[jamoLCount+v], jamoVBase+rune(v), t); !ok {
			return dst, 0, false
		}
		if tj != 0 {
			if dst, ok = appendJamoEntry(dst, keyJamo[jamoLCount+jamoVCount+tj], jamoTBase+rune(tj), t); !ok {
				return dst, 0, false
			}
		}
	}
	if units {
		return dst, len(s) / 3, true
	}
	return dst, 0, true
}

// appendJamoEntry appends the part of the jamo jr, whose keyJamo value is
// id, and notes its trace; ok is false if it has no entry or the key
// outgrows keyBufLen. Most jamo parts are one jamo of three bytes with at
// most one step and no further items, appended here (inlined); the rest
// take appendJamoEntrySlow.
func appendJamoEntry(dst []byte, id uint16, jr rune, t *keyTrace) (out []byte, ok bool) {
	if id >= keyFirst && len(dst)+3 <= keyBufLen {
		e := keyEntries[id-keyFirst]
		steps := e >> keyEntryStepsShift & 0xFF
		if e&(0xF<<keyEntryItemsShift|0xFF<<keyEntryLenShift) == 3<<keyEntryLenShift && steps&(steps-1) == 0 {
			p := keyParts[e&(1<<keyEntryLenShift-1):][:3]
			if steps != 0 {
				t.note(bits.TrailingZeros64(steps), jr)
			}
			return append(dst, p[0], p[1], p[2]), true
		}
	}
	return appendJamoEntrySlow(dst, id, jr, t)
}

// appendJamoEntrySlow is appendJamoEntry for every entry.
func appendJamoEntrySlow(dst []byte, id uint16, jr rune, t *keyTrace) (out []byte, ok bool) {
	if id < keyFirst {
		return dst, false
	}
	e := keyEntries[id-keyFirst]
	if e>>keyEntryItemsShift != 0 {
		dst, _, ok = appendEntry(dst, jr, e, true, t)
		return dst, ok
	}
	off, m := int(e&(1<<keyEntryLenShift-1)), int(e>>keyEntryLenShift&0xFF)
	if len(dst)+m > keyBufLen {
		return dst, false
	}
	dst = appendShort(dst, keyParts[off:off+m])
	for steps := e >> keyEntryStepsShift & 0xFF; steps != 0; steps &= steps - 1 {
		t.note(bits.TrailingZeros64(steps), jr)
	}
	return dst, true
}
