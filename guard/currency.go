package guard

// currencies is the committed ISO 4217 table: alphabetic code and the number
// of digits after the decimal separator (the "minor unit" column of ISO 4217
// List One, as published by SIX on behalf of the ISO 4217 maintenance agency,
// amendment 179). It lists the currencies of the markets that use
// person-to-person transfers most; a code that is missing here is rejected
// with [ErrUnknownCurrency] rather than guessed. The slice is sorted by code
// so that [minorUnits] can search it; TestCurrencyTableSorted checks that.
var currencies = [...]struct {
	code  string
	minor uint8
}{
	{"AED", 2}, // UAE dirham
	{"AUD", 2}, // Australian dollar
	{"BHD", 3}, // Bahraini dinar
	{"BRL", 2}, // Brazilian real
	{"CAD", 2}, // Canadian dollar
	{"CHF", 2}, // Swiss franc
	{"CLP", 0}, // Chilean peso
	{"CNY", 2}, // Yuan renminbi
	{"CZK", 2}, // Czech koruna
	{"DKK", 2}, // Danish krone
	{"EUR", 2}, // Euro
	{"GBP", 2}, // Pound sterling
	{"HKD", 2}, // Hong Kong dollar
	{"HUF", 2}, // Forint
	{"IDR", 2}, // Rupiah
	{"ILS", 2}, // New Israeli sheqel
	{"INR", 2}, // Indian rupee
	{"ISK", 0}, // Iceland krona
	{"JOD", 3}, // Jordanian dinar
	{"JPY", 0}, // Yen
	{"KRW", 0}, // Won
	{"KWD", 3}, // Kuwaiti dinar
	{"MOP", 2}, // Pataca
	{"MXN", 2}, // Mexican peso
	{"MYR", 2}, // Malaysian ringgit
	{"NOK", 2}, // Norwegian krone
	{"NZD", 2}, // New Zealand dollar
	{"OMR", 3}, // Rial Omani
	{"PHP", 2}, // Philippine peso
	{"PLN", 2}, // Zloty
	{"SAR", 2}, // Saudi riyal
	{"SEK", 2}, // Swedish krona
	{"SGD", 2}, // Singapore dollar
	{"THB", 2}, // Baht
	{"TND", 3}, // Tunisian dinar
	{"TRY", 2}, // Turkish lira
	{"TWD", 2}, // New Taiwan dollar
	{"USD", 2}, // US dollar
	{"VND", 0}, // Dong
	{"ZAR", 2}, // Rand
}

// minorUnits returns the number of minor-unit digits of the ISO 4217 code
// and whether the code is in the table. It does not allocate.
func minorUnits(code string) (int, bool) {
	if len(code) != 3 {
		return 0, false
	}
	// Codes are three bytes; compare them packed into integers, which
	// orders them as the strings order (big-endian, byte by byte).
	want := pack3(code)
	lo, hi := 0, len(currencies)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch c := pack3(currencies[m].code); {
		case c == want:
			return int(currencies[m].minor), true
		case c < want:
			lo = m + 1
		default:
			hi = m
		}
	}
	return 0, false
}

// pack3 packs a three-byte code into an integer, first byte highest.
func pack3(s string) uint32 {
	_ = s[2]
	return uint32(s[0])<<16 | uint32(s[1])<<8 | uint32(s[2])
}

// MinorUnits returns the number of digits after the decimal separator of
// the ISO 4217 currency code (0 for JPY, 2 for CNY, 3 for KWD) and whether
// the code is one this package knows. Codes are upper case. It does not
// allocate.
func MinorUnits(code string) (digits int, ok bool) { return minorUnits(code) }

// Currencies returns the ISO 4217 codes this package knows, sorted. It
// allocates a new slice on every call.
func Currencies() []string {
	out := make([]string, len(currencies))
	for i, c := range currencies {
		out[i] = c.code
	}
	return out
}
