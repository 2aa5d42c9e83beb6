package risk

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// checkCompareSpoof fails if compareSpoof answers for a and b and differs
// from compareRef; it reports whether it answered.
func checkCompareSpoof(t interface {
	Helper()
	Fatalf(string, ...any)
}, a, b string) bool {
	t.Helper()
	sh := spoofShape(a, b)
	if a == b || sh.kind == spoofNone {
		return false
	}
	got, ok := compareSpoof(a, b, sh)
	if !ok {
		return false
	}
	if diff := cmp.Diff(compareRef(a, b), got); diff != "" {
		t.Fatalf("compareSpoof(%+q, %+q) differs from the reference (-ref +got):\n%s", a, b, diff)
	}
	return true
}

func propCompareSpoof(t *rapid.T) {
	a := genKeyTable().Draw(t, "a")
	b := rapid.OneOf(genSpoofOf(a), genByteSpoofOf(a)).Draw(t, "b")
	checkCompareSpoof(t, a, b)
	checkCompareSpoof(t, b, a)
}

// genByteSpoofOf draws a with bytes put around it, inserted or swapped in
// at any byte, in the middle of a rune too, so that the cuts of
// compareSpoof fall anywhere: runes, invalid bytes, lone continuation
// bytes and lead bytes without theirs.
func genByteSpoofOf(a string) *rapid.Generator[string] {
	return rapid.Custom(func(t *rapid.T) string {
		d := rapid.SampledFrom([]string{"★", "\u200b", "а", "a", "\xff", "\x80", "\xbc", "\xe5", "\xe5\xbc", "\xed\x9f", "\U0001F338", "\u0301"}).Draw(t, "d")
		i := rapid.IntRange(0, len(a)).Draw(t, "at")
		switch rapid.IntRange(0, 2).Draw(t, "how") {
		case 0:
			return d + a + rapid.SampledFrom([]string{"", d, "\u200b", "\x80"}).Draw(t, "after")
		case 1:
			return a[:i] + d + a[i:]
		}
		k := rapid.IntRange(0, min(4, len(a)-i)).Draw(t, "swapped")
		return a[:i] + d + a[i+k:]
	})
}

// TestCompareSpoof checks compareSpoof against compareRef on spoofs of
// random nicknames (made of runes, or of bytes put anywhere), and on pairs
// that split runes, hold invalid bytes, keep only decoration or whose keys
// differ; and that it answers for most spoofs.
func TestCompareSpoof(t *testing.T) {
	rapid.Check(t, propCompareSpoof)
	answered := 0
	pairs := [][2]string{
		{"Alice", "\u0410lice"}, {"Carol", "C\u0430rol"}, {"小美", "★小美\u200b"}, {"🌸小美🌸", "小美"},
		{"김민준", "★김민준\u200b"}, {"PayPal", "PayPaI"}, {"Jonathan", "Jonatham"}, {"é", "è"},
		{"aé", "aè"}, {"张伟", "張偉"}, {"a\xffb", "a\xfeb"}, {"\xe5\xbc", "\xe5\xbc\x80"}, {"★", "★★"},
		{"..", "."}, {"a.", "a"}, {"Tom", "T0m"}, {"e\u0301", "e\u0300"}, {"e\u0301x", "e\u0316\u0301x"},
		{"가", "가\u1100"}, {"ᄀ", "ᄀ\u1161"}, {"Zhang", "★Zhang\u200b"}, {"Ｔｏｍ", "Tom"},
		{"𝐀lice", "Alice"}, {"ð", "ðx"}, {"ॅ", "ॅक"}, {"x\u00ad", "x"},
		// Invalid bytes, in a shared piece or a differing one, and cuts
		// next to them.
		{"\ufffd\xb4i\u00f4", "\u2605\ufffd\xb4i\u00f4\u200b"}, {"\ufffd\xbdqwav", "\ufffd\xbdqw\u0430v"},
		{"ab\xff", "\u2605ab\xff\u200b"}, {"a\xe5", "a\xe5\x80"}, {"\x80abc", "\u2605\x80abc\u2605"},
		{"abcd\xe5\xbc", "abcd\xe5\xbc\u200b\u200b"}, {"xyz", "x\xffz"}, {"\xc3", "\x80\xc3"},
	}
	for _, p := range pairs {
		for _, q := range [][2]string{p, {p[1], p[0]}} {
			if checkCompareSpoof(t, q[0], q[1]) {
				answered++
			}
		}
	}
	if answered < 20 {
		t.Errorf("compareSpoof answered for only %d of %d pairs", answered, 2*len(pairs))
	}
}

func FuzzCompareSpoof(f *testing.F) { f.Fuzz(rapid.MakeFuzz(propCompareSpoof)) }

// TestTraceReasons checks traceReasons against stepReasons for every set
// of steps whose notes differ.
func TestTraceReasons(t *testing.T) {
	for set := range 1 << numSteps {
		var d [numSteps + 1]uint64
		var want NicknameReasons
		for i := range numSteps {
			if set&(1<<i) != 0 {
				d[i] = uint64(i+1) << (9 * i) // any non-zero difference
				want |= stepReasons[i]
			}
		}
		d[numSteps] = 1 // the slot for no step plays no part
		if got := traceReasons(&d); got != want {
			t.Fatalf("traceReasons for steps %07b = %v, want %v", set, got, want)
		}
	}
}

// TestSpoofMixed checks spoofMixed, which skips the test of a side whose
// scripts the other side's hold, against testing both sides, on random
// sets of scripts (in keyNotes' four words, as compareSpoof has them).
func TestSpoofMixed(t *testing.T) {
	common := []int{scriptCommon, scriptInherited, scriptLatin, scriptCyrillic, scriptGreek,
		scriptHan, scriptHangul, scriptHiragana, scriptKatakana, scriptBopomofo}
	genSet := rapid.Custom(func(t *rapid.T) [4]uint64 {
		var s [4]uint64
		for _, sc := range rapid.SliceOfN(rapid.OneOf(rapid.SampledFrom(common), rapid.IntRange(0, len(scriptNames)-1)), 0, 3).Draw(t, "scripts") {
			s[sc/64] |= 1 << (sc % 64)
		}
		return s
	})
	rapid.Check(t, func(t *rapid.T) {
		sa, sb, ss := genSet.Draw(t, "sa"), genSet.Draw(t, "sb"), genSet.Draw(t, "ss")
		scA := scriptSet{ss[0] | sa[0], ss[1] | sa[1], ss[2] | ss[3] | sa[2] | sa[3]}
		scB := scriptSet{ss[0] | sb[0], ss[1] | sb[1], ss[2] | ss[3] | sb[2] | sb[3]}
		if got, want := spoofMixed(&sa, &sb, &ss), scA.mixed() || scB.mixed(); got != want {
			t.Fatalf("spoofMixed(%v, %v, %v) = %v, want %v", sa, sb, ss, got, want)
		}
	})
}

// TestCompareSpoofAllocs checks that compareSpoof answers for spoofs of
// both shapes, invalid bytes and Hangul included, without allocating.
func TestCompareSpoofAllocs(t *testing.T) {
	pairs := [][2]string{
		{"Alice", "\u0410lice"}, {"小美", "★小美\u200b"}, {"김민준", "★김민준\u200b"},
		{"\ufffd\xb4i\u00f4", "\u2605\ufffd\xb4i\u00f4\u200b"}, {"\ufffd\xbdqwav", "\ufffd\xbdqw\u0430v"},
	}
	for _, p := range pairs {
		sh := spoofShape(p[0], p[1])
		if _, ok := compareSpoof(p[0], p[1], sh); !ok {
			t.Errorf("compareSpoof(%+q, %+q) did not answer", p[0], p[1])
		}
		if n := testing.AllocsPerRun(100, func() { _, _ = compareSpoof(p[0], p[1], sh) }); n != 0 {
			t.Errorf("compareSpoof(%+q, %+q) allocs = %v, want 0", p[0], p[1], n)
		}
	}
}
