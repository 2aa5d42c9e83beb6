package identity

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldReasons returns the folds without which a and b would not be equal,
// given that both have the key key. ua and ub are the folds that
// appendFold reported for a and b.
//
// The fold q is a reason when the keys of a and b with q skipped differ.
// It used to refold both strings in full for every fold used (six folds
// for José Núñez Ørsted). Now:
//
//   - a side that did not use q keeps key when q is skipped (the used bits
//     over-approximate; propUnusedFoldKeepsKey), so it is not refolded;
//   - a side whose input takes foldOnce's code-point-by-code-point path
//     without any chance of renormalizing (see streamable) is folded
//     lazily, in step with the other side, and the comparison stops at
//     the first byte that differs.
//
// propFoldReasonsReference checks the result against the old method.
func foldReasons(a, b string, key []byte, ua, ub Reasons) Reasons {
	var reasons Reasons
	var ba, bb [128]byte
	qa, qb := lowQuick(a), lowQuick(b)
	for q := ReasonCase; q <= ReasonHanVariant; q <<= 1 {
		if (ua|ub)&q == 0 {
			continue
		}
		sa := newFoldStream(ba[:0], a, key, q, ua&q != 0, qa)
		sb := newFoldStream(bb[:0], b, key, q, ub&q != 0, qb)
		if keysDiffer(sa, sb) {
			reasons |= q
		}
	}
	return reasons
}

// lowQuick reports whether every code point of s is below U+0300, other
// than U+023A and U+023E, and s is in NFKC by the quick check. Folding
// such a string with any single fold but ReasonWidth skipped takes
// foldOnce's first path and never sets folder.renorm, so its key can be
// produced code point by code point (TestLowRunesNeverRenormalize checks
// every code point). U+023A and U+023E are excluded because their lower
// case, U+2C65 and U+2C66, lies above U+0300.
func lowQuick(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0xCC: // lead bytes of U+0300 and above
			return false
		case c == 0xC8 && i+1 < len(s) && (s[i+1] == 0xBA || s[i+1] == 0xBE): // U+023A, U+023E
			return false
		}
	}
	return norm.NFKC.QuickSpanString(s) == len(s)
}

// foldStream is the key of one side with one fold skipped, produced on
// demand: the code points of s not yet folded, and the key so far.
type foldStream struct {
	f   folder
	s   string
	out []byte
}

// newFoldStream returns the stream of s's key with q skipped: key itself
// when s did not use q, a lazy fold when s is streamable, else the key
// folded in full into buf.
func newFoldStream(buf []byte, s string, key []byte, q Reasons, used, lowQuick bool) foldStream {
	switch {
	case !used:
		return foldStream{out: key}
	case streamable(s, q, lowQuick):
		return foldStream{f: folder{skip: q}, s: s, out: buf}
	}
	out, _ := appendFold(buf, s, q)
	return foldStream{out: out}
}

// streamable reports whether appendFold(dst, s, q) is exactly foldOnce's
// first path, rune by rune, with nothing that a later renormalization
// could change. With ReasonWidth skipped appendFold never renormalizes
// and folds NFC input rune by rune; otherwise s must be lowQuick.
func streamable(s string, q Reasons, lowQuick bool) bool {
	if q == ReasonWidth {
		return lowQuick || norm.NFC.QuickSpanString(s) == len(s)
	}
	return lowQuick
}

// step folds the next code point. It works on copies rather than through
// a pointer so that the buffers stay on the stack.
func (st foldStream) step() foldStream {
	r, n := utf8.DecodeRuneInString(st.s)
	st.s = st.s[n:]
	st.out = st.f.rune(st.out, r)
	return st
}

// keysDiffer reports whether two streams produce different keys. It
// advances the side whose output is shorter and compares the bytes both
// have produced, so it stops at the first difference.
func keysDiffer(a, b foldStream) bool {
	checked := 0
	for {
		switch {
		case a.s == "" && len(a.out) < len(b.out), b.s == "" && len(b.out) < len(a.out):
			return true // the finished side is shorter
		case a.s != "" && (len(a.out) <= len(b.out) || b.s == ""):
			a = a.step()
		case b.s != "":
			b = b.step()
		default:
			return !bytes.Equal(a.out[checked:], b.out[checked:])
		}
		n := min(len(a.out), len(b.out))
		if !bytes.Equal(a.out[checked:n], b.out[checked:n]) {
			return true
		}
		checked = n
	}
}
