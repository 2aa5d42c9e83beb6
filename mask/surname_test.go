package mask

import (
	"os"
	"regexp"
	"slices"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/transferguard/transferguard/identity"
	"github.com/transferguard/transferguard/internal/compound"
	"github.com/transferguard/transferguard/internal/han"
	"pgregory.net/rapid"
)

// rune3 decodes the three-byte rune at the start of s.
func rune3(s string) rune {
	return rune(s[0]&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F)
}

// tableEntries returns the quoted two-rune entries of the function fn in
// the Go source file path, sorted.
func tableEntries(t *testing.T, path, fn string) []string {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	body := regexp.MustCompile(`(?s)func ` + fn + `\(.*?\n}`).Find(src)
	var es []string
	for _, m := range regexp.MustCompile(`"(\p{Han}\p{Han}|\p{Hangul}\p{Hangul})"`).FindAllSubmatch(body, -1) {
		es = append(es, string(m[1]))
	}
	if len(es) < 10 {
		t.Fatalf("read %d entries of %s in %s", len(es), fn, path)
	}
	slices.Sort(es)
	return es
}

// checkSurnameCJK compares surnameCJK with identity.Parse for s, a name
// cjkOnly accepts.
func checkSurnameCJK(t fataler, s string) {
	k, ok := cjkOnly(s)
	if !ok {
		t.Fatalf("cjkOnly(%+q) = false", s)
	}
	n, err := identity.Parse(s)
	if err != nil {
		if k <= identity.MaxGraphemes {
			t.Fatalf("identity.Parse(%+q): %v", s, err)
		}
		return // too long: Name fails before it asks for the surname
	}
	if got, want := surnameCJK(s, k), n.Surname(); got != want {
		t.Fatalf("surnameCJK(%+q) = %v, identity.Parse gives %v", s, got, want)
	}
}

// TestSurnameCJK checks surnameCJK against identity.Parse exhaustively
// over what decides the surname, the first two runes: every ideograph and
// syllable as the first rune, followed by each rune that is, or folds to,
// the second character of a table entry, and by a few others; and every
// rune that can begin a compound followed by every ideograph and syllable.
func TestSurnameCJK(t *testing.T) {
	if testing.Short() {
		t.Skip("millions of identity.Parse calls")
	}
	var all []rune
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		all = append(all, r)
	}
	for r := rune(0xAC00); r <= 0xD7A3; r++ {
		all = append(all, r)
	}
	entries := append(tableEntries(t, "../internal/compound/table.go", "ChineseTable"),
		tableEntries(t, "../internal/compound/table.go", "Korean")...)
	firsts, seconds := map[rune]bool{}, map[rune]bool{}
	for _, e := range entries {
		firsts[rune3(e)], seconds[rune3(e[3:])] = true, true
	}
	second := []rune{'小', '김'}
	for _, r := range all {
		if seconds[r] || seconds[han.Fold(r)] {
			second = append(second, r)
		}
	}
	for _, a := range all {
		sa := string(a)
		checkSurnameCJK(t, sa)
		for _, b := range second {
			for _, rest := range []string{"", "明", "민수", "娜娜"} {
				checkSurnameCJK(t, sa+string(b)+rest)
			}
		}
		if compound.ChineseFirst(a) || firsts[a] || firsts[han.Fold(a)] {
			for _, b := range all {
				checkSurnameCJK(t, sa+string(b)+"明")
				checkSurnameCJK(t, sa+string(b)+"민")
			}
		}
	}
}

// propSurnameCJK: surnameCJK agrees with identity.Parse on names of 1 to
// 66 ideographs and syllables, often starting with a table entry's runes.
func propSurnameCJK(t *rapid.T) {
	entry := rapid.SampledFrom([]string{"欧阳", "歐陽", "歐阳", "司马", "諸葛", "남궁", "황보", "张小", "남김"})
	cjk := rapid.OneOf(rapid.RuneFrom(nil, &unicode.RangeTable{R16: []unicode.Range16{
		{Lo: 0x4E00, Hi: 0x9FFF, Stride: 1}, {Lo: 0xAC00, Hi: 0xD7A3, Stride: 1},
	}}), rapid.SampledFrom([]rune("欧阳歐陽司馬马娜남궁민수张小明")))
	s := rapid.StringOf(cjk).Draw(t, "rest")
	if rapid.Bool().Draw(t, "entry") {
		s = entry.Draw(t, "first") + s
	}
	if s == "" || utf8.RuneCountInString(s) > identity.MaxGraphemes+2 {
		t.Skip("empty or long")
	}
	checkSurnameCJK(t, s)
}

func TestPropSurnameCJK(t *testing.T) { rapid.Check(t, propSurnameCJK) }
