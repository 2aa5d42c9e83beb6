package han

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/transferguard/transferguard/internal/gen/unihan"
)

var update = flag.Bool("update", false, "rewrite tables.go from internal/gen/data")

const dataDir = "../gen/data"

// TestTablesUpToDate renders the tables from internal/gen/data and fails
// with a diff if tables.go differs; with -update it rewrites tables.go.
// (If a generator change renames what han.go uses, this package no longer
// compiles against the old tables.go: restore a compiling tables.go from
// git, or add the new names to it by hand, then run -update.)
func TestTablesUpToDate(t *testing.T) {
	src, err := unihan.Load(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	tb, err := unihan.Build(src)
	if err != nil {
		t.Fatal(err)
	}
	want, err := unihan.Render(tb)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("tables.go")
	if err != nil && !*update {
		t.Fatal(err)
	}
	if bytes.Equal(got, want) {
		return
	}
	if *update {
		if err := os.WriteFile("tables.go", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("tables.go is out of date; run go generate ./internal/han (-got +want):\n%s", cmp.Diff(string(got), string(want)))
}

// TestLayout checks that the record sizes the lookups use are the ones the
// generator writes.
func TestLayout(t *testing.T) {
	got := [...]int{runeMapStride, readingStride, pairStride, listStride, pageFirst, pageCount}
	want := [...]int{unihan.RuneMapStride, unihan.ReadingStride, unihan.PairStride, unihan.ListStride, unihan.PageFirst, unihan.PageCount}
	if got != want {
		t.Errorf("layout %v, generator writes %v", got, want)
	}
}
