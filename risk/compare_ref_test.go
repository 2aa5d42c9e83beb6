package risk

import (
	"math/bits"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// compareRef is CompareNicknames as it was before the fast paths: keys by
// the general path (nicknameKeyRef), graphemes counted before any bound,
// the edit distance through unitDistanceOf, and the script sets of both
// sides (mixedScriptRef).
func compareRef(a, b string) NicknameMatch {
	var ba, bb [keyBufLen]byte
	if a == b {
		k, n, _ := nicknameKeyRef(&ba, a, &defaultKeyOptions)
		return NicknameMatch{Score: scoreIdentical, Lookalike: k != "" || n > 0, Reasons: NickIdentical}
	}
	ka, na, ta := nicknameKeyRef(&ba, a, &defaultKeyOptions)
	kb, nb, tb := nicknameKeyRef(&bb, b, &defaultKeyOptions)
	x := nickInfo{key: keyOf(&ba, ka, na), trace: ta}
	y := nickInfo{key: keyOf(&bb, kb, nb), trace: tb}
	var m NicknameMatch
	if x.key == y.key {
		if x.key == "" {
			return m
		}
		m = NicknameMatch{Score: scoreEqualKeys, Lookalike: true, Reasons: NickEqualKeys}
	} else {
		var ua, ub [maxUnits]uint64
		xs, ys := x.setUnits(ua[:0]), y.setUnits(ub[:0])
		n := max(x.units, y.units)
		lim := editLimit(n)
		if lim == 0 || abs(x.units-y.units) > lim || bits.OnesCount64(x.mask^y.mask) > 2*lim {
			return m
		}
		d := unitDistanceOf(x.key, y.key, xs, ys, lim)
		if d > lim {
			return m
		}
		m = NicknameMatch{Score: scoreEditMax * (1 - float64(d)/float64(n)), Lookalike: true, Reasons: NickEditDistance, Distance: d}
	}
	for i := range numSteps {
		if x.trace[i] != y.trace[i] {
			m.Reasons |= stepReasons[i]
		}
	}
	if mixedScriptRef(a) || mixedScriptRef(b) {
		m.Reasons |= NickMixedScript
	}
	return m
}

// mixedScriptRef is MixedScript as it was, from the script sets.
func mixedScriptRef(s string) bool {
	resolved, _, ok := scriptsRef(s)
	return ok && resolved.empty()
}

func propCompareRef(t *rapid.T) {
	a := genKeyTable().Draw(t, "a")
	b := rapid.OneOf(genKeyTable(), rapid.Just(a+"x"), rapid.Just("\u200b"+a), rapid.Just(a[:len(a)/2]), genSpoofOf(a)).Draw(t, "b")
	if diff := cmp.Diff(compareRef(a, b), CompareNicknames(a, b)); diff != "" {
		t.Fatalf("CompareNicknames(%+q, %+q) differs from the reference (-ref +got):\n%s", a, b, diff)
	}
}

// genSpoofOf draws what a spoofer makes of a (see spoofShaped): a
// decoration or invisible character around it, or one rune of it swapped
// for, or preceded by, another.
func genSpoofOf(a string) *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		d := rapid.SampledFrom([]string{"★", "🌸", "\u200b", "👩\u200d👩\u200d👧", ".", "а", "0", "張", "ि", "\u0301", "까"}).Draw(t, "d")
		rs := []rune(a)
		i := rapid.IntRange(0, len(rs)).Draw(t, "at")
		switch rapid.IntRange(0, 2).Draw(t, "how") {
		case 0:
			return d + a + d
		case 1:
			return string(rs[:i]) + d + string(rs[i:])
		}
		if i == len(rs) {
			return a + d
		}
		return string(rs[:i]) + d + string(rs[i+1:])
	})
}

// TestSpoofShaped shows what spoofShaped takes for a spoof: its answer
// only decides whether CompareNicknames computes the key sketches
// (propCompareRef checks that the result never depends on it).
func TestSpoofShaped(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"🌸小美🌸", "小美", true}, {"小美", "★小美\u200b", true}, {"Alice", "\u0410lice", true},
		{"PayPal", "PayPaI", true}, {"Jonathan", "Jonatham", true}, {"小美", "小美\u200b", true},
		{"张伟", "李娜", false}, {"Jonathan", "Sophie", false}, {"Alexander", "Alexandra Smith", false},
		{"", "Alice", false},
	}
	for _, tt := range tests {
		if got := spoofShaped(tt.a, tt.b); got != tt.want {
			t.Errorf("spoofShaped(%+q, %+q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := spoofShaped(tt.b, tt.a); got != tt.want {
			t.Errorf("spoofShaped(%+q, %+q) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}

// TestCompareRef checks CompareNicknames against compareRef on random
// pairs, on near pairs and on the table rows of the other tests.
func TestCompareRef(t *testing.T) {
	rapid.Check(t, propCompareRef)
	pairs := [][2]string{
		{"Jonathan", "Jonatham"}, {"PayPal", "PayPaI"}, {"张伟", "張偉"}, {"王己", "王已"},
		{"김민준", "김민중"}, {"Alice", "\u0410lice"}, {"🌸小美👩\u200d👩\u200d👧", "小美"},
		{"Bob", "Rob"}, {"Anna", "Hannah"}, {"老王", "老李"}, {"José Müller", "Jose Muller"},
		{"김민준김민준", "김민중김민준"}, {"Ｔｏｍ小美α", "Tom小美a"}, {"abcde\u0301", "abcdf"},
	}
	for _, p := range pairs {
		if diff := cmp.Diff(compareRef(p[0], p[1]), CompareNicknames(p[0], p[1])); diff != "" {
			t.Errorf("CompareNicknames(%+q, %+q) differs from the reference (-ref +got):\n%s", p[0], p[1], diff)
		}
	}
}

func FuzzCompareRef(f *testing.F) {
	f.Add("Jonathan", "Jonatham")
	f.Add("김민준", "김민중")
	f.Add("张伟", "張偉")
	// Spoof-shaped pairs, which compareSpoof answers from the pieces that
	// differ.
	f.Add("Alice", "\u0410lice")
	f.Add("小美", "★小美\u200b")
	f.Add("김민준", "🌸김민준🌸")
	f.Add("Ｔｏｍ", "Tom")
	f.Fuzz(func(t *testing.T, a, b string) {
		if diff := cmp.Diff(compareRef(a, b), CompareNicknames(a, b)); diff != "" {
			t.Fatalf("CompareNicknames(%+q, %+q) differs from the reference (-ref +got):\n%s", a, b, diff)
		}
	})
}

// TestIsASCII checks isASCII, which tests eight bytes at a time, against
// a byte loop, with the non-ASCII byte at every position of strings up to
// 20 bytes and on random strings.
func TestIsASCII(t *testing.T) {
	ref := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] >= 0x80 {
				return false
			}
		}
		return true
	}
	for n := 0; n <= 20; n++ {
		b := []byte(strings.Repeat("a", n))
		if !isASCII(string(b)) {
			t.Fatalf("isASCII(%+q) = false", b)
		}
		for i := range b {
			for _, c := range []byte{0x80, 0xC3, 0xFF} {
				b[i] = c
				if isASCII(string(b)) {
					t.Fatalf("isASCII(%+q) = true", b)
				}
				b[i] = 'a'
			}
		}
	}
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.String().Draw(t, "s")
		if got, want := isASCII(s), ref(s); got != want {
			t.Fatalf("isASCII(%+q) = %v, want %v", s, got, want)
		}
	})
}

// TestCompareRefKnownUnknown draws pairs where one key's graphemes are
// known from the key path (Latin, Han) and the other's are not (marks,
// Thai, Devanagari, Hangul), of lengths around the edit limits, where
// keyDistance rejects on the rune bound before counting graphemes.
func TestCompareRefKnownUnknown(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		known := rapid.StringOfN(rapid.SampledFrom([]rune("abcdeJonathmAПр张伟कखगघ")), 0, 14, -1).Draw(t, "known")
		parts := rapid.SliceOfN(rapid.SampledFrom([]string{"a", "e\u0301", "कि", "क", "กี", "ก", "김", "민", "ᄀ", "\u0301", "n"}), 0, 14).Draw(t, "unknown")
		unknown := strings.Join(parts, "")
		if rapid.Bool().Draw(t, "near") {
			// known with marks added and maybe runes cut: a key near
			// known's whose graphemes are not known.
			rs := []rune(known)
			cut := rapid.IntRange(0, min(3, len(rs))).Draw(t, "cut")
			unknown = string(rs[:len(rs)-cut]) + strings.Repeat("ि", rapid.IntRange(1, 3).Draw(t, "marks"))
		}
		if rapid.Bool().Draw(t, "swap") {
			known, unknown = unknown, known
		}
		if diff := cmp.Diff(compareRef(known, unknown), CompareNicknames(known, unknown)); diff != "" {
			t.Fatalf("CompareNicknames(%+q, %+q) differs from the reference (-ref +got):\n%s", known, unknown, diff)
		}
	})
}
