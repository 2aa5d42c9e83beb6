package risk

import (
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

func TestCompareNicknames(t *testing.T) {
	tests := []struct {
		a, b      string
		lookalike bool
		reasons   NicknameReasons // bits that must be set
	}{
		{"张伟", "張偉", true, NickEqualKeys | NickHanVariant},
		{"Alice", "\u0410lice", true, NickEqualKeys | NickHomoglyph | NickMixedScript},
		{"PayPal", "PayPaI", true, NickEqualKeys | NickHomoglyph},
		{"小美", "小美\u200b", true, NickEqualKeys | NickInvisible},
		{"小美", "🌸小美🌸", true, NickEqualKeys | NickDecoration},
		{"王己", "王已", true, NickEqualKeys | NickCJKLookalike},
		{"王未", "王末", true, NickEqualKeys | NickCJKLookalike},
		{"Tom", "T0m", true, NickEqualKeys | NickHomoglyph},
		{"Tom", "Ｔｏｍ", true, NickEqualKeys | NickStyled},
		{"bobby", "BOBBY", true, NickEqualKeys | NickCase},
		{"★Alice★", "A.l.i.c.e", true, NickEqualKeys | NickDecoration},
		{"Jonathan", "Jonatham", true, NickEditDistance},
		{"Alice", "Alice", true, NickIdentical},
		{"张伟", "李娜", false, 0},
		{"Bob", "Rob", false, 0},
		{"Anna", "Hannah", false, 0},
		{"老王", "老李", false, 0},
		// Hangul: the edit distance counts syllables, so one different
		// syllable in a three-syllable name is a different name.
		{"김민준", "김민중", false, 0},
		{"이민호", "이민수", false, 0},
		{"박지성", "박지상", false, 0},
		{"김민준", "김민지", false, 0},
		{"최우식", "최우진", false, 0},
		{"정의선", "정이선", false, 0},
		{"김민준", "김민준\u200b", true, NickEqualKeys | NickInvisible},
		{"김민준", "\u2060김\u200d민준\ufe0f", true, NickEqualKeys | NickInvisible},
		{"김민준", "🌸김민준🌸", true, NickEqualKeys | NickDecoration},
		{"김민준", "김.민.준", true, NickEqualKeys | NickDecoration},
		{"김민준", "김\u3000민\u3000준", true, NickEqualKeys | NickDecoration},
		{"김민준", "\u1100\u1175\u11b7민준", true, NickEqualKeys},              // conjoining jamo
		{"김민준", "\u3131\u3163\u3141민준", true, NickEqualKeys | NickStyled}, // compatibility jamo
		{"김민준", "\uffa1\uffdc\uffb1민준", true, NickEqualKeys | NickStyled}, // halfwidth jamo
		{"김민준사랑해", "김민중사랑해", true, NickEditDistance},                      // 1 of 6 syllables
		{"김민준", "민준", false, 0},
		{"", "", false, NickIdentical},
		{"\u200b", "", false, 0},
		{"\u200b", "\u200b", false, NickIdentical},
	}
	for _, tt := range tests {
		for _, p := range [][2]string{{tt.a, tt.b}, {tt.b, tt.a}} {
			m := CompareNicknames(p[0], p[1])
			if m.Lookalike != tt.lookalike || m.Reasons&tt.reasons != tt.reasons {
				t.Errorf("CompareNicknames(%+q, %+q) = %+v (%v), want lookalike %v with %v", p[0], p[1], m, m.Reasons, tt.lookalike, tt.reasons)
			}
			if !tt.lookalike && tt.reasons == 0 && m.Reasons != 0 {
				t.Errorf("CompareNicknames(%+q, %+q) reasons = %v, want none", p[0], p[1], m.Reasons)
			}
			if m.Score < 0 || m.Score > 1 {
				t.Errorf("CompareNicknames(%+q, %+q) score %v outside [0, 1]", p[0], p[1], m.Score)
			}
		}
	}
}

// TestHangulUnits: the edit distance's units of a key that holds Hangul
// are syllables, however the skeleton rewrote their jamo.
func TestHangulUnits(t *testing.T) {
	tests := []struct {
		nick string
		want int
	}{
		{"김민준", 3}, {"이민호", 3}, {"의사", 2}, {"까치", 2}, {"아까", 2}, {"닭", 1}, {"닭이", 2},
		{"밖에", 2}, {"ㄱㅣㅁ", 1}, {"ㅋㅋㅋ", 3}, {"ㅡㅡ", 2}, {"김A민", 3},
		{"王十一", 3}, {"十丨", 2}, {"Alice", 5}, {"e\u0301x", 2},
	}
	for _, tt := range tests {
		var u [maxUnits]uint64
		k := NicknameKey(tt.nick)
		if got := len(appendUnits(u[:0], k)); got != tt.want {
			t.Errorf("units of %+q (key %+q) = %d, want %d", tt.nick, k, got, tt.want)
		}
	}
	for _, p := range [][2]string{{"김민준", "김민중"}, {"이민호", "이민수"}, {"박지성", "박지상"}, {"김민준", "김민"}} {
		if got := unitDistance(NicknameKey(p[0]), NicknameKey(p[1]), 5); got != 1 {
			t.Errorf("unitDistance of the keys of %+q, %+q = %d, want 1", p[0], p[1], got)
		}
	}
}

// propHangulUnits: a key made of n Hangul syllables has n units, and
// changing one syllable is at most one unit substitution plus the
// consonant that may move across the boundary with it.
func propHangulUnits(t *rapid.T) {
	syl := rapid.RuneFrom(nil, &unicode.RangeTable{R16: []unicode.Range16{{Lo: 0xAC00, Hi: 0xD7A3, Stride: 1}}})
	rs := rapid.SliceOfN(syl, 1, 12).Draw(t, "syllables")
	var u [maxUnits]uint64
	k := NicknameKey(string(rs))
	if got := len(appendUnits(u[:0], k)); got != len(rs) {
		t.Fatalf("units of %+q (key %+q) = %d, want %d", string(rs), k, got, len(rs))
	}
	i := rapid.IntRange(0, len(rs)-1).Draw(t, "i")
	rs2 := append([]rune(nil), rs...)
	rs2[i] = syl.Draw(t, "other")
	if d := unitDistance(k, NicknameKey(string(rs2)), 10); d > 2 {
		t.Fatalf("unitDistance of %+q and %+q = %d, want at most 2", string(rs), string(rs2), d)
	}
}

func TestHangulUnitsProperty(t *testing.T) { rapid.Check(t, propHangulUnits) }

// TestCompareNicknamesNoiseReasons: a decoration both sides share is not a
// reason; a different one is.
func TestCompareNicknamesNoiseReasons(t *testing.T) {
	if m := CompareNicknames("★Tom★", "★T0m★"); m.Reasons&NickDecoration != 0 || m.Reasons&NickHomoglyph == 0 {
		t.Errorf("reasons = %v, want homoglyph without decoration", m.Reasons)
	}
	// One side takes the ASCII fast path, the other the general path: the
	// traces must agree on what both share.
	for _, p := range [][2]string{{"Tom★", "Tom"}, {"MARY0★", "MARY0"}, {"José Müller", "José Müller★"}} {
		if m := CompareNicknames(p[0], p[1]); m.Reasons != NickEqualKeys|NickDecoration {
			t.Errorf("CompareNicknames(%+q, %+q) reasons = %v, want equal_keys|decoration", p[0], p[1], m.Reasons)
		}
	}
}

func TestNicknameReasonsText(t *testing.T) {
	r := NickHomoglyph | NickMixedScript | NickEditDistance
	if got, want := r.String(), "homoglyph|mixed_script|edit_distance"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got := NicknameReasons(0).String(); got != "none" {
		t.Errorf("zero String() = %q, want none", got)
	}
	var back NicknameReasons
	if err := back.UnmarshalText([]byte(r.String())); err != nil || back != r {
		t.Errorf("UnmarshalText(%q) = %v, %v", r.String(), back, err)
	}
	if err := back.UnmarshalText([]byte("bogus")); err == nil {
		t.Error("UnmarshalText(bogus) succeeded")
	}
	for i, code := range nickReasonCodes {
		if got := NicknameReasons(1 << i).Codes(); len(got) != 1 || string(got[0]) != "nickname_"+code {
			t.Errorf("NicknameReasons(1<<%d).Codes() = %v, want [nickname_%s]", i, got, code)
		}
	}
	want := []Reason{"nickname_homoglyph", "nickname_mixed_script", "nickname_edit_distance"}
	if diff := cmp.Diff(want, r.Codes()); diff != "" {
		t.Errorf("Codes() (-want +got):\n%s", diff)
	}
}

func propNicknameReasonsRoundTrip(t *rapid.T) {
	r := NicknameReasons(rapid.Uint16Range(0, 1<<nickReasonCount-1).Draw(t, "r"))
	var back NicknameReasons
	if err := back.UnmarshalText([]byte(r.String())); err != nil || back != r {
		t.Fatalf("round trip of %v: %v, %v", r, back, err)
	}
}

func TestNicknameReasonsRoundTrip(t *testing.T) { rapid.Check(t, propNicknameReasonsRoundTrip) }

func TestOSA(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "abc", 0}, {"abc", "acb", 1}, {"abc", "ab", 1},
		{"kitten", "sitting", 3}, {"ca", "abc", 3}, {"e\u0301x", "ex", 1}, {"小美", "美小", 1},
	}
	for _, tt := range tests {
		if got := unitDistance(tt.a, tt.b, 10); got != tt.want {
			t.Errorf("unitDistance(%+q, %+q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		var ua, ub [maxUnits]uint64
		if got := osa(appendUnits(ua[:0], tt.a), appendUnits(ub[:0], tt.b), 10); got != tt.want {
			t.Errorf("osa(units of %+q, %+q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func FuzzCompareNicknames(f *testing.F) {
	for _, p := range [][2]string{{"张伟", "張偉"}, {"Alice", "\u0410lice"}, {"PayPal", "PayPaI"}, {"小美", "小美\u200b"}, {"小美", "🌸小美🌸"}, {"王己", "王已"}, {"王未", "王末"}, {"Tom", "T0m"}, {"张伟", "李娜"}, {"Bob", "Rob"}, {"Anna", "Hannah"}, {"老王", "老李"}, {"Jonathan", "Jonatham"}, {"김민준", "김민중"}, {"김민준", "\u3131\u3163\u3141민준"}, {"박지성", "박지상"}, {"", ""}} {
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		m1, m2 := CompareNicknames(a, b), CompareNicknames(b, a)
		if m1 != m2 {
			t.Fatalf("CompareNicknames(%+q, %+q) = %+v, reversed %+v", a, b, m1, m2)
		}
		if m1.Score < 0 || m1.Score > 1 {
			t.Fatalf("score %v outside [0, 1]", m1.Score)
		}
		if m1.Lookalike && m1.Reasons == 0 {
			t.Fatalf("lookalike without reasons: %+v", m1)
		}
		if s := CompareNicknames(a, a); s.Score != 1 {
			t.Fatalf("CompareNicknames(%+q, itself) score %v", a, s.Score)
		}
		if (NicknameKey(a) == NicknameKey(b) && NicknameKey(a) != "") != (m1.Reasons&(NickEqualKeys|NickIdentical) != 0) && a != b {
			t.Fatalf("equal_keys reason %v disagrees with keys %+q, %+q", m1.Reasons, NicknameKey(a), NicknameKey(b))
		}
	})
}

// TestCompareNicknamesAllocs checks the documented allocations: none for
// keys up to 128 bytes and 64 graphemes, whether or not the nicknames are
// their own keys.
func TestCompareNicknamesAllocs(t *testing.T) {
	tests := []struct{ a, b string }{
		{"jonathan", "jonathon"},
		{"张伟", "李娜"},
		{"alice", "alice"},
		{"Alice", "Alice"},
		{"Jonathan", "Jonatham"},
		{"PayPal", "PayPaI"},
		{"张伟", "張偉"},
		{"王己", "王已"},
		{"小美", "🌸小美🌸"},
		{"Alice", "\u0410lice"},
		{"김민준", "김민중"},
		{"🌸小美👩\u200d👩\u200d👧", "小美"},
		{"Ｊｏｎａｔｈａｎ", "Jonathan"},
		{"Élodie Dupont", "Elodie Dupond"},
	}
	for _, tt := range tests {
		if n := testing.AllocsPerRun(100, func() { _ = CompareNicknames(tt.a, tt.b) }); n != 0 {
			t.Errorf("CompareNicknames(%+q, %+q) allocs = %v, want 0", tt.a, tt.b, n)
		}
	}
}

// TestCompareNicknamesLongKeys covers keys longer than the stack buffers
// (128 bytes), in the ASCII and the general paths: the verdict still
// follows the keys.
func TestCompareNicknamesLongKeys(t *testing.T) {
	long := strings.Repeat("Jonathan", 20)
	tests := []struct {
		a, b string
		want NicknameReasons
	}{
		{long, strings.ToLower(long), NickEqualKeys | NickCase},
		{strings.Repeat("张伟", 30), strings.Repeat("張偉", 30), NickEqualKeys | NickHanVariant},
		{strings.Repeat("Élodie", 30), strings.Repeat("E\u0301lodie", 30), NickEqualKeys},
	}
	for _, tt := range tests {
		if len(NicknameKey(tt.a)) <= 128 {
			t.Fatalf("NicknameKey(%+q) is short, the test needs a long key", tt.a)
		}
		m := CompareNicknames(tt.a, tt.b)
		if diff := cmp.Diff(tt.want, m.Reasons&^NickMixedScript); diff != "" {
			t.Errorf("CompareNicknames(%+q, %+q) reasons (-want +got):\n%s", tt.a, tt.b, diff)
		}
		if !m.Lookalike {
			t.Errorf("CompareNicknames(%+q, %+q) is not a lookalike", tt.a, tt.b)
		}
	}
}

// osaReference is the textbook optimal-string-alignment distance over the
// full matrix, without trimming, bands or cut-offs.
func osaReference(x, y string) int {
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range len(y) + 1 {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			c := 1
			if x[i-1] == y[j-1] {
				c = 0
			}
			v := min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+c)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				v = min(v, d[i-2][j-2]+1)
			}
			d[i][j] = v
		}
	}
	return d[len(x)][len(y)]
}

// TestOSATrim checks osaASCII and osa, which strip common prefixes and
// suffixes and cut off above the limit, against the full matrix, on a
// small alphabet where prefixes, suffixes and transpositions are common,
// and on strings longer than the stack rows.
func TestOSATrim(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		gen := rapid.StringOfN(rapid.RuneFrom([]rune("abc")), 0, 12, -1)
		if rapid.Bool().Draw(t, "long") {
			gen = rapid.StringOfN(rapid.RuneFrom([]rune("ab")), 60, 80, -1)
		}
		x, y := gen.Draw(t, "x"), gen.Draw(t, "y")
		lim := rapid.IntRange(0, 12).Draw(t, "lim")
		want := min(osaReference(x, y), lim+1)
		if got := osaASCII(x, y, lim); got != want {
			t.Fatalf("osaASCII(%+q, %+q, %d) = %d, want %d", x, y, lim, got, want)
		}
		ux, uy := make([]uint64, len(x)), make([]uint64, len(y))
		for i := range len(x) {
			ux[i] = uint64(x[i]) << 40
		}
		for i := range len(y) {
			uy[i] = uint64(y[i]) << 40
		}
		if got := osa(ux, uy, lim); got != want {
			t.Fatalf("osa(%+q, %+q, %d) = %d, want %d", x, y, lim, got, want)
		}
	})
}
