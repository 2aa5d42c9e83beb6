package mask

// BankCard masks a payment card number (PAN) for display.
//
// s must be 12 to 19 digits (ISO/IEC 7812-1), optionally grouped with
// single spaces or hyphens between digits. The result keeps the first 4
// and the last 4 digits, hides every other digit with one mask rune, and
// groups the characters in fours from the left with single spaces:
// 6222021234561234 → 6222 **** **** 1234, and a 19-digit UnionPay number
// → 6222 **** **** ***1 234. That stays within PCI DSS v4.0 requirement
// 3.4.1, which allows at most the BIN (first 6 digits, or 8 for 8-digit
// BINs) and the last 4 digits to be displayed; we show only 4 leading
// digits, which still name the issuer network and usually the bank.
//
// The Luhn check digit (ISO/IEC 7812-1 Annex B) is deliberately not
// verified: the card being displayed is already registered with the
// payment service, card numbers that do not follow the Luhn convention
// are reported to exist among domestic Chinese debit cards, and refusing
// to display a real card would only push the service to show it unmasked.
// Validate numbers at entry time, not at display time.
//
// Anything else reports [ErrInvalid] and an empty string. BankCard
// allocates once, for the result.
func BankCard(s string) (string, error) {
	var d [19]byte
	digits, ok := groupedDigits(d[:0], s)
	if !ok || len(digits) < 12 {
		return "", ErrInvalid
	}
	var out [19 + 4]byte
	b := out[:0]
	for i, c := range digits {
		if i > 0 && i%4 == 0 {
			b = append(b, ' ')
		}
		if i >= 4 && i < len(digits)-4 {
			c = DefaultMaskRune
		}
		b = append(b, c)
	}
	return string(b), nil
}
