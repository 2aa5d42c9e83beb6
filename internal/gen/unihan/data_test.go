package unihan

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const dataDir = "../data"

var sha256Cell = regexp.MustCompile(`^[0-9a-f]{64}$`)

// TestProvenanceSHA256 checks every file of the data folders we read
// against the sha256 listed in the folder's PROVENANCE.md, and that every
// file there is listed. (A folder's PROVENANCE.md may list upstream files
// we did not copy.)
func TestProvenanceSHA256(t *testing.T) {
	for _, dir := range []string{"unihan-17.0.0", "cjk-ml-confusables", "tr39"} {
		t.Run(dir, func(t *testing.T) {
			prov, err := os.ReadFile(filepath.Join(dataDir, dir, "PROVENANCE.md"))
			if err != nil {
				t.Fatal(err)
			}
			listed := map[string]string{}
			for line := range strings.Lines(string(prov)) {
				cells := strings.Split(strings.TrimSpace(line), "|")
				if len(cells) < 4 {
					continue
				}
				name := strings.TrimSpace(cells[1])
				for _, c := range cells[2:] {
					if c = strings.TrimSpace(c); sha256Cell.MatchString(c) {
						listed[name] = c
					}
				}
			}
			entries, err := os.ReadDir(filepath.Join(dataDir, dir))
			if err != nil {
				t.Fatal(err)
			}
			var files []string
			for _, e := range entries {
				if e.Name() != "PROVENANCE.md" {
					files = append(files, e.Name())
				}
			}
			if len(files) == 0 {
				t.Fatal("no data files")
			}
			for _, f := range files {
				if _, ok := listed[f]; !ok {
					t.Errorf("%s/%s is not listed with a sha256 in PROVENANCE.md", dir, f)
					continue
				}
				b, err := os.ReadFile(filepath.Join(dataDir, dir, f))
				if err != nil {
					t.Fatal(err)
				}
				sum := sha256.Sum256(b)
				if got := hex.EncodeToString(sum[:]); got != listed[f] {
					t.Errorf("%s/%s: sha256 %s, PROVENANCE.md says %s", dir, f, got, listed[f])
				}
			}
		})
	}
}

// loadOnce parses and builds once per test binary; tests must not modify
// the result.
var loadOnce = sync.OnceValues(func() (*Tables, error) {
	s, err := Load(dataDir)
	if err != nil {
		return nil, err
	}
	tb, err := Build(s)
	if err != nil {
		return nil, err
	}
	loadedSource = s
	return tb, nil
})

var loadedSource *Source

func load(t *testing.T) (*Source, *Tables) {
	t.Helper()
	tb, err := loadOnce()
	if err != nil {
		t.Fatal(err)
	}
	return loadedSource, tb
}

// TestDataFacts checks the counts that PROVENANCE.md states.
func TestDataFacts(t *testing.T) {
	s, tb := load(t)
	type counts struct {
		Simplified, Traditional, ZVariant, Semantic, Specialized, Spoof, Mandarin, TGH int
		MLPairs, MLAnchors, MLCompat, MLOneWay, TR39, TR39Han, Amendments, Canon       int
	}
	anchors := map[rune]bool{}
	compat, oneWay := 0, 0
	dir := map[[2]rune]bool{}
	for _, p := range s.ML {
		anchors[p.A] = true
		dir[[2]rune{p.A, p.B}] = true
	}
	for _, p := range s.ML {
		if tb.canon(p.A) == tb.canon(p.B) {
			compat++
		}
		if !dir[[2]rune{p.B, p.A}] {
			oneWay++
		}
	}
	got := counts{
		len(s.Simplified), len(s.Traditional), len(s.ZVariant), len(s.Semantic), len(s.SpecializedSemantic),
		len(s.Spoof), len(s.Mandarin), len(s.TGH),
		len(s.ML), len(anchors), compat, oneWay, len(s.TR39), len(TR39HanPairs(s.TR39, s.HanAfter15)), len(s.Amendments), len(tb.Canon),
	}
	want := counts{
		6929, 6475, 149, 3538, 525, 349, 44348, 8105,
		27226, 12068, 394, 3116, 6565, 1353, 12, 1002,
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("data counts (-want +got):\n%s", d)
	}
}
