package mask

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/transferguard/transferguard/identity"
)

var allStyles = []Style{KeepLast, HideSurname, KeepSurname, KeepEnds}

type nameCase struct {
	name   string // test name
	in     string
	style  Style
	opts   []Option
	want   string
	hidden []Span
}

// issueTable is the table of issue #3, cell by cell.
var issueTable = []nameCase{
	{"KeepLast/2", "张三", KeepLast, nil, "*三", []Span{sp(0, 1)}},
	{"KeepLast/3", "张小明", KeepLast, nil, "**明", []Span{sp(0, 2)}},
	{"KeepLast/compound", "欧阳娜娜", KeepLast, nil, "***娜", []Span{sp(0, 3)}},
	{"KeepLast/interpunct", "买买提·艾力", KeepLast, nil, "***·*力", []Span{sp(0, 3), sp(4, 5)}},
	{"KeepLast/latin", "John Smith", KeepLast, nil, "**** ****h", []Span{sp(0, 4), sp(5, 9)}},

	{"HideSurname/2", "张三", HideSurname, nil, "*三", []Span{sp(0, 1)}},
	{"HideSurname/3", "张小明", HideSurname, nil, "*小明", []Span{sp(0, 1)}},
	{"HideSurname/compound", "欧阳娜娜", HideSurname, nil, "**娜娜", []Span{sp(0, 2)}},
	{"HideSurname/interpunct", "买买提·艾力", HideSurname, nil, "买买提·**", []Span{sp(4, 6)}},
	{"HideSurname/latin", "John Smith", HideSurname, nil, "John *****", []Span{sp(5, 10)}},

	{"KeepSurname/2", "张三", KeepSurname, nil, "张*", []Span{sp(1, 2)}},
	{"KeepSurname/3", "张小明", KeepSurname, nil, "张**", []Span{sp(1, 3)}},
	{"KeepSurname/compound", "欧阳娜娜", KeepSurname, nil, "欧阳**", []Span{sp(2, 4)}},
	{"KeepSurname/interpunct", "买买提·艾力", KeepSurname, nil, "***·艾力", []Span{sp(0, 3)}},
	{"KeepSurname/latin", "John Smith", KeepSurname, nil, "**** Smith", []Span{sp(0, 4)}},

	{"KeepEnds/2", "张三", KeepEnds, nil, "*三", []Span{sp(0, 1)}},
	{"KeepEnds/3", "张小明", KeepEnds, nil, "张*明", []Span{sp(1, 2)}},
	{"KeepEnds/compound", "欧阳娜娜", KeepEnds, nil, "欧**娜", []Span{sp(1, 3)}},
	{"KeepEnds/interpunct", "买买提·艾力", KeepEnds, nil, "买**·*力", []Span{sp(1, 3), sp(4, 5)}},
	{"KeepEnds/latin", "John Smith", KeepEnds, nil, "J*** ****h", []Span{sp(1, 4), sp(5, 9)}},
	// WeChat's guide.
	{"KeepEnds/wechat-3", "王小四", KeepEnds, nil, "王*四", []Span{sp(1, 2)}},
	{"KeepEnds/wechat-4", "欧阳小五", KeepEnds, nil, "欧**五", []Span{sp(1, 3)}},
}

// moreNames covers the other acceptance rows: one-grapheme names,
// combining marks, supplementary-plane ideographs, traditional compound
// surnames, Korean, long Latin names.
var moreNames = []nameCase{
	// One grapheme: always fully hidden.
	{"one/KeepLast", "明", KeepLast, nil, "*", []Span{sp(0, 1)}},
	{"one/HideSurname", "明", HideSurname, nil, "*", []Span{sp(0, 1)}},
	{"one/KeepSurname", "明", KeepSurname, nil, "*", []Span{sp(0, 1)}},
	{"one/KeepEnds", "明", KeepEnds, nil, "*", []Span{sp(0, 1)}},
	{"one/latin", "Z", KeepEnds, nil, "*", []Span{sp(0, 1)}},
	{"one/HideLength", "明", KeepLast, []Option{HideLength(true)}, "***", []Span{sp(0, 1)}},

	// Combining marks stay inside their grapheme: Zoë with U+0308. The
	// output is in NFC, as identity stores names.
	{"marks/KeepLast", "Zoe\u0308 Smith", KeepLast, nil, "*** ****h", []Span{sp(0, 3), sp(4, 8)}},
	{"marks/KeepEnds-last", "Smith Zoe\u0308", KeepEnds, nil, "S**** **\u00eb", []Span{sp(1, 5), sp(6, 8)}},
	{"marks/HideSurname", "Zoe\u0308 Smith", HideSurname, nil, "Zo\u00eb *****", []Span{sp(4, 9)}},
	{"marks/KeepSurname", "Jose\u0301 Garci\u0301a", KeepSurname, nil, "**** Garc\u00eda", []Span{sp(0, 4)}},
	{"marks/han-vs", "张小明\U000E0100", KeepLast, nil, "**明\U000E0100", []Span{sp(0, 2)}},

	// Supplementary-plane ideograph 𠮷 (U+20BB7) is one grapheme.
	{"supplementary/KeepLast", "𠮷小明", KeepLast, nil, "**明", []Span{sp(0, 2)}},
	{"supplementary/KeepSurname", "𠮷小明", KeepSurname, nil, "𠮷**", []Span{sp(1, 3)}},
	{"supplementary/HideSurname", "𠮷小明", HideSurname, nil, "*小明", []Span{sp(0, 1)}},
	{"supplementary/KeepEnds", "王𠮷明", KeepEnds, nil, "王*明", []Span{sp(1, 2)}},
	{"supplementary/last", "王小𠮷", KeepLast, nil, "**𠮷", []Span{sp(0, 2)}},

	// Traditional compound surname 歐陽.
	{"traditional/KeepLast", "歐陽娜娜", KeepLast, nil, "***娜", []Span{sp(0, 3)}},
	{"traditional/HideSurname", "歐陽娜娜", HideSurname, nil, "**娜娜", []Span{sp(0, 2)}},
	{"traditional/KeepSurname", "歐陽娜娜", KeepSurname, nil, "歐陽**", []Span{sp(2, 4)}},
	{"traditional/KeepEnds", "歐陽娜娜", KeepEnds, nil, "歐**娜", []Span{sp(1, 3)}},
	{"traditional/司馬", "司馬光", HideSurname, nil, "**光", []Span{sp(0, 2)}},

	// Korean compound surname 남궁.
	{"korean/KeepLast", "남궁민수", KeepLast, nil, "***수", []Span{sp(0, 3)}},
	{"korean/HideSurname", "남궁민수", HideSurname, nil, "**민수", []Span{sp(0, 2)}},
	{"korean/KeepSurname", "남궁민수", KeepSurname, nil, "남궁**", []Span{sp(2, 4)}},
	{"korean/KeepEnds", "남궁민수", KeepEnds, nil, "남**수", []Span{sp(1, 3)}},
	{"korean/single", "김민수", KeepSurname, nil, "김**", []Span{sp(1, 3)}},

	// Long Latin names with several parts.
	{"latin-long/KeepLast", "John Ronald Reuel Tolkien", KeepLast, nil,
		"**** ****** ***** ******n", []Span{sp(0, 4), sp(5, 11), sp(12, 17), sp(18, 24)}},
	{"latin-long/HideSurname", "John Ronald Reuel Tolkien", HideSurname, nil,
		"John Ronald Reuel *******", []Span{sp(18, 25)}},
	{"latin-long/KeepSurname", "John Ronald Reuel Tolkien", KeepSurname, nil,
		"**** ****** ***** Tolkien", []Span{sp(0, 4), sp(5, 11), sp(12, 17)}},
	{"latin-long/KeepEnds", "John Ronald Reuel Tolkien", KeepEnds, nil,
		"J*** ****** ***** ******n", []Span{sp(1, 4), sp(5, 11), sp(12, 17), sp(18, 24)}},
	{"latin-long/six-parts", "Pablo Diego José Francisco Ruiz Picasso", KeepEnds, nil,
		"P**** ***** **** ********* **** ******o", []Span{sp(1, 5), sp(6, 11), sp(12, 16), sp(17, 26), sp(27, 31), sp(32, 38)}},
	// A one-part Latin name: its family name is the whole name, so
	// KeepSurname falls back to KeepLast instead of showing it.
	{"latin-mononym/KeepSurname", "Suharto", KeepSurname, nil, "******o", []Span{sp(0, 6)}},
	{"latin-mononym/HideSurname", "Suharto", HideSurname, nil, "*******", []Span{sp(0, 7)}},

	// Mask runes.
	{"maskrune/dot", "张小明", KeepLast, []Option{MaskRune('●')}, "●●明", []Span{sp(0, 2)}},
	{"maskrune/fullwidth", "张小明", KeepSurname, []Option{MaskRune('＊')}, "张＊＊", []Span{sp(1, 3)}},
	{"maskrune/X", "John Smith", KeepSurname, []Option{MaskRune('X')}, "XXXX Smith", []Span{sp(0, 4)}},
	{"maskrune/last-wins", "张小明", KeepLast, []Option{MaskRune('#'), MaskRune('○')}, "○○明", []Span{sp(0, 2)}},

	// HideLength: every hidden run is HiddenWidth mask runes.
	{"hidelength/2", "张明", KeepLast, []Option{HideLength(true)}, "***明", []Span{sp(0, 1)}},
	{"hidelength/3", "张小明", KeepLast, []Option{HideLength(true)}, "***明", []Span{sp(0, 2)}},
	{"hidelength/4", "欧阳娜娜", KeepLast, []Option{HideLength(true)}, "***娜", []Span{sp(0, 3)}},
	{"hidelength/keepsurname", "张三", KeepSurname, []Option{HideLength(true)}, "张***", []Span{sp(1, 2)}},
	{"hidelength/hidesurname", "欧阳娜娜", HideSurname, []Option{HideLength(true)}, "***娜娜", []Span{sp(0, 2)}},
	{"hidelength/latin", "John Ronald Reuel Tolkien", KeepEnds, []Option{HideLength(true)},
		"J*** *** *** ***n", []Span{sp(1, 4), sp(5, 11), sp(12, 17), sp(18, 24)}},
	{"hidelength/off", "张小明", KeepLast, []Option{HideLength(true), HideLength(false)}, "**明", []Span{sp(0, 2)}},
	{"hidelength/rune", "张小明", KeepLast, []Option{HideLength(true), MaskRune('●')}, "●●●明", []Span{sp(0, 2)}},

	// Deny-list: the masked text must not read as an offensive word.
	{"deny/Dirk", "Dirk", KeepEnds, nil, "D***", []Span{sp(1, 4)}},
	{"deny/Fisk", "Fisk", KeepEnds, nil, "F***", []Span{sp(1, 4)}},
	{"deny/Six", "Six", KeepEnds, nil, "S**", []Span{sp(1, 3)}},
	{"deny/paynow", "SIX", KeepEnds, []Option{MaskRune('X')}, "SXX", []Span{sp(1, 3)}},
	{"deny/diacritics", "Dírk", KeepEnds, nil, "D***", []Span{sp(1, 4)}},
	{"deny/twice", "Shit", KeepEnds, nil, "S***", []Span{sp(1, 4)}},
	{"deny/not-denied", "Dina", KeepEnds, nil, "D**a", []Span{sp(1, 3)}},
	{"deny/hidelength", "Dirk", KeepEnds, []Option{HideLength(true)}, "D***k", []Span{sp(1, 3)}},
	// A part shown in clear is the name's own text and is left alone.
	{"deny/clear-part", "Dick Smith", HideSurname, nil, "Dick *****", []Span{sp(5, 10)}},
}

func sp(start, end int) Span { return Span{Start: start, End: end} }

func TestNameIssueTable(t *testing.T) { runNameCases(t, issueTable) }
func TestNameMore(t *testing.T)       { runNameCases(t, moreNames) }

func runNameCases(t *testing.T, cases []nameCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Name(tc.in, tc.style, tc.opts...)
			if err != nil {
				t.Fatalf("Name(%+q, %v) error: %v", tc.in, tc.style, err)
			}
			if got := m.String(); got != tc.want {
				t.Errorf("Name(%+q, %v) = %+q, want %+q", tc.in, tc.style, got, tc.want)
			}
			if diff := cmp.Diff(tc.hidden, m.Hidden()); diff != "" {
				t.Errorf("Name(%+q, %v).Hidden() mismatch (-want +got):\n%s", tc.in, tc.style, diff)
			}
			if m.Style() != tc.style {
				t.Errorf("Style() = %v, want %v", m.Style(), tc.style)
			}
		})
	}
}

func TestNameErrors(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		style Style
		opts  []Option
		want  error
	}{
		{"zero-style", "张三", 0, nil, ErrStyle},
		{"big-style", "张三", Style(99), nil, ErrStyle},
		{"empty", "", KeepLast, nil, identity.ErrEmpty},
		{"invalid-utf8", "张\xff三", KeepLast, nil, identity.ErrInvalidUTF8},
		// Parse rejects emoji, so a ZWJ family is never masked.
		{"emoji-zwj", "张👨\u200d👩\u200d👧", KeepLast, nil, identity.ErrForbiddenRune},
		{"emoji-zwj-alone", "👨\u200d👩\u200d👧", KeepEnds, nil, identity.ErrForbiddenRune},
		{"bidi", "张\u202e三", KeepLast, nil, identity.ErrForbiddenRune},
		{"maskrune-space", "张三", KeepLast, []Option{MaskRune(' ')}, ErrMaskRune},
		{"maskrune-hyphen", "张三", KeepLast, []Option{MaskRune('-')}, ErrMaskRune},
		{"maskrune-dot", "张三", KeepLast, []Option{MaskRune('.')}, ErrMaskRune},
		{"maskrune-interpunct", "张三", KeepLast, []Option{MaskRune('·')}, ErrMaskRune},
		{"maskrune-katakana-dot", "张三", KeepLast, []Option{MaskRune('・')}, ErrMaskRune},
		{"maskrune-emdash", "张三", KeepLast, []Option{MaskRune('—')}, ErrMaskRune},
		{"maskrune-combining", "张三", KeepLast, []Option{MaskRune('\u0301')}, ErrMaskRune},
		{"maskrune-zwj", "张三", KeepLast, []Option{MaskRune('\u200d')}, ErrMaskRune},
		{"maskrune-control", "张三", KeepLast, []Option{MaskRune('\n')}, ErrMaskRune},
		{"maskrune-nul", "张三", KeepLast, []Option{MaskRune(0)}, ErrMaskRune},
		{"maskrune-jamo", "张三", KeepLast, []Option{MaskRune('ᄀ')}, ErrMaskRune},
		{"maskrune-hangul", "张三", KeepLast, []Option{MaskRune('가')}, ErrMaskRune},
		{"maskrune-regional", "张三", KeepLast, []Option{MaskRune('🇦')}, ErrMaskRune},
		{"maskrune-skin-tone", "张三", KeepLast, []Option{MaskRune('\U0001F3FB')}, ErrMaskRune},
		{"maskrune-vs16", "张三", KeepLast, []Option{MaskRune('\uFE0F')}, ErrMaskRune},
		{"maskrune-private", "张三", KeepLast, []Option{MaskRune('\uE000')}, ErrMaskRune},
		{"maskrune-unassigned", "张三", KeepLast, []Option{MaskRune('\U000E0080')}, ErrMaskRune},
		{"maskrune-surrogate", "张三", KeepLast, []Option{MaskRune(0xD800)}, ErrMaskRune},
		{"maskrune-negative", "张三", KeepLast, []Option{MaskRune(-1)}, ErrMaskRune},
		{"maskrune-too-big", "张三", KeepLast, []Option{MaskRune(0x110000)}, ErrMaskRune},
		{"maskrune-replacement", "张三", KeepLast, []Option{MaskRune('\uFFFD')}, ErrMaskRune},
		{"maskrune-spacing-mark", "张三", KeepLast, []Option{MaskRune('\u0903')}, ErrMaskRune},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Name(tc.in, tc.style, tc.opts...)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Name(%+q, %v) error = %v, want %v", tc.in, tc.style, err, tc.want)
			}
			if m.IsValid() || m.String() != "" || m.Len() != 0 {
				t.Errorf("Name(%+q, %v) returned a non-zero Masked %q with an error", tc.in, tc.style, m.String())
			}
		})
	}
}

func TestNameFromZero(t *testing.T) {
	if _, err := NameFrom(identity.Name{}, KeepLast); !errors.Is(err, ErrInvalidName) {
		t.Errorf("NameFrom(zero Name) error = %v, want ErrInvalidName", err)
	}
}

func TestNameFromAgreesWithName(t *testing.T) {
	for _, tc := range append(append([]nameCase{}, issueTable...), moreNames...) {
		n := identity.MustParse(tc.in)
		a, errA := Name(tc.in, tc.style, tc.opts...)
		b, errB := NameFrom(n, tc.style, tc.opts...)
		if errA != nil || errB != nil {
			t.Fatalf("%+q: errors %v, %v", tc.in, errA, errB)
		}
		if a.String() != b.String() || a.UnmaskedHidden() != b.UnmaskedHidden() {
			t.Errorf("%+q: Name gives %q, NameFrom gives %q", tc.in, a.String(), b.String())
		}
	}
}

func TestMaskRunesAllowed(t *testing.T) {
	for _, r := range []rune{'*', 'X', 'x', '#', '0', '●', '○', '■', '□', '＊', '×', '★', '✱', 'Ｘ', '〇', '口'} {
		m, err := Name("张小明", KeepLast, MaskRune(r))
		if err != nil {
			t.Errorf("MaskRune(%+q): %v", r, err)
			continue
		}
		if want := string(r) + string(r) + "明"; m.String() != want {
			t.Errorf("MaskRune(%+q): got %+q, want %+q", r, m.String(), want)
		}
	}
}

func TestNameTooLong(t *testing.T) {
	long := strings.Repeat("a", identity.MaxGraphemes+1)
	if _, err := Name(long, KeepLast); !errors.Is(err, identity.ErrTooLong) {
		t.Errorf("Name of %d graphemes: error = %v, want identity.ErrTooLong", identity.MaxGraphemes+1, err)
	}
	// The longest name identity accepts is masked.
	m, err := Name(strings.Repeat("a", identity.MaxGraphemes), KeepEnds)
	if err != nil {
		t.Fatalf("Name of %d graphemes: %v", identity.MaxGraphemes, err)
	}
	if want := "a" + strings.Repeat("*", identity.MaxGraphemes-2) + "a"; m.String() != want {
		t.Errorf("got %+q, want %+q", m.String(), want)
	}
}
