package compound

import (
	"os"
	"regexp"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/transferguard/transferguard/internal/han"
)

// TestCompoundFirst checks the first-rune filter of Chinese: it
// holds exactly the runes that are, or fold with han.Fold to, the first
// character of an entry of the generated ChineseTable.
func TestCompoundFirst(t *testing.T) {
	src, err := os.ReadFile("table.go")
	if err != nil {
		t.Fatal(err)
	}
	body := regexp.MustCompile(`(?s)func ChineseTable\(.*?\n}`).Find(src)
	entries := regexp.MustCompile(`"(\p{Han}\p{Han})"`).FindAllSubmatch(body, -1)
	if len(entries) < 100 {
		t.Fatalf("read %d entries of ChineseTable, want at least 100", len(entries))
	}
	first := map[rune]bool{}
	for _, e := range entries {
		if !ChineseTable(string(e[1])) {
			t.Fatalf("%+q read from table.go is not in ChineseTable", e[1])
		}
		r, _ := utf8.DecodeRune(e[1])
		first[r] = true
	}
	var want, got []rune
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if first[r] || first[han.Fold(r)] {
			want = append(want, r)
		}
		if ChineseFirst(r) {
			got = append(got, r)
		}
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("ChineseFirst (-want +got):\n%s", d)
	}
}

// TestChineseFast: Chinese (with the first-rune filter) agrees with
// ChineseFolded for every table entry, every entry with each rune folded
// or unfolded, and every pair of a possible first rune with the second
// runes of the table.
func TestChineseFast(t *testing.T) {
	src, err := os.ReadFile("table.go")
	if err != nil {
		t.Fatal(err)
	}
	body := regexp.MustCompile(`(?s)func ChineseTable\(.*?\n}`).Find(src)
	var firsts, seconds []rune
	for _, e := range regexp.MustCompile(`"(\p{Han})(\p{Han})"`).FindAllSubmatch(body, -1) {
		a, _ := utf8.DecodeRune(e[1])
		b, _ := utf8.DecodeRune(e[2])
		firsts = append(firsts, a, han.Fold(a))
		seconds = append(seconds, b, han.Fold(b), '明')
	}
	for r := rune(0x3400); r <= 0x9FFF; r++ {
		if ChineseFirst(r) {
			firsts = append(firsts, r)
		}
	}
	firsts = append(firsts, '张', '王', 'A')
	n := 0
	for _, a := range firsts {
		for _, b := range seconds {
			s := string(a) + string(b)
			if got, want := Chinese(s), ChineseFolded(s); got != want {
				t.Errorf("Chinese(%+q) = %v, ChineseFolded %v", s, got, want)
			}
			if Chinese(s) {
				n++
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d compound surnames found; the test reads the table wrongly", n)
	}
}
