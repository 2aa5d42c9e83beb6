package identity

import (
	"strings"
	"testing"
	"unsafe"
)

func TestFold(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"folded-ascii", "john smith", "john smith"},
		{"case", "John SMITH", "john smith"},
		{"width", "ＪＯＨＮ　Ｓｍｉｔｈ", "john smith"},
		{"halfwidth-kana", "ﾔﾏﾀﾞ", "ヤマダ"},
		{"spaces-collapsed", "  John \u00a0  Smith  ", "john smith"},
		{"hyphen", "Jean-Luc Picard", "jean luc picard"},
		{"hyphen-variants", "Jean\u2010Luc\u2011Marie\u2013Ann\u2014X\uff0dY", "jean luc marie ann x y"},
		{"dots", "J.R.R. Tolkien", "j r r tolkien"},
		{"apostrophe", "O'Brien", "obrien"},
		{"apostrophe-curly", "O\u2019Brien", "obrien"},
		{"diacritics", "José Ñúñez Çelik", "jose nunez celik"},
		{"decomposed", "Jose\u0301", "jose"},
		{"uncomposable-mark", "q\u0303", "q"},
		{"marks-after-space-kept", "A \u0301\u0301", "a \u0301\u0301"},
		{"mark-after-space-then-letter", "A \u0301b\u0301", "a \u0301b"},
		{"stacked", "ǘ", "u"},
		{"o-stroke", "Ørsted", "orsted"},
		{"ae", "Æsa", "aesa"},
		{"oe", "Œuvre", "oeuvre"},
		{"sharp-s", "Straße", "strasse"},
		{"capital-sharp-s", "STRAẞE", "strasse"},
		{"d-stroke", "Đorđe", "dorde"},
		{"eth", "Guðrún", "gudrun"},
		{"l-stroke", "Łukasz Wałęsa", "lukasz walesa"},
		{"thorn", "Þór", "thor"},
		{"dotless-i", "Işık", "isik"},
		{"dotted-I", "İlhan", "ilhan"},
		{"ligature", "ﬁona", "fiona"},
		{"greek", "Νίκος ΠΑΠΑΔΌΠΟΥΛΟΣ", "νικοσ παπαδοπουλοσ"},
		{"greek-final-sigma", "Οδυσσέας", "οδυσσεασ"},
		{"cyrillic", "Пётр Йовов", "петр иовов"},
		{"thai-marks-kept", "สมชาย ใจดี", "สมชาย ใจดี"},
		{"devanagari-marks-kept", "क्षमा शर्मा", "क्षमा शर्मा"},
		{"devanagari-zwj-dropped", "क्\u200dष", "क्ष"},
		{"arabic", "محمد", "محمد"},
		{"han", "张小明", "张小明"},
		{"han-traditional", "張小明", "张小明"},
		{"han-space", "张 小明", "张小明"},
		{"han-interpunct", "买买提·艾力", "买买提艾力"},
		{"han-interpuncts", "A\u00b7B\u2022C\u30fbD\u2027E\uff65F\uff0eG\u2219H\u22c5I\u0387J", "a b c d e f g h i j"},
		{"han-interpunct-variants", "买\u00b7买\u2022提\u30fb艾\u2027力\uff65买\uff0e买\u2219提\u22c5艾\u0387力.力", "买买提艾力买买提艾力力"},
		{"han-fullwidth-space", "欧阳\u3000娜娜", "欧阳娜娜"},
		{"over-conversion", "徐乾學", "徐乾学"},
		{"over-conversion-yu", "於小明", "於小明"},
		{"compat-ideograph", "\uf900", "岂"},
		{"variation-selector", "葛\U000E0100", "葛"},
		{"hangul", "남궁 민수", "남궁민수"},
		{"hangul-jamo", "\u1100\u1161", "가"},
		{"kana", "やまだ・はなこ", "やまだはなこ"},
		{"han-latin", "张 John", "张 john"},
		{"controls-dropped", "Jo\u200bhn\u202e", "john"},
		{"tab-is-space", "John\tSmith", "john smith"},
		{"invisible-dropped", "김\u3164민\u034f\ufe0f", "김민"},
		{"symbols-kept", "a+b", "a+b"},
		{"invalid-utf8", "a\xffb", "a\ufffdb"},
		// norm's quick check read \xf6 with the two bytes of U+0678 after
		// it as one invalid unit, so U+0678 was not decomposed (FuzzFold).
		{"invalid-utf8-before-compat", "\xf6\u0678", "\ufffd\u064a\u0674"},
		{"invalid-utf8-before-mark", "e\xf6\u0301", "e\ufffd\u0301"},
		{"only-separators", " ·- ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%+q) = %+q, want %+q", tt.in, got, tt.want)
			}
			if got := string(AppendFold([]byte("x"), tt.in)); got != "x"+tt.want {
				t.Errorf("AppendFold(x, %+q) = %+q, want %+q", tt.in, got, "x"+tt.want)
			}
			if got := Fold(tt.want); got != tt.want {
				t.Errorf("Fold not idempotent: Fold(%+q) = %+q", tt.want, got)
			}
		})
	}
}

// The surname pairs the issue names: the character that is its own
// simplified form keeps itself, so these stay apart.
func TestFoldNoOverConversion(t *testing.T) {
	for _, p := range [][2]string{{"于", "於"}, {"乾", "干"}, {"余", "馀"}} {
		if Fold(p[0]) == Fold(p[1]) {
			t.Errorf("Fold(%+q) == Fold(%+q) = %+q; over-converted", p[0], p[1], Fold(p[0]))
		}
	}
	for _, s := range []string{"于", "於", "余", "范", "沈", "乾", "徐乾学"} {
		if got := Fold(s); got != s {
			t.Errorf("Fold(%+q) = %+q, want itself", s, got)
		}
	}
}

func TestFoldReturnsInput(t *testing.T) {
	for _, s := range []string{"john smith", "张小明", "남궁민수", "jose"} {
		// The same bytes, not a copy: &[]byte(got)[0] == nil, checked
		// here before, could not fail.
		if got := Fold(s); got != s || unsafe.StringData(got) != unsafe.StringData(s) {
			t.Fatalf("Fold(%+q) = %+q, not s itself", s, got)
		}
		if n := testing.AllocsPerRun(100, func() { _ = Fold(s) }); n != 0 {
			t.Errorf("Fold(%+q) (already folded) allocs = %v, want 0", s, n)
		}
	}
	if n := testing.AllocsPerRun(100, func() { _ = Fold("張小明") }); n != 1 {
		t.Errorf("Fold(張小明) allocs = %v, want 1", n)
	}
}

func TestAppendFoldAllocs(t *testing.T) {
	buf := make([]byte, 0, 256)
	for _, s := range []string{"張小明", "张小明", "남궁민수", "José Ørsted", "ＪＯＨＮ　Ｓｍｉｔｈ", strings.Repeat("Ñúñez ", 10)} {
		if n := testing.AllocsPerRun(100, func() { _ = AppendFold(buf[:0], s) }); n != 0 {
			t.Errorf("AppendFold(%+q) allocs = %v, want 0", s, n)
		}
	}
}

// TestIdeographsBeforeTables: folder.rune tests CJK Unified Ideographs
// before the apostrophe, ignorable and separator look-ups, which is the same
// as testing them after only if no ideograph is one of those.
func TestIdeographsBeforeTables(t *testing.T) {
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		if isApostrophe(r) || isIgnorable(r) || isSeparator(r) {
			t.Errorf("U+%04X is an apostrophe, ignorable or a separator", r)
		}
	}
}
