package guard

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

func TestCurrencyTableSorted(t *testing.T) {
	if !slices.IsSortedFunc(currencies[:], func(a, b struct {
		code  string
		minor uint8
	}) int {
		return cmpString(a.code, b.code)
	}) {
		t.Fatal("currency table not sorted by code")
	}
	for i := 1; i < len(currencies); i++ {
		if currencies[i-1].code == currencies[i].code {
			t.Errorf("duplicate currency %q", currencies[i].code)
		}
	}
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestMinorUnits(t *testing.T) {
	tests := []struct {
		code string
		want int
		ok   bool
	}{
		{"JPY", 0, true}, {"KRW", 0, true}, {"CNY", 2, true}, {"USD", 2, true}, {"EUR", 2, true},
		{"GBP", 2, true}, {"HKD", 2, true}, {"KWD", 3, true}, {"BHD", 3, true},
		{"cny", 0, false}, {"", 0, false}, {"XXX", 0, false}, {"AAA", 0, false}, {"ZZZ", 0, false},
	}
	for _, tt := range tests {
		got, ok := MinorUnits(tt.code)
		if got != tt.want || ok != tt.ok {
			t.Errorf("MinorUnits(%+q) = %d, %v; want %d, %v", tt.code, got, ok, tt.want, tt.ok)
		}
	}
	for _, c := range Currencies() {
		if _, ok := MinorUnits(c); !ok {
			t.Errorf("MinorUnits(%+q) not found though listed", c)
		}
	}
}

func TestMoneyValidate(t *testing.T) {
	tests := []struct {
		m    Money
		want error
	}{
		{Money{1, "CNY"}, nil},
		{Money{math.MaxInt64, "JPY"}, nil},
		{Money{0, "CNY"}, ErrAmount},
		{Money{-1, "USD"}, ErrAmount},
		{Money{100, "XYZ"}, ErrUnknownCurrency},
		{Money{100, ""}, ErrUnknownCurrency},
		{Money{}, ErrUnknownCurrency},
	}
	for _, tt := range tests {
		if err := tt.m.Validate(); !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
			t.Errorf("%+v.Validate() = %v, want %v", tt.m, err, tt.want)
		}
	}
}

func TestMoneyAdd(t *testing.T) {
	tests := []struct {
		a, b Money
		want Money
		err  error
	}{
		{Money{1, "CNY"}, Money{2, "CNY"}, Money{3, "CNY"}, nil},
		{Money{1, "CNY"}, Money{}, Money{1, "CNY"}, nil},
		{Money{}, Money{5, "JPY"}, Money{5, "JPY"}, nil},
		{Money{1, "CNY"}, Money{1, "USD"}, Money{}, ErrCurrencyMismatch},
		{Money{math.MaxInt64, "CNY"}, Money{1, "CNY"}, Money{}, ErrOverflow},
		{Money{math.MinInt64, "CNY"}, Money{-1, "CNY"}, Money{}, ErrOverflow},
		{Money{math.MaxInt64, "CNY"}, Money{-1, "CNY"}, Money{math.MaxInt64 - 1, "CNY"}, nil},
	}
	for _, tt := range tests {
		got, err := tt.a.Add(tt.b)
		if got != tt.want || !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) {
			t.Errorf("%+v.Add(%+v) = %+v, %v; want %+v, %v", tt.a, tt.b, got, err, tt.want, tt.err)
		}
	}
}

func TestMoneyString(t *testing.T) {
	tests := []struct {
		m    Money
		want string
	}{
		{Money{200000, "CNY"}, "CNY 2000.00"},
		{Money{5, "CNY"}, "CNY 0.05"},
		{Money{2000, "JPY"}, "JPY 2000"},
		{Money{1234, "KWD"}, "KWD 1.234"},
		{Money{-150, "USD"}, "USD -1.50"},
		{Money{math.MinInt64, "JPY"}, "JPY -9223372036854775808"},
		{Money{7, "XYZ"}, "XYZ 7"},
	}
	for _, tt := range tests {
		if got := tt.m.String(); got != tt.want {
			t.Errorf("%+v.String() = %+q, want %+q", tt.m, got, tt.want)
		}
	}
}

// TestMinorUnitsMatchesScan: the packed binary search finds every code of
// the table and agrees with a linear scan on any string.
func TestMinorUnitsMatchesScan(t *testing.T) {
	scan := func(code string) (int, bool) {
		for _, c := range currencies {
			if c.code == code {
				return int(c.minor), true
			}
		}
		return 0, false
	}
	for _, c := range currencies {
		if len(c.code) != 3 || strings.ToUpper(c.code) != c.code {
			t.Errorf("code %q is not three upper-case letters", c.code)
		}
		if d, ok := minorUnits(c.code); !ok || d != int(c.minor) {
			t.Errorf("minorUnits(%q) = %d, %v; want %d, true", c.code, d, ok, c.minor)
		}
	}
	rapid.Check(t, func(t *rapid.T) {
		code := rapid.OneOf(rapid.SampledFrom(Currencies()), rapid.StringN(0, 4, 8),
			rapid.StringMatching(`[A-Z]{3}`)).Draw(t, "code")
		d, ok := minorUnits(code)
		wd, wok := scan(code)
		if d != wd || ok != wok {
			t.Fatalf("minorUnits(%+q) = %d, %v; scan gives %d, %v", code, d, ok, wd, wok)
		}
	})
}
