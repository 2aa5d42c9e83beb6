package risk

// compareIdentical is CompareNicknames(a, a): only whether the key is
// empty matters.
func compareIdentical(a string) NicknameMatch {
	var ba [keyBufLen]byte
	k, n, _ := nicknameKeyInto(&ba, a, &defaultKeyOptions)
	return NicknameMatch{Score: scoreIdentical, Lookalike: k != "" || n > 0, Reasons: NickIdentical}
}

// compareNicknameKeys is CompareNicknames(a, b) for a != b from their
// keys, computed in stack buffers.
func compareNicknameKeys(a, b string) NicknameMatch {
	var ba, bb [keyBufLen]byte
	var x, y nickInfo
	ka, na := x.keyInto(&ba, a, !isASCII(a))
	x.key = keyOf(&ba, ka, na)
	kb, nb := y.keyInto(&bb, b, !isASCII(b))
	y.key = keyOf(&bb, kb, nb)
	return compareKeys(a, b, &x, &y)
}

// compareOneSketch is CompareNicknames(s, t) for s != t when only t has a
// key sketch, (units, mask): s's key comes first, and its graphemes
// (setUnits) are what a sketch of s would be, so the sketches' bounds
// reject most such pairs without t's key. The few nicknames without a
// sketch (runes without a key table entry) would otherwise cost the
// nicknames they are compared with their keys too.
func compareOneSketch(s, t string, units int, mask uint64) NicknameMatch {
	var bs, bt [keyBufLen]byte
	var x, y nickInfo
	ks, ns := x.keyInto(&bs, s, !isASCII(s))
	x.key = keyOf(&bs, ks, ns)
	x.countUnits()
	if sketchesReject(x.units, x.mask, units, mask) {
		return NicknameMatch{}
	}
	kt, nt := y.keyInto(&bt, t, !isASCII(t))
	y.key = keyOf(&bt, kt, nt)
	return compareKeys(s, t, &x, &y)
}
