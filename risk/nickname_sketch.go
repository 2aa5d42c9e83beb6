package risk

import (
	"math/bits"
	"unicode/utf8"
)

// A key sketch is what CompareNicknames needs to reject most pairs of
// nicknames without building their keys: the grapheme count and mask of
// NicknameKey(s), as setUnits computes them from the key, read straight
// from the key tables. Two nicknames are a lookalike only when their keys
// are equal or within editLimit graphemes of each other, and either needs
// grapheme counts within the limit and masks that differ in at most two
// bits per edit (keyDistance's own bounds), so a pair whose sketches fail
// those bounds is no lookalike whatever the keys are. Most pairs of
// unrelated nicknames fail them, at a fraction of the cost of two keys.

// sketchKey returns the grapheme count and mask of NicknameKey(s) when the
// key tables give them exactly, and ok; ok is false otherwise, and when the
// key would be empty (a nickname of nothing but decoration keeps it, which
// the tables do not say). checkKeyTable checks it against setUnits on
// NicknameKey, for every code point in context (TestKeyTableRunes), every
// Hangul syllable between others (TestSketchKeyHangul) and random
// nicknames (TestKeyTableRandom, FuzzKeyTable).
//
// When every rune of s has a key table entry, the key is the
// concatenation of the runes' parts (see keyTableInto). The
// graphemes of the key are those of appendUnits, which sketchKey follows
// part by part:
//   - ASCII bytes have one-byte parts (asciiKey; "rn" for m), which
//     TestASCIIKeyTable checks against the key table.
//   - A simple part (keyRuneSimple) starts a grapheme and ends its last
//     one unless a mark follows, so it adds its grapheme count and mask.
//     A keyPlain rune is a simple part of one grapheme whose hash is the
//     rune.
//   - A part that is one combining mark (extends, and no Hangul) extends
//     the grapheme before it, whose hash appendUnits chains with the mark:
//     so the hash of the key's last grapheme is kept out of the mask until
//     the next grapheme starts, when the table or the rune gives it
//     (keyPlain, ASCII, a syllable), and a mark after a longer simple part,
//     whose last hash the table does not hold, ends the sketch. A mark that
//     begins the key begins a grapheme.
//   - A Hangul syllable whose jamo keep their roles is one grapheme
//     (syllableUnit), between simple parts too: their runes play no part in
//     syllables, so appendUnits starts a grapheme at the syllable's initial
//     and at the part after its last jamo.
//
// A rune without an entry whose keyMarkRunes part keyRare takes (keyMarkID)
// counts as a rune with that entry: the key is still the concatenation of
// the parts.
//
// Anything else (runes without an entry, other parts that are not simple,
// a mark after a part of more graphemes, syllables whose jamo do not keep
// their roles and whose initial is no doubled choseong) ends the sketch
// with ok false.
//
// sketchFast finds most sketches, and that most nicknames without one
// have none, in a loop without branches per rune; sketchMarks, which
// follows the list above one rune at a time, takes the rest.
func sketchKey(s string) (units int, mask uint64, ok bool) {
	units, mask, res := sketchFast(s)
	switch res {
	case sketchDone:
		return units, mask, units > 0
	case sketchNone:
		return 0, 0, false
	}
	return sketchMarks(s)
}

// What sketchFast and sketchMarked found: the sketch, that s has none
// (sketchMarks would say so too: a rune of valid UTF-8 without a key
// table entry or keyMarkRunes part, or a part that is not simple and no
// mark), or neither,
// which sketchMarks tells.
const (
	sketchUnknown = iota
	sketchDone
	sketchNone
)

// sketchSimple reports sketchFast's sketch, and done when it found one.
// checkKeyTable checks it against sketchMarks on every nickname it sees.
func sketchSimple(s string) (units int, mask uint64, done bool) {
	units, mask, res := sketchFast(s)
	return units, mask, res == sketchDone
}

// sketchFast is sketchKey without sketchMarks: it returns the sketch of s
// (sketchDone), sketchNone when s has none, or sketchUnknown: for invalid
// UTF-8, a lead byte 0xF4, nicknames shorter than four bytes that are not
// ASCII, and the few marks that sketchMarked leaves. TestSketchFast,
// TestSketchSimpleBytes and TestSketchSimpleHangul check it against
// sketchMarks.
//
// Nicknames of simple parts (ASCII included) and Hangul syllables take its
// own loop, with less state: every simple part starts a grapheme and
// leaves none of its graphemes for a later rune to extend, so each rune's
// mask bits go into mask at once. At the first part that is not simple
// (most often a combining mark) it starts over with sketchMarked, which
// keeps the last grapheme's hash.
//
// A run of ASCII at the start (all of many nicknames) takes a byte at a
// time. After it, each rune is decoded from the four bytes at its start
// without a branch per length (sketchLoad, utf8Leads, decodeLead, as
// keyRun does), decodeLead's check is gathered in invalid without a
// branch, and every simple part's graphemes and mask are added without a
// branch on the kind of part, which mixes within a nickname (homoglyphs,
// decoration): a keyPlain rune's mask bit is its own. utf8Leads refuses
// the surrogates after a lead byte 0xED, which makes invalid non-zero;
// they are keyNone too (TestSketchSurrogates), which ends the loop, and
// sketchMarked leaves them to sketchMarks, which reads U+FFFD.
//
// Hangul syllables (keyHangul) are what sketchMarks makes of them, with
// only the low six bits of their grapheme hashes, which are all that a
// mask bit needs: a hash is chained by xor and multiplication, whose low
// six bits depend only on the low six bits of their operands, so
// keyJamoChain chains a jamo's part onto those bits alone (see
// syllableSketch.add).
func sketchFast(s string) (units int, mask uint64, res int) {
	// ASCII first, a byte at a time: all of many nicknames, and the
	// start of more. An ASCII byte's key table id is keyBlocks[c]
	// (keyIndex[0] is 0).
	i := 0
	for ; i < len(s) && s[i] < utf8.RuneSelf; i++ {
		c := s[i]
		w := keyWords[uint16(keyBlocks[c])]
		units += int(w >> keyWordUnitsShift)
		plain := -(w >> 54 & 1) // all ones for keyPlain (keyWordPlain)
		mask |= keyMasks[uint16(keyBlocks[c])] | runeBits[c&63]&plain
	}
	if i == len(s) {
		if units >= keyWordNotSimple {
			return 0, 0, sketchUnknown
		}
		return units, mask, sketchDone
	}
	if len(s) < 4 {
		return 0, 0, sketchUnknown // the loads need four bytes; sketchMarks takes these
	}
	sy := syllableSketch{units: -1}
	invalid := uint32(0)
	for i < len(s) {
		x, ld := sketchLoad(s, i)
		i += int(ld.n)
		// decodeLead's check, without a branch: the sketch is only
		// known if no rune fails it. Every lead byte has a length, so
		// the loop goes on past an invalid one.
		invalid |= x&ld.cm ^ ld.want
		r, _ := decodeLead(x, ld)
		invalid |= uint32((uint64(r) - uint64(ld.min)) >> 32)
		// r < 0x100000 unless invalid, as in keyRun: the mask spares a
		// bounds check.
		id := keyBlocks[uint(keyIndex[r>>blockShift&(0x100000>>blockShift-1)])<<blockShift|uint(r&(1<<blockShift-1))]
		w := keyWords[uint16(id)]
		u := int(w >> keyWordUnitsShift)
		if u >= keyWordNotSimple {
			// keyNone, keyHangul or a part that is not simple: taken
			// for every rune of most Hangul nicknames and for none of
			// most others. The syllables take a call, so that the
			// loop keeps its registers for the others.
			if uint16(id) != keyHangul {
				return sketchMarked(s)
			}
			units, mask = sy.add(r, units, mask)
			continue
		}
		units += u
		plain := -(w >> 54 & 1) // all ones for keyPlain (keyWordPlain)
		mask |= keyMasks[uint16(id)] | runeBits[r&63]&plain
	}
	if units >= keyWordNotSimple || invalid != 0 {
		return 0, 0, sketchUnknown
	}
	return units, mask | sy.pend, sketchDone
}

// sketchMarked is sketchFast for nicknames with combining marks too, from
// the start, where 4 <= len(s): sketchMarks with sketchFast's loop, for
// simple parts, syllables and marks that extend the grapheme before them
// (markPart).
// The key's last grapheme stays out of mask until the next one starts
// (sy.pend), with the low six bits of its hash (sy.hash), which is all
// that chaining a mark onto it needs (see sketchFast): for a part of
// one grapheme, the one bit of its mask. After a part of more graphemes
// that hash is not known (sketchNoHash), and a mark after it is left to
// sketchMarks.
func sketchMarked(s string) (units int, mask uint64, res int) {
	sy := syllableSketch{hash: sketchNoHash, units: -1}
	invalid := uint32(0)
	for i := 0; i < len(s); {
		x, ld := sketchLoad(s, i)
		i += int(ld.n)
		invalid |= x&ld.cm ^ ld.want
		r, _ := decodeLead(x, ld)
		invalid |= uint32((uint64(r) - uint64(ld.min)) >> 32)
		id := uint16(keyBlocks[uint(keyIndex[r>>blockShift&(0x100000>>blockShift-1)])<<blockShift|uint(r&(1<<blockShift-1))])
		w := keyWords[id]
		switch u := int(w >> keyWordUnitsShift); {
		case u == 1:
			plain := -(w >> 54 & 1) // all ones for keyPlain (keyWordPlain)
			mb := keyMasks[id] | runeBits[r&63]&plain
			mask |= sy.pend
			sy.pend, sy.hash = mb, uint64(bits.TrailingZeros64(mb))
			units++
		case u == 0: // dropped: the key's last grapheme stays
		case u < keyWordNotSimple:
			mask |= sy.pend | keyMasks[id]
			sy.pend, sy.hash = 0, sketchNoHash
			units += u
		case id == keyHangul:
			units, mask = sy.add(r, units, mask)
		case id == keyNone:
			// utf8Leads refuses the surrogates (invalid), which are
			// keyNone (TestSketchSurrogates); sketchMarks decodes
			// U+FFFD, and takes keyMarkRunes parts.
			if invalid != 0 || isKeyMarkRune(rune(r)) {
				return 0, 0, sketchUnknown
			}
			return 0, 0, sketchNone
		default:
			m, ok := markPart(keyEntries[id-keyFirst])
			switch {
			case !ok:
				if invalid != 0 {
					return 0, 0, sketchUnknown
				}
				return 0, 0, sketchNone
			case units == 0: // the mark begins the key
				units = 1
				sy.hash = uint64(m % 64)
			case sy.hash == sketchNoHash:
				return 0, 0, sketchUnknown
			default:
				sy.hash = (sy.hash ^ 0xcbf29ce484222325 ^ uint64(m)) * 0x100000001b3 % 64
			}
			sy.pend = 1 << sy.hash
			sy.units = -1 // a doubled initial after it begins a grapheme
		}
	}
	if units >= keyWordNotSimple || invalid != 0 {
		return 0, 0, sketchUnknown
	}
	return units, mask | sy.pend, sketchDone
}

// sketchNoHash is a syllableSketch hash that sketchMarked does not know.
const sketchNoHash = 64

// sketchLoad returns the four bytes of s from i, with zero bytes past
// the end, as load4 loads them (4 <= len(s)), and the utf8Leads entry of
// the first.
func sketchLoad(s string, i int) (uint32, *utf8Lead) {
	j := min(i, len(s)-4)
	x := uint32(s[j]) | uint32(s[j+1])<<8 | uint32(s[j+2])<<16 | uint32(s[j+3])<<24
	x >>= 8 * uint(i-j) & 31
	return x, &utf8Leads[byte(x)]
}

// A syllableSketch is what sketchFast keeps of the key's last grapheme
// when it is a Hangul syllable, and sketchMarked of every last grapheme:
// its mask bit, which is pending until the next grapheme starts, the low
// six bits of its hash, and the units of the sketch right after the last
// syllable if that is still the last grapheme (else -1).
type syllableSketch struct {
	pend, hash uint64
	units      int
}

// add adds the Hangul syllable r (keyHangul) to a sketch of units
// graphemes and mask, as sketchMarks does, and returns them;
// keyWordNotSimple more graphemes when r has no sketch. A syllable whose
// jamo keep their roles is one grapheme (syllableUnit). One whose
// initial's part is a doubled choseong x x (doubledInitial) is one
// grapheme too, and when the key's last grapheme is a syllable the first
// x ends that one instead: so the last syllable's mask bit is pending,
// and sy.units tells whether another grapheme came after it (dropped
// parts add none, and leave the syllables next to each other in the key;
// a mark resets it). keyJamoStart and keyJamoChain give the low six bits
// of the hash from the jamo; TestSketchSimpleHangul checks every
// syllable.
func (sy *syllableSketch) add(r uint32, units int, mask uint64) (int, uint64) {
	h := uint(r - hangulBase) // Unicode §3.12
	if h >= 11172 {
		// Not a syllable: an invalid sequence that sketchFast
		// decoded to a rune outside the key tables.
		return units + keyWordNotSimple, mask
	}
	l, v, t := h/(jamoVCount*jamoTCount), h%(jamoVCount*jamoTCount)/jamoTCount, h%jamoTCount
	st := uint64(keyJamoStart[l])
	x6 := st & 63
	// All ones for a doubled initial after a syllable (first), and for
	// one that begins a grapheme (alone): appendUnits then chains x onto
	// x, (x^offset^x)*prime, whose hash does not depend on x.
	dbl := -(st >> 6 & 1)
	var follows uint64
	if units == sy.units {
		follows = ^uint64(0)
	}
	first, alone := dbl&follows, dbl&^follows
	h6 := x6&^alone | keyDoubledHash6&alone
	a := uint64(keyJamoChain[v<<6|uint(h6)])
	b := uint64(keyJamoChain[(jamoVCount+t)<<6|uint(a&63)])
	// The syllable before, with the first x chained onto it, as
	// sketchMarks does.
	prev := uint64(1) << ((sy.hash ^ 0xcbf29ce484222325 ^ x6) * 0x100000001b3 % 64)
	mask |= sy.pend&^first | prev&first
	units++
	sy.units, sy.hash = units, b&63
	sy.pend = 1 << sy.hash
	if (st|a|b)&keyJamoNone != 0 {
		units += keyWordNotSimple
	}
	return units, mask
}

// Flags of keyJamoStart and keyJamoChain values, above the six bits of a
// hash: the initial's part is a doubled choseong; the jamo's part has no
// sketch (a syllable with it needs the key).
const (
	keyJamoDoubled = 0x40
	keyJamoNone    = 0x80
)

// keyDoubledHash6 is the low six bits of the grapheme hash of a doubled
// initial x x that begins a grapheme, (x ^ offset ^ x) * prime.
const keyDoubledHash6 = 0xcbf29ce484222325 * 0x100000001b3 % 64

// sketchMarks is sketchKey for every nickname. It runs on the few that
// sketchFast leaves, so it decodes with decodeRune rather than inline.
func sketchMarks(s string) (units int, mask uint64, ok bool) {
	// What the key's last grapheme is, if any: one whose hash is h, the
	// same for a Hangul syllable, the single grapheme of the part of the
	// entry h, or one that mask holds and whose hash is not known. Unless
	// mask holds it, its mask bit is pend.
	const (
		lastNone = iota
		lastHash
		lastSyllable
		lastEntry
		lastInMask
	)
	var h, pend uint64
	last := lastNone
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			k := asciiKey[c]
			if k == 0 {
				continue
			}
			mask |= pend
			units++
			if k == 1 { // "rn"
				units++
				mask |= 1 << ('r' % 64)
				k = 'n'
			}
			h, pend, last = uint64(k), 1<<(k%64), lastHash
			continue
		}
		r, n := decodeRune(s, i) // an invalid byte is U+FFFD, as for the key
		id := keyID(r)
		if id == keyNone {
			// A keyMarkRunes part where keyRare takes it: then the key
			// is still the concatenation of the parts.
			if mid, ok := keyMarkID(s, i, r); ok {
				id = mid
			}
		}
		i += n
		if id == keyPlain {
			mask |= pend
			units++
			h, pend, last = uint64(r), 1<<(r&63), lastHash
			continue
		}
		if id >= keyFirst {
			e := keyEntries[id-keyFirst]
			if e&keyEntrySimple != 0 {
				switch u := int(e >> keyEntryUnitsShift & 0x3F); u {
				case 0: // dropped
				case 1:
					mask |= pend
					units++
					h, pend, last = e, keyMasks[id], lastEntry
				default:
					mask |= pend | keyMasks[id]
					units += u
					pend, last = 0, lastInMask
				}
				continue
			}
			m, ok := markPart(e)
			if !ok {
				return 0, 0, false
			}
			switch last {
			case lastHash, lastSyllable:
			case lastEntry:
				h = partHash(h)
			case lastNone: // the mark begins the key
				units++
				h, pend, last = uint64(m), 1<<(m%64), lastHash
				continue
			default:
				return 0, 0, false
			}
			h = (h ^ 0xcbf29ce484222325 ^ uint64(m)) * 0x100000001b3
			pend, last = 1<<(h%64), lastHash
			continue
		}
		if id != keyHangul {
			return 0, 0, false // keyNone
		}
		if u, ok := syllableUnit(r); ok {
			mask |= pend
			h = u
		} else {
			x, v, t, ok := doubledInitial(r)
			if !ok {
				return 0, 0, false
			}
			if last == lastSyllable {
				// The first x ends the syllable before (see
				// choseongFinals), the second begins this one.
				mask |= 1 << ((h ^ 0xcbf29ce484222325 ^ uint64(x)) * 0x100000001b3 % 64)
				h = chainJamo(uint64(x), v, t)
			} else {
				mask |= pend
				h = chainJamo((uint64(x)^0xcbf29ce484222325^uint64(x))*0x100000001b3, v, t)
			}
		}
		units++
		pend, last = 1<<(h%64), lastSyllable
	}
	return units, mask | pend, units > 0
}

// partHash returns the grapheme hash of the part of entry e, a simple part
// of one grapheme: its first rune chained with the others, which extend it.
func partHash(e uint64) uint64 {
	off, n := int(e&(1<<keyEntryLenShift-1)), int(e>>keyEntryLenShift&0xFF)
	p := keyParts[off : off+n]
	r, size := decodeRune(p, 0)
	h := uint64(r)
	for i := size; i < len(p); i += size {
		r, size = decodeRune(p, i)
		h = (h ^ 0xcbf29ce484222325 ^ uint64(r)) * 0x100000001b3
	}
	return h
}

// doubledInitial returns, for a Hangul syllable r whose initial's part is
// one choseong x twice (the skeleton makes ᄀᄀ of ᄁ) followed by a vowel
// and whose vowel and final keep their roles, x and the keyJamo indexes
// of the vowel and final. In the key, appendUnits makes the first x a
// final of a syllable right before (its run of choseong is followed by a
// vowel: choseongFinals), and else the start of a unit that the second
// continues (a doubled initial); the second x always ends up in the
// syllable's unit.
func doubledInitial(r rune) (x rune, v, t int, ok bool) {
	l, v, t, ok := syllableJamo(r)
	if !ok || keyJamo[l] < keyFirst {
		return 0, 0, 0, false
	}
	e := keyEntries[keyJamo[l]-keyFirst]
	off, n := int(e&(1<<keyEntryLenShift-1)), int(e>>keyEntryLenShift&0xFF)
	p := keyParts[off : off+n]
	if n != 6 || p[:3] != p[3:] {
		return 0, 0, 0, false
	}
	x, _ = decodeRune(p, 0)
	if !isChoseong(x) || !startsWithVowel(keyParts[keyEntries[keyJamo[v]-keyFirst]&(1<<keyEntryLenShift-1):]) {
		return 0, 0, 0, false
	}
	return x, v, t, true
}

// markPart returns the rune of the part that entry e describes when the
// part is that one rune and it is a combining mark that plays no part in
// Hangul syllables: appendUnits chains it onto the grapheme before it.
func markPart(e uint64) (rune, bool) {
	off, n := int(e&(1<<keyEntryLenShift-1)), int(e>>keyEntryLenShift&0xFF)
	if n < 2 || n > 3 {
		return 0, false // a combining mark is U+0300 or above, below U+10000
	}
	p := keyParts[off : off+n]
	r, size := decodeRune(p, 0)
	if size != n || !extends(r) || mayBeHangulUnit(r) {
		return 0, false
	}
	return r, true
}

// sketchesReject reports whether nicknames with key sketches (ua, ma) and
// (ub, mb) cannot be a lookalike: keyDistance's bounds, which also hold
// for equal keys (their sketches are equal).
func sketchesReject(ua int, ma uint64, ub int, mb uint64) bool {
	lim := editLimit(max(ua, ub))
	return abs(ua-ub) > lim || bits.OnesCount64(ma^mb) > 2*lim
}
