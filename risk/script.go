package risk

// scriptName returns the Unicode Script property value of r as Go's unicode
// package knows it ("Unknown" for unassigned code points).
func scriptName(r rune) string { return scriptNames[scriptOf(r)] }

func scriptOf(r rune) uint8 {
	if r < 0 || r > 0x10FFFF {
		return 0
	}
	return scriptBlocks[int(scriptIndex[r>>blockShift])<<blockShift|int(r&(1<<blockShift-1))]
}

// isAllowed reports whether r has Identifier_Status=Allowed (UTS #39 §3.1).
func isAllowed(r rune) bool {
	lo, hi := 0, len(allowedRanges)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch {
		case r < allowedRanges[m][0]:
			hi = m
		case r > allowedRanges[m][1]:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}
