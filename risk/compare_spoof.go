package risk

import (
	"encoding/binary"
	"unicode/utf8"
)

// compareSpoof is CompareNicknames(a, b) for a spoof-shaped pair (a != b,
// shape sh) whose keys are equal, computed from the pieces in which a and
// b differ: ok is false when it cannot tell, and CompareNicknames then
// computes both keys. On the spoof pairs of bench/ it costs less than
// half of what the two keys cost (cachegrind).
//
// Why it is exact: when keyTableInto applies to a nickname, its key and
// trace are the concatenation and the sum of its runes' parts and notes
// (see nickname_table.go), an invalid byte being a rune U+FFFD of its own,
// as for the general path, which ranges over the nickname. Split a and b
// into pieces that start where a rune starts, at a byte that is not a
// continuation byte (10xxxxxx), or at the start of the nickname: then no
// valid sequence crosses a cut, since every byte of a valid sequence after
// its first is a continuation byte, so a piece decodes on its own into the
// runes that the whole nickname decodes into there, invalid bytes
// included. The pieces are those a and b share, and those in which they
// differ, da of a and db of b. For sh.kind spoofSwap, a = P + x + Q and
// b = P + y + Q (da = x, db = y), with the cuts moved to rune starts; for
// spoofAround, the longer is X + the shorter + Y (da or db is X and Y, the
// other side has no piece of its own). Then a's key is K(P) K(x) K(Q) and
// b's K(P) K(y) K(Q) (for spoofAround K(X) K(s) K(Y) and K(s)), so equal
// keys of the differing pieces make the keys equal; the trace of a step
// differs exactly where the sums over da and db differ; and the scripts of
// a and b are those of the shared pieces with da's or db's. compareKeys
// answers from those alone: equal non-empty keys, the steps whose traces
// differ, and whether either side is mixed-script (scriptSet.mixed, as
// keyInto finds it).
//
// acc.in holds a copy of a (spoofSwap, followed by a zero byte and y) or
// of the longer (spoofAround), in which every piece is followed by a rune
// start, a zero byte or the end of the copy, so that a sequence cut by the
// end of a piece is invalid there as in the piece alone. keyPiece writes
// the keys of the differing pieces and notes their traces and scripts,
// keyShared finds that every rune of a shared piece has an entry, the
// length of its key and its scripts; both walk acc.in up to the end of the
// piece as keyRun does, and keyRune takes the runes they leave. Any rune
// without an entry, a cut at a continuation byte, an empty key (a nickname
// of only decoration keeps it, which the table path does not know), a key
// longer than keyBufLen, nicknames too long for acc.in and keys of the
// differing pieces that differ are left to CompareNicknames. The rapid
// property TestCompareSpoof (and FuzzCompareSpoof) checks it against
// compareRef, on spoofs of random nicknames (made of runes, or of bytes
// put anywhere, in the middle of a rune too) and on table rows.
func compareSpoof(a, b string, sh spoofShapeOf) (NicknameMatch, bool) {
	var acc keyAcc
	var buf [keyBufLen]byte
	var r NicknameReasons // the reasons of the steps whose traces differ
	var sa, sb [4]uint64  // the scripts of x and y (spoofSwap)
	n := 0                // the length of a's key
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
		// a = P + x + Q and b = P + y + Q; acc.in holds a, a zero byte
		// (y may start with a continuation byte when p is 0) and y.
		h, y := len(a)-q, b[p:len(b)-q]
		if runePartsDiffer(a[p:h], y) || len(a)+1+len(y) >= fastInLen {
			return NicknameMatch{}, false
		}
		copy(acc.in[:], a)
		copy(acc.in[len(a)+1:], y)
		// x's key at buf[:na], y's at buf[na:nb]. Most pairs whose keys
		// differ (an edit, not a lookalike character) stop here, at little
		// cost.
		na, ok := keyPiece(&buf, p, h, 0, &acc)
		if !ok {
			return NicknameMatch{}, false
		}
		sa, acc.scripts = acc.scripts, [4]uint64{}
		// y's notes are added to the negated notes of x (eight slots:
		// the constants do not compile otherwise).
		const _, _ uint = numSteps + 1 - 8, 8 - (numSteps + 1)
		t := &acc.trace
		*t = [numSteps + 1]uint64{-t[0], -t[1], -t[2], -t[3], -t[4], -t[5], -t[6], -t[7]}
		nb, ok := keyPiece(&buf, len(a)+1, len(a)+1+len(y), na, &acc)
		if !ok || nb-na != na || string(buf[:na]) != string(buf[na:nb]) {
			return NicknameMatch{}, false
		}
		r = traceReasons(&acc.trace) // y's notes less x's
		sb, acc.scripts = acc.scripts, [4]uint64{}
		// The shared pieces, P and Q.
		n, ok = keyShared(&buf, 0, p, na, a, &acc)
		if !ok {
			return NicknameMatch{}, false
		}
		if n, ok = keyShared(&buf, h, len(a), n, a, &acc); !ok {
			return NicknameMatch{}, false
		}
	case spoofAround:
		// The longer is X + the shorter + Y, and acc.in holds it.
		long, ls := a, len(b)
		if len(a) < len(b) {
			long, ls = b, len(a)
		}
		h, e := sh.at, sh.at+ls
		if len(long) >= fastInLen || long[h]&0xC0 == 0x80 || e < len(long) && long[e]&0xC0 == 0x80 {
			return NicknameMatch{}, false
		}
		copy(acc.in[:], long)
		nx, ok := keyPiece(&buf, 0, h, 0, &acc)
		if ok {
			nx, ok = keyPiece(&buf, e, len(long), nx, &acc)
		}
		// The keys of X and Y, which the shorter lacks, must be empty.
		if !ok || nx != 0 {
			return NicknameMatch{}, false
		}
		// The longer's notes, and none of the shorter's: which is a
		// does not matter.
		r = traceReasons(&acc.trace)
		if n, ok = keyShared(&buf, h, e, 0, long, &acc); !ok || n == 0 || n > keyBufLen {
			return NicknameMatch{}, false // see below
		}
		// acc.scripts holds the longer's scripts, which hold the
		// shorter's: if the shorter is mixed-script, so is the longer
		// (see spoofMixed).
		s := &acc.scripts
		if scriptsMixed(s[0]&^commonInherited, s[1], s[2]|s[3]) {
			r |= NickMixedScript
		}
		return NicknameMatch{Score: scoreEqualKeys, Lookalike: true, Reasons: NickEqualKeys | r}, true
	default:
		return NicknameMatch{}, false
	}
	if n == 0 || n > keyBufLen {
		// An empty key (a nickname of only decoration keeps it), or one
		// that outgrows the buffers.
		return NicknameMatch{}, false
	}
	if spoofMixed(&sa, &sb, &acc.scripts) {
		r |= NickMixedScript
	}
	return NicknameMatch{Score: scoreEqualKeys, Lookalike: true, Reasons: NickEqualKeys | r}, true
}

// traceReasons returns the reasons of the steps whose notes in d, the
// difference of two traces, are not zero: stepReasons, written out
// without a loop or a branch (TestTraceReasons).
func traceReasons(d *[numSteps + 1]uint64) NicknameReasons {
	return nonZero(d[stepInvisible])*NickInvisible | nonZero(d[stepNFKC])*NickStyled |
		nonZero(d[stepDecoration])*NickDecoration | nonZero(d[stepHanVariant])*NickHanVariant |
		nonZero(d[stepCJKLookalike])*NickCJKLookalike | nonZero(d[stepSkeleton])*NickHomoglyph |
		nonZero(d[stepCase])*NickCase
}

// nonZero is 1 if x is not 0, else 0: the sign bit of x | -x.
func nonZero(x uint64) NicknameReasons {
	return NicknameReasons((x | -x) >> 63)
}

// spoofMixed reports whether a or b is mixed-script, given the scripts
// of their differing pieces, sa and sb, and of the shared ones, ss (as
// keyNotes holds them).
func spoofMixed(sa, sb, ss *[4]uint64) bool {
	a0, a1, a2 := (ss[0]|sa[0])&^commonInherited, ss[1]|sa[1], ss[2]|ss[3]|sa[2]|sa[3]
	b0, b1, b2 := (ss[0]|sb[0])&^commonInherited, ss[1]|sb[1], ss[2]|ss[3]|sb[2]|sb[3]
	// A set of scripts that holds a mixed-script one is mixed too (the
	// intersection of their augmented sets only shrinks), so when one
	// side's scripts hold the other's, as the longer's hold the
	// shorter's for spoofAround, only that side needs the test.
	switch {
	case a0|b0 == b0 && a1|b1 == b1 && a2|b2 == b2:
		return scriptsMixed(b0, b1, b2)
	case a0|b0 == a0 && a1|b1 == a1 && a2|b2 == a2:
		return scriptsMixed(a0, a1, a2)
	}
	return scriptsMixed(a0, a1, a2) || scriptsMixed(b0, b1, b2)
}

// commonInherited are Common and Inherited, which scriptSet.mixed
// ignores, in the first word of a scriptSet (the constant would not
// compile otherwise).
const commonInherited uint64 = 1<<scriptCommon | 1<<scriptInherited

// scriptsMixed is scriptSet.mixed for the scripts s0, s1, s2 (a
// scriptSet) without Common and Inherited. With two scripts or more, the
// set is mixed when the intersection of their augBits is empty: at once
// when one of them has none, that is, is none of the scripts that
// augBits knows (all in the first word, or the constant would not
// compile).
func scriptsMixed(s0, s1, s2 uint64) bool {
	const augScripts uint64 = 1<<scriptHan | 1<<scriptHiragana | 1<<scriptKatakana | 1<<scriptHangul | 1<<scriptBopomofo
	switch {
	case s0&(s0-1)|s1&(s1-1)|s2&(s2-1) == 0 && nonZero(s0)+nonZero(s1)+nonZero(s2) <= 1:
		return false // at most one script
	case s0&^augScripts|s1|s2 != 0:
		return true
	}
	return scriptSet{s0, s1, s2}.mixed()
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

// keyShared adds to n the length of the key of the shared piece
// s[i:end], which acc.in holds from i, followed by a rune start or a zero
// byte, and adds its scripts to acc; ok is false if a rune has no entry.
// keyCheckRun checks most runes, keyRune takes the ones it leaves, writing
// into buf at n (where it may not fit: then ok is false).
func keyShared(buf *[keyBufLen]byte, i, end, n int, s string, acc *keyAcc) (int, bool) {
	for {
		if i, n = keyCheckRun(i, end, n, acc); i >= end {
			return n, true
		}
		// The piece decodes on its own as within s (see compareSpoof).
		r, size := decodeRune(s[:end], i)
		var ok bool
		if i, n, ok = keyRune(buf, i, n, r, size, &acc.keyNotes); !ok {
			return n, false
		}
	}
}

// keyPiece writes the key of the differing piece acc.in[i:end], which is
// followed by a rune start or a zero byte, at buf[j:] and adds its trace
// and scripts to acc; it returns where the key ends, ok false for a rune
// without an entry or a key that outgrows buf. It is keyRun without the
// graphemes, which compareSpoof does not need: most parts are written
// with one store, and keyRune takes the others (a part with a further
// trace item, a special or Hangul id, or less than 8 bytes left in buf)
// and the runes that decodeLead refuses.
func keyPiece(buf *[keyBufLen]byte, i, end, j int, acc *keyAcc) (int, bool) {
	for i < end {
		x := binary.LittleEndian.Uint32(acc.in[i&(fastInLen-1):])
		ld := &utf8Leads[byte(x)]
		r, valid := decodeLead(x, ld)
		// r < 0x100000 when valid (see keyRun); the mask keeps the index
		// in range when not.
		v := keyBlocks[uint(keyIndex[r>>blockShift&(0x100000>>blockShift-1)])<<blockShift|uint(r&(1<<blockShift-1))]
		w := keyWords[uint16(v)]
		if !valid || w&keyWordItem != 0 || w&keyWordSpecial == keyWordSpecial || uint(j) > keyBufLen-8 {
			// The piece decodes on its own as within the nickname (see
			// compareSpoof).
			r, size := utf8.DecodeRune(acc.in[i:end])
			var ok bool
			if i, j, ok = keyRune(buf, i, j, r, size, &acc.keyNotes); !ok {
				return j, false
			}
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
	}
	return j, true
}

// keyCheckRun is keyRun for a shared piece, acc.in[i:end] (see
// keyShared): it stops at end and where keyRun would, but for the room in
// buf, which it does not write; j grows by each part's length.
func keyCheckRun(i, end, j int, acc *keyAcc) (int, int) {
	for i < end {
		x := binary.LittleEndian.Uint32(acc.in[i&(fastInLen-1):])
		ld := &utf8Leads[byte(x)]
		r, valid := decodeLead(x, ld)
		if !valid {
			break
		}
		v := keyBlocks[uint(keyIndex[r>>blockShift&(0x100000>>blockShift-1)])<<blockShift|uint(r&(1<<blockShift-1))]
		w := keyWords[uint16(v)]
		n := int(w >> keyWordLenShift & 7)
		if n == keyWordSpecial>>keyWordLenShift {
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
