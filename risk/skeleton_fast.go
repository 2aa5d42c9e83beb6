package risk

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf8"
)

// This file is the fast path of [Skeleton] for strings whose runes are all
// fast (bitSlow clear): their skeleton is the concatenation of the runes'
// pieces (see appendSkeleton). It computes what appendSkeleton computes,
// with fewer unpredictable branches:
//
//   - It decodes UTF-8 without a branch per sequence length: it loads the
//     four bytes at each rune start from s itself (load4, with zero bytes
//     past the end, for the last three) and takes the masks, length and
//     least code point from utf8Leads, one entry per first byte, as
//     unicode/utf8's acceptRanges do.
//   - It writes every rune with one 8-byte store: the rune's own bytes
//     when it is its own piece, else its piece packed into a word with its
//     length (as in skeletonWords), which fastWordBlocks gives in two
//     loads. A Hangul syllable takes three stores, of its jamo's words.
//     appendSkeleton branches on all of these and copies runs with memmove.
//   - A piece of 8 to 16 bytes takes two stores, a Hangul syllable with a
//     jamo whose piece is longer than a word takes putHangulSlow, and an
//     invalid byte becomes U+FFFD, in the loop too. Only longer pieces,
//     slow runes and sequences after 0xF4 leave it, for putRare, which
//     appends the pieces of some slow runes too (slowPiece). utf8Leads
//     decodes the runes after 0xED too (U+D000 to U+D7FF, among them the
//     last 1,956 Hangul syllables).
//
// TestSkeletonFastAllRunes, the rapid property TestSkeletonFastReference
// and FuzzSkeletonFast compare it with appendSkeletonSlow, the letter of
// UTS #39 §4, and TestFastWordBlocks checks the table for every rune. On
// the 20,000-name corpus of bench/ Skeleton takes 627 instructions and 5.8
// mispredicted branches per name (cachegrind, GOGC=off). An earlier
// version read a copy of s padded with zero bytes (767 instructions, 6.4
// mispredicts), whose 16-byte reloads stalled on the copy's narrower
// stores: reading s itself took about 15% off the time per name, which
// cachegrind does not show.

//go:generate go test -run=^TestSkeletonFastTablesUpToDate$ -update

// Layout of the words of skeletonWords and jamoWords: the piece's bytes in
// the low 56 bits (first byte lowest), its length from bit wordLenShift,
// and wordSpecial for pieces longer than wordMaxLen and for kindHangul.
const (
	wordLenShift = 56
	wordMaxLen   = 7
	wordSpecial  = 1 << 63
)

// replacementWord is U+FFFD packed as in skeletonWords.
const replacementWord = 3<<wordLenShift | 0xBDBFEF

// fastWordBlocks and fastWordIndex give fastWord(r) (skeleton_fast_table_test.go)
// for r < fastWordLimit in two loads, in blocks of 1<<fastWordShift runes:
// fastWordBlocks[fastWordIndex[r>>fastWordShift] | r&(1<<fastWordShift-1)].
const (
	fastWordShift = 6
	fastWordLimit = 0x100000
)

// utf8Lead describes the UTF-8 sequences that start with one byte:
//
//   - lm masks the payload bits of their bytes (as loaded little-endian);
//   - mul (2^(6(n-1)) for n bytes) aligns a four-byte payload to n bytes,
//     with a shift by 18;
//   - the bits cm of bytes 1 to n-1 must equal want: 10 for a continuation
//     byte, 101 for the second byte after 0xE0, which rules out overlong
//     three-byte forms, and 100 after 0xED, which rules out the
//     surrogates;
//   - min is the least code point they encode (0x10000 after 0xF0, which
//     rules out overlong four-byte forms), and n their length.
//
// Bytes that cannot start a sequence have min 0xFFFFFFFF, which no sequence
// reaches, and so has 0xF4, whose sequences beyond U+10FFFF no mask rules
// out: the loops that read utf8Leads leave them to their slower paths.
// Entries take 32 bytes so that each field is one load.
type utf8Lead struct {
	lm, mul, cm, want, min, n uint32
	_                         [2]uint32
}

// fastBuf is the fast path's output buffer: a skeleton, written eight
// bytes at a time with fastRoom bytes kept free: one store, or a Hangul
// syllable's three.
type fastBuf [fastInLen + 8]byte

const (
	fastInLen = 128 // the longest s that takes the fast path
	fastRoom  = 3 * 8
)

// fastResult says what fastSkeleton found.
type fastResult uint8

const (
	fastSame   fastResult = iota // s is its own skeleton
	fastMapped                   // the skeleton, which differs from s, is in the buffer
	fastSlow                     // a rune needs appendSkeletonSlow
	fastFull                     // the skeleton does not fit the buffer
	fastOwn                      // (putRare) the rune is its own piece
)

// load4 returns the four bytes of s from i in little-endian order, with
// zero bytes for those past the end of s (4 <= len(s), 0 <= i < len(s)):
// the last four bytes of s shifted down, when fewer than four are left.
// Reading s itself, rather than a padded copy, spares the copy, and the
// store-forwarding stalls of loads that span the copy's stores.
func load4(s string, i int) uint32 {
	d := i - (len(s) - 4) // the bytes missing past the end, when positive
	d &^= d >> 63         // max(d, 0), without a branch
	t := s[i-d : i-d+4]
	x := uint32(t[0]) | uint32(t[1])<<8 | uint32(t[2])<<16 | uint32(t[3])<<24
	return x >> (8 * uint(d) & 31)
}

// fastSkeleton writes the skeleton of s to out[:j] when every rune of s[i:]
// is fast, where 4 <= len(s) <= fastInLen, out starts with s[:i], and
// s[:i] is its own skeleton (ASCII, say). It reports
// fastSame when s is its own skeleton, and fastMapped when the skeleton
// differs from s. On fastSlow, the skeleton of s is s[:p] followed by the
// skeleton of s[p:] by appendSkeletonSlow; on fastFull (the skeleton is too
// long for out), nothing is known.
//
// A prefix of runes that are fast and their own pieces ends with a starter
// that is its own NFD and piece, so no canonical reordering crosses its
// end: p is the end of such a prefix (i, or the start of the slow rune when
// no rune before it maps).
//
// A mapped rune makes the skeleton differ from s: out and s agree up to the
// first rune that is not its own piece, and there out holds the first rune
// of its piece, a different rune (TestSkeletonFastPieces), or U+FFFD for
// an invalid byte, whose bytes s does not hold there. Different runes have
// different encodings, neither a prefix of the other. So the callers need
// not compare.
func fastSkeleton(out *fastBuf, s string, i int) (j int, res fastResult, p int) {
	k, j, mapped := fastRun(out, s, i, i)
	if k >= len(s) {
		if mapped == 0 {
			return j, fastSame, 0
		}
		return j, fastMapped, 0
	}
	return fastRest(out, s, i, k, j, mapped)
}

// fastRest is fastSkeleton after its first fastRun from start, which
// stopped before s[i:] (i < len(s)) with out[:j] written; mapped is that
// fastRun's.
func fastRest(out *fastBuf, s string, start, i, j int, mapped uint64) (int, fastResult, int) {
	for {
		if uint(j) > uint(len(out)-fastRoom) {
			return j, fastFull, 0
		}
		n, end, res := putRare(out, s, i, j)
		j = end
		switch res {
		case fastMapped:
			mapped = 1
		case fastOwn:
		case fastSlow:
			if mapped == 0 {
				return j, res, i
			}
			return j, res, start
		default:
			return j, res, 0
		}
		var m uint64
		i, j, m = fastRun(out, s, i+n, j)
		mapped |= m
		if i >= len(s) {
			if mapped == 0 {
				return j, fastSame, 0
			}
			return j, fastMapped, 0
		}
	}
}

// fastRun is the loop of fastSkeleton over s[i:], writing at out[j:]
// (4 <= len(s), 0 <= i). It stops at the end of s, where out has less than
// fastRoom bytes left, or before a rune that needs putRare; mapped is
// non-zero when a rune was not its own piece. It calls nothing but for
// the rare Hangul syllables whose jamo have long pieces (putHangulSlow), so
// that its state stays in registers.
func fastRun(out *fastBuf, s string, i, j int) (int, int, uint64) {
	mapped := uint64(0)
	for uint(i) < uint(len(s)) && uint(j) <= uint(len(out)-fastRoom) {
		var x uint32
		if i >= len(s)-3 {
			// load4(s, i): the last four bytes of s, shifted down by the
			// 1 to 3 of them before i.
			t := s[len(s)-4:]
			x = (uint32(t[0]) | uint32(t[1])<<8 | uint32(t[2])<<16 | uint32(t[3])<<24) >> (8 * uint(i-(len(s)-4)) & 31)
		} else {
			x = uint32(s[i]) | uint32(s[i+1])<<8 | uint32(s[i+2])<<16 | uint32(s[i+3])<<24
		}
		if x&0x80 == 0 && fastWordBlocks[x&0x7F] == 0 {
			// ASCII that is its own piece (fastWordBlocks starts with
			// the ASCII words): names that mix Latin letters with others
			// hold runs of these.
			out[j] = byte(x)
			i++
			j++
			continue
		}
		ld := &utf8Leads[byte(x)]
		r, ok := decodeLead(x, ld)
		if !ok {
			if byte(x) == 0xF4 {
				break // perhaps valid, beyond fastWordLimit: putRare
			}
			// An invalid byte (TestDecodeLead: utf8Leads refuses
			// valid sequences only after 0xF4), which UTF-8 decoders
			// read as U+FFFD, fast and its own piece, as putRare does.
			binary.LittleEndian.PutUint64(out[j:], replacementWord)
			mapped = 1
			i++
			j += len(string(utf8.RuneError))
			continue
		}
		// fastWord(r); r < fastWordLimit, since sequences after 0xF4 leave
		// the loop, so the mask keeps r>>fastWordShift and spares a bounds
		// check.
		w := fastWordBlocks[uint(fastWordIndex[r>>fastWordShift&(fastWordLimit>>fastWordShift-1)])|uint(r&(1<<fastWordShift-1))]
		size := int(ld.n)
		if int64(w) < 0 { // w&wordSpecial != 0
			// Hangul syllables (Unicode §3.12), as in putSpecial: the
			// concatenation of the jamo's pieces, three words.
			h := r - hangulBase
			if h >= 11172 {
				// Not a Hangul syllable: a slow rune, or one whose piece
				// is longer than a word (U+266A, some Devanagari), which
				// takes two stores when it has at most 16 bytes, read
				// from skeletonPieces; the bytes past it are overwritten
				// or left unread, as with every word.
				v := runeValue(rune(r))
				k := int(v&kindMask) - kindPiece0
				if v&bitSlow != 0 || k < 0 {
					break
				}
				lo := uint32(0)
				if k > 0 {
					lo = pieceEnd[k-1]
				}
				n := int(pieceEnd[k] - lo)
				if n > 16 || int(lo)+16 > len(skeletonPieces) {
					break
				}
				t := skeletonPieces[lo : lo+16]
				binary.LittleEndian.PutUint64(out[j:], load8(t[:8]))
				binary.LittleEndian.PutUint64(out[j+8:], load8(t[8:]))
				j += n
				mapped = 1
				i += size
				continue
			}
			wl := jamoWords[h/(jamoVCount*jamoTCount)]
			wv := jamoWords[jamoLCount+h%(jamoVCount*jamoTCount)/jamoTCount]
			wt := jamoWords[jamoLCount+jamoVCount+h%jamoTCount]
			if int64(wl|wv|wt) < 0 {
				// A jamo's piece is longer than a word (U+116B,
				// U+1170): putHangulSlow, without leaving the loop.
				nj, ok := putHangulSlow(out, j, rune(r))
				if !ok {
					break
				}
				j = nj
				mapped = 1
				i += size
				continue
			}
			// The words' lengths are at most wordMaxLen = 7 (no
			// wordSpecial): the masks, which change nothing, tell the
			// compiler that the three stores fit, so it checks nothing.
			jv := j + int(wl>>wordLenShift&wordMaxLen)
			jt := jv + int(wv>>wordLenShift&wordMaxLen)
			binary.LittleEndian.PutUint64(out[j:], wl)
			binary.LittleEndian.PutUint64(out[jv:], wv)
			binary.LittleEndian.PutUint64(out[jt:], wt)
			j = jt + int(wt>>wordLenShift&wordMaxLen)
			mapped = 1
			i += size
			continue
		}
		mapped |= w
		l := int(w >> wordLenShift)
		if w == 0 { // its own piece
			w, l = uint64(x), size
		}
		binary.LittleEndian.PutUint64(out[j:], w)
		i += size
		j += l
	}
	return i, j, mapped
}

// load8 returns the first eight bytes of s in little-endian order.
func load8(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// decodeLead decodes the UTF-8 sequence at the start of x (its bytes in
// little-endian order), whose first byte ld describes. ok is false when
// the sequence is invalid (a byte out of its range, a stray continuation
// byte, truncation), or starts with 0xF4.
func decodeLead(x uint32, ld *utf8Lead) (r uint32, ok bool) {
	// The payload bits, first byte highest, then each byte's 6 (or 7) bits
	// moved next to the following byte's: pairs, then the two halves.
	y := bits.ReverseBytes32(x & ld.lm)
	y = y&0x00FF00FF | y&0xFF00FF00>>2
	y = y&0x0000FFFF | y&0xFFFF0000>>4
	r = uint32(uint64(y) * uint64(ld.mul) >> 18)
	return r, x&ld.cm == ld.want && r >= ld.min
}

// putRare writes the skeleton of the rune at s[i:], which fastRun left (a
// sequence after 0xF4, valid or not, a slow rune, one with a piece longer
// than 16 bytes, or a Hangul syllable for which out had no room), at
// out[j:], where fastRoom bytes are free. It returns the rune's length in
// s and the end of its skeleton with fastMapped, or fastOwn when the rune
// is its own piece; or fastSlow for a slow rune that slowPiece refuses,
// fastFull when out has no room. Kept out of fastRun, whose registers it
// would otherwise take.
func putRare(out *fastBuf, s string, i, j int) (n, end int, res fastResult) {
	r, n := decodeRune(s, i)
	if r == utf8.RuneError && n == 1 {
		// UTF-8 decoders read each invalid byte as U+FFFD, which is fast
		// and its own piece (TestSkeletonInvalid).
		return 1, j + copy(out[j:], "\uFFFD"), fastMapped
	}
	v := runeValue(r)
	switch k := v & kindMask; {
	case v&bitSlow != 0:
		if p, ok := slowPiece(out[:j], r, v); ok && len(p) <= len(out)-fastRoom-j {
			return n, j + copy(out[j:], p), fastMapped
		}
		return 0, j, fastSlow
	case k == kindIdentity:
		return n, j + copy(out[j:], s[i:i+n]), fastOwn
	default:
		if j, ok := putSpecial(out, j, r, k); ok {
			return n, j, fastMapped
		}
	}
	return 0, j, fastFull
}

// slowPiece returns the piece of the slow rune r (v its runeValue) when
// appending it to the skeleton written so far, sk, is exact: when r is a
// starter whose NFD starts with a starter, and only its piece starts with
// a non-starter (U+0945 DEVANAGARI VOWEL SIGN CANDRA E, whose piece is
// U+0306), whose combining class is at least that of the last rune of sk.
//
// Why that is exact: NFD(s) splits before r, whose NFD starts with a
// starter, and after it, as every rune the fast path takes after r starts
// with a starter (fast runes and these), so step 2 maps r's own code
// points. Step 3 reorders the run of non-starters that the piece's first
// ones join; sk ends that run in canonical order (by induction: every
// piece is in NFD, and each such piece was checked in turn), and so does
// the piece, so the run is in order when the class of sk's last rune is no
// greater than that of the piece's first; runes after r start a new run,
// or are checked against r's piece in the same way. Any other slow rune
// after r sends the whole name, from the start of the fast path, to
// appendSkeletonSlow (fastSlow with mapped set). The piece starts with
// another rune than r, so the skeleton differs from s, as fastMapped
// says. TestSkeletonSlowPieces checks every such rune after runes of every
// combining class.
func slowPiece(sk []byte, r rune, v uint32) (string, bool) {
	k := v & kindMask
	if k < kindPiece0 || ccc(r) != 0 {
		return "", false
	}
	if d := decomposition(int(normValue(r) >> 8 & 0xFFFFFF)); d != "" {
		if c, _ := utf8.DecodeRuneInString(d); ccc(c) != 0 {
			return "", false
		}
	}
	p := piece(k)
	first, _ := utf8.DecodeRuneInString(p)
	last, _ := utf8.DecodeLastRune(sk) // RuneError, a starter, for none
	return p, ccc(last) <= ccc(first)
}

// putSpecial writes the skeleton of r, a Hangul syllable or a rune with
// piece k, at out[j:]. ok is false when it does not fit.
func putSpecial(out *fastBuf, j int, r rune, k uint32) (int, bool) {
	if k != kindHangul {
		p := piece(k)
		if len(p) > len(out)-fastRoom-j {
			return j, false
		}
		return j + copy(out[j:], p), true
	}
	// Hangul syllable decomposition (Unicode §3.12): the skeleton is the
	// concatenation of the jamo's pieces, as in appendHangul. fastSkeleton
	// left fastRoom bytes: three words.
	h := int(r - hangulBase)
	wl := jamoWords[h/(jamoVCount*jamoTCount)]
	wv := jamoWords[jamoLCount+h%(jamoVCount*jamoTCount)/jamoTCount]
	wt := jamoWords[jamoLCount+jamoVCount+h%jamoTCount] // T index 0: no jamo, empty
	if (wl|wv|wt)&wordSpecial != 0 {
		return putHangulSlow(out, j, r)
	}
	binary.LittleEndian.PutUint64(out[j:], wl)
	j += int(wl >> wordLenShift)
	binary.LittleEndian.PutUint64(out[j:], wv)
	j += int(wv >> wordLenShift)
	binary.LittleEndian.PutUint64(out[j:], wt)
	return j + int(wt>>wordLenShift), true
}

// putHangulSlow writes the skeleton of the Hangul syllable r at out[j:]
// when one of its jamo's pieces is longer than wordMaxLen.
func putHangulSlow(out *fastBuf, j int, r rune) (int, bool) {
	var b [32]byte
	h := appendHangul(b[:0], r)
	if len(h) > len(out)-fastRoom-j {
		return j, false
	}
	return j + copy(out[j:], h), true
}
