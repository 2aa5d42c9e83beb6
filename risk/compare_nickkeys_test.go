package risk

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCompareOneSketch checks CompareNicknames against compareRef on pairs
// of which exactly one nickname has a key sketch, the path of
// compareOneSketch (those that are not spoof-shaped): lookalikes and
// misses, either way round, and that it allocates nothing.
func TestCompareOneSketch(t *testing.T) {
	// ð, ॅ and ぐ after starters have keyMarkRunes parts and so sketches;
	// after é or ó (class 230), or with 柿 (no part), they have none.
	pairs := [][2]string{
		{"éðanielle smith", "édanielle smyth"}, {"óぐっちさん", "くっちさん"}, {"éðanielle", "édaniella"},
		{"óぐっちさんです", "óくっちさんでず"}, {"कॅमलकि柿", "कमलकि"}, {"柿कॅमलकिरणदास", "कमलकिरणदासी"},
		{"★柿★", "d"}, {"Joséðanielle", "Josédaniella"}, {"éðanielle", "danielle"},
	}
	// Pairs that this test took before keyMarkRunes; most now have two
	// sketches, and CompareNicknames must still match compareRef.
	more := [][2]string{
		{"कॅमलकि", "कमलकि"}, {"कॅमलकिरण", "कमलकिरण"}, {"कॅमलकि", "कामलकि"}, {"कॅमलकि", "खुऴऍआि"}, {"कॅमलकि", "Alice"},
		{"ðanielle", "danielle"}, {"ðanielle", "daniella"}, {"ðan", "Dan"}, {"ぐっちさん", "くっちさん"},
		{"ぐっち", "くっち"}, {"ðanielle smith", "danielle smyth"}, {"कॅमलकिरणदास", "कमलकिरणदासी"}, {"ぐっちさんです", "くっちさんでず"},
		{"कॉफीवाला", "काफीवाला"}, {"★ð★", "d"},
	}
	lookalikes := 0
	for k, p := range append(pairs, more...) {
		_, _, oka := sketchKey(p[0])
		_, _, okb := sketchKey(p[1])
		if oka == okb && k < len(pairs) {
			t.Fatalf("sketchKey: %+q %v, %+q %v; want exactly one sketch", p[0], oka, p[1], okb)
		}
		for _, q := range [][2]string{p, {p[1], p[0]}} {
			m := CompareNicknames(q[0], q[1])
			if m.Lookalike && !spoofShaped(q[0], q[1]) && k < len(pairs) {
				lookalikes++ // a lookalike that compareOneSketch tells
			}
			if diff := cmp.Diff(compareRef(q[0], q[1]), m); diff != "" {
				t.Errorf("CompareNicknames(%+q, %+q) differs from the reference (-ref +got):\n%s", q[0], q[1], diff)
			}
			if n := testing.AllocsPerRun(20, func() { _ = CompareNicknames(q[0], q[1]) }); n != 0 {
				t.Errorf("CompareNicknames(%+q, %+q) allocs = %v, want 0", q[0], q[1], n)
			}
		}
	}
	if lookalikes == 0 {
		t.Error("no pair that compareOneSketch takes is a lookalike")
	}
}
