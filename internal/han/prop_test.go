package han

import (
	"testing"
	"unicode/utf8"

	"pgregory.net/rapid"
)

// hanRunes are the runes the tables know about, for drawing.
var hanRunes = func() []rune {
	var rs []rune
	for _, table := range []string{foldTable, keyTable, canonTable} {
		for i := 0; i < len(table); i += runeMapStride {
			rs = append(rs, get3(table, i), get3(table, i+3))
		}
	}
	for i := 0; i < len(neighbourTable); i += listStride {
		rs = append(rs, get3(neighbourTable, i))
	}
	for i := 0; i < len(readingTable); i += 7 * 97 { // a sample of the readings
		rs = append(rs, get3(readingTable, i))
	}
	return rs
}()

// knownRune draws a Han rune that the tables know.
var knownRune = rapid.SampledFrom(hanRunes)

// anyRuneGen draws a rune: any code point, a Han rune the tables know, or a
// variant or lookalike of one, so that related pairs come up often.
var anyRuneGen = rapid.OneOf(
	rapid.Int32Range(-1, utf8.MaxRune+1),
	knownRune,
	rapid.Custom(func(t *rapid.T) rune { return pick(t, Variants(knownRune.Draw(t, "v"))) }),
	rapid.Custom(func(t *rapid.T) rune { return pick(t, Lookalikes(knownRune.Draw(t, "l"))) }),
)

func anyRune() *rapid.Generator[rune] { return anyRuneGen }

// pick draws one rune of s, or U+4E00 when s is empty.
func pick(t *rapid.T, s string) rune {
	rs := []rune(s)
	i := rapid.IntRange(0, max(len(rs)-1, 0)).Draw(t, "pick") // always draws
	if len(rs) == 0 {
		return '一'
	}
	return rs[i]
}

// relatedPair draws a pair that is often in one of the relations.
func relatedPair(t *rapid.T) (rune, rune) {
	a := anyRune().Draw(t, "a")
	var b rune
	switch rapid.IntRange(0, 3).Draw(t, "relation") {
	case 0:
		b = anyRune().Draw(t, "b")
	case 1:
		b = pick(t, Variants(a))
	case 2:
		b = pick(t, Lookalikes(a))
	default:
		b = pick(t, Variants(pick(t, Lookalikes(a))))
	}
	return a, b
}

func propFoldIdempotent(t *rapid.T) {
	r := anyRune().Draw(t, "r")
	if f := Fold(r); Fold(f) != f {
		t.Fatalf("Fold(Fold(%+q)) = %+q, Fold = %+q", r, Fold(f), f)
	}
	if !IsHan(r) && Fold(r) != r {
		t.Fatalf("Fold changes non-Han %+q", r)
	}
}

func propSymmetric(t *rapid.T) {
	a, b := relatedPair(t)
	for _, f := range []struct {
		name string
		f    func(a, b rune) bool
	}{{"Lookalike", Lookalike}, {"SemanticVariant", SemanticVariant}, {"Homophone", Homophone}} {
		if f.f(a, b) != f.f(b, a) {
			t.Fatalf("%s(%+q, %+q) = %v but reversed %v", f.name, a, b, f.f(a, b), f.f(b, a))
		}
	}
}

// propAgreesWithModel compares the pair relations with the generator's
// model of the data.
func propAgreesWithModel(t *rapid.T, m *model) {
	a, b := relatedPair(t)
	if got, want := Lookalike(a, b), m.lookalike(a, b); got != want {
		t.Fatalf("Lookalike(%+q, %+q) = %v, data says %v", a, b, got, want)
	}
	if got, want := Homophone(a, b), m.homophone(a, b); got != want {
		t.Fatalf("Homophone(%+q, %+q) = %v, data says %v", a, b, got, want)
	}
	if got, want := SemanticVariant(a, b), m.semantic(a, b); got != want {
		t.Fatalf("SemanticVariant(%+q, %+q) = %v, data says %v", a, b, got, want)
	}
}

func propLookalikeKey(t *rapid.T) {
	r := anyRune().Draw(t, "r")
	k := LookalikeKey(r)
	if LookalikeKey(k) != k {
		t.Fatalf("LookalikeKey not idempotent at %+q: %+q then %+q", r, k, LookalikeKey(k))
	}
	if Fold(k) != k || LookalikeKey(Fold(r)) != k {
		t.Fatalf("LookalikeKey(%+q) = %+q not stable under Fold", r, k)
	}
}

func propVariantsFoldTogether(t *rapid.T) {
	r := anyRune().Draw(t, "r")
	vs := Variants(r)
	if vs != "" && !containsRune(vs, r) && !containsRune(vs, canon(r)) {
		t.Fatalf("Variants(%+q) = %+q lacks it", r, vs)
	}
	for _, v := range vs {
		if Fold(v) != Fold(r) {
			t.Fatalf("Variants(%+q) has %+q with Fold %+q, not %+q", r, v, Fold(v), Fold(r))
		}
		if Variants(v) != vs {
			t.Fatalf("Variants(%+q) = %+q, Variants(%+q) = %+q", r, vs, v, Variants(v))
		}
	}
}

func propLookalikesListed(t *rapid.T) {
	r := anyRune().Draw(t, "r")
	for _, x := range Lookalikes(r) {
		if !Lookalike(r, x) || !Lookalike(x, r) {
			t.Fatalf("Lookalikes(%+q) has %+q but Lookalike is false", r, x)
		}
	}
}

// propLookalikesExact: for runes that Fold leaves unchanged, Lookalike is
// exactly membership in Lookalikes (identity relies on this).
func propLookalikesExact(t *rapid.T) {
	a, b := relatedPair(t)
	a, b = Fold(a), Fold(b)
	if Lookalike(a, b) != containsRune(Lookalikes(a), b) {
		t.Fatalf("Lookalike(%+q, %+q) = %v, Lookalikes(%+q) = %+q", a, b, Lookalike(a, b), a, Lookalikes(a))
	}
}

func containsRune(s string, r rune) bool {
	for _, x := range s {
		if x == r {
			return true
		}
	}
	return false
}

func TestFoldIdempotent(t *testing.T)       { rapid.Check(t, propFoldIdempotent) }
func TestSymmetric(t *testing.T)            { rapid.Check(t, propSymmetric) }
func TestLookalikeKeyStable(t *testing.T)   { rapid.Check(t, propLookalikeKey) }
func TestVariantsFoldTogether(t *testing.T) { rapid.Check(t, propVariantsFoldTogether) }
func TestLookalikesListed(t *testing.T)     { rapid.Check(t, propLookalikesListed) }
func TestLookalikesExact(t *testing.T)      { rapid.Check(t, propLookalikesExact) }
func TestAgreesWithModel(t *testing.T) {
	m := getModel(t)
	rapid.Check(t, func(t *rapid.T) { propAgreesWithModel(t, m) })
}

func FuzzFoldIdempotent(f *testing.F)     { f.Fuzz(rapid.MakeFuzz(propFoldIdempotent)) }
func FuzzSymmetric(f *testing.F)          { f.Fuzz(rapid.MakeFuzz(propSymmetric)) }
func FuzzLookalikeKeyStable(f *testing.F) { f.Fuzz(rapid.MakeFuzz(propLookalikeKey)) }
