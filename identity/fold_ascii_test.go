package identity

import (
	"bytes"
	"testing"
	"unicode"

	"pgregory.net/rapid"
)

// asciiSkips are the skip sets Fold and Compare use: none, each single
// fold, and all of them.
var asciiSkips = append([]Reasons{0, allFolds}, singleFolds...)

// checkFoldASCII compares foldASCII with the general path for s, which is
// ASCII, with each skip set, appending to a non-empty dst.
func checkFoldASCII(t tb, s string) {
	t.Helper()
	for _, q := range asciiSkips {
		got, gotUsed := foldASCII([]byte("k"), s, q)
		want, wantUsed, renorm := foldOnceGeneral([]byte("k"), s, q)
		if !bytes.Equal(got, want) || gotUsed != wantUsed || renorm {
			t.Fatalf("foldASCII(%+q) with %v skipped = %+q, %v; general path %+q, %v (renorm %v)", s, q, got, gotUsed, want, wantUsed, renorm)
		}
	}
}

// TestFoldASCII checks foldASCII against the general path on every string
// of one and two ASCII bytes, and on every string of three and four bytes
// over one byte of each kind (letters of either case, digits, a symbol,
// apostrophes, controls, white space and punctuation).
func TestFoldASCII(t *testing.T) {
	for a := range 128 {
		checkFoldASCII(t, string(rune(a)))
		for b := range 128 {
			checkFoldASCII(t, string([]byte{byte(a), byte(b)}))
		}
	}
	const kinds = "aZ0+'`\x00\t -."
	for _, a := range []byte(kinds) {
		for _, b := range []byte(kinds) {
			for _, c := range []byte(kinds) {
				checkFoldASCII(t, string([]byte{a, b, c}))
				for _, d := range []byte(kinds) {
					checkFoldASCII(t, string([]byte{a, b, c, d}))
				}
			}
		}
	}
}

// propFoldASCII: foldASCII agrees with the general path on ASCII strings.
func propFoldASCII(t *rapid.T) {
	s := rapid.StringOf(rapid.OneOf(
		rapid.RuneFrom(nil, &unicode.RangeTable{R16: []unicode.Range16{{Lo: 0, Hi: 0x7F, Stride: 1}}}),
		rapid.RuneFrom([]rune(" -.'`JohnSMITH")),
	)).Draw(t, "s")
	checkFoldASCII(t, s)
}

func TestPropFoldASCII(t *testing.T) { rapid.Check(t, propFoldASCII) }
