package identity

import (
	"strings"
	"testing"
)

// longFoldUnits are patterns that, repeated to kilobytes, take each of
// Fold's paths at its most expensive: runs of combining marks (out of
// canonical order, after dropped characters), ignorables, apostrophes and
// separators, Hangul jamo to compose, compatibility characters that
// expand, full-width forms, invalid UTF-8, and mixed scripts. Fold is for
// any string, so its cost must grow linearly with the input.
var longFoldUnits = []struct{ name, unit string }{
	{"ascii", "John Smith "},
	{"latin-marks", "a\u0301\u0302\u0303\u0304"},
	{"marks-only", "\u0301"},
	{"marks-unordered", "\u0301\u0316"},
	{"marks-after-dropped", "'\u0316\u0301"},
	{"mark-after-zwsp", "a\u200b\u0301"},
	{"ignorables", "\u200b"},
	{"apostrophes", "'"},
	{"separators", " ·-"},
	{"jamo", "\u1100\u1161"},
	{"jamo-separated", "\u1100 \u1161"},
	{"compat-expands", "\ufdfa"},
	{"fullwidth", "Ｊ"},
	{"fullwidth-marks", "Ｊ\u0301"},
	{"invalid-utf8", "\xff"},
	{"invalid-before-compat", "\xf6\u0678"},
	{"mixed-script", "张a한ア"},
}

// repeatTo returns unit repeated to about n bytes.
func repeatTo(unit string, n int) string { return strings.Repeat(unit, n/len(unit)) }

// TestFoldLongAllocs checks, without timing, that AppendFold does a fixed
// amount of allocating work whatever the length: into a buffer with room
// for the key, folding 64 KB of a pattern allocates exactly as often as
// folding 1 KB of it (norm.Iter and the at most four renormalizing passes,
// never an allocation per code point or per normalization segment). It
// also checks Fold's invariants on the long inputs.
func TestFoldLongAllocs(t *testing.T) {
	for _, u := range longFoldUnits {
		t.Run(u.name, func(t *testing.T) {
			allocs := func(s string) float64 {
				buf := make([]byte, 0, 20*len(s))
				return testing.AllocsPerRun(2, func() { buf = AppendFold(buf[:0], s) })
			}
			short, long := repeatTo(u.unit, 1<<10), repeatTo(u.unit, 64<<10)
			if a, b := allocs(short), allocs(long); b != a || b > 10 {
				t.Errorf("AppendFold of %+q repeated: %v allocations for 1 KB, %v for 64 KB; want equal and at most 10", u.unit, a, b)
			}
			checkFold(t, repeatTo(u.unit, 16<<10))
		})
	}
}
