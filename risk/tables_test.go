package risk

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/transferguard/transferguard/internal/gen/confusables"
)

var update = flag.Bool("update", false, "rewrite generated tables")

const tr39Dir = "../internal/gen/data/tr39"

// TestTablesUpToDate regenerates tables.go and risktest/tables.go from
// internal/gen/data and fails if a committed file differs; with -update it
// rewrites them.
func TestTablesUpToDate(t *testing.T) {
	for _, f := range []struct {
		path string
		gen  func(string) ([]byte, error)
	}{
		{"tables.go", confusables.Generate},
		{"risktest/tables.go", confusables.GenerateRisktest},
		{"tables_key.go", genKeyTables},
	} {
		if nickRuneStride > 1 && !*update {
			// Under -race (see nickRuneStride): generating the tables
			// (the key table runs the general path on every code point)
			// is ten times slower with the race detector, which adds
			// nothing to this pure computation. The plain test run
			// checks them.
			continue
		}
		got, err := f.gen(tr39Dir)
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(f.path)
		if *update {
			if err := os.WriteFile(f.path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run go generate ./risk (generated %d bytes, committed %d)", f.path, len(got), len(want))
		}
	}
}

// TestDataProvenance checks the sha256 values that PROVENANCE.md lists for
// the files the generator reads.
func TestDataProvenance(t *testing.T) {
	prov, err := os.ReadFile(filepath.Join(tr39Dir, "PROVENANCE.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"confusables.txt", "IdentifierStatus.txt", "LICENSE"} {
		re := regexp.MustCompile(`(?m)^\| ` + regexp.QuoteMeta(name) + ` \|[^|]*\|[^|]*\| ([0-9a-f]{64}) \|`)
		m := re.FindSubmatch(prov)
		if m == nil {
			t.Errorf("PROVENANCE.md lists no sha256 for %s", name)
			continue
		}
		data, err := os.ReadFile(filepath.Join(tr39Dir, name))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		if got := hex.EncodeToString(sum[:]); got != string(m[1]) {
			t.Errorf("%s: sha256 %s, PROVENANCE.md says %s", name, got, m[1])
		}
	}
}

// TestVersions pins the Unicode versions the tables were built with, so an
// upgrade of Go or x/text shows up here.
func TestVersions(t *testing.T) {
	if norm.Version != "15.0.0" || genNormVersion != norm.Version {
		t.Errorf("norm.Version = %s, tables built with %s; want 15.0.0: review doc.go # Deviations and regenerate", norm.Version, genNormVersion)
	}
	if unicode.Version != genUnicodeVersion {
		t.Errorf("unicode.Version = %s, tables built with %s: regenerate", unicode.Version, genUnicodeVersion)
	}
	if ConfusablesVersion != confusables.Version {
		t.Errorf("ConfusablesVersion = %s, generator %s", ConfusablesVersion, confusables.Version)
	}
}

// TestRuneTableExhaustive checks the per-rune table against the generator's
// predicates for all code points.
func TestRuneTableExhaustive(t *testing.T) {
	bad := 0
	for r := rune(0); r <= unicode.MaxRune && bad < 10; r += nickRuneStride {
		if r >= 0xD800 && r < 0xE000 {
			continue
		}
		v := runeValue(r)
		if got, want := v&bitInvisible != 0, confusables.Invisible(r); got != want {
			t.Errorf("U+%04X invisible = %v, want %v", r, got, want)
			bad++
		}
		if got, want := v&bitDecoration != 0, confusables.Decoration(r); got != want {
			t.Errorf("U+%04X decoration = %v, want %v", r, got, want)
			bad++
		}
		if got, want := scriptName(r), scriptSlow(r); got != want {
			t.Errorf("U+%04X script = %s, want %s", r, got, want)
			bad++
		}
	}
}

func scriptSlow(r rune) string {
	for n, tab := range unicode.Scripts {
		if unicode.Is(tab, r) {
			return n
		}
	}
	return "Unknown"
}

// TestAllowedExhaustive checks isAllowed against IdentifierStatus.txt for all
// code points.
func TestAllowedExhaustive(t *testing.T) {
	f, err := os.ReadFile(filepath.Join(tr39Dir, "IdentifierStatus.txt"))
	if err != nil {
		t.Fatal(err)
	}
	ranges, err := confusables.ParseAllowed(strings.NewReader(string(f)))
	if err != nil {
		t.Fatal(err)
	}
	want := make([]bool, unicode.MaxRune+1)
	for _, r := range ranges {
		for c := r.Lo; c <= r.Hi; c++ {
			want[c] = true
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isAllowed(r) != want[r] {
			t.Fatalf("isAllowed(U+%04X) = %v, want %v", r, !want[r], want[r])
		}
	}
}
