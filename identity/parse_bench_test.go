package identity

import "testing"

// parseBenchInputs are Parse's input classes (STYLE.md §7), with Han
// names of 2 to 4 characters, the lengths that issue 3's mask budget is
// about.
var parseBenchInputs = []struct{ class, in string }{
	{"han-2", "张三"},
	{"han-3", "张小明"},
	{"han-4-compound", "欧阳娜娜"},
	{"han-4-traditional", "歐陽娜娜"},
	{"ascii", "John Smith"},
	{"latin-marks", "Zoë Müller-Lüdenscheidt"},
	{"hangul", "남궁민수"},
	{"interpunct", "买买提·艾力"},
	{"mixed-script", "李Anna"},
	{"emoji-zwj", "张👨\u200d👩\u200d👧"}, // rejected: measures the error path
}

// BenchmarkParseFast measures Parse, with its fast paths.
func BenchmarkParseFast(b *testing.B) {
	for _, in := range parseBenchInputs {
		b.Run(in.class, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, _ = Parse(in.in)
			}
		})
	}
}

// BenchmarkParseSlow measures parseSlow, the general path, on the same
// inputs, so that one run on a noisy machine shows what the fast paths
// save.
func BenchmarkParseSlow(b *testing.B) {
	for _, in := range parseBenchInputs {
		b.Run(in.class, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, _ = parseSlow(in.in)
			}
		})
	}
}

// TestParseFastAllocs holds the zero-allocation claim for every class
// that Parse accepts (emoji-zwj is rejected and returns a *ParseError).
func TestParseFastAllocs(t *testing.T) {
	for _, in := range parseBenchInputs {
		if in.class == "emoji-zwj" {
			continue
		}
		if n := testing.AllocsPerRun(100, func() { _, _ = Parse(in.in) }); n != 0 {
			t.Errorf("Parse(%+q) allocs = %v, want 0", in.in, n)
		}
	}
}
