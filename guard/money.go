package guard

import (
	"errors"
	"strconv"
)

// Sentinel errors for amounts and transfers. Their messages never contain a
// name, nickname or answer.
var (
	ErrUnknownCurrency     = errors.New("guard: unknown currency")
	ErrAmount              = errors.New("guard: amount must be positive")
	ErrOverflow            = errors.New("guard: amount overflows int64")
	ErrCurrencyMismatch    = errors.New("guard: currencies differ")
	ErrNoPayeeName         = errors.New("guard: missing payee name")
	ErrUnsupportedCurrency = errors.New("guard: policy has no thresholds for currency")
	ErrNoTime              = errors.New("guard: missing transfer time")
)

// Money is an amount in minor units of an ISO 4217 currency: Money{200000,
// "CNY"} is ¥2,000.00 and Money{2000, "JPY"} is ¥2,000. Amounts are never
// floats. The zero Money is "no amount"; it is not valid as a transfer
// amount.
type Money struct {
	// Minor is the amount in the currency's minor unit (fen, cent, yen).
	Minor int64 `json:"minor"`
	// Currency is the upper-case ISO 4217 alphabetic code, see [MinorUnits].
	Currency string `json:"currency"`
}

// IsZero reports whether m is the zero Money.
func (m Money) IsZero() bool { return m == Money{} }

// Validate reports whether m is a positive amount in a known currency. It
// returns [ErrUnknownCurrency] or [ErrAmount]. It does not allocate.
func (m Money) Validate() error {
	if _, ok := minorUnits(m.Currency); !ok {
		return ErrUnknownCurrency
	}
	if m.Minor <= 0 {
		return ErrAmount
	}
	return nil
}

// Add returns m + n. Both must be in the same currency
// ([ErrCurrencyMismatch]); the zero Money adds as nothing; the sum must fit
// in int64 ([ErrOverflow]). Amounts may be negative here: Add is arithmetic,
// [Money.Validate] is the policy check.
func (m Money) Add(n Money) (Money, error) {
	switch {
	case n.IsZero():
		return m, nil
	case m.IsZero():
		return n, nil
	case m.Currency != n.Currency:
		return Money{}, ErrCurrencyMismatch
	}
	s, ok := addInt64(m.Minor, n.Minor)
	if !ok {
		return Money{}, ErrOverflow
	}
	return Money{s, m.Currency}, nil
}

// addInt64 returns a+b and whether it did not overflow.
func addInt64(a, b int64) (int64, bool) {
	s := a + b
	// Overflow iff both operands have the same sign and the sum's differs.
	if (a >= 0) == (b >= 0) && (s >= 0) != (a >= 0) {
		return 0, false
	}
	return s, true
}

// String formats m as the currency code and the decimal amount, as in
// "CNY 2000.00" or "JPY 2000". An unknown currency prints its minor units
// with no decimal point.
func (m Money) String() string { return string(m.AppendText(nil)) }

// AppendText appends the form of [Money.String] to dst.
func (m Money) AppendText(dst []byte) []byte {
	dst = append(dst, m.Currency...)
	dst = append(dst, ' ')
	digits, _ := minorUnits(m.Currency)
	u := uint64(m.Minor)
	if m.Minor < 0 {
		dst = append(dst, '-')
		u = -u
	}
	var buf [24]byte
	s := strconv.AppendUint(buf[:0], u, 10)
	for len(s) <= digits {
		s = append([]byte{'0'}, s...)
	}
	dst = append(dst, s[:len(s)-digits]...)
	if digits > 0 {
		dst = append(dst, '.')
		dst = append(dst, s[len(s)-digits:]...)
	}
	return dst
}
