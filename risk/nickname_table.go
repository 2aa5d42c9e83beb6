package risk

import (
	"encoding/binary"
	"math/bits"
	"slices"
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
// Runes whose part may start with a non-starter (ð, ॅ, ぐ, most combining
// marks) have no entry in keyBlocks but one in keyMarkRunes, which only
// keyRare and sketchMarks use, where the classes of the non-starters
// before the part cannot make canonical ordering cross into it (keyMarkID,
// keyMarkPart).
//
// TestKeyTableRunes checks every code point and every Hangul syllable
// against the general path, and propKeyTable random nicknames;
// TestKeyMarkRunes every keyMarkRunes rune after parts of every kind.
//
// keyTableInto writes the parts with keyRun, a loop without calls or
// branches on the kind of rune: it decodes UTF-8 from the lead byte's
// utf8Leads entry, and takes a rune's id and script from keyBlocks and
// its part, length, step and graphemes from keyWords, one 8-byte store
// per part. On the 20,000 nicknames of bench/ it mispredicts about a
// third as many branches as the switch it replaces (cachegrind).

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
// whose count the entry and whose mask keyMasks hold. The graphemes
// of a key made of simple parts are its parts' graphemes.
func keyRuneSimple(r rune) bool {
	return r < 0x300 || runeValue(r)&bitExtend == 0 && !mayBeHangulUnit(r)
}

// keyTraceStepShift is where a keyTraceItems value keeps its step; the low
// bits are the amount it adds to that step's signature.
const keyTraceStepShift = 60

// keyID returns the keyBlocks value of r.
func keyID(r rune) uint16 {
	return uint16(keyBlocks[int(keyIndex[r>>blockShift])<<blockShift|int(r&(1<<blockShift-1))])
}

// keyUnits are the grapheme count and mask of a key (see setUnits), valid
// when ok.
type keyUnits struct {
	units int
	mask  uint64
	ok    bool
	most  int // if not ok and > 0: the key has at most that many graphemes
}

// keyWords packs, per key table id, what keyRun needs to append a rune's
// part and note its trace without a branch: for an entry whose part has at
// most keyWordMaxLen bytes, at most one step and at most one further trace
// item (keyWordItem; keyTraceItems[keyEntries' index]), the part's bytes
// (first byte lowest), its length and its step (numSteps for none); for
// keyPlain keyWordPlain (the rune's own bytes, one grapheme whose hash is
// the rune); for every other id keyWordSpecial, which keyRare handles
// (keyRun itself takes Hangul syllables whose jamo have words). Every word
// holds the graphemes of the part, from keyWordUnitsShift: their count if
// the part is simple (keyEntrySimple), else keyWordNotSimple (for keyNone
// and keyHangul too), which the graphemes of a key (at most keyBufLen)
// never reach, so that one sum tells both. TestKeyWords checks every word
// against keyEntries.
const (
	keyWordMaxLen     = 6
	keyWordLenShift   = 48
	keyWordSpecial    = 7 << keyWordLenShift // a length no part has
	keyWordStepShift  = 51
	keyWordPlain      = 1 << 54
	keyWordItem       = 1 << 55
	keyWordUnitsShift = 56
	keyWordNotSimple  = 0xFF
)

// keyScriptShift is where keyBlocks keeps a rune's script.
const keyScriptShift = 16

// keyBlocks keeps, from keyTailShift, a rune's keyTailClass (see
// tables_key_test.go): for a rune with a table entry (or a keyMarkRunes
// entry) whose part, after every step of every round of NicknameKey, is
// never empty, the highest combining class of the run of non-starters
// that ends it (0 for a starter); keyTailEmpty when the part is empty
// after some step and otherwise ends with a starter; keyTailNone for
// other runes. The part of a keyMarkRunes rune is exact only where the
// classes before it are low enough (see keyMarkPart).
const (
	keyTailShift = 24
	keyTailEmpty = 254
	keyTailNone  = 255
)

// keyMarkWalk bounds how many runes keyMarkRare looks back over.
const keyMarkWalk = 8

// keyTableInto writes NicknameKey(s) to buf[:n] and adds its trace to t
// when every rune of s has a table entry, the key is not empty and it fits
// in buf; ok is false otherwise (t is then unchanged). u holds the
// graphemes of the key when every part is simple (keyRuneSimple).
//
// When seen is not nil, keyTableInto also adds the script of every rune of
// s to it, except that for ASCII it may add Common (scriptSet.mixed
// ignores it) where the script check of MixedScript skips the rune
// (TestScriptASCII).
//
// keyRun does most of the work; keyRare takes the runes it leaves, one at
// a time.
func keyTableInto(buf *[keyBufLen]byte, s string, t *keyTrace, seen *scriptSet) (n int, u keyUnits, ok bool) {
	var acc keyAcc
	fast := len(s) < fastInLen
	if fast {
		// A copy of s, followed by a byte that no rune starts with and
		// zero bytes, so that a sequence cut by the end of s is invalid
		// (keyRun stops at the end of s).
		copy(acc.in[:], s)
		acc.in[len(s)] = 0xFF
	}
	i, j := 0, 0
	for {
		if fast {
			i, j = keyRun(buf, i, len(s), j, &acc)
		}
		if i >= len(s) {
			break
		}
		if i, j, ok = keyRare(buf, s, i, j, &acc); !ok {
			return 0, keyUnits{}, false
		}
	}
	if j == 0 {
		return 0, keyUnits{}, false
	}
	*t = keyTrace(acc.trace[:numSteps])
	if seen != nil {
		seen[0] |= acc.scripts[0]
		seen[1] |= acc.scripts[1]
		seen[2] |= acc.scripts[2] | acc.scripts[3]
	}
	return j, keyUnits{units: acc.units, mask: acc.mask, ok: acc.units < keyWordNotSimple}, true
}

// keyAcc is what keyTableInto gathers besides the key, and keyRun's copy
// of s.
type keyAcc struct {
	keyNotes
	in fastBuf
}

// keyNotes are the trace, scripts and graphemes of the parts of a key.
type keyNotes struct {
	trace   [numSteps + 1]uint64 // the trace, and a slot for no step
	scripts [4]uint64            // a scriptSet; scripts are below 256
	units   int                  // graphemes of the parts (see keyWordNotSimple)
	mask    uint64               // their mask
}

// keyRun is the loop of keyTableInto over s[i:end], in acc.in, writing at
// buf[j:]. It stops at end (a test of i, which exits the loop more
// predictably than the byte after s), where buf has less than 8 bytes left,
// or before a rune that needs keyRare: one whose id has keyWordSpecial,
// invalid UTF-8, or a sequence that decodeLead refuses (lead byte 0xF4).
// It calls nothing, so that its state stays in registers.
//
// Each rune is decoded from the four bytes at its start without a branch
// per length (utf8Leads, decodeLead), and its part is written with one
// 8-byte store from keyWords: the word itself, or for keyPlain the rune's
// own bytes (x: a valid sequence is the low bytes of x). The length, the
// grapheme count and mask, the trace note (into a dummy slot for a part
// without a step) and the script are added without a branch either. The
// bytes a store writes beyond its part are overwritten by the next part or
// lie beyond the key.
func keyRun(buf *[keyBufLen]byte, i, end, j int, acc *keyAcc) (int, int) {
	for uint(j) <= keyBufLen-8 && i < end {
		x := binary.LittleEndian.Uint32(acc.in[i&(fastInLen-1):])
		ld := &utf8Leads[byte(x)]
		r, valid := decodeLead(x, ld)
		if !valid {
			break
		}
		// r < 0x100000: sequences after 0xF4 are not valid here, so the
		// mask keeps r>>blockShift and spares a bounds check.
		v := keyBlocks[uint(keyIndex[r>>blockShift&(0x100000>>blockShift-1)])<<blockShift|uint(r&(1<<blockShift-1))]
		id := uint16(v)
		w := keyWords[id]
		if w&keyWordItem != 0 {
			// The entry's one further trace item.
			it := keyTraceItems[keyEntries[id-keyFirst]>>keyEntryTraceShift&(1<<(keyEntryUnitsShift-keyEntryTraceShift)-1)]
			acc.trace[it>>keyTraceStepShift&7] += it & (1<<keyTraceStepShift - 1)
		} else if w&keyWordSpecial == keyWordSpecial {
			if id != keyHangul || uint(j) > keyBufLen-8-2*keyWordMaxLen {
				break
			}
			// A Hangul syllable: the words of its jamo (keyJamoWords,
			// an empty part for no final), as putSyllable writes them.
			jl, jv, jt, wl, wv, wt, ok := syllableJamoWords(r - hangulBase)
			if !ok {
				break // one has no word; keyRare checks which
			}
			j = putWord(buf, j, wl, jamoLBase+rune(jl), &acc.trace)
			j = putWord(buf, j, wv, jamoVBase+rune(jv), &acc.trace)
			j = putWord(buf, j, wt, jamoTBase+rune(jt), &acc.trace)
			i += 3
			sc := uint8(v >> keyScriptShift)
			acc.scripts[sc>>6] |= 1 << (sc & 63)
			acc.units += keyWordNotSimple // jamo are not simple
			continue
		}
		size := int(ld.n)
		i += size
		sc := uint8(v >> keyScriptShift)
		acc.scripts[sc>>6] |= 1 << (sc & 63)
		plain := -(w >> 54 & 1) // all ones for keyPlain (keyWordPlain)
		binary.LittleEndian.PutUint64(buf[j:], w|uint64(x)&plain)
		j += int(w>>keyWordLenShift&7) + size&int(plain)
		acc.trace[w>>keyWordStepShift&7] += 1<<40 | uint64(r) // t.note
		acc.units += int(w >> keyWordUnitsShift)
		acc.mask |= keyMasks[id] | runeBits[r&63]&plain
	}
	return i, j
}

// runeBits[i] is 1<<i: keyRun's mask bit of a keyPlain rune, without a
// shift by a register, which would take one more from its loop.
var runeBits = [64]uint64{
	1 << 0, 1 << 1, 1 << 2, 1 << 3, 1 << 4, 1 << 5, 1 << 6, 1 << 7,
	1 << 8, 1 << 9, 1 << 10, 1 << 11, 1 << 12, 1 << 13, 1 << 14, 1 << 15,
	1 << 16, 1 << 17, 1 << 18, 1 << 19, 1 << 20, 1 << 21, 1 << 22, 1 << 23,
	1 << 24, 1 << 25, 1 << 26, 1 << 27, 1 << 28, 1 << 29, 1 << 30, 1 << 31,
	1 << 32, 1 << 33, 1 << 34, 1 << 35, 1 << 36, 1 << 37, 1 << 38, 1 << 39,
	1 << 40, 1 << 41, 1 << 42, 1 << 43, 1 << 44, 1 << 45, 1 << 46, 1 << 47,
	1 << 48, 1 << 49, 1 << 50, 1 << 51, 1 << 52, 1 << 53, 1 << 54, 1 << 55,
	1 << 56, 1 << 57, 1 << 58, 1 << 59, 1 << 60, 1 << 61, 1 << 62, 1 << 63,
}

// keyRare is keyRun for the one rune at s[i:] (writing its part at
// buf[j:]), whatever it is; ok is false when it has no entry (keyNone) or
// the key outgrows buf.
func keyRare(buf *[keyBufLen]byte, s string, i, j int, acc *keyAcc) (int, int, bool) {
	// An invalid byte is U+FFFD, as for the general path, which ranges
	// over s; U+FFFD is never keyPlain, so its bytes are never copied
	// (TestKeyTableRunes).
	r, size := decodeRune(s, i)
	if keyID(r) == keyNone {
		return keyMarkRare(buf, s, i, j, r, size, &acc.keyNotes)
	}
	return keyRune(buf, i, j, r, size, &acc.keyNotes)
}

// keyMarkRare is keyRare for a rune r without a key table entry: it
// writes r's keyMarkRunes part when keyMarkID allows it; ok is false
// otherwise.
func keyMarkRare(buf *[keyBufLen]byte, s string, i, j int, r rune, size int, acc *keyNotes) (int, int, bool) {
	id, found := keyMarkID(s, i, r)
	if !found {
		return i, j, false
	}
	v := keyBlocks[int(keyIndex[r>>blockShift])<<blockShift|int(r&(1<<blockShift-1))]
	sc := uint8(v >> keyScriptShift)
	acc.scripts[sc>>6] |= 1 << (sc & 63)
	acc.units += keyWordNotSimple // graphemes by appendUnits on the key
	var ok bool
	if j, ok = putEntry(buf, j, r, keyEntries[id-keyFirst], &acc.trace); !ok {
		return i, j, false
	}
	return i + size, j, true
}

// keyMarkID returns the keyEntries id of the keyMarkRunes part of r, a
// rune without a key table entry at s[i:], when the runes before it in s
// have the keyTailClass keyTailEmpty back to the start or to one whose
// class is at most r's keyMarkLead, at most keyMarkWalk of them: if they
// were all accepted by the table path (their parts exact), canonical
// ordering keeps r's part apart from the parts before it and the part is
// exact (see keyMarkPart). ok is false otherwise. A valid rune that
// utf8.DecodeLastRuneInString finds before s[k:] is the one decodeRune
// found there: a lead byte starts a valid sequence only at a rune
// boundary of the forward decoding.
func keyMarkID(s string, i int, r rune) (id uint16, ok bool) {
	mk, found := slices.BinarySearch(keyMarkRunes[:], uint32(r))
	if !found {
		return 0, false
	}
	for k, n := i, 0; k > 0; n++ {
		p, m := utf8.DecodeLastRuneInString(s[:k])
		if n == keyMarkWalk || p == utf8.RuneError {
			return 0, false
		}
		c := uint8(keyBlocks[int(keyIndex[p>>blockShift])<<blockShift|int(p&(1<<blockShift-1))] >> keyTailShift)
		if c != keyTailEmpty {
			if c > keyMarkLead[mk] { // keyTailNone too: classes are below 255
				return 0, false
			}
			break
		}
		k -= m
	}
	return keyMarkIDs[mk], true
}

// isKeyMarkRune reports whether r has a keyMarkRunes part.
func isKeyMarkRune(r rune) bool {
	_, found := slices.BinarySearch(keyMarkRunes[:], uint32(r))
	return found
}

// keyRune is keyRare for the rune r, which decodeRune found at s[i:], of
// size bytes, adding to acc.
func keyRune(buf *[keyBufLen]byte, i, j int, r rune, size int, acc *keyNotes) (int, int, bool) {
	v := keyBlocks[int(keyIndex[r>>blockShift])<<blockShift|int(r&(1<<blockShift-1))]
	id := uint16(v)
	w := keyWords[id]
	sc := uint8(v >> keyScriptShift)
	acc.scripts[sc>>6] |= 1 << (sc & 63)
	acc.units += int(w >> keyWordUnitsShift)
	acc.mask |= keyMasks[id]
	var ok bool
	switch {
	case w&keyWordSpecial == keyWordSpecial:
		j, ok = keySpecialRune(buf, j, r, id, &acc.trace)
		return i + size, j, ok
	case w&keyWordPlain != 0:
		if size > keyBufLen-j {
			return i, j, false
		}
		j += utf8.EncodeRune(buf[j:], r) // r is valid here, s[i:i+size]
		acc.mask |= 1 << (r & 63)
		return i + size, j, true
	case j > keyBufLen-8:
		if j, ok = putEntry(buf, j, r, keyEntries[id-keyFirst], &acc.trace); !ok {
			return i, j, false
		}
		return i + size, j, true
	}
	// As keyRun does.
	binary.LittleEndian.PutUint64(buf[j:], w)
	j += int(w >> keyWordLenShift & 7)
	acc.trace[w>>keyWordStepShift&7] += 1<<40 | uint64(r)
	if w&keyWordItem != 0 {
		it := keyTraceItems[keyEntries[id-keyFirst]>>keyEntryTraceShift&(1<<(keyEntryUnitsShift-keyEntryTraceShift)-1)]
		acc.trace[it>>keyTraceStepShift&7] += it & (1<<keyTraceStepShift - 1)
	}
	return i + size, j, true
}

// keySpecialRune writes the part of r, whose id has keyWordSpecial, at
// buf[j:] and notes its trace in tt; ok is false for keyNone and when the
// key outgrows buf.
func keySpecialRune(buf *[keyBufLen]byte, j int, r rune, id uint16, tt *[numSteps + 1]uint64) (end int, ok bool) {
	switch {
	case id == keyHangul:
		return putSyllable(buf, j, r, tt)
	case id < keyFirst:
		return j, false // keyNone
	}
	return putEntry(buf, j, r, keyEntries[id-keyFirst], tt)
}

// putSyllable writes the parts of the jamo of the Hangul syllable r at
// buf[j:] and notes their trace in tt, from keyJamo and keyJamoWords;
// ok is false if a jamo has no entry or the key outgrows buf.
func putSyllable(buf *[keyBufLen]byte, j int, r rune, tt *[numSteps + 1]uint64) (int, bool) {
	jl, jv, jt, wl, wv, wt, ok := syllableJamoWords(uint32(r - hangulBase))
	if !ok || j > keyBufLen-8-2*keyWordMaxLen {
		return putSyllableSlow(buf, j, r, tt)
	}
	j = putWord(buf, j, wl, jamoLBase+rune(jl), tt)
	j = putWord(buf, j, wv, jamoVBase+rune(jv), tt)
	j = putWord(buf, j, wt, jamoTBase+rune(jt), tt)
	return j, true
}

// syllableJamoWords returns the jamo of the Hangul syllable hangulBase+h
// (indices from jamoLBase, jamoVBase and jamoTBase) and their keyJamoWords
// (an empty part for no final); ok is false if one has no word.
func syllableJamoWords(h uint32) (l, v, t uint32, wl, wv, wt uint64, ok bool) {
	l, v, t = h/(jamoVCount*jamoTCount), h%(jamoVCount*jamoTCount)/jamoTCount, h%jamoTCount
	wl, wv, wt = keyJamoWords[l], keyJamoWords[jamoLCount+v], keyJamoWords[jamoLCount+jamoVCount+t]
	// A word is special when its length field is 7, the one length
	// whose successor has bit 3 set. (The lengths of jamo parts, 3 and 6,
	// or together to 7: the fields must be tested one by one.)
	special := (wl>>keyWordLenShift&7 + 1) | (wv>>keyWordLenShift&7 + 1) | (wt>>keyWordLenShift&7 + 1)
	return l, v, t, wl, wv, wt, special&8 == 0
}

// putWord writes the part of r in its keyWords word w (not special) at
// buf[j:] with one 8-byte store, where j <= keyBufLen-8, notes r in tt
// (in its dummy slot for a part without a step) and returns the part's end.
func putWord(buf *[keyBufLen]byte, j int, w uint64, r rune, tt *[numSteps + 1]uint64) int {
	binary.LittleEndian.PutUint64(buf[j:], w)
	tt[w>>keyWordStepShift&7] += 1<<40 | uint64(r)
	return j + int(w>>keyWordLenShift&7)
}

// putSyllableSlow is putSyllable for every syllable with a keyHangul id.
func putSyllableSlow(buf *[keyBufLen]byte, j int, r rune, tt *[numSteps + 1]uint64) (int, bool) {
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
			return j, false
		}
		var ok bool
		if j, ok = putEntry(buf, j, rs[k], keyEntries[id-keyFirst], tt); !ok {
			return j, false
		}
	}
	return j, true
}

// putEntry writes the part of r described by e at buf[j:] and notes its
// trace in tt, as appendEntry does; ok is false when it does not fit.
func putEntry(buf *[keyBufLen]byte, j int, r rune, e uint64, tt *[numSteps + 1]uint64) (int, bool) {
	off, n := int(e&(1<<keyEntryLenShift-1)), int(e>>keyEntryLenShift&0xFF)
	if n > keyBufLen-j {
		return j, false
	}
	j += copy(buf[j:], keyParts[off:off+n])
	for steps := e >> keyEntryStepsShift & 0xFF; steps != 0; steps &= steps - 1 {
		tt[bits.TrailingZeros64(steps)] += 1<<40 | uint64(r)
	}
	if m := int(e >> keyEntryItemsShift); m > 0 {
		ti := int(e >> keyEntryTraceShift & (1<<(keyEntryUnitsShift-keyEntryTraceShift) - 1))
		for _, it := range keyTraceItems[ti : ti+m] {
			tt[it>>keyTraceStepShift] += it & (1<<keyTraceStepShift - 1)
		}
	}
	return j, true
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

// appendSyllablesKey is keyTableInto for nicknames made only of Hangul
// syllables (keyHangul), in one tight loop: a syllable's part is the parts
// of its jamo, from keyJamo. ok is false for any other nickname.
//
// It adds the trace to t (partly noted when ok is false). syllables is
// the number of graphemes of the key when every syllable's
// jamo keep their roles (see syllableUnits), else 0. Called with an empty
// dst of keyBufLen bytes, as keyInto does, it writes the key with
// syllablesKeyInto when it can.
func appendSyllablesKey(dst []byte, s string, t *keyTrace) (out []byte, syllables int, ok bool) {
	if len(dst) == 0 && cap(dst) >= keyBufLen {
		// The common call, from keyInto: the key in the caller's buffer,
		// written by syllablesKeyInto.
		buf := (*[keyBufLen]byte)(dst[:keyBufLen])
		if n, syl, ok := syllablesKeyInto(buf, s, t); ok {
			return dst[:n], syl, true
		}
		*t = keyTrace{} // syllablesKeyInto noted nothing
	}
	return appendSyllablesKeySlow(dst, s, t)
}

// syllablesKeyInto is appendSyllablesKey into buf when every syllable's
// jamo have keyJamoWords words (short parts, at most one step), as keyRun
// writes them: one 8-byte store per jamo, and the trace notes into a
// dummy slot for none. ok is false otherwise, or when the key would
// outgrow buf; t is then unchanged.
func syllablesKeyInto(buf *[keyBufLen]byte, s string, t *keyTrace) (n, syllables int, ok bool) {
	if s == "" || len(s)%3 != 0 {
		return 0, 0, false
	}
	var tt [numSteps + 1]uint64
	units := true
	j := 0
	for i := 0; i+3 <= len(s); i += 3 {
		c, c1, c2 := s[i], s[i+1], s[i+2]
		if c < 0xEA || c > 0xED || c1&0xC0 != 0x80 || c2&0xC0 != 0x80 || j > keyBufLen-8-2*keyWordMaxLen {
			return 0, 0, false
		}
		r := rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
		h := int(r - hangulBase)
		if uint(h) >= 11172 || keyID(r) != keyHangul {
			return 0, 0, false
		}
		jl, jv, jt, wl, wv, wt, ok := syllableJamoWords(uint32(h))
		units = units && keyJamoUnit[jl] && keyJamoUnit[jamoLCount+jv] &&
			(jt == 0 || keyJamoUnit[jamoLCount+jamoVCount+jt])
		if !ok {
			return 0, 0, false
		}
		j = putWord(buf, j, wl, jamoLBase+rune(jl), &tt)
		j = putWord(buf, j, wv, jamoVBase+rune(jv), &tt)
		j = putWord(buf, j, wt, jamoTBase+rune(jt), &tt)
	}
	*t = keyTrace(tt[:numSteps])
	if units {
		return j, len(s) / 3, true
	}
	return j, 0, true
}

// appendSyllablesKeySlow is appendSyllablesKey for every nickname.
func appendSyllablesKeySlow(dst []byte, s string, t *keyTrace) (out []byte, syllables int, ok bool) {
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
