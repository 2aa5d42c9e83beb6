package mask

import (
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// Email masks an e-mail address for display.
//
// s must be local@domain with exactly one '@', at most 254 bytes of valid
// UTF-8:
//   - local: 1 to 64 bytes, a dot-atom (RFC 5322 §3.2.3): ASCII letters,
//     digits and !#$%&'*+-/=?^_`{|}~, plus non-ASCII letters, marks and
//     digits (RFC 6532 internationalized addresses), in dot-separated
//     non-empty runs. Quoted local parts and comments are refused.
//   - domain: at least two dot-separated labels of 1 to 63 bytes each,
//     made of letters, digits and hyphens, not starting or ending with a
//     hyphen; letters and digits may be non-ASCII (an IDN in Unicode form,
//     例子.中国) or ASCII (xn--fsqu00a.xn--fiqs8s). No trailing dot.
//
// The result shows the first grapheme cluster of the local part followed
// by three mask runes, whatever the local part's length, and the domain
// unchanged (its case and form, Unicode or Punycode, as given, since the
// payer recognizes a provider by it): zhangsan@example.com →
// z***@example.com, 张三丰@例子.中国 → 张***@例子.中国. A local part of one
// or two graphemes is shown as *** alone (a@example.com and
// ab@example.com → ***@example.com): showing one of two characters would
// hide too little. Domains are neither converted between Unicode and
// Punycode nor checked for confusable characters.
//
// Anything else reports [ErrInvalid] and an empty string. Email allocates
// once, for the result.
func Email(s string) (string, error) {
	if len(s) > 254 || !utf8.ValidString(s) {
		return "", ErrInvalid
	}
	at := -1
	for i := 0; i < len(s); i++ {
		if s[i] == '@' {
			if at >= 0 {
				return "", ErrInvalid
			}
			at = i
		}
	}
	if at < 1 || at > 64 {
		return "", ErrInvalid
	}
	local, domain := s[:at], s[at+1:]
	if !validLocal(local) || !validDomain(domain) {
		return "", ErrInvalid
	}
	first, rest, _, _ := uniseg.FirstGraphemeClusterInString(local, -1)
	keep := 0
	if uniseg.GraphemeClusterCount(rest) >= 2 {
		keep = len(first)
	}
	var buf [254 + 3]byte
	b := append(buf[:0], local[:keep]...)
	b = append(b, "***@"...)
	b = append(b, domain...)
	return string(b), nil
}

// validLocal reports whether s is a dot-atom of atext and non-ASCII
// letters, marks and digits.
func validLocal(s string) bool {
	prevDot := true // no leading dot
	for _, r := range s {
		switch {
		case r == '.':
			if prevDot {
				return false
			}
			prevDot = true
			continue
		case r < utf8.RuneSelf:
			if !isAtext(byte(r)) {
				return false
			}
		case !unicode.In(r, unicode.L, unicode.M, unicode.N):
			return false
		}
		prevDot = false
	}
	return !prevDot
}

// isAtext reports RFC 5322 atext.
func isAtext(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	for i := 0; i < len(atextSpecials); i++ {
		if atextSpecials[i] == c {
			return true
		}
	}
	return false
}

const atextSpecials = "!#$%&'*+-/=?^_`{|}~"

// validDomain reports whether s is two or more LDH labels (with
// non-ASCII letters, marks and digits allowed).
func validDomain(s string) bool {
	labels := 0
	for len(s) > 0 || labels == 0 {
		end := 0
		for end < len(s) && s[end] != '.' {
			end++
		}
		if !validLabel(s[:end]) {
			return false
		}
		labels++
		if end == len(s) {
			break
		}
		s = s[end+1:]
		if s == "" {
			return false // trailing dot
		}
	}
	return labels >= 2
}

func validLabel(l string) bool {
	if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
		return false
	}
	for _, r := range l {
		switch {
		case r == '-', 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9':
		case r >= utf8.RuneSelf && unicode.In(r, unicode.L, unicode.M, unicode.N):
		default:
			return false
		}
	}
	return true
}
