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
