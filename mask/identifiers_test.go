package mask

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

type idCase struct {
	in, want string
	err      error
}

func runIDCases(t *testing.T, fname string, f, ref func(string) (string, error), cases []idCase) {
	t.Helper()
	for _, tc := range cases {
		got, err := f(tc.in)
		if !errors.Is(err, tc.err) || (err == nil) != (tc.err == nil) {
			t.Errorf("%s(%+q) error = %v, want %v", fname, tc.in, err, tc.err)
		}
		if got != tc.want {
			t.Errorf("%s(%+q) = %+q, want %+q", fname, tc.in, got, tc.want)
		}
		// The slow reference agrees on every row.
		rgot, rerr := ref(tc.in)
		if rgot != got || (rerr == nil) != (err == nil) {
			t.Errorf("%s(%+q) = %+q, %v; reference gives %+q, %v", fname, tc.in, got, err, rgot, rerr)
		}
		if err != nil && len(tc.in) > 2 && strings.Contains(err.Error(), tc.in) {
			t.Errorf("%s(%+q): error %q contains the input", fname, tc.in, err)
		}
	}
}

var phoneCases = []idCase{
	{"13812345678", "138****5678", nil},
	{"138 1234 5678", "138****5678", nil},
	{"138-1234-5678", "138****5678", nil},
	{"19912345678", "199****5678", nil},
	{"+86 138 1234 5678", "+86 138****5678", nil},
	{"+8613812345678", "+86 138****5678", nil},
	{"+44 20 7946 0958", "+44 ****** 0958", nil}, // 10-digit national number: last 4
	{"+44 7911 123789", "+44 ****** 3789", nil},
	{"+447911123789", "+44 ****** 3789", nil},
	{"+44 791 112 378", "+44 ****** 378", nil}, // 9 digits: last 3
	{"+65 6123 4567", "+65 ***** 567", nil},
	{"+1 415 555 2671", "+1 ****** 2671", nil},
	{"+7 495 123 4567", "+7 ****** 4567", nil},
	{"+852 2123 4567", "+852 ***** 567", nil},
	{"+86 10 1234 5678", "+86 ****** 5678", nil}, // a Beijing landline stays E.164
	{"+353 1 234 5678", "+353 ***** 678", nil},
	{"+49 30 123456", "+49 ***** 456", nil},
	{"+49 123456", "+49 *** 456", nil}, // 6 digits: the minimum
	{"+41 12345", "", ErrInvalid},      // 5-digit national number
	{"+0 123 456 789", "", ErrInvalid}, // no country code starts with 0
	{"+1234567890123456", "", ErrInvalid},
	{"12812345678", "", ErrInvalid}, // second digit 2
	{"1381234567", "", ErrInvalid},  // 10 digits
	{"138123456789", "", ErrInvalid},
	{"02012345678", "", ErrInvalid}, // national landline without +
	{"8613812345678", "", ErrInvalid},
	{"", "", ErrInvalid},
	{"+", "", ErrInvalid},
	{"+1", "", ErrInvalid}, // found by FuzzPhone (in the reference)
	{"138  1234 5678", "", ErrInvalid},
	{"138 1234 5678 ", "", ErrInvalid},
	{" 13812345678", "", ErrInvalid},
	{"(138)12345678", "", ErrInvalid},
	{"+ 86 13812345678", "", ErrInvalid},
	{"++8613812345678", "", ErrInvalid},
	{"１３８１２３４５６７８", "", ErrInvalid}, // fullwidth digits
	{"138１2345678", "", ErrInvalid},
	{"13812345678\x00", "", ErrInvalid},
}

func TestPhone(t *testing.T) { runIDCases(t, "Phone", Phone, refPhone, phoneCases) }

var cardCases = []idCase{
	{"6222021234561234", "6222 **** **** 1234", nil},
	{"6222 0212 3456 1234", "6222 **** **** 1234", nil},
	{"6222-0212-3456-1234", "6222 **** **** 1234", nil},
	{"6222021234561234567", "6222 **** **** ***4 567", nil}, // 19 digits
	{"622202123456", "6222 **** 3456", nil},                 // 12 digits
	{"4111111111111", "4111 **** *111 1", nil},
	{"378282246310005", "3782 **** ***0 005", nil},
	{"62220212345", "", ErrInvalid},          // 11 digits
	{"62220212345612345678", "", ErrInvalid}, // 20 digits
	{"6222 0212 3456 123a", "", ErrInvalid},
	{"6222  0212 3456 1234", "", ErrInvalid},
	{"6222_0212_3456_1234", "", ErrInvalid},
	{"", "", ErrInvalid},
	{"-6222021234561234", "", ErrInvalid},
}

func TestBankCard(t *testing.T) { runIDCases(t, "BankCard", BankCard, refBankCard, cardCases) }

var emailCases = []idCase{
	{"zhangsan@example.com", "z***@example.com", nil},
	{"Zhang.San+pay@Example.COM", "Z***@Example.COM", nil},
	{"abc@example.com", "a***@example.com", nil},
	{"ab@example.com", "***@example.com", nil}, // two graphemes: nothing shown
	{"a@example.com", "***@example.com", nil},
	{"张三丰@例子.中国", "张***@例子.中国", nil},
	{"张三@example.cn", "***@example.cn", nil},
	{"zoe\u0308y@example.com", "z***@example.com", nil},
	{"e\u0301mile@example.fr", "e\u0301***@example.fr", nil}, // first grapheme kept whole
	{"user@xn--fsqu00a.xn--fiqs8s", "u***@xn--fsqu00a.xn--fiqs8s", nil},
	{"o'brien@mail.example.ie", "o***@mail.example.ie", nil},
	{"user@localhost", "", ErrInvalid},
	{"user@example.com.", "", ErrInvalid},
	{"user@-example.com", "", ErrInvalid},
	{"user@example-.com", "", ErrInvalid},
	{"user@exa_mple.com", "", ErrInvalid},
	{"user@@example.com", "", ErrInvalid},
	{"us@er@example.com", "", ErrInvalid},
	{"@example.com", "", ErrInvalid},
	{"user@", "", ErrInvalid},
	{".user@example.com", "", ErrInvalid},
	{"user.@example.com", "", ErrInvalid},
	{"us..er@example.com", "", ErrInvalid},
	{"\"john doe\"@example.com", "", ErrInvalid},
	{"john doe@example.com", "", ErrInvalid},
	{"user@exa mple.com", "", ErrInvalid},
	{"user@example..com", "", ErrInvalid},
	{"user\xff@example.com", "", ErrInvalid},
	{"user@例子.中国\u202e", "", ErrInvalid},
	{strings.Repeat("a", 65) + "@example.com", "", ErrInvalid},
	{"a@" + strings.Repeat("b", 64) + ".com", "", ErrInvalid},
	{"", "", ErrInvalid},
}

func TestEmail(t *testing.T) { runIDCases(t, "Email", Email, refEmail, emailCases) }

var idNumberCases = []idCase{
	{"11010519491231002X", "1****************X", nil},
	{"11010519491231002x", "1****************X", nil},
	{"440524188001010014", "4****************4", nil},
	{"31010419900307123X", "3****************X", nil},
	{"650102198501010019", "6****************9", nil},
	{"510100199909099986", "5****************6", nil},
	{"110105194912310021", "", ErrChecksum},
	{"440524188001010015", "", ErrChecksum},
	{"31010419900307123Y", "", ErrInvalid},
	{"1101051949123100X2", "", ErrInvalid},
	{"11010519491231002", "", ErrInvalid},
	{"11010519491231002X1", "", ErrInvalid},
	{"110105491231002", "", ErrInvalid}, // first-generation 15-digit number
	{"11010519491231002X ", "", ErrInvalid},
	{"１10105194912310021", "", ErrInvalid},
	{"", "", ErrInvalid},
}

func TestIDNumber(t *testing.T) { runIDCases(t, "IDNumber", IDNumber, refIDNumber, idNumberCases) }

func TestChecksumWrapsInvalid(t *testing.T) {
	if !errors.Is(ErrChecksum, ErrInvalid) {
		t.Error("ErrChecksum does not wrap ErrInvalid")
	}
	_, err := IDNumber("110105194912310021")
	if !errors.Is(err, ErrInvalid) || !errors.Is(err, ErrChecksum) {
		t.Errorf("IDNumber check digit error = %v, want ErrChecksum wrapping ErrInvalid", err)
	}
}

// The slow, obvious references below restate each rule with regular
// expressions and explicit lists; the table and fuzz tests compare the
// fast functions with them.

var (
	reGrouped = regexp.MustCompile(`^[0-9]+(?:[ -][0-9]+)*$`)
	reCNMob   = regexp.MustCompile(`^1[3-9][0-9]{9}$`)
	reID      = regexp.MustCompile(`^[0-9]{17}[0-9Xx]$`)
	reLocal   = regexp.MustCompile("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\p{L}\\p{M}\\p{N}-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\p{L}\\p{M}\\p{N}-]+)*$")
	reLabel   = regexp.MustCompile(`^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?$`)

	// ITU-T E.164 country codes of one and two digits; every other code
	// not starting with 0 has three.
	cc1 = []string{"1", "7"}
	cc2 = strings.Fields("20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98")
)

func digitsOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if '0' <= r && r <= '9' {
			return r
		}
		return -1
	}, s)
}

func refPhone(s string) (string, error) {
	plus := strings.HasPrefix(s, "+")
	body := strings.TrimPrefix(s, "+")
	if !reGrouped.MatchString(body) {
		return "", ErrInvalid
	}
	d := digitsOnly(body)
	if !plus {
		if !reCNMob.MatchString(d) {
			return "", ErrInvalid
		}
		return d[:3] + "****" + d[7:], nil
	}
	if len(d) < 3 || len(d) > 15 || d[0] == '0' {
		return "", ErrInvalid
	}
	cc := d[:3]
	for _, c := range append(append([]string{}, cc1...), cc2...) {
		if strings.HasPrefix(d, c) {
			cc = c
			break
		}
	}
	nsn := d[len(cc):]
	if len(nsn) < 6 {
		return "", ErrInvalid
	}
	if cc == "86" && reCNMob.MatchString(nsn) {
		return "+86 " + nsn[:3] + "****" + nsn[7:], nil
	}
	keep := 3
	if len(nsn) >= 10 {
		keep = 4
	}
	return "+" + cc + " " + strings.Repeat("*", len(nsn)-keep) + " " + nsn[len(nsn)-keep:], nil
}

func refBankCard(s string) (string, error) {
	if !reGrouped.MatchString(s) {
		return "", ErrInvalid
	}
	d := digitsOnly(s)
	if len(d) < 12 || len(d) > 19 {
		return "", ErrInvalid
	}
	m := d[:4] + strings.Repeat("*", len(d)-8) + d[len(d)-4:]
	var groups []string
	for len(m) > 4 {
		groups, m = append(groups, m[:4]), m[4:]
	}
	return strings.Join(append(groups, m), " "), nil
}

func refEmail(s string) (string, error) {
	local, domain, ok := strings.Cut(s, "@")
	if !ok || !utf8.ValidString(s) || len(s) > 254 || len(local) > 64 || !reLocal.MatchString(local) {
		return "", ErrInvalid
	}
	labels := strings.Split(domain, ".")
	if len(labels) < 2 {
		return "", ErrInvalid
	}
	for _, l := range labels {
		if len(l) > 63 || !reLabel.MatchString(l) {
			return "", ErrInvalid
		}
	}
	if uniseg.GraphemeClusterCount(local) < 3 {
		return "***@" + domain, nil
	}
	g := uniseg.NewGraphemes(local)
	g.Next()
	return g.Str() + "***@" + domain, nil
}

func refIDNumber(s string) (string, error) {
	if !reID.MatchString(s) {
		return "", ErrInvalid
	}
	s = strings.ToUpper(s)
	// ISO 7064 MOD 11-2 verification: sum of a_i * 2^(i-1) over the 18
	// characters numbered from the right (the check character a_1 has
	// weight 1, X = 10) is 1 mod 11.
	sum := 0
	for i := 1; i <= 18; i++ {
		c := s[18-i]
		v := int(c - '0')
		if c == 'X' {
			if i != 1 {
				return "", ErrInvalid
			}
			v = 10
		}
		w := 1
		for range i - 1 {
			w = w * 2 % 11
		}
		sum += v * w
	}
	if sum%11 != 1 {
		return "", ErrChecksum
	}
	return s[:1] + strings.Repeat("*", 16) + s[17:], nil
}

// TestPhoneCountryCodesExhaustive checks the country-code length of every
// two-digit prefix against the reference's explicit list.
func TestPhoneCountryCodesExhaustive(t *testing.T) {
	for p := 0; p < 100; p++ {
		in := "+" + string(rune('0'+p/10)) + string(rune('0'+p%10)) + "1234567890"
		got, err := Phone(in)
		want, werr := refPhone(in)
		if got != want || (err == nil) != (werr == nil) {
			t.Errorf("Phone(%+q) = %+q, %v; reference %+q, %v", in, got, err, want, werr)
		}
	}
}
