package identity

import (
	"bytes"
	"unicode/utf8"
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
	qa, qb := lowQuick(a, ua), lowQuick(b, ub)
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
//
// used is what appendFold(dst, s, 0) reported: without ReasonWidth, s took
// foldOnce's first path, so it is in NFKC by the quick check, which is
// not computed again.
func lowQuick(s string, used Reasons) bool {
	if used&ReasonWidth != 0 {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0xCC: // lead bytes of U+0300 and above
			return false
		case c == 0xC8 && i+1 < len(s) && (s[i+1] == 0xBA || s[i+1] == 0xBE): // U+023A, U+023E
			return false
		}
	}
	return true
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
		return lowQuick || quickNFC(s)
	}
	return lowQuick
}

// keysDiffer reports whether two streams produce different keys. It
// advances the side whose output is shorter and compares the bytes both
// have produced, so it stops at the first difference. It keeps the
// streams in locals: stepping a foldStream through a pointer or by value
// was a third of its time (BenchmarkCompare/latin-marks).
func keysDiffer(a, b foldStream) bool {
	fa, sa, oa := a.f, a.s, a.out
	fb, sb, ob := b.f, b.s, b.out
	checked := 0
	for {
		switch {
		case sa == "" && len(oa) < len(ob), sb == "" && len(ob) < len(oa):
			return true // the finished side is shorter
		case sa != "" && (len(oa) <= len(ob) || sb == ""):
			r, n := utf8.DecodeRuneInString(sa)
			sa = sa[n:]
			oa = fa.rune(oa, r)
		case sb != "":
			r, n := utf8.DecodeRuneInString(sb)
			sb = sb[n:]
			ob = fb.rune(ob, r)
		default:
			return !bytes.Equal(oa[checked:], ob[checked:])
		}
		// Usually a step adds a byte or two: compare them in place.
		n := min(len(oa), len(ob))
		for ; checked < n; checked++ {
			if oa[checked] != ob[checked] {
				return true
			}
		}
	}
}
