package mask

import (
	"errors"
	"strings"
	"testing"

	"github.com/transferguard/transferguard/identity"
)

// FuzzName checks, for any string, style and options, that Name never
// panics, fails with a zero Masked and an error that does not contain the
// input, or returns a Masked that satisfies every invariant of
// checkMasked (the same checks as the rapid properties).
func FuzzName(f *testing.F) {
	for _, tc := range append(append([]nameCase{}, issueTable...), moreNames...) {
		f.Add(tc.in, uint8(tc.style), false, int32(0))
		f.Add(tc.in, uint8(tc.style), true, int32('●'))
	}
	f.Add("张👨\u200d👩\u200d👧", uint8(KeepLast), false, int32(0))
	f.Add("张\u202e三", uint8(KeepEnds), false, int32(0))
	f.Add("Dirk", uint8(KeepEnds), false, int32('X'))
	f.Add("张三", uint8(0), false, int32('\u0301'))
	f.Fuzz(func(t *testing.T, s string, style uint8, hide bool, r int32) {
		st := Style(style % (uint8(numStyles) + 1))
		opts := []Option{HideLength(hide)}
		if r != 0 {
			opts = append(opts, MaskRune(r))
		}
		m, err := Name(s, st, opts...)
		if err != nil {
			if m.IsValid() || m.String() != "" {
				t.Fatalf("Name(%+q) failed (%v) but returned %+q", s, err, m.String())
			}
			if len(s) > 2 && strings.Contains(err.Error(), s) {
				t.Fatalf("Name(%+q): error %q contains the input", s, err)
			}
			return
		}
		n, perr := identity.Parse(s)
		if perr != nil {
			t.Fatalf("Name(%+q) succeeded but identity.Parse fails: %v", s, perr)
		}
		checkMasked(t, n, st, resolve(opts), m)
	})
}

// checkAgainstRef compares an identifier function with its slow reference
// and checks the all-or-nothing and no-echo rules.
func checkAgainstRef(t *testing.T, fname string, f, ref func(string) (string, error), s string) {
	got, err := f(s)
	want, werr := ref(s)
	if got != want || (err == nil) != (werr == nil) || (err != nil && !errors.Is(err, werr)) {
		t.Fatalf("%s(%+q) = %+q, %v; reference gives %+q, %v", fname, s, got, err, want, werr)
	}
	if err != nil {
		if got != "" {
			t.Fatalf("%s(%+q) failed (%v) but returned %+q", fname, s, err, got)
		}
		if !errors.Is(err, ErrInvalid) {
			t.Fatalf("%s(%+q) error %v does not wrap ErrInvalid", fname, s, err)
		}
		if len(s) > 2 && strings.Contains(err.Error(), s) {
			t.Fatalf("%s(%+q): error contains the input", fname, s)
		}
	}
}

func fuzzIdentifier(f *testing.F, fname string, fn, ref func(string) (string, error), cases []idCase) {
	for _, tc := range cases {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) { checkAgainstRef(t, fname, fn, ref, s) })
}

func FuzzPhone(f *testing.F)    { fuzzIdentifier(f, "Phone", Phone, refPhone, phoneCases) }
func FuzzBankCard(f *testing.F) { fuzzIdentifier(f, "BankCard", BankCard, refBankCard, cardCases) }
func FuzzEmail(f *testing.F)    { fuzzIdentifier(f, "Email", Email, refEmail, emailCases) }
func FuzzIDNumber(f *testing.F) { fuzzIdentifier(f, "IDNumber", IDNumber, refIDNumber, idNumberCases) }

// FuzzStyleText checks that Style.UnmarshalText (a policy's JSON) accepts
// exactly the texts MarshalText produces and leaves the style unchanged
// otherwise.
func FuzzStyleText(f *testing.F) {
	for _, st := range allStyles {
		f.Add(st.String())
	}
	f.Add("")
	f.Add("KeepLast")
	f.Add("Style(0)")
	f.Fuzz(func(t *testing.T, s string) {
		st := Style(0)
		err := st.UnmarshalText([]byte(s))
		if err != nil {
			if st != 0 || !errors.Is(err, ErrStyle) {
				t.Fatalf("UnmarshalText(%+q) = %v, style %v", s, err, st)
			}
			return
		}
		b, merr := st.MarshalText()
		if merr != nil || string(b) != s {
			t.Fatalf("UnmarshalText(%+q) gave %v, which marshals to %q, %v", s, st, b, merr)
		}
	})
}
