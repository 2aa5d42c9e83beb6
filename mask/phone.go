package mask

// Phone masks a telephone number for display.
//
// Two forms are accepted; digits may be grouped with single spaces or
// hyphens between them, and nothing else is allowed:
//
//   - A Chinese mobile number: 11 digits, the first 1 and the second 3 to 9
//     (13812345678, 138 1234 5678, 138-1234-5678). It is shown as its first
//     3 and last 4 digits around 4 mask runes: 138****5678.
//   - An E.164 number: '+', a country calling code and the national
//     significant number, at most 15 digits in all (ITU-T E.164 §6). The
//     country code's length (1 to 3 digits) follows from its first digits
//     as E.164 assigns them (1 and 7 alone; 20, 27, 30–34, 36, 39, 40, 41,
//     43–49, 51–58, 60–66, 81, 82, 84, 86, 90–95, 98 with two digits; all
//     other codes with three; a leading 0 is invalid); whether a
//     three-digit code is currently assigned is not checked. The national
//     number must have at least 6 digits. The country code is kept, then
//     one mask rune per hidden digit, then the last 4 digits when the
//     national number has 10 or more, otherwise the last 3: +44 20 7946
//     0958 → +44 ****** 0958, +65 6123 4567 → +65 ***** 567. A Chinese
//     mobile number under +86 keeps the national form: +86 138****5678.
//
// Anything else, including national numbers without '+' other than Chinese
// mobiles, reports [ErrInvalid] and an empty string. Phone allocates once,
// for the result.
func Phone(s string) (string, error) {
	var d [15]byte
	plus := len(s) > 0 && s[0] == '+'
	if plus {
		s = s[1:]
	}
	digits, ok := groupedDigits(d[:0], s)
	if !ok {
		return "", ErrInvalid
	}
	if !plus {
		if !isCNMobile(digits) {
			return "", ErrInvalid
		}
		var out [11]byte
		return string(maskCNMobile(out[:0], digits)), nil
	}
	cc := countryCodeLen(digits)
	if cc == 0 || len(digits)-cc < 6 {
		return "", ErrInvalid
	}
	var out [32]byte
	b := append(out[:0], '+')
	b = append(b, digits[:cc]...)
	b = append(b, ' ')
	nsn := digits[cc:]
	if string(digits[:cc]) == "86" && isCNMobile(nsn) {
		return string(maskCNMobile(b, nsn)), nil
	}
	keep := 3
	if len(nsn) >= 10 {
		keep = 4
	}
	for range len(nsn) - keep {
		b = append(b, DefaultMaskRune)
	}
	b = append(b, ' ')
	b = append(b, nsn[len(nsn)-keep:]...)
	return string(b), nil
}

// groupedDigits appends the digits of s to dst. s must be digits, with at
// most one space or hyphen between two digits, and hold at most cap(dst)
// digits.
func groupedDigits(dst []byte, s string) ([]byte, bool) {
	if s == "" {
		return dst, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
			if len(dst) == cap(dst) {
				return dst, false
			}
			dst = append(dst, c)
		case c == ' ' || c == '-':
			if i == 0 || i == len(s)-1 || !isDigit(s[i-1]) || !isDigit(s[i+1]) {
				return dst, false
			}
		default:
			return dst, false
		}
	}
	return dst, true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isCNMobile(d []byte) bool {
	return len(d) == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9'
}

// maskCNMobile appends the masked form of the mobile number d
// (138****5678) to b.
func maskCNMobile(b []byte, d []byte) []byte {
	b = append(b, d[:3]...)
	b = append(b, "****"...)
	return append(b, d[7:]...)
}

// countryCodeLen returns the length of the E.164 country calling code that
// starts d, or 0 if d cannot start one.
func countryCodeLen(d []byte) int {
	if len(d) < 3 {
		return 0
	}
	a, b := d[0], d[1]
	switch a {
	case '0':
		return 0
	case '1', '7':
		return 1
	case '2':
		if b == '0' || b == '7' {
			return 2
		}
	case '3':
		if b <= '4' || b == '6' || b == '9' {
			return 2
		}
	case '4':
		if b != '2' {
			return 2
		}
	case '5':
		if b != '0' && b != '9' {
			return 2
		}
	case '6':
		if b <= '6' {
			return 2
		}
	case '8':
		if b == '1' || b == '2' || b == '4' || b == '6' {
			return 2
		}
	case '9':
		if b <= '5' || b == '8' {
			return 2
		}
	}
	return 3
}
