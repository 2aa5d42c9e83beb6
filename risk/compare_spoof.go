package risk

import "encoding/binary"

// compareSpoof is CompareNicknames(a, b) for a spoof-shaped pair (a != b)
// whose keys are equal, from the parts of a and b that differ: ok is false
// when it cannot tell, and CompareNicknames then computes both keys.
//
// When keyTableInto applies to a nickname, its key and trace are the
// concatenation of its runes' parts and notes. Split a and b into pieces
// of valid UTF-8 (each decodes on its own as it does within the whole
// string, and a string made of valid pieces is valid): pieces they share,
// and pieces in which they differ, da of a and db of b, such that
// a's key is K(shared…, da…) and b's K(shared…, db…) with the same shared
// keys around them. For sh.kind spoofSwap, a = P + x + Q and b = P + y +
// Q (da = x, db = y); for spoofAround, the longer is X + shorter + Y
// (the shorter's pieces are none, the longer's X and Y). If the keys of
// the differing pieces, concatenated, are equal, so are the keys of a and
// b, and (the traces being sums) a step's trace differs exactly where it
// differs between da and db. The script sets of a and b are those of the
// shared pieces with da's or db's. compareKeys then answers from those
// alone: equal non-empty keys, the steps whose traces differ and whether
// either side is mixed-script.
//
// Every piece must go through keyRun and keyRare as a whole nickname
// would, without invalid UTF-8 (so that the pieces are valid); the key
// must not be empty (a nickname of only decoration keeps it, which the
// table path does not know) nor longer than keyBufLen. Any other case,
// and differing keys, are left to CompareNicknames. The rapid property
// TestCompareSpoof checks it against compareRef.
func compareSpoof(a, b string, sh spoofShapeOf) (NicknameMatch, bool) {
	var buf [keyBufLen]byte
	var acc keyAcc
	var sg keySegs
	var mixedA, mixedB scriptSet  // the scripts of a and b
	var diff [numSteps + 1]uint64 // trace of b's pieces minus a's
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
		// a = P + x + Q, then y = b[p:len(b)-q] after a's key.
		if !keySegments(&buf, a, p, len(a)-q, &acc, &sg, 1) {
			return NicknameMatch{}, false
		}
		y := b[p : len(b)-q]
		n := acc.trace // a's trace; then y's pieces' on their own
		acc.trace, acc.scripts = [numSteps + 1]uint64{}, [4]uint64{}
		end, ok := keyPiece(&buf, sg.end[2], y, &acc)
		if !ok || end-sg.end[2] != sg.end[1]-sg.end[0] ||
			string(buf[sg.end[2]:end]) != string(buf[sg.end[0]:sg.end[1]]) {
			return NicknameMatch{}, false
		}
		for k := range diff {
			diff[k] = acc.trace[k] - (n[k] - sg.outer[k])
		}
		mixedA = sg.scripts(sg.middle)
		mixedB = sg.scripts(acc.scripts)
	case spoofAround:
		// The longer is X + the shorter + Y: the keys are equal when X
		// and Y have none.
		long, short := a, b
		if len(a) < len(b) {
			long, short = b, a
		}
		if !keySegments(&buf, long, sh.at, sh.at+len(short), &acc, &sg, 2) ||
			sg.end[0] != 0 || sg.end[1] != sg.end[2] {
			return NicknameMatch{}, false
		}
		// sg.outer is the trace of X and Y; the shared scripts are the
		// shorter's, the others X's and Y's (acc.scripts holds them all).
		diff = sg.outer // X's and Y's traces
		if len(a) > len(b) {
			for k := range diff {
				diff[k] = -diff[k]
			}
		}
		mixedA, mixedB = sg.shortScripts(), sg.scripts(acc.scripts)
		if len(a) > len(b) {
			mixedA, mixedB = mixedB, mixedA
		}
	default:
		return NicknameMatch{}, false
	}
	if sg.end[2] == 0 {
		return NicknameMatch{}, false // only decoration, which the key keeps
	}
	m := NicknameMatch{Score: scoreEqualKeys, Lookalike: true, Reasons: NickEqualKeys}
	for i := range numSteps {
		if diff[i] != 0 {
			m.Reasons |= stepReasons[i]
		}
	}
	if mixedA.mixed() || mixedA != mixedB && mixedB.mixed() {
		m.Reasons |= NickMixedScript
	}
	return m, true
}

// keySegs is what keySegments finds for the pieces of s: where the keys
// of the pieces end in buf, the trace of the first and last pieces
// (outer), the scripts of the middle piece (middle) and of the others
// (other).
type keySegs struct {
	end           [3]int
	outer         [numSteps + 1]uint64
	middle, other [4]uint64
}

// scripts returns the scripts of the outer pieces together with those in
// more, as a scriptSet.
func (sg *keySegs) scripts(more [4]uint64) scriptSet {
	return scriptSet{sg.other[0] | more[0], sg.other[1] | more[1], sg.other[2] | sg.other[3] | more[2] | more[3]}
}

// shortScripts returns the scripts of the middle piece as a scriptSet.
func (sg *keySegs) shortScripts() scriptSet {
	return scriptSet{sg.middle[0], sg.middle[1], sg.middle[2] | sg.middle[3]}
}

// keySegments writes the key of s to buf as keyTableInto does, adds its
// trace and scripts to acc (which must be zero), and notes in sg where
// the keys of the pieces s[:c0], s[c0:c1] and s[c1:] end, the trace of
// the first and last pieces and the scripts of the middle one and of the
// others. ok is false when s is not shorter than fastInLen, when a piece
// holds invalid UTF-8 (so a rune that crosses a cut) or a rune without an
// entry, or when the key outgrows buf. keyRun stops at each cut, where the
// copy of s in acc.in holds a byte that no rune starts with for the time
// of the piece.
func keySegments(buf *[keyBufLen]byte, s string, c0, c1 int, acc *keyAcc, sg *keySegs, shared uint8) bool {
	if len(s) >= fastInLen {
		return false
	}
	copy(acc.in[:], s)
	acc.in[len(s)] = 0xFF
	j, ok := keySegment(buf, s, 0, c0, 0, acc, shared&1 != 0)
	if !ok {
		return false
	}
	sg.end[0] = j
	t0, s0 := acc.trace, acc.scripts
	acc.scripts = [4]uint64{}
	if j, ok = keySegment(buf, s, c0, c1, j, acc, shared&2 != 0); !ok {
		return false
	}
	sg.end[1], sg.middle = j, acc.scripts
	for k := range t0 {
		sg.outer[k] = acc.trace[k] - t0[k] // the middle's, for now
	}
	acc.scripts = s0
	if j, ok = keySegment(buf, s, c1, len(s), j, acc, shared&1 != 0); !ok {
		return false
	}
	sg.end[2], sg.other = j, acc.scripts
	for k := range t0 {
		sg.outer[k] = acc.trace[k] - sg.outer[k]
	}
	acc.scripts = [4]uint64{}
	for k := range s0 {
		acc.scripts[k] = sg.other[k] | sg.middle[k]
	}
	return true
}

// keySegment writes the key of s[i:end] at buf[j:] (acc.in holds s) and
// returns where it ends; ok is false as for keySegments. A shared piece's
// key bytes and trace, which are the same in both nicknames, are not
// needed: keyCheckRun only finds its runes' entries, the key's length
// and the scripts (runes that keyRare takes still write their bytes and
// notes).
func keySegment(buf *[keyBufLen]byte, s string, i, end, j int, acc *keyAcc, shared bool) (int, bool) {
	keep := acc.in[end]
	acc.in[end] = 0xFF
	for i < end {
		if shared {
			i, j = keyCheckRun(i, j, acc)
		} else {
			i, j = keyRun(buf, i, j, acc)
		}
		if i >= end {
			break
		}
		if r, n := decodeRune(s[:end], i); r == 0xFFFD && n == 1 {
			return j, false // invalid UTF-8
		}
		var ok bool
		if i, j, ok = keyRare(buf, s[:end], i, j, acc); !ok {
			return j, false
		}
	}
	acc.in[end] = keep
	return j, true
}

// keyPiece writes the key of s at buf[j:] as keySegment does, copying s
// to acc.in first.
func keyPiece(buf *[keyBufLen]byte, j int, s string, acc *keyAcc) (int, bool) {
	if len(s) >= fastInLen {
		return j, false
	}
	copy(acc.in[:], s)
	acc.in[len(s)] = 0xFF
	return keySegment(buf, s, 0, len(s), j, acc, false)
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
			h := r - hangulBase
			wl := keyJamoWords[h/(jamoVCount*jamoTCount)]
			wv := keyJamoWords[jamoLCount+h%(jamoVCount*jamoTCount)/jamoTCount]
			wt := keyJamoWords[jamoLCount+jamoVCount+h%jamoTCount]
			if (wl|wv|wt)&keyWordSpecial == keyWordSpecial {
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
