package risk

import (
	"encoding/binary"
	"unicode/utf8"
)

// runeValue returns the generated per-rune value of r: the skeleton kind in
// the low bits, the nickname classes in the high bits. r must be a valid
// code point.
func runeValue(r rune) uint32 {
	return runeBlocks[int(runeIndex[r>>blockShift])<<blockShift|int(r&(1<<blockShift-1))]
}

// piece returns the skeleton piece of kind k (k >= kindPiece0).
func piece(k uint32) string {
	i := int(k - kindPiece0)
	lo := uint32(0)
	if i > 0 {
		lo = pieceEnd[i-1]
	}
	return skeletonPieces[lo:pieceEnd[i]]
}

// Skeleton returns the UTS #39 §4 skeleton of s: s in NFD, every code point
// mapped through confusables.txt, and NFD again. Two strings are confusable
// when their skeletons are equal. A skeleton is meant for comparison only,
// never for display.
//
// Skeleton returns s itself, without allocating, when s is its own skeleton
// (most ASCII, Han and already-normalised names), and allocates the result
// once otherwise. Invalid UTF-8 bytes become U+FFFD. Skeleton is safe for
// concurrent use.
func Skeleton(s string) string {
	for i := 0; i < len(s); i++ {
		// The nickname bits (capitals, decorations) do not matter here.
		if c := s[i]; c >= utf8.RuneSelf || runeBlocks[c]&(kindMask|bitSlow) != kindIdentity {
			return skeletonNonASCII(s, i)
		}
	}
	return s
}

// skeletonNonASCII is the Unicode part of [Skeleton], kept apart so that
// the ASCII loop runs without its stack frame and buffers (Skeleton itself
// is just too large to inline: cost 96, budget 80). s[:i] is ASCII and its
// own skeleton. Names of
// 4 to fastInLen bytes take fastSkeleton, on a stack buffer; others, and
// skeletons that outgrow it, take appendSkeleton.
func skeletonNonASCII(s string, i int) string {
	if len(s) <= fastInLen && len(s) >= 4 {
		var out fastBuf
		if i > 0 {
			copyPrefix(&out, s, i)
		}
		// fastSkeleton(&out, s, i), with its first fastRun here: most
		// names need no other.
		k, j, mapped := fastRun(&out, s, i, i)
		if k >= len(s) {
			if mapped == 0 {
				return s
			}
			return string(out[:j]) // the skeleton differs from s
		}
		j, res, p := fastRest(&out, s, i, k, j, mapped)
		switch res {
		case fastSame:
			return s
		case fastMapped: // the skeleton differs from s: no comparison
			return string(out[:j])
		case fastSlow:
			k := appendSkeletonSlow(append(out[:0], s[:p]...), s[p:])
			if string(k) == s {
				return s
			}
			return string(k)
		}
	}
	var buf [128]byte
	out, same := appendSkeleton(buf[:0], s, i)
	if same || string(out) == s {
		return s
	}
	return string(out)
}

// copyPrefix copies s[:i] to out, 0 < i <= len(s) <= fastInLen. Prefixes of
// up to eight bytes, most of them, take one load and one store rather than
// a call of memmove; the bytes it writes past out[i] are beyond the
// skeleton written so far, which fastRun overwrites or leaves unread.
func copyPrefix(out *fastBuf, s string, i int) {
	if i <= 8 && len(s) >= 8 {
		t := s[:8]
		binary.LittleEndian.PutUint64(out[:], uint64(t[0])|uint64(t[1])<<8|uint64(t[2])<<16|uint64(t[3])<<24|
			uint64(t[4])<<32|uint64(t[5])<<40|uint64(t[6])<<48|uint64(t[7])<<56)
		return
	}
	copy(out[:], s[:i])
}

// AppendSkeleton appends the [Skeleton] of s to dst and returns the extended
// buffer. It does not allocate when dst has enough capacity and s has at
// most 64 code points after NFD; longer strings that need the full NFD path
// use two heap buffers for the intermediate forms.
func AppendSkeleton(dst []byte, s string) []byte {
	// Not fastSkeleton: its stack buffers and the copy out of them cost
	// more than they save here (BenchmarkAppendSkeleton).
	out, same := appendSkeleton(dst, s, 0)
	if same {
		return append(dst, s...)
	}
	return out
}

// appendSkeleton appends the skeleton of s to dst, or reports same (dst
// unchanged) when every rune of s is fast and its own piece. s[:i] is
// known to be.
//
// A prefix of runes that are fast and their own pieces ends with a starter
// that is its own NFD and piece, so no canonical reordering crosses its
// end: the skeleton of s is that prefix followed by the skeleton of the
// rest. When every rune is fast, the skeleton is the concatenation of the
// pieces; runs of runes that are their own pieces are copied at once.
func appendSkeleton(dst []byte, s string, i int) (out []byte, same bool) {
	start := len(dst)
	p, run := -1, 0 // p: end of the prefix; run: start of a run not copied yet
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf && runeBlocks[c]&(kindMask|bitSlow) == kindIdentity {
			i++ // ASCII and its own piece (runeIndex[0] is 0)
			continue
		}
		r, n := rune(s[i]), 1
		switch c := s[i]; {
		case c < utf8.RuneSelf:
		case c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			r, n = rune(c&0x1F)<<6|rune(s[i+1]&0x3F), 2 // decodeRune, inline
		case c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			r, n = rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
		case c == 0xE0 && i+2 < len(s) && s[i+1] >= 0xA0 && s[i+1] <= 0xBF && s[i+2]&0xC0 == 0x80:
			r, n = rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3 // Thai, Devanagari
		case c == 0xF0 && i+3 < len(s) && s[i+1] >= 0x90 && s[i+1] <= 0xBF && s[i+2]&0xC0 == 0x80 && s[i+3]&0xC0 == 0x80:
			r, n = rune(s[i+1]&0x3F)<<12|rune(s[i+2]&0x3F)<<6|rune(s[i+3]&0x3F), 4 // emoji
		default:
			r, n = decodeRune(s, i)
			if r == utf8.RuneError && n == 1 {
				if runeValue(r)&(kindMask|bitSlow) != kindIdentity {
					if p < 0 {
						p = i
					}
					return appendSkeletonSlow(append(dst[:start], s[:p]...), s[p:]), false
				}
				// An invalid byte: the slow path reads it as U+FFFD,
				// which is fast and its own piece, but whose bytes differ
				// from the byte's (TestSkeletonInvalid).
				if p < 0 {
					p = i
				}
				dst = append(append(dst, s[run:i]...), "\uFFFD"...)
				i++
				run = i
				continue
			}
		}
		// Only decodeRune gives an invalid byte (n == 1, above).
		v := runeValue(r)
		if v&bitSlow != 0 {
			if p < 0 {
				p = i
			}
			return appendSkeletonSlow(append(dst[:start], s[:p]...), s[p:]), false
		}
		k := v & kindMask
		if k == kindIdentity {
			i += n
			continue
		}
		if p < 0 {
			p = i
		}
		if run < i {
			dst = append(dst, s[run:i]...) // valid runes: their bytes are their encoding
		}
		i += n
		run = i
		if k == kindHangul {
			dst = appendHangul(dst, r)
		} else {
			dst = appendShort(dst, piece(k))
		}
	}
	if p < 0 {
		return dst, true
	}
	return append(dst, s[run:]...), false
}

// Hangul syllable decomposition (Unicode §3.12). A precomposed syllable's
// skeleton is the concatenation of its jamo's pieces.
const (
	hangulBase = 0xAC00
	jamoLBase  = 0x1100
	jamoVBase  = 0x1161
	jamoTBase  = 0x11A7
	jamoLCount = 19
	jamoVCount = 21
	jamoTCount = 28
)

func appendHangul(dst []byte, r rune) []byte {
	i := r - hangulBase
	dst = appendJamo(dst, jamoLBase+i/(jamoVCount*jamoTCount))
	dst = appendJamo(dst, jamoVBase+(i%(jamoVCount*jamoTCount))/jamoTCount)
	if t := i % jamoTCount; t != 0 {
		dst = appendJamo(dst, jamoTBase+t)
	}
	return dst
}

func appendJamo(dst []byte, j rune) []byte {
	if k := runeValue(j) & kindMask; k >= kindPiece0 {
		return appendShort(dst, piece(k))
	}
	// The jamo of syllables are in U+1100..U+11FF: three bytes, the
	// first E1 (utf8.AppendRune without its range tests).
	return append(dst, 0xE1, byte(0x80|j>>6&0x3F), byte(0x80|j&0x3F))
}

// appendSkeletonSlow is UTS #39 §4 to the letter: NFD, map, NFD. It works on
// stack buffers of 64 runes, and on the heap beyond that.
func appendSkeletonSlow(dst []byte, s string) []byte {
	var b1, b2 [64]rune
	d := appendNFD(b1[:0], s) // UTS #39 §4 step 1: NFD
	m := b2[:0]
	for _, r := range d { // step 2: map each code point through confusables.txt
		m = appendMapped(m, r)
	}
	// Step 3: NFD again. Unmapped runes come from an NFD string and mapped
	// ones were replaced by NFD(target), so only canonical ordering is left.
	reorder(m)
	return appendRunes(dst, m)
}

// appendMapped appends the confusables.txt target of r, or r itself.
func appendMapped(dst []rune, r rune) []rune {
	// r comes from an NFD string, so it is its own NFD, and its piece is
	// NFD(target): step 3 treats that the same as the target itself.
	if v := runeValue(r); v&bitMapped != 0 {
		for _, c := range piece(v & kindMask) {
			dst = append(dst, c)
		}
		return dst
	}
	return append(dst, r)
}

// appendShort is append(dst, p...) with the pieces of up to three bytes
// (most) appended without a call of memmove.
func appendShort(dst []byte, p string) []byte {
	switch len(p) {
	case 1:
		return append(dst, p[0])
	case 2:
		return append(dst, p[0], p[1])
	case 3:
		return append(dst, p[0], p[1], p[2])
	}
	return append(dst, p...)
}
