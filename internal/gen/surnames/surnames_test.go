package surnames

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite internal/compound/table.go")

const (
	dataDir = "../data/chinese-names"
	outFile = "../../compound/table.go"
)

// TestTablesUpToDate regenerates the table and fails if the committed file
// differs; with -update it rewrites the file.
func TestTablesUpToDate(t *testing.T) {
	tab, err := Load(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	got, err := tab.Render()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(outFile, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(outFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale; run go generate ./internal/compound (-want +got):\n%s", filepath.Base(outFile), cmp.Diff(string(want), string(got)))
	}
}

func TestLoad(t *testing.T) {
	tab, err := Load(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	has := map[string]bool{}
	for _, e := range tab.Chinese {
		has[e.form] = true
	}
	for _, s := range []string{"欧阳", "歐陽", "第五", "句龙", "独孤", "獨孤", "单于", "單于", "钟离", "鍾離"} {
		if !has[s] {
			t.Errorf("compound %+q missing", s)
		}
	}
	for _, s := range []string{"年爱", "墨哈", "阳佟"} {
		if has[s] {
			t.Errorf("excluded compound %+q present", s)
		}
	}
	if len(tab.Korean) < 7 {
		t.Errorf("%d Korean compounds, want >= 7", len(tab.Korean))
	}
}

// TestDataChecksums checks the copied files against the sha256 values in
// ../data/chinese-names/PROVENANCE.md.
func TestDataChecksums(t *testing.T) {
	prov, err := os.ReadFile(filepath.Join(dataDir, "PROVENANCE.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{
		"baijiaxing-surnames.derived.tsv",
		"pinyin-pro-surnames/surnames-pinyin.derived.tsv",
		"pinyin-pro-surnames/LICENSE",
		"baijiaxing/LICENSE",
	} {
		data, err := os.ReadFile(filepath.Join(dataDir, f))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		if !bytes.Contains(prov, []byte(hex.EncodeToString(sum[:]))) {
			t.Errorf("%s: sha256 %x is not listed in PROVENANCE.md", f, sum)
		}
	}
}

func TestParseRows(t *testing.T) {
	rows, err := parseRows(strings.NewReader("# c\n\na\tb\t# note\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []row{{line: 3, fields: []string{"a", "b"}, comment: "note"}}
	if d := cmp.Diff(want, rows, cmp.AllowUnexported(row{})); d != "" {
		t.Error(d)
	}
}

func TestLoadErrors(t *testing.T) {
	if _, err := Load(t.TempDir()); err == nil {
		t.Error("Load of an empty dir: no error")
	}
}
