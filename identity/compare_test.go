package identity

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type compareTest struct {
	name                string
	entered, registered string
	want                Result
}

var compareTests = []compareTest{
	// Match, with the folds that were needed.
	{"identical-han", "张三", "张三", Result{Match, 0}},
	{"identical-latin", "John Smith", "John Smith", Result{Match, 0}},
	{"traditional", "張三", "张三", Result{Match, ReasonHanVariant}},
	{"traditional-compound", "歐陽娜娜", "欧阳娜娜", Result{Match, ReasonHanVariant}},
	{"case", "JOHN SMITH", "John Smith", Result{Match, ReasonCase}},
	{"width", "Ｊｏｈｎ Ｓｍｉｔｈ", "John Smith", Result{Match, ReasonWidth}},
	{"width-han", "张三", "张三", Result{Match, 0}},
	{"width-case", "ＪＯＨＮ ＳＭＩＴＨ", "John Smith", Result{Match, ReasonCase | ReasonWidth}},
	{"diacritics", "Jose Nunez", "José Núñez", Result{Match, ReasonDiacritics}},
	{"diacritics-case", "JOSE NUNEZ", "José Núñez", Result{Match, ReasonCase | ReasonDiacritics}},
	{"transliteration", "Soren Orsted", "Søren Ørsted", Result{Match, ReasonDiacritics}},
	{"sharp-s", "Strasse", "Straße", Result{Match, ReasonDiacritics}},
	{"separator-han", "张 三", "张三", Result{Match, ReasonSeparator}},
	{"separator-interpunct", "买买提艾力", "买买提·艾力", Result{Match, ReasonSeparator}},
	{"separator-interpunct-variant", "买买提・艾力", "买买提·艾力", Result{Match, ReasonSeparator}},
	{"separator-spaces", "John  Smith", "John Smith", Result{Match, ReasonSeparator}},
	{"separator-hyphen", "Jean Luc Picard", "Jean-Luc Picard", Result{Match, ReasonSeparator}},
	{"apostrophe", "OBrien", "O'Brien", Result{Match, ReasonSeparator}},
	{"canonical-equivalent", "Jose\u0301", "José", Result{Match, 0}},
	{"dotted-capital-i", "İlhan", "Ilhan", Result{Match, ReasonCase}},
	{"dotted-capital-i-lower", "İlhan", "ilhan", Result{Match, ReasonCase}},
	{"han-and-separator", "張 三", "张三", Result{Match, ReasonSeparator | ReasonHanVariant}},
	{"fullwidth-traditional", "張三", "张三", Result{Match, ReasonHanVariant}},
	{"hangul-space", "남궁 민수", "남궁민수", Result{Match, ReasonSeparator}},
	{"variation-selector", "葛\U000E0100西", "葛西", Result{Match, ReasonHanVariant}},

	// CloseMatch: Han, one position.
	{"semantic-zhe", "张喆", "张哲", Result{CloseMatch, ReasonSemanticVariant | ReasonHomophone}},
	{"semantic-feng", "王峯", "王峰", Result{CloseMatch, ReasonSemanticVariant | ReasonHomophone}},
	{"semantic-kun", "李堃", "李坤", Result{CloseMatch, ReasonSemanticVariant | ReasonHomophone}},
	{"homophone-surname", "章小明", "张小明", Result{CloseMatch, ReasonHomophone}},
	{"homophone-given", "张晓明", "张小明", Result{CloseMatch, ReasonHomophone}},
	{"homophone-traditional", "張曉明", "张小明", Result{CloseMatch, ReasonHomophone | ReasonHanVariant}},
	{"homophone-traditional-at-the-difference", "張三", "章三", Result{CloseMatch, ReasonHomophone}},
	{"homophone-separator", "张 晓明", "张小明", Result{CloseMatch, ReasonHomophone | ReasonSeparator}},
	{"lookalike-fullwidth-space", "王\u3000末", "王未", Result{CloseMatch, ReasonLookalike | ReasonSeparator}},
	{"lookalike-wei-mo", "王末", "王未", Result{CloseMatch, ReasonLookalike}},
	{"lookalike-ji-yi", "李已", "李己", Result{CloseMatch, ReasonLookalike}},
	{"lookalike-tu-shi", "王士", "王土", Result{CloseMatch, ReasonLookalike}},
	{"lookalike-ri-yue", "王曰", "王日", Result{CloseMatch, ReasonLookalike}},
	{"lookalike-qian-gan", "王干", "王千", Result{CloseMatch, ReasonLookalike}},
	{"lookalike-hou", "张侯", "张候", Result{CloseMatch, ReasonHomophone | ReasonLookalike}},
	{"lookalike-xu-shu", "王戍", "王戌", Result{CloseMatch, ReasonLookalike}},

	// CloseMatch: Latin rules.
	{"order", "Smith John", "John Smith", Result{CloseMatch, ReasonOrder}},
	{"order-three", "Smith John Paul", "John Paul Smith", Result{CloseMatch, ReasonOrder}},
	{"order-pinyin", "Xiaoming Zhang", "Zhang Xiaoming", Result{CloseMatch, ReasonOrder}},
	{"initial", "J Smith", "John Smith", Result{CloseMatch, ReasonInitial}},
	{"initial-dot", "J. Smith", "John Smith", Result{CloseMatch, ReasonInitial | ReasonSeparator}},
	{"initials-two", "J R Smith", "John Robert Smith", Result{CloseMatch, ReasonInitial}},
	{"initial-registered", "John Smith", "J Smith", Result{CloseMatch, ReasonInitial}},
	{"missing-middle", "John Smith", "John Paul Smith", Result{CloseMatch, ReasonMissingPart}},
	{"missing-middle-entered", "John Paul Smith", "John Smith", Result{CloseMatch, ReasonMissingPart}},
	{"title", "Mr John Smith", "John Smith", Result{CloseMatch, ReasonTitle}},
	{"title-dot", "Dr. John Smith", "John Smith", Result{CloseMatch, ReasonTitle | ReasonSeparator}},
	{"title-upper", "MR John Smith", "John Smith", Result{CloseMatch, ReasonTitle}},
	{"title-upper-name", "MR JOHN SMITH", "John Smith", Result{CloseMatch, ReasonTitle | ReasonCase}},
	{"title-registered", "John Smith", "Mrs John Smith", Result{CloseMatch, ReasonTitle}},
	{"title-initial", "Mr J Smith", "John Smith", Result{CloseMatch, ReasonTitle | ReasonInitial}},
	{"typo-insert", "Jon Smith", "John Smith", Result{CloseMatch, ReasonTypo}},
	{"typo-delete", "John Smiith", "John Smith", Result{CloseMatch, ReasonTypo}},
	{"typo-substitute", "John Smyth", "John Smith", Result{CloseMatch, ReasonTypo}},
	{"typo-swap", "John Smtih", "John Smith", Result{CloseMatch, ReasonTypo}},
	{"typo-diacritics", "Jöhn Smyth", "John Smith", Result{CloseMatch, ReasonTypo | ReasonDiacritics}},
	{"typo-diacritics-at-the-typo", "Jöhn Smith", "Jon Smith", Result{CloseMatch, ReasonTypo | ReasonDiacritics}},
	{"typo-case", "JON SMITH", "John Smith", Result{CloseMatch, ReasonTypo | ReasonCase}},
	{"typo-width", "Ｊｏｎ Smith", "John Smith", Result{CloseMatch, ReasonTypo | ReasonWidth}},
	{"order-case", "SMITH John", "John Smith", Result{CloseMatch, ReasonOrder | ReasonCase}},
	{"typo-cyrillic", "Иван Петрав", "Иван Петров", Result{CloseMatch, ReasonTypo}},

	// NoMatch.
	{"han-longer", "张三", "张三丰", Result{NoMatch, 0}},
	{"han-longer-reverse", "张三丰", "张三", Result{NoMatch, 0}},
	{"han-surname", "李小明", "张小明", Result{NoMatch, 0}},
	{"han-two-positions", "张晓鸣", "张小明", Result{NoMatch, 0}},
	{"latin-other", "Mary Jones", "John Smith", Result{NoMatch, 0}},
	{"typo-short", "Bob Smith", "Rob Smith", Result{NoMatch, 0}},
	{"typo-two-edits", "Jhon Smiht", "John Smith", Result{NoMatch, 0}},
	{"typo-two-parts", "Jon Smyth", "John Smith", Result{NoMatch, 0}},
	{"typo-distance-two", "Johnny Smith", "John Smith", Result{NoMatch, 0}},
	{"initial-surname", "John S", "John Smith", Result{NoMatch, 0}},
	{"initial-wrong", "K Smith", "John Smith", Result{NoMatch, 0}},
	{"missing-first", "Smith", "John Smith", Result{NoMatch, 0}},
	{"missing-last", "John Paul", "John Paul Smith", Result{NoMatch, 0}},
	{"only-title", "Mr", "John Smith", Result{NoMatch, 0}},
	{"empty-entered", "", "张三", Result{NoMatch, 0}},
	{"empty-registered", "张三", "", Result{NoMatch, 0}},
	{"empty-both", "", "", Result{NoMatch, 0}},
	{"marks-after-space", "A \u0301\u0301", "a \u0301", Result{NoMatch, 0}},
	{"folds-to-nothing", " · ", " - ", Result{NoMatch, 0}},
	{"script-mismatch", "Zhang San", "张三", Result{NoMatch, 0}},
	{"han-vs-hangul", "金民", "김민", Result{NoMatch, 0}},
	{"hangul-one-syllable", "김민수", "김민서", Result{NoMatch, 0}},
	// Over-conversion: 乾 and 於 are not folded to 干 and 于, so these are
	// never a Match; one differing character makes them a CloseMatch.
	{"over-conversion", "徐干学", "徐乾學", Result{CloseMatch, ReasonHomophone | ReasonHanVariant}},
	{"yu-surname", "于小明", "於小明", Result{CloseMatch, ReasonSemanticVariant | ReasonHomophone}},
	{"over-conversion-match", "徐乾学", "徐乾學", Result{Match, ReasonHanVariant}},
}

func TestCompare(t *testing.T) {
	for _, tt := range compareTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Compare(tt.entered, tt.registered); got != tt.want {
				t.Errorf("Compare(%+q, %+q) = %v, want %v", tt.entered, tt.registered, got, tt.want)
			}
			// Each rule works whichever side is the entered one.
			if got := Compare(tt.registered, tt.entered); got != tt.want {
				t.Errorf("Compare(%+q, %+q) = %v, want %v (swapped)", tt.registered, tt.entered, got, tt.want)
			}
		})
	}
}

func TestResultString(t *testing.T) {
	got := []string{
		Result{CloseMatch, ReasonHomophone}.String(),
		Result{Match, ReasonCase | ReasonHanVariant}.String(),
		Result{NoMatch, 0}.String(),
		Result{}.String(),
		Verdict(9).String(),
		(ReasonTitle << 1).String(),
		Reasons(0).String(),
	}
	want := []string{"CloseMatch (homophone)", "Match (case, han_variant)", "NoMatch", "Unknown", "Invalid", "bit_13", ""}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

// The reason codes are stable: changing one breaks services' logs.
func TestReasonCodes(t *testing.T) {
	var all Reasons
	for r := ReasonCase; r <= ReasonTitle; r <<= 1 {
		all |= r
	}
	want := "case, width, diacritics, separator, han_variant, semantic_variant, homophone, lookalike, typo, order, initial, missing_part, title"
	if got := all.String(); got != want {
		t.Errorf("all reasons = %q, want %q", got, want)
	}
	if !all.Has(ReasonTypo|ReasonCase) || ReasonCase.Has(ReasonTypo) {
		t.Error("Has is wrong")
	}
}

func TestOneEdit(t *testing.T) {
	tests := []struct {
		x, y string
		want bool
	}{
		{"john", "jon", true}, {"jon", "john", true}, {"smith", "smiht", true}, {"smith", "smyth", true},
		{"ab", "ba", true}, {"a", "", true}, {"", "a", true}, {"abc", "abcd", true}, {"éa", "aé", true},
		{"ñaa", "naa", true}, {"john", "jhno", false}, {"john", "joan1", false}, {"abcd", "badc", false},
		{"abc", "cba", false}, {"kitten", "sitting", false},
	}
	for _, tt := range tests {
		if got := oneEdit([]byte(tt.x), []byte(tt.y)); got != tt.want {
			t.Errorf("oneEdit(%+q, %+q) = %v, want %v", tt.x, tt.y, got, tt.want)
		}
	}
}

func TestCompareAllocs(t *testing.T) {
	pairs := [][2]string{
		{"张小明", "张小明"}, {"張小明", "张小明"}, {"张晓明", "张小明"}, {"李小明", "张小明"},
		{"JOSÉ NÚÑEZ", "José Núñez"}, {"Mr J Smith", "John Smith"}, {"Ｊｏｈｎ", "John"},
		{strings.Repeat("Ñ", 60), strings.Repeat("N", 60)},
	}
	for _, p := range pairs {
		if n := testing.AllocsPerRun(100, func() { _ = Compare(p[0], p[1]) }); n != 0 {
			t.Errorf("Compare(%+q, %+q) allocs = %v, want 0", p[0], p[1], n)
		}
	}
}
