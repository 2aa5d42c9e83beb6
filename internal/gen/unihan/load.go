package unihan

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// Versions of the data sources, as recorded in their PROVENANCE.md files.
const (
	UnihanVersion         = "17.0.0"
	ConfusablesVersion    = "17.0.0"
	CJKConfusablesVersion = "a0bbea48 (2020-08-26)"
)

// Paths of the files read, relative to internal/gen/data.
const (
	unihanDir = "unihan-17.0.0"
	mlFile    = "cjk-ml-confusables/confusables_dis.txt"
	tr39File  = "tr39/confusables.txt"
	typeFile  = "tr39/IdentifierType.txt"
	amendFile = "amendments.txt"
)

// Source holds the parsed data files.
type Source struct {
	Simplified, Traditional, ZVariant    Field
	Semantic, SpecializedSemantic, Spoof Field
	Mandarin, TGH                        Field
	ML                                   []MLPair
	TR39                                 []Mapping
	Amendments                           []Mapping
	// HanAfter15 lists the ranges of ideographs that IdentifierType.txt
	// (17.0.0) names CJK ideographs but Go's unicode.Han (15.0.0) lacks.
	HanAfter15 [][2]rune
}

// Load reads and parses every data file below dir (internal/gen/data).
func Load(dir string) (*Source, error) {
	s := &Source{}
	fields := []struct {
		name string
		dst  *Field
	}{
		{"kSimplifiedVariant", &s.Simplified},
		{"kTraditionalVariant", &s.Traditional},
		{"kZVariant", &s.ZVariant},
		{"kSemanticVariant", &s.Semantic},
		{"kSpecializedSemanticVariant", &s.SpecializedSemantic},
		{"kSpoofingVariant", &s.Spoof},
		{"kMandarin", &s.Mandarin},
		{"kTGH", &s.TGH},
	}
	for _, f := range fields {
		name := filepath.Join(unihanDir, f.name+".txt")
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		if *f.dst, err = ParseField(name, bytes.NewReader(b)); err != nil {
			return nil, err
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, mlFile))
	if err != nil {
		return nil, err
	}
	if s.ML, err = ParseML(mlFile, bytes.NewReader(b)); err != nil {
		return nil, err
	}
	for _, m := range []struct {
		name string
		dst  *[]Mapping
	}{{tr39File, &s.TR39}, {amendFile, &s.Amendments}} {
		b, err := os.ReadFile(filepath.Join(dir, m.name))
		if err != nil {
			return nil, err
		}
		if *m.dst, err = ParseConfusables(m.name, bytes.NewReader(b)); err != nil {
			return nil, err
		}
	}
	b, err = os.ReadFile(filepath.Join(dir, typeFile))
	if err != nil {
		return nil, err
	}
	if s.HanAfter15, err = ParseNewIdeographs(typeFile, bytes.NewReader(b)); err != nil {
		return nil, err
	}
	return s, nil
}

// ideographName matches a UCD comment "# 17.0 [6] CJK UNIFIED IDEOGRAPH-…".
var ideographName = regexp.MustCompile(`^\s*\d+\.\d+\s+(\[\d+\]\s+)?CJK (UNIFIED|COMPATIBILITY) IDEOGRAPH-`)

// ParseNewIdeographs returns the ranges of code points in an
// IdentifierType.txt (or any UCD-style file whose comments carry character
// names) whose names start with "CJK UNIFIED IDEOGRAPH-" or
// "CJK COMPATIBILITY IDEOGRAPH-" and that Go's unicode.Han does not contain.
func ParseNewIdeographs(name string, r io.Reader) ([][2]rune, error) {
	var cps []rune
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		data, comment, _ := strings.Cut(sc.Text(), "#")
		if strings.TrimSpace(data) == "" {
			continue
		}
		if !ideographName.MatchString(comment) {
			continue
		}
		key, _, _ := strings.Cut(data, ";")
		lo, hi, err := parseRange(strings.TrimSpace(key))
		if err != nil {
			return nil, syntaxErr(name, n, "%v", err)
		}
		for c := lo; c <= hi; c++ {
			if unicode.Is(unicode.Han, c) {
				continue
			}
			cps = append(cps, c)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("unihan: reading %s: %w", name, err)
	}
	slices.Sort(cps)
	var out [][2]rune
	for _, c := range slices.Compact(cps) {
		if k := len(out); k > 0 && out[k-1][1] == c-1 {
			out[k-1][1] = c
		} else {
			out = append(out, [2]rune{c, c})
		}
	}
	return out, nil
}
