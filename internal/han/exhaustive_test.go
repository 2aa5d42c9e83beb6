package han

import (
	"slices"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"github.com/transferguard/transferguard/internal/gen/unihan"
)

// TestExhaustive checks every per-rune table against the parsed data for
// all 0x110000 code points.
func TestExhaustive(t *testing.T) {
	m := getModel(t)
	// known marks the runes that occur in the data; every other rune must
	// map to itself and have no lists, which is checked without the
	// (slower) map lookups.
	known := make([]bool, unicode.MaxRune+1)
	for _, mp := range []map[rune]rune{m.tb.Canon, m.tb.Fold, m.tb.Key} {
		for k, v := range mp {
			known[k], known[v] = true, true
		}
	}
	for _, mp := range []map[rune][]rune{m.tb.Classes, m.tb.Neighbours} {
		for k := range mp {
			known[k] = true
		}
	}
	for k := range m.tb.Readings {
		known[k] = true
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !known[r] {
			if Fold(r) != r || LookalikeKey(r) != r || Variants(r) != "" || Lookalikes(r) != "" || canon(r) != r {
				t.Fatalf("%+q is not in the data but the tables map it", r)
			}
			if _, _, ok := readings(r); ok {
				t.Fatalf("%+q is not in the data but has readings", r)
			}
			if IsHan(r) != unihan.IsHan(r, m.tb.HanAfter15) {
				t.Fatalf("IsHan(%+q) = %v, want %v", r, IsHan(r), !IsHan(r))
			}
			continue
		}
		f := Fold(r)
		if want := m.tb.FoldOf(r); f != want {
			t.Fatalf("Fold(%+q) = %+q, want %+q", r, f, want)
		}
		if Fold(f) != f {
			t.Fatalf("Fold not idempotent at %+q", r)
		}
		isHan := IsHan(r)
		if want := unihan.IsHan(r, m.tb.HanAfter15); isHan != want {
			t.Fatalf("IsHan(%+q) = %v, want %v", r, isHan, want)
		}
		if !isHan && f != r {
			t.Fatalf("Fold changes non-Han %+q", r)
		}
		k := LookalikeKey(r)
		if want := m.key(r); k != want {
			t.Fatalf("LookalikeKey(%+q) = %+q, want %+q", r, k, want)
		}
		if LookalikeKey(k) != k || Fold(k) != k || LookalikeKey(f) != k {
			t.Fatalf("LookalikeKey(%+q) = %+q is not stable under LookalikeKey and Fold", r, k)
		}
		if !isHan && k != r {
			t.Fatalf("LookalikeKey changes non-Han %+q", r)
		}
		wantVariants := ""
		if c := m.tb.Classes[f]; len(c) > 1 {
			wantVariants = string(c)
		}
		if got := Variants(r); got != wantVariants {
			t.Fatalf("Variants(%+q) = %+q, want %+q", r, got, wantVariants)
		}
		if got, want := Lookalikes(r), string(m.tb.Neighbours[m.canon(r)]); got != want {
			t.Fatalf("Lookalikes(%+q) = %+q, want %+q", r, got, want)
		}
		if got, want := readingsOf(r), m.tb.Readings[r]; !slices.Equal(got, want) {
			t.Fatalf("readings(%+q) = %q, want %q", r, got, want)
		}
		if got, want := canon(r), m.canon(r); got != want {
			t.Fatalf("canon(%+q) = %+q, want %+q", r, got, want)
		}
	}
}

// TestSemanticTable decodes semanticTable and compares it with the data.
func TestSemanticTable(t *testing.T) {
	m := getModel(t)
	got := map[[2]rune]bool{}
	for i := 0; i < len(semanticTable); i += pairStride {
		got[[2]rune{get3(semanticTable, i), get3(semanticTable, i+3)}] = true
	}
	if d := cmp.Diff(m.tb.Semantic, got); d != "" {
		t.Errorf("semanticTable (-data +table):\n%s", d)
	}
	// Every pair of the raw data holds after Fold, both ways.
	for _, f := range []unihan.Field{m.src.Semantic, m.src.SpecializedSemantic} {
		for c, v := range f {
			vs, err := unihan.ParseVariants(v)
			if err != nil {
				t.Fatal(err)
			}
			for _, x := range vs {
				want := Fold(c) != Fold(x)
				if SemanticVariant(c, x) != want || SemanticVariant(x, c) != want {
					t.Errorf("SemanticVariant(%+q, %+q) = %v, want %v", c, x, SemanticVariant(c, x), want)
				}
			}
		}
	}
}

// TestLookalikeSources checks that every pair of every source is a
// Lookalike pair, both ways, unless the two are canonically equivalent or
// the ML distance is above the cut-off.
func TestLookalikeSources(t *testing.T) {
	m := getModel(t)
	check := func(src string, a, b rune) {
		t.Helper()
		want := canon(a) != canon(b)
		if Lookalike(a, b) != want || Lookalike(b, a) != want {
			t.Errorf("%s: Lookalike(%+q, %+q) = %v, want %v", src, a, b, Lookalike(a, b), want)
		}
	}
	for _, p := range m.src.ML {
		if p.Dist <= unihan.MLPairCutoff {
			check("ML", p.A, p.B)
		} else if !m.lookalike(p.A, p.B) && Lookalike(p.A, p.B) {
			t.Errorf("ML pair above the cut-off: Lookalike(%+q, %+q) = true", p.A, p.B)
		}
	}
	for c, v := range m.src.Spoof {
		vs, err := unihan.ParseVariants(v)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range vs {
			check("kSpoofingVariant", c, x)
		}
	}
	for _, mp := range unihan.TR39HanPairs(m.src.TR39, m.src.HanAfter15) {
		check("TR39", mp.Source, mp.Target[0])
	}
	for _, mp := range m.src.Amendments {
		check("amendments", mp.Source, mp.Target[0])
	}
}

// TestClusterCap checks that no LookalikeKey is shared by more than
// clusterCap Fold representatives, over all code points.
func TestClusterCap(t *testing.T) {
	members := map[rune]int{}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if Fold(r) == r {
			members[LookalikeKey(r)]++
		}
	}
	largest := 0
	for _, n := range members {
		largest = max(largest, n)
	}
	if largest > clusterCap {
		t.Errorf("largest lookalike cluster has %d representatives, cap %d", largest, clusterCap)
	}
	if largest < 2 {
		t.Errorf("largest lookalike cluster has %d members: no clustering", largest)
	}
}

// TestIsHanData checks IsHan against every code point that the Unihan
// files describe, and that the ranges added to Go's unicode.Han are not in
// it (they are newer than Unicode 15.0.0).
func TestIsHanData(t *testing.T) {
	m := getModel(t)
	for _, f := range []unihan.Field{m.src.Simplified, m.src.Traditional, m.src.ZVariant, m.src.Semantic,
		m.src.SpecializedSemantic, m.src.Spoof, m.src.Mandarin, m.src.TGH} {
		for c := range f {
			if !IsHan(c) {
				t.Errorf("IsHan(%+q) = false for a Unihan code point", c)
			}
		}
	}
	for _, rg := range m.tb.HanAfter15 {
		for r := rg[0]; r <= rg[1]; r++ {
			if unicode.Is(unicode.Han, r) || unicode.Is(unicode.Ideographic, r) {
				t.Errorf("U+%04X is in Go's unicode tables but listed as newer", r)
			}
		}
	}
}

// TestReviewedPairsShareKey checks that every kSpoofingVariant pair, UTS #39
// Han pair and curated pair between ideographs shares a LookalikeKey: those
// edges are clustered before any machine-learned one, so the cap never
// separates them.
func TestReviewedPairsShareKey(t *testing.T) {
	m := getModel(t)
	ideograph := func(r rune) bool {
		r = Fold(r)
		return r >= 0x3400 && IsHan(r) && (unicode.Is(unicode.Ideographic, r) || !unicode.Is(unicode.Han, r))
	}
	check := func(src string, a, b rune) {
		t.Helper()
		if ideograph(a) && ideograph(b) && LookalikeKey(a) != LookalikeKey(b) {
			t.Errorf("%s pair %+q/%+q: keys %+q and %+q", src, a, b, LookalikeKey(a), LookalikeKey(b))
		}
	}
	for c, v := range m.src.Spoof {
		vs, err := unihan.ParseVariants(v)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range vs {
			check("kSpoofingVariant", c, x)
		}
	}
	for _, mp := range unihan.TR39HanPairs(m.src.TR39, m.src.HanAfter15) {
		check("TR39", mp.Source, mp.Target[0])
	}
	for _, mp := range m.src.Amendments {
		check("amendments", mp.Source, mp.Target[0])
	}
}
