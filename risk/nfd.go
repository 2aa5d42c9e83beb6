package risk

import "unicode/utf8"

// This file is a small NFD (UAX #15) over the generated tables: x/text's
// norm.NFD.Append makes its buffers escape, which costs Skeleton two
// allocations per call. TestNFDAllRunes checks it against x/text for every
// code point.

// normValue returns ccc | (NFD index+1)<<8 | (NFKD index+1)<<32 for r.
func normValue(r rune) uint64 {
	return normBlocks[int(normIndex[r>>blockShift])<<blockShift|int(r&(1<<blockShift-1))]
}

func ccc(r rune) uint8 { return uint8(normValue(r)) }

// decomposition returns the decomposition with index+1 = i, or "" for 0.
func decomposition(i int) string {
	if i == 0 {
		return ""
	}
	lo := uint32(0)
	if i > 1 {
		lo = decompEnd[i-2]
	}
	return decompositions[lo:decompEnd[i-1]]
}

// appendDecomposed appends the full canonical decomposition of r to dst.
func appendDecomposed(dst []rune, r rune) []rune {
	return appendDecomposition(dst, r, false)
}

// appendDecomposition appends the full canonical (compat false) or
// compatibility (compat true) decomposition of r to dst.
func appendDecomposition(dst []rune, r rune, compat bool) []rune {
	if r >= hangulBase && r < hangulBase+11172 {
		i := r - hangulBase
		dst = append(dst, jamoLBase+i/(jamoVCount*jamoTCount), jamoVBase+(i%(jamoVCount*jamoTCount))/jamoTCount)
		if t := i % jamoTCount; t != 0 {
			dst = append(dst, jamoTBase+t)
		}
		return dst
	}
	v := normValue(r)
	d := decomposition(int(v >> 8 & 0xFFFFFF))
	if compat && v>>32 != 0 {
		d = decomposition(int(v >> 32))
	}
	if d == "" {
		return append(dst, r)
	}
	for _, c := range d {
		dst = append(dst, c)
	}
	return dst
}

// reorder applies the canonical ordering algorithm (UAX #15 §3.11, D109):
// every run of non-starters is sorted stably by combining class.
func reorder(rs []rune) {
	for i := 1; i < len(rs); i++ {
		c := ccc(rs[i])
		if c == 0 {
			continue
		}
		r := rs[i]
		j := i
		for j > 0 {
			p := ccc(rs[j-1])
			if p <= c {
				break
			}
			rs[j] = rs[j-1]
			j--
		}
		rs[j] = r
	}
}

// appendNFD appends NFD(s) to dst as runes; invalid bytes become U+FFFD.
func appendNFD(dst []rune, s string) []rune {
	start := len(dst)
	for _, r := range s {
		dst = appendDecomposed(dst, r)
	}
	reorder(dst[start:])
	return dst
}

// appendRunes appends rs to dst as UTF-8.
func appendRunes(dst []byte, rs []rune) []byte {
	for _, r := range rs {
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}
