package risk

import (
	"encoding/binary"
	"encoding/hex"
	"errors"
	"math/bits"
)

// Hash is a 256-bit PDQ perceptual hash (see [PDQ]).
//
// The 32 bytes are the hash's 256-bit integer in big-endian order, which is
// the same order as its 64-digit hex text form: Hash[0] holds bits 255..248
// (DCT row 15, columns 15..8) and Hash[31] holds bits 7..0 (DCT row 0,
// columns 7..0). Bit k = 16·row + column of the 16×16 DCT.
//
// The zero Hash is the all-zero hash that [PDQ] returns, with quality 0, for
// images that are too small or completely flat; it is never usable for a
// match verdict (see [MinQuality]). Hash values compare with ==.
type Hash [32]byte

// HashHexLen is the length of a [Hash]'s text form: 64 hex digits.
const HashHexLen = 2 * len(Hash{})

// ErrHashSyntax is returned by [ParseHash] and [Hash.UnmarshalText] for text
// that is not 64 hex digits.
var ErrHashSyntax = errors.New("risk: invalid PDQ hash syntax")

// String returns the hash as 64 lower-case hex digits, the text form of Meta's
// PDQ reference. It allocates the returned string.
func (h Hash) String() string {
	var buf [HashHexLen]byte
	hex.Encode(buf[:], h[:])
	return string(buf[:])
}

// AppendText appends the hash's 64 lower-case hex digits to b and returns the
// extended buffer. It does not allocate when b has enough capacity.
func (h Hash) AppendText(b []byte) ([]byte, error) {
	return hex.AppendEncode(b, h[:]), nil
}

// MarshalText implements [encoding.TextMarshaler]; JSON encodes a Hash as a
// string of 64 hex digits.
func (h Hash) MarshalText() ([]byte, error) {
	return h.AppendText(make([]byte, 0, HashHexLen))
}

// UnmarshalText implements [encoding.TextUnmarshaler] with the syntax of
// [ParseHash]. On error h is left unchanged.
func (h *Hash) UnmarshalText(text []byte) error {
	p, err := parseHash(text)
	if err != nil {
		return err
	}
	*h = p
	return nil
}

// ParseHash parses 64 hex digits, upper or lower case, as the C++ reference
// accepts them, into a Hash. Any other input gives [ErrHashSyntax]; the error
// never quotes the input. ParseHash(h.String()) == h for every h.
func ParseHash(s string) (Hash, error) {
	return parseHash(s)
}

func parseHash[T string | []byte](s T) (Hash, error) {
	var h Hash
	if len(s) != HashHexLen {
		return Hash{}, ErrHashSyntax
	}
	for i := range h {
		hi, ok1 := unhex(s[2*i])
		lo, ok2 := unhex(s[2*i+1])
		if !ok1 || !ok2 {
			return Hash{}, ErrHashSyntax
		}
		h[i] = hi<<4 | lo
	}
	return h, nil
}

func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// Distance returns the Hamming distance between h and o: the number of bits
// in which they differ, 0..256. It is a metric and does not allocate.
func (h Hash) Distance(o Hash) int {
	n := 0
	for i := 0; i < len(h); i += 8 {
		n += bits.OnesCount64(binary.LittleEndian.Uint64(h[i:]) ^ binary.LittleEndian.Uint64(o[i:]))
	}
	return n
}

// Bit reports bit k (0 ≤ k < 256) of the hash: bit 16·row + column of the
// thresholded 16×16 DCT. It panics if k is out of range.
func (h Hash) Bit(k int) bool {
	return h[31-k/8]>>(k%8)&1 == 1
}

// IsZero reports whether h is the all-zero hash.
func (h Hash) IsZero() bool { return h == Hash{} }

// word returns 16-bit word i (0..15) of the reference's layout: DCT row i.
func (h Hash) word(i int) uint16 {
	return uint16(h[30-2*i])<<8 | uint16(h[31-2*i])
}
