package mask

// IDNumber masks a PRC resident identity number (公民身份号码, GB 11643-1999)
// for display.
//
// s must be exactly 18 ASCII characters: 17 digits (address code, date of
// birth, sequence code) and a check character, a digit or X (x is
// accepted), that satisfies ISO 7064 MOD 11-2 as GB 11643 specifies. The
// result keeps the first and the last character and hides the 16 between
// with mask runes: 11010519491231002X → 1****************X (a lowercase x is
// shown as X). The address code and date of birth are not checked beyond
// being digits; the older 15-digit numbers, which have no check character,
// are not accepted.
//
// A wrong check character reports [ErrChecksum] (which wraps
// [ErrInvalid]); anything else malformed reports [ErrInvalid]; either way
// the result is an empty string. IDNumber allocates once, for the result.
func IDNumber(s string) (string, error) {
	if len(s) != 18 {
		return "", ErrInvalid
	}
	sum := 0
	for i := range 17 {
		c := s[i]
		if !isDigit(c) {
			return "", ErrInvalid
		}
		sum += int(c-'0') * (1 << (17 - i) % 11) // ISO 7064 MOD 11-2 weight 2^(17-i) mod 11
	}
	last := s[17]
	switch {
	case last == 'x':
		last = 'X'
	case last != 'X' && !isDigit(last):
		return "", ErrInvalid
	}
	if idCheckChars[(12-sum%11)%11] != last {
		return "", ErrChecksum
	}
	var out [18]byte
	out[0] = s[0]
	for i := 1; i < 17; i++ {
		out[i] = DefaultMaskRune
	}
	out[17] = last
	return string(out[:]), nil
}

// idCheckChars maps (12 - sum mod 11) mod 11 to the check character; 10 is
// written X.
const idCheckChars = "0123456789X"
