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
	b := genSpoofOf(a).Draw(t, "b")
	checkCompareSpoof(t, a, b)
	checkCompareSpoof(t, b, a)
}

// TestCompareSpoof checks compareSpoof against compareRef on spoofs of
// random nicknames, and on pairs that split runes, hold invalid bytes,
// keep only decoration or whose keys differ; and that it answers for most
// spoofs.
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
