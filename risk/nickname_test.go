package risk

import (
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/transferguard/transferguard/internal/han"
)

func TestNicknameKey(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", ""},
		{"ascii lower", "alice", "alice"},
		{"case", "Alice", "alice"},
		{"ascii homoglyph I", "PayPaI", "paypal"},
		{"m is rn", "Tom", "torn"},
		{"digit zero", "T0m", "torn"},
		{"cyrillic A", "\u0410lice", "alice"},
		{"zero width", "小美\u200b", "小美"},
		{"bidi control", "\u202eAlice", "alice"},
		{"variation selector", "小\ufe0f美", "小美"},
		{"tag", "Alice\U000E0041", "alice"},
		{"hangul filler", "\u3164Alice\u115f", "alice"},
		{"emoji ends", "🌸小美🌸", "小美"},
		{"stars", "★Alice★", "alice"},
		{"dots", "A.l.i.c.e", "alice"},
		{"spaces", "A l i c e", "alice"},
		{"fullwidth", "Ａｌｉｃｅ", "alice"},
		{"math bold", "𝐀𝐥𝐢𝐜𝐞", "alice"},
		{"circled", "ⓐⓛⓘⓒⓔ", "alice"},
		{"traditional", "張偉", "张伟"},
		{"only decoration", "🌸🌸", "🌸🌸"},
		{"only invisible", "\u200b", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NicknameKey(tt.in); got != tt.want {
				t.Errorf("NicknameKey(%+q) = %+q, want %+q", tt.in, got, tt.want)
			}
		})
	}
}

// TestNicknameKeyUsesHanLookalikeKey: step 5 is han.LookalikeKey, whatever
// clustering rule internal/han chooses.
func TestNicknameKeyUsesHanLookalikeKey(t *testing.T) {
	n := 0
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		k := han.LookalikeKey(han.Fold(r))
		if k == han.Fold(r) {
			continue
		}
		n++
		if a, b := NicknameKey(string(r)), NicknameKey(string(k)); a != b {
			t.Errorf("NicknameKey(%+q) = %+q, NicknameKey(LookalikeKey %+q) = %+q", string(r), a, string(k), b)
		}
		o := defaultKeyOptions
		o.noHanLookalike = true
		if k, _ := nicknameKey(string(r), &o); k == NicknameKey(string(r)) && Skeleton(string(r)) == Skeleton(string(han.Fold(r))) && NicknameKey(string(han.Fold(r))) != k {
			t.Errorf("without step 5, NicknameKey(%+q) should differ", string(r))
		}
	}
	if n == 0 {
		t.Fatal("han.LookalikeKey folds nothing in U+4E00..U+9FFF")
	}
}

// TestNicknameKeySteps switches each step off and checks that the step is
// what makes the example fold.
func TestNicknameKeySteps(t *testing.T) {
	tests := []struct {
		name string
		off  func(*keyOptions)
		a, b string
	}{
		{"invisible", func(o *keyOptions) { o.keepInvisible = true }, "小美", "小美\u200b"},
		{"nfkc", func(o *keyOptions) { o.noNFKC = true }, "Tom", "Ｔｏｍ"},
		{"decoration", func(o *keyOptions) { o.keepDecoration = true }, "小美", "🌸小美🌸"},
		{"han fold", func(o *keyOptions) { o.noHanFold = true }, "张伟", "張偉"},
		{"han lookalike", func(o *keyOptions) { o.noHanLookalike = true }, "王己", "王已"},
		{"skeleton", func(o *keyOptions) { o.noSkeleton = true }, "Alice", "\u0410lice"},
		{"case", func(o *keyOptions) { o.noCaseFold = true }, "bob", "BOB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if a, b := NicknameKey(tt.a), NicknameKey(tt.b); a != b {
				t.Fatalf("keys of %+q and %+q differ: %+q, %+q", tt.a, tt.b, a, b)
			}
			o := defaultKeyOptions
			tt.off(&o)
			a, _ := nicknameKey(tt.a, &o)
			b, _ := nicknameKey(tt.b, &o)
			if a == b {
				t.Errorf("with step %s off, keys of %+q and %+q are still equal: %+q", tt.name, tt.a, tt.b, a)
			}
		})
	}
}

// TestASCIIKey checks the ASCII fast path's table and trace against the
// general path.
func TestASCIIKey(t *testing.T) {
	for c := 0; c < 0x80; c++ {
		s := "ab" + string(rune(c)) + "M0"
		var tr keyTrace
		fast, ok := asciiNicknameKey(s, &tr)
		if !ok {
			t.Fatalf("fast path refused %+q", s)
		}
		var buf [64]byte
		var tr2 keyTrace
		slow := s
		for range 4 {
			b, _ := appendKeyRound(buf[:0], slow, &defaultKeyOptions, &tr2)
			if string(b) == slow {
				break
			}
			slow = string(b)
		}
		if fast != slow || tr != tr2 {
			t.Errorf("key of %+q: fast %+q %v, general %+q %v", s, fast, tr, slow, tr2)
		}
	}
}

func TestNicknameKeyAllocs(t *testing.T) {
	for _, s := range []string{"alice", "张伟", "小美"} {
		if n := testing.AllocsPerRun(100, func() { _ = NicknameKey(s) }); n != 0 {
			t.Errorf("NicknameKey(%+q) (its own key) allocs = %v, want 0", s, n)
		}
	}
	for _, s := range []string{"Alice", "PayPaI", "\u0410lice", "張偉", "🌸小美🌸", "Ａｌｉｃｅ", "José", "김민준"} {
		if n := testing.AllocsPerRun(100, func() { _ = NicknameKey(s) }); n > 1 {
			t.Errorf("NicknameKey(%+q) allocs = %v, want <= 1", s, n)
		}
	}
}

func FuzzNicknameKey(f *testing.F) {
	for _, s := range []string{"", "alice", "PayPaI", "T0m", "\u0410lice", "小美\u200b", "🌸小美🌸", "★Alice★", "A.l.i.c.e", "A l i c e", "張偉", "王已", "王末", "Ａｌｉｃｅ", "𝐀𝐥𝐢𝐜𝐞", "김민준", "닭이", "의사", "\u3131\u3163\u3141", "José", "\u3164", strings.Repeat("é", 200)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := NicknameKey(s)
		if NicknameKey(k) != k {
			t.Fatalf("NicknameKey not idempotent for %+q: %+q then %+q", s, k, NicknameKey(k))
		}
		if s != "" && k == "" {
			for _, r := range s {
				if runeValue(r)&bitInvisible == 0 {
					t.Fatalf("NicknameKey(%+q) is empty but the nickname has visible U+%04X", s, r)
				}
			}
		}
		// A nickname of precomposed Hangul syllables has a unit per
		// syllable (the edit distance counts syllables).
		syllables := 0
		for _, r := range s {
			if r < hangulBase || r >= hangulBase+11172 {
				syllables = -1
				break
			}
			syllables++
		}
		if syllables > 0 {
			var u [maxUnits]uint64
			if got := len(appendUnits(u[:0], k)); got != syllables {
				t.Fatalf("units of %+q (key %+q) = %d, want %d syllables", s, k, got, syllables)
			}
		}
	})
}

// TestKeyRoundFused: the one-pass round agrees with the general round
// (output, stability and trace) wherever it applies.
func TestKeyRoundFused(t *testing.T) {
	applied := 0
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.OneOf(genMarks(), rapid.String()).Draw(t, "s")
		var b1, b2 [256]byte
		var tr1, tr2 keyTrace
		out1, st1, ok := appendKeyRoundFused(b1[:0], s, &tr1)
		if !ok {
			if len(out1) != 0 || tr1 != (keyTrace{}) {
				t.Fatalf("refused round on %+q left output %+q or trace", s, out1)
			}
			return
		}
		applied++
		out2, st2 := appendKeyRound(b2[:0], s, &defaultKeyOptions, &tr2)
		if string(out1) != string(out2) || st1 != st2 || tr1 != tr2 {
			t.Fatalf("round on %+q: fused %+q stable=%v trace=%v, general %+q stable=%v trace=%v", s, out1, st1, tr1, out2, st2, tr2)
		}
	})
	if applied == 0 {
		t.Error("the fused round never applied")
	}
}

// TestNicknameKeyCanonicalOrder: combining marks out of canonical order
// get the key of their canonical order, as in Skeleton. isOwnKey used to
// accept "a\u0301\u0323" as its own key.
func TestNicknameKeyCanonicalOrder(t *testing.T) {
	tests := [][2]string{
		{"a\u0301\u0323", "a\u0323\u0301"},
		{"\u05d0\u05b8\u05b7", "\u05d0\u05b7\u05b8"},
		{"x\u0315\u0300", "x\u0300\u0315"},
	}
	for _, tt := range tests {
		if a, b := NicknameKey(tt[0]), NicknameKey(tt[1]); a != b {
			t.Errorf("NicknameKey(%+q) = %+q, NicknameKey(%+q) = %+q, want equal", tt[0], a, tt[1], b)
		}
		if m := CompareNicknames(tt[0], tt[1]); m.Reasons&NickEqualKeys == 0 {
			t.Errorf("CompareNicknames(%+q, %+q) = %+v, want equal keys", tt[0], tt[1], m)
		}
	}
}

// TestASCIIKeyOwn: asciiKeyOwn holds exactly the bytes that asciiKey maps
// to themselves (NUL excluded: its entry means dropped).
func TestASCIIKeyOwn(t *testing.T) {
	for c := 0; c < 256; c++ {
		want := c != 0 && c < 0x80 && int(asciiKey[c]) == c
		if asciiKeyOwn[c] != want {
			t.Errorf("asciiKeyOwn[%#x] = %v, want %v", c, asciiKeyOwn[c], want)
		}
	}
}

// TestASCIIKeyUnits: the ASCII path's grapheme mask and count are
// setUnits's on its key, on every ASCII nickname the generator draws.
func TestASCIIKeyUnits(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := string(rapid.SliceOf(rapid.SampledFrom([]byte("aAbmM0O1lIi9 ._\x00\x7f\t"))).Draw(t, "s"))
		var in nickInfo
		var buf [keyBufLen]byte
		k, n := in.keyInto(&buf, s, false)
		if !in.keyASCII {
			return
		}
		want := nickInfo{key: keyOf(&buf, k, n)}
		want.countUnits()
		if !in.unitsKnown || in.units != want.units || in.mask != want.mask || !in.mixedKnown || in.mixed {
			t.Fatalf("keyInto(%+q): units %d mask %x (known %v), setUnits %d %x", s, in.units, in.mask, in.unitsKnown, want.units, want.mask)
		}
	})
}
