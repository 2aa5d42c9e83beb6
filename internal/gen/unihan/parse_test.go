package unihan

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseField(t *testing.T) {
	tests := []struct {
		name, in string
		want     Field
		wantErr  bool
	}{
		{"single", "4E7E\tU+4E7E U+5E72\n", Field{0x4E7E: "U+4E7E U+5E72"}, false},
		{"range", "53C2..53C3\tU+53C2\n", Field{0x53C2: "U+53C2", 0x53C3: "U+53C2"}, false},
		{"six digits", "2B748\tU+2B748\n", Field{0x2B748: "U+2B748"}, false},
		{"no final newline", "3400\tqiū", Field{0x3400: "qiū"}, false},
		{"empty file", "", Field{}, false},
		{"no tab", "3400 qiū\n", nil, true},
		{"empty value", "3400\t\n", nil, true},
		{"short hex", "340\tx\n", nil, true},
		{"bad hex", "34G0\tx\n", nil, true},
		{"too big", "110000\tx\n", nil, true},
		{"surrogate", "D800\tx\n", nil, true},
		{"reversed range", "3401..3400\tx\n", nil, true},
		{"duplicate", "3400\tx\n3400\ty\n", nil, true},
		{"comment is not allowed", "# 3400\tx\n", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseField("test", strings.NewReader(tt.in))
			if tt.wantErr {
				if !errors.Is(err, ErrSyntax) {
					t.Fatalf("ParseField(%+q) error = %v, want ErrSyntax", tt.in, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseField(%+q): %v", tt.in, err)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("ParseField(%+q) (-want +got):\n%s", tt.in, d)
			}
		})
	}
}

func TestParseVariants(t *testing.T) {
	tests := []struct {
		in      string
		want    []rune
		wantErr bool
	}{
		{"U+4E7E U+5E72", []rune{0x4E7E, 0x5E72}, false},
		{"U+4E79<kMorohashi:T U+4E81<kMorohashi:T", []rune{0x4E79, 0x4E81}, false},
		{"U+5803<kLau,kMatthews,kMeyerWempe", []rune{0x5803}, false},
		{"U+2B748", []rune{0x2B748}, false},
		{"", nil, true},
		{"4E7E", nil, true},
		{"U+XYZW", nil, true},
	}
	for _, tt := range tests {
		got, err := ParseVariants(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseVariants(%+q) error = %v, want error %v", tt.in, err, tt.wantErr)
			continue
		}
		if d := cmp.Diff(tt.want, got); d != "" {
			t.Errorf("ParseVariants(%+q) (-want +got):\n%s", tt.in, d)
		}
	}
}

func TestParseMandarin(t *testing.T) {
	tests := []struct {
		in      string
		want    []string
		wantErr bool
	}{
		{"zhāng", []string{"zhang"}, false},
		{"gèng gēng", []string{"geng"}, false},
		{"jí xī", []string{"ji", "xi"}, false},
		{"lǜ", []string{"lü"}, false},
		{"lǘ", []string{"lü"}, false},
		{"nǚ", []string{"nü"}, false},
		{"lu", []string{"lu"}, false},
		{"ế", []string{"ê"}, false},
		{"m̄", []string{"m"}, false},
		{"", nil, true},
		{"zhang1", nil, true},
		{"Zhāng", nil, true},
	}
	for _, tt := range tests {
		got, err := ParseMandarin(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseMandarin(%+q) error = %v, want error %v", tt.in, err, tt.wantErr)
			continue
		}
		if d := cmp.Diff(tt.want, got); d != "" {
			t.Errorf("ParseMandarin(%+q) (-want +got):\n%s", tt.in, d)
		}
	}
}

func TestParseML(t *testing.T) {
	tests := []struct {
		name, in string
		want     []MLPair
		wantErr  bool
	}{
		{"one", "㨖: [('擹', 0.094604)]\n", []MLPair{{'㨖', '擹', 0.094604}}, false},
		{"two", "未: [('末', 0.0111578815), ('耒', 0.05)]\n", []MLPair{{'未', '末', 0.0111578815}, {'未', '耒', 0.05}}, false},
		{"zero", "㫚: [('曶', 0.0)]\n", []MLPair{{'㫚', '曶', 0}}, false},
		{"empty list", "㫚: []\n", nil, false},
		{"no colon", "㫚 [('曶', 0.0)]\n", nil, true},
		{"two anchors", "㫚㫚: [('曶', 0.0)]\n", nil, true},
		{"no brackets", "㫚: ('曶', 0.0)\n", nil, true},
		{"unquoted", "㫚: [(曶, 0.0)]\n", nil, true},
		{"two chars", "㫚: [('曶曶', 0.0)]\n", nil, true},
		{"bad distance", "㫚: [('曶', x)]\n", nil, true},
		{"distance above 0.1", "㫚: [('曶', 0.2)]\n", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseML("test", strings.NewReader(tt.in))
			if tt.wantErr {
				if !errors.Is(err, ErrSyntax) {
					t.Fatalf("ParseML(%+q) error = %v, want ErrSyntax", tt.in, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseML(%+q): %v", tt.in, err)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("ParseML(%+q) (-want +got):\n%s", tt.in, d)
			}
		})
	}
}

func TestParseConfusables(t *testing.T) {
	tests := []struct {
		name, in string
		want     []Mapping
		wantErr  bool
	}{
		{"tr39 line", "58EB ;\t571F ;\tMA\t# ( 士 → 土 ) CJK UNIFIED IDEOGRAPH-58EB → CJK UNIFIED IDEOGRAPH-571F\t# \n",
			[]Mapping{{0x58EB, []rune{0x571F}, "( 士 → 土 ) CJK UNIFIED IDEOGRAPH-58EB → CJK UNIFIED IDEOGRAPH-571F\t#"}}, false},
		{"bom and comments", "\uFEFF# header\n\n0031 ;\t006C ;\tMA\n", []Mapping{{'1', []rune{'l'}, ""}}, false},
		{"sequence", "00E6 ;\t0061 0065 ;\tMA # æ\n", []Mapping{{0xE6, []rune{'a', 'e'}, "æ"}}, false},
		{"two fields", "0031 ;\t006C\n", nil, true},
		{"empty target", "0031 ; ; MA\n", nil, true},
		{"bad source", "XYZ ; 006C ; MA\n", nil, true},
		{"bad target", "0031 ; 6C ; MA\n", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseConfusables("test", strings.NewReader(tt.in))
			if tt.wantErr {
				if !errors.Is(err, ErrSyntax) {
					t.Fatalf("ParseConfusables(%+q) error = %v, want ErrSyntax", tt.in, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseConfusables(%+q): %v", tt.in, err)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("ParseConfusables(%+q) (-want +got):\n%s", tt.in, d)
			}
		})
	}
}

func TestParseNewIdeographs(t *testing.T) {
	in := `# comment
4E00..4E01    ; Recommended # 1.1  [2] CJK UNIFIED IDEOGRAPH-4E00..CJK UNIFIED IDEOGRAPH-4E01
2EBF0..2EBF1  ; Uncommon_Use # 15.1 [2] CJK UNIFIED IDEOGRAPH-2EBF0..CJK UNIFIED IDEOGRAPH-2EBF1
1F210         ; Not_NFKC # 5.2 SQUARED CJK UNIFIED IDEOGRAPH-624B
2EBF2         ; Uncommon_Use # 15.1 CJK UNIFIED IDEOGRAPH-2EBF2
323B0         ; Uncommon_Use # 17.0 CJK UNIFIED IDEOGRAPH-323B0
31EF          ; Not_XID # 15.1 IDEOGRAPHIC DESCRIPTION CHARACTER SUBTRACTION
`
	got, err := ParseNewIdeographs("test", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := [][2]rune{{0x2EBF0, 0x2EBF2}, {0x323B0, 0x323B0}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("ParseNewIdeographs (-want +got):\n%s", d)
	}
	if _, err := ParseNewIdeographs("test", strings.NewReader("XYZ ; T # 17.0 CJK UNIFIED IDEOGRAPH-XYZ\n")); !errors.Is(err, ErrSyntax) {
		t.Errorf("bad range: error = %v, want ErrSyntax", err)
	}
}

func TestToneless(t *testing.T) {
	for in, want := range map[string]string{"zhāng": "zhang", "xiǎo": "xiao", "lǜ": "lü", "yú": "yu", "shì": "shi"} {
		if got := Toneless(in); got != want {
			t.Errorf("Toneless(%+q) = %+q, want %+q", in, got, want)
		}
	}
}
