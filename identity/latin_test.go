package identity

import (
	"fmt"
	"strings"
	"testing"
)

// slowLatinTable computes latinFold from the general path (folder.letter)
// for U+00C0–U+017F.
func slowLatinTable() string {
	var b strings.Builder
	for r := rune(0xC0); r <= 0x17F; r++ {
		var f folder
		out := f.letter(nil, r)
		ok := f.stripMarks && len(out) >= 1 && len(out) <= 2 && f.used&^(ReasonCase|ReasonDiacritics) == 0
		for _, c := range out {
			ok = ok && c >= 'a' && c <= 'z'
		}
		if !ok {
			b.WriteString(`\x00\x00\x00`)
			continue
		}
		second := `\x00`
		if len(out) == 2 {
			second = string(out[1])
		}
		fmt.Fprintf(&b, `%c%s\x%02x`, out[0], second, byte(f.used))
	}
	return b.String()
}

// TestLatinFoldTable checks latinFold against the general path for every
// code point it covers. On failure it prints the table to paste.
func TestLatinFoldTable(t *testing.T) {
	want := slowLatinTable()
	if got := fmt.Sprintf("%+q", latinFold); strings.Trim(got, `"`) != want {
		t.Errorf("latinFold is stale; want:\nconst latinFold = \"%s\"", want)
	}
	if len(latinFold) != 3*(0x17F-0xC0+1) {
		t.Errorf("len(latinFold) = %d", len(latinFold))
	}
}

// TestFastPathsAgree checks folder.rune's fast paths (the Latin table,
// Hangul syllables, Kana) against the general path, code point by code
// point.
func TestFastPathsAgree(t *testing.T) {
	ranges := [][2]rune{{0xC0, 0x17F}, {0xAC00, 0xD7A3}, {0x3041, 0x3096}, {0x30A1, 0x30FA}}
	for _, skip := range []Reasons{0, ReasonCase, ReasonWidth, ReasonDiacritics, ReasonSeparator, ReasonHanVariant} {
		for _, rg := range ranges {
			for r := rg[0]; r <= rg[1]; r++ {
				fast, slow := folder{skip: skip}, folder{skip: skip}
				got := string(fast.rune([]byte("x"), r))
				want := string(slow.letter([]byte("x"), r))
				if got != want || fast != slow {
					t.Errorf("U+%04X skip %v: fast path %+q %+v, general path %+q %+v", r, skip, got, fast, want, slow)
				}
			}
		}
	}
}
