package mask

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/transferguard/transferguard/identity"
)

// TestMaskedNeverPrintsHidden formats a Masked with every common verb and
// through slog and encoding/json: the result is always what formatting the
// masked text gives, so the hidden text can never appear.
func TestMaskedNeverPrintsHidden(t *testing.T) {
	verbs := []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%10s", "%-8v", "%t", "%U"}
	for _, tc := range append(append([]nameCase{}, issueTable...), moreNames...) {
		m, err := Name(tc.in, tc.style, tc.opts...)
		if err != nil {
			t.Fatal(err)
		}
		for _, verb := range verbs {
			if got, want := fmt.Sprintf(verb, m), fmt.Sprintf(verb, m.String()); got != want {
				t.Errorf("Sprintf(%q, Name(%+q)) = %+q, want %+q", verb, tc.in, got, want)
			}
		}
		if got, want := fmt.Sprint([]Masked{m}), fmt.Sprint([]string{m.String()}); got != want {
			t.Errorf("Sprint([]Masked{Name(%+q)}) = %+q, want %+q", tc.in, got, want)
		}
		// Printing by reflection bypasses Format: %p on a value, and %v of a
		// struct that holds a Masked in an unexported field. The clear text
		// must still not show.
		type holder struct{ m Masked }
		for _, out := range []string{fmt.Sprintf("%p", m), fmt.Sprintf("%+v", holder{m}), fmt.Sprintf("%#v", holder{m})} {
			if strings.Contains(out, m.UnmaskedText(Span{Start: 0, End: m.Len()})) {
				t.Errorf("Name(%+q) printed by reflection shows the name: %s", tc.in, out)
			}
			for _, h := range m.Hidden() {
				if hid := m.UnmaskedText(h); len(hid) >= 3 && strings.Contains(out, hid) && !strings.Contains(m.String(), hid) {
					t.Errorf("Name(%+q) printed by reflection shows hidden %+q: %s", tc.in, hid, out)
				}
			}
		}
		var buf bytes.Buffer
		slog.New(slog.NewJSONHandler(&buf, nil)).Info("payee", "name", m)
		want, _ := json.Marshal(m.String())
		if !strings.Contains(buf.String(), `"name":`+string(want)) {
			t.Errorf("slog JSON for Name(%+q): %s, want name %s", tc.in, buf.String(), want)
		}
		if b, err := json.Marshal(m); err != nil || string(b) != "{}" {
			t.Errorf("json.Marshal(Name(%+q)) = %s, %v; want {} (no exported fields)", tc.in, b, err)
		}
	}
}

func TestMaskedZero(t *testing.T) {
	var m Masked
	if m.IsValid() || m.String() != "" || m.Len() != 0 || m.NumHidden() != 0 || m.IsHidden(0) {
		t.Errorf("zero Masked: IsValid %v String %+q Len %d NumHidden %d", m.IsValid(), m.String(), m.Len(), m.NumHidden())
	}
	if len(m.Hidden()) != 0 || len(m.Segments()) != 0 || m.UnmaskedHidden() != "" || m.UnmaskedText(Span{Start: 0, End: 1}) != "" {
		t.Errorf("zero Masked reveals or lists something")
	}
	if m.Style() != 0 {
		t.Errorf("zero Masked style %v", m.Style())
	}
}

func TestMaskedAccessors(t *testing.T) {
	m, err := Name("John Ronald Reuel Tolkien", KeepEnds)
	if err != nil {
		t.Fatal(err)
	}
	if got := m.NumHidden(); got != 4 {
		t.Errorf("NumHidden() = %d, want 4", got)
	}
	if got, want := m.UnmaskedHidden(), "ohn Ronald Reuel Tolkie"; got != want {
		t.Errorf("UnmaskedHidden() = %+q, want %+q", got, want)
	}
	want := []Segment{
		{Text: "J", Span: sp(0, 1)},
		{Text: "***", Span: sp(1, 4), Hidden: true},
		{Text: " ", Span: sp(4, 5)},
		{Text: "******", Span: sp(5, 11), Hidden: true},
		{Text: " ", Span: sp(11, 12)},
		{Text: "*****", Span: sp(12, 17), Hidden: true},
		{Text: " ", Span: sp(17, 18)},
		{Text: "******", Span: sp(18, 24), Hidden: true},
		{Text: "n", Span: sp(24, 25)},
	}
	if diff := cmp.Diff(want, m.Segments()); diff != "" {
		t.Errorf("Segments() (-want +got):\n%s", diff)
	}
	for _, tc := range []struct {
		sp   Span
		want string
	}{
		{sp(0, 4), "John"},
		{sp(18, 25), "Tolkien"},
		{sp(0, 25), "John Ronald Reuel Tolkien"},
		{sp(3, 3), ""},
		{sp(4, 2), ""},
		{sp(-1, 2), ""},
		{sp(20, 26), ""},
	} {
		if got := m.UnmaskedText(tc.sp); got != tc.want {
			t.Errorf("UnmaskedText(%+v) = %+q, want %+q", tc.sp, got, tc.want)
		}
	}
	if m.IsHidden(-1) || m.IsHidden(25) || !m.IsHidden(1) || m.IsHidden(0) || m.IsHidden(4) {
		t.Errorf("IsHidden wrong at the edges")
	}

	h, err := Name("欧阳娜娜", KeepLast, HideLength(true))
	if err != nil {
		t.Fatal(err)
	}
	wantH := []Segment{{Text: "***", Span: sp(0, 3), Hidden: true}, {Text: "娜", Span: sp(3, 4)}}
	if diff := cmp.Diff(wantH, h.Segments()); diff != "" {
		t.Errorf("HideLength Segments() (-want +got):\n%s", diff)
	}
	if got := h.UnmaskedHidden(); got != "欧阳娜" {
		t.Errorf("HideLength UnmaskedHidden() = %+q", got)
	}
}

func TestStyleText(t *testing.T) {
	for _, st := range allStyles {
		b, err := st.MarshalText()
		if err != nil {
			t.Fatalf("%v.MarshalText: %v", st, err)
		}
		var back Style
		if err := back.UnmarshalText(b); err != nil || back != st {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", b, back, err, st)
		}
		if string(b) != st.String() || !st.IsValid() {
			t.Errorf("%v: text %q, IsValid %v", st, b, st.IsValid())
		}
	}
	for _, bad := range []string{"", "KeepLast", "keep-last ", "Keep-Last", "keep_last", "Style(1)"} {
		st := KeepEnds
		if err := st.UnmarshalText([]byte(bad)); !errors.Is(err, ErrStyle) || st != KeepEnds {
			t.Errorf("UnmarshalText(%q) = %v, style now %v; want ErrStyle and unchanged", bad, err, st)
		}
	}
	for _, st := range []Style{0, numStyles, 200} {
		if st.IsValid() {
			t.Errorf("%d is valid", st)
		}
		if _, err := st.MarshalText(); !errors.Is(err, ErrStyle) {
			t.Errorf("Style(%d).MarshalText error = %v", st, err)
		}
		if want := fmt.Sprintf("Style(%d)", uint8(st)); st.String() != want {
			t.Errorf("String() = %q, want %q", st.String(), want)
		}
	}
}

func TestDeniedWordsWellFormed(t *testing.T) {
	words := strings.Split(deniedWords, "\n")
	for i, w := range words {
		if len(w) < 3 || strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") != "" {
			t.Errorf("word %d %q: want 3 or more lowercase ASCII letters", i, w)
		}
		if i > 0 && words[i-1] >= w {
			t.Errorf("word %d %q: not sorted or duplicate after %q", i, w, words[i-1])
		}
	}
}

func TestFindDenied(t *testing.T) {
	tests := []struct {
		tok        string
		at, length int
	}{
		{"d??k", 0, 4},
		{"s?x", 0, 3},
		{"?ex", 0, 3},      // two letters and a wildcard
		{"dick", -1, 0},    // no wildcard: the name's own text
		{"d???", -1, 0},    // one letter only
		{"???", -1, 0},     // no letter
		{"xd??k", 1, 4},    // inside a longer run
		{"d??kx", 0, 4},    // prefix of a longer run
		{"d?\x00k", -1, 0}, // a non-letter breaks the match
		{"abc", -1, 0},
		{"", -1, 0},
	}
	for _, tc := range tests {
		at, length := findDenied([]byte(tc.tok))
		if at != tc.at || length != tc.length {
			t.Errorf("findDenied(%+q) = %d, %d; want %d, %d", tc.tok, at, length, tc.at, tc.length)
		}
	}
}

func TestLetterOf(t *testing.T) {
	for _, tc := range []struct {
		g    string
		want byte
	}{
		{"a", 'a'}, {"Z", 'z'}, {"é", 'e'}, {"e\u0301", 'e'}, {"Ｓ", 's'}, {"ß", 0},
		{"张", 0}, {"1", 0}, {"-", 0}, {"ø", 0}, {"Å", 'a'},
	} {
		if got := letterOf(tc.g); got != tc.want {
			t.Errorf("letterOf(%+q) = %q, want %q", tc.g, got, tc.want)
		}
	}
}

// TestAllocs enforces the allocation claims of the doc comments.
func TestAllocs(t *testing.T) {
	han := identity.MustParse("张小明")
	multi, _ := Name("买买提·艾力", KeepLast)
	single, _ := Name("张小明", KeepLast)
	spans := make([]Span, 0, 4)
	segs := make([]Segment, 0, 8)
	buf := make([]byte, 0, 64)
	checks := []struct {
		name string
		want float64
		f    func()
	}{
		{"Masked.String", 0, func() { _ = single.String() }},
		{"Masked.AppendHidden", 0, func() { spans = multi.AppendHidden(spans[:0]) }},
		{"Masked.AppendSegments", 0, func() { segs = multi.AppendSegments(segs[:0]) }},
		{"Masked.AppendUnmaskedHidden", 0, func() { buf = multi.AppendUnmaskedHidden(buf[:0]) }},
		{"Masked.UnmaskedHidden/one-span", 0, func() { _ = single.UnmaskedHidden() }},
		{"Masked.UnmaskedText", 0, func() { _ = multi.UnmaskedText(Span{Start: 0, End: 3}) }},
		{"Masked.NumHidden", 0, func() { _ = multi.NumHidden() }},
		{"Style.String", 0, func() { _ = KeepEnds.String() }},
		{"Phone", 1, func() { _, _ = Phone("138 1234 5678") }},
		{"Phone/e164", 1, func() { _, _ = Phone("+44 20 7946 0958") }},
		{"BankCard", 1, func() { _, _ = BankCard("6222021234561234") }},
		{"Email", 1, func() { _, _ = Email("zhangsan@example.com") }},
		{"IDNumber", 1, func() { _, _ = IDNumber("11010519491231002X") }},
		{"Phone/invalid", 0, func() { _, _ = Phone("12345") }},
	}
	for _, st := range allStyles {
		checks = append(checks,
			struct {
				name string
				want float64
				f    func()
			}{"NameFrom/" + st.String(), 1, func() { _, _ = NameFrom(han, st) }},
			struct {
				name string
				want float64
				f    func()
			}{"Name/" + st.String(), 1, func() { _, _ = Name("张小明", st) }},
		)
	}
	for _, c := range checks {
		if got := testing.AllocsPerRun(100, c.f); got != c.want {
			t.Errorf("%s: allocs = %v, want %v", c.name, got, c.want)
		}
	}
}
