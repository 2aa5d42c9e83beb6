package identity

import (
	"bytes"
	"unicode/utf8"
)

// maxWords is the number of parts the Latin rules look at; keys with more
// parts only Match or NoMatch.
const maxWords = 16

// words is a folded key split at its spaces, without allocating.
type words struct {
	w [maxWords][]byte
	n int
}

// splitWords splits a folded key at U+0020. It reports !ok if the key
// has too many parts or a Han, Hangul or Kana character (whose names are
// written without spaces and have their own rule).
func splitWords(key []byte) (ws words, ok bool) {
	start := 0
	for i := 0; i <= len(key); i++ {
		if i < len(key) && key[i] != ' ' {
			if key[i] >= utf8.RuneSelf {
				r, _ := utf8.DecodeRune(key[i:])
				if isCJK(r) {
					return ws, false
				}
			}
			continue
		}
		if ws.n == maxWords {
			return ws, false
		}
		ws.w[ws.n] = key[start:i]
		ws.n++
		start = i + 1
	}
	return ws, true
}

func isCJK(r rune) bool {
	switch runeScript(r) {
	case ScriptHan, ScriptHangul, ScriptKana:
		return true
	}
	return false
}

// isTitle reports whether a folded word is a title or honorific. It
// ignores ASCII case, so that with case folding skipped (closeFoldReasons)
// "Mr" is still a title and a CloseMatch of "Mr J Smith" does not claim
// that case folding was needed.
func isTitle(w []byte) bool {
	var buf [9]byte
	if len(w) > len(buf) {
		return false
	}
	for i, c := range w {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	switch string(buf[:len(w)]) {
	case "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame",
		"lady", "lord", "rev", "revd", "fr", "mme", "mlle", "herr", "frau", "sr", "sra", "srta":
		return true
	}
	return false
}

// compareWords applies the Latin rules to two folded keys that differ.
func compareWords(a, b []byte) Reasons {
	wa, oka := splitWords(a)
	wb, okb := splitWords(b)
	if !oka || !okb {
		return 0
	}
	ta, pa := wa.stripTitles()
	tb, pb := wb.stripTitles()
	if len(pa) == 0 || len(pb) == 0 {
		return 0
	}
	var title Reasons
	if !equalWords(ta, tb) {
		title = ReasonTitle
	}
	var r Reasons
	switch {
	case equalWords(pa, pb):
		return title
	case sameMultiset(pa, pb):
		r = ReasonOrder
	case initials(pa, pb):
		r = ReasonInitial
	case missingMiddle(pa, pb) || missingMiddle(pb, pa):
		r = ReasonMissingPart
	case oneTypo(pa, pb):
		r = ReasonTypo
	default:
		return 0
	}
	return r | title
}

// stripTitles splits the leading titles from the rest of the words.
func (ws *words) stripTitles() (titles, rest [][]byte) {
	all := ws.w[:ws.n]
	k := 0
	for k < len(all) && isTitle(all[k]) {
		k++
	}
	return all[:k], all[k:]
}

func equalWords(a, b [][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !bytes.Equal(a[i], b[i]) {
			return false
		}
	}
	return true
}

// sameMultiset reports whether a and b hold the same words in any order.
func sameMultiset(a, b [][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	var used uint32
outer:
	for _, x := range a {
		for j, y := range b {
			if used&(1<<j) == 0 && bytes.Equal(x, y) {
				used |= 1 << j
				continue outer
			}
		}
		return false
	}
	return true
}

// initials reports whether a and b have the same words except that some
// words other than the last (the given names) are written as their
// initial on one side.
func initials(a, b [][]byte) bool {
	if len(a) != len(b) || len(a) < 2 {
		return false
	}
	found := false
	for i := range a {
		switch {
		case bytes.Equal(a[i], b[i]):
		case i < len(a)-1 && (isInitialOf(a[i], b[i]) || isInitialOf(b[i], a[i])):
			found = true
		default:
			return false
		}
	}
	return found
}

// isInitialOf reports whether x is one letter and the first letter of the
// longer word w.
func isInitialOf(x, w []byte) bool {
	r, n := utf8.DecodeRune(x)
	if n != len(x) || len(w) <= n {
		return false
	}
	f, _ := utf8.DecodeRune(w)
	return r == f
}

// missingMiddle reports whether long is short with one middle word added.
func missingMiddle(long, short [][]byte) bool {
	if len(long) != len(short)+1 || len(long) < 3 {
		return false
	}
	for k := 1; k < len(long)-1; k++ {
		if equalWords(long[:k], short[:k]) && equalWords(long[k+1:], short[k:]) {
			return true
		}
	}
	return false
}

// oneTypo reports whether a and b differ in exactly one word, by one edit,
// where the longer spelling of that word has at least 4 letters.
func oneTypo(a, b [][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	diff := -1
	for i := range a {
		if !bytes.Equal(a[i], b[i]) {
			if diff >= 0 {
				return false
			}
			diff = i
		}
	}
	if diff < 0 {
		return false
	}
	x, y := a[diff], b[diff]
	if max(utf8.RuneCount(x), utf8.RuneCount(y)) < 4 {
		return false
	}
	return oneEdit(x, y)
}

// oneEdit reports whether x and y (x != y) differ by one insertion,
// deletion, substitution or swap of adjacent letters (optimal string
// alignment distance 1).
func oneEdit(x, y []byte) bool {
	i := 0
	for i < len(x) && i < len(y) && x[i] == y[i] {
		i++
	}
	for i > 0 && i < len(x) && !utf8.RuneStart(x[i]) {
		i--
	}
	x, y = x[i:], y[i:]
	x1, nx := utf8.DecodeRune(x)
	y1, ny := utf8.DecodeRune(y)
	switch {
	case len(x) > 0 && len(y) > 0 && bytes.Equal(x[nx:], y[ny:]):
		return true // substitution
	case len(y) > 0 && bytes.Equal(x, y[ny:]):
		return true // insertion
	case len(x) > 0 && bytes.Equal(x[nx:], y):
		return true // deletion
	case len(x) > 0 && len(y) > 0:
		x2, mx := utf8.DecodeRune(x[nx:])
		y2, my := utf8.DecodeRune(y[ny:])
		return mx > 0 && my > 0 && x1 == y2 && y1 == x2 && bytes.Equal(x[nx+mx:], y[ny+my:])
	}
	return false
}
