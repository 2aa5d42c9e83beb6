package identity

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"
)

// parsed is what the table tests check about a Name.
type parsed struct {
	Graphemes []string
	Parts     []string
	Surname   string
	Script    Script
}

func describe(n Name) parsed {
	var p parsed
	for i := range n.Len() {
		p.Graphemes = append(p.Graphemes, n.Grapheme(i))
	}
	for i := range n.NumParts() {
		p.Parts = append(p.Parts, n.Text(n.Part(i)))
	}
	p.Surname = n.Text(n.Surname())
	p.Script = n.Script()
	return p
}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		opts []Option
		want parsed
	}{
		{"han", "张小明", nil, parsed{[]string{"张", "小", "明"}, []string{"张小明"}, "张", ScriptHan}},
		{"han-two", "张三", nil, parsed{[]string{"张", "三"}, []string{"张三"}, "张", ScriptHan}},
		{"han-one", "张", nil, parsed{[]string{"张"}, []string{"张"}, "张", ScriptHan}},
		{"compound", "欧阳娜娜", nil, parsed{[]string{"欧", "阳", "娜", "娜"}, []string{"欧阳娜娜"}, "欧阳", ScriptHan}},
		{"compound-mixed-forms", "歐阳娜娜", nil, parsed{[]string{"歐", "阳", "娜", "娜"}, []string{"歐阳娜娜"}, "歐阳", ScriptHan}},
		{"compound-only", "欧阳", nil, parsed{[]string{"欧", "阳"}, []string{"欧阳"}, "欧", ScriptHan}},
		{"han-space", "欧阳 娜娜", nil, parsed{[]string{"欧", "阳", " ", "娜", "娜"}, []string{"欧阳", "娜娜"}, "欧阳", ScriptHan}},
		{"supplementary", "𠮷野家", nil, parsed{[]string{"𠮷", "野", "家"}, []string{"𠮷野家"}, "𠮷", ScriptHan}},
		{"uyghur", "买买提·艾力", nil, parsed{[]string{"买", "买", "提", "·", "艾", "力"}, []string{"买买提", "艾力"}, "艾力", ScriptHan}},
		{"transliterated", "伊丽莎白·泰勒", nil, parsed{[]string{"伊", "丽", "莎", "白", "·", "泰", "勒"}, []string{"伊丽莎白", "泰勒"}, "泰勒", ScriptHan}},
		{"latin", "John Smith", nil, parsed{strings.Split("John Smith", ""), []string{"John", "Smith"}, "Smith", ScriptLatin}},
		{"latin-zh", "Zhang Xiaoming", []Option{Language(language.Chinese)}, parsed{strings.Split("Zhang Xiaoming", ""), []string{"Zhang", "Xiaoming"}, "Zhang", ScriptLatin}},
		{"latin-hu", "Nagy Péter", []Option{Language(language.Hungarian)}, parsed{strings.Split("Nagy Péter", ""), []string{"Nagy", "Péter"}, "Nagy", ScriptLatin}},
		{"latin-vi", "Nguyễn Văn An", []Option{Language(language.Vietnamese)}, parsed{[]string{"N", "g", "u", "y", "ễ", "n", " ", "V", "ă", "n", " ", "A", "n"}, []string{"Nguyễn", "Văn", "An"}, "Nguyễn", ScriptLatin}},
		{"latin-en-option", "Mary Ann Smith", []Option{Language(language.English)}, parsed{strings.Split("Mary Ann Smith", ""), []string{"Mary", "Ann", "Smith"}, "Smith", ScriptLatin}},
		{"later-option-wins", "Zhang San", []Option{Language(language.Chinese), Language(language.English)}, parsed{strings.Split("Zhang San", ""), []string{"Zhang", "San"}, "San", ScriptLatin}},
		{"combining", "Zoe\u0308 Smith", nil, parsed{[]string{"Z", "o", "ë", " ", "S", "m", "i", "t", "h"}, []string{"Zoë", "Smith"}, "Smith", ScriptLatin}},
		{"combining-uncomposable", "q\u0303a", nil, parsed{[]string{"q\u0303", "a"}, []string{"q\u0303a"}, "q\u0303a", ScriptLatin}},
		{"hyphen", "Mary Smith-Jones", nil, parsed{strings.Split("Mary Smith-Jones", ""), []string{"Mary", "Smith-Jones"}, "Smith-Jones", ScriptLatin}},
		{"initial-dot", "J.Smith", nil, parsed{strings.Split("J.Smith", ""), []string{"J", "Smith"}, "Smith", ScriptLatin}},
		{"initial-dot-space", "J. Smith", nil, parsed{strings.Split("J. Smith", ""), []string{"J", "Smith"}, "Smith", ScriptLatin}},
		{"mononym", "Sukarno", nil, parsed{strings.Split("Sukarno", ""), []string{"Sukarno"}, "Sukarno", ScriptLatin}},
		{"trim", "  John Smith\u3000", nil, parsed{strings.Split("John Smith", ""), []string{"John", "Smith"}, "Smith", ScriptLatin}},
		{"nfc", "Jose\u0301", nil, parsed{[]string{"J", "o", "s", "é"}, []string{"José"}, "José", ScriptLatin}},
		{"devanagari-conjunct", "क्षमा", nil, parsed{[]string{"क्", "ष", "मा"}, []string{"क्षमा"}, "क्षमा", ScriptDevanagari}},
		{"devanagari-zwj", "क्\u200dष", nil, parsed{[]string{"क्\u200d", "ष"}, []string{"क्\u200dष"}, "क्\u200dष", ScriptDevanagari}},
		{"persian-zwnj", "مهر\u200cناز", nil, parsed{[]string{"م", "ه", "ر\u200c", "ن", "ا", "ز"}, []string{"مهر\u200cناز"}, "مهر\u200cناز", ScriptArabic}},
		{"hangul", "김민수", nil, parsed{[]string{"김", "민", "수"}, []string{"김민수"}, "김", ScriptHangul}},
		{"hangul-compound", "남궁민수", nil, parsed{[]string{"남", "궁", "민", "수"}, []string{"남궁민수"}, "남궁", ScriptHangul}},
		{"hangul-space", "남궁 민", nil, parsed{[]string{"남", "궁", " ", "민"}, []string{"남궁", "민"}, "남궁", ScriptHangul}},
		{"japanese", "山田 はな", nil, parsed{[]string{"山", "田", " ", "は", "な"}, []string{"山田", "はな"}, "山田", ScriptKana}},
		{"cyrillic", "Иван Петров", nil, parsed{strings.Split("Иван Петров", ""), []string{"Иван", "Петров"}, "Петров", ScriptCyrillic}},
		{"greek", "Νίκος Παπαδόπουλος", nil, parsed{strings.Split("Νίκος Παπαδόπουλος", ""), []string{"Νίκος", "Παπαδόπουλος"}, "Παπαδόπουλος", ScriptGreek}},
		{"thai", "สมชาย ใจดี", nil, parsed{[]string{"ส", "ม", "ช", "า", "ย", " ", "ใ", "จ", "ดี"}, []string{"สมชาย", "ใจดี"}, "ใจดี", ScriptThai}},
		{"mixed", "John 张", nil, parsed{[]string{"J", "o", "h", "n", " ", "张"}, []string{"John", "张"}, "张", ScriptMixed}},
		{"apostrophe", "O'Brien", nil, parsed{strings.Split("O'Brien", ""), []string{"O'Brien"}, "O'Brien", ScriptLatin}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := Parse(tt.in, tt.opts...)
			if err != nil {
				t.Fatalf("Parse(%+q) error: %v", tt.in, err)
			}
			if d := cmp.Diff(tt.want, describe(n)); d != "" {
				t.Errorf("Parse(%+q) (-want +got):\n%s", tt.in, d)
			}
			if !n.IsValid() {
				t.Errorf("Parse(%+q).IsValid() = false", tt.in)
			}
			n2, err := Parse(n.Unmasked(), tt.opts...)
			if err != nil || n2 != n {
				t.Errorf("Parse(Unmasked()) of %+q = %v, %v; want the same Name", tt.in, n2, err)
			}
		})
	}
}

// Every interpunct listed in the issue splits parts and is a separator.
func TestParseInterpuncts(t *testing.T) {
	for _, ip := range []string{"\u00B7", "\u2022", "\u30FB", "\u2027", "\uFF65", "\uFF0E", "\u2219", "\u22C5", "\u0387", "\u2E31", "."} {
		t.Run(ip, func(t *testing.T) {
			in := "买买提" + ip + "艾力"
			n, err := Parse(in)
			if err != nil {
				t.Fatalf("Parse(%+q): %v", in, err)
			}
			nfc := ip
			if ip == "\u0387" {
				nfc = "\u00B7" // U+0387 GREEK ANO TELEIA is canonically U+00B7
			}
			want := parsed{[]string{"买", "买", "提", nfc, "艾", "力"}, []string{"买买提", "艾力"}, "艾力", ScriptHan}
			if d := cmp.Diff(want, describe(n)); d != "" {
				t.Errorf("Parse(%+q) (-want +got):\n%s", in, d)
			}
			if !n.IsSeparator(3) || n.IsSeparator(2) {
				t.Errorf("Parse(%+q): IsSeparator(3), IsSeparator(2) = %v, %v; want true, false", in, n.IsSeparator(3), n.IsSeparator(2))
			}
		})
	}
}

// issueCompounds are the compound surnames listed in issue #2, in
// simplified and traditional form.
var issueCompounds = [][2]string{
	{"欧阳", "歐陽"}, {"司马", "司馬"}, {"诸葛", "諸葛"}, {"上官", "上官"}, {"东方", "東方"},
	{"皇甫", "皇甫"}, {"尉迟", "尉遲"}, {"公孙", "公孫"}, {"慕容", "慕容"}, {"长孙", "長孫"},
	{"宇文", "宇文"}, {"司徒", "司徒"}, {"夏侯", "夏侯"}, {"轩辕", "軒轅"}, {"令狐", "令狐"},
	{"端木", "端木"}, {"独孤", "獨孤"}, {"南宫", "南宮"}, {"西门", "西門"}, {"百里", "百里"},
	{"呼延", "呼延"}, {"澹台", "澹臺"}, {"公冶", "公冶"}, {"太史", "太史"}, {"申屠", "申屠"},
	{"闻人", "聞人"}, {"濮阳", "濮陽"}, {"淳于", "淳于"}, {"单于", "單于"}, {"钟离", "鍾離"},
	{"赫连", "赫連"}, {"拓跋", "拓跋"}, {"万俟", "萬俟"}, {"东郭", "東郭"}, {"左丘", "左丘"},
	{"宗政", "宗政"}, {"司空", "司空"}, {"第五", "第五"},
}

func TestParseCompoundSurnames(t *testing.T) {
	for _, c := range issueCompounds {
		for _, sur := range c {
			t.Run(sur, func(t *testing.T) {
				for _, given := range []string{"明", "小明"} {
					in := sur + given
					n, err := Parse(in)
					if err != nil {
						t.Fatalf("Parse(%+q): %v", in, err)
					}
					if got := n.Text(n.Surname()); got != sur {
						t.Errorf("Parse(%+q).Surname() = %+q, want %+q", in, got, sur)
					}
					if got := n.Text(n.Given()); got != given {
						t.Errorf("Parse(%+q).Given() = %+q, want %+q", in, got, given)
					}
				}
				// At least one character is left for the given name.
				n := MustParse(sur)
				if got, want := n.Text(n.Surname()), sur[:len(sur)/2]; got != want {
					t.Errorf("Parse(%+q).Surname() = %+q, want %+q", sur, got, want)
				}
			})
		}
	}
}

func TestParseKoreanCompoundSurnames(t *testing.T) {
	for _, sur := range []string{"남궁", "황보", "제갈", "선우", "독고", "사공", "서문"} {
		in := sur + "민수"
		n := MustParse(in)
		if got := n.Text(n.Surname()); got != sur {
			t.Errorf("Parse(%+q).Surname() = %+q, want %+q", in, got, sur)
		}
		n = MustParse(sur)
		if got := n.Text(n.Surname()); got != sur[:len(sur)/2] {
			t.Errorf("Parse(%+q).Surname() = %+q, want one syllable", sur, got)
		}
	}
}

// Single surnames that start a compound-looking pair stay single.
func TestParseNotCompound(t *testing.T) {
	for _, in := range []string{"年爱华", "阳佟明", "张欧阳", "司小明", "东明"} {
		n := MustParse(in)
		if got := n.Surname(); got != (Span{0, 1}) {
			t.Errorf("Parse(%+q).Surname() = %v, want {0 1}", in, got)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		want   error
		offset int // -1: not a *ParseError
		r      rune
	}{
		{"empty", "", ErrEmpty, -1, 0},
		{"spaces", " \u3000 ", ErrEmpty, -1, 0},
		{"separators", "·-", ErrEmpty, -1, 0},
		{"digits only", "1234", ErrEmpty, -1, 0},
		{"punctuation and a digit", "@0", ErrEmpty, -1, 0},
		{"full-width punctuation and a digit", "＠0", ErrEmpty, -1, 0},
		{"invalid-utf8", "张\xff三", ErrInvalidUTF8, 3, 0xFFFD},
		{"truncated-utf8", "张\xe4\xb8", ErrInvalidUTF8, 3, 0xFFFD},
		{"nul", "a\x00b", ErrForbiddenRune, 1, 0},
		{"tab", "John\tSmith", ErrForbiddenRune, 4, '\t'},
		{"newline", "John\nSmith", ErrForbiddenRune, 4, '\n'},
		{"del", "a\x7f", ErrForbiddenRune, 1, 0x7F},
		{"c1", "a\u0085", ErrForbiddenRune, 1, 0x85},
		{"rlo", "张\u202e三", ErrForbiddenRune, 3, 0x202E},
		{"lro", "\u202dJohn", ErrForbiddenRune, 0, 0x202D},
		{"rle", "a\u202bb", ErrForbiddenRune, 1, 0x202B},
		{"rli", "a\u2067b", ErrForbiddenRune, 1, 0x2067},
		{"pdi", "a\u2069b", ErrForbiddenRune, 1, 0x2069},
		{"lrm", "a\u200eb", ErrForbiddenRune, 1, 0x200E},
		{"zwsp", "张\u200b三", ErrForbiddenRune, 3, 0x200B},
		{"zwj-latin", "a\u200db", ErrForbiddenRune, 1, 0x200D},
		{"zwnj-latin", "a\u200cb", ErrForbiddenRune, 1, 0x200C},
		{"zwnj-han", "张\u200c三", ErrForbiddenRune, 3, 0x200C},
		{"zwj-emoji", "a\U0001F468\u200d\U0001F469", ErrForbiddenRune, 1, 0x1F468},
		{"word-joiner", "a\u2060b", ErrForbiddenRune, 1, 0x2060},
		{"bom", "\ufeffJohn", ErrForbiddenRune, 0, 0xFEFF},
		{"soft-hyphen", "Jo\u00adhn", ErrForbiddenRune, 2, 0xAD},
		{"tag", "a\U000E0041", ErrForbiddenRune, 1, 0xE0041},
		{"private-use", "张\ue000", ErrForbiddenRune, 3, 0xE000},
		{"private-use-plane15", "a\U000F0000", ErrForbiddenRune, 1, 0xF0000},
		{"unassigned", "a\u0378", ErrForbiddenRune, 1, 0x378},
		{"unassigned-after-15", "a\U0002EBF0", ErrForbiddenRune, 1, 0x2EBF0},
		{"noncharacter", "a\ufdd0", ErrForbiddenRune, 1, 0xFDD0},
		{"noncharacter-fffe", "a\ufffe", ErrForbiddenRune, 1, 0xFFFE},
		{"noncharacter-plane1", "a\U0001FFFF", ErrForbiddenRune, 1, 0x1FFFF},
		{"emoji", "张三😀", ErrForbiddenRune, 6, 0x1F600},
		{"emoji-flag", "a\U0001F1E8\U0001F1F3", ErrForbiddenRune, 1, 0x1F1E8},
		{"keycap", "1\u20e3", ErrForbiddenRune, 1, 0x20E3},
		{"emoji-presentation", "a\ufe0f", ErrForbiddenRune, 1, 0xFE0F},
		{"grapheme-joiner", "a\u034fb", ErrForbiddenRune, 1, 0x34F},
		{"hangul-filler", "김\u3164", ErrForbiddenRune, 3, 0x3164},
		{"hangul-filler-halfwidth", "\uffa0김", ErrForbiddenRune, 0, 0xFFA0},
		{"khmer-inherent", "\u1780\u17b4", ErrForbiddenRune, 3, 0x17B4},
		{"symbol", "John$", ErrForbiddenRune, 4, '$'},
		{"math", "a+b", ErrForbiddenRune, 1, '+'},
		{"copyright", "a\u00a9", ErrForbiddenRune, 1, 0xA9},
		{"line-separator", "a\u2028b", ErrForbiddenRune, 1, 0x2028},
		{"too-long-bytes", strings.Repeat("张", MaxBytes/3+1), ErrTooLong, -1, 0},
		{"too-long-graphemes", strings.Repeat("a", MaxGraphemes+1), ErrTooLong, -1, 0},
		{"too-long-huge", strings.Repeat("a", 10000), ErrTooLong, -1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := Parse(tt.in)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Parse(%+q) error = %v, want %v", tt.in, err, tt.want)
			}
			if n != (Name{}) {
				t.Errorf("Parse(%+q) returned a non-zero Name with an error", tt.in)
			}
			pe, ok := errors.AsType[*ParseError](err)
			if tt.offset < 0 {
				if ok {
					t.Errorf("Parse(%+q) error %v is a *ParseError", tt.in, err)
				}
				return
			}
			if !ok {
				t.Fatalf("Parse(%+q) error %v is not a *ParseError", tt.in, err)
			}
			if d := cmp.Diff(ParseError{Offset: tt.offset, Rune: tt.r, Err: tt.want}, *pe, cmp.Comparer(func(a, b error) bool { return a == b })); d != "" {
				t.Errorf("Parse(%+q) (-want +got):\n%s", tt.in, d)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "identity: ") || containsNameText(msg, tt.in) {
				t.Errorf("Parse(%+q) error message %q leaks the name or lacks the prefix", tt.in, msg)
			}
		})
	}
}

// containsNameText reports whether msg contains a letter run of at least
// two runes from the input.
func containsNameText(msg, in string) bool {
	rs := []rune(in)
	for i := 0; i+1 < len(rs); i++ {
		if rs[i] > 0x7F && strings.ContainsRune(msg, rs[i]) {
			return true
		}
		if rs[i] < 0x7F && rs[i+1] < 0x7F && isLetterByte(rs[i]) && isLetterByte(rs[i+1]) &&
			strings.Contains(msg, string(rs[i:i+2])) && !strings.Contains("identity forbidden code point at byte offset symbol control invalid", string(rs[i:i+2])) {
			return true
		}
	}
	return false
}

func isLetterByte(r rune) bool { return r|0x20 >= 'a' && r|0x20 <= 'z' }

func TestParseErrorMessage(t *testing.T) {
	_, err := Parse("Jo\u202eNES")
	want := "identity: forbidden code point U+202E (bidi override) at byte offset 2"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
	_, err = Parse("a\U0001F600")
	want = "identity: forbidden code point U+1F600 (symbol) at byte offset 1"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
	_, err = Parse("ab\xc0")
	want = "identity: invalid UTF-8 at byte offset 2"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
}

// The limits: exactly MaxGraphemes clusters and MaxBytes bytes parse.
func TestParseLimits(t *testing.T) {
	for _, in := range []string{strings.Repeat("a", MaxGraphemes), strings.Repeat("𠮷", MaxBytes/4), strings.Repeat("张", MaxGraphemes)} {
		n, err := Parse(in)
		if err != nil {
			t.Errorf("Parse(%d bytes): %v", len(in), err)
			continue
		}
		if got := len(n.Text(Span{0, n.Len()})); got != len(in) {
			t.Errorf("Text of all clusters has %d bytes, want %d", got, len(in))
		}
	}
}

func TestNameRedacted(t *testing.T) {
	n := MustParse("买买提·艾力")
	if got, want := n.String(), "***·**"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got := n.LogValue().String(); got != "***·**" {
		t.Errorf("LogValue() = %q", got)
	}
	var zero Name
	if zero.IsValid() || zero.String() != "" || zero.Len() != 0 || zero.NumParts() != 0 || zero.Surname() != (Span{}) || zero.Script() != ScriptUnknown {
		t.Errorf("zero Name: IsValid=%v String=%q Len=%d NumParts=%d Surname=%v Script=%v",
			zero.IsValid(), zero.String(), zero.Len(), zero.NumParts(), zero.Surname(), zero.Script())
	}
}

func TestNameOutOfRange(t *testing.T) {
	n := MustParse("张三")
	if n.IsSeparator(-1) || n.IsSeparator(2) || n.Part(1) != (Span{}) || n.Part(-1) != (Span{}) || n.Text(Span{1, 3}) != "" {
		t.Error("out-of-range accessors did not return zero values")
	}
	defer func() {
		if recover() == nil {
			t.Error("Grapheme(2) did not panic")
		}
	}()
	_ = n.Grapheme(2)
}

func TestScriptString(t *testing.T) {
	got := []string{ScriptUnknown.String(), ScriptHan.String(), ScriptMixed.String(), Script(200).String()}
	if d := cmp.Diff([]string{"unknown", "han", "mixed", "invalid"}, got); d != "" {
		t.Error(d)
	}
}

func TestParseAllocs(t *testing.T) {
	for _, in := range []string{"张小明", "欧阳娜娜", "John Smith", "买买提·艾力", "Zoë Ørsted"} {
		if n := testing.AllocsPerRun(100, func() { _, _ = Parse(in) }); n != 0 {
			t.Errorf("Parse(%+q) allocs = %v, want 0", in, n)
		}
	}
	lang := Language(language.Chinese)
	if n := testing.AllocsPerRun(100, func() { _, _ = Parse("Zhang San", lang) }); n != 0 {
		t.Errorf("Parse with Language allocs = %v, want 0", n)
	}
}
