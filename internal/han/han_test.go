package han

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	tests := []struct {
		name     string
		in, want rune
	}{
		{"traditional", '張', '张'},
		{"traditional 2", '學', '学'},
		{"simplified", '张', '张'},
		{"乾 lists itself among its simplified variants", '乾', '乾'},
		{"干", '干', '干'},
		{"幹 is simplified to 干", '幹', '干'},
		{"於 is in the General Standard table", '於', '於'},
		{"于", '于', '于'},
		{"餘 → 余 (kSimplifiedVariant 余 馀)", '餘', '余'},
		{"馀 stays", '馀', '馀'},
		{"範 → 范", '範', '范'},
		{"瀋 → 沈 (kSimplifiedVariant 沈 渖)", '瀋', '沈'},
		{"渖 stays", '渖', '渖'},
		{"幺 is in the General Standard table", '幺', '幺'},
		{"瑙 is in the General Standard table", '瑙', '瑙'},
		{"Z-variant", '呉', '吴'},
		{"Z-variant traditional", '吳', '吴'},
		{"compatibility ideograph", '\uF972', '沈'},
		{"compatibility ideograph of a traditional character", '\uF91B', '乱'},
		{"supplementary", '𠮷', '𠮷'},
		{"ascii", 'a', 'a'},
		{"hangul", '가', '가'},
		{"kana", 'ア', 'ア'},
		{"invalid", utf8.RuneError, utf8.RuneError},
		{"negative", -1, -1},
		{"beyond MaxRune", 0x110000, 0x110000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%+q) = %+q, want %+q", tt.in, got, tt.want)
			}
		})
	}
}

func TestIsHan(t *testing.T) {
	tests := []struct {
		in   rune
		want bool
	}{
		{'中', true}, {'張', true}, {'𠮷', true}, {'々', true}, {'〇', true}, {'⼀', true},
		{'\uF972', true}, // compatibility ideograph
		{0x2EBF0, true},  // Extension I, Unicode 15.1
		{0x323B0, true},  // Extension J, Unicode 17.0
		{0x33479, true},  // last of Extension J
		{0x3347A, false}, // unassigned
		{0x1F210, false}, // SQUARED CJK UNIFIED IDEOGRAPH-624B: Common script
		{0x31EF, false},  // IDEOGRAPHIC DESCRIPTION CHARACTER SUBTRACTION
		{'a', false}, {'ア', false}, {'가', false}, {'・', false}, {'·', false}, {-1, false}, {0x110000, false},
	}
	for _, tt := range tests {
		if got := IsHan(tt.in); got != tt.want {
			t.Errorf("IsHan(%+q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

type pairTest struct {
	a, b rune
	want bool
}

func checkPairs(t *testing.T, name string, f func(a, b rune) bool, tests []pairTest) {
	t.Helper()
	for _, tt := range tests {
		if got := f(tt.a, tt.b); got != tt.want {
			t.Errorf("%s(%+q, %+q) = %v, want %v", name, tt.a, tt.b, got, tt.want)
		}
		if got := f(tt.b, tt.a); got != tt.want {
			t.Errorf("%s(%+q, %+q) = %v, want %v", name, tt.b, tt.a, got, tt.want)
		}
	}
}

func TestSemanticVariant(t *testing.T) {
	checkPairs(t, "SemanticVariant", SemanticVariant, []pairTest{
		{'哲', '喆', true},
		{'峰', '峯', true},
		{'坤', '堃', true},
		{'於', '于', true},  // kSemanticVariant 65BC U+4E8E<kLau
		{'张', '張', false}, // the same after Fold
		{'张', '张', false},
		{'张', '李', false},
		{'a', 'b', false},
		{'a', 'a', false},
	})
}

func TestHomophone(t *testing.T) {
	checkPairs(t, "Homophone", Homophone, []pairTest{
		{'张', '章', true},
		{'小', '晓', true},
		{'張', '章', true},
		{'于', '於', true},
		{'余', '于', true},
		{'张', '张', true},
		{'\u3D14', '吉', true}, // kMandarin jí xī: the first reading
		{'\u3D14', '西', true}, // and the second
		{'吕', '旅', true},      // lǚ
		{'吕', '路', false},     // lü is not lu
		{'张', '李', false},
		{'王', '黄', false},
		{'a', 'a', false},
		{'张', 'a', false},
	})
}

func TestLookalike(t *testing.T) {
	checkPairs(t, "Lookalike", Lookalike, []pairTest{
		{'己', '已', true},
		{'已', '巳', true},
		{'己', '巳', true},
		{'戊', '戌', true},
		{'戌', '戍', true},
		{'戊', '戍', true},
		{'未', '末', true},
		{'土', '士', true},
		{'日', '曰', true},
		{'千', '干', true},
		{'候', '侯', true},
		{'人', '入', true},
		{'末', '卡', true},       // ML 0.072
		{'已', '巴', true},       // ML 0.073
		{'屵', '户', false},      // ML 0.082, above the cut-off
		{'王', '玉', false},      // deliberately not curated
		{'不', '\uF967', false}, // canonically equivalent
		{'\uF967', '丕', Lookalike('不', '丕')},
		{'张', '李', false},
		{'未', '未', false},
		{'a', 'a', false},
		{'l', '1', false}, // not Han
	})
}

func TestLookalikeKey(t *testing.T) {
	groups := []string{"己已巳", "未末", "土士", "戊戌戍", "日曰", "千干", "候侯", "人入"}
	for _, g := range groups {
		rs := []rune(g)
		for _, r := range rs[1:] {
			if LookalikeKey(r) != LookalikeKey(rs[0]) {
				t.Errorf("LookalikeKey(%+q) = %+q, LookalikeKey(%+q) = %+q, want equal", r, LookalikeKey(r), rs[0], LookalikeKey(rs[0]))
			}
		}
	}
	tests := []struct{ in, want rune }{
		{'已', '己'}, // the most common of 己已巳巴
		{'末', '未'},
		{'張', LookalikeKey('张')},
		{'a', 'a'},
		{'王', '王'},
	}
	for _, tt := range tests {
		if got := LookalikeKey(tt.in); got != tt.want {
			t.Errorf("LookalikeKey(%+q) = %+q, want %+q", tt.in, got, tt.want)
		}
	}
	if LookalikeKey('王') == LookalikeKey('玉') {
		t.Errorf("王 and 玉 share a key")
	}
}

func TestVariants(t *testing.T) {
	tests := []struct {
		in   rune
		want string
	}{
		{'干', "干幹"},
		{'幹', "干幹"},
		{'乾', ""},
		{'沈', "沈瀋\uF972"},
		{'吴', "吳吴呉"},
		{'a', ""},
	}
	for _, tt := range tests {
		if got := Variants(tt.in); got != tt.want {
			t.Errorf("Variants(%+q) = %+q, want %+q", tt.in, got, tt.want)
		}
	}
}

func TestLookalikes(t *testing.T) {
	for _, tt := range []struct {
		in   rune
		want string
	}{{'a', ""}, {'王', Lookalikes('王')}} {
		if got := Lookalikes(tt.in); got != tt.want {
			t.Errorf("Lookalikes(%+q) = %+q, want %+q", tt.in, got, tt.want)
		}
	}
	for _, r := range "己已巳未末土士" {
		if Lookalikes(r) == "" {
			t.Errorf("Lookalikes(%+q) is empty", r)
		}
	}
}

// TestNormVersion pins the Unicode version of x/text's norm tables: the
// package doc explains what the gap to Unihan 17.0.0 means. Upgrading
// x/text must revisit it.
func TestNormVersion(t *testing.T) {
	if norm.Version != "15.0.0" {
		t.Errorf("norm.Version = %q, want 15.0.0; revisit doc.go's Unicode versions", norm.Version)
	}
}
