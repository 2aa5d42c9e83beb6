package risk

import (
	"encoding/binary"
	"unicode/utf8"
)

// compareSpoof is CompareNicknames(a, b) for a spoof-shaped pair (a != b,
// shape sh) whose keys are equal, computed from the pieces in which a and
// b differ: ok is false when it cannot tell, and CompareNicknames then
// computes both keys. It costs about half of two keys on the spoof pairs
// of bench/ (cachegrind).
//
// Why it is exact: when keyTableInto applies to a nickname, its key and
// trace are the concatenation and the sum of its runes' parts and notes
// (see nickname_table.go). Split a and b into pieces of valid UTF-8,
// which decode on their own as within the whole string (a string made of
// valid pieces is valid, and decodes piece by piece): pieces they share,
// and pieces in which they differ, da of a and db of b. For sh.kind
// spoofSwap, a = P + x + Q and b = P + y + Q (da = x, db = y), with the
// cuts moved back to rune starts; for spoofAround, the longer is X + the
// shorter + Y (da or db is X, Y, the other side has no piece of its own).
// Then a's key is K(P) K(x) K(Q) and b's K(P) K(y) K(Q) (for spoofAround
// K(X) K(s) K(Y) and K(s)), so equal keys of the differing pieces make
// the keys equal; the trace of a step differs exactly where the sums over
// da and db differ; and the scripts of a and b are those of the shared
// pieces with da's or db's. compareKeys answers from those alone: equal
// non-empty keys, the steps whose traces differ, and whether either side
// is mixed-script (scriptSet.mixed, as keyInto finds it).
//
// The differing pieces go through keyRune (keyRare's work), the shared
// ones through keyCheckRun, which only finds that every rune has an
// entry, the length of the key and the scripts. Any rune without an entry,
// invalid UTF-8 (a rune across a cut included), an empty key (a nickname
// of only decoration keeps it, which the table path does not know), a key
// longer than keyBufLen, a nickname not shorter than fastInLen and keys of
// the differing pieces that differ are left to CompareNicknames. The rapid
// property TestCompareSpoof (and FuzzCompareSpoof) checks it against
// compareRef, on spoofs of random nicknames and on table rows.
func compareSpoof(a, b string, sh spoofShapeOf) (NicknameMatch, bool) {
	var da, db [2]string // the pieces in which a and b differ
	shared, h0, h1 := "", 0, 0
	switch sh.kind {
	case spoofSwap:
		p, q := sh.p, sh.q
		// Pieces start at rune starts (continuation bytes start none).
		for p > 0 && (p < len(a) && a[p]&0xC0 == 0x80 || p < len(b) && b[p]&0xC0 == 0x80) {
			p--
		}
		for q > 0 && a[len(a)-q]&0xC0 == 0x80 { // b[len(b)-q] is the same byte
			q--
		}
		// a = P + x + Q and b = P + y + Q.
		da[0], db[0] = a[p:len(a)-q], b[p:len(b)-q]
		shared, h0, h1 = a, p, len(a)-q
	case spoofAround:
		// The longer is X + the shorter + Y.
		long, short := a, b
		if len(a) < len(b) {
			long, short = b, a
		}
		x, y := long[:sh.at], long[sh.at+len(short):]
		if len(a) < len(b) {
			db[0], db[1] = x, y
		} else {
			da[0], da[1] = x, y
		}
		shared, h0, h1 = short, len(short), len(short)
	default:
		return NicknameMatch{}, false
	}
	if runePartsDiffer(da[0], db[0]) {
		return NicknameMatch{}, false
	}
	var acc keyAcc
	var buf [keyBufLen]byte
	// The pieces that differ first, which are short: a's keys at
	// buf[:na], b's at buf[na:nb]. Most pairs whose keys differ (an
	// edit, not a lookalike character) stop here, at little cost.
	var xa, xb keyNotes
	na, ok := keyRunes(&buf, 0, da, &xa)
	if !ok {
		return NicknameMatch{}, false
	}
	nb, ok := keyRunes(&buf, na, db, &xb)
	if !ok || nb-na != na || string(buf[:na]) != string(buf[na:nb]) {
		return NicknameMatch{}, false
	}
	// The shared pieces: shared[:h0] and shared[h1:] (buf's bytes are no
	// longer needed).
	n, ok := keySharedPieces(&buf, shared, h0, h1, &acc)
	if !ok || n+na == 0 || n+na > keyBufLen {
		// A rune without an entry, or an empty key: a nickname of only
		// decoration keeps it.
		return NicknameMatch{}, false
	}
	ss := acc.scripts
	m := NicknameMatch{Score: scoreEqualKeys, Lookalike: true, Reasons: NickEqualKeys}
	for i := range numSteps {
		if xa.trace[i] != xb.trace[i] {
			m.Reasons |= stepReasons[i]
		}
	}
	sa, sb := &xa.scripts, &xb.scripts
	scA := scriptSet{ss[0] | sa[0], ss[1] | sa[1], ss[2] | ss[3] | sa[2] | sa[3]}
	scB := scriptSet{ss[0] | sb[0], ss[1] | sb[1], ss[2] | ss[3] | sb[2] | sb[3]}
	if scA.mixed() || scA != scB && scB.mixed() {
		m.Reasons |= NickMixedScript
	}
	return m, true
}

// runePartsDiffer reports cheaply that x and y, both one rune, have
// different keys: when both have short parts (keyWords words that are not
// special, or keyPlain), or both are Hangul syllables whose jamo have
// such words of the same lengths pairwise, their parts differ. It is false
// when it cannot tell. Most spoof-shaped pairs with an edit ("Jonathan"
// and "Jonatham", "김민준" and "김민중") stop here.
func runePartsDiffer(x, y string) bool {
	if x == "" || y == "" {
		return false
	}
	rx, nx := decodeRuneAt(x)
	ry, ny := decodeRuneAt(y)
	if nx != len(x) || ny != len(y) || rx == utf8.RuneError || ry == utf8.RuneError {
		return false
	}
	idx, idy := keyID(rx), keyID(ry)
	if idx == keyHangul && idy == keyHangul {
		hx, hy := int(rx-hangulBase), int(ry-hangulBase)
		jx := [3]int{hx / (jamoVCount * jamoTCount), jamoLCount + hx%(jamoVCount*jamoTCount)/jamoTCount, jamoLCount + jamoVCount + hx%jamoTCount}
		jy := [3]int{hy / (jamoVCount * jamoTCount), jamoLCount + hy%(jamoVCount*jamoTCount)/jamoTCount, jamoLCount + jamoVCount + hy%jamoTCount}
		differ := false
		for k := range 3 {
			wx, wy := keyJamoWords[jx[k]], keyJamoWords[jy[k]]
			if wx&keyWordSpecial == keyWordSpecial || wy&keyWordSpecial == keyWordSpecial || (wx^wy)&keyWordSpecial != 0 {
				return false // no word, or lengths that differ: not told here
			}
			differ = differ || wordPart(wx) != wordPart(wy)
		}
		return differ
	}
	wx, wy := keyWords[idx], keyWords[idy]
	if wx&keyWordSpecial == keyWordSpecial || wy&keyWordSpecial == keyWordSpecial {
		return false
	}
	px, py := wordPart(wx), wordPart(wy)
	if wx&keyWordPlain != 0 {
		px = runeBytes(x)
	}
	if wy&keyWordPlain != 0 {
		py = runeBytes(y)
	}
	return px != py
}

// wordPart returns the part of a keyWords word: its bytes and, above them,
// its length.
func wordPart(w uint64) uint64 {
	n := w >> keyWordLenShift & 7
	return w&(1<<(8*n)-1) | n<<keyWordLenShift
}

// runeBytes returns the bytes of the rune s (one to four bytes) in the
// form of wordPart.
func runeBytes(s string) uint64 {
	var w uint64
	for i := len(s) - 1; i >= 0; i-- {
		w = w<<8 | uint64(s[i])
	}
	return w | uint64(len(s))<<keyWordLenShift
}

// decodeRuneAt is decodeRune(s, 0) with ASCII first.
func decodeRuneAt(s string) (rune, int) {
	if s[0] < utf8.RuneSelf {
		return rune(s[0]), 1
	}
	return decodeRune(s, 0)
}

// keySharedPieces checks the runes of s[:h0] and s[h1:] as keyTableInto
// would take them (without invalid UTF-8) and adds their scripts to acc;
// n is the length of their keys, ok false if a rune has no entry or the
// keys outgrow buf (whose bytes it leaves undefined). keyCheckRun stops at
// h0, where the copy of s in acc.in holds a byte that no rune starts
// with, and at the end; keyRare takes the runes it leaves.
func keySharedPieces(buf *[keyBufLen]byte, s string, h0, h1 int, acc *keyAcc) (n int, ok bool) {
	if len(s) >= fastInLen {
		return 0, false
	}
	copy(acc.in[:], s)
	acc.in[len(s)] = 0xFF
	keep := acc.in[h0]
	acc.in[h0] = 0xFF
	i, end := 0, h0
	for {
		if i, n = keyCheckRun(i, n, acc); i >= end {
			if end == len(s) {
				return n, true
			}
			acc.in[h0] = keep
			i, end = h1, len(s)
			continue
		}
		r, size := decodeRune(s[:end], i)
		if r == utf8.RuneError && size == 1 {
			return n, false // invalid UTF-8, or a rune across h0
		}
		if i, n, ok = keyRune(buf, i, n, r, size, &acc.keyNotes); !ok {
			return n, false
		}
	}
}

// keyRunes writes the keys of the pieces ps one after the other at buf[j:]
// with keyRare, adding their traces and scripts to acc, and returns where
// they end; ok is false for invalid UTF-8, a rune without an entry or
// when the keys outgrow buf.
func keyRunes(buf *[keyBufLen]byte, j int, ps [2]string, acc *keyNotes) (end int, ok bool) {
	for _, s := range ps {
		for i := 0; i < len(s); {
			r, size := decodeRune(s, i)
			if r == utf8.RuneError && size == 1 {
				return j, false
			}
			if i, j, ok = keyRune(buf, i, j, r, size, acc); !ok {
				return j, false
			}
		}
	}
	return j, true
}

// keyCheckRun is keyRun for a shared piece (see keySegment): it stops
// where keyRun would, but for the room in buf, which it does not write;
// j grows by each part's length.
func keyCheckRun(i, j int, acc *keyAcc) (int, int) {
	for {
		x := binary.LittleEndian.Uint32(acc.in[i&(fastInLen-1):])
		ld := &utf8Leads[byte(x)]
		r, valid := decodeLead(x, ld)
		if !valid {
			break
		}
		v := keyBlocks[uint(keyIndex[r>>blockShift&(0x100000>>blockShift-1)])<<blockShift|uint(r&(1<<blockShift-1))]
		w := keyWords[uint16(v)]
		n := int(w >> keyWordLenShift & 7)
		if w&keyWordSpecial == keyWordSpecial {
			if uint16(v) != keyHangul {
				break
			}
			_, _, _, wl, wv, wt, ok := syllableJamoWords(r - hangulBase)
			if !ok {
				break
			}
			n = int(wl>>keyWordLenShift&7 + wv>>keyWordLenShift&7 + wt>>keyWordLenShift&7)
		}
		size := int(ld.n)
		i += size
		sc := uint8(v >> keyScriptShift)
		acc.scripts[sc>>6] |= 1 << (sc & 63)
		plain := -(w >> 54 & 1) // all ones for keyPlain (keyWordPlain)
		j += n + size&int(plain)
	}
	return i, j
}
