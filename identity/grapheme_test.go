package identity

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/unicode/norm"
)

// graphemeBreakTestSHA256 is the sha256 listed in testdata/PROVENANCE.md
// for auxiliary/GraphemeBreakTest.txt (Unicode 15.0.0).
const graphemeBreakTestSHA256 = "0d2080d0def294a4b7660801cc03ddfe5866ff300c789c2cc1b50fd7802b2d97"

// TestGraphemeBreakConformance runs Parse's segmentation (Name.segment)
// on every case of Unicode's GraphemeBreakTest.txt 15.0.0.
func TestGraphemeBreakConformance(t *testing.T) {
	data, err := os.ReadFile("testdata/GraphemeBreakTest.txt")
	if err != nil {
		t.Fatal(err)
	}
	if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != graphemeBreakTestSHA256 {
		t.Fatalf("testdata/GraphemeBreakTest.txt sha256 = %x, want %s", sum, graphemeBreakTestSHA256)
	}
	if !strings.Contains(string(data), "# GraphemeBreakTest-15.0.0.txt") {
		t.Fatal("testdata/GraphemeBreakTest.txt is not version 15.0.0")
	}
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	cases := 0
	for line := 1; sc.Scan(); line++ {
		text, comment, _ := strings.Cut(sc.Text(), "#")
		text = strings.TrimSpace(text)
		if text == "" {
			continue
		}
		s, want := parseBreakCase(t, line, text)
		n := Name{s: s}
		if err := n.segment(); err != nil && err != ErrEmpty {
			t.Fatalf("line %d: segment: %v", line, err)
		}
		got := make([]int, n.Len())
		for i := range got {
			got[i] = int(n.ends[i])
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("line %d %+q: cluster ends (-want +got):\n%s\n#%s", line, s, d, comment)
		}
		cases++
	}
	if cases < 600 {
		t.Errorf("only %d test cases read", cases)
	}
}

// parseBreakCase parses "÷ 0020 × 0308 ÷" into the string and the byte
// offsets where its clusters end.
func parseBreakCase(t *testing.T, line int, text string) (string, []int) {
	var b strings.Builder
	var ends []int
	for _, f := range strings.Fields(text) {
		switch f {
		case "÷":
			if b.Len() > 0 {
				ends = append(ends, b.Len())
			}
		case "×":
		default:
			v, err := strconv.ParseUint(f, 16, 32)
			if err != nil {
				t.Fatalf("line %d: bad code point %q", line, f)
			}
			b.WriteRune(rune(v))
		}
	}
	return b.String(), ends
}

// The Unicode versions that the grapheme, normalization and category data
// come from; an upgrade of Go, x/text or uniseg shows up here.
func TestUnicodeVersions(t *testing.T) {
	if norm.Version != "15.0.0" {
		t.Errorf("norm.Version = %s, want 15.0.0 (update the package doc's Data and versions)", norm.Version)
	}
	if unicode.Version != "15.0.0" {
		t.Errorf("unicode.Version = %s, want 15.0.0 (forbidden-rune rules treat later code points as unassigned)", unicode.Version)
	}
}
