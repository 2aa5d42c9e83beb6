package identity

import (
	"bytes"
	"encoding"
	"strings"
	"unicode/utf8"

	"github.com/transferguard/transferguard/internal/han"
)

// Verdict grades a comparison. The zero value is VerdictUnknown.
type Verdict uint8

// Verdicts, in the manner of Confirmation of Payee.
const (
	VerdictUnknown Verdict = iota
	Match
	CloseMatch
	NoMatch
)

var verdictNames = [...]string{"Unknown", "Match", "CloseMatch", "NoMatch"}

// String returns the verdict's name: "Match", "CloseMatch", "NoMatch" or
// "Unknown". These names are stable.
func (v Verdict) String() string {
	if int(v) < len(verdictNames) {
		return verdictNames[v]
	}
	return "Invalid"
}

// Reasons is a bit set saying why a comparison got its verdict. The zero
// value is the empty set.
type Reasons uint32

// Reason bits. Each has a stable machine-readable code, given in its
// comment, which [Reasons.String] prints.
const (
	ReasonCase            Reasons = 1 << iota // "case": letter case folded
	ReasonWidth                               // "width": NFKC (full-width, half-width, compatibility forms)
	ReasonDiacritics                          // "diacritics": Latin/Greek/Cyrillic marks removed or transliterated
	ReasonSeparator                           // "separator": spaces, interpuncts, punctuation or invisible characters
	ReasonHanVariant                          // "han_variant": Han traditional/simplified or Z-variant
	ReasonSemanticVariant                     // "semantic_variant": one Han character is a semantic variant (哲/喆)
	ReasonHomophone                           // "homophone": one Han character sounds the same in Mandarin (张/章)
	ReasonLookalike                           // "lookalike": one Han character looks alike (未/末)
	ReasonTypo                                // "typo": one edit in one Latin part
	ReasonOrder                               // "order": the same parts in another order
	ReasonInitial                             // "initial": a given name written as its initial
	ReasonMissingPart                         // "missing_part": a middle part missing
	ReasonTitle                               // "title": a title (Mr, Dr, …) added or removed
)

var reasonCodes = [...]string{
	"case", "width", "diacritics", "separator", "han_variant", "semantic_variant",
	"homophone", "lookalike", "typo", "order", "initial", "missing_part", "title",
}

// String returns the codes of the set bits in bit order, separated by
// ", " (for example "case, han_variant"), or "" for the empty set. Unknown
// bits print as "bit_N".
func (r Reasons) String() string { return string(r.appendCodes(nil)) }

// AppendText implements [encoding.TextAppender]: it appends
// [Reasons.String] to b. The error is always nil.
func (r Reasons) AppendText(b []byte) ([]byte, error) { return r.appendCodes(b), nil }

func (r Reasons) appendCodes(b []byte) []byte {
	first := true
	for i := 0; i < 32; i++ {
		if r&(1<<i) == 0 {
			continue
		}
		if !first {
			b = append(b, ", "...)
		}
		first = false
		if i < len(reasonCodes) {
			b = append(b, reasonCodes[i]...)
		} else {
			b = append(b, "bit_"...)
			b = appendInt(b, i)
		}
	}
	return b
}

// Has reports whether every bit of q is set in r.
func (r Reasons) Has(q Reasons) bool { return r&q == q }

var _ encoding.TextAppender = Reasons(0)

// Result is the outcome of [Compare]. The zero Result has VerdictUnknown.
type Result struct {
	Verdict Verdict
	Reasons Reasons
}

// String returns the verdict followed by the reasons in parentheses, such
// as "CloseMatch (homophone)" or "NoMatch".
func (r Result) String() string {
	b := append([]byte(nil), r.Verdict.String()...)
	if r.Reasons != 0 {
		b = append(b, " ("...)
		b = r.Reasons.appendCodes(b)
		b = append(b, ')')
	}
	return string(b)
}

// Compare grades entered (what the payer typed) against registered (the
// verified name), in the manner of Confirmation of Payee:
//
//   - Match when the keys of [Fold] are equal; Reasons says which folds
//     were needed (case, width, diacritics, separator, han_variant), and,
//     for valid UTF-8, is empty exactly when the strings are canonically
//     equivalent.
//   - CloseMatch when, and only when, one of the rules in the package
//     documentation holds: one Han character differs by a semantic
//     variant, homophone or lookalike; or Latin-style names differ by part
//     order, an initial, a missing middle part, a title, or one typo.
//     Reasons names the rule and the folds without which it would not
//     hold (張曉明 against 张小明: homophone, han_variant).
//   - NoMatch otherwise, including empty input and Han names of different
//     length.
//
// The verdict and reasons do not depend on which side is which. Compare
// does not allocate for inputs of up to 128 bytes each that AppendFold
// handles without allocating (see Allocations in the package
// documentation); two names of CJK Unified Ideographs take a fast path.
func Compare(entered, registered string) Result {
	if entered == "" || registered == "" {
		return Result{Verdict: NoMatch}
	}
	if ideographsOnly(entered) && ideographsOnly(registered) {
		return compareIdeographs(entered, registered)
	}
	return compareFolded(entered, registered)
}

// compareFolded is the general path of Compare, for non-empty input.
func compareFolded(entered, registered string) Result {
	var ba, bb [128]byte
	fa, ua := appendFold(ba[:0], entered, 0)
	if entered == registered {
		if len(fa) == 0 {
			return Result{Verdict: NoMatch}
		}
		return Result{Verdict: Match}
	}
	fb, ub := appendFold(bb[:0], registered, 0)
	switch {
	case len(fa) == 0 || len(fb) == 0:
		return Result{Verdict: NoMatch}
	case bytes.Equal(fa, fb):
		if entered == registered {
			return Result{Verdict: Match}
		}
		return Result{Verdict: Match, Reasons: matchReasons(entered, registered, fa, ua, ub)}
	}
	if r := compareHan(fa, fb); r != 0 {
		return Result{Verdict: CloseMatch, Reasons: r | closeFoldReasons(entered, registered, fa, fb, ua, ub, 0)}
	}
	if r := compareWords(fa, fb); r != 0 {
		return Result{Verdict: CloseMatch, Reasons: r | closeFoldReasons(entered, registered, fa, fb, ua, ub, r)}
	}
	return Result{Verdict: NoMatch}
}

// allFolds are the Reasons bits of the folds.
const allFolds = ReasonCase | ReasonWidth | ReasonDiacritics | ReasonSeparator | ReasonHanVariant

// matchReasons returns the Reasons of a Match of a and b, whose key is
// key: the folds without which the keys would differ (foldReasons). When
// no single fold is needed because two folds each make the keys equal
// (İlhan and Ilhan: lower-casing İ gives i, and so does removing its dot
// and lower-casing), it returns the folds either side used, unless a and b
// are canonically equivalent: for valid UTF-8 an empty set means exactly
// that (invalid bytes all fold to U+FFFD, with or without folds).
func matchReasons(a, b string, key []byte, ua, ub Reasons) Reasons {
	if r := foldReasons(a, b, key, ua, ub); r != 0 || (ua|ub)&allFolds == 0 {
		return r
	}
	// With every fold skipped, appendFold is NFC.
	var ba, bb [128]byte
	na, _ := appendFold(ba[:0], a, allFolds)
	nb, _ := appendFold(bb[:0], b, allFolds)
	if bytes.Equal(na, nb) {
		return 0
	}
	return (ua | ub) & allFolds
}

// closeFoldReasons returns the folds without which a CloseMatch of a and b
// (keys ka and kb) would not hold: a fold is named when, with it skipped,
// the keys are no longer all Han, of one length and one character apart
// (latin == 0, the Han rule), or compareWords no longer gives latin (the
// Latin rules). As in foldReasons, a side that did not use a fold keeps
// its key without it. It costs two folds per fold used, on CloseMatch
// only.
func closeFoldReasons(a, b string, ka, kb []byte, ua, ub, latin Reasons) Reasons {
	var reasons Reasons
	var ba, bb [128]byte
	for q := ReasonCase; q <= ReasonHanVariant; q <<= 1 {
		if (ua|ub)&q == 0 {
			continue
		}
		fa, fb := ka, kb
		if ua&q != 0 {
			fa, _ = appendFold(ba[:0], a, q)
		}
		if ub&q != 0 {
			fb, _ = appendFold(bb[:0], b, q)
		}
		if latin == 0 {
			if _, _, ok := oneHanApart(fa, fb); !ok {
				reasons |= q
			}
		} else if compareWords(fa, fb) != latin {
			reasons |= q
		}
	}
	return reasons
}

// ideographsOnly reports whether s is made of CJK Unified Ideographs
// U+4E00–U+9FFF only: the common case of a Chinese name, which is in NFKC
// and whose key is its characters after han.Fold, one for one.
func ideographsOnly(s string) bool {
	if len(s)%3 != 0 {
		return false
	}
	for i := 0; i < len(s); i += 3 {
		c0, c1, c2 := s[i], s[i+1], s[i+2]
		if c0 < 0xE4 || c0 > 0xE9 || (c0 == 0xE4 && c1 < 0xB8) || c1&0xC0 != 0x80 || c2&0xC0 != 0x80 {
			return false
		}
	}
	return true
}

// compareIdeographs is Compare for two strings of ideographs only (see
// ideographsOnly): it gives the same Result as the general path, but folds
// only the positions that differ and needs no buffers.
func compareIdeographs(a, b string) Result {
	if len(a) != len(b) {
		return Result{Verdict: NoMatch} // the Han rule needs equal lengths
	}
	var reasons Reasons
	var da, db rune
	diffs := 0
	for i := 0; i < len(a); i += 3 {
		ra, _ := utf8.DecodeRuneInString(a[i : i+3])
		rb, _ := utf8.DecodeRuneInString(b[i : i+3])
		if ra == rb {
			continue
		}
		fa, fb := han.Fold(ra), han.Fold(rb)
		if fa == fb {
			reasons |= ReasonHanVariant
			continue
		}
		diffs++
		da, db = fa, fb
	}
	switch diffs {
	case 0:
		return Result{Verdict: Match, Reasons: reasons}
	case 1:
		// reasons is han_variant exactly when, without that fold, the
		// names would be more than one character apart, as
		// closeFoldReasons finds on the general path.
		if r := hanReasons(da, db); r != 0 {
			return Result{Verdict: CloseMatch, Reasons: r | reasons}
		}
	}
	return Result{Verdict: NoMatch}
}

// compareHan applies the Han rule to two folded keys: both all Han, of
// equal length, differing in exactly one position by a semantic variant,
// homophone or lookalike. It returns the reasons, or 0.
func compareHan(a, b []byte) Reasons {
	ra, rb, ok := oneHanApart(a, b)
	if !ok {
		return 0
	}
	return hanReasons(ra, rb)
}

// oneHanApart reports whether a and b are all Han, of equal length, and
// differ in exactly one position, and returns the two characters there.
func oneHanApart(a, b []byte) (ra, rb rune, ok bool) {
	diffs := 0
	for len(a) > 0 && len(b) > 0 {
		ca, na := utf8.DecodeRune(a)
		cb, nb := utf8.DecodeRune(b)
		if runeScript(ca) != ScriptHan || runeScript(cb) != ScriptHan {
			return 0, 0, false
		}
		if ca != cb {
			diffs++
			ra, rb = ca, cb
		}
		a, b = a[na:], b[nb:]
	}
	return ra, rb, len(a) == 0 && len(b) == 0 && diffs == 1
}

// hanReasons returns the reasons why two different folded Han characters
// are close: semantic variants, homophones, lookalikes; 0 if none.
//
// For folded characters han.Lookalike(a, b) is b in han.Lookalikes(a):
// both are their own Fold and no compatibility ideograph, and the list
// takes two table searches where Lookalike takes up to six.
func hanReasons(ra, rb rune) Reasons {
	var r Reasons
	if han.SemanticVariant(ra, rb) {
		r |= ReasonSemanticVariant
	}
	if han.Homophone(ra, rb) {
		r |= ReasonHomophone
	}
	if strings.ContainsRune(han.Lookalikes(ra), rb) {
		r |= ReasonLookalike
	}
	return r
}
