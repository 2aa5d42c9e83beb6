package identity

import (
	"bytes"
	"testing"
	"unsafe"

	"pgregory.net/rapid"
)

// checkFoldCJK fails unless appendFold (which takes appendFoldCJK for s of
// ideographs and syllables) and appendFoldGeneral give the same key and
// the same used folds for s with the folds in skip skipped, and Fold(s)
// is that key (s itself when s is its own key).
func checkFoldCJK(t tb, s string, skip Reasons) {
	t.Helper()
	got, gotUsed := appendFold([]byte("x"), s, skip)
	want, wantUsed := appendFoldGeneral([]byte("x"), s, skip)
	if !bytes.Equal(got, want) || gotUsed != wantUsed {
		t.Fatalf("appendFold(%+q, skip %v) = %+q, %v; general path %+q, %v", s, skip, got, gotUsed, want, wantUsed)
	}
	if skip != 0 {
		return
	}
	if f := Fold(s); f != string(want[1:]) {
		t.Fatalf("Fold(%+q) = %+q, want %+q", s, f, want[1:])
	}
	if f := Fold(s); (unsafe.StringData(f) == unsafe.StringData(s)) != (string(want[1:]) == s) {
		t.Fatalf("Fold(%+q) = %+q: returns s itself %v, but the key is %+q", s, f, unsafe.StringData(f) == unsafe.StringData(s), want[1:])
	}
}

// TestFoldCJK checks Fold's shortcut for ideographs and syllables against
// the general path for every such rune, alone and between others, with no
// fold skipped, with the Han variant fold skipped, and with all skipped.
func TestFoldCJK(t *testing.T) {
	check := func(r rune) {
		c := string(r)
		for _, s := range []string{c, "張" + c + "가", c + c + "张"} {
			for _, skip := range []Reasons{0, ReasonHanVariant, ReasonWidth | ReasonSeparator, allFolds} {
				checkFoldCJK(t, s, skip)
			}
		}
	}
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		check(r)
	}
	for r := rune(0xAC00); r <= 0xD7A3; r++ {
		check(r)
	}
}

func propFoldCJK(t *rapid.T) {
	s := cjkName().Draw(t, "s")
	skip := Reasons(rapid.IntRange(0, int(allFolds)).Draw(t, "skip")) & allFolds
	checkFoldCJK(t, s, skip)
	checkFoldCJK(t, s, 0)
}

// TestPropFoldCJK checks the shortcut on random names of ideographs and
// syllables of every length, with any folds skipped.
func TestPropFoldCJK(t *testing.T) { rapid.Check(t, propFoldCJK) }
